/* Unit tests of wordmask: the mask of a word is exactly what checking
 * every added entry one by one gives, in any ASCII case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/doc.h"
#include "claimdiff/wordfilter.h"
#include "claimdiff/wordmask.h"

struct entry {
    unsigned table;
    char w[80];
    size_t len;
    bool prefix;
    int id; /* what wordmask_add returned */
};

static uint32_t next(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* A few letters (so that words and prefixes meet often), both cases,
 * and the bytes case folding by bit 5 confuses: '@' '`', '[' '{', and
 * '-' 'm'... none of which may match the other. */
static const char pool[] = "abcABC@`[{-\xc3\xa9";

static size_t random_word(uint32_t *seed, char *out, size_t maxlen)
{
    size_t len = 1 + next(seed) % maxlen;
    for (size_t i = 0; i < len; i++)
        out[i] = pool[next(seed) % (sizeof pool - 1)];
    return len;
}

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fold(a[i]) != fold(b[i]))
            return false;
    return true;
}

/* The plain check: every entry, one by one; the id of a whole-word entry
 * equal to s in *word, else -1. */
static uint32_t plain_mask(const struct entry *e, size_t n, const char *s,
                           size_t len, int *word)
{
    uint32_t m = 0;
    *word = -1;
    for (size_t i = 0; i < n; i++) {
        if (e[i].len == 0 || e[i].len > WORDMASK_MAX_LEN ||
            e[i].table >= WORDMASK_TABLES)
            continue;
        bool hit = e[i].prefix ? e[i].len >= WORDMASK_PREFIX_MIN &&
                                     len >= e[i].len &&
                                     same(s, e[i].w, e[i].len)
                               : len == e[i].len && same(s, e[i].w, len);
        if (hit)
            m |= (uint32_t)1 << e[i].table;
        if (hit && !e[i].prefix)
            *word = e[i].id;
    }
    return m;
}

/* Flip the case of the ASCII letters chosen by bits. */
static void recase(char *s, size_t len, uint32_t bits)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && (bits >> (i % 32) & 1))
            s[i] = (char)(c ^ 32);
    }
}

static uint32_t mask_of(const struct wordmask *wm, const char *s,
                              size_t len)
{
    return wordmask_get(wm, s, len, NULL);
}

static void check_round(uint32_t seed, size_t nentries, size_t maxlen)
{
    static struct entry e[400];
    assert_true(nentries <= 400);
    struct wordmask *wm = wordmask_new();
    for (size_t i = 0; i < nentries; i++) {
        e[i].table = next(&seed) % WORDMASK_TABLES;
        e[i].prefix = next(&seed) % 3 == 0;
        e[i].len = random_word(&seed, e[i].w, maxlen);
        e[i].id = wordmask_add(wm, e[i].table, e[i].w, e[i].len, e[i].prefix);
        bool kept = e[i].len <= WORDMASK_MAX_LEN &&
                    (!e[i].prefix || e[i].len >= WORDMASK_PREFIX_MIN);
        assert_int_equal(e[i].id >= 0, kept);
        for (size_t j = 0; j < i && kept; j++)
            if (e[j].prefix == e[i].prefix && e[j].len == e[i].len &&
                same(e[j].w, e[i].w, e[i].len))
                assert_int_equal(e[j].id, e[i].id); /* one id per word */
    }
    size_t hits = 0;
    for (size_t q = 0; q < 30000; q++) {
        char s[160];
        size_t len;
        if (q % 2) { /* an entry, recased, perhaps cut or extended */
            const struct entry *x = &e[next(&seed) % nentries];
            len = x->len;
            memcpy(s, x->w, len);
            recase(s, len, next(&seed) * 2654435761u);
            if (next(&seed) % 3 == 0 && len > 1)
                len -= 1 + next(&seed) % (len - 1);
            else if (next(&seed) % 2)
                len += random_word(&seed, s + len, 70);
        } else {
            len = random_word(&seed, s, maxlen);
        }
        int want_word, got_word = -2;
        uint32_t want = plain_mask(e, nentries, s, len, &want_word);
        uint32_t got = wordmask_get(wm, s, len, &got_word);
        if (got != want || got_word != want_word)
            fail_msg("'%.*s': mask %08x word %d, entry by entry %08x word %d",
                     (int)len, s, (unsigned)got, got_word, (unsigned)want,
                     want_word);
        assert_int_equal(wordmask_get(wm, s, len, NULL), got);
        hits += want != 0;
    }
    assert_true(hits > 3000); /* the round tested matches, not only misses */
    wordmask_free(wm);
}

