/* test_html.c - main-content extraction and metadata from small pages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "claimdiff/arena.h"
#include "claimdiff/html.h"
#include "claimdiff/rules.h"

struct fixture {
    struct rules *rules;
    struct html_extractor *html;
    struct html_article art;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    if (rules_new(NULL, &f->rules, &d) != CD_OK)
        return -1;
    if (html_new(f->rules, &f->html, &d) != CD_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    html_article_clear(&f->art);
    html_free(f->html);
    rules_free(f->rules);
    free(f);
    return 0;
}

static struct html_article *extract(void **state, const char *page, size_t len)
{
    struct fixture *f = *state;
    struct diag d;
    html_article_clear(&f->art);
    assert_int_equal(html_extract(f->html, page, len, &f->art, &d), CD_OK);
    return &f->art;
}

static struct html_article *extract_str(void **state, const char *page)
{
    return extract(state, page, strlen(page));
}

/* The text with the boilerplate spans cut out, as --dump-text=body shows
 * it. Caller frees. */
static char *body_text(const struct html_article *a)
{
    char *out = xmalloc(a->len + 1);
    size_t n = 0, at = 0;
    for (size_t i = 0; i < a->nboiler; i++) {
        memcpy(out + n, a->text + at, a->boiler[i].start - at);
        n += a->boiler[i].start - at;
        at = a->boiler[i].end;
    }
    memcpy(out + n, a->text + at, a->len - at);
    n += a->len - at;
    out[n] = '\0';
    return out;
}

