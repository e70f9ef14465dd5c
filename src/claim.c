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
#include "claimdiff/bearing.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/fate.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/wordfilter.h"
#include "claimdiff/wordmask.h"
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
    "fate",  "time",
};

const char *claim_kind_name(enum claim_kind k)
{
    return (unsigned)k < CLAIM_NKINDS ? kind_names[k] : "event";
}

/* ---- phrase tables ------------------------------------------------------ */

struct phrase {
    const char *words[PHRASE_MAX_WORDS];
    uint32_t lens[PHRASE_MAX_WORDS]; /* strlen of words[] */
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
    /* the heads of the prefixes (wordfilter_add_head): a word whose head
     * is ruled out can start no prefix phrase */
    struct wordfilter prefix_heads;
    /* The first words of exact (prefix): most tokens miss most tables,
     * and the filter says so without hashing the whole word. */
    struct wordfilter exact_keys, prefix_keys;
    uint32_t bit;   /* this table's bit in the claimer's wordmask */
    unsigned table; /* that bit's number */
};

/* A phrase of some table whose first word is a whole word of the
 * claimer's wordmask. */
struct wref {
    uint32_t word;   /* its wordmask id */
    uint32_t table;  /* the table's number (ptable.table) */
    uint32_t phrase; /* index into that table's v */
};

enum loc_kind {
    LOC_AT,   /* "in", "over": where it happened */
    LOC_NEAR, /* "near", "off": a landmark close by */
    LOC_FILL, /* "the", "province", "of": between preposition and place */
};

/* A demonym of lexicon/demonyms in one of its forms. */
struct demonym {
    const char *name;    /* the singular as written ("German", arena) */
    const char *country; /* its country ("Germany", arena), NULL for "-" */
    bool plural;         /* this form is the plural ("Germans") */
};

