/* Unit tests of rxset: the combined prefilter never answers "no" for a
 * line one of its patterns matches, on the fixtures and on synthetic
 * lines built from the cue vocabulary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/rules.h"
#include "claimdiff/rxset.h"

struct counts {
    size_t lines, hits;
    size_t ruled_out; /* lines rxset_may (hints alone) said no to */
    /* members rxset_may_members left out of a line rxset_may admits */
    size_t members_out;
};

/* Does any member of set match subject? The answer the prefilter must
 * agree with. Each member that matches must also be admitted by its own
 * hint (rxset_member_may). */
static bool any_member(const struct rxset *set, size_t n,
                       struct rules_rx_scratch *sc, const char *s, size_t len)
{
    struct rules_rx_match m;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (!rules_rx_find(rxset_member(set, i), sc, s, len, 0, &m))
            continue;
        if (!rxset_member_may(set, i, s, len))
            fail_msg("member %zu matches '%.*s' but its hint says no", i,
                     (int)len, s);
        any = true;
    }
    return any;
}

/* rxset_may_members on the line: 0 exactly when rxset_may says no, the
 * bit of every member that matches set, and no bit of a member its own
 * hint rules out. */
static void check_members(const struct rxset *set, size_t n,
                          struct rules_rx_scratch *sc, const char *s,
                          size_t len, struct counts *c)
{
    struct rules_rx_match m;
    uint64_t may = rxset_may_members(set, sc, s, len);
    if ((may != 0) != rxset_may(set, sc, s, len))
        fail_msg("members %llx but rxset_may %d for line '%.*s'",
                 (unsigned long long)may, rxset_may(set, sc, s, len),
                 (int)len, s);
    for (size_t i = 0; i < n && i < 64; i++) {
        bool bit = may >> i & 1;
        if (!bit && rules_rx_find(rxset_member(set, i), sc, s, len, 0, &m))
            fail_msg("member %zu matches '%.*s' but its bit is clear", i,
                     (int)len, s);
        if (n <= 64 && bit && !rxset_member_may(set, i, s, len))
            fail_msg("member %zu has its bit for '%.*s' against its hint",
                     i, (int)len, s);
        c->members_out += may && !bit;
    }
}

static void check_line(const struct rxset *set, size_t n,
                       struct rules_rx_scratch *sc, const char *s,
                       size_t len, struct counts *c)
{
    check_members(set, n, sc, s, len, c);
    bool want = any_member(set, n, sc, s, len);
    bool got = rxset_any(set, sc, s, len);
    if (want != got)
        fail_msg("prefilter says %d, patterns say %d, for line '%.*s'", got,
                 want, (int)len, s);
    if (!rxset_may(set, sc, s, len)) {
        if (want)
            fail_msg("hints rule out line '%.*s', which a pattern matches",
                     (int)len, s);
        c->ruled_out++;
    }
    c->lines++;
    c->hits += want;
}

/* Trim white space at both ends (ASCII), as the loader trims lines. */
static void trim(const char **s, size_t *len)
{
    while (*len && strchr(" \t\r", (*s)[0]))
        (*s)++, (*len)--;
    while (*len && strchr(" \t\r", (*s)[*len - 1]))
        (*len)--;
}

/* Every line of every file of dir (relative to the repository root, where
 * the tests run). */
static void check_dir(const struct rxset *set, size_t n,
                      struct rules_rx_scratch *sc, const char *dir,
                      struct counts *c)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    assert_non_null(dh);
    while ((e = readdir(dh)) != NULL) {
        char path[1024];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;
        while ((got = getline(&line, &cap, f)) > 0) {
            const char *s = line;
            size_t len = (size_t)got;
            if (s[len - 1] == '\n')
                len--;
            trim(&s, &len);
            check_line(set, n, sc, s, len, c);
        }
        free(line);
        fclose(f);
    }
    closedir(dh);
}

