/* Unit tests of rule loading: built-ins, --rules DIR, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimdiff/rules.h"
#include "rxhint.h"

struct tmpdir {
    char path[64];
};

static void write_file(const char *dir, const char *name, const char *body)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(body, f);
    fclose(f);
}

static void remove_tree(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void make_tmp(struct tmpdir *t)
{
    snprintf(t->path, sizeof t->path, "/tmp/claimdiff-test-XXXXXX");
    assert_non_null(mkdtemp(t->path));
}

static void test_builtin_rules_load(void **state)
{
    (void)state;
    struct rules *r;
    struct diag d;
    assert_int_equal(rules_new(NULL, &r, &d), CD_OK);
    const struct rule_table *t = rules_get(r, "boilerplate");
    assert_true(t->nrows > 10);
    assert_string_equal(t->rows[0].file, "<builtin>/boilerplate.tsv");
    assert_int_equal(t->rows[0].nfields, 3);
    rules_free(r);
}

static void test_missing_table_is_empty(void **state)
{
    (void)state;
    struct rules *r;
    struct diag d;
    assert_int_equal(rules_new(NULL, &r, &d), CD_OK);
    assert_int_equal(rules_get(r, "no/such/table")->nrows, 0);
    rules_free(r);
}

static void test_user_dir_extends_a_builtin_table(void **state)
{
    (void)state;
    struct tmpdir t;
    struct rules *r, *base;
    struct diag d;
    make_tmp(&t);
    write_file(t.path, "boilerplate.tsv",
               "# mine\nline\t^Powered by .*$\tfooter\n");
    assert_int_equal(rules_new(NULL, &base, &d), CD_OK);
    assert_int_equal(rules_new(t.path, &r, &d), CD_OK);
    const struct rule_table *tb = rules_get(r, "boilerplate");
    assert_int_equal(tb->nrows, rules_get(base, "boilerplate")->nrows + 1);
    assert_string_equal(tb->rows[tb->nrows - 1].fields[1], "^Powered by .*$");
    assert_int_equal(tb->rows[tb->nrows - 1].line, 2);
    rules_free(r);
    rules_free(base);
    remove_tree(t.path);
}

static void test_replace_directive_replaces_a_table(void **state)
{
    (void)state;
    struct tmpdir t;
    struct rules *r;
    struct diag d;
    make_tmp(&t);
    write_file(t.path, "boilerplate.tsv", "%replace\nline\tx\ty\n");
    assert_int_equal(rules_new(t.path, &r, &d), CD_OK);
    assert_int_equal(rules_get(r, "boilerplate")->nrows, 1);
    rules_free(r);
    remove_tree(t.path);
}

static void test_subdirectories_name_tables(void **state)
{
    (void)state;
    struct tmpdir t;
    struct rules *r;
    struct diag d;
    char sub[128];
    make_tmp(&t);
    snprintf(sub, sizeof sub, "%s/gazetteer", t.path);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file(sub, "mine.tsv", "Atlantis\tplace\t\tOcean\n");
    assert_int_equal(rules_new(t.path, &r, &d), CD_OK);
    const struct rule_table *tb = rules_get(r, "gazetteer/mine");
    assert_int_equal(tb->nrows, 1);
    assert_int_equal(tb->rows[0].nfields, 3); /* runs of tabs are one */
    assert_string_equal(tb->rows[0].fields[2], "Ocean");
    rules_free(r);
    remove_tree(t.path);
}

static void test_unknown_directive_names_file_and_line(void **state)
{
    (void)state;
    struct tmpdir t;
    struct rules *r = (struct rules *)&t;
    struct diag d;
    char want[256];
    make_tmp(&t);
    write_file(t.path, "x.tsv", "# c\n\na\tb\n%include y\n");
    assert_int_equal(rules_new(t.path, &r, &d), CD_ERR_RULE);
    assert_null(r);
    snprintf(want, sizeof want, "%s/x.tsv", t.path);
    assert_string_equal(d.file, want);
    assert_int_equal(d.line, 4);
    remove_tree(t.path);
}

