/* test_date.c - dates (date.h) and their anchoring (anchor.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/anchor.h"
#include "claimdiff/arena.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"

struct fixture {
    struct rules *rules;
    struct dater *dater;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(NULL, &f->rules, &d) != CD_OK ||
        date_new(f->rules, &f->dater, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    date_free(f->dater);
    rules_free(f->rules);
    free(f);
    return 0;
}

static struct doc *new_doc(const char *text)
{
    size_t len = strlen(text);
    return doc_new("test.txt", xstrndup(text, len), len);
}

/* A document with its dates found (no segmentation: the whole text). */
static struct doc *dated(void **state, const char *text)
{
    struct fixture *f = *state;
    struct doc *doc = new_doc(text);
    date_run(f->dater, doc);
    return doc;
}

/* Add a dated document to c, with a publication date (or NULL). */
static struct doc *add_doc(void **state, struct corpus *c, const char *text,
                           const char *published)
{
    struct doc *doc = dated(state, text);
    if (published)
        doc->published = arena_strdup(doc->arena, published);
    corpus_add(c, doc);
    return doc;
}

/* Date k of doc covers exactly `text` and has `value` ("" for none). */
static void check(const struct doc *doc, size_t k, const char *text,
                  const char *value, enum date_basis basis)
{
    assert_true(k < doc->ndates);
    const struct date *d = &doc->dates[k];
    char *got = xstrndup(doc->text + d->span.start, d->span.end - d->span.start);
    assert_string_equal(got, text);
    free(got);
    assert_string_equal(d->value, value);
    assert_int_equal(d->basis, basis);
}

/* One document alone, dated and anchored. */
static struct corpus *anchored(void **state, const char *text,
                               const char *published)
{
    struct corpus *c = corpus_new();
    add_doc(state, c, text, published);
    anchor_run(c);
    return c;
}

/* The date stage skips match_at at tokens no grammar can start from: a
 * word outside the date tables other than "the" and "that", and those
 * two before a token no grammar reads after them. One date per
 * kind of token a grammar looks at first, each of which the skip must
 * let through (the found span may reach further left). */
