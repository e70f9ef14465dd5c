/* align.c - statements that several sources tell in their own words.
 *
 * Four passes. Segment: every readable sentence is cut into clauses at
 * commas, colons, brackets, dashes and clause-opening words ("which",
 * "while"), and at the words another comparison already holds; a clause
 * keeps its content-word stems. Weigh: a stem weighs log((n + 1) / df),
 * n the clauses of its story and df those that hold it, so a name every
 * source repeats counts little and a rare word much. Pair: each clause is
 * filed under its few rarest stems; clauses of different documents filed
 * under one stem meet (a bounded window of them), which keeps the work
 * near-linear. Judge: two clauses share a statement when at least
 * MIN_SHARED stems meet and the stretches from the first to the last
 * shared word are similar enough (weighted Dice); each clause keeps its
 * best partner per document, and partners join into groups with at most
 * one clause per document.
 *
 * Precision comes first. Names are left out of the stems (the linker
 * compares them) and two clauses must share lower-case words too; clauses
 * of one polarity only (a "not" on one side is a different statement);
 * equal numbers when both give some; not when their sentences speak of
 * different things (a Mi-8, a Mi-25) or hold the two sides of one
 * conflict; and never a conflict verdict, since different words are not
 * a contradiction.
 */
#include "claimdiff/align.h"

#include <ctype.h>
#include <stdint.h>
#include <libstemmer.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/doc.h"
#include "claimdiff/rsort.h"
#include "claimdiff/rules.h"
#include "claimdiff/strpool.h"
#include "claimdiff/tag.h"
#include "formtab.h"
#include "scan.h"
#include "unionfind.h"

/* Stems two clauses must share to be one statement. */
#define MIN_SHARED 3
/* Of them, stems written in lower case in both clauses: three shared
 * capitalised words are a name ("Minister of Foreign Affairs"), which
 * the linker compares, not a statement. */
#define MIN_PLAIN 2
/* Weighted Dice of the aligned stretches: below MIN_SIM two clauses say
 * different things; at or above AGREE_SIM they say the same. */
#define MIN_SIM 0.5
#define AGREE_SIM 0.85
/* A clause is filed under this many of its rarest stems. */
#define KEY_STEMS 4
/* Each filed clause meets this many later clauses under one stem. */
#define PAIR_WINDOW 64
/* Words of a clause kept at most; a longer run is cut (clauses are a
 * sentence at most, so this only bounds a pathological input). */
#define SEG_MAX_WORDS 200
/* Shared words named in a comparison's topic. */
#define TOPIC_WORDS 5
/* Words of a cue of claims/details at most. */
#define CUE_MAX_WORDS 6
/* A cue this many tokens from its event's clause or nearer is its. */
#define CUE_REACH 8
/* Tokens a why clause runs at most; a how clause past its cue. */
#define WHY_WORDS 12
#define HOW_WORDS 4

/* ---- aligner ---------------------------------------------------------------- */

/* A cue of claims/details: "while", "from the ground". */
struct cue {
    char *words[CUE_MAX_WORDS]; /* lower case (aligner-owned) */
    size_t len[CUE_MAX_WORDS];
    size_t n;
    bool how; /* manner ("how"), else purpose or circumstance ("why") */
    int next; /* the next cue with the same first word, in table order */
};

struct aligner {
    struct cue *cues;
    size_t ncues;
    /* Cues by first word, so a token is tried against its own few cues
     * only: first word -> id, and per id the first cue of its chain. */
    struct scan_map *first;
    int *head, *tail;
    size_t nfirst;
    struct scan_map *stop;  /* content-free words */
    struct scan_map *neg;   /* one-word negators: "not", "never" */
    struct scan_map *breaks; /* words that open a clause */
    struct scan_map *preps;  /* locative prepositions: "near", "over" */
};

static enum cd_err load_words(const struct rules *r, const char *name,
                              size_t maxf, bool one_word, struct scan_map **out,
                              struct diag *d)
{
    const struct rule_table *t = rules_get(r, name);
    enum cd_err err = rules_check_fields(t, 1, maxf, d);
    if (err)
        return err;
    *out = scan_map_new();
    for (size_t i = 0; i < t->nrows; i++) {
        const char *w = t->rows[i].fields[0];
        if (one_word && strchr(w, ' '))
            continue;
        scan_map_put(*out, w, strlen(w));
    }
    return CD_OK;
}

/* Append cue k to the chain of its first word. False when that word is
 * too long to be a key. */
static bool chain_cue(struct aligner *a, size_t k)
{
    struct cue *c = &a->cues[k];
    int id = scan_map_put(a->first, c->words[0], c->len[0]);
    if (id < 0)
        return false;
    c->next = -1;
    if ((size_t)id == a->nfirst) {
        a->head = xrealloc(a->head, (a->nfirst + 1) * sizeof *a->head);
        a->tail = xrealloc(a->tail, (a->nfirst + 1) * sizeof *a->tail);
        a->head[id] = -1;
        a->nfirst++;
    }
    if (a->head[id] < 0)
        a->head[id] = (int)k;
    else
        a->cues[a->tail[id]].next = (int)k;
    a->tail[id] = (int)k;
    return true;
}

static enum cd_err load_cues(struct aligner *a, const struct rules *r,
                             struct diag *d)
{
    const struct rule_table *t = rules_get(r, "claims/details");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    if (err)
        return err;
    a->cues = xcalloc(t->nrows + 1, sizeof *a->cues);
    a->first = scan_map_new();
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *slot = row->fields[1];
        if (strcmp(slot, "why") && strcmp(slot, "how"))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "slot '%s' is not why or how", slot);
        struct cue *c = &a->cues[a->ncues];
        c->how = !strcmp(slot, "how");
        char *copy = xstrdup(row->fields[0]), *save = NULL;
        for (char *w = strtok_r(copy, " ", &save); w;
             w = strtok_r(NULL, " ", &save)) {
            if (c->n == CUE_MAX_WORDS) {
                free(copy);
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "cue of more than %d words", CUE_MAX_WORDS);
            }
            for (char *p = w; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            c->len[c->n] = strlen(w);
            c->words[c->n++] = xstrdup(w);
        }
        free(copy);
        if (c->n == 0)
            continue;
        if (!chain_cue(a, a->ncues))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "cue word longer than %d bytes", SCAN_MAX_KEY);
        a->ncues++;
    }
    return CD_OK;
}

enum cd_err align_new(const struct rules *r, struct aligner **out,
                      struct diag *d)
{
    struct aligner *a = xcalloc(1, sizeof *a);
    enum cd_err err = load_cues(a, r, d);
    if (!err)
        err = load_words(r, "claims/stopwords", 1, false, &a->stop, d);
    if (!err)
        err = load_words(r, "claims/negators", 2, true, &a->neg, d);
    if (!err)
        err = load_words(r, "claims/clause_breaks", 1, false, &a->breaks, d);
    if (!err)
        err = load_words(r, "claims/locatives", 2, true, &a->preps, d);
    if (err) {
        align_free(a);
        *out = NULL;
        return err;
    }
    *out = a;
    return CD_OK;
}

void align_free(struct aligner *a)
{
    if (!a)
        return;
    /* the entry at ncues may hold a cue cut short by an error */
    for (size_t i = 0; a->cues && i <= a->ncues; i++)
        for (size_t k = 0; k < a->cues[i].n; k++)
            free(a->cues[i].words[k]);
    free(a->cues);
    scan_map_free(a->first);
    free(a->head);
    free(a->tail);
    scan_map_free(a->stop);
    scan_map_free(a->neg);
    scan_map_free(a->breaks);
    scan_map_free(a->preps);
    free(a);
}

bool align_is_aligned(const struct claim *cl)
{
    return cl->kind == CLAIM_STATEMENT && cl->slot &&
           (!strcmp(cl->slot, ALIGN_SLOT) || !strcmp(cl->slot, ALIGN_WHY) ||
            !strcmp(cl->slot, ALIGN_HOW));
}

bool align_told_alike(const struct claim *cl)
{
    return cl->kind == CLAIM_STATEMENT && cl->slot &&
           !strcmp(cl->slot, ALIGN_SLOT);
}

/* A value of a conflict comparison: the sentence it lies in. */
struct cref {
    unsigned doc, sent;
    size_t cmp; /* index into corpus->comparisons */
};

/* ---- run state ---------------------------------------------------------------- */

/* One clause. */
struct seg {
    unsigned doc, sent, story;
    size_t s0, ns; /* its distinct stems: stem[s0..s0+ns), sorted by id */
    size_t o0, no; /* its stem occurrences: occ[o0..o0+no), text order */
    size_t t0, nt; /* things its sentence speaks of: thing[t0..t0+nt) */
    size_t c0, nc; /* conflicts with a value in its sentence: cref[c0..) */
    bool neg;      /* holds a negator */
};

/* A token of a readable sentence. 16 bytes, not the 24 of a struct span
 * plus flags: the run holds one per word of every clause of the corpus,
 * the largest array of the compare stage. */
struct atok {
    size_t start;       /* first byte in the document text */
    uint32_t len;       /* bytes (longer tokens: scan_sentence) */
    unsigned char kind; /* enum token_kind */
    bool cap;           /* capitalised, not the sentence's first word */
};

static size_t tok_end(const struct atok *t)
{
    return t->start + t->len;
}

static struct span tok_span(const struct atok *t)
{
    return (struct span){t->start, tok_end(t)};
}