static void test_field_count_check_names_the_row(void **state)
{
    (void)state;
    struct tmpdir t;
    struct rules *r;
    struct diag d;
    char buf[512], want[512];
    make_tmp(&t);
    write_file(t.path, "boilerplate.tsv", "line\tonly-two\n");
    assert_int_equal(rules_new(t.path, &r, &d), CD_OK);
    assert_int_equal(rules_check_fields(rules_get(r, "boilerplate"), 3, 3, &d),
                     CD_ERR_RULE);
    diag_format(&d, buf, sizeof buf);
    snprintf(want, sizeof want,
             "%s/boilerplate.tsv:1: expected 3 tab-separated fields, found 2",
             t.path);
    assert_string_equal(buf, want);
    rules_free(r);
    remove_tree(t.path);
}

static void test_bad_pattern_gives_offset_and_message(void **state)
{
    (void)state;
    struct rules_rx *rx;
    struct diag d;
    struct rule_row row = {"p.tsv", 7, 0, NULL};
    assert_int_equal(rules_rx_new("ab(c", 0, &row, &rx, &d), CD_ERR_RULE);
    assert_null(rx);
    assert_string_equal(d.file, "p.tsv");
    assert_int_equal(d.line, 7);
    assert_non_null(strstr(d.msg, "offset 4"));
    assert_non_null(strstr(d.msg, "missing closing parenthesis"));
}

static void test_regex_finds_groups_as_byte_offsets(void **state)
{
    (void)state;
    struct rules_rx *rx;
    struct diag d;
    struct rules_rx_match m;
    const char *s = "“Quoted” said Kerry.";
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    assert_int_equal(rules_rx_new("said (\\p{Lu}\\w+)", 0, NULL, &rx, &d), CD_OK);
    assert_true(rules_rx_find(rx, sc, s, strlen(s), 0, &m));
    assert_int_equal(m.start[1], 18);
    assert_int_equal(m.end[1], 23);
    assert_false(rules_rx_find(rx, sc, s, strlen(s), 20, &m));
    rules_rx_free(rx);
    rules_rx_scratch_free(sc);
}

/* ---- pattern hints (src/rxhint.c) ---------------------------------------- */

static bool has_factor(const struct rxhint *h, const char *f)
{
    for (size_t i = 0; i < h->nfactors; i++)
        if (h->factor_len[i] == strlen(f) &&
            memcmp(h->factor[i], f, h->factor_len[i]) == 0)
            return true;
    return false;
}

static void test_hint_finds_factors_and_start_bytes(void **state)
{
    (void)state;
    struct rxhint h;
    rxhint_analyse("\\b(\\d{1,3}(?:st|nd) (?:[A-Z][a-z]+ )?(?:Brigade|Army))\\b",
                   false, &h);
    assert_int_equal(h.nfactors, 2);
    assert_true(has_factor(&h, "Brigade"));
    assert_true(has_factor(&h, "Army"));
    assert_true(h.has_start);
    assert_true(h.start['7'] && h.start[0xD9]); /* any digit under UCP */
    assert_false(h.start['a'] || h.start[' '] || h.start[0x80]);

    /* fixed strings across a lookaround and a group join into one */
    rxhint_analyse("(?<![\\w.])x\\.(?:com|co\\.uk)(?!\\w)", false, &h);
    assert_int_equal(h.nfactors, 2);
    assert_true(has_factor(&h, "x.com") && has_factor(&h, "x.co.uk"));
    assert_true(h.start['x'] && !h.start['y']);

    /* each branch of an alternation must give one */
    rxhint_analyse("abc\\d|xyz", false, &h);
    assert_true(has_factor(&h, "abc") && has_factor(&h, "xyz"));
    rxhint_analyse("abc|\\d+", false, &h);
    assert_int_equal(h.nfactors, 0);
    /* optional parts promise nothing */
    rxhint_analyse("(?:Brigade)?\\d", false, &h);
    assert_int_equal(h.nfactors, 0);
    assert_true(h.start['B'] && h.start['1']);
}

