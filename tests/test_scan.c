/* Unit tests of the private word scanner and word table (src/scan.h). */
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
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/utf8.h"
#include "claimdiff/wordfilter.h"
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

/* SCANF_HYPHEN is set exactly on the tokens that hold a '-': random
 * strings of letters, digits, hyphens, joiners, spaces and a letter past
 * ASCII. (The number stage reads the flag instead of looking.) */
static void test_hyphen_flag_is_set_exactly_when_a_token_holds_one(void **state)
{
    (void)state;
    static const char *const bits[] = {"a", "Z", "7", "-", "-", ",", ".",
                                       " ", "\xc3\xa9", "--", "/"};
    unsigned seed = 3;
    size_t hyphened = 0;
    for (int round = 0; round < 2000; round++) {
        char text[256];
        size_t n = 0;
        for (int k = 0; k < 40; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *b = bits[(seed >> 16) % (sizeof bits / sizeof *bits)];
            size_t l = strlen(b);
            memcpy(text + n, b, l);
            n += l;
        }
        text[n] = '\0';
        struct scan_toks toks = {0};
        scan_tokens(text, 0, n, &toks);
        for (size_t i = 0; i < toks.n; i++) {
            const struct scan_tok *t = &toks.v[i];
            bool has = t->kind != SCAN_PUNCT &&
                       memchr(text + t->start, '-', t->end - t->start);
            if (has != !!(t->flags & SCANF_HYPHEN))
                fail_msg("'%.*s' in '%s'", (int)(t->end - t->start),
                         text + t->start, text);
            hyphened += has;
        }
        scan_toks_free(&toks);
    }
    assert_true(hyphened > 1000);
}

/* ---- the index by token hash ---------------------------------------- */

static unsigned next_rand(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* A random word of 1..5 pieces: letters in both cases, a hyphen, and
 * letters past ASCII. Keys (key true) may also hold "\xe3\xa9", which
 * differs from the text's "\xc3\xa9" in bit 5 only, so a compare that
 * folds by setting bit 5 confuses them. */
static size_t random_word(unsigned *seed, char *out, bool key)
{
    static const char *const pieces[] = {"a", "b", "A", "B", "e", "-",
                                         "\xc3\xa9", "\xe3\x81\x82",
                                         "\xe3\xa9"};
    size_t npieces = sizeof pieces / sizeof *pieces - !key;
    size_t n = 0, len = 1 + next_rand(seed) % 5;
    for (size_t k = 0; k < len; k++) {
        const char *p = pieces[next_rand(seed) % npieces];
        memcpy(out + n, p, strlen(p));
        n += strlen(p);
    }
    return n;
}

/* scan_index_get answers as scan_map_get for every token of random
 * texts (and -1 for tokens that are no SCAN_WORD), with maps small and
 * large (few buckets, long chains; many buckets). */
static void test_index_answers_as_the_map(void **state)
{
    (void)state;
    unsigned seed = 11;
    size_t hits = 0, words = 0;
    for (size_t nkeys = 1; nkeys <= 400; nkeys *= 20) {
        struct scan_map *m = scan_map_new();
        for (size_t i = 0; i < nkeys; i++) {
            char w[64];
            size_t n = random_word(&seed, w, true);
            scan_map_put(m, w, n);
        }
        struct scan_index x = {0};
        scan_index_build(&x, m);
        for (int round = 0; round < 400; round++) {
            char text[1024];
            size_t n = 0;
            for (int k = 0; k < 20; k++) {
                n += random_word(&seed, text + n, false);
                text[n++] = next_rand(&seed) % 4 ? ' ' : ',';
            }
            text[n] = '\0';
            struct scan_toks toks = {0};
            scan_tokens(text, 0, n, &toks);
            for (size_t i = 0; i < toks.n; i++) {
                const struct scan_tok *t = &toks.v[i];
                const char *w = text + t->start;
                size_t len = t->end - t->start;
                int want = t->kind == SCAN_WORD ? scan_map_get(m, w, len) : -1;
                int got = scan_index_get(&x, text, t);
                if (got != want)
                    fail_msg("'%.*s': index %d, map %d", (int)len, w, got, want);
                words += t->kind == SCAN_WORD;
                hits += want >= 0;
            }
            scan_toks_free(&toks);
        }
        scan_index_free(&x);
        scan_index_free(&x); /* emptied: freeing again is harmless */
        scan_map_free(m);
    }
    assert_true(words > 10000);
    assert_true(hits > 1000);
}

/* ---- the scanner as it was: a byte at a time ------------------------- */

/* scan_tokens before its fast paths, kept here as the reference the
 * randomised test holds the shipped scanner to. */

static bool ref_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool ref_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void ref_push(struct scan_toks *out, size_t start, size_t end,
                     unsigned char kind, unsigned char flags, uint32_t hash)
{
    if (out->n == out->cap)
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n].start = start;
    out->v[out->n].end = end;
    out->v[out->n].kind = kind;
    out->v[out->n].flags = flags;
    out->v[out->n].hash = hash;
    out->n++;
}

