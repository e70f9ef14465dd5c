/* fate.c - what became of people, told per person and compared across
 * sources.
 *
 * News about a crash, an ambush or a hostage taking rarely names every
 * person; it singles them out: "one pilot was killed, the other captured",
 * "the navigator was rescued", "both crew members died". A fate claim
 * keeps the group of the person (crew, troops, hostages...), the words
 * that single them out (a key: "one", "other", "both", or a role noun)
 * and the fate. Comparing needs to know which person of one text is which
 * person of another; the words alone do not say ("one" in one text may
 * be "the other" in the next), so people are matched by how well their
 * fates fit, and only a match that is better than every other one is
 * used. Nothing here parses syntax: the person is the nearest one before
 * the fate word, or the one right after a fate verb that takes an object.
 */
#include "claimdiff/fate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/wordfilter.h"
#include "claimdiff/wordmask.h"
#include "scan.h"

/* Words one phrase of a fate table may have. */
#define FATE_PHRASE_WORDS 4
/* A person this many tokens before a fate word may still be its own:
 * "navigator X, from the jet shot down by Y on Tuesday, was found". */
#define FATE_BACK_TOKENS 25
/* A person after a fate verb stands within this many tokens of it
 * ("killing a Russian marine"). */
#define FATE_OBJECT_TOKENS 4
/* Words between a referent word and its role noun ("the second Russian
 * pilot"). */
#define FATE_NP_GAP 2
/* A group or a person named this many sentences back is still the one
 * "one", "the other" or "he" speaks of: the sentence before, no more. */
#define FATE_CARRY 1
/* The group of fate_people that "no one survived" speaks of when the
 * text names none just before: everyone involved. */
#define FATE_EVERYONE_GROUP "people"
/* Bytes between a role noun and the name after it ("navigator Captain
 * X"): room for a rank or title. */
#define FATE_NAME_GAP 40
/* The slot of the role claims of fate.c: kept apart from the roles of
 * named entities that claim.c finds. */
#define FATE_ROLE_SLOT "fate role"
/* People of one group one document singles out; more is a list, not a
 * crew, and is not matched. */
#define FATE_MAX_MEMBERS 4

/* ---- states -------------------------------------------------------------- */

enum fstate {
    FS_NONE,
    FS_DEAD,
    FS_SHOT, /* shot: in news of fates, nearly always shot dead */
    FS_WOUNDED,
    FS_MISSING,
    FS_CAPTURED,
    FS_RESCUED,
    FS_FREED, /* released by captors */
    FS_ALIVE,
};
#define FS_N 9

static const char *const state_names[FS_N] = {
    "none",    "dead",     "shot",    "wounded",
    "missing", "captured", "rescued", "freed", "alive",
};

/* Fates fall in three outcomes: a dead person is never later alive, but
 * a missing, wounded or captured one may end either way. */
enum foutcome { FO_OPEN, FO_DEAD, FO_LIVE };

static enum foutcome outcome(enum fstate s)
{
    switch (s) {
    case FS_DEAD:
    case FS_SHOT: return FO_DEAD;
    case FS_RESCUED:
    case FS_FREED:
    case FS_ALIVE: return FO_LIVE;
    default: return FO_OPEN;
    }
}

static enum fstate state_of(const char *name)
{
    for (int s = 0; s < FS_N; s++)
        if (name && !strcmp(name, state_names[s]))
            return (enum fstate)s;
    return FS_NONE;
}

/* ---- phrase tables ------------------------------------------------------- */

enum rkey {
    RK_ONE,
    RK_FIRST,
    RK_OTHER,
    RK_SECOND,
    RK_BOTH,
    RK_ALL,
    RK_NONE,
    RK_DEF,
    RK_INDEF,
    RK_PRONOUN,
    RK_LINK,
    RK_BLOCK,
    RK_SUBJECT,
    RK_PREP,
    RK_BREAK,
    RK_N
};

static const char *const rkey_names[RK_N] = {
    "one", "first", "other",   "second", "both",  "all", "none",
    "def", "indef", "pronoun", "link",   "block", "subject", "prep", "break",
};

struct fphrase {
    const char *words[FATE_PHRASE_WORDS];
    size_t n;
    int a;           /* state, referent key or 1 for a group of many */
    bool obj;        /* a fate verb that may take its person after it */
    bool verb;       /* tells the fate of the person right before it */
    bool joins;      /* a role noun of the group spoken of before it
                        ("two aid workers ... the hostage") */
    const char *val; /* a role noun's group (arena), else NULL */
    const char *key; /* a role noun as written in the table (arena) */
};

/* Phrases by first word: one id per distinct first word, listing its
 * phrases. */
struct ftable {
    struct fphrase *v;
    size_t n;
    struct scan_map *first;
    /* The first words again, as a quick reject: most tokens begin no
     * phrase, and match_at is asked about nearly every token. */
    struct wordfilter first_words;
    /* the same first words as a bit of a caller's wordmask (fate_index),
     * 0 until then */
    uint32_t bit;
    struct flist {
        size_t *v;
        size_t n;
    } *lists;
    size_t nlists;
};

struct fater {
    struct arena *arena;
    struct ftable fates, people, refs;
    struct ftable denials; /* claims/negators of scope "clause" */
    /* the first words of people and fates: a sentence with none of
     * them tells no fate and names no one (fate_sentence) */
    struct wordfilter starts;
};

static void ftable_free(struct ftable *t)
{
    for (size_t i = 0; i < t->nlists; i++)
        free(t->lists[i].v);
    free(t->lists);
    free(t->v);
    scan_map_free(t->first);
}

/* Split words into p (space separated, at most FATE_PHRASE_WORDS). */
static bool split_words(struct arena *a, const char *words, struct fphrase *p)
{
    char *copy = arena_strdup(a, words);
    p->n = 0;
    for (char *w = copy; *w;) {
        char *sp = strchr(w, ' ');
        if (p->n == FATE_PHRASE_WORDS)
            return false;
        p->words[p->n++] = w;
        if (!sp)
            break;
        *sp = '\0';
        w = sp + 1;
        while (*w == ' ')
            w++;
    }
    return p->n > 0;
}

static void ftable_index(struct ftable *t)
{
    t->first = scan_map_new();
    t->lists = xcalloc(t->n + 1, sizeof *t->lists);
    for (size_t i = 0; i < t->n; i++) {
        size_t len = strlen(t->v[i].words[0]);
        int id = scan_map_put(t->first, t->v[i].words[0], len);
        wordfilter_add(&t->first_words, t->v[i].words[0], len);
        if (id < 0 || (size_t)id > t->n)
            continue;
        struct flist *l = &t->lists[id];
        l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
        l->v[l->n++] = i;
        if ((size_t)id + 1 > t->nlists)
            t->nlists = (size_t)id + 1;
    }
}