struct claimer {
    struct arena *arena;
    struct wordmask *index; /* every ptable's first words */
    unsigned ntables;       /* ptables in index */
    /* every phrase under its first word: those of word w are
     * wrefs[word_first[w] .. word_first[w + 1]), table by table in the
     * order the tables were loaded, each table's in row order, as its
     * own slot lists them (index_phrases sorts them so) */
    struct wref *wrefs;
    size_t nwrefs, capwrefs;
    uint32_t *word_first;
    size_t nword_first;
    struct ptable preds, negs, things, descs, counts, speech, units, cues;
    struct ptable holders; /* claims/holders: "by" phrases */
    struct ptable sources; /* claims/sources: who says so */
    struct ptable channels; /* lexicon/quote_channels: outlets */
    struct ptable titles;   /* lexicon/titles: offices, ranks, prefixes */
    struct ptable territory; /* claims/territory: incursion and presence */
    struct ptable irrealis;  /* claims/irrealis: "to", "would", "hope to" */
    struct ptable failures;  /* claims/failures: "but failed", "in vain" */
    struct fater *fate;      /* what became of people (fate.h) */
    struct bearer *bearing;  /* where a place lies (bearing.h) */
    struct ptable owners;    /* claims/ownership: "owner of", "unit of" */
    struct ptable totals;    /* claims/totality: "all", "everyone" */
    struct ptable terrain;   /* claims/terrain: "remote area" */
    struct ptable time_leads; /* claims/time_leads: "at", "around" */
    struct ptable blame;     /* claims/blame: who is to blame */
    struct ptable labels;    /* claims/labels: "a hostile act" */
    struct ptable no_comment; /* claims/no_comment: "declined to comment" */
    struct ptable weapons;   /* claims/weapons: "anti-aircraft guns" */
    struct scan_map *holder_suffixes; /* its "suffix" rows: "-held" */
    /* the last bytes of those suffixes, in both ASCII cases: a word
     * ending in another byte ends in no holder suffix */
    uint64_t suffix_last[4];
    struct scan_map *designators; /* maker's name, lower case -> id */
    const char **designator;      /* per id: its short form (arena) */
    struct scan_map *demonyms; /* "russian", "russians" -> id */
    struct demonym *demonym;   /* per id */
    struct scan_map *people;   /* count nouns and categories of people */
    struct scan_map *route_verbs; /* "travelling" (from X to Y) */
    struct scan_map *losses; /* claims/losses: classes of a thing lost */
    struct scan_map *stop; /* statement stop words */
    struct scan_map *breaks; /* words that open a new clause */
    uint32_t breaks_bit;     /* their bit in the token masks */
    struct scan_map *gatherings; /* classes whose "of X" is who took part */
    struct scan_map *repetitions; /* "times", "occasions": the event's own */
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

/* A prefix lookup only tries lengths of PREFIX_MIN bytes or more, so a
 * prefix's first WORDFILTER_HEAD bytes are always part of what it must
 * match. */
_Static_assert(PREFIX_MIN >= WORDFILTER_HEAD, "prefix heads need PREFIX_MIN");
/* The claimer's wordmask must try the prefix lengths ptable_lookup tries,
 * so that a clear bit means ptable_lookup finds nothing. */
_Static_assert(PREFIX_MIN == WORDMASK_PREFIX_MIN, "one shortest prefix");
_Static_assert(SCAN_MAX_KEY == WORDMASK_MAX_LEN, "one longest word");

/* May the word s[0..len) start with one of t's prefixes? False means no
 * prefix lookup of it can hit. */
static inline bool prefix_may(const struct ptable *t, const char *s, size_t len)
{
    return t->nprefix && wordfilter_may_head(&t->prefix_heads, s, len);
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

/* Note phrase (of table) under the whole word of id word; tables are
 * loaded in order, and each table's rows, so the notes come in the order
 * index_phrases keeps. */
static void add_wordphrase(struct claimer *c, size_t word, unsigned table,
                           size_t phrase)
{
    if (c->nwrefs == c->capwrefs)
        c->wrefs = xgrow(c->wrefs, &c->capwrefs, c->nwrefs + 1,
                         sizeof *c->wrefs);
    c->wrefs[c->nwrefs++] =
        (struct wref){(uint32_t)word, table, (uint32_t)phrase};
}

/* Group the notes of add_wordphrase by word (a stable counting sort, so
 * each word's keep their order) and set word_first. */
static void index_phrases(struct claimer *c)
{
    size_t nw = 0;
    for (size_t i = 0; i < c->nwrefs; i++)
        if (c->wrefs[i].word + 1 > nw)
            nw = c->wrefs[i].word + 1;
    c->nword_first = nw + 1;
    c->word_first = xcalloc(nw + 1, sizeof *c->word_first);
    for (size_t i = 0; i < c->nwrefs; i++)
        c->word_first[c->wrefs[i].word + 1]++;
    for (size_t w = 0; w < nw; w++)
        c->word_first[w + 1] += c->word_first[w];
    struct wref *v = xmalloc((c->nwrefs + 1) * sizeof *v);
    uint32_t *next = xmalloc((nw + 1) * sizeof *next);
    memcpy(next, c->word_first, (nw + 1) * sizeof *next);
    for (size_t i = 0; i < c->nwrefs; i++)
        v[next[c->wrefs[i].word]++] = c->wrefs[i];
    free(next);
    free(c->wrefs);
    c->wrefs = v;
    c->capwrefs = c->nwrefs;
}

static enum cd_err ptable_load(struct claimer *c, struct ptable *t,
                               const struct rules *r, const char *name,
                               size_t minf, size_t maxf, struct diag *d)
{
    const struct rule_table *rt = rules_get(r, name);
    enum cd_err err = rules_check_fields(rt, minf, maxf, d);
    if (err)
        return err;
    if (c->ntables == WORDMASK_TABLES)
        return diag_set(d, CD_ERR_RULE, name, 0, 0,
                        "more than %d phrase tables", WORDMASK_TABLES);
    unsigned table = c->ntables++;
    t->table = table;
    t->bit = (uint32_t)1 << table;
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
            p.lens[p.n] = (uint32_t)strlen(w);
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
        int word = wordmask_add(c->index, table, p.words[0],
                                strlen(p.words[0]), p.prefix[0]);
        if (word >= 0 && !p.prefix[0])
            add_wordphrase(c, (size_t)word, table, t->n);
        t->nprefix += p.prefix[0];
        if (p.prefix[0] && strlen(p.words[0]) <= SCAN_MAX_KEY) {
            t->prefix_lens |= (uint64_t)1 << strlen(p.words[0]);
            wordfilter_add_head(&t->prefix_heads, p.words[0],
                                strlen(p.words[0]));
        }
        t->n++;
    }
    return CD_OK;
}

/* strcmp(a, b) == 0, the first bytes compared inline: at the sites
 * that test a matched phrase's class against a few names, most tests
 * fail at the first byte, and a strcmp call is ~30 instructions. */
static inline bool str_eq(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

static inline unsigned char fold_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Whether token tk is the word w[0..wl) (or, if prefix, begins with it),
 * ASCII case folded: what strncasecmp answers, as no locale is set. */
static inline bool phrase_word_eq(const char *text, const struct token *tk,
                                  const char *w, size_t wl, bool prefix)
{
    size_t len = tk->span.end - tk->span.start;
    if (prefix ? len < wl : len != wl)
        return false;
    const char *s = text + tk->span.start;
    for (size_t k = 0; k < wl; k++) {
        unsigned char a = (unsigned char)s[k], b = (unsigned char)w[k];
        if (a != b && fold_ascii(a) != fold_ascii(b))
            return false;
    }
    return true;
}

/* phrase_word_eq of a NUL-terminated w. Always inline: nearly every
 * caller passes a literal, whose strlen is then a constant, and most
 * tokens fail the length test before any byte is read (a call of
 * strncasecmp was ~50 instructions, asked for every token by some
 * passes). */
__attribute__((always_inline)) static inline bool
word_eq(const char *text, const struct token *tk, const char *w, bool prefix)
{
    return phrase_word_eq(text, tk, w, strlen(w), prefix);
}

/* Keep phrase p if it matches at token i within [i, end) and is longer
 * than the best so far (the first of equal length stays). */
static inline void try_phrase(const struct phrase *p, const char *text,
                              const struct token *toks, size_t i, size_t end,
                              const struct phrase **best, size_t *bestn)
{
    if (p->n <= *bestn || i + p->n > end)
        return;
    size_t w = 1;
    while (w < p->n && phrase_word_eq(text, &toks[i + w], p->words[w],
                                      p->lens[w], p->prefix[w]))
        w++;
    if (w == p->n) {
        *best = p;
        *bestn = p->n;
    }
}

/* Try the phrases listed under one first-word slot; keep the longest. */
static void try_slot(const struct ptable *t, size_t slot, const char *text,
                     const struct token *toks, size_t i, size_t end,
                     const struct phrase **best, size_t *bestn)
{
    for (size_t k = 0; slot < t->nids && k < t->slots[slot].n; k++)
        try_phrase(&t->v[t->slots[slot].v[k]], text, toks, i, end, best,
                   bestn);
}

/* try_slot for t's phrases among v[0..n), one word's phrases of all
 * tables: the phrases of t's exact slot for that word, in the same
 * order. */
static void try_word(const struct ptable *t, const struct wref *v, size_t n,
                     const char *text, const struct token *toks, size_t i,
                     size_t end, const struct phrase **best, size_t *bestn)
{
    for (size_t k = 0; k < n; k++) {
        if (v[k].table < t->table)
            continue;
        if (v[k].table > t->table)
            break;
        try_phrase(&t->v[v[k].phrase], text, toks, i, end, best, bestn);
    }
}

/* The prefix phrases of t that may start at token i (its text s[0..len))
 * into *best, longest prefix first. */
static void try_prefixes(const struct ptable *t, const char *text,
                         const struct token *toks, size_t i, size_t end,
                         const char *s, size_t len,
                         const struct phrase **best, size_t *bestn)
{
    int id;
    if (prefix_may(t, s, len)) {
        for (size_t l = len < SCAN_MAX_KEY ? len : SCAN_MAX_KEY;
             l >= PREFIX_MIN; l--) {
            /* a length no prefix has cannot hit: skip its hashing */
            if (!(t->prefix_lens & ((uint64_t)1 << l)) ||
                !wordfilter_may(&t->prefix_keys, s, l))
                continue;
            id = scan_map_get(t->prefix, s, l);
            if (id >= 0)
                try_slot(t, (size_t)id * 2 + 1, text, toks, i, end, best,
                         bestn);
        }
    }
}

/* The longest phrase of t starting at token i, s[0..len) being its text
 * (or a part of it: see compound_unit), within tokens [i, end); its
 * length in tokens in *ntok. NULL if none. */
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
    try_prefixes(t, text, toks, i, end, s, len, &best, &bestn);
    *ntok = bestn;
    return best;
}

/* ---- building ------------------------------------------------------------ */

/* Give the words of the one-column table name (already loaded as a
 * scan_map, which checked its rows) a bit of their own in the claimer's
 * wordmask, in *bit: a token's mask then says whether the map holds it,
 * as scan_map_get would (the same keys, the same folding). */
static enum cd_err index_words(struct claimer *c, const struct rules *r,
                               const char *name, uint32_t *bit,
                               struct diag *d)
{
    if (c->ntables == WORDMASK_TABLES)
        return diag_set(d, CD_ERR_RULE, name, 0, 0,
                        "more than %d phrase tables", WORDMASK_TABLES);
    unsigned table = c->ntables++;
    *bit = (uint32_t)1 << table;
    const struct rule_table *rt = rules_get(r, name);
    for (size_t i = 0; i < rt->nrows; i++)
        wordmask_add(c->index, table, rt->rows[i].fields[0],
                     strlen(rt->rows[i].fields[0]), false);
    return CD_OK;
}

/* The one-column table name of r as a word set in *out (NULL on error). */
static enum cd_err load_words(struct claimer *c, const struct rules *r,
                              struct diag *d)
{
    enum cd_err err = scan_map_load(r, "claims/stopwords", &c->stop, d);
    if (!err)
        err = scan_map_load(r, "claims/people_nouns", &c->people, d);
    if (!err)
        err = scan_map_load(r, "claims/route_verbs", &c->route_verbs, d);
    if (!err)
        err = scan_map_load(r, "claims/clause_breaks", &c->breaks, d);
    if (!err)
        err = index_words(c, r, "claims/clause_breaks", &c->breaks_bit, d);
    if (!err)
        err = scan_map_load(r, "claims/gatherings", &c->gatherings, d);
    if (!err)
        err = scan_map_load(r, "claims/repetitions", &c->repetitions, d);
    if (!err)
        err = scan_map_load(r, "claims/losses", &c->losses, d);
    if (err)
        return err;
    const struct rule_table *nt = rules_get(r, "lexicon/demonyms");
    err = rules_check_fields(nt, 2, 2, d);
    if (err)
        return err;
    /* Every row gives two forms, so the map's ids stay below 2 * nrows,
     * whatever rows repeat a form. */
    c->demonyms = scan_map_new();
    c->demonym = arena_alloc(c->arena, (2 * nt->nrows + 1) * sizeof *c->demonym);
    size_t nforms = 0; /* ids are given 0, 1, ... to new forms */
    for (size_t i = 0; i < nt->nrows; i++) {
        const char *w = nt->rows[i].fields[0], *country = nt->rows[i].fields[1];
        struct demonym dm = {arena_strdup(c->arena, w),
                             strcmp(country, "-") ? arena_strdup(c->arena, country)
                                                  : NULL,
                             false};
        const char *forms[2] = {w, arena_printf(c->arena, "%ss", w)};
        for (int k = 0; k < 2; k++) {
            int id = scan_map_put(c->demonyms, forms[k], strlen(forms[k]));
            if (id < 0 || (size_t)id != nforms)
                continue; /* a form an earlier row already gave */
            nforms++;
            dm.plural = k == 1;
            c->demonym[id] = dm;
        }
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
static void set_byte(uint64_t set[4], unsigned char b)
{
    set[b / 64] |= (uint64_t)1 << (b % 64);
}

static bool has_byte(const uint64_t set[4], unsigned char b)
{
    return set[b / 64] >> (b % 64) & 1;
}

/* The suffix rows of t, and their last bytes in both cases in last. */
static struct scan_map *suffix_map(const struct ptable *t, uint64_t last[4])
{
    struct scan_map *m = scan_map_new();
    for (size_t i = 0; i < t->n; i++) {
        const char *w = t->v[i].words[0];
        size_t len = strlen(w);
        if (t->v[i].n != 1 || strcmp(t->v[i].val, "suffix") || !len)
            continue;
        scan_map_put(m, w, len);
        unsigned char z = (unsigned char)w[len - 1];
        set_byte(last, z);
        set_byte(last, (unsigned char)tolower(z));
        set_byte(last, (unsigned char)toupper(z));
    }
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

/* A source row's role is says, tells, by or media; a media row names
 * its short form. */
static enum cd_err check_sources(const struct ptable *t,
                                 const struct rule_table *rt, struct diag *d)
{
    for (size_t i = 0; i < t->n && i < rt->nrows; i++) {
        const char *role = t->v[i].val;
        bool media = !strcmp(role, "media");
        if (!media && strcmp(role, "says") && strcmp(role, "tells") &&
            strcmp(role, "by"))
            return diag_set(d, CD_ERR_RULE, rt->rows[i].file,
                            rt->rows[i].line, 0,
                            "role '%s' is not says, tells, by or media", role);
        if (media && !t->v[i].val2)
            return diag_set(d, CD_ERR_RULE, rt->rows[i].file,
                            rt->rows[i].line, 0,
                            "a media row needs its short form");
    }
    return CD_OK;
}

/* An ownership row's order is owner-first or owned-first. */
static enum cd_err check_owners(const struct ptable *t,
                                const struct rule_table *rt, struct diag *d)
{
    for (size_t i = 0; i < t->n && i < rt->nrows; i++)
        if (strcmp(t->v[i].val, "owner-first") &&
            strcmp(t->v[i].val, "owned-first"))
            return diag_set(d, CD_ERR_RULE, rt->rows[i].file,
                            rt->rows[i].line, 0,
                            "order '%s' is not owner-first or owned-first",
                            t->v[i].val);
    return CD_OK;
}

/* Give the fater's and the bearer's first words bits of the claimer's
 * wordmask: the claimer looks every word token up in it anyway, and the
 * masks then spare fate_claims and bearing_claims a filter probe per
 * token. After index_phrases: these words begin no ptable phrase, and
 * new ones take ids past word_first, which ptable_match leaves alone. */
static enum cd_err index_others(struct claimer *c, struct diag *d)
{
    if (!fate_index(c->fate, c->index, c->ntables) ||
        !bearing_index(c->bearing, c->index,
                       c->ntables + FATE_MASK_TABLES))
        return diag_set(d, CD_ERR_RULE, "claims", 0, 0,
                        "more than %d phrase tables", WORDMASK_TABLES);
    c->ntables += FATE_MASK_TABLES + 1;
    return CD_OK;
}

enum cd_err claim_new(const struct rules *r, struct claimer **out,
                      struct diag *d)
{
    struct claimer *c = xcalloc(1, sizeof *c);
    c->arena = arena_new();
    c->index = wordmask_new();
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
        c->holder_suffixes = suffix_map(&c->holders, c->suffix_last);
    if (!err)
        err = ptable_load(c, &c->sources, r, "claims/sources", 2, 3, d);
    if (!err)
        err = check_sources(&c->sources, rules_get(r, "claims/sources"), d);
    if (!err)
        err = ptable_load(c, &c->channels, r, "lexicon/quote_channels", 1, 1,
                          d);
    if (!err)
        err = ptable_load(c, &c->titles, r, "lexicon/titles", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->territory, r, "claims/territory", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->irrealis, r, "claims/irrealis", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->failures, r, "claims/failures", 1, 1, d);
    if (!err)
        err = ptable_load(c, &c->owners, r, "claims/ownership", 2, 2, d);
    if (!err)
        err = check_owners(&c->owners, rules_get(r, "claims/ownership"), d);
    if (!err)
        err = ptable_load(c, &c->totals, r, "claims/totality", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->terrain, r, "claims/terrain", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->time_leads, r, "claims/time_leads", 2, 2, d);
    if (!err)
        err = ptable_load(c, &c->blame, r, "claims/blame", 2, 3, d);
    if (!err)
        err = ptable_load(c, &c->labels, r, "claims/labels", 2, 3, d);
    if (!err)
        err = ptable_load(c, &c->no_comment, r, "claims/no_comment", 1, 1, d);
    if (!err)
        err = ptable_load(c, &c->weapons, r, "claims/weapons", 2, 2, d);
    if (!err)
        err = load_words(c, r, d);
    if (!err)
        index_phrases(c);
    if (!err)
        err = fate_new(r, &c->fate, d);
    if (!err)
        err = bearing_new(r, &c->bearing, d);
    if (!err)
        err = index_others(c, d);
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
    wordmask_free(c->index);
    free(c->wrefs);
    free(c->word_first);
    ptable_free(&c->preds);
    ptable_free(&c->negs);
    ptable_free(&c->things);
    ptable_free(&c->descs);
    ptable_free(&c->counts);
    ptable_free(&c->speech);
    ptable_free(&c->units);
    ptable_free(&c->cues);
    ptable_free(&c->holders);
    ptable_free(&c->sources);
    ptable_free(&c->channels);
    ptable_free(&c->titles);
    ptable_free(&c->territory);
    ptable_free(&c->irrealis);
    ptable_free(&c->failures);
    ptable_free(&c->owners);
    ptable_free(&c->totals);
    ptable_free(&c->terrain);
    ptable_free(&c->time_leads);
    ptable_free(&c->blame);
    ptable_free(&c->labels);
    ptable_free(&c->no_comment);
    ptable_free(&c->weapons);
    scan_map_free(c->holder_suffixes);
    scan_map_free(c->designators);
    free(c->designator);
    scan_map_free(c->demonyms);
    scan_map_free(c->people);
    scan_map_free(c->route_verbs);
    scan_map_free(c->losses);
    scan_map_free(c->stop);
    scan_map_free(c->breaks);
    scan_map_free(c->gatherings);
    scan_map_free(c->repetitions);
    scan_map_free(c->loc);
    free(c->loc_kind);
    fate_free(c->fate);
    bearing_free(c->bearing);
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
    /* per token: the bits of the tables a phrase may start at it with
     * (wordmask_get); 0 for all but words */
    uint32_t *tmask;
    int *tword; /* per token: its whole-word id in the wordmask, or -1 */
    /* SEEK_BOUND's cursors over mentions, dates and numbers */
    struct seek {
        bool sorted; /* the array is sorted by start */
        size_t i, last; /* the cursor, the last position asked */
    } mcur, dcur, ncur;
    /* per sentence scratch */
    struct hit *preds, *negs;
    size_t npreds, capp, nnegs, capn;
};

/* The longest phrase of t starting at token i of the document, within
 * tokens [i, end); its length in tokens goes to *ntok. NULL if none.
 * Asked about most tokens by most passes and nearly always a miss: the
 * token's mask answers that with one load. */
static inline const struct phrase *ptable_match(const struct run *r,
                                                const struct ptable *t,
                                                size_t i, size_t end,
                                                size_t *ntok)
{
    *ntok = 0;
    if (!(r->tmask[i] & t->bit))
        return NULL;
    const struct token *toks = r->doc->toks;
    const struct phrase *best = NULL;
    size_t bestn = 0;
    /* as ptable_lookup, with the word's id found once per document */
    /* words only index_words added begin no phrase: past word_first */
    size_t w = (size_t)r->tword[i];
    if (r->tword[i] >= 0 && w + 1 < r->c->nword_first)
        try_word(t, r->c->wrefs + r->c->word_first[w],
                 r->c->word_first[w + 1] - r->c->word_first[w], r->text, toks,
                 i, end, &best, &bestn);
    try_prefixes(t, r->text, toks, i, end, r->text + toks[i].span.start,
                 toks[i].span.end - toks[i].span.start, &best, &bestn);
    *ntok = bestn;
    return best;
}

static bool is_punct(const struct run *r, const struct token *t, const char *set)
{
    return t->kind == TOK_PUNCT && t->span.end - t->span.start == 1 &&
           strchr(set, r->text[t->span.start]) != NULL;
}

/* A word of a short fixed list, its length counted once at compile
 * time (word_eq's strlen is a call when the word is not a literal). */
struct word_form {
    const char *w;
    size_t len;
};
#define FORM(lit) {lit, sizeof lit - 1}

/* The index in f[0..n) of the first word token k is (ASCII case
 * folded), or -1. */
static int word_in(const struct run *r, size_t k, const struct word_form *f,
                   size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (phrase_word_eq(r->text, &r->doc->toks[k], f[i].w, f[i].len,
                           false))
            return (int)i;
    return -1;
}

/* arena_printf(a, "%s/%s", x, y) without the printf machinery (a count
 * claim's slot, built for most counts). */
static const char *join_slash(struct arena *a, const char *x, const char *y)
{
    char buf[128];
    size_t nx = strlen(x), ny = strlen(y);
    if (nx + ny + 1 > sizeof buf)
        return arena_printf(a, "%s/%s", x, y);
    memcpy(buf, x, nx);
    buf[nx] = '/';
    memcpy(buf + nx + 1, y, ny);
    return arena_strndup(a, buf, nx + 1 + ny);
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
    char *out = arena_strbuf(a, len + 1), *o = out;
    for (size_t i = 0; i < len; i++)
        if (isalnum((unsigned char)s[i]))
            *o++ = (char)tolower((unsigned char)s[i]);
    *o = '\0';
    arena_strbuf_trim(a, out, len + 1, (size_t)(o - out) + 1);
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

static bool thing_noun_at(const struct run *r, size_t i, size_t a, size_t b, const char **kind)
{
    size_t n;
    if (i < a || i >= b)
        return false;
    const struct phrase *p = ptable_match(r, &r->c->things, i, b, &n);
    if (p && kind)
        *kind = p->val;
    return p != NULL;
}

/* "flight 9525", "Flight 4U9525", "flight 4U 9525". */
static bool flight_at(struct run *r, const struct token *toks, size_t i,
                      size_t b, struct thing *out)
{
    const char *kind = NULL;
    if (!thing_noun_at(r, i, i, b, &kind) || strcmp(kind, "flight") ||
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
            if (thing_noun_at(r, k, a, b, &kind)) {
                hi = k + 1;
                near = true;
                break;
            }
            if (toks[k].kind != TOK_WORD)
                break;
        }
        if (i > a && thing_noun_at(r, i - 1, a, b, near ? NULL : &kind)) {
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

/* LOWER_BOUND by walking on from the last answer: sentence by sentence
 * the positions asked never go back, and over an array sorted by start
 * the first element at or past pos is then at or after the cursor. Out
 * of order (cur.sorted false, or pos before the last one asked) it is
 * LOWER_BOUND itself. */
#define SEEK_BOUND(v, n, pos, cur, out)                                      \
    do {                                                                     \
        if ((cur).sorted && (pos) >= (cur).last) {                            \
            while ((cur).i < (n) && (v)[(cur).i].span.start < (pos))         \
                (cur).i++;                                                   \
            (cur).last = (pos);                                               \
            (out) = (cur).i;                                                 \
        } else {                                                             \
            LOWER_BOUND(v, n, pos, out);                                     \
        }                                                                    \
    } while (0)

/* Whether v[0..n) is sorted by span.start (non-decreasing). */
#define SORTED_BY_START(v, n, out)                                           \
    do {                                                                     \
        (out) = true;                                                        \
        for (size_t k_ = 1; k_ < (n); k_++)                                  \
            if ((v)[k_ - 1].span.start > (v)[k_].span.start)                 \
                (out) = false;                                               \
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

/* Does a predicate other than the one at token to stand between a near
 * negator's end and it? Then the negator governs that one ("no one
 * survived the crash" denies survivors, not the crash), unless "or" or
 * "nor" joins the two ("no one was killed or injured"). */
static bool governs_other(const struct run *r, size_t from, size_t to)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *p = &r->preds[k];
        if (p->tok < from || p->tok >= to)
            continue;
        size_t end = p->tok + p->ntok;
        bool joined = end + 1 == to &&
                      (word_eq(r->text, &toks[end], "or", false) ||
                       word_eq(r->text, &toks[end], "nor", false));
        if (!joined && end <= to)
            return true;
    }
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
        if (str_eq(g->p->val, "clause") && !clause_break(r, gend, h->tok))
            return true;
        if (!str_eq(g->p->val, "near") || h->tok - gend > 3 ||
            governs_other(r, gend, h->tok))
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

/* Sources one sentence may name ("X said ..., Reuters reported"). */
#define SOURCES_MAX 4
/* Longest noun phrase read as a source after "according to", in tokens:
 * "the chief of the main directorate of the general staff ... X". */
#define SOURCE_NP_TOKENS 24
/* A sentence with no event of its own this short that names a source
 * ("This was stated by X.", "Reuters reported.") speaks of the one before. */
#define SOURCE_ONLY_TOKENS 16

/* Who says so: a mention, or an outlet described ("state media"). */
struct source {
    int who;            /* mention index, -1 for a description */
    const char *desc;   /* claims/sources media short form, or NULL */
    struct span words;  /* the attributing words: "Russia's ministry
                           confirmed", "according to ... X" */
    size_t tok;         /* token of the attributing word */
    bool channel;       /* an outlet: it carried the words */
};

struct sent {
    unsigned idx;
    size_t a, b;           /* token range */
    size_t m0, m1;         /* mention range */
    size_t d0, d1;         /* date range */
    size_t n0, n1;         /* number range */
    int attributed;        /* mention index or -1 */
    struct source src[SOURCES_MAX]; /* who says so, in text order */
    size_t nsrc;
    struct thing thing;    /* explicit or carried; key NULL if none */
    bool thing_explicit;
    uint32_t tables;       /* the tokens' table masks, or-ed together */
};

/* May a phrase of t start at some token of s? False means every
 * ptable_match of t in s misses, so a pass that starts only from such a
 * phrase has nothing to do in s. */
static bool sent_may(const struct sent *s, const struct ptable *t)
{
    return s->tables & t->bit;
}

static size_t token_of(const struct run *r, const struct sent *s, size_t pos)
{
    return tok_at(r->doc->toks, s->a, s->b, pos);
}

static size_t tok_dist(size_t x, size_t y)
{
    return x > y ? x - y : y - x;
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

/* Do the bytes between two mentions only make the first one's
 * possessive ("NATO's North Atlantic Council", with ' or ’)? */
static bool possessive_between(const char *text, size_t from, size_t to)
{
    const char *p = text + from;
    if (*p == '\'')
        p++;
    else if (!strncmp(p, "\xe2\x80\x99", 3))
        p += 3;
    else
        return false;
    if (*p != 's')
        return false;
    p++;
    return p + 1 == text + to && *p == ' ';
}

/* Who took part in a gathering named by a noun with "of" after it ("a
 * meeting of NATO's North Atlantic Council"): the first mention other
 * than a place within three tokens after "of", or the body it names in
 * the possessive. Only for the classes of claims/gatherings; -1 if
 * none. */
static int gathering_of(const struct run *r, const struct sent *s,
                        const struct hit *h)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    size_t hend = h->tok + h->ntok;
    if (hend >= s->b || !word_eq(r->text, &toks[hend], "of", false) ||
        scan_map_get(r->c->gatherings, h->p->val, strlen(h->p->val)) < 0)
        return -1;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        size_t mt = token_of(r, s, mm->span.start);
        if (mt <= hend)
            continue;
        if (mt > hend + 3 || mm->type == ENT_PLACE)
            return -1;
        if (m + 1 < s->m1 &&
            possessive_between(r->text, mm->span.end,
                               doc->mentions[m + 1].span.start))
            return (int)m + 1;
        return (int)m;
    }
    return -1;
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
/* Does a speech verb stand right before the date at token dt ("they
 * added on Thursday", "he said Tuesday")? Such a date is the day of the
 * words, not of what they tell. */
static bool speech_date(const struct run *r, const struct sent *s, size_t dt)
{
    size_t k = dt;
    if (k > s->a && word_eq(r->text, &r->doc->toks[k - 1], "on", false))
        k--;
    for (size_t j = k > s->a + 2 ? k - 2 : s->a; j < k; j++) {
        size_t n;
        if (ptable_match(r, &r->c->speech, j, s->b, &n) &&
            j + n == k)
            return true;
    }
    return false;
}

static int date_of(const struct run *r, const struct sent *s,
                   const struct hit *h)
{
    int best = -1;
    size_t bestd = (size_t)-1;
    for (size_t i = s->d0; i < s->d1; i++) {
        size_t dt = token_of(r, s, r->doc->dates[i].span.start);
        size_t d = tok_dist(dt, h->tok);
        if (d < bestd && !clause_break(r, dt, h->tok) &&
            !speech_date(r, s, dt)) {
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
    /* the mask of a word holds breaks_bit exactly when c->breaks holds
     * it, and is 0 for other tokens */
    return r->tmask[t - r->doc->toks] & r->c->breaks_bit;
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

/* ---- who says so ---------------------------------------------------------- */

/* Is mention m an outlet that carries others' words: a channel of
 * lexicon/quote_channels in its words, or "agency" around it ("Agency
 * Reuters", "the Reuters news agency")? */
static bool channel_mention(const struct run *r, const struct sent *s,
                            const struct mention *m)
{
    const struct token *toks = r->doc->toks;
    size_t t0 = token_of(r, s, m->span.start), t1 = token_of(r, s, m->span.end);
    size_t n;
    for (size_t k = t0; k < t1; k++)
        if (ptable_match(r, &r->c->channels, k, t1, &n))
            return true;
    if (t0 > s->a && word_eq(r->text, &toks[t0 - 1], "agency", false))
        return true;
    return t1 < s->b &&
           (word_eq(r->text, &toks[t1], "agency", false) ||
            ptable_match(r, &r->c->channels, t1, s->b, &n));
}

/* An outlet described or named without a mention at token k: a
 * claims/sources media row ("state media": its short form), or an outlet
 * of lexicon/quote_channels the tagger did not take for a name ("SANA":
 * as written). NULL if none; *n is its length in tokens. */
static const char *media_at(const struct run *r, const struct sent *s,
                            size_t k, size_t *n)
{
    const struct token *toks = r->doc->toks;
    const struct phrase *p =
        ptable_match(r, &r->c->sources, k, s->b, n);
    if (p && str_eq(p->val, "media"))
        return p->val2;
    if (!(toks[k].flags & TOKF_CAP) ||
        !ptable_match(r, &r->c->channels, k, s->b, n))
        return NULL;
    return arena_strndup(r->doc->arena, r->text + toks[k].span.start,
                         toks[k + *n - 1].span.end - toks[k].span.start);
}

static void push_source(struct sent *s, const struct run *r, struct source src)
{
    if (s->nsrc == SOURCES_MAX || (src.who < 0 && !src.desc))
        return;
    /* a source without a mention is an outlet by the way it is found */
    src.channel = src.who < 0 ||
                  channel_mention(r, s, &r->doc->mentions[src.who]);
    s->src[s->nsrc++] = src;
}

/* The source named by the noun phrase from token k: its last person
 * (the name a title ends in: "the chief of the general staff X"), else
 * its first named body, else
 * an outlet described ("state media"). The phrase ends at a comma or a
 * word that opens a clause. src->words is extended to its end. */
static bool source_after(const struct run *r, const struct sent *s, size_t k,
                         struct source *src)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    size_t end = k;
    while (end < s->b && end - k < SOURCE_NP_TOKENS &&
           !is_punct(r, &toks[end], ",;:()") &&
           !(end > k && opens_clause(r, &toks[end])))
        end++;
    if (end == k)
        return false;
    int person = -1, body = -1;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->span.start < toks[k].span.start ||
            mm->span.end > toks[end - 1].span.end || mm->type == ENT_PLACE)
            continue;
        if (mm->type == ENT_PERSON)
            person = (int)m;
        else if (mm->type != ENT_PERSON && body < 0)
            body = (int)m;
    }
    src->who = person >= 0 ? person : body;
    if (src->who >= 0) {
        src->words.end = doc->mentions[src->who].span.end;
        return true;
    }
    for (size_t i = k; i < end; i++) {
        size_t n;
        const char *desc = media_at(r, s, i, &n);
        if (desc) {
            src->desc = desc;
            src->words.end = toks[i + n - 1].span.end;
            return true;
        }
    }
    return false;
}

/* Words an appositive may have between its commas: "Nordair, owner of
 * the low-budget Skylark, announced". */
#define APPOSITIVE_TOKENS 12

/* "X, a spokesman for Y, said": the comma at token c closes an
 * appositive; the mention ending just before the comma that opens it is
 * the speaker. -1 if none. */
static int appositive_head(const struct run *r, const struct sent *s,
                           size_t c)
{
    const struct doc *doc = r->doc;
    size_t k = c;
    while (k > s->a && c - k < APPOSITIVE_TOKENS &&
           !is_punct(r, &doc->toks[k - 1], ",;:()"))
        k--;
    if (k <= s->a + 1 || k == c || !is_punct(r, &doc->toks[k - 1], ","))
        return -1;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->type != ENT_PLACE && token_of(r, s, mm->span.end) == k - 1)
            return (int)m;
    }
    return -1;
}

/* The source just before token i: a mention ending at most two tokens
 * before it ("Russia's Defense Ministry confirmed", "the Reuters news
 * agency reported") with no punctuation between, or an outlet described
 * ("Syrian state media said"). */
static bool source_before(const struct run *r, const struct sent *s, size_t i,
                          struct source *src)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    int best = -1;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        size_t mt1 = token_of(r, s, mm->span.end);
        if (mm->type == ENT_PLACE || mt1 > i || i - mt1 > 2)
            continue;
        bool clean = true;
        for (size_t k = mt1; k < i; k++)
            if (toks[k].kind == TOK_PUNCT && !is_punct(r, &toks[k], "'"))
                clean = false;
        if (clean)
            best = (int)m;
    }
    if (best < 0 && i > s->a && is_punct(r, &toks[i - 1], ","))
        best = appositive_head(r, s, i - 1);
    if (best >= 0) {
        src->who = best;
        src->words.start = doc->mentions[best].span.start;
        return true;
    }
    for (size_t k = i > s->a + 3 ? i - 3 : s->a; k < i; k++) {
        size_t n;
        const char *desc = media_at(r, s, k, &n);
        if (desc && k + n == i) {
            src->desc = desc;
            src->words.start = toks[k].span.start;
            return true;
        }
    }
    return false;
}

/* Is t a locative preposition ("on", "in"): after a verb it begins a
 * place or a medium ("announced on Twitter"), not who spoke? */
static bool locative(const struct run *r, const struct token *t)
{
    int id = t->kind == TOK_WORD
                 ? scan_map_get(r->c->loc, r->text + t->span.start,
                                t->span.end - t->span.start)
                 : -1;
    return id >= 0 && r->c->loc_kind[id] != LOC_FILL;
}

/* Does something other than a word lead into token i: a comma, a dash,
 * a quotation mark ("..., said Kerry")? */
static bool led_in(const struct run *r, const struct sent *s, size_t i)
{
    return i > s->a && r->doc->toks[i - 1].kind != TOK_WORD;
}

/* Every source the sentence names, in text order (at most SOURCES_MAX):
 * "according to X", "X said", "said X", "X told Reuters", "quoted by
 * TASS". */
static void find_sources(const struct run *r, struct sent *s)
{
    const struct token *toks = r->doc->toks;
    s->nsrc = 0;
    if (!sent_may(s, &r->c->sources))
        return;
    for (size_t i = s->a; i < s->b && s->nsrc < SOURCES_MAX; i++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->sources, i, s->b, &n);
        if (!p || str_eq(p->val, "media"))
            continue;
        struct span verb = {toks[i].span.start, toks[i + n - 1].span.end};
        struct source src = {-1, NULL, verb, i, false};
        if (str_eq(p->val, "by")) {
            if (source_after(r, s, i + n, &src))
                push_source(s, r, src);
        } else if (source_before(r, s, i, &src)) {
            push_source(s, r, src);
            struct source to = {-1, NULL, verb, i, false};
            /* "X told Reuters": the addressee carried the words */
            if (str_eq(p->val, "tells") && i + n < s->b &&
                source_after(r, s, i + n, &to) && to.who >= 0 &&
                channel_mention(r, s, &r->doc->mentions[to.who]))
                push_source(s, r, to);
        } else if (str_eq(p->val, "says") && led_in(r, s, i) &&
                   !locative(r, &toks[i + n < s->b ? i + n : i]) &&
                   source_after(r, s, i + n, &src)) {
            push_source(s, r, src);
        }
        i += n - 1;
    }
}

/* Who the sentence says asserts it: the first source that is not an
 * outlet, else the first outlet named. */
static int attribution(const struct run *r, struct sent *s)
{
    find_sources(r, s);
    int carrier = -1;
    for (size_t k = 0; k < s->nsrc; k++) {
        if (!s->src[k].channel && s->src[k].who >= 0)
            return s->src[k].who;
        if (carrier < 0)
            carrier = s->src[k].who;
    }
    return carrier;
}

/* The thing of frame h: the sentence's, unless the sentence names it
 * after h past a word that opens another clause (claims/clause_breaks):
 * in "they warned the pilot ten times before their F-16 jet fired" the
 * jet is the firing's, not the warning's. A thing carried from an
 * earlier sentence is kept. */
static const char *frame_thing(const struct run *r, const struct sent *s,
                               const struct hit *h)
{
    if (!h || !s->thing.key || !s->thing_explicit)
        return s->thing.key;
    for (size_t k = h->tok + h->ntok; k < s->thing.tok; k++)
        if (opens_clause(r, &r->doc->toks[k]))
            return NULL;
    return s->thing.key;
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
    if (subj < 0)
        subj = gathering_of(r, s, h);
    const char *thing = frame_thing(r, s, h);

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
                                  const struct number *n, size_t *end)
{
    if (!n->noun)
        return NULL;
    *end = n->noun_span.end;
    size_t t = token_of(r, s, n->noun_span.start), len;
    const struct phrase *p = t < s->b
        ? ptable_match(r, &r->c->counts, t, s->b, &len)
        : NULL;
    if (!p)
        return n->noun;
    *end = r->doc->toks[t + len - 1].span.end;
    return p->val;
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
    const char *best = dim;
    size_t bestd = (size_t)-1;
    size_t from = nt > s->a + EVENT_WORDS ? nt - EVENT_WORDS : s->a;
    size_t to = ut + 1 + EVENT_WORDS < s->b ? ut + 1 + EVENT_WORDS : s->b;
    for (size_t i = from; i < to; i++) {
        size_t len;
        const struct phrase *p =
            ptable_match(r, &r->c->cues, i, s->b, &len);
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

/* The unit of a number written as one word with it ("12-hour",
 * "twelve-hour", "2-mile"): the token holds the number too, so the unit
 * is looked up by the noun's own bytes. NULL when the noun has its own
 * token or is no unit. */
static const struct phrase *compound_unit(const struct run *r,
                                          const struct sent *s,
                                          const struct number *n, size_t ut,
                                          size_t *len)
{
    const struct token *toks = r->doc->toks;
    if (ut >= s->b || toks[ut].span.start >= n->noun_span.start ||
        toks[ut].span.end != n->noun_span.end || toks[ut].kind != TOK_WORD)
        return NULL;
    const char *w = r->text + n->noun_span.start;
    size_t wl = n->noun_span.end - n->noun_span.start;
    const struct phrase *p =
        ptable_lookup(&r->c->units, r->text, toks, ut, ut + 1, w, wl, len);
    return p && p->n == 1 ? p : NULL;
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
        ut < s->b ? ptable_match(r, &r->c->units, ut, s->b,
                                 &len)
                  : NULL;
    if (!u)
        u = compound_unit(r, s, n, ut, &len);
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
    cc->thing = frame_thing(r, s, h);
    cc->number_idx = (int)i;
    cc->negated = h && negated(r, h);
    cc->attributed_to = s->attributed;
    return true;
}

/* Does a number of s other than the i-th lie within sp? A count's
 * evidence may take in its predicate ("carrying 146 passengers"), but
 * not across another count ("carrying 146 passengers and six crew" is
 * not the evidence of the six). */
static bool number_between(const struct doc *doc, const struct sent *s,
                           size_t i, struct span sp)
{
    for (size_t k = s->n0; k < s->n1; k++)
        if (k != i && doc->numbers[k].span.start >= sp.start &&
            doc->numbers[k].span.end <= sp.end)
            return true;
    return false;
}

/* ---- counts by nationality ---------------------------------------------- */

/* How far after a count its noun's nationality may be stated: "45
 * aboard the plane are Spanish nationals". */
#define NATIONALITY_WORDS 6

/* The demonym id of token k, or -1. */
static int demonym_at(const struct run *r, size_t k)
{
    const struct token *tk = &r->doc->toks[k];
    if (tk->kind != TOK_WORD)
        return -1;
    return scan_map_get(r->c->demonyms, r->text + tk->span.start,
                        tk->span.end - tk->span.start);
}

/* Do the words from token k on name people ("victims", "crew members",
 * "aboard")? */
static bool people_at(const struct run *r, const struct sent *s, size_t k)
{
    const struct token *toks = r->doc->toks;
    size_t len;
    if (k >= s->b || toks[k].kind != TOK_WORD)
        return false;
    const struct phrase *p =
        ptable_match(r, &r->c->counts, k, s->b, &len);
    if (p && scan_map_get(r->c->people, p->val, strlen(p->val)) >= 0)
        return true;
    return scan_map_get(r->c->people, r->text + toks[k].span.start,
                        toks[k].span.end - toks[k].span.start) >= 0;
}

/* The nationality a count of people states, as a demonym row, or -1,
 * and in *end where its words end: "72 Germans", "35 Spanish victims",
 * "67 passengers were German", "45 aboard the plane are Spanish
 * nationals". */
static int count_nationality(const struct run *r, const struct sent *s,
                             const struct number *n, size_t *end)
{
    const struct token *toks = r->doc->toks;
    size_t k = token_of(r, s, n->span.end);
    if (k >= s->b)
        return -1;
    int id = demonym_at(r, k);
    if (id >= 0 && (r->c->demonym[id].plural || people_at(r, s, k + 1))) {
        *end = toks[r->c->demonym[id].plural ? k : k + 1].span.end;
        return id;
    }
    if (!people_at(r, s, k))
        return -1;
    for (size_t j = k + 1; j + 1 < s->b && j <= k + NATIONALITY_WORDS; j++) {
        if (toks[j].kind != TOK_WORD)
            return -1;
        if (word_eq(r->text, &toks[j], "are", false) ||
            word_eq(r->text, &toks[j], "were", false)) {
            *end = toks[j + 1].span.end;
            return demonym_at(r, j + 1);
        }
    }
    return -1;
}

/* A count of people of one nationality is a quantity of its own,
 * whatever verb it comes with ("72 Germans on the plane", "67
 * passengers were German"): compared like a measure, so that readings
 * far apart ("two Russians killed", "five Russians aboard") are two
 * quantities, and close ones (67 and at least 72) contradict. */
static void nationality_claim(struct run *r, const struct sent *s, size_t i,
                              int row, size_t end, const struct hit *h,
                              unsigned first_frame)
{
    struct doc *doc = r->doc;
    struct span sp = {doc->numbers[i].span.start, end};
    struct claim *cc = add_claim(r, CLAIM_COUNT, s->idx, sp);
    cc->frame = h ? first_frame + (unsigned)(h - r->preds) : 0;
    cc->cls = h ? h->p->val : NULL;
    cc->slot = arena_printf(doc->arena, "%s nationals", r->c->demonym[row].name);
    cc->scale = 1;
    cc->thing = frame_thing(r, s, h);
    cc->number_idx = (int)i;
    cc->negated = h && negated(r, h);
    cc->attributed_to = s->attributed;
}

/* "a plane with 14 crew members": a count right after "with" that
 * follows a thing noun counts those aboard, whatever the clause's verb
 * ("has disappeared"). */
static bool aboard_with(const struct run *r, const struct sent *s, size_t nt)
{
    const struct token *toks = r->doc->toks;
    return nt >= s->a + 2 && word_eq(r->text, &toks[nt - 1], "with", false) &&
           thing_noun_at(r, nt - 2, s->a, s->b, NULL);
}

/* The count of the i-th number with its predicate h (or "with" after a
 * thing); part says a nationality makes it a part of its noun. */
static void plain_count_claim(struct run *r, const struct sent *s, size_t i,
                              const struct hit *h, bool part,
                              unsigned first_frame)
{
    struct doc *doc = r->doc;
    const struct number *n = &doc->numbers[i];
    const struct token *toks = doc->toks;
    size_t nt = token_of(r, s, n->span.start);
    bool with = aboard_with(r, s, nt);
    size_t noun_end = 0;
    const char *cat = count_category(r, s, n, &noun_end);
    if (!cat || (!h && !with))
        return;
    bool demonym = scan_map_get(r->c->demonyms, cat, strlen(cat)) >= 0;
    struct span sp = n->span;
    if (noun_end > sp.end)
        sp.end = noun_end;
    if (with) {
        sp.start = toks[nt - 1].span.start;
        h = NULL;
    } else {
        size_t hend = h->tok + h->ntok;
        struct span hs = {toks[h->tok].span.start, toks[hend - 1].span.end};
        if ((tok_dist(h->tok, nt) <= 4 || tok_dist(hend, nt) <= 4) &&
            !number_between(doc, s, i, hull(hs, sp)))
            sp = hull(sp, hs);
    }
    const char *pred = !h ? "aboard" : h->p->val2 ? h->p->val2 : h->p->val;
    /* "warned 10 times" counts warnings, as "10 warnings" does */
    if (h && scan_map_get(r->c->repetitions, cat, strlen(cat)) >= 0)
        cat = pred;
    struct claim *cc = add_claim(r, CLAIM_COUNT, s->idx, sp);
    cc->frame = h ? first_frame + (unsigned)(h - r->preds) : 0;
    cc->cls = h ? h->p->val : "aboard";
    /* "five Russians were killed" counts people killed, as a part of
     * them: it agrees with "five people", and "two Russians" against
     * "five people" is no conflict. "45 aboard are Spanish" is a part
     * of those aboard in the same way. */
    cc->slot = join_slash(doc->arena, pred, demonym ? "people" : cat);
    cc->subset = part;
    cc->thing = frame_thing(r, s, h);
    cc->number_idx = (int)i;
    cc->negated = h && negated(r, h);
    cc->attributed_to = s->attributed;
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
        size_t nt = token_of(r, s, n->span.start);
        const struct hit *h = count_predicate(r, s, nt);
        size_t nation_end;
        int nation = count_nationality(r, s, n, &nation_end);
        if (nation >= 0)
            nationality_claim(r, s, i, nation, nation_end, h, first_frame);
        plain_count_claim(r, s, i, h, nation >= 0, first_frame);
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
    cl->thing = frame_thing(r, s, h);
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
            ptable_match(r, &r->c->descs, k, s->b, &len);
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
            ptable_match(r, &r->c->holders, i, s->b, &n);
        if (p && str_eq(p->val, "by")) {
            holder_after(r, s, i, n, first_frame);
            i += n - 1;
        } else if (toks[i].span.end > toks[i].span.start &&
                   has_byte(r->c->suffix_last,
                            (unsigned char)r->text[toks[i].span.end - 1]) &&
                   memchr(r->text + toks[i].span.start, '-',
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
    static const struct {
        char s[7];
        size_t k; /* strlen(s) */
    } suf[] = {{"ations", 6}, {"ation", 5}, {"ings", 4}, {"ing", 3},
               {"edly", 4},   {"ies", 3},   {"ied", 3},  {"ed", 2},
               {"es", 2},     {"ly", 2},    {"s", 1}};
    for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
        size_t k = suf[i].k;
        /* the word holds no NUL, so memcmp answers as strncmp did */
        if (n > k + 3 && w[n - 1] == suf[i].s[k - 1] &&
            !memcmp(w + n - k, suf[i].s, k))
            return n - k;
    }
    return n;
}

/* The content words of text[span], stemmed, lower case, space separated. */
static const char *content_words(const struct run *r, struct span sp)
{
    const char *t = r->text;
    size_t cap = sp.end - sp.start + 1, o = 0;
    char *out = arena_strbuf(r->doc->arena, cap + 1);
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
    arena_strbuf_trim(r->doc->arena, out, cap + 1, o + 1);
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
    if (!sent_may(s, &r->c->speech))
        return;
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t i = s->a; i + 2 < s->b; i++) {
        size_t n;
        if (!ptable_match(r, &r->c->speech, i, s->b, &n) ||
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

/* Titles stacked before the one the tagger kept ("ministry spokesman
 * Major General X" keeps "Major General"): the role runs back over each
 * title of lexicon/titles that ends where it begins, so that the office
 * is not lost behind a rank. */
static struct span stacked_role(const struct run *r, const struct sent *s,
                                struct span role)
{
    const struct token *toks = r->doc->toks;
    size_t t = token_of(r, s, role.start);
    /* a role that does not begin on a token of this sentence (the tagger
     * may take it from across a boundary) is kept as it is */
    if (t >= s->b || toks[t].span.start != role.start)
        return role;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t k = t > s->a + PHRASE_MAX_WORDS ? t - PHRASE_MAX_WORDS
                                                    : s->a;
             k < t && !grew; k++) {
            size_t n;
            const struct phrase *p =
                ptable_match(r, &r->c->titles, k, t, &n);
            if (p && k + n == t && strcmp(p->val, "honorific")) {
                t = k;
                grew = true;
            }
        }
    }
    return (struct span){toks[t].span.start, role.end};
}

/* Does a mention of the sentence start at byte pos? */
static bool mention_starts(const struct run *r, const struct sent *s,
                           size_t pos)
{
    for (size_t m = s->m0; m < s->m1; m++)
        if (r->doc->mentions[m].span.start == pos)
            return true;
    return false;
}

/* A class noun right after a name at token t ("Daesh terrorists"), past
 * at most one capitalised word that is no name of its own ("X Takfiri
 * terrorist group"); sp is extended to its end. Not when a name follows
 * it: in "Nordair unit Skylark" the unit is Skylark. */
static const struct phrase *desc_after(const struct run *r,
                                       const struct sent *s, size_t t,
                                       struct span *sp)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = t; k < s->b && k <= t + 1; k++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->descs, k, s->b, &n);
        if (p) {
            size_t e = k + n;
            if (e < s->b && toks[e].kind == TOK_WORD &&
                (toks[e].flags & TOKF_CAP))
                return NULL;
            sp->end = toks[e - 1].span.end;
            return p;
        }
        if (toks[k].kind != TOK_WORD || !(toks[k].flags & TOKF_CAP) ||
            mention_starts(r, s, toks[k].span.start))
            return NULL;
    }
    return NULL;
}

static void role_claims(struct run *r, const struct sent *s)
{
    struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->role && mm->role_span.end > mm->role_span.start) {
            struct span rs = stacked_role(r, s, mm->role_span);
            struct claim *cl = add_claim(r, CLAIM_ROLE, s->idx,
                                         hull(rs, mm->span));
            cl->slot = "role";
            cl->mention_idx = (int)m;
            cl->text = rs.start == mm->role_span.start
                           ? mm->role
                           : arena_strndup(doc->arena, r->text + rs.start,
                                           rs.end - rs.start);
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
            p = ptable_match(r, &r->c->descs, k, mt0, &n);
            if (p && k + n != mt0)
                p = NULL;
            if (p)
                sp.start = toks[k].span.start;
        }
        if (!p && mt1 < s->b)
            p = desc_after(r, s, mt1, &sp);
        if (!p)
            continue;
        struct claim *cl = add_claim(r, CLAIM_ROLE, s->idx, sp);
        cl->slot = "descriptor";
        cl->mention_idx = (int)m;
        cl->text = p->val;
    }
}

