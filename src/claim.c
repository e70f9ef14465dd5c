/* claim.c - event frames from a predicate lexicon, and the values they state.
 *
 * One pass over each sentence's tokens finds predicates, negators and
 * things; the sentence's mentions, dates and numbers, already found by the
 * earlier stages, are then tied to the nearest predicate. Nothing here
 * parses syntax: "nearest in the same clause" stands in for it, which is
 * why a value too far from its predicate is left out rather than guessed.
 */
#include "claimdiff/claim.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/wordfilter.h"
#include "scan.h"

/* Words one phrase of a table may have. */
#define PHRASE_MAX_WORDS 6
/* Prefix patterns ("kill*") are tried down to this many letters. */
#define PREFIX_MIN 3
/* A value farther than this many tokens from its predicate is not its. */
#define NEAR_TOKENS 12
/* A thing named this many sentences back is still the one spoken of. */
#define THING_CARRY 2

static const char *const kind_names[CLAIM_NKINDS] = {
    "event", "count", "date", "location", "actor", "thing", "role", "statement",
};

const char *claim_kind_name(enum claim_kind k)
{
    return (unsigned)k < CLAIM_NKINDS ? kind_names[k] : "event";
}

/* ---- phrase tables ------------------------------------------------------ */

struct phrase {
    const char *words[PHRASE_MAX_WORDS];
    bool prefix[PHRASE_MAX_WORDS]; /* word ended in '*' */
    size_t n;
    const char *val;  /* second column (arena) */
    const char *val2; /* third column or NULL (arena) */
};

/* Phrases indexed by their first word: exact words in one map, prefixes
 * in another; ids index `lists`. */
struct ptable {
    struct phrase *v;
    size_t n, cap;
    struct scan_map *exact, *prefix;
    struct plist {
        size_t *v; /* phrase indexes */
        size_t n;
    } *slots;      /* exact word id * 2, prefix id * 2 + 1 */
    size_t nids, capids;
    size_t nprefix; /* phrases whose first word is a prefix */
    uint64_t prefix_lens; /* bit l set: some prefix is l bytes long */
    uint64_t prefix_firsts; /* bit (c | 32) % 64 set: a prefix starts with c */
    /* The first words of exact (prefix): most tokens miss most tables,
     * and the filter says so without hashing the whole word. */
    struct wordfilter exact_keys, prefix_keys;
};

enum loc_kind {
    LOC_AT,   /* "in", "over": where it happened */
    LOC_NEAR, /* "near", "off": a landmark close by */
    LOC_FILL, /* "the", "province", "of": between preposition and place */
};

struct claimer {
    struct arena *arena;
    struct ptable preds, negs, things, descs, counts, speech, units, cues;
    struct ptable holders; /* claims/holders: "by" phrases */
    struct scan_map *holder_suffixes; /* its "suffix" rows: "-held" */
    struct scan_map *designators; /* maker's name, lower case -> id */
    const char **designator;      /* per id: its short form (arena) */
    struct scan_map *demonyms; /* "russian", "russians": lower case */
    struct scan_map *stop; /* statement stop words */
    struct scan_map *breaks; /* words that open a new clause */
    struct scan_map *loc;  /* locative prepositions; id 0.. */
    unsigned char *loc_kind; /* per loc id: enum loc_kind */
    size_t nloc;
};

static void ptable_free(struct ptable *t)
{
    for (size_t i = 0; i < t->nids; i++)
        free(t->slots[i].v);
    free(t->slots);
    free(t->v);
    scan_map_free(t->exact);
    scan_map_free(t->prefix);
}

/* Bit of a word's first byte in prefix_firsts, folded as wordfilter
 * folds (bit 5 set), so a prefix is never ruled out by its case. */
static inline uint64_t first_bit(const char *s)
{
    return (uint64_t)1 << (((unsigned char)s[0] | 32u) % 64);
}

static void ptable_index(struct ptable *t, struct scan_map *m,
                         const char *w, size_t len, size_t phrase)
{
    int id = scan_map_put(m, w, len);
    if (id < 0)
        return;
    wordfilter_add(m == t->prefix ? &t->prefix_keys : &t->exact_keys, w, len);
    /* The two maps number their ids independently: even slots for
     * exact words, odd ones for prefixes. */
    size_t slot = (size_t)id * 2 + (m == t->prefix);
    if (slot >= t->nids) {
        if (slot >= t->capids) {
            size_t old = t->capids;
            t->slots = xgrow(t->slots, &t->capids, slot + 1, sizeof *t->slots);
            memset(t->slots + old, 0, (t->capids - old) * sizeof *t->slots);
        }
        t->nids = slot + 1;
    }
    struct plist *l = &t->slots[slot];
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = phrase;
}

static enum cd_err ptable_load(struct claimer *c, struct ptable *t,
                               const struct rules *r, const char *name,
                               size_t minf, size_t maxf, struct diag *d)
{
    const struct rule_table *rt = rules_get(r, name);
    enum cd_err err = rules_check_fields(rt, minf, maxf, d);
    if (err)
        return err;
    t->exact = scan_map_new();
    t->prefix = scan_map_new();
    for (size_t i = 0; i < rt->nrows; i++) {
        const struct rule_row *row = &rt->rows[i];
        struct phrase p;
        memset(&p, 0, sizeof p);
        char *copy = arena_strdup(c->arena, row->fields[0]);
        char *save = NULL;
        for (char *w = strtok_r(copy, " ", &save); w;
             w = strtok_r(NULL, " ", &save)) {
            if (p.n == PHRASE_MAX_WORDS) {
                diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                         "phrase of more than %d words", PHRASE_MAX_WORDS);
                return CD_ERR_RULE;
            }
            size_t len = strlen(w);
            if (len > 1 && w[len - 1] == '*') {
                w[len - 1] = '\0';
                p.prefix[p.n] = true;
            }
            p.words[p.n++] = w;
        }
        if (p.n == 0)
            continue;
        p.val = row->nfields > 1 ? arena_strdup(c->arena, row->fields[1]) : "";
        p.val2 = row->nfields > 2 && row->fields[2][0]
                     ? arena_strdup(c->arena, row->fields[2]) : NULL;
        if (t->n == t->cap)
            t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
        t->v[t->n] = p;
        ptable_index(t, p.prefix[0] ? t->prefix : t->exact, p.words[0],
                     strlen(p.words[0]), t->n);
        t->nprefix += p.prefix[0];
        if (p.prefix[0] && strlen(p.words[0]) <= SCAN_MAX_KEY) {
            t->prefix_lens |= (uint64_t)1 << strlen(p.words[0]);
            t->prefix_firsts |= first_bit(p.words[0]);
        }
        t->n++;
    }
    return CD_OK;
}

static bool word_eq(const char *text, const struct token *tk, const char *w,
                    bool prefix)
{
    size_t len = tk->span.end - tk->span.start, wl = strlen(w);
    if (prefix ? len < wl : len != wl)
        return false;
    return strncasecmp(text + tk->span.start, w, wl) == 0;
}