/* The index of name in names[0..n), or -1. */
static int name_index(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return i;
    return -1;
}

/* Load the rows of table name into t; `kind` says how the second and
 * third columns read (0: fates, 1: people, 2: referents, 3: negators,
 * of which only the "clause" rows are kept). */
static enum cd_err ftable_load(struct fater *f, struct ftable *t,
                               const struct rules *r, const char *name,
                               int kind, struct diag *d)
{
    const struct rule_table *rt = rules_get(r, name);
    size_t nf = kind >= 2 ? 2 : 3;
    enum cd_err err = rules_check_fields(rt, nf, kind == 1 ? 4 : nf, d);
    if (err)
        return err;
    t->v = xcalloc(rt->nrows + 1, sizeof *t->v);
    for (size_t i = 0; i < rt->nrows; i++) {
        const struct rule_row *row = &rt->rows[i];
        struct fphrase p;
        memset(&p, 0, sizeof p);
        if (!split_words(f->arena, row->fields[0], &p))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "phrase of more than %d words",
                            FATE_PHRASE_WORDS);
        const char *v1 = row->fields[1];
        if (kind == 3 && strcmp(v1, "clause"))
            continue;
        if (kind == 0) {
            p.a = (int)state_of(v1);
            if (p.a == FS_NONE && strcmp(v1, "none"))
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "state '%s' is not a fate", v1);
            p.obj = !strcmp(row->fields[2], "obj");
            p.verb = !strcmp(row->fields[2], "verb");
            if (!p.obj && !p.verb && strcmp(row->fields[2], "-"))
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "object '%s' is not obj, verb or -",
                                row->fields[2]);
        } else if (kind == 1) {
            if (strcmp(row->fields[2], "one") && strcmp(row->fields[2], "many"))
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "number '%s' is not one or many",
                                row->fields[2]);
            p.a = !strcmp(row->fields[2], "many");
            p.val = arena_strdup(f->arena, v1);
            p.key = arena_strdup(f->arena, row->fields[0]);
            p.joins = row->nfields > 3 && !strcmp(row->fields[3], "joins");
            if (row->nfields > 3 && !p.joins)
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "'%s' is not joins", row->fields[3]);
        } else if (kind == 3) {
            p.a = 1;
        } else {
            p.a = name_index(rkey_names, RK_N, v1);
            if (p.a < 0)
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "key '%s' is not a referent key", v1);
        }
        t->v[t->n++] = p;
    }
    ftable_index(t);
    return CD_OK;
}

enum cd_err fate_new(const struct rules *r, struct fater **out,
                     struct diag *d)
{
    struct fater *f = xcalloc(1, sizeof *f);
    f->arena = arena_new();
    enum cd_err err = ftable_load(f, &f->fates, r, "claims/fates", 0, d);
    if (!err)
        err = ftable_load(f, &f->people, r, "claims/fate_people", 1, d);
    if (!err)
        err = ftable_load(f, &f->refs, r, "claims/fate_referents", 2, d);
    if (!err)
        err = ftable_load(f, &f->denials, r, "claims/negators", 3, d);
    if (err) {
        fate_free(f);
        *out = NULL;
        return err;
    }
    wordfilter_merge(&f->starts, &f->people.first_words);
    wordfilter_merge(&f->starts, &f->fates.first_words);
    *out = f;
    return CD_OK;
}

void fate_free(struct fater *f)
{
    if (!f)
        return;
    ftable_free(&f->fates);
    ftable_free(&f->people);
    ftable_free(&f->refs);
    ftable_free(&f->denials);
    arena_free(f->arena);
    free(f);
}

/* ---- matching ------------------------------------------------------------ */

struct frun {
    const struct fater *f;
    struct doc *doc;
    const char *text;
    /* per token the wordmask's bits (fate_claims' m->tok), or NULL: then
     * the tables' own filters answer may_start */
    const uint32_t *tmask;
    size_t a, b; /* the sentence's tokens */
};

static bool tok_is(const struct frun *r, size_t k, const char *w)
{
    const struct token *t = &r->doc->toks[k];
    size_t len = t->span.end - t->span.start;
    return t->kind == TOK_WORD && len == strlen(w) &&
           !strncasecmp(r->text + t->span.start, w, len);
}

/* May token i begin a phrase whose first words f holds (whose bits in
 * the token masks are bits)? With masks the answer is exact: a clear bit
 * means no first word equals the token, as scan_map_get would compare. */
static inline bool may_start(const struct frun *r, const struct wordfilter *f,
                             uint32_t bits, size_t i)
{
    if (r->tmask)
        return r->tmask[i] & bits;
    const struct token *tk = &r->doc->toks[i];
    return tk->kind == TOK_WORD &&
           wordfilter_may(f, r->text + tk->span.start,
                          tk->span.end - tk->span.start);
}

/* match_at past its quick reject. */
static const struct fphrase *match_lookup(const struct frun *r,
                                          const struct ftable *t, size_t i,
                                          size_t *n)
{
    const struct token *tk = &r->doc->toks[i];
    const char *s = r->text + tk->span.start;
    size_t len = tk->span.end - tk->span.start;
    int id = scan_map_get(t->first, s, len);
    if (id < 0 || (size_t)id >= t->nlists)
        return NULL;
    const struct fphrase *best = NULL;
    for (size_t k = 0; k < t->lists[id].n; k++) {
        const struct fphrase *p = &t->v[t->lists[id].v[k]];
        if (p->n <= *n || i + p->n > r->b)
            continue;
        size_t w = 1;
        while (w < p->n && tok_is(r, i + w, p->words[w]))
            w++;
        if (w == p->n) {
            best = p;
            *n = p->n;
        }
    }
    return best;
}

/* The longest phrase of t starting at token i, within the sentence;
 * its length in tokens in *n. Asked about nearly every token, and
 * nearly always a miss: inline, the miss is one filter probe. */
__attribute__((always_inline)) static inline const struct fphrase *
match_at(const struct frun *r, const struct ftable *t, size_t i, size_t *n)
{
    *n = 0;
    if (!t->first || !may_start(r, &t->first_words, t->bit, i))
        return NULL;
    return match_lookup(r, t, i, n);
}

/* A phrase of t that ends at token e, starting no earlier than r->a;
 * its first token in *start. The longest wins. */
static const struct fphrase *match_ending(const struct frun *r,
                                          const struct ftable *t, size_t e,
                                          size_t *start)
{
    const struct fphrase *best = NULL;
    for (size_t len = FATE_PHRASE_WORDS; len >= 1 && !best; len--) {
        if (e + 1 < r->a + len)
            continue;
        size_t s = e + 1 - len, n;
        const struct fphrase *p = match_at(r, t, s, &n);
        if (p && n == len) {
            best = p;
            *start = s;
        }
    }
    return best;
}

static int ref_key_at(const struct frun *r, size_t k)
{
    size_t n;
    const struct fphrase *p = match_at(r, &r->f->refs, k, &n);
    return p && n == 1 ? p->a : -1;
}

