/* test_expect.c - expectation files and drifts (expect.h).
 *
 * Both the run's output and the expectation are small hand-written JSON
 * texts, written with ' for " to stay readable; q() turns them into JSON.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/expect.h"

/* ---- harness ------------------------------------------------------------- */

/* s with every ' replaced by ", in a new heap string. */
static char *q(const char *s)
{
    char *out = xstrdup(s);
    for (char *p = out; *p; p++)
        if (*p == '\'')
            *p = '"';
    return out;
}

/* A run of three documents: five killed in a and b, seven in c; a and b
 * agree on the place (entity E2), and a conflict a subset may leave out. */
#define RUN                                                                 \
    "{'documents': ["                                                       \
    " {'id': 'D1', 'path': '/ci/work/seeds/a.txt'},"                       \
    " {'id': 'D2', 'path': '/ci/work/seeds/b.txt'},"                       \
    " {'id': 'D3', 'path': '/ci/work/other/c.txt'}],"                      \
    " 'entities': [{'id': 'E1', 'name': 'Ruritania', 'aliases': []},"       \
    "  {'id': 'E2', 'name': 'Strelsau', 'aliases': ['Strelsau city']}],"   \
    " 'comparisons': ["                                                     \
    "  {'id': 'K1', 'topic': 'crash: how many people (killed)',"           \
    "   'verdict': 'agree', 'note': 'five vs five', 'values': ["           \
    "   {'doc': 'D1', 'claim': 'C1', 'value': 5, 'span': [3, 9]},"         \
    "   {'doc': 'D2', 'claim': 'C4', 'value': 5, 'span': [30, 41]}]},"     \
    "  {'id': 'K2', 'topic': 'crash: where', 'verdict': 'agree',"          \
    "   'note': 'Strelsau vs Strelsau', 'values': ["                        \
    "   {'doc': 'D1', 'claim': 'C2', 'value': 'E2', 'span': [1, 2]},"      \
    "   {'doc': 'D2', 'claim': 'C5', 'value': 'E2', 'span': [5, 6]}]},"    \
    "  {'id': 'K3', 'topic': 'fire: how many people (hurt)',"              \
    "   'verdict': 'conflict', 'note': 'two vs nine', 'values': ["         \
    "   {'doc': 'D1', 'claim': 'C3', 'value': 2, 'span': [1, 2]},"         \
    "   {'doc': 'D3', 'claim': 'C9', 'value': 9, 'span': [5, 6]}]}]}"

/* Check expectation text exp (with ') against run text run (with '). */
static struct expect_report *check(const char *exp, const char *run)
{
    char *e = q(exp), *r = q(run);
    struct expect *ex = NULL;
    struct expect_report *rep = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    if (expect_parse("exp.json", e, strlen(e), &ex, &d) != CD_OK)
        fail_msg("expectation refused: %s", d.msg);
    if (expect_check_json(ex, r, strlen(r), &rep, &d) != CD_OK)
        fail_msg("run refused: %s", d.msg);
    expect_free(ex);
    free(e);
    free(r);
    return rep;
}

/* On failure, show every drift. */
static void assert_drifts(const struct expect_report *r, size_t want)
{
    if (r->ndrifts != want) {
        fprintf(stderr, "want %zu drifts, got:\n", want);
        for (size_t i = 0; i < r->ndrifts; i++)
            fputs(r->drifts[i].text, stderr);
    }
    assert_int_equal(r->ndrifts, want);
}

/* Parse exp (with '); return the error and leave the message in d. */
static enum cd_err parse_error(const char *exp, struct diag *d)
{
    char *e = q(exp);
    struct expect *ex = NULL;
    memset(d, 0, sizeof *d);
    enum cd_err err = expect_parse("exp.json", e, strlen(e), &ex, d);
    if (err == CD_OK)
        expect_free(ex);
    else
        assert_null(ex);
    free(e);
    return err;
}

/* ---- holding ------------------------------------------------------------- */

static void test_saved_output_holds_against_the_same_run(void **state)
{
    (void)state;
    struct expect_report *r = check(RUN, RUN);
    assert_drifts(r, 0);
    assert_int_equal(r->nchecked, 3);
    assert_int_equal(r->nheld, 3);
    assert_string_equal(r->summary, "3 expectations hold\n");
    expect_report_free(r);
}

