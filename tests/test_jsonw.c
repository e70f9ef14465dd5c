/* test_jsonw.c - the streaming JSON writer prints what cJSON prints
 * (jsonw.h). Random trees are built twice, as a cJSON tree and as jsonw
 * calls, and both printings must match byte for byte, pretty and compact:
 * the reports' and records' bytes depend on it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/jsonw.h"
#include "claimdiff/utf8.h"

/* A small deterministic generator (xorshift64*), so a failure repeats. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static size_t below(uint64_t *s, size_t n)
{
    return (size_t)(next(s) % n);
}

/* Bytes that stress escaping and UTF-8 repair: controls, quotes, NUL,
 * DEL, valid and broken multibyte sequences. */
static size_t random_bytes(uint64_t *s, char *buf, size_t max)
{
    static const char *const pieces[] = {
        "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
        "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80",
        "\xff", "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf",
        "word", "\0", "0.5"};
    size_t n = 0, parts = below(s, 8);
    for (size_t i = 0; i < parts; i++) {
        const char *p = pieces[below(s, sizeof pieces / sizeof *pieces)];
        size_t len = p[0] ? strlen(p) : 1;
        if (n + len > max)
            break;
        memcpy(buf + n, p, len);
        n += len;
    }
    return n;
}

static double random_number(uint64_t *s)
{
    static const double fixed[] = {0.0, 1.0, -1.0, 0.5, 0.3048, 1e15,
                                   1e15 - 1, -1e15, 1e16, 1e300, 3e-5,
                                   2147483648.0, -2147483649.0, 1.0 / 3};
    switch (below(s, 6)) {
    case 0:
        return fixed[below(s, sizeof fixed / sizeof *fixed)];
    case 1:
        return (double)(int64_t)(next(s) >> below(s, 64));
    case 2:
        return -(double)below(s, 100000);
    case 3: {
        uint64_t bits = next(s);
        double d;
        memcpy(&d, &bits, sizeof d);
        return d; /* any double: NaN, infinities, subnormals, -0 */
    }
    case 4:
        return (double)below(s, 1000000) / 1000.0;
    default:
        return -0.0;
    }
}

/* A C string as cJSON gets it: s[0..n) up to its first NUL, repaired on
 * request as report.c's strings were before jsonw. */
static cJSON *reference_string(const char *s, size_t n, bool repair)
{
    char *tmp = xstrndup(s, n);
    if (repair)
        utf8_repair(tmp, n);
    cJSON *j = cJSON_CreateString(tmp);
    free(tmp);
    return j;
}

static cJSON *build(uint64_t *s, struct jsonw *pw, struct jsonw *cw,
                    int depth);

/* One random value: into the tree (returned) and into both writers. */
static cJSON *build_scalar(uint64_t *s, struct jsonw *pw, struct jsonw *cw)
{
    char buf[64];
    size_t n;
    double v;
    switch (below(s, 6)) {
    case 0:
        n = random_bytes(s, buf, sizeof buf);
        jsonw_string_n(pw, buf, n);
        jsonw_string_n(cw, buf, n);
        return reference_string(buf, n, false);
    case 1:
        n = random_bytes(s, buf, sizeof buf);
        jsonw_string_utf8(pw, buf, n);
        jsonw_string_utf8(cw, buf, n);
        return reference_string(buf, n, true);
    case 2:
        v = random_number(s);
        jsonw_number(pw, v);
        jsonw_number(cw, v);
        return cJSON_CreateNumber(v);
    case 3:
        n = below(s, 2);
        jsonw_bool(pw, n);
        jsonw_bool(cw, n);
        return cJSON_CreateBool((int)n);
    case 4:
        jsonw_null(pw);
        jsonw_null(cw);
        return cJSON_CreateNull();
    default:
        jsonw_string(pw, "plain");
        jsonw_string(cw, "plain");
        return cJSON_CreateString("plain");
    }
}