/* Try the phrases listed under one first-word slot; keep the longest. */
static void try_slot(const struct ptable *t, size_t slot, const char *text,
                     const struct token *toks, size_t i, size_t end,
                     const struct phrase **best, size_t *bestn)
{
    for (size_t k = 0; slot < t->nids && k < t->slots[slot].n; k++) {
        const struct phrase *p = &t->v[t->slots[slot].v[k]];
        if (p->n <= *bestn || i + p->n > end)
            continue;
        size_t w = 1;
        while (w < p->n &&
               word_eq(text, &toks[i + w], p->words[w], p->prefix[w]))
            w++;
        if (w == p->n) {
            *best = p;
            *bestn = p->n;
        }
    }
}

/* ptable_match past its quick rejects: s[0..len) is token i's text, and
 * its first word may be in the exact or the prefix map. */
static const struct phrase *ptable_lookup(const struct ptable *t,
                                          const char *text,
                                          const struct token *toks, size_t i,
                                          size_t end, const char *s,
                                          size_t len, size_t *ntok)
{
    const struct phrase *best = NULL;
    size_t bestn = 0;
    int id = wordfilter_may(&t->exact_keys, s, len) ? scan_map_get(t->exact, s, len)
                                            : -1;
    if (id >= 0)
        try_slot(t, (size_t)id * 2, text, toks, i, end, &best, &bestn);
    if (t->prefix_firsts & first_bit(s)) {
        for (size_t l = len < SCAN_MAX_KEY ? len : SCAN_MAX_KEY;
             l >= PREFIX_MIN; l--) {
            /* a length no prefix has cannot hit: skip its hashing */
            if (!(t->prefix_lens & ((uint64_t)1 << l)) ||
                !wordfilter_may(&t->prefix_keys, s, l))
                continue;
            id = scan_map_get(t->prefix, s, l);
            if (id >= 0)
                try_slot(t, (size_t)id * 2 + 1, text, toks, i, end, &best,
                         &bestn);
        }
    }
    *ntok = bestn;
    return best;
}

/* The longest phrase of t starting at token i of toks[i..end); its length
 * in tokens goes to *ntok. NULL if none. Called for most tokens with most
 * tables, and nearly always a miss: inline, the common miss costs a few
 * loads and one filter probe, with no call and no hashing of the word. */
static inline const struct phrase *ptable_match(const struct ptable *t,
                                                const char *text,
                                                const struct token *toks,
                                                size_t i, size_t end,
                                                size_t *ntok)
{
    const struct token *tk = &toks[i];
    *ntok = 0;
    if (tk->kind != TOK_WORD || !t->exact)
        return NULL;
    const char *s = text + tk->span.start;
    size_t len = tk->span.end - tk->span.start;
    if (len == 0)
        return NULL; /* no map holds an empty word */
    if (!(t->prefix_firsts & first_bit(s)) && !wordfilter_may(&t->exact_keys, s, len))
        return NULL;
    return ptable_lookup(t, text, toks, i, end, s, len, ntok);
}

/* ---- building ------------------------------------------------------------ */

static enum cd_err load_words(struct claimer *c, const struct rules *r,
                              struct diag *d)
{
    const struct rule_table *st = rules_get(r, "claims/stopwords");
    enum cd_err err = rules_check_fields(st, 1, 1, d);
    if (err)
        return err;
    c->stop = scan_map_new();
    for (size_t i = 0; i < st->nrows; i++)
        scan_map_put(c->stop, st->rows[i].fields[0],
                     strlen(st->rows[i].fields[0]));
    const struct rule_table *nt = rules_get(r, "lexicon/demonyms");
    err = rules_check_fields(nt, 2, 2, d);
    if (err)
        return err;
    c->demonyms = scan_map_new();
    for (size_t i = 0; i < nt->nrows; i++) {
        const char *w = nt->rows[i].fields[0];
        size_t n = strlen(w);
        char *low = arena_alloc(c->arena, n + 2);
        for (size_t k = 0; k < n; k++)
            low[k] = (char)tolower((unsigned char)w[k]);
        low[n] = 's'; /* the plural, as the lexicon says */
        low[n + 1] = '\0';
        scan_map_put(c->demonyms, low, n);
        scan_map_put(c->demonyms, low, n + 1);
    }
    const struct rule_table *dt = rules_get(r, "claims/designators");
    err = rules_check_fields(dt, 2, 2, d);
    if (err)
        return err;
    c->designators = scan_map_new();
    c->designator = xcalloc(dt->nrows + 1, sizeof *c->designator);
    for (size_t i = 0; i < dt->nrows; i++) {
        int id = scan_map_put(c->designators, dt->rows[i].fields[0],
                              strlen(dt->rows[i].fields[0]));
        if (id >= 0 && (size_t)id < dt->nrows + 1)
            c->designator[id] = arena_strdup(c->arena, dt->rows[i].fields[1]);
    }
    const struct rule_table *bt = rules_get(r, "claims/clause_breaks");
    err = rules_check_fields(bt, 1, 1, d);
    if (err)
        return err;
    c->breaks = scan_map_new();
    for (size_t i = 0; i < bt->nrows; i++)
        scan_map_put(c->breaks, bt->rows[i].fields[0],
                     strlen(bt->rows[i].fields[0]));
    const struct rule_table *lt = rules_get(r, "claims/locatives");
    err = rules_check_fields(lt, 2, 2, d);
    if (err)
        return err;
    c->loc = scan_map_new();
    c->loc_kind = xcalloc(lt->nrows + 1, sizeof *c->loc_kind);
    for (size_t i = 0; i < lt->nrows; i++) {
        const char *k = lt->rows[i].fields[1];
        if (strcmp(k, "at") && strcmp(k, "near") && strcmp(k, "fill"))
            return diag_set(d, CD_ERR_RULE, lt->rows[i].file, lt->rows[i].line,
                            0, "kind '%s' is not at, near or fill", k);
        int id = scan_map_put(c->loc, lt->rows[i].fields[0],
                              strlen(lt->rows[i].fields[0]));
        if (id >= 0 && (size_t)id < lt->nrows + 1)
            c->loc_kind[id] = !strcmp(k, "near") ? LOC_NEAR
                            : !strcmp(k, "fill") ? LOC_FILL : LOC_AT;
    }
    c->nloc = lt->nrows;
    return CD_OK;
}

/* The one-word rows of form "suffix" of t ("-held"), for a lookup by
 * the ending of a hyphenated word. */
static struct scan_map *suffix_map(const struct ptable *t)
{
    struct scan_map *m = scan_map_new();
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].n == 1 && !strcmp(t->v[i].val, "suffix"))
            scan_map_put(m, t->v[i].words[0], strlen(t->v[i].words[0]));
    return m;
}