/* How far into a match its factor may start: the most bytes the items
 * before it may consume, a character counting 4 (UTF-8's most). */
static void test_hint_bounds_how_far_a_factor_lies_into_a_match(void **state)
{
    (void)state;
    struct rxhint h;
    rxhint_analyse("(?<!x )\\b(?:[A-Da]rmy|unit)\\b", false, &h);
    assert_int_equal(h.nfactors, 2);
    assert_int_equal(h.factor_lead, 4); /* "rmy" after one character */
    /* a class of a few ASCII bytes is that many strings */
    rxhint_analyse("(?<!x )\\b(?:[Aa]rmy|unit)\\b", false, &h);
    assert_int_equal(h.nfactors, 3);
    assert_true(has_factor(&h, "Army") && has_factor(&h, "army"));
    assert_int_equal(h.factor_lead, 0);
    rxhint_analyse("Army", false, &h);
    assert_int_equal(h.factor_lead, 0);
    rxhint_analyse("\\d{1,3}(?:st|nd) Army", false, &h);
    assert_true(has_factor(&h, "st Army") && has_factor(&h, "nd Army"));
    assert_int_equal(h.factor_lead, 12); /* after up to 3 digits */
    rxhint_analyse("[a-z]+ Army", false, &h);
    assert_int_equal(h.factor_lead, RXHINT_UNBOUNDED);
    rxhint_analyse("x(?:ab){2}", false, &h); /* a repeat's first "ab" */
    assert_true(has_factor(&h, "ab"));
    assert_int_equal(h.factor_lead, 4);
    rxhint_analyse("(?:x|yy)(?:Army|(?:z)?unit)", false, &h);
    assert_int_equal(h.factor_lead, 8 + 4); /* two characters, then "z" */
    const char *s = "the arm of the Army, unit 4";
    rxhint_analyse("(?:Army|unit)", false, &h);
    assert_int_equal(rxhint_next_factor(&h, s, strlen(s)), 15);
    assert_int_equal(rxhint_next_factor(&h, s + 16, strlen(s) - 16), 5);
    assert_int_equal(rxhint_next_factor(&h, s, 18), 18); /* "Arm" cut */
}

static void test_hint_gives_up_outside_its_subset(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "(?m)Brigade", "(*COMMIT)Brigade", "\\GBrigade", "(a)\\1Brigade",
        "\\QBrigade\\E", "(?>Brigade)", "Briga\\x{64}e", "\\KBrigade",
        "a*", "(?:x|)", "[[:alpha:]]Brigade"};
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++) {
        struct rxhint h;
        rxhint_analyse(pats[i], false, &h);
        assert_int_equal(h.nfactors, 0);
        assert_false(h.has_start);
    }
    /* caseless: no factors, and a start set with both cases (and past
     * ASCII for k and s, which match KELVIN SIGN and LONG S) */
    struct rxhint h;
    rxhint_analyse("Brigade", true, &h);
    assert_int_equal(h.nfactors, 0);
    assert_true(h.has_start && h.start['b'] && h.start['B']);
    assert_false(h.start['r'] || h.start[0xE2]);
    rxhint_analyse("(?i)^(sign|keep)\\b", false, &h);
    assert_int_equal(h.nfactors, 0);
    assert_true(h.start['S'] && h.start['k'] && h.start[0xE2] &&
                h.start[0xC5]);
    assert_false(h.start['i']);
    rxhint_analyse("(?i)[a-c]x", false, &h);
    assert_true(h.start['A'] && h.start['c'] && !h.start['d']);
    rxhint_analyse("(?i)été", false, &h); /* past ASCII: anything */
    assert_true(h.start['a'] && h.start[0xC3]);
}