struct occ {
    size_t tok;    /* index into work.tk */
    unsigned stem; /* stem id */
    bool cap;      /* capitalised inside its sentence */
};

/* Per distinct stem of a clause (parallel arrays). 16 bytes, not 24: the
 * run holds one per distinct stem of every clause of the corpus, and a
 * stem id fits in 31 bits (scan_map_put gives ids as a non-negative
 * int), which leaves the flag a bit of the same word. */
struct sstem {
    unsigned id : 31;
    unsigned key : 1; /* the clause is filed under it */
    unsigned df;      /* clauses of the story that hold it */
    double w;         /* its weight in the story */
};

struct edge {
    unsigned a, b;   /* clause indexes, a < b */
    double sim;
    size_t a0, a1, b0, b1; /* aligned stretches: work.tk ranges, inclusive */
    bool keep;
};

/* See work.forms. The stem is asked for only where segment_doc used to
 * ask (stem ids are given out in the order words are first stemmed). */
struct form_info {
    int stem;
    bool stemmed, breaks, negates;
};

/* A stem position of one clause, for choosing its rarest stems. */
struct rare {
    unsigned df, id;
    size_t pos;
};

/* A statement claim of document `doc`, the seq-th align made. */
struct pend {
    unsigned doc, seq;
    struct claim cl;
};

struct work {
    const struct aligner *al;
    struct corpus *c;
    struct sb_stemmer *stemmer; /* NULL: words are compared unstemmed */
    struct scan_map *ids;       /* stem -> id */
    /* Each distinct word is stemmed once: lower-case word -> its stem id
     * (-1 for a word that carries none), by the word's id in words. */
    struct scan_map *words;
    int *word_stem;
    size_t capwords;
    /* What a word form as written (ASCII case folded) says, looked up
     * once per token instead of a lookup each for breaks, negators and
     * stems: by the form's id in forms. */
    struct scan_map *forms;
    struct form_info *form;
    size_t capform;
    struct form_info scratch;
    /* The forms of up to FORMTAB_MAX bytes (nearly every word) are kept
     * here instead, by their id in ftab: a lookup in forms was a tenth
     * of align. */
    struct formtab ftab;
    struct form_info *sform;
    size_t capsform;
    struct seg *seg;
    size_t nseg, capseg;
    struct sstem *st;
    size_t nst, capst;
    struct atok *tk; /* tokens of every clause, document after document */
    size_t ntk, captk;
    struct occ *occ;
    size_t nocc, capocc;
    struct edge *e;
    size_t ne, cape;
    const char **thing; /* thing keys ("mi8") of the clauses' sentences */
    size_t nthing, capthing;
    struct cref *cref; /* conflicts' values by sentence (conflict_refs) */
    size_t ncref;
    char *low; /* lower-case word buffer */
    size_t caplow;
    unsigned next_event; /* the last event id given out */
    /* One bit per sentence of the corpus (document di's first at
     * sent0[di]), set by the marking pass when the sentence kept a
     * clause, so the second pass skips the others. */
    unsigned char *live;
    size_t *sent0;
    bool marking;
    /* Statement claims made but not yet in their documents' arrays
     * (flush_claims), and how many each document has waiting. */
    struct pend *pend;
    size_t npend, cappend;
    unsigned *nnew;
    struct strpool *pool; /* topics and notes, kept once */
    /* Scratch of close_seg (a clause's stem ids) and choose_keys (its
     * stems by rarity): one array each for the run, not a malloc per
     * clause. */
    unsigned *sid;
    size_t capsid;
    struct rare *rare;
    size_t caprare;
};

/* ---- segment -------------------------------------------------------------------- */

/* Byte ranges held by the values of the comparisons already made, per
 * document, sorted. */
struct held {
    unsigned doc;
    struct span sp;
};

static void push_held(struct held **h, size_t *n, size_t *cap, unsigned doc,
                      struct span sp)
{
    if (*n == *cap)
        *h = xgrow(*h, cap, *n + 1, sizeof **h);
    (*h)[(*n)++] = (struct held){doc, sp};
}

/* The words other comparisons hold: the spans of their values, sorted
 * by document, then start. (Not the rest of those values' frames: a
 * frame's clause often holds a statement of its own, "warned of serious
 * consequences", that no slot compares.) */
static struct held *held_spans(const struct corpus *c, size_t *n)
{
    size_t cap = 1;
    struct held *h = xmalloc(sizeof *h);
    *n = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (k->verdict == VERDICT_SINGLE)
            continue;
        for (size_t v = 0; v < k->nvalues; v++) {
            const struct doc *d = c->docs[k->values[v].doc];
            push_held(&h, n, &cap, k->values[v].doc,
                      claim_nth(d, k->values[v].claim)->span);
        }
    }
    /* by document, start, end (ties are equal records): three stable
     * radix sorts, last key first; one qsort here was ~5% of align */
    rsort_by_u32(h, *n, sizeof *h, offsetof(struct held, sp.end));
    rsort_by_u32(h, *n, sizeof *h, offsetof(struct held, sp.start));
    rsort_by_u32(h, *n, sizeof *h, offsetof(struct held, doc));
    return h;
}

static int cmp_cref(const void *x, const void *y)
{
    const struct cref *a = x, *b = y;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->sent != b->sent)
        return a->sent < b->sent ? -1 : 1;
    return (a->cmp > b->cmp) - (a->cmp < b->cmp);
}

/* The sentences holding values of conflict comparisons, sorted. Two
 * clauses in sentences of one conflict ("40 crates" against "25 crates")
 * are not told alike, whatever else they share: an agreement on the rest
 * would only blur the conflict. */
static struct cref *conflict_refs(const struct corpus *c, size_t *n)
{
    size_t cap = 1;
    struct cref *v = xmalloc(sizeof *v);
    *n = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        for (size_t j = 0; k->verdict == VERDICT_CONFLICT && j < k->nvalues;
             j++) {
            const struct doc *d = c->docs[k->values[j].doc];
            if (*n == cap)
                v = xgrow(v, &cap, *n + 1, sizeof *v);
            v[(*n)++] = (struct cref){k->values[j].doc,
                                      claim_nth(d, k->values[j].claim)->sentence,
                                      i};
        }
    }
    if (*n)
        qsort(v, *n, sizeof *v, cmp_cref);
    return v;
}