/* A unit's factor to its dimension's base unit must be a positive number. */
static enum cd_err check_factors(const struct ptable *t,
                                 const struct rule_table *rt, struct diag *d)
{
    for (size_t i = 0; i < t->n && i < rt->nrows; i++) {
        char *end;
        double f = strtod(t->v[i].val2 ? t->v[i].val2 : "", &end);
        if (!(f > 0) || *end)
            return diag_set(d, CD_ERR_RULE, rt->rows[i].file, rt->rows[i].line,
                            0, "factor '%s' is not a positive number",
                            t->v[i].val2 ? t->v[i].val2 : "");
    }
    return CD_OK;
}

enum cd_err claim_new(const struct rules *r, struct claimer **out,
                      struct diag *d)
{
    struct claimer *c = xcalloc(1, sizeof *c);
    c->arena = arena_new();
    enum cd_err err = ptable_load(c, &c->preds, r, "claims/predicates", 2, 3, d);
    if (!err)
        err = ptable_load(c, &c->negs, r, "claims/negators", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->things, r, "claims/things", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->descs, r, "claims/descriptors", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->counts, r, "claims/count_nouns", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->speech, r, "lexicon/speech_verbs", 1, 2, d);
    if (!err)
        err = ptable_load(c, &c->units, r, "claims/measure_units", 3, 3, d);
    if (!err)
        err = check_factors(&c->units, rules_get(r, "claims/measure_units"), d);
    if (!err)
        err = ptable_load(c, &c->cues, r, "claims/measure_cues", 3, 3, d);
    if (!err)
        err = ptable_load(c, &c->holders, r, "claims/holders", 2, 2, d);
    if (!err)
        c->holder_suffixes = suffix_map(&c->holders);
    if (!err)
        err = load_words(c, r, d);
    if (err) {
        claim_free(c);
        *out = NULL;
        return err;
    }
    *out = c;
    return CD_OK;
}

void claim_free(struct claimer *c)
{
    if (!c)
        return;
    ptable_free(&c->preds);
    ptable_free(&c->negs);
    ptable_free(&c->things);
    ptable_free(&c->descs);
    ptable_free(&c->counts);
    ptable_free(&c->speech);
    ptable_free(&c->units);
    ptable_free(&c->cues);
    ptable_free(&c->holders);
    scan_map_free(c->holder_suffixes);
    scan_map_free(c->designators);
    free(c->designator);
    scan_map_free(c->demonyms);
    scan_map_free(c->stop);
    scan_map_free(c->breaks);
    scan_map_free(c->loc);
    free(c->loc_kind);
    arena_free(c->arena);
    free(c);
}

/* ---- one sentence ---------------------------------------------------------- */

struct hit {
    size_t tok, ntok; /* token index and length */
    const struct phrase *p;
};

struct thing {
    struct span span; /* identifier with its head noun */
    const char *kind; /* "aircraft", "flight", ... from claims/things */
    const char *key;  /* folded: "mi8", "flight 9525" */
    const char *text; /* as written, identifier only */
    size_t tok;
    unsigned sentence, paragraph;
};

struct run {
    const struct claimer *c;
    struct doc *doc;
    const char *text;
    unsigned frame;
    struct thing last; /* the last thing named, key NULL if none */
    size_t *first_tok; /* per sentence: first token index */
    /* per sentence scratch */
    struct hit *preds, *negs;
    size_t npreds, capp, nnegs, capn;
};

static bool is_punct(const struct run *r, const struct token *t, const char *set)
{
    return t->kind == TOK_PUNCT && t->span.end - t->span.start == 1 &&
           strchr(set, r->text[t->span.start]) != NULL;
}

static void push_hit(struct hit **v, size_t *n, size_t *cap, struct hit h)
{
    if (*n == *cap)
        *v = xgrow(*v, cap, *n + 1, sizeof **v);
    (*v)[(*n)++] = h;
}

/* An identifier: letters and digits mixed, at most 12 bytes. Letters
 * first ("Mi-8", "A320", "Su-24", "MH17"), or a short airline code
 * before the digits ("4U9525"); never an ordinal, a decade or an age
 * ("22nd", "1990s", "28-year"). */
static bool identifier_shape(const char *s, size_t len)
{
    size_t letters = 0, digits = 0;
    if (len < 2 || len > 12)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isdigit(ch))
            digits++;
        else if (isalpha(ch))
            letters++;
        else if (ch != '-')
            return false;
    }
    if (!digits || !letters || letters > 8)
        return false;
    if (isalpha((unsigned char)s[0]))
        return true;
    return digits >= 3 && letters <= 2 && isdigit((unsigned char)s[len - 1]);
}

static const char *fold_key(struct arena *a, const char *s, size_t len)
{
    char *out = arena_alloc(a, len + 1), *o = out;
    for (size_t i = 0; i < len; i++)
        if (isalnum((unsigned char)s[i]))
            *o++ = (char)tolower((unsigned char)s[i]);
    *o = '\0';
    return out;
}

/* An identifier's key, its maker's long name written short as the type
 * designation has it (claims/designators: "Ilyushin-20" -> "il20"), so
 * both spellings name one thing. identifier_shape bounds len to 12. */
static const char *thing_key(const struct run *r, const char *s, size_t len)
{
    char low[16];
    size_t p = 0;
    while (p < len && p < sizeof low && isalpha((unsigned char)s[p])) {
        low[p] = (char)tolower((unsigned char)s[p]);
        p++;
    }
    int id = p < len ? scan_map_get(r->c->designators, low, p) : -1;
    const char *key = fold_key(r->doc->arena, s + (id >= 0 ? p : 0),
                               len - (id >= 0 ? p : 0));
    if (id < 0)
        return key;
    return arena_printf(r->doc->arena, "%s%s", r->c->designator[id], key);
}

/* The digits that end s ("4U9525" -> "9525"). */
static const char *trailing_digits(const char *s, size_t len, size_t *n)
{
    size_t i = len;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    *n = len - i;
    return s + i;
}

static bool thing_noun_at(const struct run *r, const struct token *toks,
                          size_t i, size_t a, size_t b, const char **kind)
{
    size_t n;
    if (i < a || i >= b)
        return false;
    const struct phrase *p = ptable_match(&r->c->things, r->text, toks, i, b, &n);
    if (p && kind)
        *kind = p->val;
    return p != NULL;
}

/* "flight 9525", "Flight 4U9525", "flight 4U 9525". */
static bool flight_at(struct run *r, const struct token *toks, size_t i,
                      size_t b, struct thing *out)
{
    const char *kind = NULL;
    if (!thing_noun_at(r, toks, i, i, b, &kind) || strcmp(kind, "flight") ||
        i + 1 >= b)
        return false;
    size_t j = i + 1;
    const struct token *t = &toks[j];
    const char *s = r->text + t->span.start;
    size_t len = t->span.end - t->span.start, nd;
    if (t->kind == TOK_WORD && len == 2 && j + 1 < b &&
        toks[j + 1].kind == TOK_NUMBER) {
        t = &toks[++j]; /* "4U 9525" */
        s = r->text + t->span.start;
        len = t->span.end - t->span.start;
    }
    const char *dig = trailing_digits(s, len, &nd);
    if (nd < 2 || nd > 5 || nd != len - (size_t)(dig - s) ||
        (t->kind != TOK_NUMBER && !identifier_shape(s, len)))
        return false;
    out->span = (struct span){toks[i].span.start, t->span.end};
    out->key = arena_printf(r->doc->arena, "flight %.*s", (int)nd, dig);
    out->text = arena_strndup(r->doc->arena, r->text + toks[i + 1].span.start,
                              t->span.end - toks[i + 1].span.start);
    out->tok = i;
    out->kind = kind;
    return true;
}