/* The patterns of column col of a built-in table. */
static struct rxset *table_set(const struct rules *r, const char *name,
                               size_t col, size_t *n)
{
    const struct rule_table *t = rules_get(r, name);
    const char **pats = calloc(t->nrows + 1, sizeof *pats);
    struct rxset *set;
    struct diag d;
    for (size_t i = 0; i < t->nrows; i++)
        pats[i] = t->rows[i].fields[col];
    assert_int_equal(rxset_new(pats, NULL, t->nrows, &set, &d), CD_OK);
    free(pats);
    *n = t->nrows;
    return set;
}

/* Words and pieces the cues are made of, plus ordinary prose, so random
 * lines land on both sides of every pattern. */
static const char *const vocab[] = {
    "share", "Share", "this", "the", "to", "on", "via", "article", "story",
    "news", "Tweet", "email", "print", "pin it", "WhatsApp", "Facebook",
    "copy link", "permalink", "listen live", "watch live", "sign up",
    "Subscribe", "newsletter", "newsletters", "our", "free", "daily",
    "weekly", "inbox", "mailbox", "e-mail", "agree to", "privacy policy",
    "terms", "log in", "register", "now", "today", "here", ".", "!", ":",
    ",", "support", "Support", "donate", "become a member", "please",
    "a message from", "dear readers", "read", "see", "more", "also",
    "next", "previous", "related", "more from", "most read", "trending",
    "you may also like", "community standards", "can also be accessed at",
    "the following alternate addresses", "all rights reserved", "©",
    "copyright", "Copyright", "2020", "terms of use", "contact us",
    "advertisement", "sponsored", "ad", "cookies", "we use cookies",
    "Home", ">", "/", "»", "|", "World", "Europe", "https://", "www.",
    "example.org/a", "tags", "Tags", "topics", "filed under", "menu",
    "search", "skip to content", "breaking news", "live updates",
    "officials", "said", "killed", "in", "a", "strike", "near", "village",
    "on Monday", "at least", "12", "people", "were", "  ", "\t", "’s",
    "website", "hand-picked selection of", "articles", "from", "Reuters",
    "\xc5\xbfhare", "\xe2\x84\xaa", "\xe2\x80\x9cQuoted\xe2\x80\x9d",
    "\xc2\xa0", "\xc4\xb0", "lin\xe2\x84\xaa" "edin",
};

static void test_cue_prefilter_agrees_on_fixtures_and_synthetic_lines(
    void **state)
{
    (void)state;
    struct rules *r;
    struct diag d;
    assert_int_equal(rules_new(NULL, &r, &d), CD_OK);
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    static const struct {
        const char *table;
        size_t col;
    } sets[] = {{"boilerplate", 1}, {"metadata", 1}};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        size_t n;
        struct rxset *set = table_set(r, sets[k].table, sets[k].col, &n);
        assert_true(n > 0);
        assert_true(rxset_filters(set)); /* else the test proves nothing */
        struct counts fix = {0, 0, 0, 0}, syn = {0, 0, 0, 0};
        check_dir(set, n, sc, "fixtures/seeds", &fix);
        check_dir(set, n, sc, "fixtures/golden", &fix);
        check_dir(set, n, sc, "fixtures/expect", &fix);
        assert_true(fix.lines > 200);
        uint32_t seed = 12345;
        char line[512];
        for (int i = 0; i < 40000; i++) {
            size_t len = 0, words = 1 + i % 9;
            for (size_t w = 0; w < words; w++) {
                seed = seed * 1103515245u + 12345u;
                const char *v = vocab[(seed >> 8) % (sizeof vocab /
                                                     sizeof vocab[0])];
                size_t vl = strlen(v);
                if (len + vl + 2 >= sizeof line)
                    break;
                if (len && (seed >> 4) % 4)
                    line[len++] = ' ';
                memcpy(line + len, v, vl);
                len += vl;
            }
            const char *s = line;
            trim(&s, &len);
            check_line(set, n, sc, s, len, &syn);
        }
        /* Both answers must occur, or the comparison was one-sided. */
        assert_true(syn.hits > 100);
        assert_true(syn.lines - syn.hits > 100);
        rxset_free(set);
    }
    rules_rx_scratch_free(sc);
    rules_free(r);
}