/* Point s at the conflict values of its sentence in w->cref. */
static void sentence_conflicts(const struct work *w, struct seg *s)
{
    size_t lo = 0, hi = w->ncref;
    struct cref key = {s->doc, s->sent, 0};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_cref(&w->cref[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    s->c0 = lo;
    while (lo < w->ncref && w->cref[lo].doc == s->doc &&
           w->cref[lo].sent == s->sent)
        lo++;
    s->nc = lo - s->c0;
}

static bool punct_breaks(const char *s, size_t len)
{
    if (len == 1)
        return strchr(",;:()[]", s[0]) != NULL;
    /* en and em dashes */
    return len == 3 && (unsigned char)s[0] == 0xE2 &&
           (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

/* The word s[0..len) lower-cased, without a possessive "'s"; its length
 * in *n. Points into w->low. */
static const char *lower_word(struct work *w, const char *s, size_t len,
                              size_t *n)
{
    if (len >= 2 && s[len - 1] == 's' && s[len - 2] == '\'')
        len -= 2;
    else if (len >= 4 && s[len - 1] == 's' &&
             !memcmp(s + len - 4, "\xE2\x80\x99", 3))
        len -= 4;
    if (len + 1 > w->caplow)
        w->low = xgrow(w->low, &w->caplow, len + 1, 1);
    for (size_t i = 0; i < len; i++)
        w->low[i] = (char)tolower((unsigned char)s[i]);
    w->low[len] = '\0';
    *n = len;
    return w->low;
}

static bool negator(const struct aligner *al, const char *s, size_t n)
{
    if (n >= 3 && !memcmp(s + n - 3, "n't", 3))
        return true;
    if (n >= 5 && !memcmp(s + n - 5, "n\xE2\x80\x99t", 5))
        return true;
    return scan_map_get(al->neg, s, n) >= 0;
}

/* The stem id of a content word, or -1 for a word that carries none. */
static int stem_id_uncached(struct work *w, const char *s, size_t n)
{
    if (n < 3 || scan_map_get(w->al->stop, s, n) >= 0)
        return -1;
    const char *stem = s;
    size_t sn = n;
    if (w->stemmer && n < 1024) {
        const sb_symbol *r = sb_stemmer_stem(
            w->stemmer, (const sb_symbol *)s, (int)n);
        if (r) {
            stem = (const char *)r;
            sn = (size_t)sb_stemmer_length(w->stemmer);
        }
    }
    return scan_map_put(w->ids, stem, sn);
}

/* stem_id_uncached, once per distinct word: stemming is most of what
 * aligning costs. s is lower case. */
static int stem_id(struct work *w, const char *s, size_t n)
{
    int wid = scan_map_get(w->words, s, n);
    if (wid >= 0)
        return w->word_stem[wid];
    int id = stem_id_uncached(w, s, n);
    wid = scan_map_put(w->words, s, n);
    if (wid >= 0) {
        if ((size_t)wid >= w->capwords)
            w->word_stem = xgrow(w->word_stem, &w->capwords,
                                 (size_t)wid + 1, sizeof *w->word_stem);
        w->word_stem[wid] = id;
    }
    return id;
}

static int cmp_unsigned(const void *x, const void *y)
{
    unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
    return (a > b) - (a < b);
}

/* A thing key ("mi8", "flight 9525") a claim of one sentence carries,
 * named there or carried from the sentences before. */
struct skey {
    unsigned sent;
    const char *key;
};

static int cmp_skey(const void *x, const void *y)
{
    const struct skey *a = x, *b = y;
    if (a->sent != b->sent)
        return a->sent < b->sent ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* The thing keys of every sentence of d, sorted by sentence; *n of them. */
static struct skey *doc_things(const struct doc *d, size_t *n)
{
    struct skey *v = xmalloc((d->nclaims + 1) * sizeof *v);
    *n = 0;
    for (size_t k = 0; k < d->nclaims; k++)
        if (d->claims[k].thing && *d->claims[k].thing)
            v[(*n)++] = (struct skey){d->claims[k].sentence,
                                      d->claims[k].thing};
    if (*n)
        qsort(v, *n, sizeof *v, cmp_skey);
    return v;
}

/* Copy the distinct thing keys of s's sentence (from sk[0..n)) to
 * w->thing. */
static void sentence_things(struct work *w, struct seg *s,
                            const struct skey *sk, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sk[mid].sent < s->sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    s->t0 = w->nthing;
    for (size_t k = lo; k < n && sk[k].sent == s->sent; k++) {
        if (k > lo && !strcmp(sk[k].key, sk[k - 1].key))
            continue;
        if (w->nthing == w->capthing)
            w->thing = xgrow(w->thing, &w->capthing, w->nthing + 1,
                             sizeof *w->thing);
        w->thing[w->nthing++] = sk[k].key;
    }
    s->nt = w->nthing - s->t0;
}

/* Close the open clause s: keep it if it has enough distinct stems. */
static void close_seg(struct work *w, struct seg *s, const struct skey *sk,
                      size_t nsk)
{
    if (s->no >= MIN_SHARED) {
        if (s->no > w->capsid)
            w->sid = xgrow(w->sid, &w->capsid, s->no, sizeof *w->sid);
        unsigned *ids = w->sid;
        for (size_t i = 0; i < s->no; i++)
            ids[i] = w->occ[s->o0 + i].stem;
        rsort_by_u32(ids, s->no, sizeof *ids, 0);
        s->s0 = w->nst;
        for (size_t i = 0; i < s->no; i++) {
            if (i && ids[i] == ids[i - 1])
                continue;
            if (w->nst == w->capst)
                w->st = xgrow(w->st, &w->capst, w->nst + 1, sizeof *w->st);
            w->st[w->nst++] = (struct sstem){.id = ids[i]};
        }
        s->ns = w->nst - s->s0;
        if (s->ns >= MIN_SHARED) {
            /* the marking pass keeps no clause: only that one closed */
            if (!w->marking) {
                sentence_things(w, s, sk, nsk);
                sentence_conflicts(w, s);
            }
            if (w->nseg == w->capseg)
                w->seg = xgrow(w->seg, &w->capseg, w->nseg + 1,
                               sizeof *w->seg);
            w->seg[w->nseg++] = *s;
        } else {
            w->nst = s->s0;
            w->nocc = s->o0;
        }
    } else {
        w->nocc = s->o0;
    }
    s->o0 = w->nocc;
    s->no = 0;
    s->neg = false;
}

/* Does span lie in a mention or its role words? *mp is a cursor over the
 * mentions (sorted by start), advanced as the tokens go. */
static bool in_mention(const struct doc *d, struct span sp, size_t *mp)
{
    /* a role may begin before its mention ("Foreign Minister X"); no
     * role reaches further back than its mention's sentence, so a cursor
     * kept a few mentions behind is safe enough */
    while (*mp < d->nmentions && d->mentions[*mp].span.end <= sp.start &&
           (d->mentions[*mp].role_span.end <= sp.start))
        (*mp)++;
    for (size_t m = *mp; m < d->nmentions; m++) {
        const struct mention *mm = &d->mentions[m];
        bool role = mm->role_span.end > mm->role_span.start;
        if (mm->span.start >= sp.end &&
            (!role || mm->role_span.start >= sp.end))
            break;
        if (mm->span.start < sp.end && mm->span.end > sp.start)
            return true;
        if (role && mm->role_span.start < sp.end &&
            mm->role_span.end > sp.start)
            return true;
    }
    return false;
}

static bool skip_sentence(const struct sentence *se)
{
    return se->flags &
           (SENT_BOILERPLATE | SENT_CAPTION | SENT_HEADLINE | SENT_BULLET);
}

/* Push the tokens of the sentence span sp of d to w->tk and return true;
 * false, with nothing pushed, for a sentence holding a token longer than
 * an atok can say (4 GiB: no loaded document is that long, see
 * CD_MAX_DOC_BYTES; only a hand-made record could be), which is then
 * left out like an unreadable one. The words are scanned here, not taken
 * from doc->toks: a document read back from its extract record has no
 * tokens. scan_next gives scan_tokens' tokens one at a time, without
 * what align does not read (their hashes, a copy through a scratch
 * array): scanning was a third of align. */
static bool scan_sentence(struct work *w, const struct doc *d, struct span sp)
{
    size_t t0 = w->ntk, p = sp.start;
    bool first = true;
    struct scan_tok t;
    while (scan_next(d->text, &p, sp.end, &t)) {
        if (t.end - t.start > UINT32_MAX) {
            w->ntk = t0;
            return false;
        }
        /* a mixed token ("Mi-8") is a word here */
        unsigned char kind = t.kind == SCAN_PUNCT ? TOK_PUNCT
                           : t.kind == SCAN_NUM   ? TOK_NUMBER
                                                  : TOK_WORD;
        if (w->ntk == w->captk)
            w->tk = xgrow(w->tk, &w->captk, w->ntk + 1, sizeof *w->tk);
        w->tk[w->ntk++] = (struct atok){
            t.start, (uint32_t)(t.end - t.start), kind,
            kind == TOK_WORD && !first && (t.flags & SCANF_CAP)};
        if (kind == TOK_WORD)
            first = false;
    }
    return true;
}

/* Is the token at byte span sp held by another comparison? *hp is a
 * cursor over h (sorted), advanced as the tokens go. */
static bool is_held(const struct span *h, size_t nh, struct span sp,
                    size_t *hp)
{
    while (*hp < nh && h[*hp].end <= sp.start)
        (*hp)++;
    for (size_t k = *hp; k < nh && h[k].start < sp.end; k++)
        if (h[k].end > sp.start)
            return true;
    return false;
}

/* Once the clauses of a sentence are closed, drop the tokens of
 * w->tk[t0..) that nothing will read: the later passes read a clause's
 * tokens only through its stem occurrences (stretches, topics, claim
 * texts and spans run from one occurrence to another) and, between two
 * of them, its numbers (numbers_in). So an occurrence's token and number
 * tokens stay, in order, and the occurrences of the clauses kept since
 * seg nseg0 are renumbered; a sentence that kept no clause keeps no
 * token. The array is the largest of the compare stage otherwise. */
static void keep_tokens(struct work *w, size_t t0, size_t nseg0)
{
    if (w->nseg == nseg0) {
        w->ntk = t0;
        return;
    }
    /* Occurrences of the kept clauses are contiguous (a dropped clause
     * gives its own back) and in text order, one per token at most. */
    size_t k = w->seg[nseg0].o0, to = t0;
    for (size_t t = t0; t < w->ntk; t++) {
        bool occ = k < w->nocc && w->occ[k].tok == t;
        if (!occ && w->tk[t].kind != TOK_NUMBER)
            continue;
        if (occ)
            w->occ[k++].tok = to;
        w->tk[to++] = w->tk[t];
    }
    w->ntk = to;
}

/* Record (mark) that sentence si of document di kept a clause, or ask
 * whether it may keep one: always while w->marking, else only if the
 * marking pass found one. Skipping the others changes nothing: each
 * sentence's clauses are closed at its end, and the cursors over held
 * spans and mentions only move forward. */
static bool sentence_live(struct work *w, unsigned di, unsigned si, bool mark)
{
    size_t bit = w->sent0[di] + si;
    if (mark)
        w->live[bit / 8] |= (unsigned char)(1u << (bit % 8));
    return mark || w->marking || ((w->live[bit / 8] >> (bit % 8)) & 1);
}

/* What the word text[0..len) says, looked up for the first time. */
static struct form_info new_form(struct work *w, const char *text, size_t len)
{
    size_t n;
    const char *low = lower_word(w, text, len, &n);
    return (struct form_info){0, false,
                              scan_map_get(w->al->breaks, text, len) >= 0,
                              negator(w->al, low, n)};
}

/* The form_info of the word text[0..len), made on its first meeting;
 * avail >= len bytes are readable from text. A form too long for a
 * scan_map gets w->scratch, filled afresh. */
static struct form_info *form_of(struct work *w, const char *text, size_t len,
                                 size_t avail)
{
    if (len - 1 < FORMTAB_MAX) {
        struct formkey k = formtab_key(text, len, avail);
        int id = formtab_get(&w->ftab, &k);
        if (id >= 0)
            return &w->sform[id];
        struct form_info fi = new_form(w, text, len);
        id = formtab_put(&w->ftab, &k);
        if ((size_t)id >= w->capsform)
            w->sform = xgrow(w->sform, &w->capsform, (size_t)id + 1,
                             sizeof *w->sform);
        w->sform[id] = fi;
        return &w->sform[id];
    }
    int id = scan_map_get(w->forms, text, len);
    if (id >= 0)
        return &w->form[id];
    struct form_info fi = new_form(w, text, len);
    id = scan_map_put(w->forms, text, len);
    if (id < 0) {
        w->scratch = fi;
        return &w->scratch;
    }
    if ((size_t)id >= w->capform)
        w->form = xgrow(w->form, &w->capform, (size_t)id + 1, sizeof *w->form);
    w->form[id] = fi;
    return &w->form[id];
}

/* The stem id of the word text[0..len) whose form_info is fi. */
static int form_stem(struct work *w, struct form_info *fi, const char *text,
                     size_t len)
{
    if (!fi->stemmed) {
        size_t n;
        const char *low = lower_word(w, text, len, &n);
        fi->stem = stem_id(w, low, n);
        fi->stemmed = fi != &w->scratch;
    }
    return fi->stem;
}

static void segment_doc(struct work *w, unsigned di, const struct span *h,
                        size_t nh)
{
    const struct doc *d = w->c->docs[di];
    struct seg s = {di, 0, d->story, 0, 0, w->nocc, 0, 0, 0, 0, 0, false};
    size_t hp = 0; /* first held span that may still reach a token */
    size_t mp = 0; /* first mention that may still reach a token */
    size_t nsk = 0;
    struct skey *sk = w->marking ? NULL : doc_things(d, &nsk);
    for (unsigned si = 0; si < d->nsents; si++) {
        if (skip_sentence(&d->sents[si]) || !sentence_live(w, di, si, false))
            continue;
        close_seg(w, &s, sk, nsk);
        s.sent = si;
        size_t t0 = w->ntk, nseg0 = w->nseg;
        if (!scan_sentence(w, d, d->sents[si].span))
            continue;
        for (size_t t = t0; t < w->ntk; t++) {
            const struct atok *tk = &w->tk[t];
            const char *text = d->text + tk->start;
            size_t len = tk->len;
            if (is_held(h, nh, tok_span(tk), &hp) ||
                (tk->kind == TOK_PUNCT && punct_breaks(text, len))) {
                close_seg(w, &s, sk, nsk);
                continue;
            }
            if (tk->kind != TOK_WORD)
                continue;
            struct form_info *fi =
                form_of(w, text, len, d->len + 1 - tk->start);
            if (fi->breaks)
                close_seg(w, &s, sk, nsk);
            if (fi->negates)
                s.neg = true;
            /* Names are the linker's to compare: "the Defence Ministry"
             * in two sources is one entity, not one statement. */
            bool named = in_mention(d, tok_span(tk), &mp);
            int id = s.no < SEG_MAX_WORDS && !named ? form_stem(w, fi, text, len)
                                                    : -1;
            if (id < 0)
                continue;
            if (w->nocc == w->capocc)
                w->occ = xgrow(w->occ, &w->capocc, w->nocc + 1,
                               sizeof *w->occ);
            w->occ[w->nocc++] = (struct occ){t, (unsigned)id, tk->cap};
            s.no++;
        }
        close_seg(w, &s, sk, nsk);
        if (w->nseg > nseg0)
            sentence_live(w, di, si, true);
        if (w->marking)
            w->ntk = t0; /* nothing reads the marking pass's clauses */
        else
            keep_tokens(w, t0, nseg0);
    }
    close_seg(w, &s, sk, nsk);
    free(sk);
}

/* ---- weigh ---------------------------------------------------------------------- */

/* One filing of a clause under one of its stems. */
struct rec {
    unsigned story, stem, seg;
    size_t pos; /* index into st */
};

static struct rec *records(const struct work *w, size_t *n)
{
    struct rec *r = xmalloc((w->nst + 1) * sizeof *r);
    *n = 0;
    for (unsigned i = 0; i < w->nseg; i++)
        for (size_t k = 0; k < w->seg[i].ns; k++) {
            size_t p = w->seg[i].s0 + k;
            r[(*n)++] = (struct rec){w->seg[i].story, w->st[p].id, i, p};
        }
    /* By story, stem, then clause: made in clause order, so two stable
     * sorts, by stem and then by story, give that order. */
    rsort_by_u32(r, *n, sizeof *r, offsetof(struct rec, stem));
    rsort_by_u32(r, *n, sizeof *r, offsetof(struct rec, story));
    return r;
}

/* Each stem's df and weight within its story. */
static void weigh(struct work *w, const struct rec *r, size_t n)
{
    size_t *per_story = xcalloc(w->c->ndocs + 1, sizeof *per_story);
    for (size_t i = 0; i < w->nseg; i++)
        per_story[w->seg[i].story]++;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && r[j].story == r[i].story && r[j].stem == r[i].stem)
            j++;
        double wt = log(((double)per_story[r[i].story] + 1) / (double)(j - i));
        for (size_t k = i; k < j; k++) {
            w->st[r[k].pos].df = (unsigned)(j - i);
            w->st[r[k].pos].w = wt;
        }
        i = j;
    }
    free(per_story);
}

/* Is a rarer than b (fewer clauses hold it, then the smaller id)? */
static bool rarer(const struct rare *a, const struct rare *b)
{
    return a->df != b->df ? a->df < b->df : a->id < b->id;
}

/* File each clause under its KEY_STEMS rarest stems that another clause
 * also holds. */
static void choose_keys(struct work *w)
{
    for (size_t i = 0; i < w->nseg; i++) {
        const struct seg *s = &w->seg[i];
        if (s->ns > w->caprare)
            w->rare = xgrow(w->rare, &w->caprare, s->ns, sizeof *w->rare);
        struct rare *v = w->rare;
        size_t m = 0;
        /* insertion sort as they come: a clause has a few dozen stems at
         * most, and qsort's calls cost more (ids are distinct, so the
         * order is the same) */
        for (size_t k = 0; k < s->ns; k++) {
            const struct sstem *x = &w->st[s->s0 + k];
            if (x->df < 2)
                continue;
            struct rare r = {x->df, x->id, s->s0 + k};
            size_t j = m++;
            for (; j > 0 && rarer(&r, &v[j - 1]); j--)
                v[j] = v[j - 1];
            v[j] = r;
        }
        for (size_t k = 0; k < m && k < KEY_STEMS; k++)
            w->st[v[k].pos].key = 1;
    }
}

/* ---- pair ---------------------------------------------------------------------- */

struct cand {
    unsigned a, b;
};

static int cmp_cand(const void *x, const void *y)
{
    const struct cand *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Clauses of different documents filed under one stem of their story. */
static struct cand *candidates(const struct work *w, const struct rec *r,
                               size_t n, size_t *nc)
{
    size_t cap = 1;
    struct cand *c = xmalloc(sizeof *c);
    *nc = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && r[j].story == r[i].story && r[j].stem == r[i].stem)
            j++;
        for (size_t a = i; a < j; a++) {
            for (size_t b = a + 1; b < j && b <= a + PAIR_WINDOW; b++) {
                if (!w->st[r[a].pos].key && !w->st[r[b].pos].key)
                    continue;
                if (w->seg[r[a].seg].doc == w->seg[r[b].seg].doc)
                    continue;
                if (*nc == cap)
                    c = xgrow(c, &cap, *nc + 1, sizeof *c);
                c[(*nc)++] = (struct cand){r[a].seg, r[b].seg};
            }
        }
        i = j;
    }
    /* cmp_cand's order (ties are equal pairs) */
    rsort_by_u32(c, *nc, sizeof *c, offsetof(struct cand, b));
    rsort_by_u32(c, *nc, sizeof *c, offsetof(struct cand, a));
    size_t u = 0;
    for (size_t i = 0; i < *nc; i++)
        if (!u || cmp_cand(&c[u - 1], &c[i]))
            c[u++] = c[i];
    *nc = u;
    return c;
}

/* ---- judge --------------------------------------------------------------------- */

static bool in_sorted(const unsigned *v, size_t n, unsigned x)
{
    return n && bsearch(&x, v, n, sizeof *v, cmp_unsigned) != NULL;
}

/* The first and last token of s holding a stem of shared[0..n). */
static void stretch(const struct work *w, const struct seg *s,
                    const unsigned *shared, size_t n, size_t *t0, size_t *t1)
{
    *t0 = (size_t)-1;
    *t1 = 0;
    for (size_t k = 0; k < s->no; k++) {
        const struct occ *o = &w->occ[s->o0 + k];
        if (!in_sorted(shared, n, o->stem))
            continue;
        if (o->tok < *t0)
            *t0 = o->tok;
        *t1 = o->tok;
    }
}

/* Weight of the distinct stems of s met in tokens [t0, t1]. */
static double stretch_weight(const struct work *w, const struct seg *s,
                             size_t t0, size_t t1)
{
    double sum = 0;
    for (size_t k = 0; k < s->ns; k++) {
        const struct sstem *x = &w->st[s->s0 + k];
        for (size_t o = 0; o < s->no; o++) {
            const struct occ *oc = &w->occ[s->o0 + o];
            if (oc->stem == x->id && oc->tok >= t0 && oc->tok <= t1) {
                sum += x->w;
                break;
            }
        }
    }
    return sum;
}

/* The digits of the number tokens in w->tk[t0..t1] of d, each followed
 * by '|' ("150|38000|"), separators dropped. */
static char *numbers_in(const struct work *w, const struct doc *d, size_t t0,
                        size_t t1)
{
    size_t cap = 1;
    for (size_t t = t0; t <= t1; t++)
        if (w->tk[t].kind == TOK_NUMBER)
            cap += w->tk[t].len + 1;
    char *out = xmalloc(cap), *o = out;
    for (size_t t = t0; t <= t1; t++) {
        if (w->tk[t].kind != TOK_NUMBER)
            continue;
        for (size_t b = w->tk[t].start; b < tok_end(&w->tk[t]); b++)
            if (isdigit((unsigned char)d->text[b]))
                *o++ = d->text[b];
        *o++ = '|';
    }
    *o = '\0';
    return out;
}

/* Two stretches that both give numbers must give the same ones. */
static bool numbers_match(const struct work *w, const struct edge *e)
{
    char *a = numbers_in(w, w->c->docs[w->seg[e->a].doc], e->a0, e->a1);
    char *b = numbers_in(w, w->c->docs[w->seg[e->b].doc], e->b0, e->b1);
    bool ok = !*a || !*b || !strcmp(a, b);
    free(a);
    free(b);
    return ok;
}

/* Is stem written in lower case somewhere in s? */
static bool plain_in(const struct work *w, const struct seg *s, unsigned stem)
{
    for (size_t k = 0; k < s->no; k++)
        if (w->occ[s->o0 + k].stem == stem && !w->occ[s->o0 + k].cap)
            return true;
    return false;
}

/* Do the sentences of a and b speak of different things (a Mi-8 and a
 * Mi-25): both name some, none in common? */
static bool other_things(const struct work *w, const struct seg *a,
                         const struct seg *b)
{
    if (!a->nt || !b->nt)
        return false;
    for (size_t i = 0; i < a->nt; i++)
        for (size_t j = 0; j < b->nt; j++)
            if (!strcmp(w->thing[a->t0 + i], w->thing[b->t0 + j]))
                return false;
    return true;
}

/* Do a and b lie in sentences of one conflict? */
static bool one_conflict(const struct work *w, const struct seg *a,
                         const struct seg *b)
{
    for (size_t i = 0; i < a->nc; i++)
        for (size_t j = 0; j < b->nc; j++)
            if (w->cref[a->c0 + i].cmp == w->cref[b->c0 + j].cmp)
                return true;
    return false;
}

/* Judge the clauses a and b; true with *e filled if they share a
 * statement. */
static bool judge_pair(const struct work *w, unsigned a, unsigned b,
                       unsigned *shared, struct edge *e)
{
    const struct seg *sa = &w->seg[a], *sb = &w->seg[b];
    if (sa->neg != sb->neg || other_things(w, sa, sb) ||
        one_conflict(w, sa, sb))
        return false;
    size_t i = 0, j = 0, n = 0;
    double both = 0;
    while (i < sa->ns && j < sb->ns) {
        const struct sstem *x = &w->st[sa->s0 + i], *y = &w->st[sb->s0 + j];
        if (x->id == y->id) {
            shared[n++] = x->id;
            both += x->w;
            i++;
            j++;
        } else if (x->id < y->id) {
            i++;
        } else {
            j++;
        }
    }
    if (n < MIN_SHARED)
        return false;
    size_t plain = 0;
    for (size_t k = 0; k < n && plain < MIN_PLAIN; k++)
        plain += plain_in(w, sa, shared[k]) && plain_in(w, sb, shared[k]);
    if (plain < MIN_PLAIN)
        return false;
    *e = (struct edge){a, b, 0, 0, 0, 0, 0, false};
    stretch(w, sa, shared, n, &e->a0, &e->a1);
    stretch(w, sb, shared, n, &e->b0, &e->b1);
    double wa = stretch_weight(w, sa, e->a0, e->a1);
    double wb = stretch_weight(w, sb, e->b0, e->b1);
    if (wa + wb <= 0)
        return false;
    e->sim = 2 * both / (wa + wb);
    return e->sim >= MIN_SIM && numbers_match(w, e);
}

static void judge_candidates(struct work *w, const struct cand *c, size_t nc)
{
    size_t maxns = 1;
    for (size_t i = 0; i < w->nseg; i++)
        if (w->seg[i].ns > maxns)
            maxns = w->seg[i].ns;
    unsigned *shared = xmalloc(maxns * sizeof *shared);
    for (size_t i = 0; i < nc; i++) {
        struct edge e;
        if (!judge_pair(w, c[i].a, c[i].b, shared, &e))
            continue;
        if (w->ne == w->cape)
            w->e = xgrow(w->e, &w->cape, w->ne + 1, sizeof *w->e);
        w->e[w->ne++] = e;
    }
    free(shared);
}

/* ---- groups -------------------------------------------------------------------- */

/* One end of an edge, for picking each clause's best partner per
 * document. */
struct end {
    unsigned seg, other_doc;
    double sim;
    size_t edge;
};

/* Keep the edges that are some clause's best partner in a document: for
 * each (clause, other document), the edge of highest similarity, the
 * first edge among equals. Only each group's best is needed, so the ends
 * are grouped by two stable radix sorts (a group keeps edge order) and
 * its best picked in one pass; a qsort by all four fields was 2.5% of
 * align. */
static void keep_best(struct work *w)
{
    size_t n = 2 * w->ne;
    struct end *v = xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < w->ne; i++) {
        const struct edge *e = &w->e[i];
        v[2 * i] = (struct end){e->a, w->seg[e->b].doc, e->sim, i};
        v[2 * i + 1] = (struct end){e->b, w->seg[e->a].doc, e->sim, i};
    }
    rsort_by_u32(v, n, sizeof *v, offsetof(struct end, other_doc));
    rsort_by_u32(v, n, sizeof *v, offsetof(struct end, seg));
    for (size_t i = 0, j; i < n; i = j) {
        size_t best = i;
        for (j = i + 1; j < n && v[j].seg == v[i].seg &&
                        v[j].other_doc == v[i].other_doc;
             j++)
            if (v[j].sim > v[best].sim)
                best = j;
        w->e[v[best].edge].keep = true;
    }
    free(v);
}

/* A clause in a group, with its best similarity there. */
struct member {
    unsigned story, root, doc, seg;
    double best;
};

static int cmp_member(const void *x, const void *y)
{
    const struct member *a = x, *b = y;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->best != b->best)
        return a->best > b->best ? -1 : 1;
    return (a->seg > b->seg) - (a->seg < b->seg);
}