/* ---- who owns whom and what it is ---------------------------------------- */

/* Most tokens between an organisation's name and an ownership cue or a
 * copula's class noun ("X is a low-cost subsidiary of Y"). */
#define OWN_GAP 5

static bool org_type(enum ent_type t)
{
    return t == ENT_ORGANIZATION || t == ENT_GROUP;
}

/* May token k sit between a name and its cue? Lower-case words, commas,
 * hyphens and apostrophes ("Y's unit X", "the low-budget X"); a capital
 * or any other mark ends the search. */
static bool own_filler(const struct run *r, const struct token *t)
{
    if (t->kind == TOK_WORD)
        return !(t->flags & TOKF_CAP);
    return is_punct(r, t, ",-'");
}

/* The organisation mention ending at token k of sentence s, or -1. */
static int org_ending_at(const struct run *r, const struct sent *s, size_t k)
{
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &r->doc->mentions[m];
        if (org_type(mm->type) && mm->span.end == r->doc->toks[k].span.end)
            return (int)m;
    }
    return -1;
}

/* The organisation mention starting at token k of sentence s, or -1. */
static int org_starting_at(const struct run *r, const struct sent *s,
                           size_t k)
{
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &r->doc->mentions[m];
        if (org_type(mm->type) && mm->span.start == r->doc->toks[k].span.start)
            return (int)m;
    }
    return -1;
}