static void test_mask_equals_checking_every_entry_on_short_words(void **state)
{
    (void)state;
    check_round(1, 300, 5);
    check_round(2, 60, 4);
}

static void test_mask_equals_checking_every_entry_on_long_words(void **state)
{
    (void)state;
    /* entries and queries around WORDMASK_MAX_LEN */
    check_round(3, 400, 70);
    check_round(4, 120, 66);
}

static void test_a_prefix_matches_itself_and_longer_words_only(void **state)
{
    (void)state;
    struct wordmask *wm = wordmask_new();
    wordmask_add(wm, 5, "crash", 5, true);
    wordmask_add(wm, 2, "crashed", 7, false);
    assert_int_equal(mask_of(wm, "CRASH", 5), 1u << 5);
    assert_int_equal(mask_of(wm, "Crashed", 7), 1u << 5 | 1u << 2);
    assert_int_equal(mask_of(wm, "crashes", 7), 1u << 5);
    assert_int_equal(mask_of(wm, "cras", 4), 0);
    assert_int_equal(mask_of(wm, "", 0), 0);
    wordmask_free(wm);
}

static void test_short_prefixes_and_bad_tables_are_left_out(void **state)
{
    (void)state;
    struct wordmask *wm = wordmask_new();
    wordmask_add(wm, 1, "ab", 2, true); /* shorter than PREFIX_MIN */
    wordmask_add(wm, WORDMASK_TABLES, "abc", 3, false);
    wordmask_add(wm, 3, "", 0, false);
    assert_int_equal(mask_of(wm, "abc", 3), 0);
    assert_int_equal(mask_of(wm, "ab", 2), 0);
    char longw[WORDMASK_MAX_LEN + 1];
    memset(longw, 'x', sizeof longw);
    wordmask_add(wm, 4, longw, sizeof longw, false);
    assert_int_equal(mask_of(wm, longw, sizeof longw), 0);
    wordmask_add(wm, 4, longw, WORDMASK_MAX_LEN, true);
    assert_int_equal(mask_of(wm, longw, sizeof longw), 1u << 4);
    wordmask_free(wm);
    wordmask_free(NULL);
}

/* wordmask_get_tokens gives each token what wordmask_get gives its text
 * (0 and -1 for tokens that are not words, whatever their text), and the
 * or of the masks; tokens outside [a, b) are left alone. */
/* Prefixes are chained by a hash of their first three bytes: two
 * different heads (once chosen to share wordfilter_head_hash; the
 * wordmask has its own hash now, and the next test makes heads share a
 * bucket for certain), and several prefixes of one head in different
 * cases and lengths, each give their bit to the words they begin only. */
static void test_prefixes_sharing_a_head_bucket_stay_apart(void **state)
{
    (void)state;
    char a[4] = "aaa", b[4] = "";
    for (char x = 'a'; x <= 'z' && !b[0]; x++)
        for (char y = 'a'; y <= 'z' && !b[0]; y++)
            for (char z = 'b'; z <= 'z' && !b[0]; z++) {
                char h[4] = {x, y, z, 0};
                if (wordfilter_head_hash(h) == wordfilter_head_hash(a))
                    memcpy(b, h, 4);
            }
    assert_true(b[0] != '\0');
    char pa[8], pb[8], pa2[8], wa[16], wb[16], wa2[16];
    snprintf(pa, sizeof pa, "%sq", a);   /* table 0: "aaaq*" */
    snprintf(pb, sizeof pb, "%sq", b);   /* table 1: b "q*" */
    snprintf(pa2, sizeof pa2, "%s", a);  /* table 2: "aaa*", upper case */
    for (char *c = pa2; *c; c++)
        *c = (char)(*c - 32);
    struct wordmask *wm = wordmask_new();
    assert_true(wordmask_add(wm, 0, pa, strlen(pa), true) >= 0);
    assert_true(wordmask_add(wm, 1, pb, strlen(pb), true) >= 0);
    assert_true(wordmask_add(wm, 2, pa2, strlen(pa2), true) >= 0);
    snprintf(wa, sizeof wa, "%sqed", a);
    snprintf(wb, sizeof wb, "%sQED", b);
    snprintf(wa2, sizeof wa2, "%sx", a);
    assert_int_equal(wordmask_get(wm, wa, strlen(wa), NULL), 1u | 4u);
    assert_int_equal(wordmask_get(wm, wb, strlen(wb), NULL), 2u);
    assert_int_equal(wordmask_get(wm, wa2, strlen(wa2), NULL), 4u);
    assert_int_equal(wordmask_get(wm, a, 3, NULL), 4u);
    assert_int_equal(wordmask_get(wm, b, 3, NULL), 0u);
    wordmask_free(wm);
}

