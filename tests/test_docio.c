/* test_docio.c - document records written and read back (docio.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/docio.h"
#include "claimdiff/load.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"

static const char story[] =
    "Two Ships Collide Off the Coast\n"
    "\n"
    "At least 12 sailors were killed when two cargo ships collided on "
    "Monday, 3 March 2014, near Rotterdam, the Dutch coast guard said.\n"
    "\n"
    "\"We are searching for survivors,\" said Jan de Vries, a spokesman "
    "for the coast guard. Some 40 people were rescued.\n";

struct fixture {
    struct rules *rules;
    struct loader *load;
    struct segmenter *seg;
    struct tagger *tag;
    struct dater *date;
    struct counter *num;
    struct quoter *quote;
    struct claimer *claim;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    assert_int_equal(rules_new(NULL, &f->rules, &d), CD_OK);
    assert_int_equal(load_new(f->rules, &f->load, &d), CD_OK);
    assert_int_equal(segment_new(f->rules, &f->seg, &d), CD_OK);
    assert_int_equal(tag_new(f->rules, &f->tag, &d), CD_OK);
    assert_int_equal(date_new(f->rules, &f->date, &d), CD_OK);
    assert_int_equal(number_new(f->rules, &f->num, &d), CD_OK);
    assert_int_equal(quote_new(f->rules, &f->quote, &d), CD_OK);
    assert_int_equal(claim_new(f->rules, &f->claim, &d), CD_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    claim_free(f->claim);
    quote_free(f->quote);
    number_free(f->num);
    date_free(f->date);
    tag_free(f->tag);
    segment_free(f->seg);
    load_free(f->load);
    rules_free(f->rules);
    free(f);
    return 0;
}

static struct doc *analyse(const struct fixture *f, const char *text)
{
    struct doc *doc;
    struct diag d;
    assert_int_equal(load_buffer(f->load, "a story.txt", text, strlen(text),
                                 LOAD_TEXT, &doc, &d),
                     CD_OK);
    segment_run(f->seg, doc);
    tag_run(f->tag, doc);
    date_run(f->date, doc);
    number_run(f->num, doc);
    quote_run(f->quote, doc);
    claim_run(f->claim, doc);
    return doc;
}

/* Read the records in the string s; returns the first error, the
 * documents read in docs[0..*n). */
static enum cd_err read_all(const char *s, const char *rules,
                            struct doc **docs, size_t *n, struct diag *d)
{
    FILE *in = fmemopen((void *)(uintptr_t)s, strlen(s), "r");
    struct docio_reader *r = docio_reader_new(in, "recs.jsonl", rules);
    enum cd_err first = CD_OK, err;
    struct doc *doc;
    *n = 0;
    for (;;) {
        err = docio_read(r, &doc, d);
        if (err && !first)
            first = err;
        if (err == CD_ERR_IO || (!err && !doc))
            break;
        if (doc)
            docs[(*n)++] = doc;
    }
    docio_reader_free(r);
    fclose(in);
    return first;
}

static char *record_of(const struct doc *doc)
{
    size_t len;
    struct diag d;
    char *line = docio_format(doc, "r1", &len, &d);
    assert_non_null(line);
    assert_int_equal(strlen(line), len);
    assert_int_equal(line[len - 1], '\n');
    return line;
}

static void test_a_record_reads_back_to_the_same_record(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[2];
    size_t n;
    struct diag d;
    assert_true(doc->nclaims > 0 && doc->nmentions > 0 && doc->nquotes > 0);
    char *line = record_of(doc);
    assert_int_equal(read_all(line, "r1", back, &n, &d), CD_OK);
    assert_int_equal(n, 1);
    char *again = record_of(back[0]);
    assert_string_equal(line, again);
    assert_int_equal(back[0]->len, doc->len);
    assert_memory_equal(back[0]->text, doc->text, doc->len);
    assert_int_equal(back[0]->nlines, doc->nlines);
    assert_int_equal(back[0]->ntoks, 0); /* tokens are not kept */
    free(again);
    free(line);
    doc_free(back[0]);
    doc_free(doc);
}