/* The organisation named just before token t (past fillers), or -1. The
 * possessive "'s" of "Y's unit" is a filler too. */
static int org_before(const struct run *r, const struct sent *s, size_t t)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = t; k > s->a && t - k <= OWN_GAP; k--) {
        int m = org_ending_at(r, s, k - 1);
        if (m >= 0)
            return m;
        if (!own_filler(r, &toks[k - 1]))
            return -1;
    }
    return -1;
}

/* The organisation named just after tokens [.., t) (past fillers), or -1. */
static int org_after(const struct run *r, const struct sent *s, size_t t)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = t; k < s->b && k - t <= OWN_GAP; k++) {
        int m = org_starting_at(r, s, k);
        if (m >= 0)
            return m;
        if (!own_filler(r, &toks[k]))
            return -1;
    }
    return -1;
}

/* "X is a unit of Y", "Y, owner of X", "Y unit X": an "owned by"
 * description of X whose value is Y's name. Two different owners are
 * only ever partial (a company may change hands, or have several). */
static void ownership_claims(struct run *r, const struct sent *s)
{
    if (!sent_may(s, &r->c->owners))
        return;
    struct doc *doc = r->doc;
    for (size_t k = s->a; k < s->b; k++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->owners, k, s->b, &n);
        if (!p)
            continue;
        int before = org_before(r, s, k), after = org_after(r, s, k + n);
        k += n - 1;
        if (before < 0 || after < 0 || before == after)
            continue;
        bool owner_first = !strcmp(p->val, "owner-first");
        int owner = owner_first ? before : after;
        int owned = owner_first ? after : before;
        const struct mention *om = &doc->mentions[owner];
        /* the words that name the owner: its name and the cue, not the
         * class nouns said of the owned one in between */
        struct span cue = {doc->toks[k + 1 - n].span.start,
                           doc->toks[k].span.end};
        struct claim *cl =
            add_claim(r, CLAIM_ROLE, s->idx, hull(om->span, cue));
        cl->slot = "owned by";
        cl->mention_idx = owned;
        cl->object = owner;
        cl->text = om->canonical
                       ? om->canonical
                       : arena_strndup(doc->arena, r->text + om->span.start,
                                       om->span.end - om->span.start);
    }
}

/* Is token t the word w (lower case)? */
static bool tok_is(const struct run *r, size_t t, const char *w)
{
    const struct token *tk = &r->doc->toks[t];
    return tk->kind == TOK_WORD && word_eq(r->text, tk, w, false);
}