static cJSON *build(uint64_t *s, struct jsonw *pw, struct jsonw *cw, int depth)
{
    size_t kind = depth > 3 ? 2 : below(s, 3);
    if (kind == 2)
        return build_scalar(s, pw, cw);
    bool object = kind == 0;
    cJSON *c = object ? cJSON_CreateObject() : cJSON_CreateArray();
    if (object) {
        jsonw_object(pw);
        jsonw_object(cw);
    } else {
        jsonw_array(pw);
        jsonw_array(cw);
    }
    size_t members = below(s, 5);
    for (size_t i = 0; i < members; i++) {
        if (object) {
            char key[64];
            size_t n = random_bytes(s, key, sizeof key - 1);
            key[n] = '\0'; /* a key is a C string: stops at its first NUL */
            jsonw_key(pw, key);
            jsonw_key(cw, key);
            cJSON_AddItemToObject(c, key, build(s, pw, cw, depth + 1));
        } else {
            cJSON_AddItemToArray(c, build(s, pw, cw, depth + 1));
        }
    }
    jsonw_end(pw);
    jsonw_end(cw);
    return c;
}

static void test_random_trees_print_as_cjson_prints_them(void **state)
{
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (int round = 0; round < 3000; round++) {
        struct jsonw *pw = jsonw_new(NULL, true), *cw = jsonw_new(NULL, false);
        jsonw_object(pw);
        jsonw_object(cw);
        cJSON *root = cJSON_CreateObject();
        jsonw_key(pw, "root");
        jsonw_key(cw, "root");
        cJSON_AddItemToObject(root, "root", build(&seed, pw, cw, 0));
        jsonw_end(pw);
        jsonw_end(cw);
        size_t plen, clen;
        char *pretty = jsonw_take(pw, &plen), *compact = jsonw_take(cw, &clen);
        char *want_pretty = cJSON_Print(root);
        char *want_compact = cJSON_PrintUnformatted(root);
        assert_string_equal(pretty, want_pretty);
        assert_string_equal(compact, want_compact);
        assert_int_equal(plen, strlen(want_pretty));
        assert_int_equal(clen, strlen(want_compact));
        cJSON_free(want_pretty);
        cJSON_free(want_compact);
        cJSON_Delete(root);
        free(pretty);
        free(compact);
        jsonw_free(pw);
        jsonw_free(cw);
    }
}

static void test_numbers_print_as_cjson_prints_them(void **state)
{
    (void)state;
    uint64_t seed = 42;
    for (int i = 0; i < 200000; i++) {
        double v = random_number(&seed);
        struct jsonw *w = jsonw_new(NULL, false);
        jsonw_number(w, v);
        size_t n;
        char *got = jsonw_take(w, &n);
        cJSON *j = cJSON_CreateNumber(v);
        char *want = cJSON_PrintUnformatted(j);
        assert_string_equal(got, want);
        cJSON_free(want);
        cJSON_Delete(j);
        free(got);
        jsonw_free(w);
    }
}

/* Integers put by the fixed-shape writer print as cJSON prints the same
 * value as a double: every length of digits, both signs, and each power
 * of ten and its neighbours up to JSONW_INT_LIMIT. */
static void check_int(int64_t v)
{
    char buf[JSONW_INT_MAX + 1];
    char *end = jsonw_put_int(buf, v);
    assert_true(end > buf && end - buf <= JSONW_INT_MAX);
    *end = '\0';
    cJSON *j = cJSON_CreateNumber((double)v);
    char *want = cJSON_PrintUnformatted(j);
    assert_string_equal(buf, want);
    cJSON_free(want);
    cJSON_Delete(j);
}

static void test_integers_put_print_as_cjson_prints_them(void **state)
{
    (void)state;
    uint64_t seed = 7;
    for (int64_t p = 1; p < JSONW_INT_LIMIT; p *= 10) {
        for (int64_t d = -1; d <= 1; d++) {
            if (p + d < JSONW_INT_LIMIT) {
                check_int(p + d);
                check_int(-(p + d));
            }
        }
    }
    check_int(JSONW_INT_LIMIT - 1);
    check_int(-(JSONW_INT_LIMIT - 1));
    /* Every number of up to five digits: the short paths end there. */
    for (int64_t v = 0; v < 100000; v++) {
        check_int(v);
        check_int(-v);
    }
    for (int i = 0; i < 100000; i++) {
        /* A random length first, so that short numbers are as common as
         * long ones. */
        int64_t mod = 1;
        for (size_t k = below(&seed, 15) + 1; k > 0; k--)
            mod *= 10;
        int64_t v = (int64_t)(next(&seed) % (uint64_t)mod);
        check_int(next(&seed) & 1 ? -v : v);
    }
}