/* ---- people -------------------------------------------------------------- */

/* A person or a group the text singles out. */
struct person {
    const char *group; /* fate_people group (fater arena) */
    const char *key;   /* "one", "other", "both", "all" or a role noun */
    size_t start;      /* first token of the words that single it out */
    unsigned sentence;
    bool set;
    size_t end;        /* a role noun of this sentence: the token after
                          it; 0 for a referent word or a pronoun */
};

/* The referent words before the role noun at token i ("the second
 * Russian", "both", "one of the") read with the noun: the person's key,
 * and in *start where the words begin. NULL when a group of many is not
 * taken whole ("pilots", "two pilots"). */
static const char *np_key(const struct frun *r, size_t i,
                          const struct fphrase *noun, size_t *start)
{
    *start = i;
    int rk = -1;
    for (size_t gap = 0; gap <= FATE_NP_GAP && i >= r->a + gap + 1; gap++) {
        size_t e = i - gap - 1, s;
        if (r->doc->toks[e].kind == TOK_PUNCT)
            break; /* a number may stand between: "all 150 people" */
        const struct fphrase *p = match_ending(r, &r->f->refs, e, &s);
        if (p && p->a <= RK_INDEF) {
            if (s > r->a && ref_key_at(r, s - 1) == RK_BLOCK)
                return NULL; /* "not one soldier" */
            rk = p->a;
            *start = s;
            break;
        }
    }
    bool many = noun->a == 1;
    switch (rk) {
    case RK_ONE:
    case RK_FIRST:
    case RK_OTHER:
    case RK_SECOND: return rkey_names[rk];
    case RK_BOTH: return many ? "both" : NULL;
    case RK_NONE: return many ? "none" : NULL;
    case RK_ALL:
    case RK_DEF: return many ? "all" : rk == RK_ALL ? NULL : noun->key;
    default: return many ? NULL : noun->key;
    }
}

/* Is key one of the words that count people off ("one", "the other")? */
static bool ordinal_key(const char *key)
{
    return !strcmp(key, "one") || !strcmp(key, "first") ||
           !strcmp(key, "other") || !strcmp(key, "second");
}

/* ---- fate claims --------------------------------------------------------- */

struct fclaims {
    struct claim *v;
    size_t n, cap;
};

static void add_fate(const struct frun *r, struct fclaims *out,
                     const struct person *p, enum fstate st, struct span sp,
                     unsigned sentence)
{
    if (out->n == out->cap)
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    struct claim *cl = &out->v[out->n++];
    memset(cl, 0, sizeof *cl);
    cl->kind = CLAIM_FATE;
    cl->sentence = sentence;
    cl->span = sp;
    cl->cls = p->group;
    cl->slot = p->key;
    cl->text = state_names[st];
    cl->subject = cl->object = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->mention_idx = cl->quote_idx = -1;
    (void)r;
}

/* Is the fate at token i kept from being told ("not killed", "would be
 * killed", "no one survived")? Looks through link words before i. */
static bool blocked_before(const struct frun *r, size_t i)
{
    for (size_t k = i; k > r->a;) {
        k--;
        int rk = ref_key_at(r, k);
        if (rk == RK_BLOCK)
            return true;
        if (rk != RK_LINK)
            return false;
    }
    return false;
}

/* The group of a role noun: its own, or for a noun that joins ("the
 * hostage", "the victims"), the group spoken of in this sentence or the
 * one before. */
static const char *noun_group(const struct fphrase *noun,
                              const struct person *last_group, unsigned si)
{
    if (noun->joins && last_group->set &&
        si - last_group->sentence <= FATE_CARRY)
        return last_group->group;
    return noun->val;
}

/* The first token of the sentence's words that deny or dispute
 * something ("denying reports that one had been killed"), r->b if none.
 * Fates after them are left out: what they deny is beyond the
 * nearest-word reading done here. */
static size_t denial_at(const struct frun *r)
{
    for (size_t i = r->a; i < r->b; i++) {
        size_t n;
        if (match_at(r, &r->f->denials, i, &n))
            return i;
    }
    return r->b;
}

/* Does the fate phrase ending before token e close its clause ("the
 * other captured.", "... captured and ...")? */
static bool clause_ends(const struct frun *r, size_t e)
{
    if (e >= r->b || r->doc->toks[e].kind == TOK_PUNCT)
        return true;
    int rk = ref_key_at(r, e);
    return rk == RK_BREAK || rk == RK_PREP;
}

/* The person right after the fate verb ending before token e: a role
 * noun within FATE_OBJECT_TOKENS words, none of them a break word; or
 * one of the group spoken of just before, its clause ending there
 * ("killed one of them,", "rescued the other."). */
static bool object_after(const struct frun *r, size_t e,
                         const struct person *last_group, unsigned si,
                         struct person *out, size_t *end)
{
    size_t rn;
    const struct fphrase *ref = e < r->b ? match_at(r, &r->f->refs, e, &rn)
                                         : NULL;
    if (ref && ref->a <= RK_ALL && clause_ends(r, e + rn)) {
        if (!last_group->set || si - last_group->sentence > FATE_CARRY)
            return false;
        *out = (struct person){last_group->group, rkey_names[ref->a], e, si,
                               true, 0};
        *end = e + rn;
        return true;
    }
    for (size_t k = e; k < r->b && k < e + FATE_OBJECT_TOKENS; k++) {
        size_t n;
        const struct fphrase *noun = match_at(r, &r->f->people, k, &n);
        if (noun) {
            size_t s;
            const char *key = np_key(r, k, noun, &s);
            if (!key)
                return false;
            *out = (struct person){noun_group(noun, last_group, si), key, s,
                                   0, true, k + n};
            *end = k + n;
            return true;
        }
        int rk = ref_key_at(r, k);
        if (r->doc->toks[k].kind == TOK_PUNCT || rk == RK_BREAK ||
            rk == RK_PREP)
            return false; /* a number may stand between: "all 150" */
    }
    return false;
}

/* Does someone else stand as subject between tokens from and to: a
 * pronoun, or "the", "a" not after a preposition ("the pilot said the
 * jet was missing": the jet is missing, not the pilot)? */
static bool other_subject(const struct frun *r, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        int rk = ref_key_at(r, k);
        if (rk == RK_SUBJECT || rk == RK_PRONOUN)
            return true;
        if (rk != RK_DEF && rk != RK_INDEF)
            continue;
        int prev = k > r->a ? ref_key_at(r, k - 1) : -1;
        if (prev != RK_PREP && prev != RK_BLOCK)
            return true;
    }
    return false;
}

/* The person before the fate fp at token i: a referent word or a
 * pronoun right before it (link words aside), else the nearest role
 * noun of the sentence, np[0..nnp), when the fate is told of it: after
 * a link word ("was", "has been"), as a verb ("died"), or right after
 * it ("the other missing"), with no one else in between. */