/* The aligned words of clause seg in one group: the hull of its stretches
 * over the group's edges in[0..n). */
static struct span member_span(const struct work *w, unsigned seg,
                               const struct edge *const *in, size_t n)
{
    size_t t0 = (size_t)-1, t1 = 0;
    for (size_t i = 0; i < n; i++) {
        size_t a = in[i]->a == seg ? in[i]->a0 : in[i]->b == seg ? in[i]->b0
                                                                 : t0;
        size_t b = in[i]->a == seg ? in[i]->a1 : in[i]->b == seg ? in[i]->b1
                                                                 : t1;
        if (a < t0)
            t0 = a;
        if (b > t1)
            t1 = b;
    }
    return (struct span){w->tk[t0].start, tok_end(&w->tk[t1])};
}

/* The stems of the tokens of span in clause seg, space separated: the
 * claim's text (doc arena). */
static const char *span_stems(const struct work *w, unsigned seg,
                              struct span sp)
{
    const struct seg *s = &w->seg[seg];
    struct doc *d = w->c->docs[s->doc];
    size_t len = 1;
    for (size_t k = 0; k < s->no; k++) {
        const struct atok *tk = &w->tk[w->occ[s->o0 + k].tok];
        if (tk->start >= sp.start && tok_end(tk) <= sp.end)
            len += tk->len + 1;
    }
    char *out = arena_strbuf(d->arena, len), *o = out;
    for (size_t k = 0; k < s->no; k++) {
        const struct atok *tk = &w->tk[w->occ[s->o0 + k].tok];
        if (tk->start < sp.start || tok_end(tk) > sp.end)
            continue;
        if (o > out)
            *o++ = ' ';
        for (size_t b = tk->start; b < tok_end(tk); b++)
            *o++ = (char)tolower((unsigned char)d->text[b]);
    }
    *o = '\0';
    return out;
}

