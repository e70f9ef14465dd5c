/* Unit tests of the loader: text, repair, metadata, boilerplate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/load.h"
#include "claimdiff/rules.h"

struct fixture {
    struct rules *rules;
    struct loader *loader;
};

static int setup(void **state)
{
    static struct fixture f;
    struct diag d;
    if (rules_new(NULL, &f.rules, &d) != CD_OK)
        return -1;
    if (load_new(f.rules, &f.loader, &d) != CD_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    load_free(f->loader);
    rules_free(f->rules);
    return 0;
}

static struct doc *load_text(void **state, const char *text)
{
    struct fixture *f = *state;
    struct doc *doc;
    struct diag d;
    assert_int_equal(load_buffer(f->loader, "t.txt", text, strlen(text),
                                 LOAD_TEXT, &doc, &d),
                     CD_OK);
    return doc;
}

/* The text of the boilerplate region i, for readable assertions. */
static char *region(const struct doc *doc, size_t i)
{
    static char buf[512];
    struct span s = doc->boiler[i].span;
    size_t n = s.end - s.start < sizeof buf - 1 ? s.end - s.start : sizeof buf - 1;
    memcpy(buf, doc->text + s.start, n);
    buf[n] = '\0';
    return buf;
}

static void test_text_is_kept_byte_for_byte(void **state)
{
    const char *t = "\xEF\xBB\xBFHeadline here\r\n\r\nBody one.\r\nBody two.\r\n";
    struct doc *doc = load_text(state, t);
    assert_int_equal(doc->len, strlen(t));
    assert_memory_equal(doc->text, t, strlen(t));
    assert_string_equal(doc->title, "Headline here");
    assert_int_equal(doc->title_span.start, 3);
    assert_int_equal(doc->nwarnings, 0);
    doc_free(doc);
}

static void test_invalid_utf8_becomes_question_marks(void **state)
{
    struct doc *doc = load_text(state, "Caf\xE9 ok \xC3\xA9 and \xF0\x9F bad.\n");
    assert_string_equal(doc->text, "Caf? ok \xC3\xA9 and ?? bad.\n");
    assert_int_equal(doc->nwarnings, 1);
    assert_string_equal(doc->warnings[0],
                        "invalid UTF-8 repaired: 3 bytes replaced by '?'");
    doc_free(doc);
}

static void test_overlong_and_surrogate_forms_are_invalid(void **state)
{
    struct doc *doc = load_text(state, "a\xC0\xAF b\xED\xA0\x80 c.\n");
    assert_string_equal(doc->text, "a?? b??? c.\n");
    doc_free(doc);
}

static void test_nul_byte_is_binary(void **state)
{
    struct fixture *f = *state;
    struct doc *doc;
    struct diag d;
    assert_int_equal(load_buffer(f->loader, "x.bin", "ab\0cd", 5, LOAD_AUTO,
                                 &doc, &d),
                     CD_ERR_BINARY);
    assert_null(doc);
    assert_string_equal(d.file, "x.bin");
    assert_string_equal(d.msg, "binary file, skipped");
}

static void test_empty_and_blank_inputs_are_refused(void **state)
{
    struct fixture *f = *state;
    struct doc *doc;
    struct diag d;
    assert_int_equal(load_buffer(f->loader, "e", "", 0, LOAD_AUTO, &doc, &d),
                     CD_ERR_EMPTY);
    assert_string_equal(d.msg, "empty file, skipped");
    assert_int_equal(load_buffer(f->loader, "e", " \n\xC2\xA0\t", 5, LOAD_AUTO,
                                 &doc, &d),
                     CD_ERR_EMPTY);
    assert_string_equal(d.msg, "no text (only white space), skipped");
}

static void test_title_case_headline_may_end_in_abbreviation(void **state)
{
    struct doc *doc = load_text(state,
        "Russia Must Restrain Itself, Says U.S.\n\n"
        "The United States has called on Russia to stop, officials said.\n");
    assert_string_equal(doc->title, "Russia Must Restrain Itself, Says U.S.");
    doc_free(doc);
}

static void test_body_first_line_gives_no_title(void **state)
{
    struct doc *doc = load_text(state,
        "The minister said on Monday that the talks would resume soon.\n\n"
        "More text follows here.\n");
    assert_null(doc->title);
    doc_free(doc);
}