/* Records are laid out by hand from literal keys; cJSON printing the
 * parsed line again must give the same bytes (no space, no lost comma,
 * every number as cJSON prints it), also for the extremes of every
 * integer field, the widest span offsets, and fractional,
 * infinite and NaN doubles. */
static void test_a_record_is_laid_out_as_cjson_prints_it(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story);
    assert_true(doc->nclaims > 0);
    assert_true(doc->nnumbers > 0);
    assert_true(doc->ndates > 0);
    assert_true(doc->nquotes > 0);
    assert_true(doc->nmentions > 0);
    assert_true(doc->nsents > 1);
    doc_warn(doc, "a \"warning\"\twith escapes");
    struct claim *cl = &doc->claims[0];
    cl->subject = INT_MIN;
    cl->object = INT_MAX;
    cl->frame = UINT_MAX;
    cl->scale = 0.3048;
    cl->negated = true;
    cl->text = "say \"no\"\\";
    doc->claims[doc->nclaims - 1].scale = 1e15 - 1;
    doc->numbers[0].value = 12.5;
    doc->numbers[0].low = -HUGE_VAL;
    doc->numbers[0].high = NAN;
    doc->numbers[0].noun_span.end = UINT32_MAX;
    doc->numbers[0].span.start = UINT32_MAX;
    doc->numbers[0].span.end = UINT32_MAX - 1;
    doc->dates[0].year = INT_MIN;
    doc->dates[0].amount = -9;
    doc->mentions[0].local = -1;
    doc->mentions[0].canonical = NULL;
    doc->sents[1].flags = UINT_MAX;
    doc->quotes[0].continues = -100;
    char *line = record_of(doc);
    cJSON *o = cJSON_Parse(line);
    assert_non_null(o);
    char *again = cJSON_PrintUnformatted(o);
    size_t n = strlen(again);
    assert_int_equal(strlen(line), n + 1);
    assert_memory_equal(line, again, n);
    assert_non_null(strstr(line, "\"subject\":-2147483648,"));
    assert_non_null(strstr(line, "\"scale\":0.3048}"));
    cJSON_free(again);
    cJSON_Delete(o);
    free(line);
    doc_free(doc);
}

/* The next of a fixed sequence of pseudo-random numbers. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* A fraction for the record's doubles: tenths and hundredths of every
 * magnitude around the fast path's limit, their neighbours one unit in
 * the last place away, and doubles of random bits. */
static double random_fraction(uint64_t *seed)
{
    uint64_t r = next_random(seed);
    int64_t k = (int64_t)(next_random(seed) >> (r % 64));
    if (r & 64)
        k = -k;
    double v = (double)k / ((r >> 7) % 3 == 0 ? 10 : 100);
    switch ((r >> 9) % 6) {
    case 0:
        return nextafter(v, HUGE_VAL);
    case 1:
        return nextafter(v, -HUGE_VAL);
    case 2: {
        uint64_t bits = next_random(seed);
        double d;
        memcpy(&d, &bits, sizeof d);
        return isfinite(d) ? d : v;
    }
    case 3:
        return (double)(k % 100000) / 100 + 1e12 * (double)((r >> 12) % 3);
    default:
        return v;
    }
}

/* Records print fractions (claims' scales, numbers' values and ends)
 * partly without snprintf; every one must read as cJSON prints it. */
static void test_fractions_are_laid_out_as_cjson_prints_them(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story);
    assert_true(doc->nclaims > 0 && doc->nnumbers > 0);
    uint64_t seed = 2718;
    for (int round = 0; round < 3000; round++) {
        for (size_t i = 0; i < doc->nclaims; i++)
            doc->claims[i].scale = random_fraction(&seed);
        for (size_t i = 0; i < doc->nnumbers; i++) {
            doc->numbers[i].value = random_fraction(&seed);
            doc->numbers[i].low = random_fraction(&seed);
            doc->numbers[i].high = random_fraction(&seed);
        }
        char *line = record_of(doc);
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        char *again = cJSON_PrintUnformatted(o);
        size_t n = strlen(again);
        if (strlen(line) != n + 1 || memcmp(line, again, n) != 0)
            fail_msg("record differs from cJSON's:\n%s\n%s", line, again);
        cJSON_free(again);
        cJSON_Delete(o);
        free(line);
    }
    doc_free(doc);
}