/* Letters outside ASCII (accented names, other scripts) belong in words;
 * spaces, dashes, quotes and symbols do not. */
static bool ref_is_wide_letter(uint32_t c)
{
    if (c < 0xC0 || c == 0xD7 || c == 0xF7)
        return false;
    if (c >= 0x2000 && c <= 0x2BFF)
        return false; /* general punctuation, arrows, symbols */
    if (c >= 0x3000 && c <= 0x303F)
        return false;
    return c != 0xFEFF;
}

/* Length of the word character at s, or 0 if it is none. *letter says
 * whether it is a letter (else a digit). */
static size_t ref_word_char(const unsigned char *s, size_t n, bool *letter)
{
    if (ref_is_digit(s[0])) {
        *letter = false;
        return 1;
    }
    if (ref_is_alpha(s[0])) {
        *letter = true;
        return 1;
    }
    if (s[0] < 0x80)
        return 0;
    uint32_t c;
    size_t len = utf8_decode((const char *)s, n, &c);
    *letter = true;
    return len > 0 && ref_is_wide_letter(c) ? len : 0;
}

/* Scan one word-like token at p; returns its end. Joiners stay inside only
 * between two word characters: '-' anywhere ("Mi-8", "twenty-one"),
 * , . : / only between digits ("25,000", "26.10.2016", "10:47"). ASCII
 * letters and digits are taken inline; word_char sees the rest. A letter
 * outside ASCII counts as lower case. */
static size_t ref_scan_word(const unsigned char *s, size_t p, size_t end,
                            unsigned char *kind, unsigned char *flags)
{
    bool letters = false, digits = false, lower = false, hyphen = false;
    size_t nupper = 0, start = p;
    for (;;) {
        unsigned char c = s[p];
        size_t len = 1;
        if (c >= 'a' && c <= 'z') {
            letters = lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            letters = true;
            nupper++;
        } else if (ref_is_digit(c)) {
            digits = true;
        } else {
            bool letter;
            len = c < 0x80 ? 0 : ref_word_char(s + p, end - p, &letter);
            if (len == 0) {
                bool prev_digit = p > start && ref_is_digit(s[p - 1]);
                bool joins =
                    p + 1 < end &&
                    ((c == '-' && ref_word_char(s + p + 1, end - p - 1,
                                                &letter) > 0) ||
                     (prev_digit && ref_is_digit(s[p + 1]) &&
                      (c == ',' || c == '.' || c == ':' || c == '/')));
                if (!joins)
                    break;
                hyphen = hyphen || c == '-';
                p++;
                continue;
            }
            letters = lower = true; /* word_char: only letters past ASCII */
        }
        p += len;
        if (p >= end)
            break;
    }
    *kind = letters && digits ? SCAN_MIXED : letters ? SCAN_WORD : SCAN_NUM;
    *flags = 0;
    if (s[start] >= 'A' && s[start] <= 'Z')
        *flags |= SCANF_CAP;
    if (nupper >= 2 && !lower)
        *flags |= SCANF_ALLCAPS;
    if (hyphen) /* every '-' of a token is a joiner taken here */
        *flags |= SCANF_HYPHEN;
    return p;
}