static bool has_warning(const struct html_article *a, const char *prefix)
{
    for (size_t i = 0; i < a->nwarnings; i++)
        if (strncmp(a->warnings[i], prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

#define P1 "The council voted on Tuesday, after a long debate, to close the old bridge."
#define P2 "Engineers said the structure, built in 1931, could no longer carry trucks."
#define P3 "Repairs will cost about 12 million euros, the mayor said, and take two years."

/* --- density ------------------------------------------------------------- */

static void test_dense_article_beats_link_heavy_sidebar(void **state)
{
    const char *page =
        "<html><body>"
        "<div><a href=/a>Home page link</a> <a href=/b>World news link</a> "
        "<a href=/c>Sport and weather link</a> <a href=/d>More links</a></div>"
        "<div><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>"
        "<div><p><a href=/x>Another story, with commas, about something "
        "else entirely</a></p><p><a href=/y>And a second story, also a "
        "link, about a third thing</a></p></div>"
        "</body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2 "\n\n" P3);
    assert_int_equal(a->nwarnings, 0);
}

/* --- class and id hints -------------------------------------------------- */

static void test_comment_and_share_classes_are_dropped(void **state)
{
    const char *page =
        "<html><body><div class=\"entry-content\">"
        "<p>" P1 "</p><p>" P2 "</p>"
        "<div class=\"share-buttons\">Share on Facebook, Twitter, email</div>"
        "<p>" P3 "</p></div>"
        "<div id=\"comments\"><p>I think this is wrong, said a reader, and "
        "the bridge is fine.</p><p>Another reader, angry, disagreed with "
        "everyone at length.</p></div>"
        "</body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2 "\n\n" P3);
}

static void test_layout_class_with_sidebar_word_keeps_article(void **state)
{
    const char *page =
        "<html><body><div class=\"has-sidebar\"><div class=\"story\">"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div>"
        "</body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2 "\n\n" P3);
}

/* --- strong evidence ----------------------------------------------------- */

static void test_item_prop_article_body_is_chosen(void **state)
{
    const char *page =
        "<html><body>"
        "<div class=\"teaser\"><p>A teaser paragraph, with commas, and more "
        "commas, and, yes, even more commas, to look dense.</p></div>"
        "<div itemprop=\"articleBody\"><p>" P1 "</p><p>" P2 "</p></div>"
        "</body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2);
}

static void test_main_inside_unclosed_nav_is_kept(void **state)
{
    /* libxml2 nests everything after an unclosed <nav> inside it. */
    const char *page =
        "<html><body><nav><a href=/>Home</a>"
        "<main><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></main>"
        "</body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2 "\n\n" P3);
}

/* --- metadata ------------------------------------------------------------ */

static void test_json_ld_graph_gives_headline_date_publisher_author(
    void **state)
{
    const char *page =
        "<html><head><title>Page title | Site</title>"
        "<script type=\"application/ld+json\">{\"@context\":"
        "\"https://schema.org\",\"@graph\":[{\"@type\":\"Organization\","
        "\"@id\":\"#org\",\"name\":\"The Daily Example\"},{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Bridge to close\",\"datePublished\":"
        "\"2023-11-08T09:30:00+01:00\",\"author\":[{\"@type\":\"Person\","
        "\"name\":\"Ana  Diaz\"}],\"publisher\":{\"@id\":\"#org\"}}]}"
        "</script></head><body><p>" P1 "</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->title, "Bridge to close");
    assert_string_equal(a->published, "2023-11-08");
    assert_string_equal(a->source, "The Daily Example");
    assert_string_equal(a->author, "Ana Diaz");
}

static void test_og_meta_wins_over_json_ld_h1_and_title(void **state)
{
    const char *page =
        "<html><head><title>Title tag</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"og:site_name\" content=\"Example News\">"
        "<meta property=\"article:published_time\" "
        "content=\"2020-04-10T12:00:00Z\">"
        "<meta name=\"author\" content=\"Jo Bloggs\">"
        "<script type=\"application/ld+json\">{\"@type\":\"Article\","
        "\"headline\":\"LD title\",\"datePublished\":\"2019-01-01\"}</script>"
        "</head><body><h1>H1 title</h1><p>" P1 "</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->title, "OG title");
    assert_string_equal(a->source, "Example News");
    assert_string_equal(a->published, "2020-04-10");
    assert_string_equal(a->author, "Jo Bloggs");
}

static void test_h1_then_title_tag_then_time_element_fill_gaps(void **state)
{
    const char *page =
        "<html><head><title>Title tag</title></head><body>"
        "<h1>The  headline</h1><time datetime=\"2021/03/08\">8 March</time>"
        "<p>" P1 "</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->title, "The headline");
    assert_string_equal(a->published, "2021-03-08");
    assert_null(a->source);
    assert_null(a->author);

    a = extract_str(state, "<html><head><title> Only title </title></head>"
                           "<body><p>" P1 "</p></body></html>");
    assert_string_equal(a->title, "Only title");
}

/* --- character sets ------------------------------------------------------ */

static void test_windows_1252_page_comes_out_as_utf8(void **state)
{
    const char *page = "<html><head><meta charset=\"windows-1252\"></head>"
                       "<body><p>Caf\xE9 owners said the caf\xE9, open "
                       "since 1990, will close \x93soon\x94.</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "Caf\xC3\xA9 owners said the caf\xC3\xA9, "
                                 "open since 1990, will close "
                                 "\xE2\x80\x9Csoon\xE2\x80\x9D.");
}

static void test_latin1_declared_in_http_equiv_is_read_as_1252(void **state)
{
    const char *page =
        "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=ISO-8859-1\"></head>"
        "<body><p>The na\xEFve plan, costing 5\x80 per head, failed in "
        "M\xFCnchen.</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "The na\xC3\xAFve plan, costing "
                                 "5\xE2\x82\xAC per head, failed in "
                                 "M\xC3\xBCnchen.");
}

static void test_undeclared_non_utf8_bytes_are_read_as_1252(void **state)
{
    const char *page = "<p>Se\xF1or Garc\xED" "a, the mayor, spoke on Monday "
                       "at noon.</p>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "Se\xC3\xB1or Garc\xC3\xAD"
                                 "a, the mayor, spoke on Monday at noon.");
}

static void test_utf8_bom_is_honoured_and_not_copied(void **state)
{
    const char *page = "\xEF\xBB\xBF<html><body><p>Z\xC3\xBCrich, the "
                       "city, said no to the plan on Sunday.</p></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "Z\xC3\xBCrich, the city, said no to the "
                                 "plan on Sunday.");
}

