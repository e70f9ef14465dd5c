/* Unit tests of the private word scanner and word table (src/scan.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "scan.h"

static void test_map_ids_are_case_insensitive_and_dense(void **state)
{
    (void)state;
    struct scan_map *m = scan_map_new();
    assert_int_equal(scan_map_put(m, "Said", 4), 0);
    assert_int_equal(scan_map_put(m, "told", 4), 1);
    assert_int_equal(scan_map_put(m, "SAID", 4), 0); /* already there */
    assert_int_equal(scan_map_get(m, "said", 4), 0);
    assert_int_equal(scan_map_get(m, "TOLD", 4), 1);
    assert_int_equal(scan_map_get(m, "sai", 3), -1);
    assert_int_equal(scan_map_get(m, "saids", 5), -1);
    /* bit 0x20 folds '@' and '`' together in the hash; the compare must
     * still tell them apart */
    assert_int_equal(scan_map_put(m, "a@b", 3), 2);
    assert_int_equal(scan_map_get(m, "a`b", 3), -1);
    assert_int_equal(scan_map_get(m, "A@B", 3), 2);
    assert_int_equal(scan_map_put(m, "", 0), -1);
    scan_map_free(m);
}

/* Every length a key may have, past several table growths, found again
 * under any capitalisation, with and without a precomputed hash. */
static void test_map_finds_every_key_after_growth(void **state)
{
    (void)state;
    struct scan_map *m = scan_map_new();
    char w[SCAN_MAX_KEY + 2];
    int n = 0;
    for (int len = 1; len <= SCAN_MAX_KEY; len++)
        for (int k = 0; k < (len == 1 ? 26 : 40); k++) {
            for (int i = 0; i < len; i++)
                w[i] = (char)('a' + (k * 7 + i * 3 + len) % 26);
            w[0] = (char)('a' + k % 26);
            if (len > 1)
                w[1] = (char)('a' + k / 26);
            assert_int_equal(scan_map_put(m, w, (size_t)len), n);
            n++;
        }
    n = 0;
    for (int len = 1; len <= SCAN_MAX_KEY; len++)
        for (int k = 0; k < (len == 1 ? 26 : 40); k++) {
            for (int i = 0; i < len; i++)
                w[i] = (char)('A' + (k * 7 + i * 3 + len) % 26);
            w[0] = (char)('A' + k % 26);
            if (len > 1)
                w[1] = (char)('A' + k / 26);
            assert_int_equal(scan_map_get(m, w, (size_t)len), n);
            assert_int_equal(scan_map_get_hashed(m, w, (size_t)len,
                                                 scan_hash(w, (size_t)len)),
                             n);
            n++;
        }
    memset(w, 'a', sizeof w);
    assert_int_equal(scan_map_put(m, w, SCAN_MAX_KEY + 1), -1);
    assert_int_equal(scan_map_get(m, w, SCAN_MAX_KEY + 1), -1);
    scan_map_free(m);
}

static void test_hash_ignores_ascii_case_only(void **state)
{
    (void)state;
    const char *a = "Kalashnikov-Concern 2016 Économie";
    char b[64];
    size_t n = strlen(a);
    for (size_t i = 0; i <= n; i++)
        b[i] = (a[i] >= 'A' && a[i] <= 'Z') ? (char)(a[i] + 32) : a[i];
    for (size_t len = 0; len <= n; len++)
        assert_true(scan_hash(a, len) == scan_hash(b, len));
    assert_true(scan_hash("ab", 2) != scan_hash("ba", 2));
    assert_true(scan_hash("abcdefghi", 9) != scan_hash("abcdefghj", 9));
}

static void test_tokens_keep_dates_and_designations_whole(void **state)
{
    (void)state;
    const char *t = "On 26.10.2016 a Mi-8 flew 25,000 km, twenty-one times.";
    struct scan_toks toks = {0};
    scan_tokens(t, 0, strlen(t), &toks);
    const char *want[] = {"On", "26.10.2016", "a", "Mi-8", "flew", "25,000",
                          "km", ",", "twenty-one", "times", "."};
    assert_int_equal(toks.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < toks.n; i++) {
        assert_int_equal(toks.v[i].end - toks.v[i].start, strlen(want[i]));
        assert_memory_equal(t + toks.v[i].start, want[i], strlen(want[i]));
    }
    assert_int_equal(toks.v[1].kind, SCAN_NUM);
    assert_int_equal(toks.v[3].kind, SCAN_MIXED);
    assert_true(toks.v[0].flags & SCANF_CAP);
    assert_true(scan_is_char(t, &toks.v[7], ','));
    assert_int_equal(scan_digits(t, &toks.v[1]), -1);
    scan_toks_free(&toks);
}

static void test_tokens_flags_and_wide_letters(void **state)
{
    (void)state;
    /* letters past ASCII join words and count as lower case; a dash
     * joins only before a word character; U+00A0 separates */
    const char *t = "NATO Ünit café-2 x- \xc2\xa0“NE”";
    struct scan_toks toks = {0};
    scan_tokens(t, 0, strlen(t), &toks);
    assert_int_equal(toks.n, 8);
    assert_int_equal(toks.v[0].flags, SCANF_CAP | SCANF_ALLCAPS);
    assert_int_equal(toks.v[1].end - toks.v[1].start, 5); /* "Ünit" */
    assert_int_equal(toks.v[1].flags, 0);
    assert_int_equal(toks.v[2].kind, SCAN_MIXED); /* "café-2" */
    assert_int_equal(toks.v[2].end - toks.v[2].start, 7);
    assert_int_equal(toks.v[3].end - toks.v[3].start, 1); /* "x" */
    assert_true(scan_is_char(t, &toks.v[4], '-'));
    assert_int_equal(toks.v[5].kind, SCAN_PUNCT); /* the opening quote */
    assert_int_equal(toks.v[5].end - toks.v[5].start, 3);
    assert_int_equal(toks.v[6].flags, SCANF_CAP | SCANF_ALLCAPS);
    scan_toks_free(&toks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_ids_are_case_insensitive_and_dense),
        cmocka_unit_test(test_map_finds_every_key_after_growth),
        cmocka_unit_test(test_hash_ignores_ascii_case_only),
        cmocka_unit_test(test_tokens_keep_dates_and_designations_whole),
        cmocka_unit_test(test_tokens_flags_and_wide_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