static void test_hint_may_match_only_says_no_without_a_factor(void **state)
{
    (void)state;
    struct rxhint h;
    rxhint_analyse("\\.(?:com|org)\\b", false, &h); /* one first byte */
    assert_true(rxhint_may_match(&h, "see x.org now", 13));
    assert_false(rxhint_may_match(&h, "see x.or", 8)); /* cut short */
    assert_false(rxhint_may_match(&h, "no dots com org", 15));
    rxhint_analyse("(?:Army|Corps)", false, &h); /* several first bytes */
    assert_true(rxhint_may_match(&h, "the Corps", 9));
    assert_false(rxhint_may_match(&h, "the Corp", 8));
    rxhint_analyse("\\d", false, &h); /* no factors: always maybe */
    assert_true(rxhint_may_match(&h, "", 0));
}

/* The first factor start at or after from, by trying every place. */
static size_t naive_next_factor(const struct rxhint *h, const char *s,
                                size_t n, size_t from)
{
    for (size_t i = from; i < n; i++)
        for (size_t k = 0; k < h->nfactors; k++)
            if (h->factor_len[k] <= n - i &&
                memcmp(s + i, h->factor[k], h->factor_len[k]) == 0)
                return i;
    return n;
}

/* The factor search goes by each factor's rarest byte, several factors
 * to a pass, and a cursor keeps each pass's last hit: whatever the
 * order of the calls, every answer is the first place a factor starts,
 * as trying every place finds it. Factors share rare bytes at different
 * offsets ("ab.", ".cd", "x.y"), overlap and repeat; in ".a.a." a pass
 * for '.' must look from the first dot, or "a." is found first. */
static void test_factor_search_finds_the_first_factor(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "(?:ab\\.|\\.cd|x\\.y|e\\.\\.)", "(?:Brigade|Army|Corps|unit of|nit)",
        "(?:plane|jet|airliner)", "\\.(?:com|org|co\\.uk)", "(?:aa|aaa)b",
        "(?:\\.a\\.a\\.|a\\.)",
        /* common letters only: searched by pairs of bytes, which repeat
         * inside the factors ("lala", "tete") */
        "(?:airline of|carrier of|unit of|lala|tete|et)",
        "(?:ee|eee)t|(?:se|es)"};
    static const char *const pieces[] = {
        "ab", ".", "cd", "x", "y", "e", "a", "b", "Army", "Arm", "Corps",
        "unit", " of", "nit", "plane", "jet", "airliner", "air", "com",
        "org", "co", "uk", "aa", " ", "\n", ".a.a.", "airline", "carrier",
        "la", "lal", "te", "t", "s", "ee"};
    const size_t npieces = sizeof pieces / sizeof *pieces;
    unsigned seed = 777;
    size_t npairs = 0; /* patterns searched by pairs, some at least */
    for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
        struct rxhint h;
        rxhint_analyse(pats[p], false, &h);
        assert_true(h.nfactors > 0);
        bool pairs = false;
        for (size_t g = 0; g < h.nrare; g++)
            pairs = pairs || h.rare_pair[g];
        npairs += pairs;
        for (int round = 0; round < 4000; round++) {
            char s[256];
            size_t n = 0;
            seed = seed * 1103515245u + 12345u;
            int k = 1 + (int)((seed >> 8) % 20);
            for (int i = 0; i < k; i++) {
                seed = seed * 1103515245u + 12345u;
                const char *pc = pieces[(seed >> 8) % npieces];
                memcpy(s + n, pc, strlen(pc));
                n += strlen(pc);
            }
            struct rxhint_cursor c;
            rxhint_cursor_init(&c);
            assert_int_equal(rxhint_next_factor(&h, s, n),
                             naive_next_factor(&h, s, n, 0));
            assert_int_equal(rxhint_may_match(&h, s, n),
                             naive_next_factor(&h, s, n, 0) < n);
            /* rising offsets as a search makes them, then random ones */
            for (size_t from = 0; from <= n; from++)
                assert_int_equal(rxhint_next_factor_at(&h, &c, s, n, from),
                                 naive_next_factor(&h, s, n, from));
            for (int i = 0; i < 8; i++) {
                seed = seed * 1103515245u + 12345u;
                size_t from = (seed >> 8) % (n + 1);
                assert_int_equal(rxhint_next_factor_at(&h, &c, s, n, from),
                                 naive_next_factor(&h, s, n, from));
            }
        }
    }
    assert_true(npairs >= 2);
}