/* An offset or index for the record's spans: every length of one to
 * seven digits at its edges (9, 10, 99, 100, ...), the small writer's
 * limit and its neighbours, and random values of every magnitude. */
static size_t random_offset(uint64_t *seed)
{
    static const size_t edges[] = {0,     1,      9,      10,     11,
                                   99,    100,    101,    999,    1000,
                                   1001,  9999,   10000,  10001,  99998,
                                   99999, 100000, 100001, 999999, 1000000};
    uint64_t r = next_random(seed);
    if (r % 3 == 0)
        return edges[(r >> 8) % (sizeof edges / sizeof edges[0])];
    return (size_t)((r >> 8) % ((uint64_t)1 << (r >> 40) % 24));
}

/* The array at key of o, as the numbers of its items' fields. */
static double item_field(const cJSON *o, const char *key, size_t i, int k)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, key);
    const cJSON *e = cJSON_GetArrayItem(cJSON_GetArrayItem(a, (int)i), k);
    assert_non_null(e);
    return e->valuedouble;
}

static void test_small_integers_are_laid_out_as_cjson_prints_them(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story);
    assert_true(doc->nsents > 1 && doc->nparas > 1);
    uint64_t seed = 1618;
    for (int round = 0; round < 3000; round++) {
        for (size_t i = 0; i < doc->nsents; i++) {
            doc->sents[i].span.start = random_offset(&seed);
            doc->sents[i].span.end = random_offset(&seed);
            doc->sents[i].paragraph = (unsigned)random_offset(&seed);
            doc->sents[i].flags = (unsigned)random_offset(&seed);
        }
        for (size_t i = 0; i < doc->nparas; i++) {
            doc->paras[i].span.start = random_offset(&seed);
            doc->paras[i].span.end = random_offset(&seed);
        }
        char *line = record_of(doc);
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        char *again = cJSON_PrintUnformatted(o);
        size_t n = strlen(again);
        if (strlen(line) != n + 1 || memcmp(line, again, n) != 0)
            fail_msg("record differs from cJSON's:\n%s\n%s", line, again);
        for (size_t i = 0; i < doc->nsents; i++) {
            const struct sentence *st = &doc->sents[i];
            assert_true(item_field(o, "sentences", i, 0) == st->span.start);
            assert_true(item_field(o, "sentences", i, 1) == st->span.end);
            assert_true(item_field(o, "sentences", i, 2) == st->paragraph);
            assert_true(item_field(o, "sentences", i, 3) == st->flags);
        }
        for (size_t i = 0; i < doc->nparas; i++) {
            const struct paragraph *pa = &doc->paras[i];
            assert_true(item_field(o, "paragraphs", i, 0) == pa->span.start);
            assert_true(item_field(o, "paragraphs", i, 1) == pa->span.end);
        }
        cJSON_free(again);
        cJSON_Delete(o);
        free(line);
    }
    doc_free(doc);
}

/* A string for the record's string fields at buf (room for 80 bytes):
 * zero to 70 bytes of letters, spaces, escapes ('"', '\\', control
 * bytes), DEL and UTF-8, so its length falls on both sides of the short
 * strings' limit and an escape anywhere in it. */
static const char *random_string(uint64_t *seed, char *buf)
{
    static const char *const pieces[] = {"a", "Z", " ", "ab", "xyz9", "\"",
                                         "\\", "\n", "\x01", "\x1f", "\x7f",
                                         "\xc3\xa9", "/", "@", "e"};
    size_t n = 0, len = next_random(seed) % 71;
    while (n < len) {
        const char *p = pieces[next_random(seed) % 15];
        size_t k = strlen(p);
        if (n + k > len)
            break;
        memcpy(buf + n, p, k);
        n += k;
    }
    buf[n] = '\0';
    return buf;
}