/* Things named in sentence tokens [a, b): an identifier next to a thing
 * noun ("Mi-8 helicopter", "Airbus A320", "the Su-24 bomber"). */
static size_t find_things(struct run *r, size_t a, size_t b,
                          struct thing *out, size_t max)
{
    const struct token *toks = r->doc->toks;
    size_t n = 0;
    for (size_t i = a; i < b && n < max; i++) {
        struct thing th;
        memset(&th, 0, sizeof th);
        if (flight_at(r, toks, i, b, &th)) {
            out[n++] = th;
            while (i + 1 < b && toks[i + 1].span.end <= th.span.end)
                i++;
            continue;
        }
        const struct token *t = &toks[i];
        const char *s = r->text + t->span.start;
        size_t len = t->span.end - t->span.start;
        if (t->kind != TOK_WORD || !identifier_shape(s, len))
            continue;
        size_t lo = i, hi = i + 1;
        bool near = false;
        const char *kind = NULL;
        for (size_t k = i + 1; k < b && k <= i + 3; k++) {
            if (thing_noun_at(r, toks, k, a, b, &kind)) {
                hi = k + 1;
                near = true;
                break;
            }
            if (toks[k].kind != TOK_WORD)
                break;
        }
        if (i > a && thing_noun_at(r, toks, i - 1, a, b, near ? NULL : &kind)) {
            lo = i - 1;
            near = true;
        }
        if (!near)
            continue;
        th.span = (struct span){toks[lo].span.start, toks[hi - 1].span.end};
        th.key = thing_key(r, s, len);
        th.text = arena_strndup(r->doc->arena, s, len);
        th.tok = i;
        th.kind = kind;
        out[n++] = th;
        i = hi - 1;
    }
    return n;
}

static struct claim *add_claim(struct run *r, enum claim_kind kind,
                               unsigned sentence, struct span span)
{
    struct doc *doc = r->doc;
    if (doc->nclaims == doc->capclaims)
        doc->claims = xgrow(doc->claims, &doc->capclaims, doc->nclaims + 1,
                            sizeof *doc->claims);
    struct claim *cl = &doc->claims[doc->nclaims++];
    memset(cl, 0, sizeof *cl);
    cl->kind = kind;
    cl->sentence = sentence;
    cl->span = span;
    cl->subject = cl->object = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->mention_idx = cl->quote_idx = -1;
    return cl;
}

static struct span hull(struct span a, struct span b)
{
    return (struct span){a.start < b.start ? a.start : b.start,
                         a.end > b.end ? a.end : b.end};
}

/* Index of the first token at or after byte pos in toks[a, b). */
static size_t tok_at(const struct token *toks, size_t a, size_t b, size_t pos)
{
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (toks[mid].span.end <= pos)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* First index of v (sorted by span.start) with start >= pos. */
#define LOWER_BOUND(v, n, pos, out)                                          \
    do {                                                                     \
        size_t lo_ = 0, hi_ = (n);                                           \
        while (lo_ < hi_) {                                                  \
            size_t mid_ = lo_ + (hi_ - lo_) / 2;                             \
            if ((v)[mid_].span.start < (pos))                                \
                lo_ = mid_ + 1;                                              \
            else                                                             \
                hi_ = mid_;                                                  \
        }                                                                    \
        (out) = lo_;                                                         \
    } while (0)

/* Tokens between two token indexes hold a clause break (";", ":", a dash
 * or a comma followed by a conjunction is too fine to tell; ";" and ":"
 * are not). */
static bool clause_break(const struct run *r, size_t from, size_t to)
{
    const struct token *toks = r->doc->toks;
    if (from > to) {
        size_t t = from;
        from = to;
        to = t;
    }
    for (size_t k = from; k < to; k++)
        if (is_punct(r, &toks[k], ";"))
            return true;
    return false;
}

/* Is the predicate at hit h denied by a negator of this sentence? */
static bool negated(const struct run *r, const struct hit *h)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = 0; k < r->nnegs; k++) {
        const struct hit *g = &r->negs[k];
        size_t gend = g->tok + g->ntok;
        if (gend > h->tok)
            continue;
        if (!strcmp(g->p->val, "clause") && !clause_break(r, gend, h->tok))
            return true;
        if (strcmp(g->p->val, "near") || h->tok - gend > 3)
            continue;
        bool clean = true;
        for (size_t j = gend; j < h->tok; j++)
            if (toks[j].kind == TOK_PUNCT)
                clean = false;
        if (clean)
            return true;
    }
    return false;
}

struct sent {
    unsigned idx;
    size_t a, b;           /* token range */
    size_t m0, m1;         /* mention range */
    size_t d0, d1;         /* date range */
    size_t n0, n1;         /* number range */
    int attributed;        /* mention index or -1 */
    struct thing thing;    /* explicit or carried; key NULL if none */
    bool thing_explicit;
};

static size_t token_of(const struct run *r, const struct sent *s, size_t pos)
{
    return tok_at(r->doc->toks, s->a, s->b, pos);
}

static size_t tok_dist(size_t x, size_t y)
{
    return x > y ? x - y : y - x;
}

/* Who the sentence says asserts it: "according to X", "X said", "said X",
 * "X confirmed". The first such frame wins. */
static int attribution(const struct run *r, const struct sent *s)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t i = s->a; i + 1 < s->b; i++) {
        if (word_eq(r->text, &toks[i], "according", false) &&
            word_eq(r->text, &toks[i + 1], "to", false)) {
            for (size_t m = s->m0; m < s->m1; m++) {
                size_t mt = token_of(r, s, doc->mentions[m].span.start);
                if (mt > i + 1 && mt <= i + 12)
                    return (int)m;
            }
        }
    }
    for (size_t i = s->a; i < s->b; i++) {
        size_t n;
        if (!ptable_match(&r->c->speech, r->text, toks, i, s->b, &n))
            continue;
        for (size_t m = s->m0; m < s->m1; m++) {
            const struct mention *mm = &doc->mentions[m];
            size_t mt0 = token_of(r, s, mm->span.start);
            size_t mt1 = token_of(r, s, mm->span.end);
            if ((mt1 <= i && i - mt1 <= 2) || (mt0 > i && mt0 - i <= 3))
                return (int)m;
        }
    }
    return -1;
}

static bool place_type(enum ent_type t)
{
    return t == ENT_PLACE || t == ENT_COUNTRY;
}