/* Every match found with hints is the one PCRE2 finds without them. The
 * reference pattern is the same one behind "\Q\E", which PCRE2 ignores
 * and the hint analysis refuses, so it runs the plain search. Subjects
 * are random strings of pieces chosen to make matches, near misses,
 * non-ASCII letters and digits, and word boundaries likely. */
static void test_hinted_search_finds_what_plain_search_finds(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "\\b(\\d{1,3}(?:st|nd|rd|th) (?:[A-Z][a-z]+ )?(?:Brigade|Division|"
        "Army))\\b",
        "\\b((?:First|Second) (?:[A-Z][a-z]+ ){0,2}(?:Brigade|Army|Front))\\b",
        "\\b(Operation(?: [A-Z][a-z]+){1,3})\\b",
        "(?<![\\w@./-])([A-Za-z][A-Za-z0-9-]{1,40}\\.(?:com|org|co\\.uk))"
        "(?![\\w.-]*\\w)",
        "\\d+(?=Army)", "(?<=\\d)st\\b", "^\\d\\d?\\.", "x|\\dy|Army",
        "(?:Red )?\\d", "Operation(?: Blue)?", "(?i)^(share|keep|army)\\b",
        "(?i)^\\w[\\w ]{0,20}$", "(?i)^[^a]rmy", "(?i)^(?:©|x)\\s*\\d",
        "^Operation (?:Red|Blue)", "(?i)^(?:x|y)\\d", "(?i)^the (red )?army",
        "(?i)^(?:ke|se)\\.?(?:com|ep)",
        /* factors a few bytes into every match: searched near them */
        "(?<!Red )\\b(?:[Aa]rmy|[Ff]ront|owner of(?: [a-z]+)?) ([A-Z][a-z]+)",
        "(?:\\d|é)\\d?(?:st|nd)(?! Army)", "[A-Z]{1,2}(?:rmy|ront)s?",
        "(?<=\\s)(?:x|y)?(?:Blue|Red)(?:\\.com)?",
        /* factors far into the match, no match spans a line: searched
         * line by line */
        "\\b(?:an?|the|of) ([A-Z][a-z]+) (?:Red )?(?:Army|Front)s?\\b",
        "\\b([A-Z][a-z]+)(?: is|,) an? (?:[a-z]+ ){0,2}(?:army|front) of\\b",
        "[a-z]+ Army", "(?<=\\n)[A-Z][a-z]* [Ff]ront(?! [A-Z])",
        "\\s[a-z]*(?:Army|Front)" /* spans lines: searched whole */};
    static const char *const pieces[] = {
        "1", "12", "١", "٣", "st", "nd", "th", " ", " ", " ", "Brigade",
        "Army", "Front", "Division", "First", "Second", "Operation", "Red",
        "Blue", "é", "’", "-", ".", ".com", "co.uk", ".org", "a", "x", "y",
        "@", "\n", "Ärmy", "3rd", "Ünit", "Share", "KEEP", "\xe2\x84\xaa",
        "\xc5\xbf", "©", "ARMY", "eep", "hare", "the ", "ThE ", "owner of",
        "army", "front", "Front", "éé", "rmy", "ront", "s", " is", ", ",
        " an ", "a ", " of", "of ", "The", "the", "\n\n"};
    const size_t npieces = sizeof pieces / sizeof *pieces;
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    unsigned seed = 12345;
    for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
        struct rules_rx *fast, *plain;
        struct diag d;
        char ref[512];
        snprintf(ref, sizeof ref, "\\Q\\E%s", pats[p]);
        assert_int_equal(rules_rx_new(pats[p], 0, NULL, &fast, &d), CD_OK);
        assert_int_equal(rules_rx_new(ref, 0, NULL, &plain, &d), CD_OK);
        /* every pair of pieces once, then random strings of 1..12 */
        const int pairs = (int)(npieces * npieces);
        for (int round = 0; round < pairs + 3000; round++) {
            char s[256];
            size_t n = 0;
            int k = round < pairs ? 2 : 1 + (int)(seed % 12);
            for (int i = 0; i < k; i++) {
                seed = seed * 1103515245u + 12345u;
                size_t pick = round >= pairs ? (seed >> 8) % npieces
                              : i == 0       ? (size_t)round / npieces
                                             : (size_t)round % npieces;
                const char *pc = pieces[pick];
                memcpy(s + n, pc, strlen(pc));
                n += strlen(pc);
            }
            size_t from = 0;
            for (;;) {
                struct rules_rx_match a, b;
                bool fa = rules_rx_find(fast, sc, s, n, from, &a);
                bool fb = rules_rx_find(plain, sc, s, n, from, &b);
                assert_int_equal(fa, fb);
                if (!fa)
                    break;
                assert_int_equal(a.ngroups, b.ngroups);
                assert_memory_equal(a.start, b.start, sizeof a.start);
                assert_memory_equal(a.end, b.end, sizeof a.end);
                from = a.end[0] > a.start[0] ? a.end[0] : a.start[0] + 1;
                while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
                    from++;
            }
        }
        rules_rx_free(fast);
        rules_rx_free(plain);
    }
    rules_rx_scratch_free(sc);
}