/* wordmask_get_tokens reads a word's first eight bytes at once where
 * eight are readable, past the token's end into its neighbours, and
 * compares them with the case of letters only set aside. Tokens here
 * abut (no space between them, so the bytes past a word are another
 * word's), are 1 to 12 bytes long (both sides of eight), use the bytes
 * that differ from letters in bit 5 only, and the last ones end within
 * eight bytes of text_size: each token must get what checking every
 * entry gives its own bytes. */
static void test_tokens_read_eight_bytes_but_match_their_own(void **state)
{
    (void)state;
    uint32_t seed = 7;
    static struct entry e[200];
    struct wordmask *wm = wordmask_new();
    for (size_t i = 0; i < 200; i++) {
        e[i].table = next(&seed) % WORDMASK_TABLES;
        e[i].prefix = next(&seed) % 4 == 0;
        e[i].len = random_word(&seed, e[i].w, 12);
        e[i].id = wordmask_add(wm, e[i].table, e[i].w, e[i].len, e[i].prefix);
    }
    static char text[40000];
    static struct token toks[4000];
    size_t o = 0, nt = 0, hits = 0;
    while (nt < 4000) {
        size_t n;
        if (nt % 2) { /* an entry recased, perhaps cut: mostly hits */
            const struct entry *x = &e[next(&seed) % 200];
            n = x->len;
            memcpy(text + o, x->w, n);
            recase(text + o, n, next(&seed) * 2654435761u);
            if (next(&seed) % 4 == 0 && n > 1)
                n -= 1 + next(&seed) % (n - 1);
        } else {
            n = random_word(&seed, text + o, 12);
        }
        toks[nt].span.start = (uint32_t)o;
        toks[nt].span.end = (uint32_t)(o + n);
        toks[nt].kind = TOK_WORD;
        o += n;
        nt++;
    }
    static uint32_t mask[4000];
    static int word[4000];
    /* exactly o bytes, so that ASan sees a read past text_size */
    char *exact = malloc(o);
    assert_non_null(exact);
    memcpy(exact, text, o);
    wordmask_get_tokens(wm, exact, o, toks, 0, nt, mask, word);
    free(exact);
    for (size_t k = 0; k < nt; k++) {
        const char *w = text + toks[k].span.start;
        size_t n = toks[k].span.end - toks[k].span.start;
        int want_word;
        uint32_t want = plain_mask(e, 200, w, n, &want_word);
        if (mask[k] != want || word[k] != want_word)
            fail_msg("token %zu '%.*s': mask %08x word %d, entry by entry "
                     "%08x word %d",
                     k, (int)n, w, (unsigned)mask[k], word[k],
                     (unsigned)want, want_word);
        hits += want != 0;
    }
    assert_true(hits > 1000); /* matches were tested, not only misses */
    wordmask_free(wm);
}

/* More distinct three-byte heads than the wordmask has head buckets
 * (4,096), so by pigeonhole some chains hold prefixes of different
 * heads, whatever the hash: each word gets exactly the bits of the
 * prefixes it begins with, in any case. */