/* Anchored patterns of the shapes the line hints read (optional and
 * repeated groups, empty branches, classes, escapes, an option inside,
 * an alternation outside any group) and characters that match across
 * case rules: KELVIN SIGN and LONG S (k, s), MICRO SIGN (Greek mu), é/É,
 * and characters without case (©, », curly quotes). */
static const char *const tricky_patterns[] = {
    "(?i)^(please )?(donate|support us)\\b.{0,60}$",
    "(?i)^(?:ab|cd)*ef",
    "(?i)^x(?:yz)?w",
    "(?i)^(?:k|s)ing$",
    "(?i)^\xc2\xa9\\s*\\d{4}",
    "(?i)^\\w[\\w ]{0,5}(\\s+[/>\xc2\xbb|]\\s+\\w+){1,3}$",
    "(?i)^a(b|c)+d",
    "(?i)^\xc3\xa9(t)\xc3\xa9",
    "^Mix(?i)ed",
    "(?i)^go|stop",
    "(?i)^q{2,3}r",
    "(?i)^(?:a|)b",
    "(?i)^tab\\tx",
    "(?i)^\\.\\.\\.x",
    "(?i)^[a-c]z",
    "(?i)^\xc2\xb5m",
    "(?i)^\xc5\xbfun",
    "(?i)^\xe2\x84\xaa" "ey",
    "^A??b",
    "(?i)^\xe2\x80\x9cquoted\xe2\x80\x9d",
    "(?i)^(?:x|y)?(?:z|w)?v",
};

static const char *const tricky_pieces[] = {
    "please", "please ", "donate", "Donate", "support us", "SUPPORT US",
    "ab", "CD", "ef", "EF", "x", "yz", "w", "k", "K", "s", "S",
    "\xe2\x84\xaa", "\xc5\xbf", "ing", "ING", "\xc2\xa9", "\xc2\xa0",
    "2020", " ", "Home", " > ", " / ", " \xc2\xbb ", " | ", "a", "b", "c",
    "d", "\xc3\xa9", "\xc3\x89", "t", "Mix", "mix", "ed", "ED", "go",
    "stop", "STOP", "q", "Q", "r", "tab", "\t", "...", "z", "\xc2\xb5",
    "\xce\xbc", "\xce\x9c", "m", "sun", "SUN", "un", "key", "KEY", "ey",
    "A", "\xe2\x80\x9c", "\xe2\x80\x9d", "quoted", "QUOTED", "\xc4\xb0",
    "i", "v", "V", "\xc3\xa9t\xc3\x89", "qq", "QQQ", "tab\t",
    "\xe2\x80\x9cquoted",
};

static void check_random_lines(const struct rxset *set, size_t n,
                               struct rules_rx_scratch *sc, uint32_t seed,
                               struct counts *c)
{
    char line[256];
    size_t npieces = sizeof tricky_pieces / sizeof tricky_pieces[0];
    for (int i = 0; i < 20000; i++) {
        size_t len = 0, parts = 1 + (size_t)i % 6;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *v = tricky_pieces[(seed >> 8) % npieces];
            size_t vl = strlen(v);
            if (len + vl + 1 >= sizeof line)
                break;
            if (len && (seed >> 4) % 3 == 0)
                line[len++] = ' ';
            memcpy(line + len, v, vl);
            len += vl;
        }
        check_line(set, n, sc, line, len, c);
    }
}

static void test_line_hints_agree_with_the_patterns(void **state)
{
    (void)state;
    size_t n = sizeof tricky_patterns / sizeof tricky_patterns[0];
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    struct rxset *set;
    struct diag d;
    /* Each pattern on its own: its hint alone decides. */
    for (size_t i = 0; i < n; i++) {
        struct counts c = {0, 0, 0, 0};
        assert_int_equal(rxset_new(&tricky_patterns[i], NULL, 1, &set, &d),
                         CD_OK);
        assert_true(rxset_filters(set));
        check_random_lines(set, 1, sc, (uint32_t)(7 + i), &c);
        if (c.hits == 0)
            fail_msg("no line matches %s: the check proves nothing",
                     tricky_patterns[i]);
        rxset_free(set);
    }
    struct counts all = {0, 0, 0, 0};
    assert_int_equal(rxset_new(tricky_patterns, NULL, n, &set, &d), CD_OK);
    assert_true(rxset_filters(set));
    check_random_lines(set, n, sc, 99, &all);
    assert_true(all.hits > 1000);
    assert_true(all.ruled_out > 1000); /* the hints alone decide some */
    assert_true(all.lines - all.hits > 1000);
    rxset_free(set);
    rules_rx_scratch_free(sc);
}