/* The caseless start sets model PCRE2's caseless matching of ASCII
 * letters as "the other case, and KELVIN SIGN for k, LONG S for s": no
 * other character past ASCII may match an ASCII letter. */
static void test_only_kelvin_and_long_s_match_ascii_letters(void **state)
{
    (void)state;
    struct rules_rx *rx;
    struct diag d;
    struct rules_rx_match m;
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    /* behind \Q\E: PCRE2's own answer, no hint involved */
    assert_int_equal(rules_rx_new("\\Q\\E^[a-z]", RULES_RX_CASELESS, NULL, &rx,
                                  &d),
                     CD_OK);
    unsigned found = 0;
    for (unsigned cp = 0x80; cp <= 0x10FFFF; cp++) {
        char b[4];
        size_t n;
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (cp < 0x800) {
            b[0] = (char)(0xC0 | cp >> 6);
            b[1] = (char)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            b[0] = (char)(0xE0 | cp >> 12);
            b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[2] = (char)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            b[0] = (char)(0xF0 | cp >> 18);
            b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[3] = (char)(0x80 | (cp & 0x3F));
            n = 4;
        }
        if (rules_rx_find(rx, sc, b, n, 0, &m)) {
            assert_true(cp == 0x17F || cp == 0x212A);
            found++;
        }
    }
    assert_int_equal(found, 2);
    rules_rx_free(rx);
    rules_rx_scratch_free(sc);
}

static void test_rules_version_is_stable(void **state)
{
    (void)state;
    char a[32];
    snprintf(a, sizeof a, "%s", rules_version());
    assert_int_equal(strlen(a), 16);
    assert_string_equal(a, rules_version());
}

/* Patterns are JIT-compiled by their first search. Two threads making
 * the first searches of a fresh pattern at once must find what a pattern
 * searched before finds: plain, anchored-copy (near factors) and
 * line-by-line searches. */
static const char *const first_pats[] = {
    "\\b(Operation(?: [A-Z][a-z]+){1,3})\\b",
    "(?<!Red )\\b(?:[Aa]rmy|[Ff]ront) ([A-Z][a-z]+)",
    "\\b(?:an?|the|of) ([A-Z][a-z]+) (?:Red )?(?:Army|Front)s?\\b",
    "(?i)^(share|keep)\\b", "x|\\dy"};
