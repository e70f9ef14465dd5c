/* Unit tests of the HTML report: the page parses without errors as HTML
 * and as XML, text from articles is escaped, the word diff marks what
 * differs and stays bounded on long quotations.
 *
 * The corpus is built by hand through the public structs, so the tests
 * do not depend on what the extraction stages find. libxml2 is used here
 * only to read the page back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/quote.h"
#include "claimdiff/report.h"

/* What an article may hold that must never reach the page unescaped. */
#define NASTY "<script>alert(\"x\")</script> & 'y' </td>"

static struct doc *make_doc(const char *path, const char *text)
{
    struct doc *d = doc_new(path, xstrdup(text), strlen(text));
    /* One sentence over the whole text. */
    d->sents = xcalloc(1, sizeof *d->sents);
    d->nsents = d->capsents = 1;
    d->sents[0].span = (struct span){0, d->len};
    return d;
}

/* A claim of kind k over the first occurrence of words in doc's text. */
static unsigned add_claim(struct doc *d, enum claim_kind k, const char *words)
{
    const char *at = strstr(d->text, words);
    assert_non_null(at);
    d->claims = xrealloc(d->claims, (d->nclaims + 1) * sizeof *d->claims);
    struct claim *cl = &d->claims[d->nclaims];
    memset(cl, 0, sizeof *cl);
    cl->kind = k;
    cl->span.start = (size_t)(at - d->text);
    cl->span.end = cl->span.start + strlen(words);
    cl->text = arena_strdup(d->arena, words);
    cl->subject = cl->object = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->mention_idx = cl->quote_idx = -1;
    return (unsigned)d->nclaims++;
}

/* A statement claim whose quotation is the claim's words. */
static unsigned add_statement(struct doc *d, const char *words)
{
    unsigned k = add_claim(d, CLAIM_STATEMENT, words);
    d->quotes = xrealloc(d->quotes, (d->nquotes + 1) * sizeof *d->quotes);
    struct quote *q = &d->quotes[d->nquotes];
    memset(q, 0, sizeof *q);
    q->span = d->claims[k].span;
    q->kind = QUOTE_DIRECT;
    q->speaker = -1;
    q->continues = -1;
    d->claims[k].quote_idx = (int)d->nquotes++;
    return k;
}

/* A comparison of claim ca of D1 with claim cb of D2. */
static void add_comparison(struct corpus *c, enum claim_kind kind,
                           enum verdict v, const char *event, const char *slot,
                           unsigned ca, unsigned cb)
{
    c->comparisons = xrealloc(c->comparisons,
                              (c->ncomparisons + 1) * sizeof *c->comparisons);
    struct comparison *k = &c->comparisons[c->ncomparisons++];
    memset(k, 0, sizeof *k);
    k->event = arena_strdup(c->arena, event);
    k->topic = arena_printf(c->arena, "%s: %s", event, slot);
    k->event_id = (unsigned)c->ncomparisons;
    k->kind = kind;
    k->verdict = v;
    k->note = arena_strdup(c->arena, "note " NASTY);
    k->values = arena_alloc(c->arena, 2 * sizeof *k->values);
    k->values[0] = (struct cmp_value){.doc = 0, .claim = ca};
    k->values[1] = (struct cmp_value){.doc = 1, .claim = cb};
    k->nvalues = 2;
}