static void test_ids_spans_and_paths_may_differ(void **state)
{
    (void)state;
    /* Another version numbered documents, claims and entities otherwise,
     * found other spans, and ran from another directory. */
    const char *saved =
        "{'documents': [{'id': 'D1', 'path': 'seeds/b.txt'},"
        " {'id': 'D2', 'path': 'seeds/a.txt'}],"
        " 'entities': [{'id': 'E7', 'name': 'Strelsau'}],"
        " 'comparisons': ["
        "  {'id': 'K9', 'topic': 'crash: where', 'verdict': 'agree',"
        "   'values': [{'doc': 'D2', 'claim': 'C8', 'value': 'E7',"
        "               'span': [70, 80]},"
        "              {'doc': 'D1', 'claim': 'C1', 'value': 'E7',"
        "               'span': [0, 4]}]},"
        "  {'id': 'K1', 'topic': 'fire: how many people (hurt)',"
        "   'verdict': 'conflict', 'values': []}]}";
    struct expect_report *r = check(saved, RUN);
    assert_drifts(r, 0);
    assert_int_equal(r->nheld, 2);
    expect_report_free(r);
}

static void test_a_subset_checks_only_what_it_lists(void **state)
{
    (void)state;
    /* No "documents": the conflict K3 it leaves out is not a drift. */
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: how many people (killed)',"
        " 'verdict': 'agree', 'values': [{'doc': 'a.txt', 'value': '5'},"
        " {'doc': 'b.txt', 'value': 5}]}]}",
        RUN);
    assert_drifts(r, 0);
    assert_string_equal(r->summary, "1 expectation holds\n");
    expect_report_free(r);
}

static void test_absent_fields_are_not_checked(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'fire: how many people (hurt)'},"
        " {'topic': 'crash: where', 'values': [{'doc': 'a.txt'}]}]}",
        RUN);
    assert_drifts(r, 0);
    assert_int_equal(r->nheld, 2);
    expect_report_free(r);
}

static void test_numbers_match_by_value_however_written(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: how many people (killed)',"
        " 'values': [{'doc': 'a.txt', 'value': '5.0'},"
        " {'doc': 'b.txt', 'value': 5e0}]}]}",
        RUN);
    assert_drifts(r, 0);
    expect_report_free(r);
}

static void test_an_entity_value_matches_by_name_or_alias(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: where', 'values': ["
        " {'doc': 'a.txt', 'value': 'Strelsau'},"
        " {'doc': 'b.txt', 'value': 'Strelsau city'}]}]}",
        RUN);
    assert_drifts(r, 0);
    expect_report_free(r);
}

static void test_directories_pick_among_equal_file_names(void **state)
{
    (void)state;
    const char *run =
        "{'documents': [{'id': 'D1', 'path': 'x/one/a.txt'},"
        " {'id': 'D2', 'path': 'x/two/a.txt'}],"
        " 'comparisons': [{'topic': 't: how many', 'verdict': 'conflict',"
        " 'values': [{'doc': 'D1', 'value': 1}, {'doc': 'D2', 'value': 2}]}]}";
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 't: how many', 'values': ["
        " {'doc': 'two/a.txt', 'value': 2},"
        " {'doc': 'one/a.txt', 'value': 1}]}]}",
        run);
    assert_drifts(r, 0);
    expect_report_free(r);

    /* The bare file name names both: not a match, and said so. */
    r = check("{'comparisons': [{'topic': 't: how many', 'values': ["
              " {'doc': 'a.txt', 'value': 1}]}]}",
              run);
    assert_drifts(r, 1);
    assert_int_equal(r->drifts[0].kind, EXPECT_COMPARISON_GONE);
    assert_non_null(strstr(r->drifts[0].text, "names several documents"));
    expect_report_free(r);
}