/* Fixed-shape output is the same bytes as the structured calls. */
static void test_fixed_shape_output_matches_the_structured_calls(void **state)
{
    (void)state;
    uint64_t seed = 11;
    for (int i = 0; i < 2000; i++) {
        char str[64];
        size_t n = random_bytes(&seed, str, sizeof str - 1);
        str[n] = '\0';
        int64_t k = (int64_t)(next(&seed) % 2000000) - 1000000;
        double v = random_number(&seed);

        struct jsonw *a = jsonw_new(NULL, false);
        jsonw_object(a);
        jsonw_key(a, "s");
        jsonw_string(a, str);
        jsonw_key(a, "k");
        jsonw_number(a, (double)k);
        jsonw_key(a, "v");
        jsonw_number(a, v);
        jsonw_key(a, "z");
        jsonw_null(a);
        jsonw_end(a);

        struct jsonw *b = jsonw_new(NULL, false);
        char *p = jsonw_room(b, 8);
        memcpy(p, "{\"s\":", 5);
        jsonw_wrote(b, p + 5);
        jsonw_put_string(b, str);
        p = jsonw_room(b, 8 + JSONW_INT_MAX);
        memcpy(p, ",\"k\":", 5);
        p = jsonw_put_int(p + 5, k);
        memcpy(p, ",\"v\":", 5);
        jsonw_wrote(b, p + 5);
        jsonw_put_number(b, v);
        p = jsonw_room(b, 16);
        memcpy(p, ",\"z\":", 5);
        jsonw_wrote(b, p + 5);
        jsonw_put_string(b, NULL);
        p = jsonw_room(b, 1);
        *p = '}';
        jsonw_wrote(b, p + 1);

        size_t na, nb;
        char *sa = jsonw_take(a, &na), *sb = jsonw_take(b, &nb);
        assert_int_equal(na, nb);
        assert_memory_equal(sa, sb, na);
        free(sa);
        free(sb);
        jsonw_free(a);
        jsonw_free(b);
    }
}

/* Strings and keys are scanned eight bytes at a time for a byte that
 * needs a look: each such byte, at every place in strings of every length
 * around a word or two, must still be escaped (or repaired) as cJSON
 * does, and a plain byte just above each of them must not be. */
static void test_each_byte_to_escape_is_found_at_every_place(void **state)
{
    (void)state;
    static const char special[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f',
                                   ' ',  '#',   ']',  '\x80', '\xc3', '\xff'};
    for (size_t len = 1; len <= 48; len++) {
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < sizeof special; k++) {
                char text[64];
                memset(text, 'a', len);
                text[at] = special[k];
                text[len] = '\0';
                struct jsonw *w = jsonw_new(NULL, false);
                jsonw_object(w);
                jsonw_key(w, text);
                jsonw_array(w);
                jsonw_string(w, text);
                jsonw_string_utf8(w, text, len);
                jsonw_end(w);
                jsonw_end(w);
                size_t n;
                char *got = jsonw_take(w, &n);
                char repaired[64];
                memcpy(repaired, text, len + 1);
                utf8_repair(repaired, len);
                cJSON *root = cJSON_CreateObject();
                cJSON *arr = cJSON_AddArrayToObject(root, text);
                cJSON_AddItemToArray(arr, cJSON_CreateString(text));
                cJSON_AddItemToArray(arr, cJSON_CreateString(repaired));
                char *want = cJSON_PrintUnformatted(root);
                assert_string_equal(got, want);
                cJSON_free(want);
                cJSON_Delete(root);
                free(got);
                jsonw_free(w);
            }
        }
    }
}

/* jsonw_string_n of text[0..len) must print as cJSON prints the C string
 * text (which ends at the first NUL). */
static void check_string_n(const char *text, size_t len)
{
    struct jsonw *w = jsonw_new(NULL, false);
    jsonw_array(w);
    jsonw_string_n(w, text, len);
    jsonw_end(w);
    size_t n;
    char *got = jsonw_take(w, &n);
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, cJSON_CreateString(text));
    char *want = cJSON_PrintUnformatted(arr);
    if (strcmp(got, want) != 0)
        fail_msg("string of %zu bytes: got %.80s..., want %.80s...", len, got,
                 want);
    cJSON_free(want);
    cJSON_Delete(arr);
    free(got);
    jsonw_free(w);
}