/* --- robustness ---------------------------------------------------------- */

static void test_malformed_markup_is_recovered(void **state)
{
    const char *page = "<html><body><div class=article><p>" P1 "<p>" P2
                       "</div></div></span><p>" P3 "</body>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2 "\n\n" P3);
}

static void test_ten_thousand_nested_divs_are_bounded_and_warned(
    void **state)
{
    enum { DEPTH = 10000 };
    size_t cap = DEPTH * 11 + 512, n = 0;
    char *page = xmalloc(cap);
    clock_t t0 = clock();
    n += (size_t)snprintf(page + n, cap - n, "<html><body><p>%s</p>", P1);
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(page + n, cap - n, "<div>");
    n += (size_t)snprintf(page + n, cap - n, "<p>%s</p>", P2);
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(page + n, cap - n, "</div>");
    n += (size_t)snprintf(page + n, cap - n, "</body></html>");
    struct html_article *a = extract(state, page, n);
    free(page);
    /* libxml2 stops at 256 levels; what came before is kept. */
    assert_string_equal(a->text, P1);
    assert_true(has_warning(a, "HTML parsing stopped early"));
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
}

static void test_sixty_nested_tables_keep_their_text(void **state)
{
    enum { DEPTH = 60 };
    size_t cap = DEPTH * 40 + 512, n = 0;
    char *page = xmalloc(cap);
    n += (size_t)snprintf(page + n, cap - n, "<html><body>");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(page + n, cap - n, "<table><tr><td>");
    n += (size_t)snprintf(page + n, cap - n, "<p>%s</p>", P1);
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(page + n, cap - n, "</td></tr></table>");
    n += (size_t)snprintf(page + n, cap - n, "</body></html>");
    struct html_article *a = extract(state, page, n);
    free(page);
    assert_string_equal(a->text, P1);
    assert_int_equal(a->nwarnings, 0);
}

static void test_page_without_article_keeps_text_and_warns(void **state)
{
    const char *page = "<html><body><div>Login</div><span>Menu</span>"
                       "<script>var x = 1;</script></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "Login\n\nMenu");
    assert_true(has_warning(a, "no article found"));
}

static void test_entities_are_decoded(void **state)
{
    const char *page = "<p>Smith &amp; Sons said &quot;no&quot; &mdash; "
                       "prices rose 5&nbsp;% to &euro;3&#44;000 &#x2013; "
                       "again.</p>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "Smith & Sons said \"no\" \xE2\x80\x94 "
                                 "prices rose 5 % to \xE2\x82\xAC"
                                 "3,000 \xE2\x80\x93 again.");
}

static void test_whitespace_collapses_and_invalid_utf8_is_repaired(
    void **state)
{
    const char *page = "<meta charset=utf-8><p>  The   mayor,\n\t said "
                       "\xFF\xFE it was over, on Friday.  </p>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, "The mayor, said \xEF\xBF\xBD\xEF\xBF\xBD "
                                 "it was over, on Friday.");
}

/* --- what the article keeps ---------------------------------------------- */

static void test_block_quotes_lists_and_headings_are_kept(void **state)
{
    const char *page =
        "<html><body><article><h2>What happened</h2><p>" P1 "</p>"
        "<blockquote>\"We had no choice,\" the mayor said, \"none at "
        "all.\"</blockquote><ul><li>First, the bridge closes.</li>"
        "<li>Then, repairs begin.</li></ul><p>" P2 "<br>" P3 "</p>"
        "</article></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text,
                        "What happened\n\n" P1 "\n\n"
                        "\"We had no choice,\" the mayor said, \"none at "
                        "all.\"\n\nFirst, the bridge closes.\n\n"
                        "Then, repairs begin.\n\n" P2 "\n" P3);
}

