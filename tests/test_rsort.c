/* test_rsort.c - the radix sort orders records exactly as a stable sort
 * by key would, for every record size its callers use and others. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/rsort.h"

/* A record with its key somewhere inside and its original position, so
 * stability can be checked. */
struct rec24 {
    double payload;
    unsigned key;
    unsigned pos;
    unsigned tail[2];
};

struct rec12 {
    unsigned pos, key, pad;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static unsigned next_rand(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state >> 16);
}

/* The key of the k-th record under a few shapes of key set: few
 * distinct keys (many ties), document-sized keys, full 32-bit keys with
 * only the top byte varying, and sorted input. */
static unsigned key_for(int shape, size_t k)
{
    switch (shape) {
    case 0:
        return next_rand() % 5;
    case 1:
        return next_rand() % 70000;
    case 2:
        return (next_rand() % 4) << 24 | 0x00abcdefu;
    case 3:
        return (unsigned)k / 3;
    default:
        return next_rand();
    }
}

static void check_rec24(size_t n, int shape)
{
    struct rec24 *v = calloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (struct rec24){(double)i * 0.5, key_for(shape, i),
                              (unsigned)i, {(unsigned)i, ~(unsigned)i}};
    rsort_by_u32(v, n, sizeof *v, offsetof(struct rec24, key));
    for (size_t i = 1; i < n; i++) {
        assert_true(v[i - 1].key <= v[i].key);
        if (v[i - 1].key == v[i].key)
            assert_true(v[i - 1].pos < v[i].pos);
    }
    /* every record arrived whole, once */
    unsigned char *seen = calloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned p = v[i].pos;
        assert_true(p < n);
        assert_false(seen[p]);
        seen[p] = 1;
        assert_true(v[i].payload == (double)p * 0.5);
        assert_int_equal(v[i].tail[0], p);
        assert_int_equal(v[i].tail[1], ~p);
    }
    free(seen);
    free(v);
}

static void test_sorted_stably_for_24_byte_records(void **state)
{
    (void)state;
    for (int shape = 0; shape < 5; shape++)
        for (size_t n = 0; n < 300; n += 1 + n / 4)
            check_rec24(n, shape);
    check_rec24(100000, 1);
    check_rec24(100000, 2);
}

static void test_sorted_stably_for_other_record_sizes(void **state)
{
    (void)state;
    for (int shape = 0; shape < 5; shape++)
        for (size_t n = 0; n < 2000; n += 1 + n / 3) {
            struct rec12 *v = calloc(n + 1, sizeof *v);
            for (size_t i = 0; i < n; i++)
                v[i] = (struct rec12){(unsigned)i, key_for(shape, i), 7};
            rsort_by_u32(v, n, sizeof *v, offsetof(struct rec12, key));
            for (size_t i = 1; i < n; i++) {
                assert_true(v[i - 1].key <= v[i].key);
                if (v[i - 1].key == v[i].key)
                    assert_true(v[i - 1].pos < v[i].pos);
                assert_int_equal(v[i].pad, 7);
            }
            free(v);
        }
}

/* Sorting by a second key and then by a first gives the order of both,
 * which is how the linker orders document pairs. */
static void test_two_stable_sorts_order_by_both_keys(void **state)
{
    (void)state;
    size_t n = 5000;
    struct rec12 *v = calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (struct rec12){next_rand() % 40, next_rand() % 50, 0};
    rsort_by_u32(v, n, sizeof *v, offsetof(struct rec12, key));
    rsort_by_u32(v, n, sizeof *v, offsetof(struct rec12, pos));
    for (size_t i = 1; i < n; i++) {
        assert_true(v[i - 1].pos <= v[i].pos);
        if (v[i - 1].pos == v[i].pos)
            assert_true(v[i - 1].key <= v[i].key);
    }
    free(v);
}

/* ---- 128-bit keys and ranks ---------------------------------------------- */