/* jsonw_string_utf8 of text[0..len) must print as cJSON prints a copy
 * of it put through utf8_repair. */
static void check_string_utf8(const char *text, size_t len)
{
    struct jsonw *w = jsonw_new(NULL, false);
    jsonw_array(w);
    jsonw_string_utf8(w, text, len);
    jsonw_end(w);
    size_t n;
    char *got = jsonw_take(w, &n);
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, reference_string(text, len, true));
    char *want = cJSON_PrintUnformatted(arr);
    if (strcmp(got, want) != 0)
        fail_msg("repaired string of %zu bytes: got %.80s..., want %.80s...",
                 len, got, want);
    cJSON_free(want);
    cJSON_Delete(arr);
    free(got);
    jsonw_free(w);
}

/* Strings to repair take the copying path from a few words on: valid and
 * broken UTF-8 sequences (cut, overlong, stray continuation bytes) at
 * every place of strings around a word or two, then random mixtures of
 * every length up to past a chunk, sequences across the chunk's end. */
static void test_strings_to_repair_print_as_repaired_copies_do(void **state)
{
    (void)state;
    static const char *const seqs[] = {"\xc3\xa9", "\xe2\x80\x9c",
                                       "\xf0\x9f\x98\x80", "\xc3", "\xe2\x80",
                                       "\xf0\x9f\x98", "\x80", "\xbf\xbf",
                                       "\xc0\xaf", "\xed\xa0\x80", "\xff",
                                       "\xf4\x90\x80\x80"};
    char text[64];
    for (size_t len = 1; len <= 40; len++) {
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < sizeof seqs / sizeof *seqs; k++) {
                memset(text, 'a', len);
                size_t sl = strlen(seqs[k]);
                if (sl > len - at)
                    sl = len - at; /* cut by the string's end */
                memcpy(text + at, seqs[k], sl);
                text[len] = '\0';
                check_string_utf8(text, len);
            }
        }
    }
    static const char *const pieces[] = {
        "a",   "word ", "\"", "\\", "\n",       "\x02",  "\xc3\xa9",
        "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xc3", "\x80", "\xff",
        "\r\n", "        ", "\xe2\x80"};
    uint64_t seed = 5;
    char *big = xmalloc(8400);
    for (int round = 0; round < 400; round++) {
        size_t want =
            round < 300 ? below(&seed, 200) : 4080 + below(&seed, 4200);
        size_t len = 0;
        while (len < want) {
            const char *p =
                pieces[below(&seed, sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (len + pl > want)
                pl = want - len;
            memcpy(big + len, p, pl);
            len += pl;
        }
        big[len] = '\0';
        if (round % 50 == 49 && len > 5)
            big[len - 5] = '\0'; /* a NUL near the end stops it */
        check_string_utf8(big, len);
    }
    free(big);
}

/* Long strings are copied eight bytes a step and escaped in place, in
 * chunks: each byte that needs escaping at every place of strings just
 * past the short path's limit, then random text with escapes (and NULs,
 * which end the string) of lengths around the chunk size. */
static void test_long_strings_escape_as_cjson_does(void **state)
{
    (void)state;
    static const char special[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f',
                                   ' ',  '#',   ']',  '\x80', '\xc3', '\t'};
    char text[128];
    for (size_t len = 60; len <= 90; len++) {
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < sizeof special; k++) {
                memset(text, 'a', len);
                text[at] = special[k];
                text[len] = '\0';
                check_string_n(text, len);
            }
        }
    }
    static const size_t lens[] = {4088, 4095, 4096, 4097, 4104, 8191,
                                  8192, 8193, 12300};
    static const char *const pieces[] = {"a", "word ", "\"", "\\", "\n",
                                         "\x02", "\xc3\xa9", "\xe2\x80\x9c",
                                         "\r\n", "        ", "\x1f"};
    uint64_t seed = 99;
    char *big = xmalloc(12400);
    for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
        for (int round = 0; round < 4; round++) {
            size_t len = 0;
            while (len < lens[li]) {
                const char *p = pieces[below(&seed, sizeof pieces /
                                                        sizeof pieces[0])];
                size_t pl = strlen(p);
                if (len + pl > lens[li])
                    pl = lens[li] - len;
                memcpy(big + len, p, pl);
                len += pl;
            }
            big[len] = '\0';
            if (round == 3)
                big[len - 5] = '\0'; /* a NUL near the end stops it */
            check_string_n(big, len);
        }
    }
    free(big);
}

