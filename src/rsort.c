/* rsort.c - least-significant-digit radix sort, one byte per pass. */
#include "claimdiff/rsort.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/hash.h"

/* Below this, insertion sort beats four 256-entry counting passes. */
#define RSORT_SMALL 48

static unsigned key_at(const unsigned char *rec, size_t key_offset)
{
    unsigned k;
    memcpy(&k, rec + key_offset, sizeof k);
    return k;
}

static void insertion_sort(unsigned char *base, size_t n, size_t size,
                           size_t key_offset, unsigned char *hold)
{
    for (size_t i = 1; i < n; i++) {
        unsigned k = key_at(base + i * size, key_offset);
        size_t j = i;
        /* strictly greater only: equal keys keep their order */
        while (j > 0 && key_at(base + (j - 1) * size, key_offset) > k)
            j--;
        if (j == i)
            continue;
        memcpy(hold, base + i * size, size);
        memmove(base + (j + 1) * size, base + j * size, (i - j) * size);
        memcpy(base + j * size, hold, size);
    }
}

/* One stable counting pass on the byte at shift; false (nothing moved)
 * when every key has the same byte there. */
#if defined(__GNUC__)
#define RSORT_INLINE inline __attribute__((always_inline))
#else
#define RSORT_INLINE inline
#endif

static RSORT_INLINE int radix_pass(const unsigned char *from, unsigned char *to, size_t n,
                      size_t size, size_t key_offset, unsigned shift)
{
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(key_at(from + i * size, key_offset) >> shift) & 0xff]++;
    for (size_t d = 0; d < 256; d++)
        if (count[d] == n)
            return 0;
    size_t at = 0;
    for (size_t d = 0; d < 256; d++) {
        size_t c = count[d];
        count[d] = at;
        at += c;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *rec = from + i * size;
        unsigned d = (key_at(rec, key_offset) >> shift) & 0xff;
        memcpy(to + count[d]++ * size, rec, size);
    }
    return 1;
}

/* The record sizes the callers use get a pass of their own, where the
 * copy is a constant-size move instead of a memcpy call. */
static int sized_pass(const unsigned char *from, unsigned char *to, size_t n,
                      size_t size, size_t key_offset, unsigned shift)
{
    switch (size) {
    case 8:
        return radix_pass(from, to, n, 8, key_offset, shift);
    case 16:
        return radix_pass(from, to, n, 16, key_offset, shift);
    case 24:
        return radix_pass(from, to, n, 24, key_offset, shift);
    default:
        return radix_pass(from, to, n, size, key_offset, shift);
    }
}

void rsort_by_u32(void *base, size_t n, size_t size, size_t key_offset)
{
    if (n < 2)
        return;
    if (n < RSORT_SMALL) {
        unsigned char stack[64];
        unsigned char *hold = size <= sizeof stack ? stack : xmalloc(size);
        insertion_sort(base, n, size, key_offset, hold);
        if (hold != stack)
            free(hold);
        return;
    }
    unsigned char *a = base;
    unsigned top = 0;
    int sorted = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned k = key_at(a + i * size, key_offset);
        if (i && k < key_at(a + (i - 1) * size, key_offset))
            sorted = 0;
        top |= k;
    }
    if (sorted)
        return;
    unsigned char *b = xmalloc(n * size);
    /* bytes above the largest key's highest are zero in every key */
    for (unsigned shift = 0; shift < 32 && top >> shift; shift += 8)
        if (sized_pass(a, b, n, size, key_offset, shift)) {
            unsigned char *t = a;
            a = b;
            b = t;
        }
    if (a != base) {
        memcpy(base, a, n * size);
        b = a;
    }
    free(b);
}

/* ---- 128-bit keys ------------------------------------------------------- */

static unsigned key_byte(const struct rsort_key *k, unsigned shift)
{
    return (unsigned)((shift < 64 ? k->lo >> shift : k->hi >> (shift - 64)) &
                      0xff);
}

/* One stable scatter by the key byte at shift, from the counts of
 * that byte (turned into starts here). */
static void key_pass(const struct rsort_key *from, struct rsort_key *to,
                     size_t n, unsigned shift, size_t *count)
{
    size_t at = 0;
    for (size_t d = 0; d < 256; d++) {
        size_t c = count[d];
        count[d] = at;
        at += c;
    }
    if (shift < 64)
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].lo >> shift) & 0xff]++] = from[i];
    else
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].hi >> (shift - 64)) & 0xff]++] = from[i];
}

static int key_less(const struct rsort_key *a, const struct rsort_key *b)
{
    return a->hi != b->hi ? a->hi < b->hi : a->lo < b->lo;
}