static bool subject_before(const struct frun *r, size_t i,
                           const struct fphrase *fp, size_t n,
                           const struct person *np, size_t nnp,
                           const struct person *last_group,
                           const struct person *last_one, unsigned si,
                           struct person *out)
{
    size_t k = i;
    while (k > r->a && ref_key_at(r, k - 1) == RK_LINK)
        k--;
    bool linked = k < i;
    if (fp->obj && !linked && !clause_ends(r, i + n))
        return false; /* "the other captured the town": active */
    if (k > r->a) {
        size_t s;
        const struct fphrase *p = match_ending(r, &r->f->refs, k - 1, &s);
        if (p && p->a <= RK_NONE && (!nnp || np[nnp - 1].start < s)) {
            if (s > r->a && ref_key_at(r, s - 1) == RK_BLOCK)
                return false; /* "not one ..." */
            bool near = last_group->set &&
                        si - last_group->sentence <= FATE_CARRY;
            /* "No one survived" with no group named just before speaks
             * of everyone involved. */
            if (!near && p->a != RK_NONE)
                return false;
            *out = (struct person){near ? last_group->group
                                        : FATE_EVERYONE_GROUP,
                                   rkey_names[p->a], s, si, true, 0};
            return true;
        }
        if (p && p->a == RK_PRONOUN) {
            if (!last_one->set || si - last_one->sentence > FATE_CARRY)
                return false;
            *out = *last_one;
            out->start = s;
            out->end = 0;
            return true;
        }
    }
    if (!nnp || np[nnp - 1].start + FATE_BACK_TOKENS < i)
        return false;
    const struct person *p = &np[nnp - 1];
    if (!linked && !fp->verb && p->end != i)
        return false;
    if (other_subject(r, p->end, k))
        return false;
    *out = *p;
    return true;
}

/* Where the words stating the fate at token i of person p begin: at
 * the person when only link words stand between ("one pilot was
 * killed"), else at the link words before the fate ("has been found
 * alive"): the person's role gets a claim of its own. */
static size_t fate_start(const struct frun *r, const struct person *p,
                         size_t i)
{
    size_t k = i;
    while (k > r->a && k > p->start && ref_key_at(r, k - 1) == RK_LINK)
        k--;
    return p->end && k > p->end ? k : p->start;
}

/* A role noun naming the person of a fate ("a navigator", "navigator
 * Captain X Y") as a CLAIM_ROLE of slot FATE_ROLE_SLOT, once per noun:
 * documents calling one person by one role agree. The words run on over
 * a name that follows. */
static void add_role(const struct frun *r, struct fclaims *out,
                     const struct person *p, unsigned sentence)
{
    if (!p->end || ordinal_key(p->key) || !strcmp(p->key, "both") ||
        !strcmp(p->key, "all"))
        return;
    const struct token *toks = r->doc->toks;
    size_t from = toks[p->start].span.start, to = toks[p->end - 1].span.end;
    for (size_t i = out->n; i > 0; i--) {
        const struct claim *cl = &out->v[i - 1];
        if (cl->sentence != sentence)
            break;
        if (cl->kind == CLAIM_ROLE && cl->span.start == from)
            return;
    }
    const struct mention *m = r->doc->mentions;
    for (size_t k = 0; k < r->doc->nmentions; k++) {
        if (m[k].span.start < to)
            continue;
        if (m[k].type == ENT_PERSON &&
            m[k].span.start <= to + FATE_NAME_GAP &&
            !memchr(r->text + to, ',', m[k].span.start - to))
            to = m[k].span.end;
        break;
    }
    if (out->n == out->cap)
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    struct claim *cl = &out->v[out->n++];
    memset(cl, 0, sizeof *cl);
    cl->kind = CLAIM_ROLE;
    cl->sentence = sentence;
    cl->span = (struct span){from, to};
    cl->cls = p->group;
    cl->slot = FATE_ROLE_SLOT;
    cl->text = p->key;
    cl->subject = cl->object = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->mention_idx = cl->quote_idx = -1;
}

/* "No one survived", "none of the passengers survived": everyone of
 * the group is dead. Other fates of no one ("no one was hurt") may speak
 * of bystanders and are dropped, as is any fate of no one but being
 * alive. Returns false to drop the fate; else p and *st are the fate to
 * tell. */
static bool everyone(struct person *p, enum fstate *st)
{
    if (strcmp(p->key, "none"))
        return true;
    if (*st != FS_ALIVE)
        return false;
    p->key = "all";
    *st = FS_DEAD;
    return true;
}

/* Is the fate at token i, of verb phrase fp, the participle that names
 * which of the group just before it it befell ("the 160 people
 * rescued", "the number of people killed")? A verb that takes an object
 * right after its group noun is no predicate of the whole group (that
 * takes "were killed"); the group it names is a part, never "all". */
static bool names_a_part(const struct person *who, const struct fphrase *fp,
                         size_t i, unsigned si)
{
    return fp->obj && who->end == i && who->sentence == si &&
           !strcmp(who->key, "all");
}

/* The fates told in sentence si, tokens [a, b). last_group and last_one
 * carry the group and the single person spoken of across sentences. */
static void fate_sentence(struct frun *r, unsigned si, struct fclaims *out,
                          struct person *last_group, struct person *last_one)
{
    const struct token *toks = r->doc->toks;
    struct person np[16];
    size_t nnp = 0;
    size_t k0 = r->a;
    uint32_t starts = r->f->people.bit | r->f->fates.bit;
    while (k0 < r->b && !may_start(r, &r->f->starts, starts, k0))
        k0++;
    if (k0 == r->b)
        return; /* no people noun, no fate word: nothing changes */
    size_t denied = (size_t)-1; /* denial_at once a fate needs it */
    for (size_t i = k0; i < r->b; i++) {
        size_t n;
        const struct fphrase *noun = match_at(r, &r->f->people, i, &n);
        if (noun) {
            size_t s;
            const char *key = np_key(r, i, noun, &s);
            struct person p = {noun_group(noun, last_group, si), key, s, si,
                               true, i + n};
            *last_group = p;
            if (key && noun->a == 0)
                *last_one = p;
            if (key) {
                if (nnp == 16)
                    memmove(np, np + 1, --nnp * sizeof *np);
                np[nnp++] = p;
            }
            i += n - 1;
            continue;
        }
        const struct fphrase *fp = match_at(r, &r->f->fates, i, &n);
        if (!fp)
            continue;
        if (fp->a != FS_NONE && denied == (size_t)-1)
            denied = denial_at(r);
        if (fp->a != FS_NONE && i < denied && !blocked_before(r, i)) {
            struct person who;
            size_t end;
            enum fstate st = (enum fstate)fp->a;
            if (fp->obj &&
                object_after(r, i + n, last_group, si, &who, &end)) {
                who.sentence = si;
                if (!everyone(&who, &st)) {
                    i = end - 1;
                    continue;
                }
                add_role(r, out, &who, si);
                add_fate(r, out, &who, st,
                         (struct span){toks[i].span.start,
                                       toks[end - 1].span.end},
                         si);
                *last_group = who;
                if (strcmp(who.key, "both") && strcmp(who.key, "all"))
                    *last_one = who;
                i = end - 1;
                continue;
            }
            if (subject_before(r, i, fp, n, np, nnp, last_group, last_one,
                               si, &who) &&
                !names_a_part(&who, fp, i, si) && everyone(&who, &st)) {
                add_role(r, out, &who, si);
                add_fate(r, out, &who, st,
                         (struct span){toks[fate_start(r, &who, i)].span.start,
                                       toks[i + n - 1].span.end},
                         si);
            }
        }
        i += n - 1;
    }
}