/* "X is a low-cost subsidiary", "X, a budget carrier": each class noun of
 * claims/descriptors in the noun phrase a copula or an apposition gives
 * the name is a description of X, like "budget airline X". */
static void copular_descriptions(struct run *r, const struct sent *s)
{
    struct doc *doc = r->doc;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (!org_type(mm->type))
            continue;
        size_t t = token_of(r, s, mm->span.end);
        if (t + 2 >= s->b ||
            !(tok_is(r, t, "is") || tok_is(r, t, "was") ||
              is_punct(r, &doc->toks[t], ",")) ||
            !(tok_is(r, t + 1, "a") || tok_is(r, t + 1, "an")))
            continue;
        for (size_t k = t + 2; k < s->b && k < t + 2 + OWN_GAP; k++) {
            const struct token *tk = &doc->toks[k];
            if (tk->kind != TOK_WORD || (tk->flags & TOKF_CAP) ||
                tok_is(r, k, "of") || tok_is(r, k, "that") ||
                tok_is(r, k, "which") || tok_is(r, k, "who"))
                break;
            size_t n;
            const struct phrase *p =
                ptable_match(r, &r->c->descs, k, s->b, &n);
            if (!p)
                continue;
            struct claim *cl = add_claim(
                r, CLAIM_ROLE, s->idx,
                hull(mm->span, (struct span){tk->span.start,
                                             doc->toks[k + n - 1].span.end}));
            cl->slot = "descriptor";
            cl->mention_idx = (int)m;
            cl->text = p->val;
            k += n - 1;
        }
    }
}

/* ---- nobody survived ------------------------------------------------------- */

/* The event class of a total death toll. Its claims stand apart from the
 * "killed" frames they come from: "all 150 killed" and "no one survived"
 * say the same thing in counts and in words. */
#define CLASS_NO_SURVIVORS "no survivors"
/* The predicate classes read (claims/predicates): a killing, a survival. */
#define CLASS_KILLED "killed"
#define CLASS_SURVIVED "survived"
/* Most tokens between "all" and its killing predicate ("all 150 people
 * probably died"). */
#define TOTAL_REACH 4

/* The token span of a totality word ("all") within TOTAL_REACH tokens of
 * hit h in its clause, not taken back by a hedge ("almost all"); false
 * if none. */
static bool total_near(const struct run *r, const struct sent *s,
                       const struct hit *h, struct span *out)
{
    const struct token *toks = r->doc->toks;
    size_t lo = h->tok > s->a + TOTAL_REACH ? h->tok - TOTAL_REACH : s->a;
    size_t hi = h->tok + h->ntok + TOTAL_REACH;
    if (hi > s->b)
        hi = s->b;
    for (size_t k = lo; k < hi; k++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->totals, k, s->b, &n);
        if (!p || !str_eq(p->val, "all") ||
            (k >= h->tok && k < h->tok + h->ntok))
            continue;
        size_t n2;
        const struct phrase *q =
            k > s->a
                ? ptable_match(r, &r->c->totals, k - 1, s->b, &n2)
                : NULL;
        if ((q && str_eq(q->val, "hedge")) || clause_break(r, k, h->tok))
            continue;
        *out = (struct span){toks[k].span.start, toks[k + n - 1].span.end};
        return true;
    }
    return false;
}

/* The negator that denies hit h: the last one ending before it. */
static const struct hit *negator_of(const struct run *r, const struct hit *h)
{
    const struct hit *best = NULL;
    for (size_t k = 0; k < r->nnegs; k++)
        if (r->negs[k].tok + r->negs[k].ntok <= h->tok)
            best = &r->negs[k];
    return best;
}

/* "killing all 150 people", "no one survived": a "no survivors" event
 * whose words are the totality and its verb only, so that it does not
 * stand in for the count of the same words. Never denied: a source that
 * names survivors says nothing here, so no conflict can come of it. */
static void no_survivor_claims(struct run *r, const struct sent *s)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *h = &r->preds[k];
        struct span pspan = {toks[h->tok].span.start,
                             toks[h->tok + h->ntok - 1].span.end};
        struct span tot;
        bool neg = negated(r, h);
        if (str_eq(h->p->val, CLASS_KILLED) && !neg &&
            total_near(r, s, h, &tot)) {
            pspan = hull(pspan, tot);
        } else if (str_eq(h->p->val, CLASS_SURVIVED) && neg) {
            const struct hit *g = negator_of(r, h);
            if (g)
                pspan.start = toks[g->tok].span.start;
        } else {
            continue;
        }
        struct claim *ev = add_claim(r, CLAIM_EVENT, s->idx, pspan);
        ev->frame = ++r->frame;
        ev->cls = CLASS_NO_SURVIVORS;
        ev->thing = s->thing.key;
        if (s->thing.key)
            ev->text = s->thing.text;
        ev->attributed_to = s->attributed;
    }
}

/* ---- clock times ---------------------------------------------------------- */

static struct claim *frame_event(struct run *r, unsigned f);

/* Are tokens a and b adjacent in the text, with no space between? */
static bool glued(const struct token *a, const struct token *b)
{
    return a->span.end == b->span.start;
}

/* Digits of token t as a number, when it is all digits and 1..2 long
 * (an hour) or exactly 2 long (minutes); -1 otherwise. */
static int clock_part(const struct run *r, const struct token *t, bool minutes)
{
    size_t n = t->span.end - t->span.start;
    const char *p = r->text + t->span.start;
    if (t->kind != TOK_NUMBER || n < 1 || n > 2 || (minutes && n != 2))
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* A meridiem at token k: "am", "PM", "a.m." (one token: the segmenter
 * keeps initials with their dots). Returns 1 for am, 2 for pm, 0 for
 * none. */
static int meridiem(const struct run *r, const struct sent *s, size_t k)
{
    static const struct word_form forms[] = {FORM("am"),   FORM("a.m."),
                                             FORM("a.m"),  FORM("pm"),
                                             FORM("p.m."), FORM("p.m")};
    if (k >= s->b || r->doc->toks[k].kind != TOK_WORD)
        return 0;
    int i = word_in(r, k, forms, sizeof forms / sizeof *forms);
    return i < 0 ? 0 : i < 3 ? 1 : 2;
}

/* A clock time at token k: "10:47", "10.53 am", "9 p.m.". Writes minutes
 * since midnight to *min and the token after it to *end. An hour alone
 * needs its am or pm; "10.53" alone may be a decimal, so it needs one
 * too. */
static bool clock_at(const struct run *r, const struct sent *s, size_t k,
                     int *min, size_t *end)
{
    const struct token *toks = r->doc->toks;
    if (k >= s->b || toks[k].kind != TOK_NUMBER)
        return false;
    int h = clock_part(r, &toks[k], false), m = 0;
    size_t e = k + 1;
    bool colon = false;
    const char *p = r->text + toks[k].span.start;
    size_t n = toks[k].span.end - toks[k].span.start;
    if (h < 0 && n >= 4 && n <= 5 && p[n - 3] == '.') { /* "10.53" */
        h = 0;
        for (size_t i = 0; i + 3 < n; i++)
            h = isdigit((unsigned char)p[i]) ? h * 10 + (p[i] - '0') : -100;
        m = isdigit((unsigned char)p[n - 2]) && isdigit((unsigned char)p[n - 1])
                ? (p[n - 2] - '0') * 10 + (p[n - 1] - '0') : 60;
    } else if (h >= 0 && k + 2 < s->b && is_punct(r, &toks[k + 1], ":") &&
               glued(&toks[k], &toks[k + 1]) &&
               glued(&toks[k + 1], &toks[k + 2])) {
        m = clock_part(r, &toks[k + 2], true);
        colon = m >= 0;
        e = k + 3;
    } else if (h < 0) {
        return false;
    }
    int mer = meridiem(r, s, e);
    if ((!colon && !mer) || h < 0 || m < 0 || m > 59 ||
        h > (mer ? 12 : 23) || (mer && h == 0))
        return false;
    if (mer == 1 && h == 12)
        h = 0;
    else if (mer == 2 && h < 12)
        h += 12;
    *min = h * 60 + m;
    *end = mer ? e + 1 : e;
    return true;
}

/* The clock time told right after hit h, before any other predicate:
 * "issued a distress call at 10:47 AM", "landed at around 9 pm". The
 * claim's words run from its lead word to the time. */
static void time_claim(struct run *r, const struct sent *s,
                       const struct hit *h, size_t stop, unsigned frame)
{
    const struct token *toks = r->doc->toks;
    size_t lim = h->tok + h->ntok + NEAR_TOKENS;
    if (lim > stop)
        lim = stop;
    for (size_t k = h->tok + h->ntok; k < lim; k++) {
        if (is_punct(r, &toks[k], ";"))
            return;
        size_t n, end;
        int min;
        const struct phrase *p =
            ptable_match(r, &r->c->time_leads, k, lim, &n);
        if (!p || !clock_at(r, s, k + n, &min, &end))
            continue;
        /* read the event before add_claim, which may move the claims */
        const struct claim *ev = frame_event(r, frame);
        const char *thing = ev ? ev->thing : NULL;
        bool denied = ev && ev->negated;
        struct claim *cl = add_claim(
            r, CLAIM_TIME, s->idx,
            (struct span){toks[k].span.start, toks[end - 1].span.end});
        cl->frame = frame;
        cl->cls = h->p->val;
        cl->thing = thing;
        cl->negated = denied;
        cl->attributed_to = s->attributed;
        cl->near = !strcmp(p->val, "yes");
        cl->text = arena_printf(r->doc->arena, "%02d:%02d", min / 60, min % 60);
        return;
    }
}

/* The clock time of each frame this sentence opened (frames first_frame
 * on, one per predicate hit, in order). */
static void time_claims(struct run *r, const struct sent *s,
                        unsigned first_frame)
{
    for (size_t k = 0; k < r->npreds; k++) {
        size_t stop = k + 1 < r->npreds ? r->preds[k + 1].tok : s->b;
        time_claim(r, s, &r->preds[k], stop, first_frame + (unsigned)k);
    }
}

/* ---- the scene ----------------------------------------------------------- */

/* "a remote area", "difficult terrain": how hard the scene is to reach,
 * a "terrain" description of no entity. Read only in sentences that tell
 * of an event, where the scene is that event's. */
static void terrain_claims(struct run *r, const struct sent *s)
{
    if (!r->npreds || !sent_may(s, &r->c->terrain))
        return;
    const struct token *toks = r->doc->toks;
    for (size_t k = s->a; k < s->b; k++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->terrain, k, s->b, &n);
        if (!p)
            continue;
        struct claim *cl = add_claim(
            r, CLAIM_ROLE, s->idx,
            (struct span){toks[k].span.start, toks[k + n - 1].span.end});
        cl->slot = CLAIM_SLOT_TERRAIN;
        cl->text = p->val;
        k += n - 1;
    }
}

/* ---- who says so, per event ---------------------------------------------- */

static void add_source_claim(struct run *r, unsigned sentence,
                             const struct source *src, unsigned frame,
                             const char *cls, const char *thing)
{
    struct claim *cl = add_claim(r, CLAIM_ACTOR, sentence, src->words);
    cl->frame = frame;
    cl->cls = cls;
    cl->thing = thing;
    cl->slot = src->channel ? CLAIM_SLOT_REPORTED_BY : CLAIM_SLOT_SAID_BY;
    cl->mention_idx = src->who;
    cl->text = src->desc;
    cl->attributed_to = src->who;
}

/* The source of one kind (outlet or not) nearest token t, or NULL. */
static const struct source *nearest_source(const struct sent *s, size_t t,
                                           bool channel)
{
    const struct source *best = NULL;
    for (size_t k = 0; k < s->nsrc; k++)
        if (s->src[k].channel == channel &&
            (!best || tok_dist(s->src[k].tok, t) < tok_dist(best->tok, t)))
            best = &s->src[k];
    return best;
}

/* Each event of the sentence gets its nearest source and its nearest
 * outlet as slots of their own. An event named inside the source's own
 * words ("according to the head of the investigation") gets none. */
static void source_claims(struct run *r, const struct sent *s,
                          unsigned first_frame)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *h = &r->preds[k];
        size_t at = toks[h->tok].span.start;
        bool inside = false;
        for (size_t i = 0; i < s->nsrc; i++)
            if (at >= s->src[i].words.start && at < s->src[i].words.end)
                inside = true;
        for (int channel = 0; channel < 2 && !inside; channel++) {
            const struct source *src = nearest_source(s, h->tok, channel);
            if (src)
                add_source_claim(r, s->idx, src, first_frame + (unsigned)k,
                                 h->p->val, frame_thing(r, s, h));
        }
    }
}

/* "This was stated by X.", "On it informs Agency Reuters.": a short
 * sentence with no event of its own that names a source speaks of the
 * events of the sentence before it, in the same paragraph. */
static void source_only(struct run *r, const struct sent *s)
{
    struct doc *doc = r->doc;
    if (r->npreds || !s->nsrc || s->b - s->a > SOURCE_ONLY_TOKENS ||
        s->idx == 0 ||
        doc->sents[s->idx - 1].paragraph != doc->sents[s->idx].paragraph)
        return;
    size_t from = doc->nclaims;
    while (from > 0 && doc->claims[from - 1].sentence + 1 == s->idx)
        from--;
    size_t to = doc->nclaims; /* add_claim appends past it */
    for (size_t k = from; k < to; k++) {
        if (!doc->claims[k].frame)
            continue;
        if (doc->claims[k].attributed_to < 0)
            doc->claims[k].attributed_to = s->attributed;
        if (doc->claims[k].kind != CLAIM_EVENT)
            continue;
        unsigned frame = doc->claims[k].frame;
        const char *cls = doc->claims[k].cls, *thing = doc->claims[k].thing;
        for (int channel = 0; channel < 2; channel++) {
            const struct source *src = nearest_source(s, s->a, channel);
            if (src)
                add_source_claim(r, s->idx, src, frame, cls, thing);
        }
    }
}

/* The event claim of frame f, added earlier in this sentence. */
static struct claim *frame_event(struct run *r, unsigned f)
{
    for (size_t k = r->doc->nclaims; k > 0; k--) {
        struct claim *cl = &r->doc->claims[k - 1];
        if (cl->frame == f && cl->kind == CLAIM_EVENT)
            return cl;
    }
    return NULL;
}

/* ---- mood ------------------------------------------------------------------------ */

/* How far before its predicate a "near" word of claims/irrealis reaches
 * ("whether the Xk-31 jet violated"). */
#define IRREALIS_WORDS 5

/* Is token v (before the predicate at token pred) a verb that governs
 * it: a word, not a determiner ("to conduct an offensive", not "due to
 * the crash")? */
static bool governs_verb(const struct run *r, size_t v, size_t pred)
{
    size_t n;
    const struct token *toks = r->doc->toks;
    if (v >= pred || toks[v].kind != TOK_WORD)
        return false;
    const struct phrase *p =
        ptable_match(r, &r->c->irrealis, v, pred, &n);
    return !p || !str_eq(p->val, "det");
}