static void test_scripts_styles_forms_and_hidden_text_are_dropped(
    void **state)
{
    const char *page =
        "<html><head><style>p{color:red}</style></head><body><article>"
        "<p>" P1 "</p><script>document.write('x')</script>"
        "<div style=\"display: none\">Hidden promo text here</div>"
        "<p hidden>Also hidden, from everyone, forever.</p>"
        "<button>Click</button><iframe src=x></iframe>"
        "<svg><text>chart</text></svg><p>" P2 "</p></article></body></html>";
    struct html_article *a = extract_str(state, page);
    assert_string_equal(a->text, P1 "\n\n" P2);
}

static void test_furniture_lines_are_listed_as_boilerplate(void **state)
{
    const char *page =
        "<html><body><article><p>" P1 "</p><p>Share this article</p>"
        "<p>" P2 "</p><p>Sign up for our newsletter to get the news.</p>"
        "<figure><img src=x><figcaption>The old bridge in "
        "1931.</figcaption></figure><p>" P3 "</p></article></body></html>";
    struct html_article *a = extract_str(state, page);
    char *body = body_text(a);
    assert_int_equal(a->nboiler, 3);
    assert_string_equal(a->boiler_why[0], "share");
    assert_string_equal(a->boiler_why[1], "newsletter");
    assert_string_equal(a->boiler_why[2], "caption");
    assert_memory_equal(a->text + a->boiler[2].start, "The old bridge in 1931.",
                        a->boiler[2].end - a->boiler[2].start);
    assert_string_equal(body, P1 "\n\n\n\n" P2 "\n\n\n\n\n\n" P3);
    free(body);
}

/* --- rules ---------------------------------------------------------------- */

static void test_bad_hint_row_names_file_and_line(void **state)
{
    char dir[] = "/tmp/test_html_rulesXXXXXX";
    char path[256];
    struct rules *r = NULL;
    struct html_extractor *h = NULL;
    struct diag d;
    FILE *f;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/html", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/html/hints.tsv", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("# a comment\npaywall-box\t-25\tdrop\tword\nSidebar\t-25\tdrop\tword\n",
          f);
    fclose(f);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(html_new(r, &h, &d), CD_ERR_RULE);
    assert_null(h);
    assert_int_equal(d.line, 3);
    assert_non_null(strstr(d.file, "html/hints.tsv"));
    assert_string_equal(d.msg, "hint word must be lower case");
    rules_free(r);
    remove(path);
    snprintf(path, sizeof path, "%s/html", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dense_article_beats_link_heavy_sidebar),
        cmocka_unit_test(test_comment_and_share_classes_are_dropped),
        cmocka_unit_test(test_layout_class_with_sidebar_word_keeps_article),
        cmocka_unit_test(test_item_prop_article_body_is_chosen),
        cmocka_unit_test(test_main_inside_unclosed_nav_is_kept),
        cmocka_unit_test(
            test_json_ld_graph_gives_headline_date_publisher_author),
        cmocka_unit_test(test_og_meta_wins_over_json_ld_h1_and_title),
        cmocka_unit_test(test_h1_then_title_tag_then_time_element_fill_gaps),
        cmocka_unit_test(test_windows_1252_page_comes_out_as_utf8),
        cmocka_unit_test(test_latin1_declared_in_http_equiv_is_read_as_1252),
        cmocka_unit_test(test_undeclared_non_utf8_bytes_are_read_as_1252),
        cmocka_unit_test(test_utf8_bom_is_honoured_and_not_copied),
        cmocka_unit_test(test_malformed_markup_is_recovered),
        cmocka_unit_test(
            test_ten_thousand_nested_divs_are_bounded_and_warned),
        cmocka_unit_test(test_sixty_nested_tables_keep_their_text),
        cmocka_unit_test(test_page_without_article_keeps_text_and_warns),
        cmocka_unit_test(test_entities_are_decoded),
        cmocka_unit_test(
            test_whitespace_collapses_and_invalid_utf8_is_repaired),
        cmocka_unit_test(test_block_quotes_lists_and_headings_are_kept),
        cmocka_unit_test(
            test_scripts_styles_forms_and_hidden_text_are_dropped),
        cmocka_unit_test(test_furniture_lines_are_listed_as_boilerplate),
        cmocka_unit_test(test_bad_hint_row_names_file_and_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
