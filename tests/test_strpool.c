/* test_strpool.c - strings kept once (strpool.h): equal strings share
 * the first copy, a duplicate made last gives its bytes back, and one
 * made earlier keeps them, since something may still point to it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/strpool.h"

static void test_equal_strings_share_the_first_copy(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct strpool *p = strpool_new(a);
    const char *x = strpool_keep(p, arena_printf(a, "%s vs %s", "5", "4"));
    const char *y = strpool_keep(p, arena_printf(a, "%d", 7));
    const char *z = strpool_keep(p, arena_printf(a, "5 vs %d", 4));
    assert_string_equal(x, "5 vs 4");
    assert_string_equal(y, "7");
    assert_ptr_equal(z, x);
    assert_ptr_not_equal(y, x);
    /* case matters: notes are shown as written */
    const char *u = strpool_keep(p, arena_strdup(a, "7"));
    const char *v = strpool_keep(p, arena_strdup(a, "Stated"));
    const char *s = strpool_keep(p, arena_strdup(a, "stated"));
    assert_ptr_equal(u, y);
    assert_ptr_not_equal(v, s);
    strpool_free(p);
    arena_free(a);
}

static void test_a_duplicate_made_last_gives_its_bytes_back(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct strpool *p = strpool_new(a);
    strpool_keep(p, arena_strdup(a, "how many"));
    char *dup = arena_strdup(a, "how many");
    strpool_keep(p, dup);
    char *next = arena_strdup(a, "x");
    assert_ptr_equal(next, dup);
    strpool_free(p);
    arena_free(a);
}

static void test_a_duplicate_made_earlier_keeps_its_bytes(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct strpool *p = strpool_new(a);
    strpool_keep(p, arena_strdup(a, "where"));
    char *held = arena_strdup(a, "where");
    char *after = arena_strdup(a, "later");
    assert_string_equal(strpool_keep(p, held), "where");
    char *next = arena_strdup(a, "zzzzzz");
    assert_string_equal(held, "where");
    assert_string_equal(after, "later");
    assert_true(next > after);
    strpool_free(p);
    strpool_free(NULL);
    arena_free(a);
}

/* Strings of a small alphabet, so many repeat, kept among other
 * allocations: every result equals its string, equal strings share one
 * copy, and no string kept is ever overwritten. */
static void test_random_strings_keep_their_bytes_and_share_copies(void **state)
{
    (void)state;
    enum { N = 20000 };
    struct arena *a = arena_new();
    struct strpool *p = strpool_new(a);
    const char **got = malloc(N * sizeof *got);
    char (*want)[16] = malloc(N * sizeof *want);
    unsigned seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = 1 + (seed >> 16) % 5;
        for (size_t j = 0; j < len; j++) {
            seed = seed * 1103515245u + 12345u;
            want[i][j] = (char)('a' + (seed >> 16) % 3);
        }
        want[i][len] = '\0';
        got[i] = strpool_keep(p, arena_strdup(a, want[i]));
        if (seed & 0x100) /* sometimes something else comes after it */
            memset(arena_alloc(a, 24), 0x5a, 24);
    }
    for (size_t i = 0; i < N; i++) {
        assert_string_equal(got[i], want[i]);
        for (size_t j = 0; j < i && j < 400; j++)
            assert_true((got[i] == got[j]) == !strcmp(want[i], want[j]));
    }
    free(got);
    free(want);
    strpool_free(p);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_strings_share_the_first_copy),
        cmocka_unit_test(test_a_duplicate_made_last_gives_its_bytes_back),
        cmocka_unit_test(test_a_duplicate_made_earlier_keeps_its_bytes),
        cmocka_unit_test(test_random_strings_keep_their_bytes_and_share_copies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