/* Patterns that carry a required factor (a literal run of their top-level
 * sequence: floating ones, and anchored ones without a literal prefix)
 * next to ones that do not, and lines holding those runs in both cases,
 * split, with extra spaces, and with KELVIN SIGN or LONG S where a k or
 * s stands (which caseless patterns match). */
static const char *const factor_patterns[] = {
    "(?i)\\bagree to (the|our) terms",
    "(?i)can also be accessed at",
    "(?i)hand-picked selection of .{0,10} from ([A-Z].{2,20}?)\\.",
    "^(.{2,40}?)(?:\xe2\x80\x99|')s website can",
    "(?i)x?abcd",
    "(?i)drop\\b pad",
    "(?i)(?:pre)?tail word",
    "(?i)bookmark this",
    "(?i)\xc2\xa9 held by",
    "Agree To",
    "(?i)^\\w+ (?:one|two) mark ups",
    "(?i)zz\\d+yy",
};

static const char *const factor_pieces[] = {
    "agree to", "AGREE TO", "agree", "to", "the", "our", "terms", "TERMS",
    "can also", "be accessed", "at", "acce\xc5\xbf\xc5\xbf" "ed",
    "hand-picked", "HAND-PICKED", "selection of", "from", "Reuters", ".",
    "\xe2\x80\x99s website can", "'s website can", "'S WEBSITE CAN", "x",
    "abcd", "ABCD", "ab", "cd", "cd efgh", "efgh", "pre", "tail word",
    "TAIL WORD", "tail", "word", "bookmark this", "boo\xe2\x84\xaamark",
    "thi\xc5\xbf", "BOOKMARK THIS", "\xc2\xa9", "held by", "HELD BY",
    "Agree", "To", "one", "two", "mark ups", "MARK UPS", "Word", "zz12yy",
    "ZZ3YY", "zz", "yy", "7", "\xc2\xa0", "\xe2\x80\x9c",
    "can also be accessed at", "CAN ALSO BE ACCE\xc5\xbf\xc5\xbf" "ED AT",
    "hand-picked selection of", "from Reuters.", "agree to the terms",
    "Word one mark ups", "\xc2\xa9 held by", "drop pad", "drop", "pad",
};

static void check_factor_lines(const struct rxset *set, size_t n,
                               struct rules_rx_scratch *sc, uint32_t seed,
                               struct counts *c)
{
    char line[256];
    size_t npieces = sizeof factor_pieces / sizeof factor_pieces[0];
    for (int i = 0; i < 20000; i++) {
        size_t len = 0, parts = 1 + (size_t)i % 7;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *v = factor_pieces[(seed >> 8) % npieces];
            size_t vl = strlen(v);
            if (len + vl + 2 >= sizeof line)
                break;
            if (len && (seed >> 4) % 4)
                line[len++] = ' ';
            if (len && (seed >> 6) % 9 == 0)
                line[len++] = ' ';
            memcpy(line + len, v, vl);
            len += vl;
        }
        check_line(set, n, sc, line, len, c);
    }
}

static void test_required_factors_agree_with_the_patterns(void **state)
{
    (void)state;
    size_t n = sizeof factor_patterns / sizeof factor_patterns[0];
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    struct rxset *set;
    struct diag d;
    for (size_t i = 0; i < n; i++) {
        struct counts c = {0, 0, 0, 0};
        assert_int_equal(rxset_new(&factor_patterns[i], NULL, 1, &set, &d),
                         CD_OK);
        assert_true(rxset_filters(set));
        check_factor_lines(set, 1, sc, (uint32_t)(31 + i), &c);
        if (c.hits == 0)
            fail_msg("no line matches %s: the check proves nothing",
                     factor_patterns[i]);
        rxset_free(set);
    }
    struct counts all = {0, 0, 0, 0};
    assert_int_equal(rxset_new(factor_patterns, NULL, n, &set, &d), CD_OK);
    assert_true(rxset_filters(set));
    check_factor_lines(set, n, sc, 5, &all);
    assert_true(all.members_out > 1000); /* members the factors rule out */
    assert_true(all.hits > 1000);
    assert_true(all.ruled_out > 1000); /* the hints alone decide some */
    assert_true(all.lines - all.hits > 1000);
    rxset_free(set);
    rules_rx_scratch_free(sc);
}