/* Is the predicate at hit h out of the real: needed, planned, hoped
 * for, prevented (claims/irrealis)? */
static bool irrealis(const struct run *r, const struct sent *s,
                     const struct hit *h)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = h->tok; k > s->a && h->tok - k < IRREALIS_WORDS; k--) {
        size_t i = k - 1, n;
        if (toks[i].kind != TOK_WORD)
            return false;
        const struct phrase *p =
            ptable_match(r, &r->c->irrealis, i, h->tok, &n);
        if (p && str_eq(p->val, "next") &&
            (i + n == h->tok || governs_verb(r, i + n, h->tok)))
            return true;
        if (p && i + n <= h->tok && str_eq(p->val, "near"))
            return true;
    }
    return false;
}

/* Mark the event claims of unreal frames: their slot says "unreal", so
 * that the comparator does not read them as saying it happened, or, if
 * negated, that it did not. */
static void mood_claims(struct run *r, const struct sent *s,
                        unsigned first_frame)
{
    for (size_t k = 0; k < r->npreds; k++) {
        if (!irrealis(r, s, &r->preds[k]))
            continue;
        struct claim *ev = frame_event(r, first_frame + (unsigned)k);
        if (ev && !ev->slot)
            ev->slot = "unreal";
    }
}

/* ---- attempts that failed ------------------------------------------------ */

/* How many tokens a cue of claims/failures may stand after the
 * predicate it reports on: "they will be able to separate the groups
 * they back from the cells, but until now they have not been
 * successful". */
#define FAILURE_WORDS 24

/* Deny every claim of frame f in sentence si but its sources: the
 * event did not happen, so what it would have counted, dated or placed
 * states nothing either. The event's span takes in the cue at, the
 * words that deny it. */
static void deny_frame(struct run *r, unsigned si, unsigned f, struct span at)
{
    for (size_t k = r->doc->nclaims; k > 0; k--) {
        struct claim *cl = &r->doc->claims[k - 1];
        if (cl->sentence != si)
            break;
        if (cl->frame != f ||
            (cl->kind == CLAIM_ACTOR && cl->slot &&
             (!strcmp(cl->slot, CLAIM_SLOT_SAID_BY) ||
              !strcmp(cl->slot, CLAIM_SLOT_REPORTED_BY))))
            continue;
        cl->negated = true;
        if (cl->kind == CLAIM_EVENT) {
            cl->slot = NULL;
            cl->span = hull(cl->span, at);
        }
    }
}

/* Is frame f's event put out of the real (claims/irrealis)? */
static struct claim *unreal_event(struct run *r, unsigned f)
{
    struct claim *ev = frame_event(r, f);
    return ev && ev->slot && !strcmp(ev->slot, "unreal") ? ev : NULL;
}

/* "They were to separate A from B, but have not succeeded": a frame
 * put out of the real (promised, planned, tried) that a later cue of the
 * same sentence says did not come off is denied, a told fact now rather
 * than a plan. The cue speaks of the nearest such frame before it; real
 * ones are passed over ("to separate the groups they are supporting"):
 * what took place cannot fail to, and "the attack was unsuccessful"
 * still tells an attack. */
static void failure_claims(struct run *r, const struct sent *s,
                           unsigned first_frame)
{
    /* a cue only ever reports on a predicate before it */
    if (!r->npreds || !sent_may(s, &r->c->failures))
        return;
    const struct token *toks = r->doc->toks;
    for (size_t i = s->a; i < s->b; i++) {
        size_t n;
        if (!ptable_match(r, &r->c->failures, i, s->b, &n))
            continue;
        struct span at = {toks[i].span.start, toks[i + n - 1].span.end};
        for (size_t k = r->npreds; k > 0; k--) {
            const struct hit *h = &r->preds[k - 1];
            if (h->tok + h->ntok > i)
                continue;
            if (i - h->tok > FAILURE_WORDS || clause_break(r, h->tok, i))
                break;
            struct claim *ev =
                unreal_event(r, first_frame + (unsigned)(k - 1));
            if (ev) {
                deny_frame(r, s->idx, ev->frame, at);
                break;
            }
        }
        i += n - 1;
    }
}

/* ---- whose territory --------------------------------------------------------- */

/* Tokens an area may lie past its act or preposition ("a 2-mile section
 * of Turkish airspace"), a presence's preposition past its verb ("was
 * flying at 6,000 meters only within"), and its verb past its subject. */
#define AREA_WORDS 7
#define PRESENCE_WORDS 7
#define SUBJECT_WORDS 4

static const char *territory_kind(const struct run *r, const struct sent *s,
                                  size_t i, size_t *n)
{
    const struct phrase *p =
        ptable_match(r, &r->c->territory, i, s->b, n);
    return p ? p->val : NULL;
}

static bool has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isdigit((unsigned char)s[i]))
            return true;
    return false;
}

/* The area that starts at token j, past fill words: a country mention
 * ("Turkey"), a demonym before an area noun ("Turkish airspace"), or an
 * area noun after a possessive or alone ("its airspace": *country stays
 * NULL, the owner is unnamed). Returns the token after the area, 0 when
 * no area follows. *mention is the country's mention or -1. */
static size_t area_at(const struct run *r, const struct sent *s, size_t j,
                      const char **country, int *mention)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    const char *owner = NULL;
    bool owned = false;
    *country = NULL;
    *mention = -1;
    for (size_t k = j; k < s->b && k < j + AREA_WORDS;) {
        const struct token *t = &toks[k];
        const char *w = r->text + t->span.start;
        size_t wl = t->span.end - t->span.start, n, m;
        LOWER_BOUND(doc->mentions, doc->nmentions, t->span.start, m);
        if (!owned && m < s->m1 &&
            doc->mentions[m].span.start == t->span.start &&
            doc->mentions[m].type == ENT_COUNTRY) {
            const struct mention *mm = &doc->mentions[m];
            *country = mm->canonical ? mm->canonical
                     : arena_strndup(doc->arena, r->text + mm->span.start,
                                     mm->span.end - mm->span.start);
            *mention = (int)m;
            return tok_at(toks, k, s->b, mm->span.end);
        }
        const char *kind = territory_kind(r, s, k, &n);
        if (kind && !strcmp(kind, "area")) {
            *country = owner;
            return k + n;
        }
        int id = t->kind == TOK_WORD && !owned
                     ? scan_map_get(r->c->demonyms, w, wl) : -1;
        if (id >= 0 && r->c->demonym[id].country) {
            owner = r->c->demonym[id].country;
            owned = true;
            k++;
        } else if (kind && (!strcmp(kind, "own") ||
                            (!strcmp(kind, "fill") && !owned))) {
            owned = owned || !strcmp(kind, "own");
            k += n;
        } else if (!owned && (t->kind == TOK_NUMBER || has_digit(w, wl))) {
            k++; /* "a 2-mile section of" */
        } else {
            return 0;
        }
    }
    return 0;
}

static const struct hit *pred_at(const struct run *r, size_t tok)
{
    for (size_t k = 0; k < r->npreds; k++)
        if (r->preds[k].tok <= tok && tok < r->preds[k].tok + r->preds[k].ntok)
            return &r->preds[k];
    return NULL;
}

/* Is the subject just before token b a thing ("the plane", "the Russian
 * bomber") or "it"? Only a thing is in or out of a territory here. */
static bool thing_subject(const struct run *r, const struct sent *s, size_t b)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = b; k > s->a && b - k < SUBJECT_WORDS; k--) {
        if (thing_noun_at(r, k - 1, s->a, s->b, NULL) ||
            word_eq(r->text, &toks[k - 1], "it", false))
            return true;
        if (toks[k - 1].kind != TOK_WORD)
            return false;
    }
    return false;
}

/* The verb of a presence whose preposition is token i ("the jet was
 * flying over Syria"): a be-word at most PRESENCE_WORDS before it with a
 * thing for subject and no predicate between ("was shot down over
 * Syria" says where the shootdown was, which its place claim tells).
 * Returns its token, or (size_t)-1. */
static size_t presence_verb(const struct run *r, const struct sent *s,
                            size_t i)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = i; k > s->a && i - k < PRESENCE_WORDS; k--) {
        size_t b = k - 1, n;
        if (pred_at(r, b) || is_punct(r, &toks[b], ",;:()"))
            return (size_t)-1;
        const char *kind = territory_kind(r, s, b, &n);
        if (kind && !strcmp(kind, "be") && n == 1)
            return thing_subject(r, s, b) ? b : (size_t)-1;
    }
    return (size_t)-1;
}

/* Record an incursion (lead == at: the act) or a presence (lead: its
 * verb, at: its preposition) ending before token end as a violation
 * frame whose slot names the area: "into Turkey", "in Syria" (the
 * comparator reads them). A predicate's own frame takes the slot when
 * the act is one ("violated"); else the frame is new. */
static void add_territory(struct run *r, const struct sent *s, size_t lead,
                          size_t at, size_t end, const char *country,
                          unsigned first_frame)
{
    const struct token *toks = r->doc->toks;
    bool entry = lead == at;
    if (country)
        country = arena_printf(r->doc->arena, "%s %s", entry ? "into" : "in",
                               country);
    const struct hit *p = pred_at(r, lead);
    if (p && p->tok == lead && !strcmp(p->p->val, "violation")) {
        struct claim *ev =
            frame_event(r, first_frame + (unsigned)(p - r->preds));
        if (ev && !ev->slot) {
            ev->slot = country;
            ev->thing = s->thing_explicit ? frame_thing(r, s, p) : NULL;
            ev->text = ev->thing ? s->thing.text : NULL;
        }
        return;
    }
    struct hit h = {lead, 1, NULL}, ha = {at, 1, NULL};
    struct claim *ev = add_claim(r, CLAIM_EVENT, s->idx,
                                 hull(clause_around(r, s, &h),
                                      (struct span){toks[lead].span.start,
                                                    toks[end - 1].span.end}));
    ev->frame = ++r->frame;
    ev->cls = "violation";
    ev->slot = country;
    /* A thing carried from an earlier sentence is as likely the
     * interceptor as the intruder: only one named here is the frame's. */
    ev->thing = s->thing_explicit ? s->thing.key : NULL;
    if (ev->thing)
        ev->text = s->thing.text;
    ev->negated = negated(r, &h) || negated(r, &ha);
    ev->attributed_to = s->attributed;
}

/* Incursions ("violated Turkish airspace", "flew across a section of
 * Turkish airspace") and presences ("the plane remained over Syrian
 * territory"): see claims/territory. A presence needs a named country;
 * an incursion may leave the owner unnamed ("violated its airspace"). */
static void territory_claims(struct run *r, const struct sent *s,
                             unsigned first_frame)
{
    if (!sent_may(s, &r->c->territory))
        return;
    for (size_t i = s->a; i < s->b; i++) {
        size_t n;
        const char *kind = territory_kind(r, s, i, &n);
        if (!kind || (!str_eq(kind, "entry") && !str_eq(kind, "at")))
            continue;
        bool entry = str_eq(kind, "entry");
        size_t lead = entry ? i : presence_verb(r, s, i);
        if (lead == (size_t)-1)
            continue;
        const char *country;
        int mention;
        size_t end = area_at(r, s, i + n, &country, &mention);
        if (!end || (!entry && !country))
            continue;
        add_territory(r, s, lead, i, end, country, first_frame);
        i = end - 1;
    }
}

/* ---- who is to blame ----------------------------------------------------- */

/* How far a blame phrase reaches for its party, in tokens: "laid the
 * blame for the downing of the plane on X". */
#define BLAME_WORDS 10
/* How far back a "before" phrase reaches for its party: "X have on
 * several occasions been accused". */
#define BLAME_BACK 5
/* How far past its party an "object" phrase reaches for its closer:
 * "holds X, whose army fired the missile, fully responsible". */
#define BLAME_CLOSER 14
/* Parties one blame phrase may name: "blamed X, Y and Z". */
#define BLAME_PARTIES 4

/* A blamed party: a mention, or a demonym standing for its country
 * ("the Israelis", "the Syrian side"). */
struct party {
    int mention;       /* mention index, -1 for a demonym */
    const char *name;  /* the demonym's country (claimer arena), or NULL */
    struct span span;
    size_t end;        /* token after the party */
};

/* The kind of a claims/blame row matched at token k, or NULL. */
static const struct phrase *blame_at(const struct run *r, const struct sent *s,
                                     size_t k, size_t *n)
{
    if (k >= s->b)
        return NULL;
    return ptable_match(r, &r->c->blame, k, s->b, n);
}

static bool blame_kind(const struct phrase *p, const char *kind)
{
    return p && str_eq(p->val, kind);
}

static bool party_type(enum ent_type t)
{
    return t == ENT_PERSON || t == ENT_ORGANIZATION || t == ENT_GROUP ||
           t == ENT_COUNTRY;
}

/* A demonym at token k that stands for its country: plural ("the
 * Russians"), or singular before a claims/blame side word ("the Turkish
 * military"). */
static bool demonym_party(const struct run *r, const struct sent *s, size_t k,
                          struct party *out)
{
    int id = demonym_at(r, k);
    if (id < 0 || !r->c->demonym[id].country)
        return false;
    size_t end = k + 1, n = 0;
    if (!r->c->demonym[id].plural) {
        if (!blame_kind(blame_at(r, s, k + 1, &n), "side"))
            return false;
        end = k + 1 + n;
    }
    const struct token *toks = r->doc->toks;
    *out = (struct party){-1, r->c->demonym[id].country,
                          {toks[k].span.start, toks[end - 1].span.end}, end};
    return true;
}

/* A party starting at token k: a mention of a person, body, group or
 * country, or a demonym party. */
static bool party_at(const struct run *r, const struct sent *s, size_t k,
                     struct party *out)
{
    const struct doc *doc = r->doc;
    size_t at = doc->toks[k].span.start;
    for (size_t m = s->m0; m < s->m1; m++) {
        const struct mention *mm = &doc->mentions[m];
        if (mm->span.start != at || !party_type(mm->type))
            continue;
        size_t e = token_of(r, s, mm->span.end);
        /* a mention ending inside a word ("Israel's") owns that word */
        if (e < s->b && doc->toks[e].span.start < mm->span.end)
            e++;
        *out = (struct party){(int)m, NULL, mm->span, e};
        return true;
    }
    return demonym_party(r, s, k, out);
}

__attribute__((always_inline)) static inline bool
word_is(const struct run *r, size_t k, const char *w)
{
    return word_eq(r->text, &r->doc->toks[k], w, false);
}

/* Punctuation that ends the search for a party: quotation marks and
 * apostrophes do not ("rests with “the Israeli side”"). */
static bool party_stop(const struct run *r, size_t k)
{
    return is_punct(r, &r->doc->toks[k], ",;:().!?");
}

/* The first party within BLAME_WORDS tokens from token k. Words of a
 * "for"/"over" complement before it are passed over up to "on", "onto"
 * or "with" ("laid the blame for the Russian plane's loss on X": the
 * plane's owner is not blamed). */