/* Make a statement claim of slot `slot` for document di, kept aside
 * until flush_claims appends it: *at is the index it will have there.
 * The claim stays valid until the next new_claim. */
static struct claim *new_claim(struct work *w, unsigned di, unsigned sent,
                               struct span sp, const char *slot, unsigned *at)
{
    if (w->npend == w->cappend)
        w->pend = xgrow(w->pend, &w->cappend, w->npend + 1, sizeof *w->pend);
    struct pend *p = &w->pend[w->npend];
    p->doc = di;
    p->seq = (unsigned)w->npend++;
    struct claim *cl = &p->cl;
    memset(cl, 0, sizeof *cl);
    cl->kind = CLAIM_STATEMENT;
    cl->span = sp;
    cl->sentence = sent;
    cl->slot = slot;
    cl->subject = cl->object = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->mention_idx = cl->quote_idx = -1;
    *at = (unsigned)(claim_count(w->c->docs[di]) + w->nnew[di]++);
    return cl;
}

/* Append every claim new_claim kept aside to its document's aligned
 * claims, in the order made (the indices it promised). They go to
 * doc->aligned, not doc->claims: growing doc->claims moved each array
 * once, and the old arrays, too small for the next story's, were most of
 * the free heap at the peak (8 of 13.5 MB at 5,000 articles); the
 * aligned arrays are small and made once or twice per document. */
