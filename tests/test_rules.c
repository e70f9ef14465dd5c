/* Unit tests of rule loading: built-ins, --rules DIR, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimdiff/rules.h"

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

static void test_rules_version_is_stable(void **state)
{
    (void)state;
    char a[32];
    snprintf(a, sizeof a, "%s", rules_version());
    assert_int_equal(strlen(a), 16);
    assert_string_equal(a, rules_version());
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
        cmocka_unit_test(test_rules_version_is_stable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