static void test_dateline_line_gives_published_and_is_furniture(void **state)
{
    struct doc *doc = load_text(state,
        "03:55 GMT23 October 2020\n"
        "Listen Live\n"
        "    Get short URL\n\n"
        "    The minister said on Monday that the talks would resume.\n");
    assert_string_equal(doc->published, "2020-10-23");
    assert_int_equal(doc->nboiler, 3);
    assert_string_equal(doc->boiler[0].why, "dateline");
    assert_string_equal(region(doc, 1), "Listen Live");
    assert_string_equal(region(doc, 2), "Get short URL");
    doc_free(doc);
}

/* A line is set aside as a dateline only when the full search finds a
 * date in it (the letter, digit and word counts only rule lines out
 * first): random short lines from date pieces and words, each loaded
 * after a headline, against load_parse_dateline itself. */
static void test_datelines_agree_with_the_date_search(void **state)
{
    static const char *const pieces[] = {
        "26.10.2016", "2016-08-01", "23 October 2020", "October 23, 2020",
        "Monday,", "03:55", "GMT", "GMT23", "October", "1", "12", "2020",
        "by", "staff", "Updated:", "said", "31.02.99", "may", "x", "9:00",
        "at", "1999", "Sept.", "|", "2015", "\xc3\xa9t\xc3\xa9",
        "Ao\xc3\xbbt", "\xe2\x80\x94", "abcdefghij", "\xd9\xa3\xd9\xa4",
        "\xc2\xb0Z9"};
    uint32_t seed = 4242;
    size_t datelines = 0, others = 0;
    for (int round = 0; round < 3000; round++) {
        char line[128];
        size_t n = 0;
        for (size_t k = 0; k < 1 + (size_t)round % 6; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 8) % (sizeof pieces /
                                                  sizeof pieces[0])];
            if (n + strlen(p) + 2 >= 61)
                break;
            if (n)
                line[n++] = ' ';
            memcpy(line + n, p, strlen(p));
            n += strlen(p);
        }
        line[n] = '\0';
        char iso[11];
        size_t letters = 0, words = 1;
        for (size_t i = 0; i < n; i++) {
            letters += (line[i] | 32) >= 'a' && (line[i] | 32) <= 'z';
            words += line[i] == ' ';
        }
        /* the loader's shape limits: at most 24 letters and 7 words */
        bool want = letters <= 24 && words <= 7 &&
                    load_parse_dateline(line, n, iso);
        char text[512];
        snprintf(text, sizeof text,
                 "Talks Resume In The Capital\n\n%s\n\nThe minister said on "
                 "Monday that the talks would resume next week.\n",
                 line);
        struct doc *doc = load_text(state, text);
        bool got = false;
        for (size_t i = 0; i < doc->nboiler; i++)
            got |= strcmp(doc->boiler[i].why, "dateline") == 0;
        if (got != want)
            fail_msg("'%s': dateline %d, date search %d", line, got, want);
        datelines += want;
        others += !want;
        doc_free(doc);
    }
    assert_true(datelines > 100 && others > 100);
}

static void test_headline_with_trailing_date_at_the_end(void **state)
{
    struct doc *doc = load_text(state,
        "The officials said that talks would go on for another week at least.\n\n"
        "The ministry has named the conditions for the pause 26.10.2016\n\n"
        "Share this news\n");
    assert_string_equal(doc->published, "2016-10-26");
    assert_string_equal(doc->title,
                        "The ministry has named the conditions for the pause");
    assert_int_equal(doc->nboiler, 1);
    assert_string_equal(region(doc, 0), "Share this news");
    doc_free(doc);
}

static void test_outlet_from_an_appeal(void **state)
{
    struct doc *doc = load_text(state,
        "Support The Daily Example!\n\nA Headline Of Note\n\n"
        "The body says something about the story, as sources said.\n");
    assert_string_equal(doc->source, "The Daily Example");
    assert_string_equal(doc->title, "A Headline Of Note");
    assert_string_equal(region(doc, 0), "Support The Daily Example!");
    doc_free(doc);
}

static void test_outlet_from_alternate_address_footer(void **state)
{
    struct doc *doc = load_text(state,
        "A Headline Of Note\n\nThe body says something, as sources said.\n\n"
        "Example TV\xE2\x80\x99s website can also be accessed at the following "
        "alternate addresses:\n\nwww.example.co.uk\n");
    assert_string_equal(doc->source, "Example TV");
    assert_int_equal(doc->nboiler, 2);
    assert_string_equal(region(doc, 1), "www.example.co.uk");
    doc_free(doc);
}

