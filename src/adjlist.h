/* adjlist.h - private neighbour lists of link.c's story clustering: each
 * cluster's summed similarity to its neighbour clusters. Not part of the
 * public API. Ids are cluster roots when written; they go stale as
 * clusters merge and are mapped through the union-find (unionfind.h)
 * when a list is settled. Lists and the scratch own their arrays
 * (adj_list_free, adj_scratch_free).
 */
#ifndef CLAIMDIFF_ADJLIST_H
#define CLAIMDIFF_ADJLIST_H

#include <limits.h>  /* UINT_MAX */
#include <stdbool.h> /* bool */
#include <stddef.h> /* size_t, offsetof */
#include <stdint.h> /* uint64_t */
#include <stdlib.h> /* free */
#include <string.h> /* memcpy, memset */

#include "claimdiff/arena.h" /* xgrow, xmalloc */
#include "claimdiff/rsort.h" /* rsort_by_u32 */
#include "unionfind.h"

struct adj {
    unsigned to;
    double sum;
};

struct adj_list {
    struct adj *v;
    size_t n, cap;
};

/* What adj_settle needs per id (ids below n): a slot per id (UINT_MAX
 * between calls), a bit per id (all clear between calls) and room to
 * order a list. */
struct adj_scratch {
    unsigned *slot;
    uint64_t *bits;
    size_t n, nwords;
    struct adj *tmp;
    size_t tmpcap;
};

static inline void adj_scratch_init(struct adj_scratch *x, size_t n)
{
    x->n = n;
    x->slot = xmalloc((n + 1) * sizeof *x->slot);
    memset(x->slot, 0xff, (n + 1) * sizeof *x->slot);
    x->nwords = n / 64 + 1;
    x->bits = xcalloc(x->nwords, sizeof *x->bits);
    x->tmp = NULL;
    x->tmpcap = 0;
}

static inline void adj_scratch_free(struct adj_scratch *x)
{
    free(x->slot);
    free(x->bits);
    free(x->tmp);
}

static inline void adj_add(struct adj_list *l, unsigned to, double sum)
{
    if (l->n == l->cap)
        l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = (struct adj){to, sum};
}

/* Append all of from to l, in from's order. */
static inline void adj_append(struct adj_list *l, const struct adj_list *from)
{
    if (!from->n)
        return;
    if (l->n + from->n > l->cap)
        l->v = xgrow(l->v, &l->cap, l->n + from->n, sizeof *l->v);
    memcpy(l->v + l->n, from->v, from->n * sizeof *l->v);
    l->n += from->n;
}

/* True if adj_settle would leave l as it is: its ids are roots other than
 * self, strictly ascending. One compare per entry, where settling costs
 * a slot and a bit per entry: lists built pair by pair in document order
 * start out so. */
static inline bool adj_settled(const struct adj_list *l, const unsigned *uf,
                               unsigned self)
{
    for (size_t i = 0; i < l->n; i++) {
        unsigned to = l->v[i].to;
        if (uf[to] != to || to == self || (i && to <= l->v[i - 1].to))
            return false;
    }
    return true;
}

/* l's first o entries hold distinct ids, each with its bit set and its
 * index in x->slot: order them by id, reading the ids off the bits, and
 * leave x clear. Costs o plus the words the ids span. */
static inline void adj_order_by_bits(struct adj_list *l, size_t o,
                                     struct adj_scratch *x, size_t lo,
                                     size_t hi)
{
    if (o > x->tmpcap)
        x->tmp = xgrow(x->tmp, &x->tmpcap, o, sizeof *x->tmp);
    size_t k = 0;
    for (size_t w = lo; w <= hi; w++) {
        uint64_t b = x->bits[w];
        x->bits[w] = 0;
        while (b) {
            unsigned id = (unsigned)(w * 64 + (unsigned)__builtin_ctzll(b));
            b &= b - 1;
            x->tmp[k++] = l->v[x->slot[id]];
            x->slot[id] = UINT_MAX;
        }
    }
    memcpy(l->v, x->tmp, o * sizeof *l->v);
}

/* Map l's ids to current roots (uf), drop self, sum duplicates, order by
 * root. Each root's sums are added in list order, as summing after a
 * stable sort by root would. A list still in order is left as it is; one
 * out of order is ordered off a bit per id when its ids span few words
 * for its length, else radix-sorted: the three give the same order, the
 * keys being distinct. */
static inline void adj_settle(struct adj_list *l, unsigned *uf,
                              struct adj_scratch *x, unsigned self)
{
    size_t o = 0;
    unsigned *slot = x->slot;
    unsigned prev = 0, lo = UINT_MAX, hi = 0;
    int sorted = 1;
    for (size_t i = 0; i < l->n; i++) {
        unsigned to = uf_find(uf, l->v[i].to);
        if (to == self)
            continue;
        if (slot[to] != UINT_MAX) {
            l->v[slot[to]].sum += l->v[i].sum;
            continue;
        }
        if (o && to < prev)
            sorted = 0;
        prev = to;
        lo = to < lo ? to : lo;
        hi = to > hi ? to : hi;
        slot[to] = (unsigned)o;
        x->bits[to / 64] |= (uint64_t)1 << (to % 64);
        l->v[o++] = (struct adj){to, l->v[i].sum};
    }
    l->n = o;
    if (!o)
        return;
    if (!sorted && hi / 64 - lo / 64 <= 2 * o) {
        adj_order_by_bits(l, o, x, lo / 64, hi / 64);
        return;
    }
    for (size_t i = 0; i < o; i++) {
        slot[l->v[i].to] = UINT_MAX;
        x->bits[l->v[i].to / 64] = 0;
    }
    if (!sorted)
        rsort_by_u32(l->v, o, sizeof *l->v, offsetof(struct adj, to));
}

#endif
