/* Unit tests of wordfilter: a word added is never ruled out, in any ASCII
 * case, and most words not added are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "claimdiff/wordfilter.h"

/* A pseudo-random word of 1..12 bytes: letters mostly, some digits,
 * hyphens, apostrophes and UTF-8 bytes, like the tables' words. */
static size_t random_word(uint32_t *seed, char *out)
{
    static const char pool[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS"
                               "TUVWXYZ0123456789-'.\xc3\xa9\xe2\x80\x99";
    *seed = *seed * 1103515245u + 12345u;
    size_t len = 1 + (*seed >> 16) % 12;
    for (size_t i = 0; i < len; i++) {
        *seed = *seed * 1103515245u + 12345u;
        out[i] = pool[(*seed >> 16) % (sizeof pool - 1)];
    }
    return len;
}

/* Flip the case of the ASCII letters chosen by mask's bits. */
static void recase(char *s, size_t len, uint32_t mask)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && (mask >> (i % 32) & 1))
            s[i] = (char)(c ^ 32);
    }
}

static void test_added_words_are_never_ruled_out_in_any_case(void **state)
{
    (void)state;
    struct wordfilter f;
    memset(&f, 0, sizeof f);
    char words[1000][16];
    size_t lens[1000];
    uint32_t seed = 7;
    for (size_t i = 0; i < 1000; i++) {
        lens[i] = random_word(&seed, words[i]);
        wordfilter_add(&f, words[i], lens[i]);
    }
    for (size_t i = 0; i < 1000; i++) {
        for (uint32_t mask = 0; mask < 64; mask++) {
            char w[16];
            memcpy(w, words[i], lens[i]);
            recase(w, lens[i], mask * 2654435761u);
            if (!wordfilter_may(&f, w, lens[i]))
                fail_msg("word %zu ('%.*s') ruled out as '%.*s'", i,
                         (int)lens[i], words[i], (int)lens[i], w);
        }
    }
}

static void test_most_other_words_are_ruled_out(void **state)
{
    (void)state;
    struct wordfilter f;
    memset(&f, 0, sizeof f);
    uint32_t seed = 11;
    char w[16];
    for (int i = 0; i < 300; i++)
        wordfilter_add(&f, w, random_word(&seed, w));
    size_t through = 0;
    for (int i = 0; i < 10000; i++)
        through += wordfilter_may(&f, w, random_word(&seed, w));
    /* 300 words set at most 600 of 4096 bits: about 2 % get through. */
    assert_true(through < 1000);
}

static void test_empty_word_is_never_in(void **state)
{
    (void)state;
    struct wordfilter f;
    memset(&f, 0xff, sizeof f);
    assert_false(wordfilter_may(&f, "", 0));
    memset(&f, 0, sizeof f);
    wordfilter_add(&f, "", 0);
    for (size_t i = 0; i < WORDFILTER_WORDS; i++)
        assert_true(f.bits[i] == 0);
}

/* A word that starts with a recorded prefix (in any case, with any
 * ending) is never ruled out; most others are. */
static void test_words_starting_with_a_prefix_are_never_ruled_out(void **state)
{
    (void)state;
    struct wordfilter f;
    memset(&f, 0, sizeof f);
    char pre[300][16];
    size_t lens[300];
    uint32_t seed = 13;
    for (size_t i = 0; i < 300; i++) {
        lens[i] = random_word(&seed, pre[i]);
        wordfilter_add_head(&f, pre[i], lens[i]);
    }
    for (size_t i = 0; i < 300; i++) {
        for (uint32_t mask = 0; mask < 64; mask++) {
            char w[32];
            memcpy(w, pre[i], lens[i]);
            recase(w, lens[i], mask * 2654435761u);
            size_t n = lens[i] + random_word(&seed, w + lens[i]) * (mask & 1);
            bool may = wordfilter_may_head(&f, w, n);
            if (lens[i] >= WORDFILTER_HEAD && !may)
                fail_msg("prefix %zu ('%.*s') ruled out in '%.*s'", i,
                         (int)lens[i], pre[i], (int)n, w);
            if (n < WORDFILTER_HEAD && may)
                fail_msg("'%.*s' is shorter than any head", (int)n, w);
        }
    }
    size_t through = 0, tried = 0;
    char w[16];
    for (int i = 0; i < 10000; i++) {
        size_t n = random_word(&seed, w);
        tried += n >= WORDFILTER_HEAD;
        through += wordfilter_may_head(&f, w, n);
    }
    /* at most 300 of 4096 bits are set: under 10 % get through */
    assert_true(through * 10 < tried);
}

static void test_a_merged_filter_rules_out_neither_filters_words(void **state)
{
    (void)state;
    struct wordfilter a, b, both;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&both, 0, sizeof both);
    char words[400][16];
    size_t lens[400];
    uint32_t seed = 11;
    for (size_t i = 0; i < 400; i++) {
        lens[i] = random_word(&seed, words[i]);
        wordfilter_add(i % 2 ? &a : &b, words[i], lens[i]);
    }
    wordfilter_merge(&both, &a);
    wordfilter_merge(&both, &b);
    size_t only_a = 0;
    for (size_t i = 0; i < 400; i++) {
        assert_true(wordfilter_may(&both, words[i], lens[i]));
        only_a += i % 2 == 0 && !wordfilter_may(&a, words[i], lens[i]);
    }
    assert_true(only_a > 150); /* b's words were not in a alone */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_added_words_are_never_ruled_out_in_any_case),
        cmocka_unit_test(test_most_other_words_are_ruled_out),
        cmocka_unit_test(test_empty_word_is_never_in),
        cmocka_unit_test(test_a_merged_filter_rules_out_neither_filters_words),
        cmocka_unit_test(test_words_starting_with_a_prefix_are_never_ruled_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