/* A record as compare.c sorts them: 56 bytes, its key apart. */
struct rec56 {
    uint64_t hi, lo;
    size_t pos;
    char fill[32];
};

/* The plain path: a stable order by (hi, lo), made unique by position
 * so that qsort's own stability does not matter. */
static int cmp_rec56(const void *x, const void *y)
{
    const struct rec56 *a = x, *b = y;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static uint64_t rand64(void)
{
    return (uint64_t)next_rand() << 40 ^ (uint64_t)next_rand() << 20 ^
           next_rand();
}

/* A key of `bits` bits (the rest zero), with many ties when `few`. */
static void random_key(unsigned bits, bool few, uint64_t *hi, uint64_t *lo)
{
    uint64_t a = few ? next_rand() % 3 : rand64();
    uint64_t b = few ? next_rand() % 3 : rand64();
    if (few) {
        /* ties in every byte place, not only the low ones */
        unsigned sh = bits > 2 ? next_rand() % (bits - 2) : 0;
        b <<= sh < 64 ? sh : 0;
        a <<= sh >= 64 ? sh - 64 : 0;
    }
    *lo = bits >= 64 ? b : b & ((UINT64_C(1) << bits) - 1);
    *hi = bits <= 64 ? 0 : bits >= 128 ? a : a & ((UINT64_C(1) << (bits - 64)) - 1);
}

static void check_keys(size_t n, unsigned bits, bool few)
{
    struct rec56 *v = calloc(n + 1, sizeof *v), *want = calloc(n + 1, sizeof *v);
    struct rsort_key *k = calloc(n + 1, sizeof *k);
    for (size_t i = 0; i < n; i++) {
        random_key(bits, few, &v[i].hi, &v[i].lo);
        v[i].pos = i;
        memset(v[i].fill, (int)(i % 251), sizeof v[i].fill);
        k[i] = (struct rsort_key){v[i].hi, v[i].lo, i};
    }
    memcpy(want, v, n * sizeof *v);
    qsort(want, n, sizeof *want, cmp_rec56);
    rsort_keys(k, n, bits);
    rsort_apply(v, n, sizeof *v, k);
    assert_memory_equal(v, want, n * sizeof *v);
    free(k);
    free(want);
    free(v);
}

/* rsort_keys and rsort_apply order records exactly as a stable sort by
 * the whole key does: short and long arrays, narrow and full-width keys,
 * distinct and tie-heavy keys. */
static void test_keys_sort_as_a_stable_sort_does(void **state)
{
    (void)state;
    static const unsigned widths[] = {1, 7, 8, 9, 31, 63, 64, 65, 100, 127, 128};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
        for (int few = 0; few < 2; few++) {
            for (size_t n = 0; n < 200; n += 1 + n / 3)
                check_keys(n, widths[w], few);
            check_keys(20000, widths[w], few);
        }
}

/* Keys sorted already, or all but one pair (swapped): rsort_keys
 * leaves sorted keys alone and must still sort the others, equal keys
 * keeping their order. */
static void check_nearly_sorted(size_t n, unsigned bits, bool few, bool swap)
{
    struct rec56 *v = calloc(n + 1, sizeof *v), *want = calloc(n + 1, sizeof *v);
    struct rsort_key *k = calloc(n + 1, sizeof *k);
    for (size_t i = 0; i < n; i++) {
        random_key(bits, few, &v[i].hi, &v[i].lo);
        v[i].pos = i;
    }
    qsort(v, n, sizeof *v, cmp_rec56);
    if (swap && n > 1) {
        size_t a = next_rand() % n, b = next_rand() % n;
        struct rec56 t = v[a];
        v[a] = v[b];
        v[b] = t;
    }
    for (size_t i = 0; i < n; i++) {
        v[i].pos = i;
        k[i] = (struct rsort_key){v[i].hi, v[i].lo, i};
    }
    memcpy(want, v, n * sizeof *v);
    qsort(want, n, sizeof *want, cmp_rec56);
    rsort_keys(k, n, bits);
    rsort_apply(v, n, sizeof *v, k);
    assert_memory_equal(v, want, n * sizeof *v);
    free(k);
    free(want);
    free(v);
}

static void test_sorted_and_nearly_sorted_keys(void **state)
{
    (void)state;
    static const unsigned widths[] = {3, 40, 64, 100, 128};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
        for (int few = 0; few < 2; few++)
            for (int swap = 0; swap < 2; swap++)
                for (size_t n = 0; n < 3000; n += 1 + n / 2)
                    for (int rep = 0; rep < 4; rep++)
                        check_nearly_sorted(n, widths[w], few, swap);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* Ranks order strings as strcmp does, whatever their addresses (copies
 * of one string share a rank), and numbers as numbers, negative ones
 * and the largest included. */
static void test_ranks_order_as_the_values_do(void **state)
{
    (void)state;
    enum { N = 600 };
    static const char *const words[] = {"", "a", "ab", "abc", "b", "B",
                                        "\xc3\xa9", "what", "when", "who",
                                        "thing", "\x7f", "zz"};
    size_t nw = sizeof words / sizeof *words;
    char *s[N];
    unsigned id[N];
    struct rsort_rank *r = rsort_rank_new(RSORT_RANK_STRING);
    for (size_t i = 0; i < N; i++) {
        /* a fresh copy now and then: equal strings at two addresses */
        const char *w = words[next_rand() % nw];
        s[i] = next_rand() % 2 ? strdup(w) : (char *)(uintptr_t)w;
        id[i] = rsort_rank_add(r, (uint64_t)(uintptr_t)s[i]);
    }
    rsort_rank_order(r);
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(rsort_rank_find(r, (uint64_t)(uintptr_t)s[i]),
                         rsort_rank_of(r, id[i]));
        assert_true(rsort_rank_of(r, id[i]) <= rsort_rank_top(r));
        assert_true(rsort_rank_value(r, id[i]) == (uint64_t)(uintptr_t)s[i]);
        assert_true(id[i] < rsort_rank_count(r));
        for (size_t j = 0; j < N; j += 7) {
            int want = sign(strcmp(s[i], s[j]));
            unsigned a = rsort_rank_of(r, id[i]), b = rsort_rank_of(r, id[j]);
            assert_int_equal(sign((a > b) - (a < b)), want);
        }
    }
    assert_int_equal(rsort_rank_top(r), nw - 1);
    for (size_t i = 0; i < N; i++) {
        bool copy = true;
        for (size_t w = 0; w < nw; w++)
            copy = copy && s[i] != words[w];
        if (copy)
            free(s[i]);
    }
    rsort_rank_free(r);

    int64_t v[N];
    r = rsort_rank_new(RSORT_RANK_SIGNED);
    for (size_t i = 0; i < N; i++) {
        v[i] = i % 50 == 0 ? INT64_MAX
             : i % 51 == 0 ? INT64_MIN
                           : (int64_t)(next_rand() % 2000) - 1000;
        id[i] = rsort_rank_add(r, (uint64_t)v[i]);
    }
    rsort_rank_order(r);
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j += 5) {
            unsigned a = rsort_rank_of(r, id[i]), b = rsort_rank_of(r, id[j]);
            assert_int_equal((a > b) - (a < b), (v[i] > v[j]) - (v[i] < v[j]));
        }
    rsort_rank_free(r);
    rsort_rank_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_stably_for_24_byte_records),
        cmocka_unit_test(test_sorted_stably_for_other_record_sizes),
        cmocka_unit_test(test_two_stable_sorts_order_by_both_keys),
        cmocka_unit_test(test_keys_sort_as_a_stable_sort_does),
        cmocka_unit_test(test_sorted_and_nearly_sorted_keys),
        cmocka_unit_test(test_ranks_order_as_the_values_do),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
