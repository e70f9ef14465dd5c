/* test_rsort.c - the radix sort orders records exactly as a stable sort
 * by key would, for every record size its callers use and others. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_stably_for_24_byte_records),
        cmocka_unit_test(test_sorted_stably_for_other_record_sizes),
        cmocka_unit_test(test_two_stable_sorts_order_by_both_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