static void test_strings_of_every_length_are_laid_out_as_cjson_prints_them(
    void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story);
    assert_true(doc->nmentions > 0 && doc->nclaims > 0);
    struct mention *m = &doc->mentions[0];
    struct claim *cl = &doc->claims[0];
    char bufs[7][80];
    uint64_t seed = 1414;
    for (int round = 0; round < 5000; round++) {
        const char *want[7];
        for (size_t k = 0; k < 7; k++)
            want[k] = random_string(&seed, bufs[k]);
        m->canonical = want[0];
        m->key = want[1];
        m->role = want[2];
        cl->cls = want[3];
        cl->slot = want[4];
        cl->thing = want[5];
        cl->text = want[6];
        char *line = record_of(doc);
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        char *again = cJSON_PrintUnformatted(o);
        size_t n = strlen(again);
        if (strlen(line) != n + 1 || memcmp(line, again, n) != 0)
            fail_msg("record differs from cJSON's:\n%s\n%s", line, again);
        const cJSON *jm = cJSON_GetArrayItem(
            cJSON_GetObjectItemCaseSensitive(o, "mentions"), 0);
        const cJSON *jc = cJSON_GetArrayItem(
            cJSON_GetObjectItemCaseSensitive(o, "claims"), 0);
        static const char *const keys[7] = {"canonical", "key",   "role",
                                            "cls",       "slot",  "thing",
                                            "text"};
        for (size_t k = 0; k < 7; k++) {
            const cJSON *v =
                cJSON_GetObjectItemCaseSensitive(k < 3 ? jm : jc, keys[k]);
            assert_true(cJSON_IsString(v));
            assert_string_equal(v->valuestring, want[k]);
        }
        cJSON_free(again);
        cJSON_Delete(o);
        free(line);
    }
    m->canonical = m->key = m->role = NULL;
    cl->cls = cl->slot = cl->thing = cl->text = NULL;
    doc_free(doc);
}

static void test_an_open_range_keeps_its_infinite_end(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[1];
    size_t n, k;
    struct diag d;
    for (k = 0; k < doc->nnumbers; k++)
        if (isinf(doc->numbers[k].high))
            break;
    assert_true(k < doc->nnumbers); /* "at least 12" */
    char *line = record_of(doc);
    assert_non_null(strstr(line, "\"high\":\"inf\""));
    assert_int_equal(read_all(line, "r1", back, &n, &d), CD_OK);
    assert_true(isinf(back[0]->numbers[k].high));
    assert_true(back[0]->numbers[k].low == doc->numbers[k].low);
    free(line);
    doc_free(back[0]);
    doc_free(doc);
}

static void test_blank_lines_are_skipped(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[3];
    size_t n;
    struct diag d;
    char *line = record_of(doc);
    size_t len = strlen(line);
    char *two = xmalloc(2 * len + 4);
    snprintf(two, 2 * len + 4, "\n%s \n%s", line, line);
    assert_int_equal(read_all(two, "r1", back, &n, &d), CD_OK);
    assert_int_equal(n, 2);
    doc_free(back[0]);
    doc_free(back[1]);
    free(two);
    free(line);
    doc_free(doc);
}

static void test_other_rules_are_a_usage_error(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[1];
    size_t n;
    struct diag d;
    char *line = record_of(doc);
    assert_int_equal(read_all(line, "r2", back, &n, &d), CD_ERR_USAGE);
    assert_int_equal(n, 0);
    assert_string_equal(d.file, "recs.jsonl");
    assert_int_equal(d.line, 1);
    assert_non_null(strstr(d.msg, "rules r1"));
    free(line);
    doc_free(doc);
}