static void test_newsletter_and_appeal_tail_are_marked(void **state)
{
    struct doc *doc = load_text(state,
        "A Headline Of Note\n\n"
        "The body of the article is here and it is long enough to count.\n\n"
        "A second body paragraph with more words about the story itself.\n\n"
        "Sign up for our free weekly newsletter\n\n"
        "A Message from The Example:\n\nDear readers,\n\nPlease give.\n\nOnce\nMonthly\n");
    assert_int_equal(doc->nboiler, 2);
    assert_string_equal(region(doc, 0), "Sign up for our free weekly newsletter");
    assert_string_equal(doc->boiler[0].why, "newsletter");
    assert_string_equal(doc->boiler[1].why, "donation appeal");
    assert_int_equal(doc->boiler[1].span.end, doc->len);
    assert_int_equal(doc->nwarnings, 2);
    assert_string_equal(doc->warnings[1],
                        "boilerplate set aside: donation appeal (lines 9-16)");
    doc_free(doc);
}

static void test_tail_cue_early_in_a_document_marks_only_its_line(void **state)
{
    /* "Dear readers," in the first half is a letter, not an appeal tail. */
    struct doc *doc = load_text(state,
        "Dear readers,\n\nThe body of the article is here and it is long "
        "enough to count. More sentences follow, with facts and figures in "
        "them, quotes and names.\n");
    assert_int_equal(doc->nboiler, 0);
    doc_free(doc);
}

static void test_trailing_related_headlines_are_marked(void **state)
{
    struct doc *doc = load_text(state,
        "A Headline Of Note\n\n"
        "The body of the article is here and it is long enough to count.\n\n"
        "Another paragraph of the body goes on with the story, at length.\n\n"
        "Its last paragraph ends the story, as an official said.\n\n"
        "Leaders to Focus on Common Interests Despite Disagreements\n"
        "Battle for the City: New Dawn, or Prelude to the Worst?\n"
        "airstrikes, Syria, United States, Russia\n");
    assert_int_equal(doc->nboiler, 1);
    assert_string_equal(region(doc, 0),
                        "Leaders to Focus on Common Interests Despite Disagreements\n"
                        "Battle for the City: New Dawn, or Prelude to the Worst?\n"
                        "airstrikes, Syria, United States, Russia");
    assert_string_equal(doc->boiler[0].why, "related links");
    doc_free(doc);
}

static void test_breadcrumb_and_share_lines_are_marked(void **state)
{
    struct doc *doc = load_text(state,
        "News  /  World  /  Europe\n\nA Headline Of Note\n\n"
        "The body of the article is here, as an official said on Monday.\n\n"
        "SHARE THIS ARTICLE\n");
    assert_int_equal(doc->nboiler, 2);
    assert_string_equal(doc->boiler[0].why, "breadcrumb");
    assert_string_equal(doc->title, "A Headline Of Note");
    assert_string_equal(doc->boiler[1].why, "share buttons");
    doc_free(doc);
}

static void test_body_sentence_is_never_related_links(void **state)
{
    struct doc *doc = load_text(state,
        "A Headline Of Note\n\nFirst paragraph of the body is this one.\n\n"
        "The last sentence of the body ends with a period.\n");
    assert_int_equal(doc->nboiler, 0);
    doc_free(doc);
}

static void test_datelines_in_many_formats(void **state)
{
    (void)state;
    char iso[11];
    assert_int_equal(load_parse_dateline("26.10.2016", 10, iso), 1);
    assert_string_equal(iso, "2016-10-26");
    assert_int_equal(load_parse_dateline("03:55 GMT23 October 2020", 24, iso), 1);
    assert_string_equal(iso, "2020-10-23");
    assert_int_equal(load_parse_dateline("2016-08-01T10:00:00Z", 20, iso), 1);
    assert_string_equal(iso, "2016-08-01");
    assert_int_equal(load_parse_dateline("Updated: Oct. 3, 2015 at 9:00", 29, iso), 1);
    assert_string_equal(iso, "2015-10-03");
    assert_int_equal(load_parse_dateline("Monday, 1 August 2016", 21, iso), 1);
    assert_string_equal(iso, "2016-08-01");
    assert_int_equal(load_parse_dateline("31.02.99", 8, iso), 0);
    assert_int_equal(load_parse_dateline("may be later", 12, iso), 0);
}