static void flush_claims(struct work *w)
{
    if (!w->npend)
        return;
    /* seq is the order pushed, so a stable sort by document gives the
     * (doc, seq) order; radix, not qsort's calls by both */
    rsort_by_u32(w->pend, w->npend, sizeof *w->pend,
                 offsetof(struct pend, doc));
    const struct pend *p = w->pend;
    for (size_t i = 0; i < w->npend;) {
        unsigned di = p[i].doc;
        struct doc *d = w->c->docs[di];
        size_t len = d->naligned + w->nnew[di];
        d->aligned = xrealloc(d->aligned, len * sizeof *d->aligned);
        for (; i < w->npend && p[i].doc == di; i++)
            d->aligned[d->naligned++] = p[i].cl;
        w->nnew[di] = 0;
    }
    w->npend = 0;
}

static unsigned add_claim(struct work *w, unsigned seg, struct span sp)
{
    unsigned at;
    struct claim *cl = new_claim(w, w->seg[seg].doc, w->seg[seg].sent, sp,
                                 ALIGN_SLOT, &at);
    cl->text = span_stems(w, seg, sp);
    return at;
}

/* The topic: the first member's shared words as written. */
/* Copy s[0..n) to out up to its first NUL, as "%.*s" would; the bytes
 * copied. */
static size_t sprint_part(char *out, const char *s, size_t n)
{
    const char *nul = memchr(s, '\0', n);
    size_t m = nul ? (size_t)(nul - s) : n;
    memcpy(out, s, m);
    return m;
}

static const char *topic_of(struct work *w, const char *event, unsigned seg,
                            const struct edge *e)
{
    const struct seg *s = &w->seg[seg];
    const struct seg *o = &w->seg[e->a == seg ? e->b : e->a];
    const struct doc *d = w->c->docs[s->doc];
    /* "event: word, word": the words picked first, the string made once
     * (printing it word by word left every prefix in the corpus arena) */
    const struct atok *word[TOPIC_WORDS];
    size_t shown = 0, len = strlen(event) + 1;
    for (size_t k = 0; k < s->no && shown < TOPIC_WORDS; k++) {
        const struct occ *oc = &w->occ[s->o0 + k];
        bool in_other = false;
        for (size_t m = 0; m < o->ns && !in_other; m++)
            in_other = w->st[o->s0 + m].id == oc->stem;
        if (!in_other)
            continue;
        word[shown++] = &w->tk[oc->tok];
        len += 2 + word[shown - 1]->len;
    }
    char *buf = xmalloc(len + 1), *b = buf;
    b += sprint_part(b, event, strlen(event));
    *b++ = ':';
    for (size_t i = 0; i < shown; i++) {
        if (i)
            *b++ = ',';
        *b++ = ' ';
        b += sprint_part(b, d->text + word[i]->start, word[i]->len);
    }
    const char *t = strpool_keep(
        w->pool, arena_strndup(w->c->arena, buf, (size_t)(b - buf)));
    free(buf);
    return t;
}

/* "N% of content words shared", N = sim * 100 rounded, kept once in the
 * pool. Written digit by digit: arena_printf's ~1,700 instructions a
 * note were 2% of align. */
static const char *shared_note(struct work *w, double sim)
{
    static const char tail[] = "% of content words shared";
    int p = (int)lround(sim * 100);
    unsigned u = p < 0 ? 0u - (unsigned)p : (unsigned)p;
    char digits[16]; /* an unsigned int has at most ten */
    size_t nd = 0;
    do
        digits[nd++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    size_t len = (p < 0) + nd + sizeof tail - 1;
    char *buf = arena_strbuf(w->c->arena, len + 1), *b = buf;
    if (p < 0)
        *b++ = '-';
    while (nd)
        *b++ = digits[--nd];
    memcpy(b, tail, sizeof tail); /* with its NUL */
    return strpool_keep(w->pool, buf);
}

static struct comparison *new_comparison(struct corpus *c)
{
    if (c->ncomparisons == c->capcomparisons)
        c->comparisons = xgrow(c->comparisons, &c->capcomparisons,
                               c->ncomparisons + 1, sizeof *c->comparisons);
    struct comparison *k = &c->comparisons[c->ncomparisons++];
    memset(k, 0, sizeof *k);
    return k;
}

#define ALIGN_EVENT "Told in other words"

/* Per clause while a group is judged: among its chosen members, linked
 * to another member. Cleared after each group. */
enum { MARK_CHOSEN = 1, MARK_LINKED = 2 };

/* The edges of eg[0..ne) whose ends are both marked `want` into in[];
 * returns how many, the lowest similarity in *low. */
static size_t edges_within(const struct edge **eg, size_t ne,
                           const unsigned char *mark, unsigned char want,
                           const struct edge **in, double *low)
{
    size_t nin = 0;
    *low = 1;
    for (size_t i = 0; i < ne; i++) {
        const struct edge *e = eg[i];
        if (!(mark[e->a] & want) || !(mark[e->b] & want))
            continue;
        in[nin++] = e;
        if (e->sim < *low)
            *low = e->sim;
    }
    return nin;
}

/* The member with the most edges to other members (the best matched on
 * a tie): the statement the group is about. */
static unsigned group_center(const struct member *m, size_t n,
                             const struct edge **in, size_t nin)
{
    unsigned center = m[0].seg;
    size_t most = 0;
    double best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t deg = 0;
        for (size_t k = 0; k < nin; k++)
            deg += in[k]->a == m[i].seg || in[k]->b == m[i].seg;
        if (deg > most || (deg == most && m[i].best > best)) {
            center = m[i].seg;
            most = deg;
            best = m[i].best;
        }
    }
    return center;
}

/* Add the comparison of the group m[0..n) (one clause per document),
 * whose kept edges are eg[0..ne). Only the members matched directly with
 * its center stay: a chain A~B~C may have drifted far from A by C. */
static void add_group(struct work *w, const struct member *m, size_t n,
                      const struct edge **eg, size_t ne,
                      unsigned char *mark, unsigned event_id)
{
    for (size_t i = 0; i < n; i++)
        mark[m[i].seg] = MARK_CHOSEN;
    const struct edge **in = xmalloc((ne + 1) * sizeof *in);
    double low;
    size_t nin = edges_within(eg, ne, mark, MARK_CHOSEN, in, &low);
    unsigned center = group_center(m, n, in, nin);
    for (size_t k = 0; k < nin; k++)
        if (in[k]->a == center || in[k]->b == center) {
            mark[in[k]->a] |= MARK_LINKED;
            mark[in[k]->b] |= MARK_LINKED;
        }
    nin = edges_within(eg, ne, mark, MARK_LINKED, in, &low);
    struct member *kept = xmalloc((n + 1) * sizeof *kept);
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (mark[m[i].seg] & MARK_LINKED)
            kept[nk++] = m[i];
    for (size_t i = 0; i < n; i++)
        mark[m[i].seg] = 0;
    if (nk >= 2) {
        struct comparison *k = new_comparison(w->c);
        k->event = ALIGN_EVENT;
        k->event_id = event_id;
        k->kind = CLAIM_STATEMENT;
        k->verdict = low >= AGREE_SIM ? VERDICT_AGREE : VERDICT_PARTIAL;
        k->why = k->verdict == VERDICT_AGREE
                     ? "near-identical rare content words"
                     : "overlapping rare content words";
        k->note = shared_note(w, low);
        const struct edge *first = NULL;
        for (size_t i = 0; i < nin && !first; i++)
            if (in[i]->a == kept[0].seg || in[i]->b == kept[0].seg)
                first = in[i];
        k->topic = topic_of(w, ALIGN_EVENT, kept[0].seg, first);
        k->values = arena_alloc(w->c->arena, nk * sizeof *k->values);
        for (size_t i = 0; i < nk; i++) {
            struct span sp = member_span(w, kept[i].seg, in, nin);
            k->values[i] = (struct cmp_value){
                .doc = kept[i].doc, .claim = add_claim(w, kept[i].seg, sp)};
        }
        k->nvalues = nk;
    }
    free(kept);
    free(in);
}

/* A kept edge and the group it joins. */
struct gedge {
    unsigned root;
    size_t edge;
};

/* Group the clauses joined by kept edges; add one comparison per group,
 * one event per story, numbered after every other event. */
static void make_groups(struct work *w)
{
    unsigned *uf = xmalloc((w->nseg + 1) * sizeof *uf);
    double *best = xcalloc(w->nseg + 1, sizeof *best);
    for (unsigned i = 0; i < w->nseg; i++)
        uf[i] = i;
    size_t nk = 0;
    for (size_t i = 0; i < w->ne; i++) {
        const struct edge *e = &w->e[i];
        if (!e->keep)
            continue;
        nk++;
        uf_union(uf, e->a, e->b);
        if (e->sim > best[e->a])
            best[e->a] = e->sim;
        if (e->sim > best[e->b])
            best[e->b] = e->sim;
    }
    struct gedge *ge = xmalloc((nk + 1) * sizeof *ge);
    const struct edge **eg = xmalloc((nk + 1) * sizeof *eg);
    nk = 0;
    for (size_t i = 0; i < w->ne; i++)
        if (w->e[i].keep)
            ge[nk++] = (struct gedge){uf_find(uf, w->e[i].a), i};
    /* pushed in edge order: a stable sort by root gives (root, edge) */
    rsort_by_u32(ge, nk, sizeof *ge, offsetof(struct gedge, root));
    struct member *m = xmalloc((w->nseg + 1) * sizeof *m);
    size_t nm = 0;
    for (unsigned i = 0; i < w->nseg; i++)
        if (best[i] > 0)
            m[nm++] = (struct member){w->seg[i].story, uf_find(uf, i),
                                      w->seg[i].doc, i, best[i]};
    qsort(m, nm, sizeof *m, cmp_member);
    unsigned next = w->next_event, story_event = 0, story = (unsigned)-1;
    struct member *one = xmalloc((nm + 1) * sizeof *one);
    unsigned char *mark = xcalloc(w->nseg + 1, 1);
    for (size_t i = 0; i < nm;) {
        size_t j = i, n = 0;
        while (j < nm && m[j].root == m[i].root) {
            if (!n || one[n - 1].doc != m[j].doc)
                one[n++] = m[j];
            j++;
        }
        size_t g = 0, hi = nk, ne = 0;
        while (g < hi) { /* the group's first edge */
            size_t mid = g + (hi - g) / 2;
            if (ge[mid].root < m[i].root)
                g = mid + 1;
            else
                hi = mid;
        }
        while (g + ne < nk && ge[g + ne].root == m[i].root) {
            eg[ne] = &w->e[ge[g + ne].edge];
            ne++;
        }
        if (m[i].story != story) {
            story = m[i].story;
            story_event = ++next;
        }
        add_group(w, one, n, eg, ne, mark, story_event);
        i = j;
    }
    w->next_event = next;
    free(mark);
    free(one);
    free(m);
    free(eg);
    free(ge);
    free(best);
    free(uf);
}