static void ref_tokens(const char *text, size_t start, size_t end,
                       struct scan_toks *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t p = start;
    while (p < end) {
        unsigned char c = s[p];
        bool letter;
        if (c == ' ') { /* most common: skip without further tests */
            p++;
            continue;
        }
        if (ref_is_alpha(c) || ref_is_digit(c) ||
            (c >= 0x80 && ref_word_char(s + p, end - p, &letter) > 0)) {
            unsigned char kind, flags;
            size_t q = ref_scan_word(s, p, end, &kind, &flags);
            ref_push(out, p, q, kind, flags,
                     kind == SCAN_WORD ? wordfilter_hash(text + p, q - p) : 0);
            p = q;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(text + p, end - p, &cp);
        if (len == 0)
            len = 1; /* a stray byte: step over it as punctuation */
        if (!utf8_is_space(cp))
            ref_push(out, p, p + len, SCAN_PUNCT, 0, 0);
        p += len;
    }
}

/* Pieces of the random texts: ASCII letters of both cases in words
 * short and past eight bytes (the letter run reads eight at a time),
 * digits and every joiner, numbers and designations, apostrophes and
 * quotes (ASCII and curly), hyphens and dashes, white space (ASCII,
 * CRLF, no-break, ideographic, the BOM), letters past ASCII (accented,
 * Cyrillic, CJK), the multiplication and division signs, ASCII
 * punctuation and control bytes, and broken UTF-8 (a stray continuation
 * byte, sequences cut short, 0xFF). */
static const char *const PIECES[] = {
    "a", "z", "A", "Z", "Q", "the", "Said", "NATO", "US", "x",
    "Internationally", "reconciliation", "abcdefgz", "ZYXWVUTA", "@[`{",
    "0", "9", "25", "2016", "25,000", "26.10.2016", "10:47", "Xk-31",
    "twenty-one", "1950s", "n't", "'s", "-", "--", ",", ".", ":", "/", "'",
    "\"", " ", "  ", " ", "\r\n", "\n", "\t", "\v", "\xe2\x80\x99",
    "\xe2\x80\x9c", "\xe2\x80\x94", "\xe2\x80\x93", "\xc3\xa9", "\xc3\x89",
    "\xc3\x9f", "\xc3\x97", "\xc3\xb7", "\xc2\xa0", "\xd0\x96",
    "\xe4\xb8\xad", "\xe3\x80\x81", "\xe3\x80\x80", "\xef\xbb\xbf", "\xc3",
    "\x80", "\xe2\x80", "\xff", "@", "_", "(", ")", ";", "!", "[", "`",
    "{", "~", "\x7f", "\x01"};

/* A random text of up to 40 pieces in buf (cap bytes, NUL-terminated);
 * returns its length. */
static size_t random_text(unsigned *seed, char *buf, size_t cap)
{
    size_t n = 0, k = 1 + next_rand(seed) % 40;
    for (size_t i = 0; i < k; i++) {
        const char *p = PIECES[next_rand(seed) % (sizeof PIECES /
                                                   sizeof PIECES[0])];
        size_t len = strlen(p);
        if (n + len >= cap)
            break;
        memcpy(buf + n, p, len);
        n += len;
    }
    buf[n] = '\0';
    return n;
}

/* A random [*start, *end) of a text of n bytes: the whole of it, or cut
 * anywhere (a token or a character may be cut by the end). */
static void random_range(unsigned *seed, size_t n, size_t *start,
                         size_t *end)
{
    *start = next_rand(seed) % 3 < 2 ? 0 : next_rand(seed) % (n + 1);
    *end = *start + next_rand(seed) % (n - *start + 1);
    if (next_rand(seed) % 3 == 0)
        *end = n;
}

/* Random texts cut at random ends: scan_tokens gives exactly the tokens
 * of the reference scanner, hashes included. */
static void test_tokens_match_the_byte_at_a_time_scanner(void **state)
{
    (void)state;
    unsigned seed = 99;
    size_t words = 0;
    for (int round = 0; round < 50000; round++) {
        char text[512];
        size_t n = random_text(&seed, text, sizeof text), start, end;
        random_range(&seed, n, &start, &end);
        struct scan_toks got, want;
        memset(&got, 0, sizeof got);
        memset(&want, 0, sizeof want);
        scan_tokens(text, start, end, &got);
        ref_tokens(text, start, end, &want);
        bool same = got.n == want.n;
        for (size_t i = 0; same && i < got.n; i++)
            same = got.v[i].start == want.v[i].start &&
                   got.v[i].end == want.v[i].end &&
                   got.v[i].kind == want.v[i].kind &&
                   got.v[i].flags == want.v[i].flags &&
                   got.v[i].hash == want.v[i].hash;
        if (!same)
            fail_msg("tokens differ on '%.*s'", (int)(end - start),
                     text + start);
        for (size_t i = 0; i < want.n; i++)
            words += want.v[i].kind == SCAN_WORD;
        scan_toks_free(&got);
        scan_toks_free(&want);
    }
    assert_true(words > 60000);
}

/* The same random texts one token at a time: scan_next gives the
 * reference's tokens in order, with their kinds and flags (no hash),
 * leaves the cursor at each token's end and at the range's end after
 * the last. Every kind of token, and the slow way, must be met. */
static void test_next_gives_the_scanners_tokens_one_at_a_time(void **state)
{
    (void)state;
    unsigned seed = 7;
    size_t seen[SCAN_PUNCT + 1] = {0}, flagged = 0;
    for (int round = 0; round < 50000; round++) {
        char text[512];
        size_t n = random_text(&seed, text, sizeof text), start, end;
        random_range(&seed, n, &start, &end);
        struct scan_toks want;
        memset(&want, 0, sizeof want);
        ref_tokens(text, start, end, &want);
        size_t p = start, i = 0;
        struct scan_tok t;
        while (scan_next(text, &p, end, &t)) {
            const struct scan_tok *u = i < want.n ? &want.v[i] : NULL;
            if (!u || t.start != u->start || t.end != u->end ||
                t.kind != u->kind || t.flags != u->flags || t.hash != 0 ||
                p != t.end)
                fail_msg("token %zu [%zu, %zu) kind %d flags %d differs on "
                         "'%.*s'",
                         i, t.start, t.end, t.kind, t.flags,
                         (int)(end - start), text + start);
            seen[t.kind]++;
            flagged += t.flags != 0;
            i++;
        }
        assert_int_equal(p, end);
        if (i != want.n)
            fail_msg("%zu tokens, want %zu, on '%.*s'", i, want.n,
                     (int)(end - start), text + start);
        scan_toks_free(&want);
    }
    for (int k = SCAN_WORD; k <= SCAN_PUNCT; k++)
        assert_true(seen[k] > 1000);
    assert_true(flagged > 10000);
}

/* ---- scan_doc_build against scan_tokens run by run ------------------- */

struct runs_seen {
    const char *text;
    struct scan_toks toks;
    size_t first[16];
    size_t nruns;
};

static void note_run(void *ctx, size_t start, size_t end)
{
    struct runs_seen *rs = ctx;
    assert_true(rs->nruns + 1 < sizeof rs->first / sizeof *rs->first);
    rs->first[rs->nruns++] = rs->toks.n;
    scan_tokens(rs->text, start, end, &rs->toks);
}

/* sd holds what scan_tokens gives for each run of scan_runs, with the
 * same run boundaries. */
static void check_same_as_runs(const struct doc *doc,
                               const struct scan_doc *sd)
{
    struct runs_seen rs;
    memset(&rs, 0, sizeof rs);
    rs.text = doc->text;
    scan_runs(doc, note_run, &rs);
    rs.first[rs.nruns] = rs.toks.n;
    assert_int_equal(sd->nruns, rs.nruns);
    assert_int_equal(sd->toks.n, rs.toks.n);
    for (size_t r = 0; r <= rs.nruns; r++)
        assert_int_equal(sd->first[r], rs.first[r]);
    for (size_t k = 0; k < rs.toks.n; k++) {
        assert_int_equal(sd->toks.v[k].start, rs.toks.v[k].start);
        assert_int_equal(sd->toks.v[k].end, rs.toks.v[k].end);
        assert_int_equal(sd->toks.v[k].kind, rs.toks.v[k].kind);
        assert_int_equal(sd->toks.v[k].flags, rs.toks.v[k].flags);
        assert_int_equal(sd->toks.v[k].hash, rs.toks.v[k].hash);
    }
    scan_toks_free(&rs.toks);
}

static struct doc *doc_of(const char *text)
{
    size_t len = strlen(text);
    return doc_new("t.txt", xstrndup(text, len), len);
}

static void test_doc_tokens_match_each_run_with_sentences(void **state)
{
    (void)state;
    struct doc *doc = doc_of("Menu Home. On 26.10.2016 the Mi-8 fell. "
                             "Subscribe now! 22nd of May, 25,000 fled. "
                             "Cookies. Twenty-one died.");
    /* sentences by hand: boilerplate ones split the readable runs */
    static const struct {
        size_t start, end;
        unsigned flags;
    } sents[] = {{0, 10, SENT_BOILERPLATE}, {11, 39, 0},
                 {40, 54, SENT_BOILERPLATE}, {55, 80, 0},
                 {81, 89, SENT_BOILERPLATE}, {90, 106, 0}};
    size_t n = sizeof sents / sizeof *sents;
    doc->sents = xcalloc(n, sizeof *doc->sents);
    doc->nsents = doc->capsents = n;
    for (size_t i = 0; i < n; i++) {
        doc->sents[i].span.start = sents[i].start;
        doc->sents[i].span.end = sents[i].end;
        doc->sents[i].flags = sents[i].flags;
    }
    struct scan_doc sd;
    memset(&sd, 0, sizeof sd);
    scan_doc_build(doc, &sd);
    assert_int_equal(sd.nruns, 3);
    check_same_as_runs(doc, &sd);
    /* a second build reuses the arrays and starts from empty */
    scan_doc_build(doc, &sd);
    check_same_as_runs(doc, &sd);
    scan_doc_free(&sd);
    assert_null(sd.first);
    doc_free(doc);
}

static void test_doc_tokens_match_each_run_between_regions(void **state)
{
    (void)state;
    struct doc *doc = doc_of("Share this. 3 killed on 1 May in Aleppo. "
                             "Newsletter. Dozens of people, "
                             "\xe2\x80\x9cmany\xe2\x80\x9d.");
    doc->boiler = xcalloc(2, sizeof *doc->boiler);
    doc->nboiler = doc->capboiler = 2;
    doc->boiler[0].span.start = 0;
    doc->boiler[0].span.end = 11;
    doc->boiler[1].span.start = 41;
    doc->boiler[1].span.end = 53;
    struct scan_doc sd;
    memset(&sd, 0, sizeof sd);
    scan_doc_build(doc, &sd);
    assert_int_equal(sd.nruns, 2);
    assert_true(sd.toks.n > 10);
    check_same_as_runs(doc, &sd);
    scan_doc_free(&sd);
    doc_free(doc);
}


static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Append text[a..b) (ASCII letters) to doc->toks as a plain word with the
 * segmenter's case flags. */
static void add_plain(struct doc *doc, const char *text, size_t a, size_t b)
{
    unsigned upper = 0, lower = 0;
    for (size_t i = a; i < b; i++) {
        upper += text[i] <= 'Z';
        lower += text[i] > 'Z';
    }
    struct token *t = &doc->toks[doc->ntoks++];
    t->span.start = (uint32_t)a;
    t->span.end = (uint32_t)b;
    t->kind = TOK_WORD;
    t->flags = (unsigned char)(TOKF_PLAIN | (text[a] <= 'Z' ? TOKF_CAP : 0) |
                               (upper >= 2 && lower == 0 ? TOKF_ALLCAPS : 0));
}

/* scan_doc_build takes the segmenter's plain words (TOKF_PLAIN) whole.
 * Random paragraphs of words, numbers and glue (digits with separators,
 * apostrophes, hyphens, quotes, abbreviations, URLs, CRLF, letters past
 * ASCII), segmented with and without the segmenter's fast path, some
 * sentences then marked boilerplate: the tokens must be those scan_tokens
 * cuts from each run byte by byte. */
static void test_doc_tokens_from_the_segmenter_match_a_plain_scan(void **state)
{
    (void)state;
    static const char *const words[] = {
        "said", "Said", "SAID", "NATO", "a", "I", "www", "http", "Gen",
        "Mr", "Dr", "U", "S", "am", "etc", "vs", "Jan", "Lt", "co", "uk",
        "com", "antiwar", "A1", "F16", "x2y", "Mi", "abcdefghijklmno",
        "The", "Police", "al", "Velmora", "n", "t", "AFP", "U.S", "e.g",
        "2016", "26", "10", "1950s", "22nd", "caf\xc3\xa9", "\xc3\x89ric",
        "\xd0\xa8\xd0\xbe\xd0\xb9", "x\xc2\xb2", "don", "twenty", "one"};
    static const char *const glue[] = {
        ".", ". ", ".\n", "...", ".com", ".uk", ".a", ".5", ".-", ".\"",
        ".)", ".,", ".\xe2\x80\x9d", ".\xc2\xa0", ".\r\n", " ", "  ", ", ",
        ",000 ", ",5", ":47 ", ":", "/", "/10/", "-", "-8 ", "--", "-\xc3\xa9",
        "'", "'s ", "\xe2\x80\x99s ", "\xe2\x80\x99", "\xe2\x80\x94",
        "\xe2\x80\x9c", "\xe2\x80\x9d ", "\xc3\xa9", "\xc2\xa0", "\n",
        "\r\n", "\r\n\r\n", "\n\n", "? ", "! ", ";", "(", ") ", "\"", "3",
        " 4", " 10,000", " 3.5 ", "://x.com ", "@", "_", "%", "\t", "\xc3"};
    struct rules *rules;
    struct segmenter *seg[2];
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(NULL, &rules, &d), CD_OK);
    for (int i = 0; i < 2; i++)
        assert_int_equal(segment_new(rules, &seg[i], &d), CD_OK);
    segment_set_fast_words(seg[1], false);
    unsigned seed = 777;
    size_t plain = 0, total = 0;
    struct scan_doc sd;
    memset(&sd, 0, sizeof sd);
    for (int round = 0; round < 6000; round++) {
        char text[2048];
        size_t n = 0, pieces = 1 + next_rand(&seed) % 60;
        for (size_t k = 0; k < pieces; k++) {
            const char *w = words[next_rand(&seed) %
                                  (sizeof words / sizeof words[0])];
            const char *g = glue[next_rand(&seed) %
                                 (sizeof glue / sizeof glue[0])];
            memcpy(text + n, w, strlen(w));
            n += strlen(w);
            memcpy(text + n, g, strlen(g));
            n += strlen(g);
        }
        struct doc *doc = doc_new("t.txt", xstrndup(text, n), n);
        segment_run(seg[round % 2], doc);
        for (size_t i = 0; i < doc->nsents; i++)
            if (next_rand(&seed) % 4 == 0)
                doc->sents[i].flags |= SENT_BOILERPLATE;
        for (size_t i = 0; i < doc->ntoks; i++)
            plain += (doc->toks[i].flags & TOKF_PLAIN) != 0;
        scan_doc_build(doc, &sd);
        total += sd.toks.n;
        check_same_as_runs(doc, &sd);
        /* Words the segmenter would not cut so: every run of ASCII
         * letters in random pieces, each marked plain (letters only, as
         * promised), so that pieces end before letters, hyphens and
         * letters past ASCII. */
        free(doc->toks);
        doc->toks = xcalloc(n + 1, sizeof *doc->toks);
        doc->ntoks = 0;
        for (size_t i = 0; i < n;) {
            if (!is_ascii_letter(text[i])) {
                i++;
                continue;
            }
            size_t e = i + 1 + next_rand(&seed) % 4;
            while (e > i + 1 && (e > n || !is_ascii_letter(text[e - 1])))
                e--;
            size_t j = i;
            while (j < e && is_ascii_letter(text[j]))
                j++;
            add_plain(doc, text, i, j);
            i = j;
        }
        scan_doc_build(doc, &sd);
        check_same_as_runs(doc, &sd);
        doc_free(doc);
    }
    /* the shortcut was taken often, and not for every token */
    assert_true(plain > 20000);
    assert_true(total > plain + 20000);
    scan_doc_free(&sd);
    for (int i = 0; i < 2; i++)
        segment_free(seg[i]);
    rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_ids_are_case_insensitive_and_dense),
        cmocka_unit_test(test_map_finds_every_key_after_growth),
        cmocka_unit_test(test_hash_ignores_ascii_case_only),
        cmocka_unit_test(test_tokens_keep_dates_and_designations_whole),
        cmocka_unit_test(test_tokens_flags_and_wide_letters),
        cmocka_unit_test(test_hyphen_flag_is_set_exactly_when_a_token_holds_one),
        cmocka_unit_test(test_tokens_match_the_byte_at_a_time_scanner),
        cmocka_unit_test(test_next_gives_the_scanners_tokens_one_at_a_time),
        cmocka_unit_test(test_index_answers_as_the_map),
        cmocka_unit_test(test_doc_tokens_match_each_run_with_sentences),
        cmocka_unit_test(test_doc_tokens_match_each_run_between_regions),
        cmocka_unit_test(test_doc_tokens_from_the_segmenter_match_a_plain_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