bool fate_index(struct fater *f, struct wordmask *wm, unsigned first)
{
    struct ftable *tables[FATE_MASK_TABLES] = {&f->fates, &f->people,
                                               &f->refs, &f->denials};
    if (first > WORDMASK_TABLES - FATE_MASK_TABLES)
        return false;
    for (unsigned k = 0; k < FATE_MASK_TABLES; k++) {
        struct ftable *t = tables[k];
        t->bit = (uint32_t)1 << (first + k);
        for (size_t i = 0; i < t->n; i++)
            wordmask_add(wm, first + k, t->v[i].words[0],
                         strlen(t->v[i].words[0]), false);
    }
    return true;
}

void fate_claims(const struct fater *f, struct doc *doc,
                 const struct wordmask_doc *m)
{
    struct frun r = {f, doc, doc->text, m ? m->tok : NULL, 0, 0};
    struct fclaims out = {NULL, 0, 0};
    struct person last_group = {0}, last_one = {0};
    uint32_t starts = f->people.bit | f->fates.bit;
    size_t t = 0;
    for (unsigned si = 0; si < doc->nsents; si++) {
        size_t a;
        wordmask_sentence(m, doc, si, &a, &t);
        /* Headlines name people loosely ("Pilot rescued" of a navigator):
         * only the body tells who is who. */
        if (doc->sents[si].flags &
            (SENT_BOILERPLATE | SENT_CAPTION | SENT_HEADLINE))
            continue;
        /* no people noun, no fate word: as fate_sentence finds, without
         * looking at a token */
        if (m && !(m->sent[si] & starts))
            continue;
        r.a = a;
        r.b = t;
        fate_sentence(&r, si, &out, &last_group, &last_one);
    }
    claim_merge(doc, out.v, out.n);
    free(out.v);
}

/* ---- comparing ----------------------------------------------------------- */

struct fitem {
    unsigned story;
    const char *group;
    unsigned doc, claim;
};

static int cmp_fitem(const void *x, const void *y)
{
    const struct fitem *a = x, *b = y;
    if (a->story != b->story)
        return (a->story > b->story) - (a->story < b->story);
    int g = strcmp(a->group, b->group);
    if (g)
        return g;
    if (a->doc != b->doc)
        return (a->doc > b->doc) - (a->doc < b->doc);
    return (a->claim > b->claim) - (a->claim < b->claim);
}

/* One person (or the whole group) as one document tells their fate. */
struct member {
    const char *key; /* a role noun, or the first key that named them */
    int ordinal;     /* 1: "one", "the first"; 2: "the other", "the
                        second"; 0: a role noun or the whole group */
    int rep[3];      /* per enum foutcome: its first claim, -1 */
    int one_dead;    /* the first "one ... killed" claim, -1 */
    const char *role; /* the role noun the text calls them by, or NULL */
    bool both;       /* the whole group is "both": two people */
};

/* The people of one group in one document. */
struct fdoc {
    unsigned doc;
    struct member m[FATE_MAX_MEMBERS];
    size_t nm;
    struct member all; /* what is said of everyone: "both", "all" */
    size_t map[FATE_MAX_MEMBERS]; /* per member: the account's person */
    bool mapped;       /* map holds a match better than any other */
};

static void member_init(struct member *m, const char *key, int ordinal)
{
    m->key = key;
    m->ordinal = ordinal;
    m->rep[0] = m->rep[1] = m->rep[2] = -1;
    m->one_dead = -1;
    m->both = false;
    m->role = ordinal ? NULL : key;
}

/* The outcome a member's claims agree on, -1 when they are torn (dead
 * and alive in one text: a person mixed up with another) or empty. */
static int summary(const struct member *m)
{
    if (m->rep[FO_DEAD] >= 0 && m->rep[FO_LIVE] >= 0)
        return -1;
    if (m->rep[FO_DEAD] >= 0)
        return FO_DEAD;
    if (m->rep[FO_LIVE] >= 0)
        return FO_LIVE;
    return m->rep[FO_OPEN] >= 0 ? FO_OPEN : -1;
}

/* Are two outcomes exclusive: dead in one, alive in the other? */
static bool clash(int oa, int ob)
{
    return (oa == FO_DEAD && ob == FO_LIVE) || (oa == FO_LIVE && ob == FO_DEAD);
}

static int rep_of(const struct member *m)
{
    int o = summary(m);
    return o < 0 ? -1 : m->rep[o];
}

static const struct claim *claim_at(const struct corpus *c, unsigned doc,
                                    int k)
{
    return &c->docs[doc]->claims[k];
}

static enum fstate member_state(const struct corpus *c, const struct fdoc *fd,
                                const struct member *m)
{
    return state_of(claim_at(c, fd->doc, rep_of(m))->text);
}

static void member_add(const struct corpus *c, unsigned doc,
                       struct member *m, unsigned k)
{
    const struct claim *cl = claim_at(c, doc, (int)k);
    enum fstate st = state_of(cl->text);
    enum foutcome o = outcome(st);
    if (m->rep[o] < 0)
        m->rep[o] = (int)k;
    /* "one pilot was dead" counts the dead; "one shot" less plainly */
    if (!strcmp(cl->slot, "one") && o == FO_DEAD &&
        (m->one_dead < 0 ||
         (st == FS_DEAD && state_of(claim_at(c, doc, m->one_dead)->text) !=
                               FS_DEAD)))
        m->one_dead = (int)k;
    if (!strcmp(cl->slot, "both"))
        m->both = true;
}

static int ordinal_of(const char *key)
{
    if (!strcmp(key, "one") || !strcmp(key, "first"))
        return 1;
    if (!strcmp(key, "other") || !strcmp(key, "second"))
        return 2;
    return 0;
}

static void merge_member(struct member *into, const struct member *m)
{
    for (int o = 0; o < 3; o++)
        if (m->rep[o] >= 0 && (into->rep[o] < 0 || m->rep[o] < into->rep[o]))
            into->rep[o] = m->rep[o];
    if (into->one_dead < 0)
        into->one_dead = m->one_dead;
    if (!into->role)
        into->role = m->role;
}