/* Past 64 members a bit per member no longer fits: the answer is all
 * bits or none, as rxset_may says, and every matching member is found by
 * asking each its hint. */
static void test_a_large_set_gives_all_members_or_none(void **state)
{
    (void)state;
    enum { N = 70 };
    char text[N][24];
    const char *pats[N];
    /* 60 anchored members (hinted, as at most 64 are) and ten floating */
    for (size_t i = 0; i < N; i++) {
        snprintf(text[i], sizeof text[i],
                 i < 60 ? "(?i)^item %zu here$" : "(?i)\\bthe %zu here", i);
        pats[i] = text[i];
    }
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    struct rxset *set;
    struct diag d;
    struct counts c = {0, 0, 0, 0};
    assert_int_equal(rxset_new(pats, NULL, N, &set, &d), CD_OK);
    for (size_t i = 0; i < 2 * N; i++) {
        char line[32];
        int len = snprintf(line, sizeof line, "%s %zu here",
                           i % 3 ? "Item" : "so the", i / 2);
        uint64_t may = rxset_may_members(set, sc, line, (size_t)len);
        assert_true(may == 0 || may == ~UINT64_C(0));
        check_line(set, N, sc, line, (size_t)len, &c);
    }
    assert_true(c.hits > 0 && c.lines > c.hits);
    rxset_free(set);
    rules_rx_scratch_free(sc);
}

static void test_back_reference_leaves_the_set_unfiltered(void **state)
{
    (void)state;
    const char *pats[] = {"^(a)\\1$", "^b$"};
    struct rxset *set;
    struct diag d;
    assert_int_equal(rxset_new(pats, NULL, 2, &set, &d), CD_OK);
    assert_false(rxset_filters(set));
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    assert_true(rxset_any(set, sc, "zzz", 3)); /* "maybe", never "no" */
    rules_rx_scratch_free(sc);
    rxset_free(set);
}

static void test_options_stay_inside_their_pattern(void **state)
{
    (void)state;
    /* (?i) of the first pattern must not make the second caseless. */
    const char *pats[] = {"(?i)^abc$", "^XyZ$", "(?i)\\bqq\\b"};
    struct rxset *set;
    struct diag d;
    assert_int_equal(rxset_new(pats, NULL, 3, &set, &d), CD_OK);
    assert_true(rxset_filters(set));
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    assert_true(rxset_any(set, sc, "ABC", 3));
    assert_true(rxset_any(set, sc, "XyZ", 3));
    assert_false(rxset_any(set, sc, "xyz", 3));
    assert_true(rxset_any(set, sc, "a QQ b", 6));
    assert_false(rxset_any(set, sc, "aQQb", 4));
    rules_rx_scratch_free(sc);
    rxset_free(set);
}

static void test_many_groups_do_not_hide_a_late_match(void **state)
{
    (void)state;
    /* Twenty patterns of three groups: more groups than a match holds,
     * so the alternation must not capture. */
    char bufs[20][32];
    const char *pats[20];
    for (int i = 0; i < 20; i++) {
        snprintf(bufs[i], sizeof bufs[i], "^(w%d)(x)(y)$", i);
        pats[i] = bufs[i];
    }
    struct rxset *set;
    struct diag d;
    assert_int_equal(rxset_new(pats, NULL, 20, &set, &d), CD_OK);
    assert_true(rxset_filters(set));
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    assert_true(rxset_any(set, sc, "w19xy", 5));
    assert_false(rxset_any(set, sc, "w20xy", 5));
    rules_rx_scratch_free(sc);
    rxset_free(set);
}

