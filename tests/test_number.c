/* test_number.c - quantities, qualifiers and counted nouns (number.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/number.h"
#include "claimdiff/rules.h"

struct fixture {
    struct rules *rules;
    struct dater *dater;
    struct counter *counter;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(NULL, &f->rules, &d) != CD_OK ||
        date_new(f->rules, &f->dater, &d) != CD_OK ||
        number_new(f->rules, &f->counter, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    number_free(f->counter);
    date_free(f->dater);
    rules_free(f->rules);
    free(f);
    return 0;
}

/* A document with dates found first, as the pipeline runs them. */
static struct doc *counted(void **state, const char *text)
{
    struct fixture *f = *state;
    size_t len = strlen(text);
    struct doc *doc = doc_new("test.txt", xstrndup(text, len), len);
    date_run(f->dater, doc);
    number_run(f->counter, doc);
    return doc;
}

/* Number k of doc covers `text`, has that value and range, and counts
 * `noun` (NULL: none). */
static void check(const struct doc *doc, size_t k, const char *text,
                  double value, double low, double high, const char *noun)
{
    assert_true(k < doc->nnumbers);
    const struct number *n = &doc->numbers[k];
    char *got = xstrndup(doc->text + n->span.start, n->span.end - n->span.start);
    assert_string_equal(got, text);
    free(got);
    assert_true(n->value == value);
    assert_true(n->low == low);
    assert_true(n->high == high);
    if (noun)
        assert_string_equal(n->noun, noun);
    else
        assert_null(n->noun);
}

static void test_digits_with_commas_count_people(void **state)
{
    struct doc *doc = counted(state, "25,000 people are thought to be trapped");
    assert_int_equal(doc->nnumbers, 1);
    check(doc, 0, "25,000", 25000, 25000, 25000, "people");
    assert_null(doc->numbers[0].qualifier);
    doc_free(doc);
}

static void test_some_widens_by_a_tenth(void **state)
{
    struct doc *doc = counted(state, "Some 2,000 militants had gathered");
    assert_int_equal(doc->nnumbers, 1);
    check(doc, 0, "Some 2,000", 2000, 1800, 2200, "militants");
    assert_string_equal(doc->numbers[0].qualifier, "some");
    doc_free(doc);
}

static void test_at_least_has_no_upper_bound(void **state)
{
    struct doc *doc = counted(state, "there were at least 72 Germans on");
    assert_int_equal(doc->nnumbers, 1);
    check(doc, 0, "at least 72", 72, 72, HUGE_VAL, "germans");
    assert_true(isinf(doc->numbers[0].high));
    doc_free(doc);
}

static void test_over_is_open_above(void **state)
{
    struct doc *doc = counted(state, "claimed the lives of over 470,000 people");
    check(doc, 0, "over 470,000", 470000, 470000, HUGE_VAL, "people");
    doc_free(doc);
}

static void test_up_to_is_open_below(void **state)
{
    struct doc *doc = counted(state, "up to 10 tons of cargo");
    check(doc, 0, "up to 10", 10, 0, 10, "tons");
    doc_free(doc);
}

static void test_nearly_stays_below_the_value(void **state)
{
    struct doc *doc = counted(state, "nearly 100 soldiers");
    check(doc, 0, "nearly 100", 100, 90, 100, "soldiers");
    doc_free(doc);
}

static void test_noun_stops_at_a_preposition(void **state)
{
    struct doc *doc = counted(state, "killing all five people on board");
    assert_int_equal(doc->nnumbers, 1);
    check(doc, 0, "five", 5, 5, 5, "people");
    doc_free(doc);
}

static void test_noun_skips_adjectives(void **state)
{
    struct doc *doc = counted(state, "open round the clock six humanitarian "
                                     "corridors, points");
    check(doc, 0, "six", 6, 6, 6, "corridors");
    doc_free(doc);
}

static void test_noun_skips_demonyms(void **state)
{
    struct doc *doc = counted(state, "15 Russian servicemen were killed");
    check(doc, 0, "15", 15, 15, 15, "servicemen");
    doc_free(doc);
}