/* A person named by role in a text that also counts them off ("one
 * pilot ... the other ... the pilot was killed") is the counted one
 * whose fate the role's claims share, if only one shares it. A role
 * that fits two of them, or none while both are counted, is dropped. */
static void merge_roles(struct fdoc *fd)
{
    size_t nord = 0;
    for (size_t i = 0; i < fd->nm; i++)
        nord += fd->m[i].ordinal != 0;
    if (!nord)
        return;
    size_t keep = 0;
    for (size_t i = 0; i < fd->nm; i++) {
        struct member *r = &fd->m[i];
        if (r->ordinal) {
            fd->m[keep++] = *r;
            continue;
        }
        int o = summary(r);
        size_t fits = 0, at = 0;
        for (size_t j = 0; j < fd->nm; j++)
            if (fd->m[j].ordinal && o >= 0 && summary(&fd->m[j]) == o) {
                fits++;
                at = j;
            }
        if (fits == 1)
            merge_member(&fd->m[at], r);
        else if (fits == 0 && nord == 1 && o >= 0)
            fd->m[keep++] = *r; /* the one the count left out */
    }
    fd->nm = keep;
}

static void build_doc(const struct corpus *c, const struct fitem *v, size_t n,
                      struct fdoc *fd)
{
    memset(fd, 0, sizeof *fd);
    fd->doc = v[0].doc;
    member_init(&fd->all, "all", 0);
    bool overflow = false;
    for (size_t i = 0; i < n; i++) {
        const struct claim *cl = claim_at(c, fd->doc, (int)v[i].claim);
        if (cl->kind != CLAIM_FATE)
            continue;
        const char *key = cl->slot;
        if (!strcmp(key, "both") || !strcmp(key, "all")) {
            member_add(c, fd->doc, &fd->all, v[i].claim);
            continue;
        }
        int ord = ordinal_of(key);
        struct member *m = NULL;
        for (size_t j = 0; j < fd->nm && !m; j++)
            if (ord ? fd->m[j].ordinal == ord
                    : !fd->m[j].ordinal && !strcmp(fd->m[j].key, key))
                m = &fd->m[j];
        if (!m && fd->nm == FATE_MAX_MEMBERS) {
            overflow = true;
            continue;
        }
        if (!m) {
            m = &fd->m[fd->nm++];
            member_init(m, key, ord);
        }
        member_add(c, fd->doc, m, v[i].claim);
    }
    /* A text singling out more people than a crew is a list of victims:
     * which is which is beyond matching. */
    if (overflow)
        fd->nm = 0;
    merge_roles(fd);
    /* "Both soldiers died ... a soldier was rescued": the text's "both"
     * is not everyone it speaks of, so it says nothing of the group. */
    for (size_t i = 0; i < fd->nm; i++)
        if (clash(summary(&fd->m[i]), summary(&fd->all)))
            member_init(&fd->all, "all", 0);
    /* What is said of everyone is said of each ("both are alive ... one
     * was freed"): an outcome a person has no claim of comes from the
     * group's. */
    for (size_t i = 0; i < fd->nm; i++)
        for (int o = 0; o < 3; o++)
            if (fd->m[i].rep[o] < 0)
                fd->m[i].rep[o] = fd->all.rep[o];
    size_t keep = 0;
    for (size_t i = 0; i < fd->nm; i++)
        if (summary(&fd->m[i]) >= 0)
            fd->m[keep++] = fd->m[i];
    fd->nm = keep;
}

/* ---- matching people ----------------------------------------------------- */

#define CLASH_SCORE (-1000)


/* How well person a of one document fits person b of another: the same
 * role noun most, then the same fate, the same outcome, an open fate;
 * exclusive fates never. */
static int pair_score(const struct corpus *c, const struct fdoc *da,
                      const struct member *a, const struct fdoc *db,
                      const struct member *b)
{
    int oa = summary(a), ob = summary(b);
    if (clash(oa, ob))
        return CLASH_SCORE;
    int s = member_state(c, da, a) == member_state(c, db, b) ? 3
          : oa == ob && oa != FO_OPEN                        ? 2
                                                             : 1;
    if (!a->ordinal && !b->ordinal && !strcmp(a->key, b->key))
        s += 4;
    return s;
}

struct search {
    const struct corpus *c;
    const struct fdoc *a, *b; /* a->nm <= b->nm */
    size_t cur[FATE_MAX_MEMBERS], best[FATE_MAX_MEMBERS];
    bool used[FATE_MAX_MEMBERS];
    int best_score;
    unsigned ties; /* maps scoring best_score */
};

/* Do the maps cur and best give each of b's people the same fate? Two
 * people of one fate may be swapped: the verdicts stay the same. */
static bool same_fates(const struct search *s)
{
    for (size_t i = 0; i < s->a->nm; i++) {
        if (s->cur[i] == s->best[i])
            continue;
        size_t k = 0; /* the person best gives cur[i]'s place */
        while (k < s->a->nm && s->best[k] != s->cur[i])
            k++;
        if (k == s->a->nm ||
            member_state(s->c, s->a, &s->a->m[i]) !=
                member_state(s->c, s->a, &s->a->m[k]))
            return false;
    }
    return true;
}

/* Every one-to-one map of a's people into b's, from person i on. */
static void search_maps(struct search *s, size_t i, int score)
{
    if (i == s->a->nm) {
        if (score > s->best_score) {
            s->best_score = score;
            s->ties = 1;
            memcpy(s->best, s->cur, sizeof s->best);
        } else if (score == s->best_score && !same_fates(s)) {
            s->ties++;
        }
        return;
    }
    for (size_t j = 0; j < s->b->nm; j++) {
        if (s->used[j])
            continue;
        s->used[j] = true;
        s->cur[i] = j;
        search_maps(s, i + 1,
                    score + pair_score(s->c, s->a, &s->a->m[i], s->b,
                                       &s->b->m[j]));
        s->used[j] = false;
    }
}

/* The best map of a's people into b's (a->nm <= b->nm) in s. */
static void best_map(const struct corpus *c, const struct fdoc *a,
                     const struct fdoc *b, struct search *s)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    s->a = a;
    s->b = b;
    s->best_score = CLASH_SCORE * (FATE_MAX_MEMBERS + 1);
    search_maps(s, 0, 0);
}

/* Do two documents tell fates of this group that no matching of their
 * people reconciles? Everyone against anyone, or the best one-to-one
 * match still holding exclusive fates. */