static void test_a_cut_line_is_a_parse_error_on_its_line(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[2];
    size_t n;
    struct diag d;
    char *line = record_of(doc);
    size_t len = strlen(line);
    char *cut = xmalloc(2 * len);
    memcpy(cut, line, len);
    memcpy(cut + len, line, len / 2);
    cut[len + len / 2] = '\0';
    assert_int_equal(read_all(cut, "r1", back, &n, &d), CD_ERR_PARSE);
    assert_int_equal(n, 1); /* the whole first line still counts */
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.msg, "no newline"));
    doc_free(back[0]);
    free(cut);
    free(line);
    doc_free(doc);
}

/* Replace the first "key": value in line by "key":to. */
static char *with_field(const char *line, const char *key, const char *to)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *at = strstr(line, pat);
    assert_non_null(at);
    const char *end = at + strlen(pat);
    while (*end && *end != ',' && *end != '}')
        end++;
    size_t n = strlen(line) + strlen(to) + sizeof pat;
    char *out = xmalloc(n);
    snprintf(out, n, "%.*s%s%s%s", (int)(at - line), line, pat, to, end);
    return out;
}

static void test_damaged_fields_are_refused(void **state)
{
    static const struct {
        const char *key, *value;
    } cases[] = {
        {"bytes", "5"},           /* text of another length */
        {"speaker", "99999"},     /* index past the mentions */
        {"number_idx", "99999"},  /* index past the numbers */
        {"type", "\"person\""},   /* first "type" is the line's: usage */
        {"kind", "\"count\""},    /* enums are numbers here */
        {"title", "7"},           /* not a string */
        {"paragraphs", "{}"},     /* not an array */
    };
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[1];
    char *line = record_of(doc);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n;
        struct diag d;
        char *bad = with_field(line, cases[i].key, cases[i].value);
        enum cd_err err = read_all(bad, "r1", back, &n, &d);
        assert_true(err == CD_ERR_PARSE || err == CD_ERR_USAGE);
        assert_int_equal(n, 0);
        assert_int_equal(d.line, 1);
        free(bad);
    }
    free(line);
    doc_free(doc);
}

/* Spans are 32-bit: a record claiming a text over the loader's cap is
 * refused as too big, before its length is checked against the text. */
static void test_a_text_over_the_cap_is_too_big(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story), *back[1];
    char *line = record_of(doc), big[32];
    size_t n;
    struct diag d;
    snprintf(big, sizeof big, "%zu", (size_t)CD_MAX_DOC_BYTES + 1);
    char *bad = with_field(line, "bytes", big);
    assert_int_equal(read_all(bad, "r1", back, &n, &d), CD_ERR_TOOBIG);
    assert_int_equal(n, 0);
    assert_non_null(strstr(d.msg, "larger than"));
    free(bad);
    free(line);
    doc_free(doc);
}

static void test_a_text_with_a_nul_byte_gets_no_record(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = analyse(f, story);
    size_t len;
    struct diag d;
    doc->text[3] = '\0';
    assert_null(docio_format(doc, "r1", &len, &d));
    assert_non_null(strstr(d.msg, "NUL"));
    doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_record_reads_back_to_the_same_record),
        cmocka_unit_test(test_a_record_is_laid_out_as_cjson_prints_it),
        cmocka_unit_test(test_fractions_are_laid_out_as_cjson_prints_them),
        cmocka_unit_test(test_small_integers_are_laid_out_as_cjson_prints_them),
        cmocka_unit_test(
            test_strings_of_every_length_are_laid_out_as_cjson_prints_them),
        cmocka_unit_test(test_an_open_range_keeps_its_infinite_end),
        cmocka_unit_test(test_blank_lines_are_skipped),
        cmocka_unit_test(test_other_rules_are_a_usage_error),
        cmocka_unit_test(test_a_cut_line_is_a_parse_error_on_its_line),
        cmocka_unit_test(test_damaged_fields_are_refused),
        cmocka_unit_test(test_a_text_over_the_cap_is_too_big),
        cmocka_unit_test(test_a_text_with_a_nul_byte_gets_no_record),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