static void test_demonym_alone_is_the_noun(void **state)
{
    struct doc *doc = counted(state, "Five Russians who were on Board");
    check(doc, 0, "Five", 5, 5, 5, "russians");
    doc_free(doc);
}

static void test_words_with_multiplier(void **state)
{
    struct doc *doc = counted(state, "some two thousand militants");
    check(doc, 0, "some two thousand", 2000, 1800, 2200, "militants");
    doc_free(doc);
}

static void test_hyphenated_number_words(void **state)
{
    struct doc *doc = counted(state, "Sixty-seven passengers were German");
    check(doc, 0, "Sixty-seven", 67, 67, 67, "passengers");
    doc_free(doc);
}

static void test_a_dozen_is_twelve(void **state)
{
    struct doc *doc = counted(state, "a dozen officers arrived");
    check(doc, 0, "a dozen", 12, 12, 12, "officers");
    doc_free(doc);
}

static void test_ordinal_word_is_flagged(void **state)
{
    struct doc *doc = counted(state, "Mi-8 was the third helicopter lost");
    assert_int_equal(doc->nnumbers, 1);
    check(doc, 0, "third", 3, 3, 3, "helicopter");
    assert_true(doc->numbers[0].ordinal);
    doc_free(doc);
}

static void test_ordinal_digits_are_flagged(void **state)
{
    struct doc *doc = counted(state, "The 10th Brigade transferred");
    check(doc, 0, "10th", 10, 10, 10, "brigade");
    assert_true(doc->numbers[0].ordinal);
    doc_free(doc);
}

static void test_dozens_is_a_vague_range(void **state)
{
    struct doc *doc = counted(state, "hailed dozens of times by the Turks");
    check(doc, 0, "dozens", 24, 24, 99, "times");
    doc_free(doc);
}

static void test_decimal_with_unit(void **state)
{
    struct doc *doc = counted(state, "delivered 3.5 tons of food");
    check(doc, 0, "3.5", 3.5, 3.5, 3.5, "tons");
    doc_free(doc);
}

static void test_million_multiplies_digits(void **state)
{
    struct doc *doc = counted(state, "1.5 million refugees");
    check(doc, 0, "1.5 million", 1500000, 1500000, 1500000, "refugees");
    doc_free(doc);
}

static void test_designations_are_not_numbers(void **state)
{
    struct doc *doc = counted(state, "a Mi-8, an Su-24, an A320 and an Il-20 "
                                     "and a MIG 29 and flight 9525");
    assert_int_equal(doc->nnumbers, 0);
    doc_free(doc);
}

static void test_dates_times_and_years_are_not_numbers(void **state)
{
    struct doc *doc = counted(state, "on 28 July 2016 at 11 p.m. and 10:47, "
                                     "since 2012 and 26.10.2016");
    assert_int_equal(doc->nnumbers, 0);
    doc_free(doc);
}

static void test_year_shaped_count_before_a_noun_is_a_count(void **state)
{
    struct doc *doc = counted(state, "Moscow sent 1500 troops");
    check(doc, 0, "1500", 1500, 1500, 1500, "troops");
    doc_free(doc);
}

/* A year naming a singular noun after a determiner or a possessive is
 * no count: two documents' "2016 election" and "2020 election" must not
 * become 2016 and 2020 elections that conflict. */
static void test_year_naming_a_singular_noun_is_not_a_count(void **state)
{
    struct doc *doc = counted(state, "the 2016 election and Kelvia's 2022 "
                                     "budget and its 2019 crisis");
    assert_int_equal(doc->nnumbers, 0);
    doc_free(doc);
    doc = counted(state, "the 1500 troops");
    check(doc, 0, "1500", 1500, 1500, 1500, "troops");
    doc_free(doc);
}

/* A number on a scale or in a series names a grade, not a count: "a
 * magnitude 6.4 earthquake" is not 6.4 earthquakes. */