/* The mention acting in frame h: just before the predicate ("Turkey shot
 * down"), or after "by" ("shot down by Turkey"). */
static int subject_of(const struct run *r, const struct sent *s,
                      const struct hit *h, bool *passive_by)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    *passive_by = false;
    size_t hend = h->tok + h->ntok;
    if (hend < s->b && word_eq(r->text, &toks[hend], "by", false)) {
        for (size_t m = s->m0; m < s->m1; m++) {
            if (doc->mentions[m].type == ENT_PLACE)
                continue;
            size_t mt = token_of(r, s, doc->mentions[m].span.start);
            if (mt > hend && mt <= hend + 3) {
                *passive_by = true;
                return (int)m;
            }
        }
    }
    int best = -1;
    for (size_t m = s->m0; m < s->m1; m++) {
        if (doc->mentions[m].type == ENT_PLACE)
            continue; /* "the Alps crash": where, not who */
        size_t mt = token_of(r, s, doc->mentions[m].span.end);
        if (mt > h->tok || h->tok - mt > 2)
            continue;
        bool clean = true;
        for (size_t j = mt; j < h->tok; j++)
            if (is_punct(r, &toks[j], ",;:()"))
                clean = false;
        if (clean)
            best = (int)m;
    }
    return best;
}

/* The place of frame h: a place after a locative preposition ("in Idlib",
 * "over the eastern Mediterranean", "near the town of Digne"), nearest to
 * the predicate. */
static int place_of(const struct run *r, const struct sent *s,
                    const struct hit *h, struct span *words, bool *near)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    int best = -1;
    size_t bestd = NEAR_TOKENS + 1;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (!place_type(mm->type))
            continue;
        size_t mt = token_of(r, s, mm->span.start);
        size_t d = tok_dist(mt, h->tok);
        if (d >= bestd || clause_break(r, mt, h->tok))
            continue;
        /* The preposition, with only filler between it and the place
         * ("in the northwestern Syrian province of Idlib"). */
        for (size_t k = mt; k > s->a && mt - k < 7; k--) {
            const struct token *t = &toks[k - 1];
            if (t->kind != TOK_WORD)
                break;
            const char *w = r->text + t->span.start;
            size_t wl = t->span.end - t->span.start;
            int id = scan_map_get(r->c->loc, w, wl);
            if (id >= 0 && r->c->loc_kind[id] != LOC_FILL) {
                best = (int)m;
                bestd = d;
                *words = (struct span){t->span.start, mm->span.end};
                *near = r->c->loc_kind[id] == LOC_NEAR;
                break;
            }
            bool filler = id >= 0 || (t->flags & TOKF_CAP) ||
                          (wl > 3 && !strncmp(w + wl - 3, "ern", 3));
            if (!filler)
                break;
        }
    }
    return best;
}

/* The date nearest the predicate in its clause. */
static int date_of(const struct run *r, const struct sent *s,
                   const struct hit *h)
{
    int best = -1;
    size_t bestd = (size_t)-1;
    for (size_t i = s->d0; i < s->d1; i++) {
        size_t dt = token_of(r, s, r->doc->dates[i].span.start);
        size_t d = tok_dist(dt, h->tok);
        if (d < bestd && !clause_break(r, dt, h->tok)) {
            best = (int)i;
            bestd = d;
        }
    }
    return best;
}

/* The words around a predicate up to a comma or another clause mark,
 * at most EVENT_WORDS tokens each side: "the downed plane had not
 * violated Turkish airspace". The reader sees what was said of the event,
 * not the verb alone. */
#define EVENT_WORDS 6
static bool opens_clause(const struct run *r, const struct token *t)
{
    return t->kind == TOK_WORD &&
           scan_map_get(r->c->breaks, r->text + t->span.start,
                        t->span.end - t->span.start) >= 0;
}

static struct span clause_around(const struct run *r, const struct sent *s,
                                 const struct hit *h)
{
    const struct token *toks = r->doc->toks;
    size_t a = h->tok, b = h->tok + h->ntok;
    while (a > s->a && h->tok - a < EVENT_WORDS &&
           !is_punct(r, &toks[a - 1], ",;:()\"") && !opens_clause(r, &toks[a]))
        a--;
    while (b < s->b && b - (h->tok + h->ntok) < EVENT_WORDS &&
           !is_punct(r, &toks[b], ",;:()\".!?") && !opens_clause(r, &toks[b]))
        b++;
    return (struct span){toks[a].span.start, toks[b - 1].span.end};
}

static void frame_claims(struct run *r, const struct sent *s,
                         const struct hit *h)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    struct span pspan = {toks[h->tok].span.start,
                         toks[h->tok + h->ntok - 1].span.end};
    unsigned frame = ++r->frame;
    bool neg = negated(r, h);
    bool passive;
    int subj = subject_of(r, s, h, &passive);
    const char *thing = s->thing.key;

    struct claim *ev = add_claim(r, CLAIM_EVENT, s->idx, clause_around(r, s, h));
    if (subj >= 0)
        ev->span = hull(ev->span, doc->mentions[subj].span);
    ev->frame = frame;
    ev->cls = h->p->val;
    ev->thing = thing;
    ev->negated = neg;
    ev->subject = subj;
    ev->attributed_to = s->attributed;
    if (thing)
        ev->text = s->thing.text;

    if (subj >= 0 && !neg) {
        struct claim *ac = add_claim(r, CLAIM_ACTOR, s->idx,
                                     hull(pspan, doc->mentions[subj].span));
        ac->frame = frame;
        ac->cls = h->p->val;
        ac->thing = thing;
        ac->mention_idx = subj;
        ac->attributed_to = s->attributed;
    }
    int di = date_of(r, s, h);
    if (di >= 0) {
        struct claim *dc = add_claim(r, CLAIM_DATE, s->idx, doc->dates[di].span);
        dc->frame = frame;
        dc->cls = h->p->val;
        dc->thing = thing;
        dc->date_idx = di;
        dc->negated = neg;
        dc->attributed_to = s->attributed;
    }
    struct span pw;
    bool near = false;
    int pi = place_of(r, s, h, &pw, &near);
    if (pi >= 0) {
        struct claim *pc = add_claim(r, CLAIM_PLACE, s->idx, pw);
        pc->frame = frame;
        pc->cls = h->p->val;
        pc->thing = thing;
        pc->mention_idx = pi;
        pc->near = near;
        pc->negated = neg;
        pc->attributed_to = s->attributed;
    }
}

/* The category of what number n counts: its noun, or its noun with the
 * words after it ("passengers and crew"), through claims/count_nouns. */
static const char *count_category(const struct run *r, const struct sent *s,
                                  const struct number *n)
{
    if (!n->noun)
        return NULL;
    size_t t = token_of(r, s, n->noun_span.start), len;
    const struct phrase *p = t < s->b
        ? ptable_match(&r->c->counts, r->text, r->doc->toks, t, s->b, &len)
        : NULL;
    return p ? p->val : n->noun;
}