/* ---- why and how ----------------------------------------------------------- */

/* An event frame of a document whose event has a comparison already. */
struct fevent {
    unsigned doc, frame;
    unsigned event_id;
    const char *event; /* the event's title */
};

/* The frames the comparisons made so far speak for (single ones too),
 * sorted, one entry per frame (its first event). */
static struct fevent *frame_events(const struct corpus *c, size_t *n)
{
    size_t cap = 1;
    struct fevent *v = xmalloc(sizeof *v);
    *n = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        /* a single value still tells which event its frame is of */
        for (size_t j = 0; j < k->nvalues; j++) {
            const struct doc *d = c->docs[k->values[j].doc];
            const struct claim *cl = claim_nth(d, k->values[j].claim);
            if (!cl->frame || !cl->cls)
                continue;
            if (*n == cap)
                v = xgrow(v, &cap, *n + 1, sizeof *v);
            v[(*n)++] = (struct fevent){k->values[j].doc, cl->frame,
                                        k->event_id, k->event};
        }
    }
    /* by document, frame, event id; stable, as glibc's qsort (a merge
     * sort) was, so the first event of a frame stays its first */
    rsort_by_u32(v, *n, sizeof *v, offsetof(struct fevent, event_id));
    rsort_by_u32(v, *n, sizeof *v, offsetof(struct fevent, frame));
    rsort_by_u32(v, *n, sizeof *v, offsetof(struct fevent, doc));
    size_t u = 0;
    for (size_t i = 0; i < *n; i++)
        if (!u || v[u - 1].doc != v[i].doc || v[u - 1].frame != v[i].frame)
            v[u++] = v[i];
    *n = u;
    return v;
}

/* One why or how clause of an event in one document. */
struct detail {
    unsigned event_id;
    bool how;
    unsigned doc, sent;
    const char *event;
    struct span span;
    unsigned *ids; /* its content stems, sorted, distinct (heap) */
    size_t nids;
};

static int cmp_detail(const void *x, const void *y)
{
    const struct detail *a = x, *b = y;
    if (a->event_id != b->event_id)
        return a->event_id < b->event_id ? -1 : 1;
    if (a->how != b->how)
        return a->how ? 1 : -1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return (a->span.start > b->span.start) - (a->span.start < b->span.start);
}

/* Does cue c start at token i of tk[0..n) (words compared folded)? */
static bool cue_at(const struct doc *d, const struct atok *tk, size_t n,
                   size_t i, const struct cue *c)
{
    if (i + c->n > n)
        return false;
    for (size_t k = 0; k < c->n; k++) {
        const struct atok *t = &tk[i + k];
        size_t len = t->len;
        if (t->kind != TOK_WORD || len != c->len[k] ||
            strncasecmp(d->text + t->start, c->words[k], len))
            return false;
    }
    return true;
}

/* The longest cue at token i, or NULL. */
static const struct cue *cue_match(const struct aligner *al,
                                   const struct doc *d, const struct atok *tk,
                                   size_t n, size_t i)
{
    if (tk[i].kind != TOK_WORD)
        return NULL;
    int id = scan_map_get(al->first, d->text + tk[i].start, tk[i].len);
    const struct cue *best = NULL;
    for (int k = id >= 0 ? al->head[id] : -1; k >= 0; k = al->cues[k].next)
        if ((!best || al->cues[k].n > best->n) &&
            cue_at(d, tk, n, i, &al->cues[k]))
            best = &al->cues[k];
    return best;
}

/* Where the clause opened by cue c at token i of tk[0..n) ends (one past
 * its last token): at a comma or clause word, WHY_WORDS on; a how clause
 * also at the first word after the cue that is no content word or a
 * locative preposition ("from the ground | over the area"). */
static size_t clause_end(struct work *w, const struct doc *d,
                         const struct atok *tk, size_t n, size_t i,
                         const struct cue *c)
{
    size_t j = i + c->n;
    size_t max = i + c->n + (c->how ? HOW_WORDS : WHY_WORDS);
    for (; j < n && j < max; j++) {
        const char *text = d->text + tk[j].start;
        size_t len = tk[j].len;
        if (tk[j].kind == TOK_PUNCT && punct_breaks(text, len))
            break;
        if (tk[j].kind == TOK_PUNCT && len == 1 && strchr(".!?", text[0]))
            break;
        if (tk[j].kind != TOK_WORD)
            continue;
        if (scan_map_get(w->al->breaks, text, len) >= 0)
            break;
        size_t ln;
        const char *low = lower_word(w, text, len, &ln);
        if (c->how && (ln < 3 || scan_map_get(w->al->stop, low, ln) >= 0 ||
                       scan_map_get(w->al->preps, low, ln) >= 0))
            break;
    }
    return j;
}

/* The distinct content stems of tk[a..b), names included: within one
 * event the names of its places are part of what a clause says. */