static void test_bad_pattern_is_reported_like_rules_rx_new(void **state)
{
    (void)state;
    const char *pats[] = {"^ok$", "(unclosed"};
    struct rxset *set = (struct rxset *)&set;
    struct diag d;
    assert_int_equal(rxset_new(pats, NULL, 2, &set, &d), CD_ERR_RULE);
    assert_null(set);
    assert_non_null(strstr(d.msg, "bad pattern at offset 9"));
}

static void test_empty_set_matches_nothing(void **state)
{
    (void)state;
    struct rxset *set;
    struct diag d;
    assert_int_equal(rxset_new(NULL, NULL, 0, &set, &d), CD_OK);
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    assert_false(rxset_any(set, sc, "anything", 8));
    rules_rx_scratch_free(sc);
    rxset_free(set);
    rxset_free(NULL);
}

/* The alternations are compiled by whichever thread runs one first: two
 * threads asking a fresh set at once must both get exact answers (no
 * thread may see a half-made alternation or a "may match" where PCRE2
 * compiled it). Under ASan a lost race's copy must also be freed. */
static const char *const race_patterns[] = {"^ab+c", "(?i)^hello\\b",
                                            "xyz\\d", "\\bq[0-9]{2}\\b"};
static const char *const race_lines[] = {
    "abbbc", "abd", "HeLLo there", "hellos", "one xyz4 two", "xyz",
    "see q12 here", "q123", "", "a", "zzz abc", "Hello"};
#define RACE_LINES (sizeof race_lines / sizeof race_lines[0])

struct race {
    struct rxset *set;
    bool answers[RACE_LINES];
};

static void *race_run(void *arg)
{
    struct race *r = arg;
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    for (size_t i = 0; i < RACE_LINES; i++)
        r->answers[i] =
            rxset_any(r->set, sc, race_lines[i], strlen(race_lines[i]));
    rules_rx_scratch_free(sc);
    return NULL;
}

static void test_alternations_compiled_on_first_use_answer_exactly(
    void **state)
{
    (void)state;
    size_t n = sizeof race_patterns / sizeof race_patterns[0];
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    size_t yes = 0, no = 0;
    for (int round = 0; round < 40; round++) {
        struct rxset *set;
        struct diag d;
        assert_int_equal(rxset_new(race_patterns, NULL, n, &set, &d), CD_OK);
        assert_true(rxset_filters(set));
        struct race a = {set, {false}}, b = {set, {false}};
        pthread_t ta, tb;
        assert_int_equal(pthread_create(&ta, NULL, race_run, &a), 0);
        assert_int_equal(pthread_create(&tb, NULL, race_run, &b), 0);
        assert_int_equal(pthread_join(ta, NULL), 0);
        assert_int_equal(pthread_join(tb, NULL), 0);
        for (size_t i = 0; i < RACE_LINES; i++) {
            const char *l = race_lines[i];
            bool want = any_member(set, n, sc, l, strlen(l));
            if (a.answers[i] != want || b.answers[i] != want)
                fail_msg("round %d line '%s': %d/%d, members %d", round, l,
                         a.answers[i], b.answers[i], want);
            yes += want;
            no += !want;
        }
        rxset_free(set);
    }
    assert_true(yes > 0 && no > 0); /* both answers are checked */
    rules_rx_scratch_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_cue_prefilter_agrees_on_fixtures_and_synthetic_lines),
        cmocka_unit_test(test_line_hints_agree_with_the_patterns),
        cmocka_unit_test(test_required_factors_agree_with_the_patterns),
        cmocka_unit_test(test_a_large_set_gives_all_members_or_none),
        cmocka_unit_test(test_back_reference_leaves_the_set_unfiltered),
        cmocka_unit_test(test_options_stay_inside_their_pattern),
        cmocka_unit_test(test_many_groups_do_not_hide_a_late_match),
        cmocka_unit_test(test_bad_pattern_is_reported_like_rules_rx_new),
        cmocka_unit_test(test_empty_set_matches_nothing),
        cmocka_unit_test(
            test_alternations_compiled_on_first_use_answer_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