/* jsonw_put_plain writes a string that needs no escape as jsonw_string
 * would and refuses (writing nothing) one that does. */
static void test_put_plain_writes_only_plain_strings(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "", "a", "plain words", "caf\xc3\xa9", "quote\"d", "back\\slash",
        "tab\t", "a long plain string of forty bytes!!", "new\nline",
        "\"seventeen bytes.", "seventeen bytes.\"", "eight by", "eight b\"",
        "\"ight by", "nine byte", "nine byt\n", "sixteen bytes!!!",
        "sixteen bytes!!\\", "exactly nine", "twenty-four bytes long.\n",
        "0123456789\"12345678901234", "01234567890123456\t1234567890"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i];
        size_t n = strlen(c);
        char buf[64];
        memset(buf, '#', sizeof buf);
        char *end = jsonw_put_plain(buf, c, n);
        bool plain = strpbrk(c, "\"\\\t\n") == NULL;
        if (!plain) {
            assert_null(end);
            continue;
        }
        assert_non_null(end);
        struct jsonw *w = jsonw_new(NULL, false);
        jsonw_string(w, c);
        size_t wn;
        char *want = jsonw_take(w, &wn);
        assert_int_equal((size_t)(end - buf), wn);
        assert_memory_equal(buf, want, wn);
        free(want);
        jsonw_free(w);
    }
}

/* One nest of depth objects, each holding random plain keys, written
 * with jsonw_key_plain and built as a cJSON tree. */
static cJSON *plain_nest(uint64_t *seed, struct jsonw *w, size_t depth)
{
    static const char plain[] = "abcXYZ019 _-/.:\xc3\xa9\x7f";
    cJSON *o = cJSON_CreateObject();
    jsonw_object(w);
    for (size_t m = below(seed, 4); m > 0; m--) {
        char key[41];
        size_t n = below(seed, sizeof key);
        for (size_t i = 0; i < n; i++)
            key[i] = plain[below(seed, sizeof plain - 1)];
        key[n] = '\0';
        jsonw_key_plain(w, key, n);
        jsonw_number(w, (double)n);
        cJSON_AddItemToObject(o, key, cJSON_CreateNumber((double)n));
    }
    if (depth > 1) {
        JSONW_KEY(w, "in");
        cJSON_AddItemToObject(o, "in", plain_nest(seed, w, depth - 1));
    }
    jsonw_end(w);
    return o;
}

/* A key frame is the very bytes jsonw_key_plain writes at that depth,
 * first member or later, pretty or compact; members counted by hand make
 * the next jsonw_key put its separator. */
static void test_key_frames_are_the_bytes_key_plain_writes(void **state)
{
    (void)state;
    static const char *const keys[] = {"", "id", "attributed_to", "x\xc3\xa9"};
    for (int pretty = 0; pretty <= 1; pretty++) {
        for (size_t depth = 1; depth <= 24; depth++) {
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
                for (int comma = 0; comma <= 1; comma++) {
                    struct jsonw *w = jsonw_new(NULL, pretty);
                    for (size_t d = 0; d < depth; d++)
                        jsonw_object(w);
                    if (comma) {
                        jsonw_key_plain(w, "a", 1);
                        jsonw_null(w);
                    }
                    size_t fn, before, after;
                    char *f = jsonw_key_frame(w, keys[k], strlen(keys[k]),
                                              comma, &fn);
                    free(jsonw_take(w, &before));
                    jsonw_key_plain(w, keys[k], strlen(keys[k]));
                    char *want = jsonw_take(w, &after);
                    assert_int_equal(fn, after);
                    assert_memory_equal(f, want, fn);
                    free(want);
                    free(f);
                    jsonw_free(w);
                }
            }
        }
    }
    struct jsonw *w = jsonw_new(NULL, true);
    jsonw_object(w);
    size_t fn, n;
    char *f = jsonw_key_frame(w, "a", 1, false, &fn);
    char *p = jsonw_room(w, fn + 1);
    memcpy(p, f, fn);
    p[fn] = '1';
    jsonw_wrote(w, p + fn + 1);
    jsonw_had_members(w);
    jsonw_key(w, "b");
    jsonw_number(w, 2);
    jsonw_end(w);
    char *got = jsonw_take(w, &n);
    assert_string_equal(got, "{\n\t\"a\":\t1,\n\t\"b\":\t2\n}");
    free(got);
    free(f);
    jsonw_free(w);
}