/* The predicate a count belongs to: the nearest one in its clause that
 * says what is counted ("killed", "injured"), preferring any such over
 * the standing state "aboard" ("five people on board were killed"). */
static const struct hit *count_predicate(const struct run *r,
                                         const struct sent *s, size_t nt)
{
    const struct hit *best = NULL, *state = NULL, *any = NULL;
    size_t bestd = NEAR_TOKENS + 1, stated = NEAR_TOKENS + 1,
           anyd = NEAR_TOKENS + 1;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *h = &r->preds[k];
        size_t d = tok_dist(h->tok, nt);
        if (clause_break(r, h->tok, nt))
            continue;
        if (!h->p->val2) {
            if (d < anyd) {
                any = h;
                anyd = d;
            }
        } else if (!strcmp(h->p->val2, "aboard")) {
            if (d < stated) {
                state = h;
                stated = d;
            }
        } else if (d < bestd) {
            best = h;
            bestd = d;
        }
    }
    (void)s;
    return best ? best : state ? state : any;
}

/* ---- measures ---------------------------------------------------------------- */

/* What a measure measures: the cue nearest the number in its clause
 * ("at an altitude of 6,000 feet", "35 km off the coast"), else its
 * dimension. NULL when a cue says it is no measure of the event ("ten
 * minutes later" is a moment, not a duration). */
static const char *measure_slot(const struct run *r, const struct sent *s,
                                size_t nt, size_t ut, const char *dim)
{
    const struct token *toks = r->doc->toks;
    const char *best = dim;
    size_t bestd = (size_t)-1;
    size_t from = nt > s->a + EVENT_WORDS ? nt - EVENT_WORDS : s->a;
    size_t to = ut + 1 + EVENT_WORDS < s->b ? ut + 1 + EVENT_WORDS : s->b;
    for (size_t i = from; i < to; i++) {
        size_t len;
        const struct phrase *p =
            ptable_match(&r->c->cues, r->text, toks, i, s->b, &len);
        if (!p || strcmp(p->val, dim))
            continue;
        bool after = i > ut;
        size_t d = after ? i - ut : nt - (i < nt ? i : nt);
        if (!strcmp(p->val2, "-")) {
            if (after && d == 1)
                return NULL;
            continue;
        }
        if (d < bestd && !clause_break(r, i < nt ? i : ut, i < nt ? nt : i)) {
            best = p->val2;
            bestd = d;
        }
    }
    return best;
}

/* A number with a unit ("38,000 feet", "eight minutes", "35 km") is a
 * measure: a count whose slot is what it measures and whose value scales
 * to the dimension's base unit, so feet and metres meet. The nearest
 * predicate in the clause, if any, says which event it belongs to.
 * Returns false when n has no unit. */
static bool measure_claim(struct run *r, const struct sent *s, size_t i,
                          unsigned first_frame)
{
    struct doc *doc = r->doc;
    const struct number *n = &doc->numbers[i];
    if (!n->noun)
        return false;
    size_t ut = token_of(r, s, n->noun_span.start), len;
    const struct phrase *u =
        ut < s->b ? ptable_match(&r->c->units, r->text, doc->toks, ut, s->b,
                                 &len)
                  : NULL;
    if (!u)
        return false;
    size_t nt = token_of(r, s, n->span.start);
    const char *slot = measure_slot(r, s, nt, ut + len - 1, u->val);
    if (!slot)
        return true;
    const struct hit *h = count_predicate(r, s, nt);
    struct claim *cc = add_claim(r, CLAIM_COUNT, s->idx,
                                 hull(n->span, n->noun_span));
    cc->frame = h ? first_frame + (unsigned)(h - r->preds) : 0;
    cc->cls = h ? h->p->val : NULL;
    cc->slot = slot;
    cc->scale = strtod(u->val2, NULL);
    cc->thing = s->thing.key;
    cc->number_idx = (int)i;
    cc->negated = h && negated(r, h);
    cc->attributed_to = s->attributed;
    return true;
}

static void count_claims(struct run *r, const struct sent *s,
                         unsigned first_frame)
{
    struct doc *doc = r->doc;
    for (size_t i = s->n0; i < s->n1; i++) {
        const struct number *n = &doc->numbers[i];
        if (n->ordinal || n->value <= 0)
            continue;
        if (measure_claim(r, s, i, first_frame))
            continue;
        const char *cat = count_category(r, s, n);
        if (!cat)
            continue;
        size_t nt = token_of(r, s, n->span.start);
        const struct hit *h = count_predicate(r, s, nt);
        if (!h)
            continue;
        struct span sp = n->span;
        if (n->noun_span.end > sp.end)
            sp = hull(sp, n->noun_span);
        size_t hend = h->tok + h->ntok;
        const struct token *toks = doc->toks;
        if (tok_dist(h->tok, nt) <= 4 || tok_dist(hend, nt) <= 4)
            sp = hull(sp, (struct span){toks[h->tok].span.start,
                                        toks[hend - 1].span.end});
        const char *pred = h->p->val2 ? h->p->val2 : h->p->val;
        struct claim *cc = add_claim(r, CLAIM_COUNT, s->idx, sp);
        cc->frame = first_frame + (unsigned)(h - r->preds);
        cc->cls = h->p->val;
        cc->slot = arena_printf(doc->arena, "%s/%s", pred, cat);
        cc->thing = s->thing.key;
        cc->number_idx = (int)i;
        cc->negated = negated(r, h);
        cc->attributed_to = s->attributed;
        /* "five Russians were killed" also counts people killed, as a
         * part of them: it agrees with "five people", and "two
         * Russians" against "five people" is no conflict. */
        if (cat == n->noun &&
            scan_map_get(r->c->demonyms, cat, strlen(cat)) >= 0) {
            struct claim part = *cc; /* add_claim may move cc */
            struct claim *pc = add_claim(r, CLAIM_COUNT, s->idx, sp);
            *pc = part;
            pc->slot = arena_printf(doc->arena, "%s/people", pred);
            pc->subset = true;
        }
    }
}

/* ---- who holds the ground ------------------------------------------------------ */

/* How far after "under the control of" the holder's name may be: "armed
 * groups of the terrorist group X" is the name, not the class noun. */
#define HOLDER_WORDS 10

static bool holder_type(enum ent_type t)
{
    return t == ENT_GROUP || t == ENT_ORGANIZATION || t == ENT_COUNTRY ||
           t == ENT_PERSON;
}

/* s[0..n) lower-cased into out; false if it does not fit in cap. */
static bool lower_copy(char *out, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        return false;
    for (size_t k = 0; k < n; k++)
        out[k] = (char)tolower((unsigned char)s[k]);
    return true;
}

/* A class noun of claims/descriptors written alone ("rebel", "jihadist")
 * as the word s[0..len): its class, or NULL. */
static const char *class_word(const struct run *r, const char *s, size_t len)
{
    const struct ptable *t = &r->c->descs;
    int id = len ? scan_map_get(t->exact, s, len) : -1;
    for (size_t k = 0; id >= 0 && (size_t)id * 2 < t->nids &&
                       k < t->slots[id * 2].n; k++) {
        const struct phrase *p = &t->v[t->slots[id * 2].v[k]];
        if (p->n == 1)
            return p->val;
    }
    return NULL;
}

