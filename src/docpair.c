/* docpair.c - pair sums from a document-by-feature index (docpair.h). */
#include "claimdiff/docpair.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/rsort.h"

struct feature {
    size_t off, n; /* its members: s->members[off..off+n) */
    double w;
    bool word;
};

struct member {
    unsigned doc;
    bool named;
};

struct docpair_set {
    size_t ndocs;
    struct feature *feats;
    size_t nfeats, capfeats;
    struct member *members;
    size_t nmembers, capmembers;
};

struct docpair_set *docpair_new(size_t ndocs)
{
    struct docpair_set *s = xcalloc(1, sizeof *s);
    s->ndocs = ndocs;
    return s;
}

void docpair_free(struct docpair_set *s)
{
    if (!s)
        return;
    free(s->feats);
    free(s->members);
    free(s);
}

void docpair_feature(struct docpair_set *s, double w, bool word)
{
    if (s->nfeats == s->capfeats)
        s->feats = xgrow(s->feats, &s->capfeats, s->nfeats + 1,
                         sizeof *s->feats);
    s->feats[s->nfeats++] = (struct feature){s->nmembers, 0, w, word};
}

void docpair_add(struct docpair_set *s, unsigned doc, bool named)
{
    if (s->nmembers == s->capmembers)
        s->members = xgrow(s->members, &s->capmembers, s->nmembers + 1,
                           sizeof *s->members);
    s->members[s->nmembers++] = (struct member){doc, named};
    s->feats[s->nfeats - 1].n++;
}

/* One membership seen from its document: feature f, position i in it. */
struct slot {
    size_t f, i;
};

/* Per document b, what the current a shares with it so far. */
struct acc {
    struct docpair_sum *sum;
    unsigned *touched; /* the b with sum[b].n > 0, in the order met */
    size_t ntouched;
    uint64_t *bits; /* the same b as bits: zero between documents a */
};

/* Reading the later documents' bits costs one word per 64 documents;
 * sorting the touched ones costs a few passes over them. The bits are
 * read while they are fewer than this many words per touched document
 * (plus a few), which on a corpus of stories (a document shares with
 * the tens of documents of its story and a few more) is nearly always:
 * in the order of b either way. */
#define DOCPAIR_WORDS_PER_TOUCHED 4

/* The memberships of each document, in feature order: by[start[d] ..
 * start[d + 1]). Filled feature by feature, so each document's run comes
 * out in increasing f, the order the pair list's stable sort kept. */
static struct slot *index_by_doc(const struct docpair_set *s, size_t **startp)
{
    size_t *start = xcalloc(s->ndocs + 2, sizeof *start);
    struct slot *by = xmalloc((s->nmembers + 1) * sizeof *by);
    for (size_t k = 0; k < s->nmembers; k++)
        start[s->members[k].doc + 2]++;
    for (size_t d = 2; d < s->ndocs + 2; d++)
        start[d] += start[d - 1];
    for (size_t f = 0; f < s->nfeats; f++)
        for (size_t i = 0; i < s->feats[f].n; i++) {
            unsigned d = s->members[s->feats[f].off + i].doc;
            by[start[d + 1]++] = (struct slot){f, i};
        }
    *startp = start;
    return by;
}

/* Add to acc what document a shares through feature f, where a is its
 * i-th document: only later documents, so each pair is met once, from
 * its smaller document. */
static void add_feature(const struct docpair_set *s, size_t f, size_t i,
                        struct acc *acc)
{
    const struct feature *ft = &s->feats[f];
    const struct member *m = s->members + ft->off;
    for (size_t j = i + 1; j < ft->n; j++) {
        if (ft->word && m[i].named && m[j].named)
            continue;
        struct docpair_sum *x = &acc->sum[m[j].doc];
        if (x->n == 0) {
            acc->touched[acc->ntouched++] = m[j].doc;
            acc->bits[m[j].doc >> 6] |= (uint64_t)1 << (m[j].doc & 63);
            x->first_w = ft->w;
            x->first_word = ft->word;
        }
        x->shared += ft->w;
        x->n++;
    }
}

/* Call fn for document a and each b it shares with, b ascending, and
 * clear acc for the next a. */
static void report_pairs(const struct docpair_set *s, unsigned a,
                         struct acc *acc,
                         void (*fn)(void *ctx, unsigned a, unsigned b,
                                    const struct docpair_sum *sum),
                         void *ctx)
{
    size_t lo = ((size_t)a + 1) >> 6, hi = s->ndocs >> 6;
    if (hi - lo + 1 <= DOCPAIR_WORDS_PER_TOUCHED * acc->ntouched + 16) {
        for (size_t w = lo; w <= hi; w++)
            for (uint64_t x = acc->bits[w]; x; x &= x - 1) {
                unsigned b = (unsigned)(w << 6) + (unsigned)__builtin_ctzll(x);
                fn(ctx, a, b, &acc->sum[b]);
                memset(&acc->sum[b], 0, sizeof acc->sum[b]);
            }
        memset(acc->bits + lo, 0, (hi - lo + 1) * sizeof *acc->bits);
        return;
    }
    rsort_by_u32(acc->touched, acc->ntouched, sizeof *acc->touched, 0);
    for (size_t k = 0; k < acc->ntouched; k++) {
        unsigned b = acc->touched[k];
        fn(ctx, a, b, &acc->sum[b]);
        memset(&acc->sum[b], 0, sizeof acc->sum[b]);
        acc->bits[b >> 6] = 0;
    }
}

void docpair_each(const struct docpair_set *s,
                  void (*fn)(void *ctx, unsigned a, unsigned b,
                             const struct docpair_sum *sum),
                  void *ctx)
{
    size_t *start;
    struct slot *by = index_by_doc(s, &start);
    struct acc acc = {xcalloc(s->ndocs + 1, sizeof *acc.sum),
                      xmalloc((s->ndocs + 1) * sizeof *acc.touched), 0,
                      xcalloc((s->ndocs >> 6) + 1, sizeof *acc.bits)};
    for (size_t a = 0; a < s->ndocs; a++) {
        acc.ntouched = 0;
        for (size_t k = start[a]; k < start[a + 1]; k++)
            add_feature(s, by[k].f, by[k].i, &acc);
        report_pairs(s, (unsigned)a, &acc, fn, ctx);
    }
    free(acc.sum);
    free(acc.touched);
    free(acc.bits);
    free(by);
    free(start);
}