/* jsonw_key_plain prints plain keys as cJSON does: lengths 0 to 40
 * (each way copy_short copies), bytes >= 0x80, nesting shallow and
 * deeper than its fixed block of tabs, pretty and compact, first
 * members and later ones. */
static void test_plain_keys_print_as_cjson_prints_them(void **state)
{
    (void)state;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (int round = 0; round < 400; round++) {
        for (int pretty = 0; pretty < 2; pretty++) {
            uint64_t s = seed;
            struct jsonw *w = jsonw_new(NULL, pretty);
            cJSON *root = plain_nest(&s, w, 1 + (size_t)round % 24);
            size_t n;
            char *got = jsonw_take(w, &n);
            char *want = pretty ? cJSON_Print(root)
                                : cJSON_PrintUnformatted(root);
            assert_string_equal(got, want);
            assert_int_equal(n, strlen(want));
            cJSON_free(want);
            cJSON_Delete(root);
            free(got);
            jsonw_free(w);
            if (pretty)
                seed = s;
        }
    }
}

/* Through a stream the writer holds at most about JSONW_FLUSH bytes, yet
 * the stream receives every byte, a string longer than the buffer too. */
static void test_a_stream_gets_every_byte_in_order(void **state)
{
    (void)state;
    char *file_buf = NULL;
    size_t file_len = 0;
    FILE *f = open_memstream(&file_buf, &file_len);
    assert_non_null(f);
    size_t big = 3 * JSONW_FLUSH + 17;
    char *text = xmalloc(big + 1);
    for (size_t i = 0; i < big; i++)
        text[i] = (char)('a' + i % 26);
    text[big] = '\0';
    struct jsonw *w = jsonw_new(f, false);
    struct jsonw *m = jsonw_new(NULL, false);
    for (int line = 0; line < 3; line++) {
        struct jsonw *both[] = {w, m};
        for (int k = 0; k < 2; k++) {
            jsonw_object(both[k]);
            jsonw_key(both[k], "text");
            jsonw_string(both[k], text);
            jsonw_key(both[k], "n");
            jsonw_array(both[k]);
            for (int i = 0; i < 20000; i++)
                jsonw_number(both[k], i);
            jsonw_end(both[k]);
            jsonw_end(both[k]);
            jsonw_newline(both[k]);
        }
    }
    jsonw_flush(w);
    fclose(f);
    size_t n;
    char *want = jsonw_take(m, &n);
    assert_int_equal(file_len, n);
    assert_memory_equal(file_buf, want, n);
    free(want);
    free(file_buf);
    free(text);
    jsonw_free(w);
    jsonw_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_trees_print_as_cjson_prints_them),
        cmocka_unit_test(test_numbers_print_as_cjson_prints_them),
        cmocka_unit_test(test_integers_put_print_as_cjson_prints_them),
        cmocka_unit_test(test_fixed_shape_output_matches_the_structured_calls),
        cmocka_unit_test(test_each_byte_to_escape_is_found_at_every_place),
        cmocka_unit_test(test_long_strings_escape_as_cjson_does),
        cmocka_unit_test(test_strings_to_repair_print_as_repaired_copies_do),
        cmocka_unit_test(test_put_plain_writes_only_plain_strings),
        cmocka_unit_test(test_a_stream_gets_every_byte_in_order),
        cmocka_unit_test(test_plain_keys_print_as_cjson_prints_them),
        cmocka_unit_test(test_key_frames_are_the_bytes_key_plain_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