/* Add the holder claim for the event nearest token at, if the clause has
 * one: a mention (m >= 0) or a class noun. */
static void add_holder(struct run *r, const struct sent *s, size_t at,
                       struct span sp, int m, const char *cls,
                       unsigned first_frame)
{
    /* The event is the nearest predicate in the sentence other than the
     * holder's own words ("under the control" is a predicate too). */
    const struct hit *h = NULL;
    size_t bestd = (size_t)-1;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *p = &r->preds[k];
        const struct token *t0 = &r->doc->toks[p->tok];
        const struct token *t1 = &r->doc->toks[p->tok + p->ntok - 1];
        if (t1->span.end > sp.start && t0->span.start < sp.end)
            continue;
        size_t d = tok_dist(p->tok, at);
        if (d < bestd) {
            h = p;
            bestd = d;
        }
    }
    if (!h)
        return;
    struct claim *cl = add_claim(r, CLAIM_ACTOR, s->idx, sp);
    cl->frame = first_frame + (unsigned)(h - r->preds);
    cl->cls = h->p->val;
    cl->slot = "held by";
    cl->thing = s->thing.key;
    cl->mention_idx = m;
    cl->text = cls;
    cl->attributed_to = s->attributed;
}

/* Does a name follow token k: "of X", "X", or X after an opening quote
 * ("the terrorist group \u201cX\u201d")? Then a class noun before k only
 * introduces it. */
static bool names_follow(const struct run *r, const struct sent *s, size_t k)
{
    const struct doc *doc = r->doc;
    if (k < s->b && word_eq(r->text, &doc->toks[k], "of", false))
        return true;
    size_t limit = k + 2 < s->b ? doc->toks[k + 2].span.start
                 : k < s->b ? doc->toks[s->b - 1].span.end : 0;
    for (size_t m = s->m0; k < s->b && m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->span.start >= doc->toks[k].span.start &&
            mm->span.start <= limit && holder_type(mm->type))
            return true;
    }
    return false;
}

/* "under the control of X", "held by X": X is the first name after the
 * phrase, or a class noun ("militants") unless "of" follows it ("armed
 * groups of the terrorist group X" names X). A comma ends the search. */
static void holder_after(struct run *r, const struct sent *s, size_t i,
                         size_t n, unsigned first_frame)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    size_t end = i + n, m = s->m0;
    for (size_t k = end; k < s->b && k <= end + HOLDER_WORDS; k++) {
        if (is_punct(r, &toks[k], ",;:()"))
            return;
        while (m < s->m1 && doc->mentions[m].span.start < toks[k].span.start)
            m++;
        if (m < s->m1 && doc->mentions[m].span.start == toks[k].span.start &&
            holder_type(doc->mentions[m].type)) {
            add_holder(r, s, i,
                       (struct span){toks[i].span.start,
                                     doc->mentions[m].span.end},
                       (int)m, NULL, first_frame);
            return;
        }
        size_t len;
        const struct phrase *p =
            ptable_match(&r->c->descs, r->text, toks, k, s->b, &len);
        if (!p)
            continue;
        if (names_follow(r, s, k + len)) {
            k += len - 1;
            continue;
        }
        add_holder(r, s, i,
                   (struct span){toks[i].span.start,
                                 toks[k + len - 1].span.end},
                   -1, p->val, first_frame);
        return;
    }
}

/* "rebel-held", "IS-controlled": the word's first part is the holder. */
static void holder_suffix(struct run *r, const struct sent *s, size_t i,
                          unsigned first_frame)
{
    const struct doc *doc = r->doc;
    const struct token *tk = &doc->toks[i];
    const char *w = r->text + tk->span.start;
    size_t len = tk->span.end - tk->span.start;
    const char *dash = memchr(w, '-', len);
    if (!dash || dash == w)
        return;
    size_t pre = (size_t)(dash - w);
    char low[32];
    if (!lower_copy(low, sizeof low, dash, len - pre) ||
        scan_map_get(r->c->holder_suffixes, low, len - pre) < 0)
        return;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->span.start >= tk->span.start &&
            mm->span.end <= tk->span.start + pre && holder_type(mm->type)) {
            add_holder(r, s, i, tk->span, (int)m, NULL, first_frame);
            return;
        }
    }
    const char *cls =
        lower_copy(low, sizeof low, w, pre) ? class_word(r, low, pre) : NULL;
    if (cls)
        add_holder(r, s, i, tk->span, -1, cls, first_frame);
}

static void holder_claims(struct run *r, const struct sent *s,
                          unsigned first_frame)
{
    const struct token *toks = r->doc->toks;
    for (size_t i = s->a; i < s->b; i++) {
        if (toks[i].kind != TOK_WORD)
            continue;
        size_t n;
        const struct phrase *p =
            ptable_match(&r->c->holders, r->text, toks, i, s->b, &n);
        if (p && !strcmp(p->val, "by")) {
            holder_after(r, s, i, n, first_frame);
            i += n - 1;
        } else if (memchr(r->text + toks[i].span.start, '-',
                          toks[i].span.end - toks[i].span.start)) {
            holder_suffix(r, s, i, first_frame);
        }
    }
}

/* ---- statements ---------------------------------------------------------- */

/* A light stem: enough to make "conducting"/"conduct" and
 * "operations"/"operation" meet, not a linguist's stemmer. */
static size_t stem_len(const char *w, size_t n)
{
    static const char *const suf[] = {"ations", "ation", "ings", "ing",
                                      "edly", "ies", "ied", "ed", "es",
                                      "ly", "s"};
    for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
        size_t k = strlen(suf[i]);
        if (n > k + 3 && !strncmp(w + n - k, suf[i], k))
            return n - k;
    }
    return n;
}

/* The content words of text[span], stemmed, lower case, space separated. */
static const char *content_words(const struct run *r, struct span sp)
{
    const char *t = r->text;
    size_t cap = sp.end - sp.start + 1, o = 0;
    char *out = arena_alloc(r->doc->arena, cap + 1);
    size_t i = sp.start;
    while (i < sp.end) {
        while (i < sp.end && !isalnum((unsigned char)t[i]) &&
               !((unsigned char)t[i] & 0x80))
            i++;
        size_t w0 = i;
        while (i < sp.end && (isalnum((unsigned char)t[i]) ||
                              ((unsigned char)t[i] & 0x80) || t[i] == '-'))
            i++;
        size_t n = i - w0;
        if (n < 3 || scan_map_get(r->c->stop, t + w0, n) >= 0)
            continue;
        size_t sl = stem_len(t + w0, n);
        if (o + sl + 1 > cap)
            break;
        if (o)
            out[o++] = ' ';
        for (size_t k = 0; k < sl; k++)
            out[o++] = (char)tolower((unsigned char)t[w0 + k]);
    }
    out[o] = '\0';
    return out;
}

