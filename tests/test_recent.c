/* test_recent.c - the cache of words last added (recent.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/wordfilter.h"
#include "recent.h"
#include "scan.h"

enum { NWORDS = 300, LEN = 6 };

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A word of 1..LEN letters from a small alphabet, some capitalised, so
 * that words repeat, collide and differ only in case. */
static void random_word(uint32_t *seed, char *out, size_t *len)
{
    *len = 1 + next_rand(seed) % LEN;
    for (size_t i = 0; i < *len; i++)
        out[i] = (char)("abcAB"[next_rand(seed) % 5]);
    out[*len] = '\0';
}

/* Add a random stream of words to one table always and to another only
 * when the cache has not seen them: both tables must end up equal, ids
 * included. hash_mode 0 hashes as the scanner does; 1 sends every word
 * to one slot (the byte compare alone decides); 2 uses the length. */
static void check_against_plain(unsigned hash_mode)
{
    uint32_t seed = 0x9e3779b9u + hash_mode;
    char *words = xmalloc(NWORDS * 20 * (LEN + 1));
    size_t *lens = xmalloc(NWORDS * 20 * sizeof *lens);
    struct recent *r = xcalloc(1, sizeof *r);
    struct scan_map *plain = scan_map_new(), *cached = scan_map_new();
    size_t skipped = 0;
    for (size_t i = 0; i < NWORDS * 20; i++) {
        char *w = words + i * (LEN + 1);
        random_word(&seed, w, &lens[i]);
        uint32_t h = hash_mode == 0   ? wordfilter_hash(w, lens[i])
                     : hash_mode == 1 ? 0
                                      : (uint32_t)lens[i];
        int want = scan_map_put(plain, w, lens[i]);
        if (recent_seen(r, h, w, (uint32_t)lens[i])) {
            skipped++;
            /* seen: the word is in the table already */
            assert_int_equal(scan_map_get(cached, w, lens[i]), want);
        } else {
            assert_int_equal(scan_map_put(cached, w, lens[i]), want);
        }
    }
    assert_true(skipped > 0);
    for (size_t i = 0; i < NWORDS * 20; i++) {
        const char *w = words + i * (LEN + 1);
        assert_int_equal(scan_map_get(cached, w, lens[i]),
                         scan_map_get(plain, w, lens[i]));
    }
    scan_map_free(plain);
    scan_map_free(cached);
    free(r);
    free(lens);
    free(words);
}

static void test_skipping_seen_words_keeps_the_table(void **state)
{
    (void)state;
    check_against_plain(0);
    check_against_plain(1);
    check_against_plain(2);
}

static void test_a_word_is_seen_until_its_slot_is_taken(void **state)
{
    (void)state;
    struct recent *r = xcalloc(1, sizeof *r);
    assert_false(recent_seen(r, 7, "said", 4));
    assert_true(recent_seen(r, 7, "said", 4));
    assert_false(recent_seen(r, 7, "Said", 4)); /* bytes differ */
    assert_false(recent_seen(r, 7, "said", 4)); /* evicted */
    assert_false(recent_seen(r, 7, "sai", 3));
    assert_false(recent_seen(r, 8, "told", 4));
    assert_true(recent_seen(r, 7, "sai", 3));
    assert_true(recent_seen(r, 8, "told", 4));
    free(r);
}

/* The by-value cache: random short words (1..8 letters of a small
 * alphabet, with bytes after each word that differ from word to word, as
 * text goes on past a word) through cache + table and through the table
 * alone; the tables must be equal, ids included. Fails when the key
 * keeps a byte past the word or drops one of its own. */
static void test_short_words_by_value_keep_the_table(void **state)
{
    (void)state;
    enum { N = 20000, STRIDE = 16 };
    uint32_t seed = 0x51ed270bu;
    char *buf = xmalloc((size_t)N * STRIDE);
    size_t *lens = xmalloc(N * sizeof *lens);
    struct recent_short *r = xcalloc(1, sizeof *r);
    struct scan_map *plain = scan_map_new(), *cached = scan_map_new();
    size_t skipped = 0;
    for (size_t i = 0; i < N; i++) {
        char *w = buf + i * STRIDE;
        lens[i] = 1 + next_rand(&seed) % RECENT_SHORT_MAX;
        for (size_t k = 0; k < STRIDE; k++) /* the word, then what follows */
            w[k] = k < lens[i] ? "abAB"[next_rand(&seed) % 4]
                               : (char)('c' + next_rand(&seed) % 20);
        int want = scan_map_put(plain, w, lens[i]);
        if (recent_short_seen(r, recent_short_key(w, lens[i]))) {
            skipped++;
            assert_int_equal(scan_map_get(cached, w, lens[i]), want);
        } else {
            assert_int_equal(scan_map_put(cached, w, lens[i]), want);
        }
    }
    assert_true(skipped > N / 4);
    for (size_t i = 0; i < N; i++) {
        const char *w = buf + i * STRIDE;
        assert_int_equal(scan_map_get(cached, w, lens[i]),
                         scan_map_get(plain, w, lens[i]));
    }
    /* "ab" and "abc" differ; "ab" after other bytes is still "ab" */
    assert_true(recent_short_key("abcdefgh", 2) ==
                recent_short_key("abXYZWVU", 2));
    assert_true(recent_short_key("abcdefgh", 2) !=
                recent_short_key("abcdefgh", 3));
    assert_true(recent_short_key("abcdefgh", 8) !=
                recent_short_key("abcdefgX", 8));
    scan_map_free(plain);
    scan_map_free(cached);
    free(r);
    free(lens);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skipping_seen_words_keeps_the_table),
        cmocka_unit_test(test_a_word_is_seen_until_its_slot_is_taken),
        cmocka_unit_test(test_short_words_by_value_keep_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