static void test_one_topic_twice_is_told_apart_by_documents(void **state)
{
    (void)state;
    const char *run =
        "{'documents': [{'id': 'D1', 'path': 'a.txt'},"
        " {'id': 'D2', 'path': 'b.txt'}, {'id': 'D3', 'path': 'c.txt'}],"
        " 'comparisons': ["
        "  {'topic': 'attack: where', 'verdict': 'agree', 'values': ["
        "   {'doc': 'D1', 'value': 'x'}, {'doc': 'D2', 'value': 'x'}]},"
        "  {'topic': 'attack: where', 'verdict': 'conflict', 'values': ["
        "   {'doc': 'D1', 'value': 'y'}, {'doc': 'D3', 'value': 'z'}]}]}";
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'attack: where', 'verdict': 'conflict',"
        " 'values': [{'doc': 'c.txt', 'value': 'z'}]}]}",
        run);
    assert_drifts(r, 0);
    expect_report_free(r);
}

/* ---- drifts -------------------------------------------------------------- */

static void test_a_changed_verdict_is_a_drift(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'fire: how many people (hurt)',"
        " 'verdict': 'agree'}]}",
        RUN);
    assert_drifts(r, 1);
    assert_int_equal(r->drifts[0].kind, EXPECT_VERDICT);
    assert_string_equal(r->drifts[0].want, "agree");
    assert_string_equal(r->drifts[0].got, "conflict");
    assert_string_equal(r->drifts[0].text,
                        "verdict changed: fire: how many people (hurt)\n"
                        "  want agree, got conflict (two vs nine)\n");
    assert_string_equal(r->summary, "1 drift; 0 of 1 expectations hold\n");
    expect_report_free(r);
}

static void test_a_changed_value_is_a_drift(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: how many people (killed)',"
        " 'values': [{'doc': 'a.txt', 'value': 5},"
        " {'doc': 'b.txt', 'value': 6}]},"
        " {'topic': 'crash: where',"
        " 'values': [{'doc': 'a.txt', 'value': 'Ruritania'}]}]}",
        RUN);
    assert_drifts(r, 2);
    assert_int_equal(r->drifts[0].kind, EXPECT_VALUE);
    assert_string_equal(r->drifts[0].doc, "/ci/work/seeds/b.txt");
    assert_string_equal(r->drifts[0].want, "6");
    assert_string_equal(r->drifts[0].got, "5");
    assert_int_equal(r->drifts[1].kind, EXPECT_VALUE);
    assert_string_equal(r->drifts[1].got, "Strelsau");
    assert_int_equal(r->nheld, 0);
    expect_report_free(r);
}

static void test_a_document_that_no_longer_speaks_is_a_drift(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: where', 'values': ["
        " {'doc': 'a.txt'}, {'doc': 'c.txt', 'value': 'Strelsau'}]}]}",
        RUN);
    assert_drifts(r, 1);
    assert_int_equal(r->drifts[0].kind, EXPECT_SOURCE_GONE);
    assert_string_equal(r->drifts[0].doc, "/ci/work/other/c.txt");
    assert_string_equal(r->drifts[0].want, "Strelsau");
    assert_null(r->drifts[0].got);
    expect_report_free(r);
}

static void test_gone_comparisons_and_events_are_drifts(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'comparisons': [{'topic': 'crash: when', 'verdict': 'agree'},"
        " {'topic': 'flood: where'}, {'topic': 'crash: where'},"
        " {'topic': 'flood: when', 'verdict': 'partial'},"
        " {'topic': 'crash: how many people (killed)',"
        "  'values': [{'doc': 'nowhere.txt'}]}]}",
        RUN);
    assert_drifts(r, 3);
    assert_int_equal(r->drifts[0].kind, EXPECT_COMPARISON_GONE);
    assert_string_equal(r->drifts[0].topic, "crash: when");
    /* Both flood comparisons in one block, where the first stood. */
    assert_int_equal(r->drifts[1].kind, EXPECT_EVENT_GONE);
    assert_string_equal(r->drifts[1].topic, "flood");
    assert_string_equal(r->drifts[1].text, "event gone: flood (2 comparisons)\n"
                                           "  flood: where\n"
                                           "  flood: when\n");
    /* A comparison sharing none of the listed documents is not it. */
    assert_int_equal(r->drifts[2].kind, EXPECT_COMPARISON_GONE);
    assert_non_null(strstr(r->drifts[2].text, "nowhere.txt: no document"));
    assert_int_equal(r->nheld, 1);
    expect_report_free(r);
}

