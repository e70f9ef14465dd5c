/* test_arena.c - the bump allocator (arena.h): strings are packed, other
 * allocations stay aligned and zeroed, nothing overlaps, and a sized
 * arena grows by its own chunk size. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "claimdiff/arena.h"

static void test_strings_are_packed_without_padding(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *x = arena_strdup(a, "abc");
    char *y = arena_strndup(a, "defgh", 2);
    char *z = arena_printf(a, "%d-%s", 7, "q");
    assert_string_equal(x, "abc");
    assert_string_equal(y, "de");
    assert_string_equal(z, "7-q");
    /* one chunk, one string right after the other */
    assert_ptr_equal(y, x + 4);
    assert_ptr_equal(z, y + 3);
    arena_free(a);
}

static void test_a_string_buffer_gives_back_its_unused_tail(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *x = arena_strbuf(a, 10);
    for (size_t k = 0; k < 10; k++)
        assert_int_equal(x[k], 0);
    memcpy(x, "ab", 3);
    arena_strbuf_trim(a, x, 10, 3);
    /* the next string starts right after the kept bytes */
    char *y = arena_strdup(a, "cd");
    assert_ptr_equal(y, x + 3);
    /* not the last allocation any more: trimming x changes nothing */
    arena_strbuf_trim(a, x, 3, 1);
    char *z = arena_strdup(a, "e");
    assert_ptr_equal(z, y + 3);
    assert_string_equal(x, "ab");
    assert_string_equal(y, "cd");
    /* a buffer too big for the chunk gets its own, behind the head: its
     * trim must not touch the head chunk's strings */
    char *big = arena_strbuf(a, 1 << 20);
    memcpy(big, "big", 4);
    arena_strbuf_trim(a, big, 1 << 20, 4);
    char *w = arena_strdup(a, "fg");
    assert_ptr_equal(w, z + 2);
    assert_string_equal(z, "e");
    assert_string_equal(big, "big");
    arena_free(a);
}

/* Random strings, buffers trimmed or not, and aligned blocks: every
 * one keeps its bytes, however the trims fall. */
static void test_trimmed_buffers_never_overlap_later_allocations(
    void **state)
{
    (void)state;
    struct arena *a = arena_new();
    enum { N = 3000 };
    char *p[N];
    size_t len[N];
    unsigned seed = 7;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 8) % 300;
        len[i] = (seed >> 20) % n; /* bytes kept before the NUL */
        if (i % 3 == 2) {
            p[i] = arena_alloc(a, n);
            len[i] = n - 1;
        } else {
            p[i] = arena_strbuf(a, n);
        }
        memset(p[i], 'a' + (int)(i % 26), len[i]);
        p[i][len[i]] = '\0';
        if (i % 3 == 0)
            arena_strbuf_trim(a, p[i], n, len[i] + 1);
    }
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(strlen(p[i]), len[i]);
        for (size_t k = 0; k < len[i]; k++)
            assert_int_equal(p[i][k], 'a' + (int)(i % 26));
    }
    arena_free(a);
}

static void test_allocations_after_strings_are_aligned_and_zeroed(
    void **state)
{
    (void)state;
    struct arena *a = arena_new();
    for (size_t i = 0; i < 2000; i++) {
        char *s = arena_strndup(a, "xxxxxxxxxxxxxxxxxxxxxxxx", i % 23);
        unsigned char *p = arena_alloc(a, 1 + i % 40);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t k = 0; k < 1 + i % 40; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xff, 1 + i % 40);
        /* the later allocation did not overwrite the string */
        assert_int_equal(strlen(s), i % 23);
    }
    arena_free(a);
}

static void test_strings_of_every_size_keep_their_bytes(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    static char big[200000];
    memset(big, 'b', sizeof big - 1);
    char *v[64];
    size_t len[64];
    for (size_t i = 0; i < 64; i++) {
        len[i] = i < 60 ? i * 37 : sizeof big - 1 - i;
        v[i] = arena_strndup(a, big, len[i]);
        memset(v[i], (int)('A' + i % 26), len[i]);
    }
    for (size_t i = 0; i < 64; i++) {
        assert_int_equal(strlen(v[i]), len[i]);
        for (size_t k = 0; k < len[i]; k++)
            assert_int_equal(v[i][k], 'A' + i % 26);
    }
    arena_free(a);
}

static void test_sized_arena_grows_by_its_chunk_not_by_doubling(
    void **state)
{
    (void)state;
    struct arena *a = arena_new_sized(1000);
    for (size_t i = 0; i < 100; i++)
        assert_non_null(arena_strndup(a, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                                         "xxxxxxxxxxxxxxxxxxx",
                                      99));
    /* ten chunks of 1,000 bytes hold the 10,000 bytes; chunks doubling
     * from 2 KiB would hold 14 KiB */
    assert_true(arena_size(a) <= 11000);
    assert_true(arena_size(a) >= 10000);
    arena_free(a);
}

static void test_sized_arena_keeps_its_chunk_between_bounds(void **state)
{
    (void)state;
    struct arena *huge = arena_new_sized((size_t)1 << 30);
    struct arena *tiny = arena_new_sized(0);
    assert_string_equal(arena_strdup(huge, "a"), "a");
    assert_true(arena_size(huge) <= 64 * 1024);
    /* tiny chunks still give aligned, zeroed and separate allocations,
     * big ones in chunks of their own */
    for (size_t i = 0; i < 500; i++) {
        char *s = arena_strndup(tiny, "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", i % 33);
        unsigned char *p = arena_alloc(tiny, 1 + i % 300);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t k = 0; k < 1 + i % 300; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xff, 1 + i % 300);
        assert_int_equal(strlen(s), i % 33);
    }
    assert_true(arena_size(tiny) >= 256);
    arena_free(huge);
    arena_free(tiny);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_are_packed_without_padding),
        cmocka_unit_test(test_allocations_after_strings_are_aligned_and_zeroed),
        cmocka_unit_test(test_strings_of_every_size_keep_their_bytes),
        cmocka_unit_test(test_a_string_buffer_gives_back_its_unused_tail),
        cmocka_unit_test(test_trimmed_buffers_never_overlap_later_allocations),
        cmocka_unit_test(test_sized_arena_grows_by_its_chunk_not_by_doubling),
        cmocka_unit_test(test_sized_arena_keeps_its_chunk_between_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