static void test_more_heads_than_buckets_stay_apart(void **state)
{
    (void)state;
    enum { NPREFIX = 5000, NQUERY = 4000 };
    static struct entry e[NPREFIX];
    uint32_t seed = 11;
    struct wordmask *wm = wordmask_new();
    for (size_t i = 0; i < NPREFIX; i++) {
        /* head i: distinct for i < 26^3, in three letters */
        e[i].w[0] = (char)('a' + i % 26);
        e[i].w[1] = (char)('a' + i / 26 % 26);
        e[i].w[2] = (char)('a' + i / 676 % 26);
        e[i].len = 3 + next(&seed) % 8;
        for (size_t k = 3; k < e[i].len; k++)
            e[i].w[k] = (char)('a' + next(&seed) % 3);
        recase(e[i].w, e[i].len, next(&seed) * 2654435761u);
        e[i].table = (unsigned)(i % WORDMASK_TABLES);
        e[i].prefix = true;
        e[i].id = wordmask_add(wm, e[i].table, e[i].w, e[i].len, true);
        assert_true(e[i].id >= 0);
    }
    size_t hits = 0;
    for (size_t q = 0; q < NQUERY; q++) {
        const struct entry *x = &e[next(&seed) % NPREFIX];
        char s[24];
        size_t len = x->len;
        memcpy(s, x->w, len);
        recase(s, len, next(&seed) * 2654435761u);
        if (next(&seed) % 2) /* a longer word, or one cut short */
            len += random_word(&seed, s + len, 6);
        else if (len > 3)
            len -= next(&seed) % 2;
        int want_word, got_word;
        uint32_t want = plain_mask(e, NPREFIX, s, len, &want_word);
        uint32_t got = wordmask_get(wm, s, len, &got_word);
        if (got != want)
            fail_msg("'%.*s': mask %08x, entry by entry %08x", (int)len, s,
                     (unsigned)got, (unsigned)want);
        hits += want != 0;
    }
    assert_true(hits > NQUERY / 2);
    wordmask_free(wm);
}

static void test_tokens_at_once_equal_one_at_a_time(void **state)
{
    (void)state;
    uint32_t seed = 99;
    struct wordmask *wm = wordmask_new();
    char w[16];
    for (unsigned k = 0; k < 300; k++) {
        size_t n = random_word(&seed, w, 6);
        wordmask_add(wm, k % WORDMASK_TABLES, w, n, next(&seed) % 4 == 0);
    }
    char text[4096];
    struct token toks[400];
    size_t o = 0, nt = 0;
    while (nt < 400) {
        size_t n = random_word(&seed, text + o, 6);
        toks[nt].span.start = o;
        toks[nt].span.end = o + n;
        toks[nt].kind = next(&seed) % 5 ? TOK_WORD : TOK_PUNCT;
        o += n;
        text[o++] = ' ';
        nt++;
    }
    uint32_t mask[400], want_all = 0;
    int word[400];
    mask[0] = mask[399] = 7;
    word[0] = word[399] = 7;
    uint32_t all = wordmask_get_tokens(wm, text, o, toks, 1, 399, mask, word);
    for (size_t k = 1; k < 399; k++) {
        int id = -1;
        uint32_t m = 0;
        if (toks[k].kind == TOK_WORD)
            m = wordmask_get(wm, text + toks[k].span.start,
                             toks[k].span.end - toks[k].span.start, &id);
        assert_int_equal(mask[k], m);
        assert_int_equal(word[k], id);
        want_all |= m;
    }
    assert_int_equal(all, want_all);
    assert_true(want_all != 0);
    assert_int_equal(mask[0], 7);
    assert_int_equal(word[399], 7);
    wordmask_free(wm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mask_equals_checking_every_entry_on_short_words),
        cmocka_unit_test(test_mask_equals_checking_every_entry_on_long_words),
        cmocka_unit_test(test_a_prefix_matches_itself_and_longer_words_only),
        cmocka_unit_test(test_short_prefixes_and_bad_tables_are_left_out),
        cmocka_unit_test(test_prefixes_sharing_a_head_bucket_stay_apart),
        cmocka_unit_test(test_more_heads_than_buckets_stay_apart),
        cmocka_unit_test(test_tokens_at_once_equal_one_at_a_time),
        cmocka_unit_test(test_tokens_read_eight_bytes_but_match_their_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