static const char *const first_subjects[] = {
    "the Operation Blue Dawn began", "no army Front here", "army Blue",
    "of Blue Red Army\nthe Green Fronts", "Share this", "keeper", "zz 3y",
    "", "Operation", "an Alpha Front\nRed army Xeno"};
#define FIRST_N (sizeof first_subjects / sizeof first_subjects[0])

struct first_search {
    const struct rules_rx *rx;
    size_t start[FIRST_N]; /* (size_t)-1: no match */
};

static void search_all(const struct rules_rx *rx, struct rules_rx_scratch *sc,
                       size_t *start)
{
    for (size_t i = 0; i < FIRST_N; i++) {
        struct rules_rx_match m;
        const char *s = first_subjects[i];
        start[i] = rules_rx_find(rx, sc, s, strlen(s), 0, &m) ? m.start[0]
                                                              : (size_t)-1;
    }
}

static void *first_search_run(void *arg)
{
    struct first_search *f = arg;
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    search_all(f->rx, sc, f->start);
    rules_rx_scratch_free(sc);
    return NULL;
}

static void test_first_searches_from_two_threads_find_the_same(void **state)
{
    (void)state;
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    size_t hits = 0;
    for (size_t p = 0; p < sizeof first_pats / sizeof *first_pats; p++) {
        struct rules_rx *warm, *fresh;
        struct diag d;
        struct rules_rx_match m;
        size_t want[FIRST_N];
        assert_int_equal(rules_rx_new(first_pats[p], 0, NULL, &warm, &d),
                         CD_OK);
        (void)rules_rx_find(warm, sc, "warm", 4, 0, &m); /* JIT done */
        search_all(warm, sc, want);
        assert_int_equal(rules_rx_new(first_pats[p], 0, NULL, &fresh, &d),
                         CD_OK);
        struct first_search a = {fresh, {0}}, b = {fresh, {0}};
        pthread_t ta, tb;
        assert_int_equal(pthread_create(&ta, NULL, first_search_run, &a), 0);
        assert_int_equal(pthread_create(&tb, NULL, first_search_run, &b), 0);
        assert_int_equal(pthread_join(ta, NULL), 0);
        assert_int_equal(pthread_join(tb, NULL), 0);
        for (size_t i = 0; i < FIRST_N; i++) {
            if (a.start[i] != want[i] || b.start[i] != want[i])
                fail_msg("pattern %zu subject %zu: %zu/%zu, want %zu", p, i,
                         a.start[i], b.start[i], want[i]);
            hits += want[i] != (size_t)-1;
        }
        rules_rx_free(warm);
        rules_rx_free(fresh);
    }
    assert_true(hits >= 5); /* each pattern finds something */
    rules_rx_scratch_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_rules_load),
        cmocka_unit_test(test_missing_table_is_empty),
        cmocka_unit_test(test_user_dir_extends_a_builtin_table),
        cmocka_unit_test(test_replace_directive_replaces_a_table),
        cmocka_unit_test(test_subdirectories_name_tables),
        cmocka_unit_test(test_unknown_directive_names_file_and_line),
        cmocka_unit_test(test_field_count_check_names_the_row),
        cmocka_unit_test(test_bad_pattern_gives_offset_and_message),
        cmocka_unit_test(test_regex_finds_groups_as_byte_offsets),
        cmocka_unit_test(test_hint_finds_factors_and_start_bytes),
        cmocka_unit_test(test_hint_bounds_how_far_a_factor_lies_into_a_match),
        cmocka_unit_test(test_hint_gives_up_outside_its_subset),
        cmocka_unit_test(test_hint_may_match_only_says_no_without_a_factor),
        cmocka_unit_test(test_factor_search_finds_the_first_factor),
        cmocka_unit_test(test_hinted_search_finds_what_plain_search_finds),
        cmocka_unit_test(test_only_kelvin_and_long_s_match_ascii_letters),
        cmocka_unit_test(test_rules_version_is_stable),
        cmocka_unit_test(test_first_searches_from_two_threads_find_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