static void test_every_kind_of_anchor_token_still_finds_its_date(void **state)
{
    static const struct {
        const char *text, *span;
    } cases[] = {
        {"Fighting resumed on that day and never stopped.", "on that day"},
        {"Officials met later in the day to talk.", "later in the day"},
        {"Troops left and the next day they returned.", "the next day"},
        {"Shelling began on 3 May and ended on the 22nd.", "the 22nd"},
        {"It was cut two days ago by the army.", "two days ago"},
        {"They came in 2012 to stay.", "2012"},
        {"Built in the 1950s it fell.", "1950s"},
        {"Talks resumed on Monday in Geneva.", "on Monday"},
        {"It hit 26.10.2016 near the border.", "26.10.2016"},
        {"The strike came on the 22nd of May then.", "22nd of May"},
        /* "the" and "that" go on only to a word of the tables, an
         * ordinal or "day" */
        {"He had left the day before, officials said.", "the day before"},
        {"They rested over the weekend and left.", "the weekend"},
        {"It ended on the 3rd, officials said.", "the 3rd"},
        {"Aid arrived later that morning by road.", "that morning"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct doc *doc = dated(state, cases[i].text);
        bool seen = false;
        for (size_t k = 0; k < doc->ndates && !seen; k++) {
            const struct date *d = &doc->dates[k];
            char *got = xstrndup(doc->text + d->span.start,
                                 d->span.end - d->span.start);
            seen = strstr(got, cases[i].span) != NULL;
            free(got);
        }
        if (!seen)
            fail_msg("no date '%s' in '%s'", cases[i].span, cases[i].text);
        doc_free(doc);
    }
}

/* ---- what the text fixes ---------------------------------------------- */

/* A text with no token at all (a form feed: the fuzzer's find) leaves
 * the shared token array NULL; reading it must take no offset from it
 * (clang's UBSan reports that; tests/fuzz/regress/date-no-tokens runs it
 * under the clang-built harness). */
static void test_a_text_without_tokens_has_no_dates(void **state)
{
    struct fixture *f = *state;
    struct segmenter *seg = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(segment_new(f->rules, &seg, &d), CD_OK);
    struct doc *doc = new_doc("\f");
    segment_run(seg, doc);
    date_run(f->dater, doc);
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
    segment_free(seg);
}

static void test_day_month_without_year_is_unanchored(void **state)
{
    struct doc *doc = dated(state, "Previously, on 28 July the Minister said");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "28 July", "XXXX-07-28", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_month_day_year_is_explicit(void **state)
{
    struct doc *doc = dated(state, "in Moscow on May 7, 2016, troops");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "May 7, 2016", "2016-05-07", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_dotted_date_is_read_day_first(void **state)
{
    struct doc *doc = dated(state, "the pause in Aleppo 26.10.2016");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "26.10.2016", "2016-10-26", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_iso_date_is_explicit(void **state)
{
    struct doc *doc = dated(state, "date 2018-09-18 Iran is");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "2018-09-18", "2018-09-18", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_impossible_numeric_date_is_not_a_date(void **state)
{
    struct doc *doc = dated(state, "code 31.02.2016 and 2016-13-01 here");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_month_and_year_give_a_month_value(void **state)
{
    struct doc *doc = dated(state, "in total since March 2011.");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "March 2011", "2011-03", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_bare_month_is_a_month_without_year(void **state)
{
    struct doc *doc = dated(state, "a meeting in Hangzhou in September in China");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "September", "XXXX-09", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_month_before_a_noun_is_a_month(void **state)
{
    struct doc *doc = dated(state, "According to a February report by");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "February", "XXXX-02", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_modal_may_is_not_a_month(void **state)
{
    struct doc *doc =
        dated(state, "Syrian forces may have shot it. May God help them.");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_may_after_a_preposition_is_a_month(void **state)
{
    struct doc *doc = dated(state, "The talks resumed in May after a pause.");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "May", "XXXX-05", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_march_as_a_verb_is_not_a_month(void **state)
{
    struct doc *doc =
        dated(state, "Thousands march in the capital. March on, they said.");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_month_names_inside_words_are_not_months(void **state)
{
    struct doc *doc =
        dated(state, "A Mayday call from Augusta reached Marchetti.");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_month_abbreviation_needs_a_day(void **state)
{
    struct doc *doc = dated(state, "JERUSALEM, Sept 18 — Israel said. Dec was");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "Sept 18", "XXXX-09-18", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_ordinal_suffix_day_before_month(void **state)
{
    struct doc *doc = dated(state, "from the 22nd of October 2016 on");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "22nd of October 2016", "2016-10-22", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_weekday_with_full_date_is_one_date(void **state)
{
    struct doc *doc = dated(state, "Thursday, November 26, 2015\n\nRussian");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "Thursday, November 26, 2015", "2015-11-26", DATE_EXPLICIT);
    assert_int_equal(doc->dates[0].weekday, 4);
    doc_free(doc);
}

static void test_weekday_with_date_in_parentheses_is_one_date(void **state)
{
    struct doc *doc = dated(state, "Germanwings said Wednesday (Mar 25) there");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "Wednesday (Mar 25)", "XXXX-03-25", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_weekday_span_takes_preposition_and_part_of_day(void **state)
{
    struct doc *doc = dated(state, "Kerry told reporters on Monday night.");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "on Monday night", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].rel, DREL_WEEKDAY);
    assert_int_equal(doc->dates[0].weekday, 1);
    doc_free(doc);
}

static void test_earlier_on_weekday_is_one_expression(void **state)
{
    struct doc *doc = dated(state, "Earlier on Sunday, government aircraft");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "Earlier on Sunday", "", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_recurring_weekday_is_not_a_date(void **state)
{
    struct doc *doc = dated(state, "in your mailbox every Friday. Never");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_next_day_and_date_are_two_expressions(void **state)
{
    struct doc *doc = dated(state, "The next day, July 29, Kerry could not");
    assert_int_equal(doc->ndates, 2);
    check(doc, 0, "The next day", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].rel, DREL_PREV_DAY);
    assert_int_equal(doc->dates[0].amount, 1);
    check(doc, 1, "July 29", "XXXX-07-29", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_same_day_refers_back(void **state)
{
    struct doc *doc = dated(state, "On the same day while returning");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "On the same day", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].amount, 0);
    doc_free(doc);
}

static void test_relative_periods_are_found(void **state)
{
    struct doc *doc = dated(state, "Last week, talks. The plan this year, "
                                   "a visit last month, over the weekend, "
                                   "and earlier this week.");
    assert_int_equal(doc->ndates, 5);
    check(doc, 0, "Last week", "", DATE_UNANCHORED);
    check(doc, 1, "this year", "", DATE_UNANCHORED);
    check(doc, 2, "last month", "", DATE_UNANCHORED);
    check(doc, 3, "over the weekend", "", DATE_UNANCHORED);
    check(doc, 4, "earlier this week", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].rel, DREL_WEEK);
    assert_int_equal(doc->dates[0].amount, -1);
    doc_free(doc);
}

static void test_day_words_are_found(void **state)
{
    struct doc *doc = dated(state, "said yesterday that today and tonight");
    assert_int_equal(doc->ndates, 3);
    check(doc, 0, "yesterday", "", DATE_UNANCHORED);
    check(doc, 1, "today", "", DATE_UNANCHORED);
    check(doc, 2, "tonight", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].amount, -1);
    doc_free(doc);
}

static void test_today_in_a_name_is_not_a_date(void **state)
{
    struct doc *doc = dated(state, "as USA Today reported");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_counted_days_ago_and_later(void **state)
{
    struct doc *doc = dated(state, "two days ago, and 3 days later, a week ago");
    assert_int_equal(doc->ndates, 3);
    check(doc, 0, "two days ago", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[0].amount, -2);
    check(doc, 1, "3 days later", "", DATE_UNANCHORED);
    assert_int_equal(doc->dates[1].rel, DREL_PREV_DAY);
    check(doc, 2, "a week ago", "", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_ordinal_day_after_part_of_day(void **state)
{
    struct doc *doc =
        dated(state, "was extended until the evening of the 22nd, and then");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "the evening of the 22nd", "XXXX-XX-22", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_ordinal_before_a_noun_is_not_a_day(void **state)
{
    struct doc *doc = dated(state, "said the 10th Brigade of rebels");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_year_after_preposition_is_a_year(void **state)
{
    struct doc *doc = dated(state, "in the east since 2012, a year after");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "2012", "2012", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_counts_are_not_years(void **state)
{
    struct doc *doc = dated(state, "sent in 1500 troops and some 2,000 more; "
                                   "2012 people");
    assert_int_equal(doc->ndates, 0);
    doc_free(doc);
}

static void test_year_range_continues_after_and(void **state)
{
    struct doc *doc = dated(state, "between 2011 and 2013 the war");
    assert_int_equal(doc->ndates, 2);
    check(doc, 1, "2013", "2013", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_decade_has_an_open_last_digit(void **state)
{
    struct doc *doc = dated(state, "the first time since the 1950s.");
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "1950s", "195X", DATE_EXPLICIT);
    doc_free(doc);
}

static void test_dates_in_boilerplate_are_skipped(void **state)
{
    struct fixture *f = *state;
    const char *text = "Body on Monday.\nNot ready to support today?\n";
    struct doc *doc = new_doc(text);
    doc_add_boilerplate(doc, (struct span){16, strlen(text)}, "appeal");
    date_run(f->dater, doc);
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "on Monday", "", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_boilerplate_sentences_are_skipped(void **state)
{
    struct fixture *f = *state;
    const char *text = "Talks on Monday. Read more on Friday.";
    struct doc *doc = new_doc(text);
    doc->sents = xcalloc(2, sizeof *doc->sents);
    doc->nsents = doc->capsents = 2;
    doc->sents[0].span = (struct span){0, 16};
    doc->sents[1].span = (struct span){17, strlen(text)};
    doc->sents[1].flags = SENT_BOILERPLATE;
    date_run(f->dater, doc);
    assert_int_equal(doc->ndates, 1);
    check(doc, 0, "on Monday", "", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_dateline_region_is_read_and_flagged(void **state)
{
    struct fixture *f = *state;
    const char *text = "March 26, 2015 | 14:51\nSaid on Wednesday.";
    struct doc *doc = new_doc(text);
    doc_add_boilerplate(doc, (struct span){0, 22}, "dateline");
    date_run(f->dater, doc);
    assert_int_equal(doc->ndates, 2);
    check(doc, 0, "March 26, 2015", "2015-03-26", DATE_EXPLICIT);
    assert_true(doc->dates[0].flags & DATEF_DATELINE);
    check(doc, 1, "on Wednesday", "", DATE_UNANCHORED);
    doc_free(doc);
}

static void test_date_in_credited_caption_is_flagged(void **state)
{
    struct doc *doc = dated(state, "Residents in Aleppo on June 4, 2016. (AFP)"
                                   "\n\nOn Monday, the Pentagon said.");
    assert_int_equal(doc->ndates, 2);
    assert_true(doc->dates[0].flags & DATEF_CAPTION);
    assert_false(doc->dates[1].flags & DATEF_CAPTION);
    doc_free(doc);
}

/* ---- anchoring -------------------------------------------------------- */

static void test_year_comes_from_the_nearest_explicit_date(void **state)
{
    struct corpus *c = anchored(state, "The pause began on October 20 and "
                                       "ended. Aleppo 26.10.2016", NULL);
    check(c->docs[0], 0, "October 20", "2016-10-20", DATE_ANCHORED);
    corpus_free(c);
}

static void test_month_takes_the_year_of_an_explicit_date(void **state)
{
    struct corpus *c = anchored(state, "They met in September. Aleppo "
                                       "26.10.2016", NULL);
    check(c->docs[0], 0, "September", "2016-09", DATE_ANCHORED);
    corpus_free(c);
}

static void test_year_near_new_year_crosses_back(void **state)
{
    struct corpus *c = anchored(state, "The talks of 28 December failed.",
                                "2017-01-03");
    check(c->docs[0], 0, "28 December", "2016-12-28", DATE_ANCHORED);
    corpus_free(c);
}

static void test_next_day_counts_from_the_previous_date(void **state)
{
    struct corpus *c = anchored(state, "on 28 July he spoke. The next day, "
                                       "he left.", "2016-08-02");
    check(c->docs[0], 1, "The next day", "2016-07-29", DATE_ANCHORED);
    corpus_free(c);
}

static void test_next_day_after_a_yearless_date_keeps_the_year_open(
    void **state)
{
    struct corpus *c =
        anchored(state, "on 28 February he spoke. The next day, he left.", NULL);
    check(c->docs[0], 0, "28 February", "XXXX-02-28", DATE_UNANCHORED);
    check(c->docs[0], 1, "The next day", "XXXX-02-29", DATE_UNANCHORED);
    corpus_free(c);
}

static void test_ordinal_day_takes_the_previous_month(void **state)
{
    struct corpus *c = anchored(state, "began on October 20 and was extended "
                                       "until the evening of the 22nd. "
                                       "Aleppo 26.10.2016", NULL);
    check(c->docs[0], 1, "the evening of the 22nd", "2016-10-22",
          DATE_ANCHORED);
    corpus_free(c);
}

static void test_weekday_counts_back_from_the_publication_date(void **state)
{
    struct corpus *c = anchored(state, "Kerry spoke on Monday.", "2016-08-02");
    check(c->docs[0], 0, "on Monday", "2016-08-01", DATE_ANCHORED);
    corpus_free(c);
}

static void test_weekday_on_the_reference_day_is_that_day(void **state)
{
    struct corpus *c = anchored(state, "It happened on Tuesday.", "2016-08-02");
    check(c->docs[0], 0, "on Tuesday", "2016-08-02", DATE_ANCHORED);
    corpus_free(c);
}

static void test_next_weekday_counts_forward(void **state)
{
    struct corpus *c = anchored(state, "They meet next Monday.", "2016-08-02");
    check(c->docs[0], 0, "next Monday", "2016-08-08", DATE_ANCHORED);
    corpus_free(c);
}

static void test_weekday_counts_back_from_an_explicit_date(void **state)
{
    struct corpus *c =
        anchored(state, "On Monday, the ministry said. Aleppo 26.10.2016", NULL);
    check(c->docs[0], 0, "On Monday", "2016-10-24", DATE_ANCHORED);
    corpus_free(c);
}

static void test_yesterday_counts_from_the_publication_date(void **state)
{
    struct corpus *c = anchored(state, "Officials said yesterday.", "2015-11-26");
    check(c->docs[0], 0, "yesterday", "2015-11-25", DATE_ANCHORED);
    corpus_free(c);
}

static void test_last_week_is_the_month_of_its_monday(void **state)
{
    struct corpus *c = anchored(state, "They met last week.", "2016-08-02");
    check(c->docs[0], 0, "last week", "2016-07", DATE_ANCHORED);
    corpus_free(c);
}

static void test_weekend_is_its_saturday(void **state)
{
    struct corpus *c = anchored(state, "Clashes over the weekend.", "2016-08-01");
    check(c->docs[0], 0, "over the weekend", "2016-07-30", DATE_ANCHORED);
    corpus_free(c);
}

static void test_last_month_is_the_month_before(void **state)
{
    struct corpus *c = anchored(state, "intrusions last month", "2016-01-12");
    check(c->docs[0], 0, "last month", "2015-12", DATE_ANCHORED);
    corpus_free(c);
}

static void test_this_year_takes_the_story_year(void **state)
{
    struct corpus *c = corpus_new();
    add_doc(state, c, "Since the beginning of this year, talks.", NULL);
    add_doc(state, c, "On May 25, 2016, forces advanced.", NULL);
    anchor_run(c);
    check(c->docs[0], 0, "this year", "2016", DATE_ANCHORED);
    corpus_free(c);
}

static void test_far_publication_date_is_no_anchor(void **state)
{
    struct corpus *c = corpus_new();
    struct doc *a = add_doc(state, c, "Earlier, on August 1, a helicopter.",
                            "2020-10-23");
    add_doc(state, c, "In Moscow on May 7, 2016, and June 4, 2016.", NULL);
    anchor_run(c);
    check(a, 0, "August 1", "2016-08-01", DATE_ANCHORED);
    assert_int_equal(a->nwarnings, 1);
    assert_non_null(strstr(a->warnings[0], "2020-10-23"));
    corpus_free(c);
}

static void test_nothing_to_anchor_keeps_dates_open(void **state)
{
    struct corpus *c = anchored(state, "On 28 July, and on Monday.", NULL);
    check(c->docs[0], 0, "28 July", "XXXX-07-28", DATE_UNANCHORED);
    check(c->docs[0], 1, "on Monday", "", DATE_UNANCHORED);
    corpus_free(c);
}

static void test_story_day_needs_two_documents(void **state)
{
    struct corpus *c = corpus_new();
    add_doc(state, c, "Flight crashed. Mar 24, 2015 6:01am GMT", NULL);
    add_doc(state, c, "Germans aboard. March 26, 2015 | 14:51", NULL);
    struct doc *x = add_doc(state, c, "It crashed on Tuesday.", NULL);
    anchor_run(c);
    check(x, 0, "on Tuesday", "2015-03-24", DATE_ANCHORED);
    corpus_free(c);

    c = corpus_new();
    add_doc(state, c, "Flight crashed. Mar 24, 2015 6:01am GMT", NULL);
    x = add_doc(state, c, "It crashed on Tuesday.", NULL);
    anchor_run(c);
    check(x, 0, "on Tuesday", "", DATE_UNANCHORED);
    corpus_free(c);
}

static void test_caption_date_is_no_anchor(void **state)
{
    struct corpus *c = anchored(state, "Troops in Moscow on May 7, 2016 (AFP)\n"
                                       "\nOn Monday, Lavrov said.", NULL);
    check(c->docs[0], 1, "On Monday", "", DATE_UNANCHORED);
    corpus_free(c);
}

static void test_dateline_stands_for_the_publication_date(void **state)
{
    struct fixture *f = *state;
    struct corpus *c = corpus_new();
    const char *text = "March 26, 2015 | 14:51\nThe airline said on Wednesday.";
    struct doc *doc = new_doc(text);
    doc_add_boilerplate(doc, (struct span){0, 22}, "dateline");
    date_run(f->dater, doc);
    corpus_add(c, doc);
    anchor_run(c);
    check(doc, 1, "on Wednesday", "2015-03-25", DATE_ANCHORED);
    corpus_free(c);
}

static void test_dateline_far_from_the_story_is_a_page_stamp(void **state)
{
    struct fixture *f = *state;
    struct corpus *c = corpus_new();
    const char *text = "23 October 2020\nOn 8 July 2016 and 1 August 2016 "
                       "and on 9 July 2016, the ministry said.";
    struct doc *doc = new_doc(text);
    doc_add_boilerplate(doc, (struct span){0, 15}, "dateline");
    date_run(f->dater, doc);
    doc->published = arena_strdup(doc->arena, "2020-10-23");
    corpus_add(c, doc);
    anchor_run(c);
    assert_true(doc->dates[0].flags & DATEF_PAGE_STAMP);
    assert_false(doc->dates[1].flags & DATEF_PAGE_STAMP);
    assert_int_equal(doc->nwarnings, 1);
    corpus_free(c);
}

static void test_today_follows_the_latest_weekday_named(void **state)
{
    struct corpus *c = corpus_new();
    add_doc(state, c, "Flight crashed. Mar 24, 2015 6:01am GMT", NULL);
    add_doc(state, c, "Germans aboard. March 26, 2015 | 14:51", NULL);
    struct doc *x = add_doc(state, c, "Tuesday's crash. \"It must begin today,\""
                                      " he said. Early Wednesday, they began.",
                            NULL);
    anchor_run(c);
    check(x, 0, "Tuesday", "2015-03-24", DATE_ANCHORED);
    check(x, 1, "today", "2015-03-25", DATE_ANCHORED);
    check(x, 2, "Early Wednesday", "2015-03-25", DATE_ANCHORED);
    corpus_free(c);
}

static void test_free_of_null_is_a_no_op(void **state)
{
    (void)state;
    date_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_of_anchor_token_still_finds_its_date),
        cmocka_unit_test(test_a_text_without_tokens_has_no_dates),
        cmocka_unit_test(test_day_month_without_year_is_unanchored),
        cmocka_unit_test(test_month_day_year_is_explicit),
        cmocka_unit_test(test_dotted_date_is_read_day_first),
        cmocka_unit_test(test_iso_date_is_explicit),
        cmocka_unit_test(test_impossible_numeric_date_is_not_a_date),
        cmocka_unit_test(test_month_and_year_give_a_month_value),
        cmocka_unit_test(test_bare_month_is_a_month_without_year),
        cmocka_unit_test(test_month_before_a_noun_is_a_month),
        cmocka_unit_test(test_modal_may_is_not_a_month),
        cmocka_unit_test(test_may_after_a_preposition_is_a_month),
        cmocka_unit_test(test_march_as_a_verb_is_not_a_month),
        cmocka_unit_test(test_month_names_inside_words_are_not_months),
        cmocka_unit_test(test_month_abbreviation_needs_a_day),
        cmocka_unit_test(test_ordinal_suffix_day_before_month),
        cmocka_unit_test(test_weekday_with_full_date_is_one_date),
        cmocka_unit_test(test_weekday_with_date_in_parentheses_is_one_date),
        cmocka_unit_test(test_weekday_span_takes_preposition_and_part_of_day),
        cmocka_unit_test(test_earlier_on_weekday_is_one_expression),
        cmocka_unit_test(test_recurring_weekday_is_not_a_date),
        cmocka_unit_test(test_next_day_and_date_are_two_expressions),
        cmocka_unit_test(test_same_day_refers_back),
        cmocka_unit_test(test_relative_periods_are_found),
        cmocka_unit_test(test_day_words_are_found),
        cmocka_unit_test(test_today_in_a_name_is_not_a_date),
        cmocka_unit_test(test_counted_days_ago_and_later),
        cmocka_unit_test(test_ordinal_day_after_part_of_day),
        cmocka_unit_test(test_ordinal_before_a_noun_is_not_a_day),
        cmocka_unit_test(test_year_after_preposition_is_a_year),
        cmocka_unit_test(test_counts_are_not_years),
        cmocka_unit_test(test_year_range_continues_after_and),
        cmocka_unit_test(test_decade_has_an_open_last_digit),
        cmocka_unit_test(test_dates_in_boilerplate_are_skipped),
        cmocka_unit_test(test_boilerplate_sentences_are_skipped),
        cmocka_unit_test(test_dateline_region_is_read_and_flagged),
        cmocka_unit_test(test_date_in_credited_caption_is_flagged),
        cmocka_unit_test(test_year_comes_from_the_nearest_explicit_date),
        cmocka_unit_test(test_month_takes_the_year_of_an_explicit_date),
        cmocka_unit_test(test_year_near_new_year_crosses_back),
        cmocka_unit_test(test_next_day_counts_from_the_previous_date),
        cmocka_unit_test(
            test_next_day_after_a_yearless_date_keeps_the_year_open),
        cmocka_unit_test(test_ordinal_day_takes_the_previous_month),
        cmocka_unit_test(test_weekday_counts_back_from_the_publication_date),
        cmocka_unit_test(test_weekday_on_the_reference_day_is_that_day),
        cmocka_unit_test(test_next_weekday_counts_forward),
        cmocka_unit_test(test_weekday_counts_back_from_an_explicit_date),
        cmocka_unit_test(test_yesterday_counts_from_the_publication_date),
        cmocka_unit_test(test_last_week_is_the_month_of_its_monday),
        cmocka_unit_test(test_weekend_is_its_saturday),
        cmocka_unit_test(test_last_month_is_the_month_before),
        cmocka_unit_test(test_this_year_takes_the_story_year),
        cmocka_unit_test(test_far_publication_date_is_no_anchor),
        cmocka_unit_test(test_nothing_to_anchor_keeps_dates_open),
        cmocka_unit_test(test_story_day_needs_two_documents),
        cmocka_unit_test(test_caption_date_is_no_anchor),
        cmocka_unit_test(test_dateline_stands_for_the_publication_date),
        cmocka_unit_test(test_dateline_far_from_the_story_is_a_page_stamp),
        cmocka_unit_test(test_today_follows_the_latest_weekday_named),
        cmocka_unit_test(test_free_of_null_is_a_no_op),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