static void test_html_is_sniffed_without_extension(void **state)
{
    struct fixture *f = *state;
    struct doc *doc;
    struct diag d;
    const char *page = "<!DOCTYPE html><html><body><p>Hello there.</p></body></html>";
    assert_int_equal(load_buffer(f->loader, "page", page, strlen(page),
                                 LOAD_AUTO, &doc, &d),
                     CD_OK);
    assert_true(doc->is_html);
    assert_non_null(strstr(doc->text, "Hello there."));
    doc_free(doc);
}

static void test_missing_path_is_an_io_error(void **state)
{
    (void)state;
    struct load_paths p = {0};
    struct diag d;
    assert_int_equal(load_expand("/nonexistent/x.txt", &p, &d), CD_ERR_IO);
    assert_int_equal(p.n, 0);
    assert_string_equal(d.file, "/nonexistent/x.txt");
    assert_string_equal(d.msg, "No such file or directory");
    assert_int_equal(load_expand("-", &p, &d), CD_OK);
    assert_int_equal(p.n, 1);
    load_paths_clear(&p);
}

/* The loader words its boilerplate warnings without printf: each must
 * read as printf would print it, for line numbers of every width and
 * for regions of one line and of several. */
static void test_boilerplate_warnings_read_as_printf_prints_them(void **state)
{
    static const size_t fillers[] = {0, 1, 7, 8, 97, 98, 998, 9998, 12345};
    for (size_t k = 0; k < sizeof fillers / sizeof fillers[0]; k++) {
        static const char head[] = "A Headline Of Note\n\n";
        static const char filler[] = "A line of the body goes on here.\n";
        static const char tail[] =
            "26.10.2016\n\n03:55 GMT23 October 2020\n\n"
            "The body sentence goes on with more words than a date has.\n\n"
            "Monday, 1 August 2016\n";
        size_t n = fillers[k];
        char *text = xmalloc(sizeof head + n * (sizeof filler - 1) +
                             sizeof tail);
        char *p = text;
        memcpy(p, head, sizeof head - 1);
        p += sizeof head - 1;
        for (size_t i = 0; i < n; i++) {
            memcpy(p, filler, sizeof filler - 1);
            p += sizeof filler - 1;
        }
        memcpy(p, tail, sizeof tail);
        struct doc *doc = load_text(state, text);
        assert_true(doc->nboiler >= 2);
        assert_int_equal(doc->nwarnings, doc->nboiler);
        bool several = false;
        for (size_t i = 0; i < doc->nboiler; i++) {
            const struct region *r = &doc->boiler[i];
            unsigned a = doc_line_of(doc, r->span.start);
            unsigned b = doc_line_of(doc, r->span.end - 1);
            char want[256];
            if (a == b)
                snprintf(want, sizeof want,
                         "boilerplate set aside: %s (line %u)", r->why, a);
            else
                snprintf(want, sizeof want,
                         "boilerplate set aside: %s (lines %u-%u)", r->why,
                         a, b);
            several |= a != b;
            assert_string_equal(doc->warnings[i], want);
        }
        assert_true(several);
        doc_free(doc);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_is_kept_byte_for_byte),
        cmocka_unit_test(test_invalid_utf8_becomes_question_marks),
        cmocka_unit_test(test_overlong_and_surrogate_forms_are_invalid),
        cmocka_unit_test(test_nul_byte_is_binary),
        cmocka_unit_test(test_empty_and_blank_inputs_are_refused),
        cmocka_unit_test(test_title_case_headline_may_end_in_abbreviation),
        cmocka_unit_test(test_body_first_line_gives_no_title),
        cmocka_unit_test(test_dateline_line_gives_published_and_is_furniture),
        cmocka_unit_test(test_headline_with_trailing_date_at_the_end),
        cmocka_unit_test(test_outlet_from_an_appeal),
        cmocka_unit_test(test_outlet_from_alternate_address_footer),
        cmocka_unit_test(test_newsletter_and_appeal_tail_are_marked),
        cmocka_unit_test(test_tail_cue_early_in_a_document_marks_only_its_line),
        cmocka_unit_test(test_trailing_related_headlines_are_marked),
        cmocka_unit_test(test_breadcrumb_and_share_lines_are_marked),
        cmocka_unit_test(test_body_sentence_is_never_related_links),
        cmocka_unit_test(test_datelines_in_many_formats),
        cmocka_unit_test(test_datelines_agree_with_the_date_search),
        cmocka_unit_test(test_boilerplate_warnings_read_as_printf_prints_them),
        cmocka_unit_test(test_html_is_sniffed_without_extension),
        cmocka_unit_test(test_missing_path_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