static bool party_after(const struct run *r, const struct sent *s, size_t k,
                        struct party *out)
{
    bool skip = false;
    for (size_t i = k; i < s->b && i < k + BLAME_WORDS; i++) {
        if (party_stop(r, i))
            return false;
        if (word_is(r, i, "for") || word_is(r, i, "over"))
            skip = true;
        else if (word_is(r, i, "on") || word_is(r, i, "onto") ||
                 word_is(r, i, "upon") || word_is(r, i, "with"))
            skip = false;
        else if (!skip && party_at(r, s, i, out))
            return true;
    }
    return false;
}

/* Parties joined to the one ending at token *end: "X and Y", "X, Y and
 * Z", "Iran and the Hezbollah group". Returns how many went to out. */
static size_t joined_parties(const struct run *r, const struct sent *s,
                             size_t end, struct party *out, size_t max)
{
    size_t n = 0;
    while (n < max && end < s->b &&
           (word_is(r, end, "and") || is_punct(r, &r->doc->toks[end], ","))) {
        size_t k = end + 1;
        if (k < s->b && word_is(r, k, "and"))
            k++;
        if (k < s->b && word_is(r, k, "the"))
            k++;
        if (k >= s->b || !party_at(r, s, k, &out[n]))
            break;
        end = out[n++].end;
    }
    return n;
}

/* The party ending just before token k, within BLAME_BACK words and no
 * punctuation but apostrophes: "X was accused", "the Israelis are to
 * blame". */
static bool party_before(const struct run *r, const struct sent *s, size_t k,
                         struct party *out)
{
    bool found = false;
    for (size_t i = k > s->a + BLAME_BACK ? k - BLAME_BACK : s->a; i < k; i++) {
        struct party p;
        if (party_at(r, s, i, &p) && p.end <= k) {
            bool clean = true;
            for (size_t j = p.end; j < k; j++)
                if (r->doc->toks[j].kind == TOK_PUNCT)
                    clean = false;
            if (clean) {
                *out = p;
                found = true;
            }
        }
    }
    return found;
}

/* Does the "for"/"of"/"over" complement starting at token k, if any,
 * name a happening: an event predicate or a claims/blame happening word
 * ("accused X of causing the crash", not "accused X of indifference")?
 * No complement is no objection. *cls is the class of a predicate that
 * comes first ("for the downing": shootdown), NULL for a plain word
 * ("this incident") or none. */
static bool names_happening(const struct run *r, const struct sent *s,
                            size_t k, const char **cls)
{
    if (k >= s->b ||
        !(word_is(r, k, "for") || word_is(r, k, "of") || word_is(r, k, "over")))
        return true;
    for (size_t i = k + 1; i < s->b && i <= k + BLAME_WORDS; i++) {
        size_t n;
        const struct hit *h = pred_at(r, i);
        if (party_stop(r, i))
            break;
        if (h && !*cls)
            *cls = h->p->val;
        if (h || blame_kind(blame_at(r, s, i, &n), "happening"))
            return true;
    }
    return false;
}

/* Is a claims/blame row of kind within `back` tokens before token k in
 * its clause? "at" is where it ends (cue) or anywhere (noun). */
static bool kind_before(const struct run *r, const struct sent *s, size_t k,
                        size_t back, const char *kind, bool ending)
{
    for (size_t i = k > s->a + back ? k - back : s->a; i < k; i++) {
        size_t n;
        if (is_punct(r, &r->doc->toks[i], ";"))
            return false;
        const struct phrase *p = blame_at(r, s, i, &n);
        if (blame_kind(p, kind) && i + n <= k && (!ending || k - (i + n) <= 2))
            return true;
    }
    return false;
}

/* "X's fault": the party owning the word at token k. */
static bool possessor(const struct run *r, const struct sent *s, size_t k,
                      struct party *out)
{
    if (k == s->a)
        return false;
    const struct token *t = &r->doc->toks[k - 1];
    const char *w = r->text + t->span.start;
    size_t len = t->span.end - t->span.start;
    bool owns = (len > 2 && w[len - 1] == 's' && w[len - 2] == '\'') ||
                (len > 4 && w[len - 1] == 's' &&
                 !memcmp(w + len - 4, "\xe2\x80\x99", 3));
    for (size_t m = s->m0; owns && m < s->m1; m++) {
        const struct mention *mm = &r->doc->mentions[m];
        if (party_type(mm->type) && mm->span.end > t->span.start &&
            mm->span.end < t->span.end) {
            *out = (struct party){(int)m, NULL, mm->span, k};
            return true;
        }
    }
    return false;
}

/* Who blames: a name just before the phrase ("Israel holds", "the
 * Kremlin slammed"), else who the sentence says speaks. */
static int blamer_of(const struct run *r, const struct sent *s, size_t k)
{
    struct hit h = {k, 1, NULL};
    bool passive;
    int who = subject_of(r, s, &h, &passive);
    if (who >= 0 && r->doc->mentions[who].type != ENT_PLACE)
        return who;
    return s->attributed;
}

static void add_blamed(struct run *r, const struct sent *s, struct span words,
                       const struct party *p, int blamer, unsigned frame,
                       const char *happening)
{
    struct claim *cl = add_claim(r, CLAIM_ACTOR, s->idx, hull(words, p->span));
    cl->frame = frame;
    cl->cls = happening ? arena_printf(r->doc->arena, "%s%s",
                                       CLAIM_BLAME_FOR, happening)
                        : CLAIM_CLASS_BLAME;
    cl->slot = CLAIM_SLOT_BLAMED;
    cl->thing = s->thing.key;
    cl->mention_idx = p->mention;
    cl->text = p->name;
    cl->attributed_to = blamer;
    cl->subject = blamer;
}

/* The parties the blame phrase p at tokens [k, k + n) names, with the
 * token its complement may start at; how many went to out. */
static size_t blamed_by(const struct run *r, const struct sent *s,
                        const struct phrase *p, size_t k, size_t n,
                        struct party *out, size_t *after)
{
    size_t e = k + n, np = 0;
    if (blame_kind(p, "side") || blame_kind(p, "closer") ||
        blame_kind(p, "cue") || blame_kind(p, "happening"))
        return 0; /* words the phrases below look for */
    if (blame_kind(p, "before")) {
        np = party_before(r, s, k, &out[0]);
        *after = e;
        return np;
    }
    if (blame_kind(p, "noun")) {
        np = p->val2 && !strcmp(p->val2, "possessive") &&
             possessor(r, s, k, &out[0]);
        *after = e;
        return np;
    }
    if (blame_kind(p, "with") && !kind_before(r, s, k, BLAME_WORDS, "noun",
                                              false))
        return 0;
    if (blame_kind(p, "cause") &&
        (!r->npreds || !kind_before(r, s, k, 5, "cue", true)))
        return 0;
    if (!party_after(r, s, e, &out[0]))
        return 0;
    np = 1 + joined_parties(r, s, out[0].end, out + 1, BLAME_PARTIES - 1);
    size_t last = out[np - 1].end;
    *after = last;
    if (blame_kind(p, "for")) {
        for (size_t i = last; i < s->b && i <= last + 2; i++)
            if (word_is(r, i, "for") || word_is(r, i, "over")) {
                *after = i;
                return np;
            }
        return 0;
    }
    if (blame_kind(p, "object")) {
        for (size_t i = last; i < s->b && i <= last + BLAME_CLOSER; i++) {
            size_t cn;
            if (is_punct(r, &r->doc->toks[i], ";.!?"))
                return 0;
            if (blame_kind(blame_at(r, s, i, &cn), "closer")) {
                *after = i + cn;
                return np;
            }
        }
        return 0;
    }
    return np;
}

/* Every blame the sentence states: "X blamed Y", "Y is to blame", "X
 * held Y responsible", "the fault rests with Y", "Y's fault", "as a
 * result of the actions of Y". Each party blamed is a claim of its own
 * in the "blamed" slot of a blame frame; a denied or unreal blame ("did
 * not blame", "could hold X responsible") names no one. */
static void blame_claims(struct run *r, const struct sent *s)
{
    if (!sent_may(s, &r->c->blame))
        return;
    const struct token *toks = r->doc->toks;
    for (size_t k = s->a; k < s->b; k++) {
        size_t n, after = 0;
        const struct phrase *p = blame_at(r, s, k, &n);
        if (!p)
            continue;
        struct party parties[BLAME_PARTIES];
        size_t np = blamed_by(r, s, p, k, n, parties, &after);
        struct hit h = {k, n, p};
        const char *happening = NULL;
        /* "laid the blame for the downing on X": the complement may
         * also follow the phrase itself */
        if (np && (negated(r, &h) || irrealis(r, s, &h) ||
                   !names_happening(r, s, after, &happening) ||
                   !names_happening(r, s, k + n, &happening)))
            np = 0;
        struct span words = {toks[k].span.start, toks[k + n - 1].span.end};
        unsigned frame = np ? ++r->frame : 0;
        /* the party before "is to blame" is the one blamed, not who
         * blames: that is who the sentence says speaks */
        int blamer = !np ? -1
                   : blame_kind(p, "before") || blame_kind(p, "noun")
                       ? s->attributed
                       : blamer_of(r, s, k);
        for (size_t i = 0; i < np; i++)
            add_blamed(r, s, words, &parties[i], blamer, frame, happening);
        k += n - 1;
    }
}

/* ---- how conduct is characterised ---------------------------------------- */

/* How far before "as" the verb of "regard X as hostile" may stand. */
#define LABEL_VERB_WORDS 12

static const struct phrase *label_at(const struct run *r, const struct sent *s,
                                     size_t k, size_t *n)
{
    if (k >= s->b)
        return NULL;
    return ptable_match(r, &r->c->labels, k, s->b, n);
}

static bool label_role(const struct phrase *p, const char *role)
{
    return p && !strcmp(p->val, role);
}

/* A quotation mark or other punctuation that does not end a phrase. */
static bool quote_mark(const struct run *r, size_t k)
{
    return r->doc->toks[k].kind == TOK_PUNCT && !party_stop(r, k);
}

/* Does the label at tokens [k, k + n) characterise an act: before an act
 * noun ("a hostile act", "provocative actions"), after "act of" ("an act
 * of provocation"), or after "as" with a characterising verb before it
 * ("regard the actions of X as hostile", "described ... as “hostile”")? */
static bool labels_an_act(const struct run *r, const struct sent *s,
                          size_t k, size_t n)
{
    size_t m;
    if (label_role(label_at(r, s, k + n, &m), "act"))
        return true;
    if (k >= s->a + 2 && word_is(r, k - 1, "of") &&
        label_role(label_at(r, s, k - 2, &m), "act"))
        return true;
    size_t i = k;
    while (i > s->a && k - i < 2 &&
           (quote_mark(r, i - 1) || word_is(r, i - 1, "a") ||
            word_is(r, i - 1, "an")))
        i--;
    if (i == s->a || !word_is(r, i - 1, "as"))
        return false;
    for (size_t v = i - 1 > s->a + LABEL_VERB_WORDS ? i - 1 - LABEL_VERB_WORDS
                                                    : s->a;
         v < i - 1; v++)
        if (label_role(label_at(r, s, v, &m), "verb"))
            return true;
    return false;
}

/* Every label of claims/labels the sentence puts on an act is an event
 * frame of its label's class ("called hostile"), denied when negated:
 * sources that call one act by one name agree. */
static void label_claims(struct run *r, const struct sent *s)
{
    if (!sent_may(s, &r->c->labels))
        return;
    for (size_t k = s->a; k < s->b; k++) {
        size_t n;
        const struct phrase *p = label_at(r, s, k, &n);
        if (!p)
            continue;
        struct hit h = {k, n, p};
        if (label_role(p, "label") && p->val2 && labels_an_act(r, s, k, n) &&
            !irrealis(r, s, &h)) {
            struct claim *ev =
                add_claim(r, CLAIM_EVENT, s->idx, clause_around(r, s, &h));
            ev->frame = ++r->frame;
            ev->cls = p->val2;
            ev->negated = negated(r, &h);
            ev->attributed_to = s->attributed;
        }
        k += n - 1;
    }
}

/* ---- no comment ---------------------------------------------------------- */

/* Every "declined to comment", "no comment from X" of the sentence is a
 * "no comment" event, its party the actor: who kept silent, reported
 * alike by several sources, agrees. The phrase says no one commented, so
 * a negator around it is its own wording, not a denial. */
static void no_comment_claims(struct run *r, const struct sent *s)
{
    if (!sent_may(s, &r->c->no_comment))
        return;
    const struct token *toks = r->doc->toks;
    for (size_t k = s->a; k < s->b; k++) {
        size_t n;
        if (!ptable_match(r, &r->c->no_comment, k, s->b, &n))
            continue;
        struct hit h = {k, n, NULL};
        struct party p;
        bool named = party_before(r, s, k, &p);
        if (!named && k + n + 1 < s->b && word_is(r, k + n, "from"))
            named = party_at(r, s, k + n + 1, &p) ||
                    (k + n + 2 < s->b && word_is(r, k + n + 1, "the") &&
                     party_at(r, s, k + n + 2, &p));
        struct span words = clause_around(r, s, &h);
        unsigned frame = ++r->frame;
        struct claim *ev = add_claim(r, CLAIM_EVENT, s->idx,
                                     named ? hull(words, p.span) : words);
        ev->frame = frame;
        ev->cls = CLAIM_CLASS_NO_COMMENT;
        ev->attributed_to = s->attributed;
        if (named) {
            struct claim *ac = add_claim(
                r, CLAIM_ACTOR, s->idx,
                hull(p.span, (struct span){toks[k].span.start,
                                           toks[k + n - 1].span.end}));
            ac->frame = frame;
            ac->cls = CLAIM_CLASS_NO_COMMENT;
            ac->mention_idx = p.mention;
            ac->text = p.name;
            ac->attributed_to = s->attributed;
            ev->subject = p.mention;
        }
        k += n - 1;
    }
}

/* ---- what it was done with ----------------------------------------------- */

/* How many words after "by" a weapon phrase may run: "by the Syrian
 * army's anti-aircraft guns". */
#define WEAPON_WORDS 7

/* The category of the weapon phrase from tokens [k, lim): its last
 * weapon word of claims/weapons that is not generic, else its generic
 * one, before a stop word or punctuation other than quotation marks;
 * NULL if none. *end is the token after the word that gave it. */
static const char *weapon_after(const struct run *r, const struct sent *s,
                                size_t k, size_t lim, size_t *end)
{
    const char *cat = NULL;
    for (size_t i = k; i < lim && i < s->b && i < k + WEAPON_WORDS; i++) {
        size_t n;
        if (party_stop(r, i))
            break; /* quotation marks do not end it: "enemy missiles" */
        const struct phrase *p =
            ptable_match(r, &r->c->weapons, i, lim, &n);
        if (p && !strcmp(p->val, "stop"))
            break;
        if (p) {
            /* a generic word never hides a kind: "artillery fire" */
            if (!cat || strcmp(p->val, "generic")) {
                cat = p->val;
                *end = i + n;
            }
            i += n - 1;
        }
    }
    return cat;
}