/* Are k[0..n) in order already? Callers often sort what an earlier
 * sort left ordered, with few or no records changed since. */
static bool keys_sorted(const struct rsort_key *k, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (key_less(&k[i], &k[i - 1]))
            return false;
    return true;
}

void rsort_keys(struct rsort_key *k, size_t n, unsigned bits)
{
    if (n < 2 || keys_sorted(k, n))
        return;
    if (n < RSORT_SMALL) {
        for (size_t i = 1; i < n; i++) {
            struct rsort_key hold = k[i];
            size_t j = i;
            /* strictly less only: equal keys keep their order */
            while (j > 0 && key_less(&hold, &k[j - 1])) {
                k[j] = k[j - 1];
                j--;
            }
            k[j] = hold;
        }
        return;
    }
    unsigned passes = (bits < 128 ? bits : 128) / 8 + (bits % 8 != 0);
    /* Every pass's counts in one read of the keys. */
    size_t (*count)[256] = xcalloc(passes + 1, sizeof *count);
    unsigned plo = passes < 8 ? passes : 8;
    for (size_t i = 0; i < n; i++) {
        uint64_t lo = k[i].lo, hi = k[i].hi;
        for (unsigned p = 0; p < plo; p++)
            count[p][(lo >> 8 * p) & 0xff]++;
        for (unsigned p = 8; p < passes; p++)
            count[p][(hi >> 8 * (p - 8)) & 0xff]++;
    }
    struct rsort_key *a = k, *b = xmalloc(n * sizeof *b);
    for (unsigned p = 0; p < passes; p++) {
        /* a byte the same in every key moves nothing */
        if (count[p][key_byte(&k[0], 8 * p)] == n)
            continue;
        key_pass(a, b, n, 8 * p, count[p]);
        struct rsort_key *t = a;
        a = b;
        b = t;
    }
    free(count);
    if (a != k) {
        memcpy(k, a, n * sizeof *k);
        b = a;
    }
    free(b);
}

void rsort_apply(void *base, size_t n, size_t size, struct rsort_key *k)
{
    unsigned char *v = base, stack[64];
    unsigned char *hold = size <= sizeof stack ? stack : xmalloc(size);
    /* Follow each cycle of the permutation once, marking each place
     * done by pointing it at itself. */
    for (size_t i = 0; i < n; i++) {
        if (k[i].at == i)
            continue;
        memcpy(hold, v + i * size, size);
        size_t j = i;
        for (;;) {
            size_t from = k[j].at;
            k[j].at = j;
            if (from == i) {
                memcpy(v + j * size, hold, size);
                break;
            }
            memcpy(v + j * size, v + from * size, size);
            j = from;
        }
    }
    if (hold != stack)
        free(hold);
}

/* ---- ranks -------------------------------------------------------------- */

struct rsort_rank {
    enum rsort_rank_kind kind;
    uint64_t *val;   /* by id */
    unsigned *rank;  /* by id, once ordered */
    size_t n, capval, caprank;
    unsigned *slot;  /* open addressing: id + 1, 0 empty */
    size_t nslots;   /* a power of two, at least twice n */
    unsigned top;
};

struct rsort_rank *rsort_rank_new(enum rsort_rank_kind kind)
{
    struct rsort_rank *r = xcalloc(1, sizeof *r);
    r->kind = kind;
    r->nslots = 64;
    r->slot = xcalloc(r->nslots, sizeof *r->slot);
    return r;
}

void rsort_rank_free(struct rsort_rank *r)
{
    if (!r)
        return;
    free(r->val);
    free(r->rank);
    free(r->slot);
    free(r);
}

static size_t value_hash(uint64_t v)
{
    /* Addresses share their low bits (alignment) and days their high
     * ones: a multiply mixes both into the top bits. */
    return (size_t)((v * UINT64_C(0x9e3779b97f4a7c15)) >> 32);
}

/* The slot holding v, or the empty one where it would go. */
static size_t find_slot(const struct rsort_rank *r, uint64_t v)
{
    size_t mask = r->nslots - 1, i = value_hash(v) & mask;
    while (r->slot[i] && r->val[r->slot[i] - 1] != v)
        i = (i + 1) & mask;
    return i;
}

static void grow_slots(struct rsort_rank *r)
{
    free(r->slot);
    r->nslots *= 2;
    r->slot = xcalloc(r->nslots, sizeof *r->slot);
    for (size_t id = 0; id < r->n; id++)
        r->slot[find_slot(r, r->val[id])] = (unsigned)id + 1;
}