static void test_a_grade_on_a_scale_is_not_a_count(void **state)
{
    struct doc *doc = counted(state, "a magnitude 6.4 earthquake, a Category "
                                     "4 hurricane and level 3 restrictions");
    assert_int_equal(doc->nnumbers, 0);
    doc_free(doc);
}

/* A headline's count takes no noun from the dateline below it: "rises
 * to 38" over "ATHENS - ..." is no count of Athens, and "31 dead" over
 * it counts the dead. */
static void test_a_count_takes_no_noun_across_a_line_break(void **state)
{
    struct doc *doc = counted(state, "Toll rises to 38\n\nATHENS - The "
                                     "toll rose.");
    check(doc, 0, "38", 38, 38, 38, NULL);
    doc_free(doc);
    doc = counted(state, "Ferry sinks, 31 dead\n\nATHENS - A ferry sank.");
    check(doc, 0, "31", 31, 31, 31, "dead");
    doc_free(doc);
}

static void test_no_one_is_not_a_count(void **state)
{
    struct doc *doc = counted(state, "No one survived the crash");
    assert_int_equal(doc->nnumbers, 0);
    doc_free(doc);
}

static void test_per_cent_counts_percent(void **state)
{
    struct doc *doc = counted(state, "around 10 per cent of the victims");
    check(doc, 0, "around 10", 10, 9, 11, "percent");
    doc_free(doc);
}

static void test_count_glued_to_its_unit(void **state)
{
    struct doc *doc = counted(state, "a 2-mile section and a twelve-hour "
                                     "mission");
    assert_int_equal(doc->nnumbers, 2);
    check(doc, 0, "2-mile", 2, 2, 2, "mile");
    check(doc, 1, "twelve-hour", 12, 12, 12, "hour");
    doc_free(doc);
}

static void test_noun_after_a_designation(void **state)
{
    struct doc *doc = counted(state, "by four Israeli F-16 jets and two F-16s "
                                     "were");
    check(doc, 0, "four", 4, 4, 4, "jets");
    check(doc, 1, "two", 2, 2, 2, "f-16s");
    doc_free(doc);
}

static void test_free_of_null_is_a_no_op(void **state)
{
    (void)state;
    number_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits_with_commas_count_people),
        cmocka_unit_test(test_some_widens_by_a_tenth),
        cmocka_unit_test(test_at_least_has_no_upper_bound),
        cmocka_unit_test(test_over_is_open_above),
        cmocka_unit_test(test_up_to_is_open_below),
        cmocka_unit_test(test_nearly_stays_below_the_value),
        cmocka_unit_test(test_noun_stops_at_a_preposition),
        cmocka_unit_test(test_noun_skips_adjectives),
        cmocka_unit_test(test_noun_skips_demonyms),
        cmocka_unit_test(test_demonym_alone_is_the_noun),
        cmocka_unit_test(test_words_with_multiplier),
        cmocka_unit_test(test_hyphenated_number_words),
        cmocka_unit_test(test_a_dozen_is_twelve),
        cmocka_unit_test(test_ordinal_word_is_flagged),
        cmocka_unit_test(test_ordinal_digits_are_flagged),
        cmocka_unit_test(test_dozens_is_a_vague_range),
        cmocka_unit_test(test_decimal_with_unit),
        cmocka_unit_test(test_million_multiplies_digits),
        cmocka_unit_test(test_designations_are_not_numbers),
        cmocka_unit_test(test_dates_times_and_years_are_not_numbers),
        cmocka_unit_test(test_year_shaped_count_before_a_noun_is_a_count),
        cmocka_unit_test(test_year_naming_a_singular_noun_is_not_a_count),
        cmocka_unit_test(test_a_grade_on_a_scale_is_not_a_count),
        cmocka_unit_test(test_a_count_takes_no_noun_across_a_line_break),
        cmocka_unit_test(test_no_one_is_not_a_count),
        cmocka_unit_test(test_per_cent_counts_percent),
        cmocka_unit_test(test_count_glued_to_its_unit),
        cmocka_unit_test(test_noun_after_a_designation),
        cmocka_unit_test(test_free_of_null_is_a_no_op),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