static void test_a_full_expectation_fails_on_a_new_conflict(void **state)
{
    (void)state;
    struct expect_report *r = check(
        "{'documents': [], 'comparisons': [{'topic': 'crash: where'}]}", RUN);
    assert_drifts(r, 1);
    assert_int_equal(r->drifts[0].kind, EXPECT_NEW_CONFLICT);
    assert_string_equal(r->drifts[0].text,
                        "new conflict: fire: how many people (hurt)\n"
                        "  /ci/work/seeds/a.txt 2, /ci/work/other/c.txt 9 "
                        "(two vs nine)\n");
    expect_report_free(r);

    /* A listed conflict is not new, whatever its verdict now. */
    r = check("{'documents': [], 'comparisons': ["
              " {'topic': 'fire: how many people (hurt)'}]}",
              RUN);
    assert_drifts(r, 0);
    expect_report_free(r);
}

/* ---- malformed expectations ---------------------------------------------- */

static void test_malformed_expectations_are_refused(void **state)
{
    (void)state;
    struct diag d;
    assert_int_equal(parse_error("{'comparisons': [\n  {'topic': 1,}]}", &d),
                     CD_ERR_PARSE);
    assert_int_equal(d.line, 2);
    /* cJSON stops on the '}' (column 15) or just after it */
    assert_in_range(d.column, 15, 16);
    assert_string_equal(d.msg, "not valid JSON");
    assert_int_equal(parse_error("{'comparisons': []} trailing", &d),
                     CD_ERR_PARSE);
    assert_int_equal(parse_error("", &d), CD_ERR_PARSE);
    assert_int_equal(parse_error("[]", &d), CD_ERR_PARSE);
    assert_int_equal(parse_error("{'documents': []}", &d), CD_ERR_PARSE);
    assert_non_null(strstr(d.msg, "no \"comparisons\" array"));
    assert_int_equal(parse_error("{'comparisons': [{'verdict': 'agree'}]}", &d),
                     CD_ERR_PARSE);
    assert_string_equal(d.msg, "comparisons[0]: needs a \"topic\" string");
    assert_int_equal(
        parse_error("{'comparisons': [{'topic': 't'}, {'topic': 't',"
                    " 'verdict': 'agreed'}]}",
                    &d),
        CD_ERR_PARSE);
    assert_non_null(strstr(d.msg, "comparisons[1].verdict"));
    assert_int_equal(parse_error("{'comparisons': [{'topic': 't', 'values':"
                                 " [{'value': 5}]}]}",
                                 &d),
                     CD_ERR_PARSE);
    assert_non_null(strstr(d.msg, "values[0]: needs a \"doc\""));
    assert_int_equal(parse_error("{'comparisons': [], 'documents': [{}]}", &d),
                     CD_ERR_PARSE);
    assert_int_equal(parse_error("{'comparisons': [{'topic': 't'}]}", &d),
                     CD_OK);
}

static void test_an_unreadable_file_is_an_io_error(void **state)
{
    (void)state;
    struct expect *ex = (struct expect *)&ex; /* must be reset to NULL */
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(expect_load("/nonexistent/expected.json", &ex, &d),
                     CD_ERR_IO);
    assert_null(ex);
    assert_string_equal(d.file, "/nonexistent/expected.json");
    assert_non_null(strstr(d.msg, "cannot read the expectation"));
    expect_free(NULL);
    expect_report_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_saved_output_holds_against_the_same_run),
        cmocka_unit_test(test_ids_spans_and_paths_may_differ),
        cmocka_unit_test(test_a_subset_checks_only_what_it_lists),
        cmocka_unit_test(test_absent_fields_are_not_checked),
        cmocka_unit_test(test_numbers_match_by_value_however_written),
        cmocka_unit_test(test_an_entity_value_matches_by_name_or_alias),
        cmocka_unit_test(test_directories_pick_among_equal_file_names),
        cmocka_unit_test(test_one_topic_twice_is_told_apart_by_documents),
        cmocka_unit_test(test_a_changed_verdict_is_a_drift),
        cmocka_unit_test(test_a_changed_value_is_a_drift),
        cmocka_unit_test(test_a_document_that_no_longer_speaks_is_a_drift),
        cmocka_unit_test(test_gone_comparisons_and_events_are_drifts),
        cmocka_unit_test(test_a_full_expectation_fails_on_a_new_conflict),
        cmocka_unit_test(test_malformed_expectations_are_refused),
        cmocka_unit_test(test_an_unreadable_file_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