static unsigned *clause_stems(struct work *w, const struct doc *d,
                              const struct atok *tk, size_t a, size_t b,
                              size_t *n)
{
    unsigned *ids = xmalloc((b - a + 1) * sizeof *ids);
    *n = 0;
    for (size_t t = a; t < b; t++) {
        if (tk[t].kind != TOK_WORD)
            continue;
        size_t ln;
        const char *low = lower_word(w, d->text + tk[t].start,
                                     tk[t].len, &ln);
        int id = stem_id(w, low, ln);
        if (id >= 0)
            ids[(*n)++] = (unsigned)id;
    }
    rsort_by_u32(ids, *n, sizeof *ids, 0);
    size_t u = 0;
    for (size_t i = 0; i < *n; i++)
        if (!u || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    *n = u;
    return ids;
}

/* Token index in tk[0..n) of the first token ending after byte pos. */
static size_t tok_after(const struct atok *tk, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tok_end(&tk[mid]) <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The sentence whose tokens w->tk[t0..) hold, kept from one event claim
 * to the next: a quarter of the claims details reads share the sentence
 * of the claim before. */
struct sent_toks {
    const struct doc *d; /* NULL: none yet */
    unsigned sent;
    size_t t0;
};

/* The why and how clauses near the predicate of event claim cl (frame
 * fe) of document d, appended to *v. The sentence's tokens go to w->tk
 * from sc->t0 on, unless sc says they are there already. */
static void event_details(struct work *w, const struct doc *d,
                          const struct claim *cl, const struct fevent *fe,
                          struct sent_toks *sc, struct detail **v, size_t *n,
                          size_t *cap)
{
    size_t t0 = sc->t0;
    if (sc->d != d || sc->sent != cl->sentence) {
        w->ntk = t0;
        scan_sentence(w, d, d->sents[cl->sentence].span);
        sc->d = d;
        sc->sent = cl->sentence;
    }
    const struct atok *tk = w->tk + t0;
    size_t nt = w->ntk - t0;
    size_t e0 = tok_after(tk, nt, cl->span.start);
    size_t e1 = tok_after(tk, nt, cl->span.end);
    bool seen[2] = {false, false};
    for (size_t i = e0 > CUE_REACH ? e0 - CUE_REACH : 0;
         i < nt && i <= e1 + CUE_REACH; i++) {
        const struct cue *c = cue_match(w->al, d, tk, nt, i);
        if (!c || seen[c->how])
            continue;
        seen[c->how] = true;
        size_t end = clause_end(w, d, tk, nt, i, c);
        if (*n == *cap)
            *v = xgrow(*v, cap, *n + 1, sizeof **v);
        struct detail *x = &(*v)[(*n)++];
        *x = (struct detail){fe->event_id, c->how, fe->doc, cl->sentence,
                             fe->event,
                             {tk[i].start, tok_end(&tk[end - 1])},
                             NULL, 0};
        x->ids = clause_stems(w, d, tk, i, end, &x->nids);
        i = end - 1;
    }
}

/* Dice of two sorted stem lists. */
static double stem_dice(const unsigned *a, size_t na, const unsigned *b,
                        size_t nb)
{
    size_t i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            both++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return na + nb ? 2.0 * (double)both / (double)(na + nb) : 0;
}

/* Add the comparison of the why or how clauses v[0..n) of one event, one
 * per document (the first each names). */
static void judge_details(struct work *w, const struct detail *v, size_t n)
{
    const struct detail **r = xmalloc((n + 1) * sizeof *r);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || r[m - 1]->doc != v[i].doc)
            r[m++] = &v[i];
    if (m >= 2) {
        double low = 1;
        for (size_t i = 0; i < m; i++)
            for (size_t j = i + 1; j < m; j++) {
                double sim = stem_dice(r[i]->ids, r[i]->nids, r[j]->ids,
                                       r[j]->nids);
                if (sim < low)
                    low = sim;
            }
        struct comparison *k = new_comparison(w->c);
        k->event = v[0].event;
        k->event_id = v[0].event_id;
        k->topic = strpool_keep(w->pool,
                                arena_printf(w->c->arena, "%s: %s", v[0].event,
                                             v[0].how ? "how" : "why"));
        k->kind = CLAIM_STATEMENT;
        k->verdict = low >= AGREE_SIM ? VERDICT_AGREE : VERDICT_PARTIAL;
        k->why = k->verdict == VERDICT_AGREE
                     ? "near-identical content words"
                     : "clauses of one event in different words";
        k->note = shared_note(w, low);
        k->values = arena_alloc(w->c->arena, m * sizeof *k->values);
        for (size_t i = 0; i < m; i++) {
            struct doc *d = w->c->docs[r[i]->doc];
            unsigned at;
            struct claim *cl =
                new_claim(w, r[i]->doc, r[i]->sent, r[i]->span,
                          r[i]->how ? ALIGN_HOW : ALIGN_WHY, &at);
            cl->text = arena_strndup(
                d->arena, d->text + r[i]->span.start,
                r[i]->span.end - r[i]->span.start);
            k->values[i] = (struct cmp_value){.doc = r[i]->doc, .claim = at};
        }
        k->nvalues = m;
    }
    free(r);
}

/* Why and how: the cue clauses next to the predicates of events that
 * have comparisons, compared across the documents of each event. */
/* An event claim that may have details: its frame, its index. */
struct fclaim {
    unsigned frame;
    size_t k;
};

/* The event claims of d that may have details (not negated, in a
 * sentence) into *v (capacity *cap, grown as needed), by frame, in claim
 * order within a frame; returns how many. details used to walk every
 * claim of a document once for each of its frames. */
static size_t frame_claims(const struct doc *d, struct fclaim **v,
                           size_t *cap)
{
    size_t n = 0;
    for (size_t k = 0; k < d->nclaims; k++) {
        const struct claim *cl = &d->claims[k];
        if (cl->kind != CLAIM_EVENT || !cl->frame || cl->negated ||
            cl->sentence >= d->nsents)
            continue;
        if (n == *cap)
            *v = xgrow(*v, cap, n + 1, sizeof **v);
        (*v)[n++] = (struct fclaim){cl->frame, k};
    }
    /* stable: claim order kept within a frame. Frames come in claim
     * order in every corpus measured, but nothing promises it, and a
     * branch for the sorted case would be one no input reaches. */
    rsort_by_u32(*v, n, sizeof **v, offsetof(struct fclaim, frame));
    return n;
}

static void details(struct work *w)
{
    size_t nf, n = 0, cap = 1;
    struct fevent *fe = frame_events(w->c, &nf);
    struct detail *v = xmalloc(sizeof *v);
    struct sent_toks sc = {NULL, 0, w->ntk};
    struct fclaim *ec = NULL;
    size_t capec = 0;
    /* fe is by document, then frame: one walk over a document's claims
     * serves all its frames, in the order a walk per frame took them */
    for (size_t i = 0, j; i < nf; i = j) {
        const struct doc *d = w->c->docs[fe[i].doc];
        size_t nec = frame_claims(d, &ec, &capec), e = 0;
        for (j = i; j < nf && fe[j].doc == fe[i].doc; j++) {
            while (e < nec && ec[e].frame < fe[j].frame)
                e++;
            for (; e < nec && ec[e].frame == fe[j].frame; e++)
                event_details(w, d, &d->claims[ec[e].k], &fe[j], &sc, &v,
                              &n, &cap);
        }
    }
    free(ec);
    w->ntk = sc.t0; /* the tokens were scratch */
    if (n)
        qsort(v, n, sizeof *v, cmp_detail);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].event_id == v[i].event_id && v[j].how == v[i].how)
            j++;
        judge_details(w, v + i, j - i);
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].ids);
    free(v);
    free(fe);
}

/* ---- driver ---------------------------------------------------------------------- */

static void drop_old_claims(struct corpus *c)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        struct doc *d = c->docs[i];
        free(d->aligned);
        d->aligned = NULL;
        d->naligned = 0;
        /* a record read back may hold some in claims */
        while (d->nclaims && align_is_aligned(&d->claims[d->nclaims - 1]))
            d->nclaims--;
    }
}

/* Segment documents di[0..n), align their clauses, add the comparisons
 * and claims, and forget the clauses. */
static void align_docs(struct work *w, const unsigned *di, size_t n,
                       const struct span *h, const size_t *h0)
{
    for (size_t i = 0; i < n; i++)
        segment_doc(w, di[i], h + h0[di[i]], h0[di[i] + 1] - h0[di[i]]);
    size_t nr, nc;
    struct rec *r = records(w, &nr);
    weigh(w, r, nr);
    choose_keys(w);
    struct cand *cand = candidates(w, r, nr, &nc);
    free(r);
    judge_candidates(w, cand, nc);
    free(cand);
    keep_best(w);
    make_groups(w);
    w->nseg = w->nst = w->nocc = w->ntk = w->nthing = w->ne = 0;
}

/* A document and its story, for putting documents in story order. */
struct sdoc {
    unsigned story, doc;
};

static int cmp_sdoc(const void *x, const void *y)
{
    const struct sdoc *a = x, *b = y;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

void align_run(const struct aligner *al, struct corpus *c)
{
    drop_old_claims(c);
    struct work w;
    memset(&w, 0, sizeof w);
    w.al = al;
    w.c = c;
    w.stemmer = sb_stemmer_new("english", NULL);
    w.ids = scan_map_new();
    w.words = scan_map_new();
    w.forms = scan_map_new();
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (c->comparisons[i].event_id > w.next_event)
            w.next_event = c->comparisons[i].event_id;
    w.nnew = xcalloc(c->ndocs + 1, sizeof *w.nnew);
    w.pool = strpool_new(c->arena);
    details(&w);
    flush_claims(&w);
    size_t nh;
    struct held *hd = held_spans(c, &nh);
    w.cref = conflict_refs(c, &w.ncref);
    /* h0[di]: the first held span of document di */
    size_t *h0 = xmalloc((c->ndocs + 1) * sizeof *h0);
    for (size_t di = 0, k = 0; di <= c->ndocs; di++) {
        while (k < nh && hd[k].doc < di)
            k++;
        h0[di] = k;
    }
    /* h0 says whose each span is: the spans alone are two thirds of the
     * size, held through every story */
    struct span *h = xmalloc((nh + 1) * sizeof *h);
    for (size_t k = 0; k < nh; k++)
        h[k] = hd[k].sp;
    free(hd);
    struct sdoc *sd = xmalloc((c->ndocs + 1) * sizeof *sd);
    unsigned *order = xmalloc((c->ndocs + 1) * sizeof *order);
    w.sent0 = xmalloc((c->ndocs + 1) * sizeof *w.sent0);
    w.sent0[0] = 0;
    for (size_t di = 0; di < c->ndocs; di++)
        w.sent0[di + 1] = w.sent0[di] + c->docs[di]->nsents;
    w.live = xcalloc(w.sent0[c->ndocs] / 8 + 1, 1);
    w.marking = true;
    /* Stem ids are given out in document order, and the rarest-stem
     * tie-breaks and the order weights are summed in follow them: a
     * first pass over every document, keeping nothing but the ids, gives
     * them out as aligning the whole corpus at once did. */
    for (unsigned di = 0; di < c->ndocs; di++) {
        sd[di] = (struct sdoc){c->docs[di]->story, di};
        segment_doc(&w, di, h + h0[di], h0[di + 1] - h0[di]);
        w.nseg = w.nst = w.nocc = w.ntk = w.nthing = 0;
    }
    /* Then story by story: clauses meet only within their story, so the
     * working arrays hold the largest story, not the corpus. */
    w.marking = false;
    qsort(sd, c->ndocs, sizeof *sd, cmp_sdoc);
    for (size_t i = 0; i < c->ndocs; i++)
        order[i] = sd[i].doc;
    for (size_t i = 0; i < c->ndocs;) {
        size_t j = i;
        while (j < c->ndocs && sd[j].story == sd[i].story)
            j++;
        align_docs(&w, order + i, j - i, h, h0);
        flush_claims(&w);
        for (size_t k = i; c->free_sentences && k < j; k++)
            doc_compact(c->docs[order[k]], 0);
        i = j;
    }
    free(order);
    free(sd);
    free(h0);
    free(w.live);
    free(w.sent0);
    free(h);
    sb_stemmer_delete(w.stemmer);
    scan_map_free(w.ids);
    scan_map_free(w.words);
    scan_map_free(w.forms);
    free(w.form);
    formtab_free(&w.ftab);
    free(w.sform);
    free(w.word_stem);
    free(w.seg);
    free(w.st);
    free(w.occ);
    free(w.e);
    free(w.thing);
    free(w.tk);
    free(w.cref);
    free(w.low);
    free(w.pend);
    free(w.nnew);
    free(w.sid);
    free(w.rare);
    strpool_free(w.pool);
}
