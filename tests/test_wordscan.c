/* test_wordscan.c - the array-free token walk (wordscan.h) against
 * scan_tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "scan.h"
#include "wordscan.h"

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Pieces text is made of: plain letters and punctuation (the fast path),
 * and everything that sends a stretch to scan_tokens: UTF-8 capitals and
 * small letters, curly and straight apostrophes and quotes, hyphens and
 * dashes, digits with their joiners, other white space, a stray
 * continuation byte, a sequence cut short, a control byte. */
static const char *const pieces[] = {
    "a",        "b",        "Z",        "Q",     "the",    "Said",
    "Internationally", "reconciliation", "abcdefgz", "ZYXWVUTA", "@[`{",
    " ",        " ",        " ",        ",",     ".",      ":",
    "/",        "'",        "\"",       "(",     ")",      ";",
    "-",        "0",        "7",        "\xc3\xa9", /* e acute */
    "\xc3\x89",                                     /* E acute */
    "\xd0\x96",                                     /* Cyrillic Zhe */
    "\xe2\x80\x99",                                 /* right quote */
    "\xe2\x80\x9c",                                 /* left double quote */
    "\xe2\x80\x94",                                 /* em dash */
    "\xc2\xa0",                                     /* no-break space */
    "\t",       "\n",       "\x80",     "\xe2\x80", "\x01",  "\x7f",
};

static char *random_text(uint32_t *seed, size_t npieces, size_t *len)
{
    size_t cap = npieces * 16 + 1, n = 0; /* no piece is longer */
    char *t = xmalloc(cap);
    for (size_t i = 0; i < npieces; i++) {
        const char *p = pieces[next_rand(seed) % (sizeof pieces /
                                                  sizeof *pieces)];
        size_t k = strlen(p);
        memcpy(t + n, p, k);
        n += k;
    }
    t[n] = '\0';
    *len = n;
    return t;
}

/* Walk text[start..end) both ways; the tokens must be the same, in
 * order. Returns how many there were. */
static size_t check_range(struct wordscan *w, struct scan_toks *want,
                          const char *text, size_t start, size_t end)
{
    want->n = 0;
    scan_tokens(text, start, end, want);
    wordscan_range(w, text, start, end);
    struct wordscan_tok t;
    size_t i = 0;
    while (wordscan_next(w, &t)) {
        assert_true(i < want->n);
        const struct scan_tok *k = &want->v[i];
        if (t.start != k->start || t.end != k->end || t.kind != k->kind ||
            t.cap != ((k->flags & SCANF_CAP) != 0))
            fail_msg("token %zu of [%zu, %zu): [%zu, %zu) kind %d cap %d, "
                     "scan_tokens [%zu, %zu) kind %d flags %d",
                     i, start, end, t.start, t.end, t.kind, t.cap, k->start,
                     k->end, k->kind, k->flags);
        i++;
    }
    assert_int_equal(i, want->n);
    return i;
}

static void test_walk_cuts_the_tokens_of_scan_tokens(void **state)
{
    (void)state;
    uint32_t seed = 0x2545f491u;
    struct wordscan w = {0};
    struct scan_toks want = {0};
    size_t ntok = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len;
        char *text = random_text(&seed, 1 + next_rand(&seed) % (round % 2 ? 40 : 160), &len);
        ntok += check_range(&w, &want, text, 0, len);
        /* a range may start and end anywhere, even inside a word or a
         * UTF-8 sequence: sentences are cut by another module */
        size_t a = next_rand(&seed) % (len + 1);
        size_t b = a + next_rand(&seed) % (len - a + 1);
        ntok += check_range(&w, &want, text, a, b);
        free(text);
    }
    assert_true(ntok > 10000);
    wordscan_free(&w);
    scan_toks_free(&want);
}

static void test_walk_reads_plain_and_hard_stretches(void **state)
{
    (void)state;
    const char *text = "He said, \"Mi-8 crews\xe2\x80\x99 \xc3\x89lan\" in 2016.";
    struct wordscan w = {0};
    struct scan_toks want = {0};
    assert_int_equal(check_range(&w, &want, text, 0, strlen(text)), 12);
    wordscan_range(&w, text, 0, 2);
    struct wordscan_tok t;
    assert_true(wordscan_next(&w, &t));
    assert_true(t.cap);
    assert_int_equal(t.kind, SCAN_WORD);
    assert_int_equal(t.end, 2);
    assert_false(wordscan_next(&w, &t));
    wordscan_free(&w);
    scan_toks_free(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_cuts_the_tokens_of_scan_tokens),
        cmocka_unit_test(test_walk_reads_plain_and_hard_stretches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
