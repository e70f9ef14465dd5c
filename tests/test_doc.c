/* Unit tests of the document record: boilerplate regions and lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/tag.h"

static struct doc *make(const char *text)
{
    return doc_new("t.txt", xstrdup(text), strlen(text));
}

static void test_lines_are_one_based_and_count_newlines(void **state)
{
    (void)state;
    struct doc *d = make("one\ntwo\n\nfour");
    assert_int_equal(doc_line_of(d, 0), 1);
    assert_int_equal(doc_line_of(d, 3), 1);
    assert_int_equal(doc_line_of(d, 4), 2);
    assert_int_equal(doc_line_of(d, 8), 3);
    assert_int_equal(doc_line_of(d, 9), 4);
    assert_int_equal(doc_line_of(d, 1000), 4);
    doc_free(d);
}

/* Random texts of short pieces, blank lines, CRLF and multibyte
 * characters, with and without a final newline, in 1 to 3,000 bytes (a
 * few lines to several times the lines doc_new reserves room for): each
 * doc_line is the text between two newlines, as splitting at every '\n'
 * gives, and doc_line_of names it for each of its bytes. */
static void test_lines_are_the_text_between_newlines(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "word ", "\n", "\n\n", "\r\n",
                                         "\xc3\xa9", " ", "\n\n\n\n"};
    uint64_t seed = 99;
    for (int round = 0; round < 2000; round++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t len = 0, want = 1 + (seed >> 33) % 3000;
        char *text = xmalloc(want + 8);
        while (len < want) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *p = pieces[(seed >> 33) % 8];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
        }
        text[len] = '\0';
        struct doc *doc = doc_new("t", text, len);
        size_t i = 0, pos = 0;
        for (;;) {
            const char *nl = memchr(text + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - text) : len;
            assert_true(i < doc->nlines);
            struct span l = doc_line(doc, i);
            if (l.start != pos || l.end != end)
                fail_msg("line %zu is [%zu,%zu), not [%zu,%zu)", i, l.start,
                         l.end, pos, end);
            for (size_t k = pos; k <= end && k < len; k++)
                assert_int_equal(doc_line_of(doc, k), i + 1);
            i++;
            if (!nl)
                break;
            pos = end + 1;
        }
        assert_int_equal(i, doc->nlines);
        doc_free(doc);
    }
}

static void test_overlapping_regions_merge(void **state)
{
    (void)state;
    struct doc *d = make("0123456789012345678901234567890");
    doc_add_boilerplate(d, (struct span){10, 15}, "a");
    doc_add_boilerplate(d, (struct span){0, 3}, "b");
    doc_add_boilerplate(d, (struct span){20, 25}, "c");
    assert_int_equal(d->nboiler, 3);
    assert_int_equal(d->boiler[0].span.start, 0);
    doc_add_boilerplate(d, (struct span){12, 22}, "d");
    assert_int_equal(d->nboiler, 2);
    assert_int_equal(d->boiler[1].span.start, 10);
    assert_int_equal(d->boiler[1].span.end, 25);
    assert_string_equal(d->boiler[1].why, "a");
    doc_free(d);
}

static void test_touching_regions_merge(void **state)
{
    (void)state;
    struct doc *d = make("0123456789012345678901234567890");
    doc_add_boilerplate(d, (struct span){5, 10}, "a");
    doc_add_boilerplate(d, (struct span){10, 12}, "b");
    assert_int_equal(d->nboiler, 1);
    assert_int_equal(d->boiler[0].span.end, 12);
    doc_free(d);
}

static void test_in_boilerplate_is_any_overlap(void **state)
{
    (void)state;
    struct doc *d = make("0123456789012345678901234567890");
    doc_add_boilerplate(d, (struct span){10, 20}, "a");
    assert_false(doc_in_boilerplate(d, (struct span){0, 10}));
    assert_true(doc_in_boilerplate(d, (struct span){0, 11}));
    assert_true(doc_in_boilerplate(d, (struct span){19, 25}));
    assert_false(doc_in_boilerplate(d, (struct span){20, 25}));
    doc_free(d);
}

static void test_warnings_are_copied(void **state)
{
    (void)state;
    struct doc *d = make("x");
    char buf[8] = "abc";
    doc_warn(d, "bad %s", buf);
    buf[0] = 'z';
    assert_int_equal(d->nwarnings, 1);
    assert_string_equal(d->warnings[0], "bad abc");
    doc_free(d);
}

/* Warnings of any length come out whole: short ones are formatted once
 * into a local buffer, longer ones a second time straight into place. */