unsigned rsort_rank_add(struct rsort_rank *r, uint64_t v)
{
    size_t i = find_slot(r, v);
    if (r->slot[i])
        return r->slot[i] - 1;
    if (r->n == r->capval)
        r->val = xgrow(r->val, &r->capval, r->n + 1, sizeof *r->val);
    r->val[r->n] = v;
    r->slot[i] = (unsigned)++r->n;
    if (r->n * 2 > r->nslots)
        grow_slots(r);
    return (unsigned)r->n - 1;
}

/* A value and its id, for ordering the distinct values. */
struct rank_ent {
    uint64_t v;
    unsigned id;
};

static int cmp_ent_string(const void *x, const void *y)
{
    const struct rank_ent *a = x, *b = y;
    return strcmp((const char *)(uintptr_t)a->v, (const char *)(uintptr_t)b->v);
}

static int cmp_ent_signed(const void *x, const void *y)
{
    int64_t a = (int64_t)((const struct rank_ent *)x)->v;
    int64_t b = (int64_t)((const struct rank_ent *)y)->v;
    return (a > b) - (a < b);
}

/* The strings of r by content: group[id] is the index of the first id
 * holding the same bytes, among the *ndistinct such first ids listed
 * in first[]. Many addresses often hold few strings (copies made per
 * document): sorting only the distinct ones saves most of the strcmp
 * calls. */
static void group_strings(const struct rsort_rank *r, unsigned *group,
                          unsigned *first, size_t *ndistinct)
{
    size_t nslots = 16, nd = 0;
    while (nslots < 2 * r->n)
        nslots *= 2;
    unsigned *slot = xcalloc(nslots, sizeof *slot); /* distinct + 1 */
    uint64_t *hash = xmalloc((r->n + 1) * sizeof *hash); /* by distinct */
    for (size_t id = 0; id < r->n; id++) {
        const char *s = (const char *)(uintptr_t)r->val[id];
        uint64_t h = hash_bytes(s, strlen(s));
        size_t i = (size_t)h & (nslots - 1);
        while (slot[i] &&
               (hash[slot[i] - 1] != h ||
                strcmp((const char *)(uintptr_t)r->val[first[slot[i] - 1]], s)))
            i = (i + 1) & (nslots - 1);
        if (!slot[i]) {
            first[nd] = (unsigned)id;
            hash[nd] = h;
            slot[i] = (unsigned)++nd;
        }
        group[id] = slot[i] - 1;
    }
    free(slot);
    free(hash);
    *ndistinct = nd;
}

void rsort_rank_order(struct rsort_rank *r)
{
    bool strings = r->kind == RSORT_RANK_STRING;
    int (*cmp)(const void *, const void *) =
        strings ? cmp_ent_string : cmp_ent_signed;
    unsigned *group = NULL, *first = NULL;
    size_t ne = r->n;
    if (strings) {
        group = xmalloc((r->n + 1) * sizeof *group);
        first = xmalloc((r->n + 1) * sizeof *first);
        group_strings(r, group, first, &ne);
    }
    /* the values to order: every id's, or each distinct string once
     * (its entry's id then names the group) */
    struct rank_ent *e = xmalloc((ne + 1) * sizeof *e);
    for (size_t i = 0; i < ne; i++)
        e[i] = strings ? (struct rank_ent){r->val[first[i]], (unsigned)i}
                       : (struct rank_ent){r->val[i], (unsigned)i};
    qsort(e, ne, sizeof *e, cmp);
    if (r->n > r->caprank)
        r->rank = xgrow(r->rank, &r->caprank, r->n, sizeof *r->rank);
    unsigned rank = 0;
    for (size_t i = 0; i < ne; i++) {
        if (i && cmp(&e[i - 1], &e[i]))
            rank++;
        /* for strings, the group's rank for now, given out below */
        r->rank[e[i].id] = rank;
    }
    if (strings) {
        /* r->rank[0..ne) holds the groups' ranks: spread them to the
         * ids from the top down, so that none is read after written */
        for (size_t id = r->n; id-- > 0;)
            r->rank[id] = r->rank[group[id]];
    }
    r->top = rank;
    free(e);
    free(group);
    free(first);
}

unsigned rsort_rank_of(const struct rsort_rank *r, unsigned id)
{
    return r->rank[id];
}

const unsigned *rsort_rank_all(const struct rsort_rank *r)
{
    return r->rank;
}

unsigned rsort_rank_top(const struct rsort_rank *r)
{
    return r->top;
}

size_t rsort_rank_count(const struct rsort_rank *r)
{
    return r->n;
}

uint64_t rsort_rank_value(const struct rsort_rank *r, unsigned id)
{
    return r->val[id];
}

unsigned rsort_rank_find(const struct rsort_rank *r, uint64_t v)
{
    return r->rank[r->slot[find_slot(r, v)] - 1];
}