static bool docs_clash(const struct corpus *c, const struct fdoc *a,
                       const struct fdoc *b)
{
    int aa = summary(&a->all), ab = summary(&b->all);
    if (clash(aa, ab))
        return true;
    /* Everyone of one text against a person of the other: that person
     * is one of everyone only if their text tells apart two people or
     * more of the group, as a crew ("the pilot ... the navigator"). */
    for (size_t i = 0; b->nm >= 2 && i < b->nm; i++)
        if (clash(aa, summary(&b->m[i])))
            return true;
    for (size_t i = 0; a->nm >= 2 && i < a->nm; i++)
        if (clash(ab, summary(&a->m[i])))
            return true;
    /* "the soldier was killed" against "the soldier was rescued" may be
     * two soldiers: only texts that each tell apart two people or more
     * of the group say who is who. */
    if (a->nm < 2 || b->nm < 2)
        return false;
    struct search s;
    if (a->nm <= b->nm)
        best_map(c, a, b, &s);
    else
        best_map(c, b, a, &s);
    return s.best_score < 0;
}

/* ---- fate comparisons ---------------------------------------------------- */

static struct comparison *add_cmp(struct corpus *c, const char *topic,
                                  const char *event, unsigned id,
                                  const struct cmp_value *vals, size_t n)
{
    if (c->ncomparisons == c->capcomparisons)
        c->comparisons = xgrow(c->comparisons, &c->capcomparisons,
                               c->ncomparisons + 1, sizeof *c->comparisons);
    struct comparison *k = &c->comparisons[c->ncomparisons++];
    memset(k, 0, sizeof *k);
    k->topic = topic;
    k->event = event;
    k->event_id = id;
    k->kind = CLAIM_FATE;
    k->values = arena_alloc(c->arena, n * sizeof *vals);
    memcpy(k->values, vals, n * sizeof *vals);
    k->nvalues = n;
    return k;
}

/* The states of vals joined for a note: "dead vs rescued". */
static const char *states_note(struct corpus *c, const struct cmp_value *vals,
                               size_t n)
{
    const char *s = NULL;
    bool seen[FS_N] = {false};
    for (size_t i = 0; i < n; i++) {
        enum fstate st = state_of(claim_at(c, vals[i].doc,
                                           (int)vals[i].claim)->text);
        if (seen[st])
            continue;
        seen[st] = true;
        s = s ? arena_printf(c->arena, "%s vs %s", s, state_names[st])
              : state_names[st];
    }
    return s ? s : "";
}

/* The states of vals of outcome o, joined by ", ", or NULL. */
static const char *outcome_states(struct corpus *c,
                                  const struct cmp_value *vals, size_t n,
                                  enum foutcome o)
{
    const char *s = NULL;
    bool seen[FS_N] = {false};
    for (size_t i = 0; i < n; i++) {
        enum fstate st = state_of(claim_at(c, vals[i].doc,
                                           (int)vals[i].claim)->text);
        if (seen[st] || outcome(st) != o)
            continue;
        seen[st] = true;
        s = s ? arena_printf(c->arena, "%s, %s", s, state_names[st])
              : state_names[st];
    }
    return s;
}

/* "shot vs rescued, alive: exclusive fates; missing, captured: may end
 * either way". */
static const char *conflict_note(struct corpus *c,
                                 const struct cmp_value *vals, size_t n)
{
    const char *dead = outcome_states(c, vals, n, FO_DEAD);
    const char *live = outcome_states(c, vals, n, FO_LIVE);
    const char *open = outcome_states(c, vals, n, FO_OPEN);
    const char *s = arena_printf(c->arena, "%s vs %s: exclusive fates",
                                 dead ? dead : "?", live ? live : "?");
    return open ? arena_printf(c->arena, "%s; %s: may end either way", s,
                               open)
                : s;
}

/* Judge one person's fate across documents: each value's doc in fds. */
static void judge_person(struct corpus *c, const struct cmp_value *vals,
                         const struct fdoc *const *fds, size_t n,
                         const char *topic, const char *event, unsigned id)
{
    enum verdict v = VERDICT_AGREE;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            enum fstate si = state_of(claim_at(c, vals[i].doc,
                                               (int)vals[i].claim)->text);
            enum fstate sj = state_of(claim_at(c, vals[j].doc,
                                               (int)vals[j].claim)->text);
            if (si == sj)
                continue;
            if (clash(outcome(si), outcome(sj)) &&
                docs_clash(c, fds[i], fds[j]))
                v = VERDICT_CONFLICT;
            else if (v == VERDICT_AGREE)
                v = VERDICT_PARTIAL;
        }
    struct comparison *k = add_cmp(c, topic, event, id, vals, n);
    k->verdict = v;
    const char *states = states_note(c, vals, n);
    k->note = v == VERDICT_CONFLICT ? conflict_note(c, vals, n)
              : v == VERDICT_PARTIAL
                  ? arena_printf(c->arena,
                                 "%s: one fate may follow the other", states)
                  : states;
    k->why = v == VERDICT_CONFLICT ? "dead in one source, alive in another"
           : v == VERDICT_PARTIAL  ? "fates that may follow one another"
                                   : "the same fate";
}

/* The label of person r of the account: a role noun some document
 * gives them, else how the account counts them. */
static const char *person_label(struct corpus *c, const struct fdoc *fds,
                                size_t nd, size_t ref, size_t r)
{
    const struct member *m = &fds[ref].m[r];
    if (!m->ordinal)
        return arena_printf(c->arena, "the %s", m->key);
    for (size_t d = 0; d < nd; d++) {
        if (!fds[d].mapped || d == ref)
            continue;
        for (size_t i = 0; i < fds[d].nm; i++)
            if (fds[d].map[i] == r && !fds[d].m[i].ordinal)
                return arena_printf(c->arena, "the %s", fds[d].m[i].key);
    }
    return m->ordinal == 1 ? "one of them" : "the other";
}

/* Each person of the account fds[ref]: the fate each document gives
 * them, or gives the whole group. */
static void judge_people(struct corpus *c, struct fdoc *fds, size_t nd,
                         size_t ref, const char *group, const char *event,
                         unsigned id)
{
    struct cmp_value *vals = xmalloc((nd + 1) * sizeof *vals);
    const struct fdoc **of = xmalloc((nd + 1) * sizeof *of);
    size_t people = fds[ref].nm ? fds[ref].nm : 1;
    for (size_t r = 0; r < people; r++) {
        size_t n = 0;
        for (size_t d = 0; d < nd; d++) {
            int k = -1;
            for (size_t i = 0; fds[d].mapped && i < fds[d].nm && k < 0; i++)
                if (fds[d].map[i] == r)
                    k = rep_of(&fds[d].m[i]);
            if (k < 0)
                k = rep_of(&fds[d].all);
            if (k < 0)
                continue;
            vals[n] = (struct cmp_value){.doc = fds[d].doc, .claim = (unsigned)k};
            of[n++] = &fds[d];
        }
        if (n < 2)
            continue;
        const char *who = fds[ref].nm ? person_label(c, fds, nd, ref, r)
                                      : "all of them";
        judge_person(c, vals, of, n,
                     arena_printf(c->arena, "%s: fate of %s", group, who),
                     event, id);
    }
    free(vals);
    free(of);
}