/* The page for c, NUL-terminated; the caller frees it. */
static char *render(const struct corpus *c, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    struct report_opts o = {false, false, true, NULL};
    assert_int_equal(report_html(f, c, &o), CD_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* Parser errors, counted by a structured error handler. HTML5 elements
 * unknown to libxml2's HTML 4 parser are expected and not counted. */
struct errors {
    int n;
    char first[256];
};

static void on_error(void *ctx, xmlErrorPtr e)
{
    struct errors *err = ctx;
    if (e->code == XML_HTML_UNKNOWN_TAG && e->str1 &&
        (!strcmp((const char *)e->str1, "details") ||
         !strcmp((const char *)e->str1, "summary")))
        return;
    if (err->n++ == 0)
        snprintf(err->first, sizeof err->first, "line %d: %s", e->line,
                 e->message ? e->message : "?");
}

static xmlDocPtr parse_html(const char *page, size_t len, struct errors *err)
{
    memset(err, 0, sizeof *err);
    xmlSetStructuredErrorFunc(err, on_error);
    xmlDocPtr doc = htmlReadMemory(page, (int)len, "report.html", "UTF-8",
                                   HTML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return doc;
}

static xmlDocPtr parse_xml(const char *page, size_t len, struct errors *err)
{
    memset(err, 0, sizeof *err);
    xmlSetStructuredErrorFunc(err, on_error);
    xmlDocPtr doc = xmlReadMemory(page, (int)len, "report.html", "UTF-8",
                                  XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return doc;
}

/* Two documents whose metadata, values and quotations hold NASTY. */
static struct corpus *nasty_corpus(void)
{
    struct corpus *c = corpus_new();
    struct doc *a = make_doc("dir/a&b<1>.txt", "The role was " NASTY
                                               " said \"we agree\" today.");
    struct doc *b = make_doc("b.txt", "Elsewhere the role was " NASTY
                                      " and \"we disagree\" then.");
    a->source = arena_strdup(a->arena, "Outlet <b>&amp;</b> \"Q\"");
    a->title = arena_strdup(a->arena, "Headline " NASTY);
    a->published = arena_strdup(a->arena, "2016-08-01");
    doc_warn(a, "warning %s", NASTY);
    unsigned ra = add_claim(a, CLAIM_ROLE, NASTY);
    unsigned rb = add_claim(b, CLAIM_ROLE, NASTY);
    unsigned sa = add_statement(a, "we agree");
    unsigned sb = add_statement(b, "we disagree");
    corpus_add(c, a);
    corpus_add(c, b);
    add_comparison(c, CLAIM_ROLE, VERDICT_CONFLICT, "Event " NASTY, "role",
                   ra, rb);
    add_comparison(c, CLAIM_STATEMENT, VERDICT_PARTIAL, "Speaker", "statement",
                   sa, sb);
    return c;
}

static void test_page_parses_as_html_without_errors(void **state)
{
    (void)state;
    struct corpus *c = nasty_corpus();
    size_t len;
    char *page = render(c, &len);
    struct errors err;
    xmlDocPtr doc = parse_html(page, len, &err);
    assert_non_null(doc);
    if (err.n)
        fail_msg("%d HTML parser errors, first: %s", err.n, err.first);
    xmlFreeDoc(doc);
    free(page);
    corpus_free(c);
}

static void test_page_is_well_formed_xml(void **state)
{
    (void)state;
    struct corpus *c = nasty_corpus();
    size_t len;
    char *page = render(c, &len);
    struct errors err;
    xmlDocPtr doc = parse_xml(page, len, &err);
    if (!doc || err.n)
        fail_msg("not well-formed: %d errors, first: %s", err.n, err.first);
    xmlFreeDoc(doc);
    free(page);
    corpus_free(c);
}

static void test_article_text_is_escaped(void **state)
{
    (void)state;
    struct corpus *c = nasty_corpus();
    size_t len;
    char *page = render(c, &len);
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<b>"));
    assert_non_null(strstr(page, "&lt;script&gt;"));
    assert_non_null(strstr(page, "&amp;amp;"));
    /* Read back, the text is the article's own. */
    struct errors err;
    xmlDocPtr doc = parse_html(page, len, &err);
    xmlChar *all = xmlNodeGetContent(xmlDocGetRootElement(doc));
    assert_non_null(strstr((const char *)all, NASTY));
    assert_non_null(strstr((const char *)all, "Outlet <b>&amp;</b> \"Q\""));
    xmlFree(all);
    xmlFreeDoc(doc);
    free(page);
    corpus_free(c);
}

static void test_page_holds_no_script_or_external_resource(void **state)
{
    (void)state;
    struct corpus *c = nasty_corpus();
    size_t len;
    char *page = render(c, &len);
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<link"));
    assert_null(strstr(page, "<img"));
    assert_null(strstr(page, "http://"));
    assert_null(strstr(page, "https://"));
    assert_null(strstr(page, "url("));
    free(page);
    corpus_free(c);
}

static void test_matrix_has_a_row_per_slot_and_a_column_per_source(void **state)
{
    (void)state;
    struct corpus *c = nasty_corpus();
    size_t len;
    char *page = render(c, &len);
    size_t rows = 0, cells = 0;
    for (const char *s = page; (s = strstr(s, "<tr class=\"slot ")); s++)
        rows++;
    for (const char *s = page; (s = strstr(s, "<td class=\"cell ")); s++)
        cells++;
    assert_int_equal(rows, 2);
    assert_int_equal(cells, 4);
    assert_non_null(strstr(page, "<td class=\"cell conflict\""));
    assert_non_null(strstr(page, "<td class=\"cell partial\""));
    assert_non_null(strstr(page, "2 events, 1 conflict, 1 partial, 0 agree"));
    free(page);
    corpus_free(c);
}

/* Being elsewhere denies an incursion without a negation: the cell shows
 * the comparator's stance, not the claim's own negation flag. */
static void test_cells_show_the_stance_judged(void **state)
{
    (void)state;
    struct corpus *c = corpus_new();
    struct doc *a = make_doc("a.txt", "The jet entered the airspace.");
    struct doc *b = make_doc("b.txt", "The jet stayed over its own land.");
    unsigned ea = add_claim(a, CLAIM_EVENT, "entered the airspace");
    unsigned eb = add_claim(b, CLAIM_EVENT, "stayed over its own land");
    corpus_add(c, a);
    corpus_add(c, b);
    add_comparison(c, CLAIM_EVENT, VERDICT_CONFLICT, "Incursion", "happened",
                   ea, eb);
    c->comparisons[0].values[0].stance = 1;
    c->comparisons[0].values[1].stance = -1;
    size_t len;
    char *page = render(c, &len);
    const char *stated = strstr(page, "<span class=\"val\">stated</span>");
    const char *denied = strstr(page, "<span class=\"val\">denied</span>");
    assert_non_null(stated);
    assert_non_null(denied);
    assert_true(stated < denied);
    free(page);
    corpus_free(c);
}

static void test_word_diff_marks_only_the_differing_words(void **state)
{
    (void)state;
    struct corpus *c = corpus_new();
    struct doc *a = make_doc("a.txt", "\"The cat sat on the mat.\"");
    struct doc *b = make_doc("b.txt", "\"the dog sat on the mat\"");
    unsigned sa = add_statement(a, "The cat sat on the mat.");
    unsigned sb = add_statement(b, "the dog sat on the mat");
    corpus_add(c, a);
    corpus_add(c, b);
    add_comparison(c, CLAIM_STATEMENT, VERDICT_PARTIAL, "Someone", "statement",
                   sa, sb);
    size_t len;
    char *page = render(c, &len);
    /* Case and the final full stop do not count as differences. */
    assert_non_null(
        strstr(page, "The <span class=\"diff\">cat</span> sat on the mat."));
    assert_non_null(
        strstr(page, "the <span class=\"diff\">dog</span> sat on the mat"));
    free(page);
    corpus_free(c);
}

/* n words "w0 w1 ..." (every word distinct, the worst case for a diff). */
static char *many_words(size_t n, const char *prefix)
{
    size_t cap = n * 12 + 1, len = 0;
    char *s = xmalloc(cap);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "%s%zu ", prefix, i);
    s[len ? len - 1 : 0] = '\0';
    return s;
}

static void test_long_quotations_keep_the_diff_bounded(void **state)
{
    (void)state;
    const size_t n = 200000;
    char *ta = many_words(n, "a"), *tb = many_words(n, "b");
    struct corpus *c = corpus_new();
    struct doc *a = make_doc("a.txt", ta);
    struct doc *b = make_doc("b.txt", tb);
    unsigned sa = add_statement(a, ta);
    unsigned sb = add_statement(b, tb);
    corpus_add(c, a);
    corpus_add(c, b);
    add_comparison(c, CLAIM_STATEMENT, VERDICT_PARTIAL, "Someone", "statement",
                   sa, sb);
    clock_t t0 = clock();
    size_t len;
    char *page = render(c, &len);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* Quadratic would be 4e10 word comparisons; bounded is well under a
     * second even with sanitizers. */
    if (secs > 20)
        fail_msg("rendering took %.1f s", secs);
    assert_non_null(strstr(page, "not compared"));
    /* The words past the bound are still shown, unmarked. */
    char last[32];
    snprintf(last, sizeof last, "a%zu", n - 1);
    assert_non_null(strstr(page, last));
    assert_null(strstr(page, "<span class=\"diff\">a1000</span>"));
    free(page);
    corpus_free(c);
    free(ta);
    free(tb);
}

static void test_invalid_utf8_and_control_bytes_keep_the_page_valid(void **state)
{
    (void)state;
    struct corpus *c = corpus_new();
    struct doc *a = make_doc("a.txt", "bad \xff\xfe bytes \x01\x02 here");
    a->title = arena_strdup(a->arena, "title \xc3 \x7f end");
    corpus_add(c, a);
    size_t len;
    char *page = render(c, &len);
    struct errors err;
    xmlDocPtr doc = parse_xml(page, len, &err);
    if (!doc || err.n)
        fail_msg("not well-formed: %d errors, first: %s", err.n, err.first);
    xmlFreeDoc(doc);
    free(page);
    corpus_free(c);
}

static void test_empty_corpus_gives_a_page(void **state)
{
    (void)state;
    struct corpus *c = corpus_new();
    size_t len;
    char *page = render(c, &len);
    assert_non_null(strstr(page, "<!DOCTYPE html>"));
    assert_non_null(strstr(page, "Nothing that two sources both state."));
    assert_non_null(strstr(page, "</html>"));
    free(page);
    corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_parses_as_html_without_errors),
        cmocka_unit_test(test_page_is_well_formed_xml),
        cmocka_unit_test(test_article_text_is_escaped),
        cmocka_unit_test(test_page_holds_no_script_or_external_resource),
        cmocka_unit_test(test_matrix_has_a_row_per_slot_and_a_column_per_source),
        cmocka_unit_test(test_cells_show_the_stance_judged),
        cmocka_unit_test(test_word_diff_marks_only_the_differing_words),
        cmocka_unit_test(test_long_quotations_keep_the_diff_bounded),
        cmocka_unit_test(
            test_invalid_utf8_and_control_bytes_keep_the_page_valid),
        cmocka_unit_test(test_empty_corpus_gives_a_page),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