static void quote_claims(struct run *r)
{
    struct doc *doc = r->doc;
    for (size_t i = 0; i < doc->nquotes; i++) {
        const struct quote *q = &doc->quotes[i];
        if (q->kind == QUOTE_SCARE)
            continue;
        struct claim *cl = add_claim(r, CLAIM_STATEMENT, 0, q->span);
        size_t si = 0;
        LOWER_BOUND(doc->sents, doc->nsents, q->span.start + 1, si);
        cl->sentence = si ? (unsigned)(si - 1) : 0;
        cl->quote_idx = (int)i;
        cl->attributed_to = q->speaker;
        cl->text = content_words(r, q->span);
    }
}

/* "Kerry said that Russia must ...": the content after "that" is a
 * statement of the speaker, unless quotation marks carry it already. */
static void reported_speech(struct run *r, const struct sent *s)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t i = s->a; i + 2 < s->b; i++) {
        size_t n;
        if (!ptable_match(&r->c->speech, r->text, toks, i, s->b, &n) ||
            !word_eq(r->text, &toks[i + n], "that", false))
            continue;
        int who = -1;
        for (size_t m = s->m0; m < s->m1; m++) {
            size_t mt = token_of(r, s, doc->mentions[m].span.end);
            if (mt <= i && i - mt <= 2)
                who = (int)m;
        }
        if (who < 0)
            return;
        struct span content = {toks[i + n + 1].span.start,
                               doc->sents[s->idx].span.end};
        for (size_t q = 0; q < doc->nquotes; q++)
            if (doc->quotes[q].span.start < content.end &&
                doc->quotes[q].span.end > content.start)
                return;
        struct claim *cl = add_claim(r, CLAIM_STATEMENT, s->idx, content);
        cl->attributed_to = who;
        cl->text = content_words(r, content);
        return;
    }
}

/* ---- descriptions ---------------------------------------------------------- */

static void role_claims(struct run *r, const struct sent *s)
{
    struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->role && mm->role_span.end > mm->role_span.start) {
            struct claim *cl = add_claim(r, CLAIM_ROLE, s->idx,
                                         hull(mm->role_span, mm->span));
            cl->slot = "role";
            cl->mention_idx = (int)m;
            cl->text = mm->role;
            continue;
        }
        if (mm->type != ENT_GROUP && mm->type != ENT_ORGANIZATION)
            continue;
        /* "the terrorist group X", "budget airline X", "X terrorists" */
        size_t mt0 = token_of(r, s, mm->span.start);
        size_t mt1 = token_of(r, s, mm->span.end);
        const struct phrase *p = NULL;
        struct span sp = mm->span;
        size_t n;
        for (size_t k = mt0 > s->a + 3 ? mt0 - 3 : s->a; k < mt0 && !p; k++) {
            p = ptable_match(&r->c->descs, r->text, toks, k, mt0, &n);
            if (p && k + n != mt0)
                p = NULL;
            if (p)
                sp.start = toks[k].span.start;
        }
        if (!p && mt1 < s->b) {
            p = ptable_match(&r->c->descs, r->text, toks, mt1, s->b, &n);
            if (p)
                sp.end = toks[mt1 + n - 1].span.end;
        }
        if (!p)
            continue;
        struct claim *cl = add_claim(r, CLAIM_ROLE, s->idx, sp);
        cl->slot = "descriptor";
        cl->mention_idx = (int)m;
        cl->text = p->val;
    }
}

/* ---- driver ------------------------------------------------------------------ */

static void thing_claims(struct run *r, struct sent *s)
{
    struct thing found[8];
    size_t n = find_things(r, s->a, s->b, found, 8);
    unsigned para = r->doc->sents[s->idx].paragraph;
    for (size_t i = 0; i < n; i++) {
        struct claim *cl = add_claim(r, CLAIM_THING, s->idx, found[i].span);
        cl->thing = found[i].key;
        cl->text = found[i].text;
        cl->slot = found[i].kind;
    }
    if (n) {
        s->thing = found[0];
        s->thing.sentence = s->idx;
        s->thing.paragraph = para;
        s->thing_explicit = true;
        r->last = s->thing;
    } else if (r->last.key && r->last.paragraph == para &&
               s->idx - r->last.sentence <= THING_CARRY) {
        s->thing = r->last;
    }
}

static void find_hits(struct run *r, const struct sent *s)
{
    const struct token *toks = r->doc->toks;
    r->npreds = r->nnegs = 0;
    for (size_t i = s->a; i < s->b; i++) {
        size_t n;
        const struct phrase *p =
            ptable_match(&r->c->negs, r->text, toks, i, s->b, &n);
        if (p) {
            push_hit(&r->negs, &r->nnegs, &r->capn, (struct hit){i, n, p});
            i += n - 1;
            continue;
        }
        p = ptable_match(&r->c->preds, r->text, toks, i, s->b, &n);
        if (p) {
            push_hit(&r->preds, &r->npreds, &r->capp, (struct hit){i, n, p});
            i += n - 1;
        }
    }
}

static void claim_sentence(struct run *r, unsigned si, size_t a, size_t b)
{
    struct doc *doc = r->doc;
    const struct sentence *se = &doc->sents[si];
    if (se->flags & (SENT_BOILERPLATE | SENT_CAPTION) || a == b)
        return;
    struct sent s;
    memset(&s, 0, sizeof s);
    s.idx = si;
    s.a = a;
    s.b = b;
    LOWER_BOUND(doc->mentions, doc->nmentions, se->span.start, s.m0);
    LOWER_BOUND(doc->mentions, doc->nmentions, se->span.end, s.m1);
    LOWER_BOUND(doc->dates, doc->ndates, se->span.start, s.d0);
    LOWER_BOUND(doc->dates, doc->ndates, se->span.end, s.d1);
    LOWER_BOUND(doc->numbers, doc->nnumbers, se->span.start, s.n0);
    LOWER_BOUND(doc->numbers, doc->nnumbers, se->span.end, s.n1);
    s.attributed = attribution(r, &s);
    thing_claims(r, &s);
    find_hits(r, &s);
    unsigned first_frame = r->frame + 1;
    for (size_t k = 0; k < r->npreds; k++)
        frame_claims(r, &s, &r->preds[k]);
    count_claims(r, &s, first_frame);
    holder_claims(r, &s, first_frame);
    role_claims(r, &s);
    reported_speech(r, &s);
}

void claim_run(const struct claimer *c, struct doc *doc)
{
    doc->nclaims = 0;
    struct run r;
    memset(&r, 0, sizeof r);
    r.c = c;
    r.doc = doc;
    r.text = doc->text;
    size_t t = 0;
    for (unsigned si = 0; si < doc->nsents; si++) {
        size_t a = t;
        while (t < doc->ntoks && doc->toks[t].sentence == si)
            t++;
        claim_sentence(&r, si, a, t);
    }
    quote_claims(&r);
    free(r.preds);
    free(r.negs);
}