/* How many of the group died, where a document counts: "both" killed,
 * or "one" killed while another lived or is still unaccounted for. */
static void judge_count(struct corpus *c, const struct fdoc *fds, size_t nd,
                        const char *group, const char *event, unsigned id)
{
    struct cmp_value *vals = xmalloc((nd + 1) * sizeof *vals);
    int *count = xmalloc((nd + 1) * sizeof *count);
    size_t n = 0;
    for (size_t d = 0; d < nd; d++) {
        const struct fdoc *fd = &fds[d];
        int k = -1, cnt = 0;
        if (fd->all.both && summary(&fd->all) == FO_DEAD) {
            k = fd->all.rep[FO_DEAD];
            cnt = 2;
        }
        for (size_t i = 0; k < 0 && i < fd->nm; i++) {
            if (fd->m[i].one_dead < 0 || summary(&fd->m[i]) != FO_DEAD)
                continue;
            for (size_t j = 0; j < fd->nm; j++)
                if (summary(&fd->m[j]) != FO_DEAD) {
                    k = fd->m[i].one_dead;
                    cnt = 1;
                }
        }
        if (k < 0)
            continue;
        vals[n] = (struct cmp_value){.doc = fd->doc, .claim = (unsigned)k};
        count[n++] = cnt;
    }
    if (n >= 2) {
        bool differ = false;
        const char *note = arena_printf(c->arena, "%d", count[0]);
        for (size_t i = 1; i < n; i++) {
            differ = differ || count[i] != count[0];
            note = arena_printf(c->arena, "%s vs %d", note, count[i]);
        }
        struct comparison *k =
            add_cmp(c, arena_printf(c->arena, "%s: how many killed", group),
                    event, id, vals, n);
        k->verdict = differ ? VERDICT_CONFLICT : VERDICT_AGREE;
        k->note = note;
        k->why = differ ? "different numbers of dead" : "the same number";
    }
    free(vals);
    free(count);
}

/* The first role claim of doc for role noun role of group, or -1. */
static int role_claim(const struct corpus *c, unsigned doc, const char *group,
                      const char *role)
{
    const struct doc *d = c->docs[doc];
    for (size_t k = 0; k < d->nclaims; k++) {
        const struct claim *cl = &d->claims[k];
        if (cl->kind == CLAIM_ROLE && cl->slot && cl->cls && cl->text &&
            !strcmp(cl->slot, FATE_ROLE_SLOT) && !strcmp(cl->cls, group) &&
            !strcmp(cl->text, role))
            return (int)k;
    }
    return -1;
}

/* What each person of the account is, where documents call them by a
 * role: one role noun agrees; two ("pilot", "co-pilot") are partial, as
 * a text may name a crew member loosely. */
static void judge_roles(struct corpus *c, const struct fdoc *fds, size_t nd,
                        size_t ref, const char *group, const char *event,
                        unsigned id)
{
    struct cmp_value *vals = xmalloc((nd + 1) * sizeof *vals);
    for (size_t r = 0; r < fds[ref].nm; r++) {
        size_t n = 0;
        bool same = true;
        const char *first = NULL;
        for (size_t d = 0; d < nd; d++) {
            const struct member *m = NULL;
            for (size_t i = 0; fds[d].mapped && i < fds[d].nm && !m; i++)
                if (fds[d].map[i] == r)
                    m = &fds[d].m[i];
            int k = m && m->role ? role_claim(c, fds[d].doc, group, m->role)
                                 : -1;
            if (k < 0)
                continue;
            first = first ? first : m->role;
            same = same && !strcmp(first, m->role);
            vals[n++] = (struct cmp_value){.doc = fds[d].doc, .claim = (unsigned)k};
        }
        if (n < 2)
            continue;
        struct comparison *k = add_cmp(
            c,
            arena_printf(c->arena, "%s: role of %s", group,
                         person_label(c, fds, nd, ref, r)),
            event, id, vals, n);
        k->kind = CLAIM_ROLE;
        k->verdict = same ? VERDICT_AGREE : VERDICT_PARTIAL;
        k->note = same ? first : "different role nouns";
        k->why = same ? "the same words" : "different wording";
    }
    free(vals);
}

/* The people of one group of one story, v[0..n) sorted by document. */
static void judge_group(struct corpus *c, const struct fitem *v, size_t n,
                        unsigned *events)
{
    size_t nd = 0;
    for (size_t i = 0; i < n; i++)
        nd += i == 0 || v[i].doc != v[i - 1].doc;
    if (nd < 2)
        return;
    struct fdoc *fds = xmalloc(nd * sizeof *fds);
    size_t d = 0, ref = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].doc == v[i].doc)
            j++;
        build_doc(c, v + i, j - i, &fds[d]);
        if (fds[d].nm > fds[ref].nm)
            ref = d;
        d++;
        i = j;
    }
    /* The account: the document singling out most people. Every other
     * document's people are matched to its people, when one match is
     * better than all others. */
    for (d = 0; d < nd; d++) {
        for (size_t i = 0; i < FATE_MAX_MEMBERS; i++)
            fds[d].map[i] = i;
        fds[d].mapped = d == ref;
        if (d == ref || !fds[d].nm)
            continue;
        struct search s;
        best_map(c, &fds[d], &fds[ref], &s);
        /* a person met alone in one text and dead in one, alive in the
         * other, is likely two people (see docs_clash) */
        bool lone_clash = s.best_score < 0 &&
                          (fds[d].nm < 2 || fds[ref].nm < 2);
        if (s.ties == 1 && !lone_clash) {
            memcpy(fds[d].map, s.best, sizeof fds[d].map);
            fds[d].mapped = true;
        }
    }
    const char *group = v[0].group;
    const char *event = arena_printf(c->arena, "%s fate", group);
    unsigned id = ++*events;
    judge_people(c, fds, nd, ref, group, event, id);
    judge_count(c, fds, nd, group, event, id);
    judge_roles(c, fds, nd, ref, group, event, id);
    free(fds);
}

void fate_compare(struct corpus *c, unsigned *events)
{
    struct fitem *v = NULL;
    size_t n = 0, cap = 0;
    for (unsigned di = 0; di < c->ndocs; di++) {
        const struct doc *d = c->docs[di];
        for (unsigned k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            if (cl->kind != CLAIM_FATE || !cl->cls || !cl->slot)
                continue; /* role claims are looked up per person */
            if (n == cap)
                v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = (struct fitem){d->story, cl->cls, di, k};
        }
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_fitem);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].story == v[i].story &&
               !strcmp(v[j].group, v[i].group))
            j++;
        judge_group(c, v + i, j - i, events);
        i = j;
    }
    free(v);
}