static void test_warnings_of_every_length_are_whole(void **state)
{
    (void)state;
    struct doc *d = make("x");
    char arg[600];
    for (size_t len = 240; len < 600; len += 7) {
        for (size_t i = 0; i < len; i++)
            arg[i] = (char)('a' + i % 26);
        arg[len] = '\0';
        doc_warn(d, "w%zu: %s!", len, arg);
        const char *got = d->warnings[d->nwarnings - 1];
        char head[32];
        int h = snprintf(head, sizeof head, "w%zu: ", len);
        assert_int_equal(strlen(got), (size_t)h + len + 1);
        assert_memory_equal(got, head, (size_t)h);
        assert_memory_equal(got + h, arg, len);
        assert_int_equal(got[h + len], '!');
    }
    doc_free(d);
}

static void test_ready_warnings_are_copied_without_their_tail(void **state)
{
    (void)state;
    struct doc *d = make("x");
    char buf[8] = "abcdefg";
    doc_warn_text(d, buf, 3);
    buf[0] = 'z';
    doc_warn_text(d, buf, 0);
    assert_int_equal(d->nwarnings, 2);
    assert_string_equal(d->warnings[0], "abc");
    assert_string_equal(d->warnings[1], "");
    doc_free(d);
}

static void test_basename_strips_directories(void **state)
{
    (void)state;
    struct doc *d = doc_new("a/b/c.txt", xstrdup("x"), 1);
    assert_string_equal(doc_basename(d), "c.txt");
    doc_free(d);
    doc_free(NULL);
    corpus_free(NULL);
}

/* Fill arr with n elements numbered by their span, in room for cap. */
#define FILL(d, arr, n_, cap_, count, room)                                 \
    do {                                                                    \
        (d)->arr = xcalloc((room), sizeof *(d)->arr);                       \
        (d)->cap_ = (room);                                                 \
        (d)->n_ = (count);                                                  \
        for (size_t i_ = 0; i_ < (count); i_++)                             \
            (d)->arr[i_].span = (struct span){i_, i_ + 1};                  \
    } while (0)

static void test_compact_keeps_findings_and_drops_tokens(void **state)
{
    (void)state;
    struct doc *d = make("one\ntwo\nthree four five six seven\n");
    FILL(d, toks, ntoks, captoks, 7, 64);
    FILL(d, paras, nparas, capparas, 3, 8);
    FILL(d, sents, nsents, capsents, 3, 100);
    FILL(d, mentions, nmentions, capmentions, 5, 16);
    FILL(d, claims, nclaims, capclaims, 2, 1024);
    d->dates = xcalloc(8, sizeof *d->dates);
    d->capdates = 8;
    doc_add_boilerplate(d, (struct span){4, 7}, "menu");
    doc_warn(d, "a warning");
    doc_compact(d, DOC_KEEP_SENTENCES);
    assert_null(d->toks);
    assert_int_equal(d->ntoks, 0);
    assert_null(d->paras);
    assert_int_equal(d->nparas, 0);
    assert_int_equal(d->nsents, 3);
    assert_int_equal(d->capsents, 3);
    assert_int_equal(d->sents[2].span.start, 2);
    assert_int_equal(d->nmentions, 5);
    assert_int_equal(d->capmentions, 5);
    assert_int_equal(d->mentions[4].span.end, 5);
    assert_int_equal(d->nclaims, 2);
    assert_int_equal(d->capclaims, 2);
    assert_int_equal(d->claims[1].span.start, 1);
    assert_null(d->dates); /* empty arrays are released */
    assert_int_equal(d->capdates, 0);
    assert_int_equal(d->nboiler, 1);
    assert_string_equal(d->warnings[0], "a warning");
    assert_true(doc_in_boilerplate(d, (struct span){5, 6}));
    assert_int_equal(doc_line_of(d, 9), 3);
    doc_compact(d, DOC_KEEP_SENTENCES); /* twice is harmless */
    assert_int_equal(d->nsents, 3);
    doc_compact(d, 0);
    assert_null(d->sents);
    assert_int_equal(d->nsents, 0);
    assert_int_equal(d->nclaims, 2);
    doc_compact(NULL, 0);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_are_one_based_and_count_newlines),
        cmocka_unit_test(test_lines_are_the_text_between_newlines),
        cmocka_unit_test(test_overlapping_regions_merge),
        cmocka_unit_test(test_touching_regions_merge),
        cmocka_unit_test(test_in_boilerplate_is_any_overlap),
        cmocka_unit_test(test_warnings_are_copied),
        cmocka_unit_test(test_ready_warnings_are_copied_without_their_tail),
        cmocka_unit_test(test_warnings_of_every_length_are_whole),
        cmocka_unit_test(test_basename_strips_directories),
        cmocka_unit_test(test_compact_keeps_findings_and_drops_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