/* The thing a weapon claim speaks of: the sentence's, unless that is a
 * weapon or system itself ("shot down by an S-200 system missile"
 * names what fired, not what was hit). */
static const char *victim_thing(const struct sent *s)
{
    if (!s->thing.key || (s->thing.kind && (!strcmp(s->thing.kind, "weapon") ||
                                            !strcmp(s->thing.kind, "system"))))
        return NULL;
    return s->thing.key;
}

/* Is token k an auxiliary that may stand between a weapon and its
 * predicate: "missiles were fired", "guns had been used"? */
static bool auxiliary(const struct run *r, size_t k)
{
    static const struct word_form aux[] = {
        FORM("was"), FORM("were"), FORM("is"),   FORM("are"),   FORM("been"),
        FORM("had"), FORM("has"),  FORM("have"), FORM("being"), FORM("be")};
    return word_in(r, k, aux, sizeof aux / sizeof *aux) >= 0;
}

/* The category of a weapon word just before the predicate at token p,
 * past auxiliaries only: "a missile strike", "missiles were fired at",
 * "anti-aircraft guns shot down". *start is its first token. */
static bool be_form(const struct run *r, size_t tok)
{
    static const struct word_form be[] = {FORM("be"),   FORM("is"),
                                          FORM("are"),  FORM("was"),
                                          FORM("were"), FORM("been"),
                                          FORM("being")};
    return word_in(r, tok, be, sizeof be / sizeof *be) >= 0;
}

/* Is the phrase toks[i..i+n) a vehicle the text names as a thing
 * (claims/things: an aircraft, a vessel, a vehicle)? Before a passive
 * verb such a word is what was acted on, not what it was done with:
 * "the drone was shot down". */
static bool vehicle_at(const struct run *r, size_t i, size_t n)
{
    size_t len;
    const struct phrase *t =
        ptable_match(r, &r->c->things, i, i + n, &len);
    return t && len == n && strcmp(t->val, "weapon") && strcmp(t->val, "system");
}

static const char *weapon_before(const struct run *r, const struct sent *s,
                                 size_t p, size_t *start)
{
    size_t j = p;
    bool passive = false;
    while (j > s->a && p - j < 3 && auxiliary(r, j - 1)) {
        passive = passive || be_form(r, j - 1);
        j--;
    }
    for (size_t i = j > s->a + PHRASE_MAX_WORDS ? j - PHRASE_MAX_WORDS : s->a;
         i < j; i++) {
        size_t n;
        const struct phrase *w =
            ptable_match(r, &r->c->weapons, i, j, &n);
        if (w && i + n == j && strcmp(w->val, "stop")) {
            if (passive && vehicle_at(r, i, n))
                return NULL;
            *start = i;
            return w->val;
        }
    }
    return NULL;
}

static void add_weapon(struct run *r, const struct sent *s,
                       const struct hit *h, struct span words,
                       const char *cat)
{
    struct claim *cl = add_claim(r, CLAIM_ACTOR, s->idx, words);
    cl->frame = ++r->frame;
    cl->cls = arena_printf(r->doc->arena, "%s weapon", h->p->val);
    cl->slot = CLAIM_SLOT_WEAPON;
    cl->thing = victim_thing(s);
    cl->text = cat;
    cl->attributed_to = s->attributed;
}

/* Each predicate with a weapon phrase after "by", "with" or "from" right
 * after it ("shot down by anti-aircraft guns", "came under attack from
 * enemy missiles"), a weapon word of its own ("a mortar attack"), or a
 * weapon word just before it ("missiles were fired at"), gives a weapon
 * claim: an event of its
 * own per predicate class ("shootdown weapon") and thing, on no day, so
 * that every source's word on what was used meets. A denied or unreal
 * predicate gives none. */
static void weapon_claims(struct run *r, const struct sent *s)
{
    const struct token *toks = r->doc->toks;
    for (size_t k = 0; k < r->npreds; k++) {
        const struct hit *h = &r->preds[k];
        size_t by = h->tok + h->ntok, end = 0, start = 0;
        if (negated(r, h) || irrealis(r, s, h))
            continue;
        const char *cat = NULL;
        if (by + 1 < s->b && (word_is(r, by, "by") || word_is(r, by, "with") ||
                              word_is(r, by, "from")))
            cat = weapon_after(r, s, by + 1, s->b, &end);
        if (!cat && h->ntok > 1) /* "a mortar attack", "missile strikes" */
            cat = weapon_after(r, s, h->tok, by, &end);
        if (cat) {
            add_weapon(r, s, h,
                       (struct span){toks[h->tok].span.start,
                                     toks[end - 1].span.end},
                       cat);
            continue;
        }
        cat = weapon_before(r, s, h->tok, &start);
        if (cat)
            add_weapon(r, s, h,
                       (struct span){toks[start].span.start,
                                     toks[by - 1].span.end},
                       cat);
    }
}

/* ---- where a thing was lost ---------------------------------------------- */

/* The places of this sentence's frames of a claims/losses class
 * ("crashed in X", "disappeared over X") are also claims of one "lost"
 * event of the thing, whatever the verb, so that sources telling the
 * loss with different verbs meet on where it happened. Countries are
 * left out. */
static void loss_claims(struct run *r, const struct sent *s)
{
    struct doc *doc = r->doc;
    size_t from = doc->nclaims, to = doc->nclaims;
    while (from > 0 && doc->claims[from - 1].sentence == s->idx)
        from--;
    for (size_t k = from; k < to; k++) {
        struct claim cl = doc->claims[k]; /* add_claim may move it */
        /* a country says least of where ("vanished over Syria"): the
         * places inside it are each source's word on the spot */
        if (cl.kind != CLAIM_PLACE || !cl.cls || cl.slot ||
            cl.mention_idx < 0 ||
            doc->mentions[cl.mention_idx].type == ENT_COUNTRY ||
            scan_map_get(r->c->losses, cl.cls, strlen(cl.cls)) < 0)
            continue;
        struct claim *lc = add_claim(r, CLAIM_PLACE, s->idx, cl.span);
        *lc = cl;
        lc->cls = CLAIM_CLASS_LOST;
    }
}

/* ---- driver ------------------------------------------------------------------ */

static void thing_claims(struct run *r, struct sent *s)
{
    struct thing found[8];
    /* every thing is found through a thing noun of the sentence */
    size_t n = sent_may(s, &r->c->things) ? find_things(r, s->a, s->b, found, 8)
                                          : 0;
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
    r->npreds = r->nnegs = 0;
    if (!sent_may(s, &r->c->negs) && !sent_may(s, &r->c->preds))
        return;
    for (size_t i = s->a; i < s->b; i++) {
        size_t n;
        const struct phrase *p =
            ptable_match(r, &r->c->negs, i, s->b, &n);
        if (p) {
            push_hit(&r->negs, &r->nnegs, &r->capn, (struct hit){i, n, p});
            i += n - 1;
            continue;
        }
        p = ptable_match(r, &r->c->preds, i, s->b, &n);
        if (p) {
            /* class "-": an idiom that only looks like a predicate ("in
             * advance"); its words are consumed so no shorter pattern
             * inside it opens a frame. */
            if (strcmp(p->val, "-"))
                push_hit(&r->preds, &r->npreds, &r->capp,
                         (struct hit){i, n, p});
            i += n - 1;
        }
    }
}

/* ---- where a vehicle came from and was bound ---------------------------- */

/* How many words "from" and "to" may stand before their place: "from the
 * Spanish coastal city of Barcelona". */
#define ROUTE_WORDS 6

static bool is_place(const struct mention *m)
{
    return m->type == ENT_PLACE || m->type == ENT_COUNTRY;
}

/* The first place mention of s starting within ROUTE_WORDS plain words
 * after token k, or -1. */
static int place_after(const struct run *r, const struct sent *s, size_t k)
{
    const struct doc *doc = r->doc;
    for (size_t m = s->m0; m < s->m1; m++) {
        size_t mt = token_of(r, s, doc->mentions[m].span.start);
        if (mt <= k)
            continue;
        if (mt > k + ROUTE_WORDS || !is_place(&doc->mentions[m]))
            return -1;
        for (size_t j = k + 1; j < mt; j++)
            if (doc->toks[j].kind != TOK_WORD)
                return -1;
        return (int)m;
    }
    return -1;
}

static void route_claim(struct run *r, const struct sent *s, size_t word,
                        int m, const char *slot)
{
    const struct doc *doc = r->doc;
    struct span sp = {doc->toks[word].span.start, doc->mentions[m].span.end};
    struct claim *pc = add_claim(r, CLAIM_PLACE, s->idx, sp);
    pc->cls = "route";
    pc->slot = slot;
    pc->thing = s->thing.key;
    pc->mention_idx = m;
    pc->attributed_to = s->attributed;
}

/* "flight 9525, from Barcelona to Dusseldorf", "travelling from
 * Barcelona to Dusseldorf": where the vehicle the sentence names (or a
 * journey word of claims/route_verbs says) set off from and was bound
 * for, as the "from" and "to" of its route. A place after "to" counts only after a "from" place
 * ("from Barcelona, Spain to ..."), which keeps "sent troops to Aleppo"
 * out. */
static void route_claims(struct run *r, const struct sent *s)
{
    const struct doc *doc = r->doc;
    const struct token *toks = doc->toks;
    for (size_t k = s->a; k < s->b; k++) {
        if (!word_eq(r->text, &toks[k], "from", false))
            continue;
        if (!s->thing.key &&
            (k == s->a || scan_map_get(r->c->route_verbs,
                                       r->text + toks[k - 1].span.start,
                                       toks[k - 1].span.end -
                                           toks[k - 1].span.start) < 0))
            continue;
        int from = place_after(r, s, k);
        if (from < 0)
            continue;
        route_claim(r, s, k, from, "from");
        size_t e = token_of(r, s, doc->mentions[from].span.end);
        for (size_t j = e; j < s->b && j <= e + ROUTE_WORDS; j++) {
            if (word_eq(r->text, &toks[j], "to", false)) {
                int to = place_after(r, s, j);
                if (to >= 0)
                    route_claim(r, s, j, to, "to");
                break;
            }
            if (toks[j].kind == TOK_PUNCT && !is_punct(r, &toks[j], ","))
                break;
        }
        return;
    }
}

/* tables: the or of the masks of tokens [a, b). */
static void claim_sentence(struct run *r, unsigned si, size_t a, size_t b,
                           uint32_t tables)
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
    s.tables = tables;
    SEEK_BOUND(doc->mentions, doc->nmentions, se->span.start, r->mcur, s.m0);
    SEEK_BOUND(doc->mentions, doc->nmentions, se->span.end, r->mcur, s.m1);
    SEEK_BOUND(doc->dates, doc->ndates, se->span.start, r->dcur, s.d0);
    SEEK_BOUND(doc->dates, doc->ndates, se->span.end, r->dcur, s.d1);
    SEEK_BOUND(doc->numbers, doc->nnumbers, se->span.start, r->ncur, s.n0);
    SEEK_BOUND(doc->numbers, doc->nnumbers, se->span.end, r->ncur, s.n1);
    s.attributed = attribution(r, &s);
    thing_claims(r, &s);
    find_hits(r, &s);
    unsigned first_frame = r->frame + 1;
    for (size_t k = 0; k < r->npreds; k++)
        frame_claims(r, &s, &r->preds[k]);
    time_claims(r, &s, first_frame);
    count_claims(r, &s, first_frame);
    holder_claims(r, &s, first_frame);
    route_claims(r, &s);
    source_claims(r, &s, first_frame);
    source_only(r, &s);
    mood_claims(r, &s, first_frame);
    territory_claims(r, &s, first_frame);
    failure_claims(r, &s, first_frame);
    blame_claims(r, &s);
    label_claims(r, &s);
    no_comment_claims(r, &s);
    weapon_claims(r, &s);
    loss_claims(r, &s);
    role_claims(r, &s);
    copular_descriptions(r, &s);
    ownership_claims(r, &s);
    no_survivor_claims(r, &s);
    terrain_claims(r, &s);
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
    /* One block for all: it is freed before the next document, and one
     * hole is easier on the heap than four. Per sentence its first token
     * (and one past the last sentence's last) and the or of its tokens'
     * masks; per token its mask and word id. */
    _Static_assert(sizeof *r.tmask == sizeof *r.tword, "one block");
    size_t ns = doc->nsents;
    size_t *sfirst = xmalloc((ns + 1) * sizeof *sfirst +
                             (ns + 2 * (doc->ntoks + 1)) * sizeof *r.tmask);
    uint32_t *stables = (uint32_t *)(sfirst + ns + 1);
    r.tmask = stables + ns;
    r.tword = (int *)(r.tmask + doc->ntoks + 1);
    r.tmask[doc->ntoks] = 0; /* one past the end stays harmless */
    r.tword[doc->ntoks] = -1;
    SORTED_BY_START(doc->mentions, doc->nmentions, r.mcur.sorted);
    SORTED_BY_START(doc->dates, doc->ndates, r.dcur.sorted);
    SORTED_BY_START(doc->numbers, doc->nnumbers, r.ncur.sorted);
    /* every mask before any sentence: passes look at the tokens after
     * their sentence too */
    size_t t = 0;
    for (unsigned si = 0; si < ns; si++) {
        size_t a = t;
        while (t < doc->ntoks && doc->toks[t].sentence == si)
            t++;
        sfirst[si] = a;
        stables[si] = wordmask_get_tokens(c->index, doc->text, doc->len + 1, doc->toks, a,
                                          t, r.tmask, r.tword);
    }
    sfirst[ns] = t;
    /* past the last sentence: none, mostly */
    wordmask_get_tokens(c->index, doc->text, doc->len + 1, doc->toks, t, doc->ntoks,
                        r.tmask, r.tword);
    for (unsigned si = 0; si < ns; si++)
        claim_sentence(&r, si, sfirst[si], sfirst[si + 1], stables[si]);
    quote_claims(&r);
    free(r.preds);
    free(r.negs);
    /* the masks hold the fater's and bearer's bits too (index_others) */
    struct wordmask_doc m = {r.tmask, stables, sfirst};
    fate_claims(c->fate, doc, &m);
    bearing_claims(c->bearing, doc, &m);
    free(sfirst); /* and the masks */
}

void claim_merge(struct doc *doc, const struct claim *v, size_t n)
{
    if (!n)
        return;
    size_t total = doc->nclaims + n;
    struct claim *all = xmalloc(total * sizeof *all);
    size_t i = 0, j = 0, k = 0;
    while (i < doc->nclaims || j < n) {
        bool take_old = j == n || (i < doc->nclaims &&
                                   doc->claims[i].sentence <= v[j].sentence);
        all[k++] = take_old ? doc->claims[i++] : v[j++];
    }
    free(doc->claims);
    doc->claims = all;
    doc->nclaims = doc->capclaims = total;
}
