/* test_segment.c - paragraphs, sentences and tokens (segment.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "rulesdir.h"

struct fixture {
    struct rules *rules;
    struct segmenter *seg;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(NULL, &f->rules, &d) != CD_OK ||
        segment_new(f->rules, &f->seg, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    segment_free(f->seg);
    rules_free(f->rules);
    free(f);
    return 0;
}

static struct doc *make_doc(const char *text, size_t len)
{
    return doc_new("test.txt", xstrndup(text, len), len);
}

static struct doc *segment_text(void **state, const char *text)
{
    struct fixture *f = *state;
    struct doc *doc = make_doc(text, strlen(text));
    segment_run(f->seg, doc);
    return doc;
}

/* The text of a span, for string asserts. Caller frees. */
static char *slice(const struct doc *doc, struct span s)
{
    return xstrndup(doc->text + s.start, s.end - s.start);
}

static void check_sentences(void **state, const char *text,
                            const char *const *want, size_t nwant)
{
    struct doc *doc = segment_text(state, text);
    if (doc->nsents != nwant) {
        print_message("text: %s\n", text);
        for (size_t i = 0; i < doc->nsents; i++)
            print_message("  got [%zu] <%.*s>\n", i,
                          (int)(doc->sents[i].span.end - doc->sents[i].span.start),
                          doc->text + doc->sents[i].span.start);
    }
    assert_int_equal(doc->nsents, nwant);
    for (size_t i = 0; i < nwant; i++) {
        char *got = slice(doc, doc->sents[i].span);
        assert_string_equal(got, want[i]);
        free(got);
    }
    doc_free(doc);
}

#define SENTS(text, ...)                                                     \
    check_sentences(state, text, (const char *const[]){__VA_ARGS__},         \
                    sizeof((const char *const[]){__VA_ARGS__}) /             \
                        sizeof(const char *))

/* The index of the token whose text is s, or -1. */
static long find_token(const struct doc *doc, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < doc->ntoks; i++) {
        const struct token *t = &doc->toks[i];
        if (t->span.end - t->span.start == n &&
            memcmp(doc->text + t->span.start, s, n) == 0)
            return (long)i;
    }
    return -1;
}

static void check_tokens(void **state, const char *text,
                         const char *const *want, size_t nwant)
{
    struct doc *doc = segment_text(state, text);
    if (doc->ntoks != nwant) {
        print_message("text: %s\n", text);
        for (size_t i = 0; i < doc->ntoks; i++)
            print_message("  got [%zu] <%.*s>\n", i,
                          (int)(doc->toks[i].span.end - doc->toks[i].span.start),
                          doc->text + doc->toks[i].span.start);
    }
    assert_int_equal(doc->ntoks, nwant);
    for (size_t i = 0; i < nwant; i++) {
        char *got = slice(doc, doc->toks[i].span);
        assert_string_equal(got, want[i]);
        free(got);
    }
    doc_free(doc);
}

#define TOKS(text, ...)                                                      \
    check_tokens(state, text, (const char *const[]){__VA_ARGS__},            \
                 sizeof((const char *const[]){__VA_ARGS__}) /                \
                     sizeof(const char *))

/* ---- sentence boundaries ------------------------------------------- */

static void test_full_stops_split_sentences(void **state)
{
    SENTS("Russia denied it. Turkey insisted. Nobody knows.",
          "Russia denied it.", "Turkey insisted.", "Nobody knows.");
}

static void test_abbreviation_before_sentence_starter_splits(void **state)
{
    SENTS("He moved to the U.S. The next day he left.",
          "He moved to the U.S.", "The next day he left.");
}

static void test_abbreviation_before_name_does_not_split(void **state)
{
    SENTS("He met the U.S. State Department in Geneva.",
          "He met the U.S. State Department in Geneva.");
}

static void test_abbreviation_at_sentence_start_stays(void **state)
{
    SENTS("U.S. Secretary of State John Kerry spoke. He left.",
          "U.S. Secretary of State John Kerry spoke.", "He left.");
}

static void test_titles_never_end_a_sentence(void **state)
{
    SENTS("Mr. Smith met Dr. Jones and Gov. Brown. They talked.",
          "Mr. Smith met Dr. Jones and Gov. Brown.", "They talked.");
}

static void test_military_ranks_never_end_a_sentence(void **state)
{
    SENTS("Army Col. Steve Warren and Lt. Gen. Sergei Rudskoi agreed. "
          "Sgt. Capt. Maj. Gen. Brig. Adm. Ranks abound.",
          "Army Col. Steve Warren and Lt. Gen. Sergei Rudskoi agreed.",
          "Sgt. Capt. Maj. Gen. Brig. Adm. Ranks abound.");
}

static void test_single_letter_initial_does_not_split(void **state)
{
    SENTS("John F. Kennedy was shot in 1963. He died.",
          "John F. Kennedy was shot in 1963.", "He died.");
}

static void test_initial_before_sentence_starter_splits(void **state)
{
    SENTS("They chose Plan B. The rest failed.", "They chose Plan B.",
          "The rest failed.");
}

static void test_decimal_numbers_do_not_split(void **state)
{
    SENTS("It cost 3.5 million dollars. Then it rose to 4.25 million.",
          "It cost 3.5 million dollars.", "Then it rose to 4.25 million.");
}

static void test_thousands_separator_does_not_split(void **state)
{
    SENTS("Some 10,000 people fled. Others stayed.", "Some 10,000 people fled.",
          "Others stayed.");
}

static void test_number_sign_before_a_number_does_not_split(void **state)
{
    SENTS("Resolution No. 5 passed. It was close.", "Resolution No. 5 passed.",
          "It was close.");
}

static void test_numeric_abbreviation_without_number_is_a_full_stop(void **state)
{
    SENTS("The answer was No. Then he left.", "The answer was No.",
          "Then he left.");
}

static void test_month_abbreviation_before_day_does_not_split(void **state)
{
    SENTS("On Sept. 18 the plane vanished. On Oct. 1 it was found.",
          "On Sept. 18 the plane vanished.", "On Oct. 1 it was found.");
}

static void test_ellipsis_before_capital_splits(void **state)
{
    SENTS("We waited... Nothing came.", "We waited...", "Nothing came.");
}

static void test_ellipsis_before_lower_case_continues(void **state)
{
    SENTS("He paused... and went on. Done.", "He paused... and went on.",
          "Done.");
}

static void test_unicode_ellipsis_splits(void **state)
{
    SENTS("It ended\xE2\x80\xA6 Then came peace.", "It ended\xE2\x80\xA6",
          "Then came peace.");
}

static void test_domain_names_do_not_split(void **state)
{
    SENTS("The website antiwar.com wrote it. Others agreed.",
          "The website antiwar.com wrote it.", "Others agreed.");
}

static void test_url_with_www_does_not_split(void **state)
{
    SENTS("See www.presstv.co.uk. It is a mirror.", "See www.presstv.co.uk.",
          "It is a mirror.");
}

static void test_email_address_does_not_split(void **state)
{
    SENTS("Write to news.desk@example.org today. We answer.",
          "Write to news.desk@example.org today.", "We answer.");
}

static void test_closing_quote_after_stop_stays_with_sentence(void **state)
{
    SENTS("\xE2\x80\x9CWe will act.\xE2\x80\x9D He said so.",
          "\xE2\x80\x9CWe will act.\xE2\x80\x9D", "He said so.");
}

static void test_quote_ending_in_comma_does_not_end_sentence(void **state)
{
    SENTS("\xE2\x80\x9CWe will act,\xE2\x80\x9D Kerry said. "
          "\xE2\x80\x9C" "And soon.\xE2\x80\x9D",
          "\xE2\x80\x9CWe will act,\xE2\x80\x9D Kerry said.",
          "\xE2\x80\x9C" "And soon.\xE2\x80\x9D");
}

static void test_question_in_quote_before_lower_case_continues(void **state)
{
    SENTS("\"Why?\" he asked. Nobody answered.", "\"Why?\" he asked.",
          "Nobody answered.");
}

static void test_question_and_exclamation_marks_end_sentences(void **state)
{
    SENTS("Is it true? Yes! It is.", "Is it true?", "Yes!", "It is.");
}

static void test_stacked_marks_stay_together(void **state)
{
    SENTS("Was it a bomb?! Nobody knows.", "Was it a bomb?!", "Nobody knows.");
}

static void test_closing_bracket_after_stop_stays_with_sentence(void **state)
{
    SENTS("(He agreed.) Then he left.", "(He agreed.)", "Then he left.");
}

static void test_single_quote_after_stop_stays_with_sentence(void **state)
{
    SENTS("He said 'no.' Then he left.", "He said 'no.'", "Then he left.");
}

static void test_time_abbreviation_before_lower_case_continues(void **state)
{
    SENTS("It left at 9:55 a.m. local time. The crash followed.",
          "It left at 9:55 a.m. local time.", "The crash followed.");
}

static void test_time_abbreviation_before_name_continues(void **state)
{
    SENTS("It was hit at 11 p.m. Moscow time by a missile.",
          "It was hit at 11 p.m. Moscow time by a missile.");
}

static void test_time_abbreviation_before_starter_splits(void **state)
{
    SENTS("It landed at 3 p.m. The crew was safe.", "It landed at 3 p.m.",
          "The crew was safe.");
}

static void test_company_abbreviation_before_verb_continues(void **state)
{
    SENTS("Apple Inc. said so. Fine.", "Apple Inc. said so.", "Fine.");
}

static void test_etc_before_starter_splits(void **state)
{
    SENTS("Guns, tanks, etc. But no planes.", "Guns, tanks, etc.",
          "But no planes.");
}

static void test_latin_abbreviations_never_end_a_sentence(void **state)
{
    SENTS("Some states, e.g. Syria, i.e. Assad, vs. Turkey. Done.",
          "Some states, e.g. Syria, i.e. Assad, vs. Turkey.", "Done.");
}

static void test_missing_space_after_stop_does_not_split(void **state)
{
    SENTS("He was in Syria.The typo stays.", "He was in Syria.The typo stays.");
}

static void test_dash_after_quoted_stop_continues(void **state)
{
    SENTS("\xE2\x80\x9CNo.\xE2\x80\x9D \xE2\x80\x94 said Kerry.",
          "\xE2\x80\x9CNo.\xE2\x80\x9D \xE2\x80\x94 said Kerry.");
}

static void test_dotted_date_does_not_split(void **state)
{
    SENTS("On 26.10.2016 the truce ended. It failed.",
          "On 26.10.2016 the truce ended.", "It failed.");
}

static void test_quote_with_two_sentences_splits_inside(void **state)
{
    SENTS("\xE2\x80\x9CThe plane was at 6,000 metres. It stayed over Syria,"
          "\xE2\x80\x9D the ministry said.",
          "\xE2\x80\x9CThe plane was at 6,000 metres.",
          "It stayed over Syria,\xE2\x80\x9D the ministry said.");
}

static void test_degree_abbreviation_with_inner_dot_stays(void **state)
{
    SENTS("She holds a Ph.D. in law. He does not.",
          "She holds a Ph.D. in law.", "He does not.");
}

static void test_undotted_initialism_sentence_end_splits(void **state)
{
    SENTS("He was born in the U.S.A. In 1990 he left.",
          "He was born in the U.S.A.", "In 1990 he left.");
}

static void test_numbered_list_marker_is_not_a_sentence(void **state)
{
    SENTS("1. The first point is clear.", "1. The first point is clear.");
}

static void test_trailing_photo_credit_joins_last_sentence(void **state)
{
    SENTS("Troops gather in Aleppo on June 4, 2016. (AFP)",
          "Troops gather in Aleppo on June 4, 2016. (AFP)");
}

static void test_abbreviation_ending_paragraph_ends_sentence(void **state)
{
    SENTS("Russia Must Restrain Itself, Says U.S.\nThe call came Monday.",
          "Russia Must Restrain Itself, Says U.S.", "The call came Monday.");
}

static void test_sentences_never_cross_paragraphs(void **state)
{
    SENTS("No stop here\nNext line.\n\nLast one", "No stop here", "Next line.",
          "Last one");
}

static void test_stop_before_lower_case_continues(void **state)
{
    SENTS("It was approx. five km away.", "It was approx. five km away.");
}

/* ---- paragraphs ----------------------------------------------------- */

static void check_paras(const struct doc *doc, const char *const *want,
                        size_t nwant)
{
    assert_int_equal(doc->nparas, nwant);
    for (size_t i = 0; i < nwant; i++) {
        char *got = slice(doc, doc->paras[i].span);
        assert_string_equal(got, want[i]);
        free(got);
    }
}

static void test_blank_lines_separate_paragraphs(void **state)
{
    struct doc *doc = segment_text(state, "\n\nFirst one.\n\n\n  Second one. \n\n");
    check_paras(doc, (const char *const[]){"First one.", "Second one."}, 2);
    assert_int_equal(doc->sents[1].paragraph, 1);
    doc_free(doc);
}

static void test_single_newlines_separate_paragraphs(void **state)
{
    struct doc *doc = segment_text(state, "Headline here\nFirst para.\nSecond para.");
    check_paras(doc,
                (const char *const[]){"Headline here", "First para.",
                                      "Second para."},
                3);
    doc_free(doc);
}

static void test_broken_line_continuing_in_lower_case_joins(void **state)
{
    const char *text =
        "The Russian Defense Ministry said in a statement on Monday that the\n"
        "aircraft disappeared from radar.\n"
        "Nobody commented on it.";
    struct doc *doc = segment_text(state, text);
    check_paras(doc,
                (const char *const[]){
                    "The Russian Defense Ministry said in a statement on "
                    "Monday that the\naircraft disappeared from radar.",
                    "Nobody commented on it."},
                2);
    assert_int_equal(doc->nsents, 2);
    doc_free(doc);
}

static void test_hard_wrapped_text_joins_full_lines(void **state)
{
    const char *text =
        "The United States has called on Russia and the Syrian government to\n"
        "stop their offensive operations in Syria, the Reuters news agency\n"
        "reported Monday. U.S. Secretary of State John Kerry made the comments\n"
        "after a Russian helicopter was shot down.\n"
        "\n"
        "The city, an opposition stronghold in the east of the country, has\n"
        "been under siege by Russian-backed Syrian government forces for\n"
        "almost a month.\n";
    struct doc *doc = segment_text(state, text);
    assert_int_equal(doc->nparas, 2);
    assert_int_equal(doc->nsents, 3);
    char *s = slice(doc, doc->sents[1].span);
    assert_string_equal(s, "U.S. Secretary of State John Kerry made the "
                           "comments\nafter a Russian helicopter was shot down.");
    free(s);
    doc_free(doc);
}

static void test_hard_wrapped_text_keeps_short_headline_apart(void **state)
{
    const char *text =
        "Kerry urges restraint\n"
        "The United States has called on Russia and the Syrian government to\n"
        "stop their offensive operations in Syria, the Reuters news agency\n"
        "reported Monday. U.S. Secretary of State John Kerry made the comments\n"
        "after a Russian helicopter was shot down.\n";
    struct doc *doc = segment_text(state, text);
    assert_int_equal(doc->nparas, 2);
    assert_int_equal(doc->sents[0].flags, SENT_HEADLINE);
    doc_free(doc);
}

static void test_crlf_is_not_part_of_any_span(void **state)
{
    struct doc *doc = segment_text(state, "Title line\r\n\r\nBody text here.\r\n");
    check_paras(doc, (const char *const[]){"Title line", "Body text here."}, 2);
    assert_int_equal(doc->ntoks, 6);
    doc_free(doc);
}

static void test_bom_and_no_break_spaces_are_trimmed(void **state)
{
    struct doc *doc = segment_text(
        state, "\xEF\xBB\xBF\xC2\xA0 Body\xC2\xA0text.\xC2\xA0\n\xC2\xA0\n");
    check_paras(doc, (const char *const[]){"Body\xC2\xA0text."}, 1);
    assert_int_equal(doc->ntoks, 3);
    doc_free(doc);
}

static void test_whitespace_only_text_has_no_paragraphs(void **state)
{
    struct doc *doc = segment_text(state, " \n\t\r\n\xC2\xA0\n");
    assert_int_equal(doc->nparas, 0);
    assert_int_equal(doc->nsents, 0);
    assert_int_equal(doc->ntoks, 0);
    doc_free(doc);
}

static void test_empty_document_has_nothing(void **state)
{
    struct doc *doc = segment_text(state, "");
    assert_int_equal(doc->nparas, 0);
    assert_int_equal(doc->nsents, 0);
    assert_int_equal(doc->ntoks, 0);
    doc_free(doc);
}

static void test_running_twice_replaces_the_segmentation(void **state)
{
    struct fixture *f = *state;
    struct doc *doc = segment_text(state, "One. Two.\n\nThree.");
    segment_run(f->seg, doc);
    assert_int_equal(doc->nparas, 2);
    assert_int_equal(doc->nsents, 3);
    assert_int_equal(doc->ntoks, 6);
    doc_free(doc);
}

/* ---- tokens --------------------------------------------------------- */

static void test_words_keep_inner_hyphens_and_apostrophes(void **state)
{
    TOKS("al-Nusra Russia\xE2\x80\x99s didn't Mi-8 Il-20M one-on-one "
         "victims' 28-year-old",
         "al-Nusra", "Russia\xE2\x80\x99s", "didn't", "Mi-8", "Il-20M",
         "one-on-one", "victims", "'", "28-year-old");
}

static void test_numbers_keep_inner_separators(void **state)
{
    TOKS("10,000 3.5 26.10.2016 2015-2016 1,2345",
         "10,000", "3.5", "26.10.2016", "2015", "-", "2016", "1", ",", "2345");
}

static void test_number_glued_to_letters_is_a_word(void **state)
{
    struct doc *doc = segment_text(state, "17th 1950s 4U9525 6pm 42");
    assert_int_equal(doc->ntoks, 5);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(doc->toks[i].kind, TOK_WORD);
    assert_int_equal(doc->toks[4].kind, TOK_NUMBER);
    doc_free(doc);
}

static void test_multibyte_punctuation_is_one_token(void **state)
{
    TOKS("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 he said\xE2\x80\xA6 \xC2\xAB"
         "ok\xC2\xBB...",
         "\xE2\x80\x9C", "Yes", "\xE2\x80\x9D", "\xE2\x80\x94", "he", "said",
         "\xE2\x80\xA6", "\xC2\xAB", "ok", "\xC2\xBB", "...");
}

static void test_abbreviations_and_urls_are_one_token(void **state)
{
    TOKS("U.S.-backed U.S. Gen. Ph.D. antiwar.com www.presstv.co.uk/x a.m.",
         "U.S.-backed", "U.S.", "Gen.", "Ph.D.", "antiwar.com",
         "www.presstv.co.uk/x", "a.m.");
}

static void test_no_break_space_is_not_a_token(void **state)
{
    TOKS("5\xC2\xA0km\xE2\x80\xAF" "away", "5", "km", "away");
}

static void test_token_flags_mark_case(void **state)
{
    struct doc *doc = segment_text(
        state, "NATO and U.S. officials met Kerry, \xC3\x89ric and "
               "\xD0\xA8\xD0\xBE\xD0\xB9\xD0\xB3\xD1\x83 in F-16 jets.");
    long i;
    assert_true((i = find_token(doc, "NATO")) >= 0);
    /* TOKF_PLAIN: ASCII letters only, cut by the common-word path */
    assert_int_equal(doc->toks[i].flags,
                     TOKF_CAP | TOKF_ALLCAPS | TOKF_SENT_START | TOKF_PLAIN);
    assert_int_equal(doc->toks[find_token(doc, "and")].flags, TOKF_PLAIN);
    assert_int_equal(doc->toks[find_token(doc, "U.S.")].flags,
                     TOKF_CAP | TOKF_ALLCAPS);
    assert_int_equal(doc->toks[find_token(doc, "Kerry")].flags,
                     TOKF_CAP | TOKF_PLAIN);
    assert_int_equal(doc->toks[find_token(doc, "\xC3\x89ric")].flags, TOKF_CAP);
    assert_int_equal(
        doc->toks[find_token(doc, "\xD0\xA8\xD0\xBE\xD0\xB9\xD0\xB3\xD1\x83")].flags,
        TOKF_CAP);
    /* One letter is not "all caps". */
    assert_int_equal(doc->toks[find_token(doc, "F-16")].flags, TOKF_CAP);
    doc_free(doc);
}

static void test_sentence_start_marks_first_word_token(void **state)
{
    struct doc *doc = segment_text(state, "\xE2\x80\x9CWe left.\xE2\x80\x9D 15 "
                                          "Russians died.");
    assert_int_equal(doc->nsents, 2);
    assert_int_equal(doc->toks[find_token(doc, "We")].flags,
                     TOKF_CAP | TOKF_SENT_START | TOKF_PLAIN);
    assert_int_equal(doc->toks[find_token(doc, "15")].flags, 0);
    assert_int_equal(doc->toks[find_token(doc, "Russians")].flags,
                     TOKF_CAP | TOKF_SENT_START | TOKF_PLAIN);
    assert_int_equal(doc->toks[find_token(doc, "Russians")].sentence, 1);
    assert_int_equal(doc->toks[find_token(doc, "\xE2\x80\x9D")].sentence, 0);
    doc_free(doc);
}

static void test_tokens_cover_their_sentence_in_order(void **state)
{
    struct doc *doc = segment_text(state, "A b. C d!\n\n\xE2\x80\x9C" "E f?\xE2\x80\x9D");
    size_t k = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        assert_int_equal(doc->toks[k].span.start, doc->sents[s].span.start);
        while (k < doc->ntoks && doc->toks[k].sentence == s)
            k++;
        assert_int_equal(doc->toks[k - 1].span.end, doc->sents[s].span.end);
    }
    assert_int_equal(k, doc->ntoks);
    doc_free(doc);
}

/* ---- sentence kinds ------------------------------------------------- */

static void test_short_line_without_stop_is_headline(void **state)
{
    struct doc *doc = segment_text(
        state, "Kerry urged Russia to refrain\n\nRussia must act, he said.\n");
    assert_int_equal(doc->nsents, 2);
    assert_int_equal(doc->sents[0].flags, SENT_HEADLINE);
    assert_int_equal(doc->sents[1].flags, 0);
    doc_free(doc);
}

static void test_cut_off_last_paragraph_is_not_headline(void **state)
{
    struct doc *doc = segment_text(state, "Plane Crashes In Alps\n\n"
                                          "It flew to Germany.\n\n"
                                          "The flight was travelling to the western Germa");
    assert_int_equal(doc->nsents, 3);
    assert_int_equal(doc->sents[0].flags, SENT_HEADLINE);
    assert_int_equal(doc->sents[2].flags, 0);
    doc_free(doc);
}

static void test_bullet_lines_are_sentences_of_their_own(void **state)
{
    struct doc *doc = segment_text(state, "Key points:\n"
                                          "\xE2\x80\xA2 Russia denies it\n"
                                          "- Turkey insists. NATO agrees.\n"
                                          "2) Talks go on");
    assert_int_equal(doc->nparas, 4);
    assert_int_equal(doc->nsents, 5);
    assert_int_equal(doc->sents[0].flags, 0);
    for (size_t i = 1; i < 5; i++)
        assert_int_equal(doc->sents[i].flags, SENT_BULLET);
    char *s = slice(doc, doc->sents[1].span);
    assert_string_equal(s, "\xE2\x80\xA2 Russia denies it");
    free(s);
    doc_free(doc);
}

static void test_line_ending_in_agency_credit_is_caption(void **state)
{
    struct doc *doc = segment_text(
        state, "Fighters fly above Red Square (AFP)\n\n"
               "A plane in flight (file photo)\n\n"
               "The rescue in 2006\xE2\x80\x94 Reuters pic\n\n"
               "It was run by Agence France-Presse (AFP).\n");
    assert_int_equal(doc->nsents, 4);
    assert_int_equal(doc->sents[0].flags, SENT_CAPTION);
    assert_int_equal(doc->sents[1].flags, SENT_CAPTION);
    assert_int_equal(doc->sents[2].flags, SENT_CAPTION);
    assert_int_equal(doc->sents[3].flags, 0);
    doc_free(doc);
}

static void test_story_credit_after_last_sentence_is_split_off(void **state)
{
    SENTS("The plane was downed, the statement said. \xE2\x80\x94 AFP",
          "The plane was downed, the statement said.", "\xE2\x80\x94 AFP");
    struct doc *doc = segment_text(
        state, "The plane was downed, the statement said. \xE2\x80\x94 AFP");
    assert_int_equal(doc->sents[0].flags, 0);
    assert_int_equal(doc->sents[1].flags, SENT_CAPTION);
    doc_free(doc);
}

static void test_boilerplate_region_flags_paragraphs_and_sentences(void **state)
{
    struct fixture *f = *state;
    const char *text = "Real news here. More news.\n\nSign up for our newsletter.\n";
    struct doc *doc = make_doc(text, strlen(text));
    size_t bp = (size_t)(strstr(text, "Sign") - text);
    doc_add_boilerplate(doc, (struct span){bp, strlen(text)}, "newsletter");
    segment_run(f->seg, doc);
    assert_int_equal(doc->nparas, 2);
    assert_false(doc->paras[0].boilerplate);
    assert_true(doc->paras[1].boilerplate);
    assert_int_equal(doc->nsents, 3);
    assert_int_equal(doc->sents[0].flags, 0);
    assert_int_equal(doc->sents[1].flags, 0);
    assert_int_equal(doc->sents[2].flags, SENT_BOILERPLATE);
    doc_free(doc);
}

/* ---- robustness ----------------------------------------------------- */

static void test_megabyte_paragraph_without_punctuation_is_one_sentence(void **state)
{
    struct fixture *f = *state;
    size_t n = 1 << 20;
    char *text = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 6 == 5 ? ' ' : 'a';
    text[n] = '\0';
    struct doc *doc = doc_new("big.txt", text, n);
    segment_run(f->seg, doc);
    assert_int_equal(doc->nparas, 1);
    assert_int_equal(doc->nsents, 1);
    assert_int_equal(doc->ntoks, (n + 5) / 6);
    doc_free(doc);
}

static void test_long_dotted_run_is_segmented(void **state)
{
    /* "Ab.Ab.Ab...": every word start is a candidate domain; the scan
     * must not restart at each one. */
    struct fixture *f = *state;
    size_t n = 3 << 18;
    char *text = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = "Ab."[i % 3];
    text[n] = '\0';
    struct doc *doc = doc_new("dots.txt", text, n);
    segment_run(f->seg, doc);
    assert_int_equal(doc->nparas, 1);
    assert_int_equal(doc->nsents, 1);
    assert_int_equal(doc->ntoks, 2 << 18);
    doc_free(doc);
}

static void test_invalid_utf8_is_tokenized_byte_by_byte(void **state)
{
    TOKS("ab \xFF\xFE cd", "ab", "\xFF", "\xFE", "cd");
}

/* ---- segment_new ---------------------------------------------------- */

static void test_unknown_abbreviation_class_is_a_rule_error(void **state)
{
    struct rules *r = NULL;
    struct segmenter *seg = (struct segmenter *)1;
    struct diag d;
    (void)state;
    memset(&d, 0, sizeof d);
    char *dir = harness_rules_dir("lexicon/abbreviations.tsv",
                                  "# test\nFoo.\tfinal\nBar.\tmaybe\n");
    assert_non_null(dir);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(segment_new(r, &seg, &d), CD_ERR_RULE);
    assert_null(seg);
    assert_int_equal(d.line, 3);
    assert_non_null(strstr(d.msg, "maybe"));
    rules_free(r);
    harness_rules_dir_free(dir, "lexicon/abbreviations.tsv");
}

static void test_user_abbreviation_is_used(void **state)
{
    struct rules *r = NULL;
    struct segmenter *seg = NULL;
    struct diag d;
    (void)state;
    memset(&d, 0, sizeof d);
    char *dir =
        harness_rules_dir("lexicon/abbreviations.tsv", "Blvd.\tinner\n");
    assert_non_null(dir);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(segment_new(r, &seg, &d), CD_OK);
    const char *text = "On Sunset Blvd. The Bar opened.";
    struct doc *doc = make_doc(text, strlen(text));
    segment_run(seg, doc);
    assert_int_equal(doc->nsents, 1);
    doc_free(doc);
    segment_free(seg);
    rules_free(r);
    harness_rules_dir_free(dir, "lexicon/abbreviations.tsv");
}

static void test_free_of_null_is_a_no_op(void **state)
{
    (void)state;
    segment_free(NULL);
}

/* A small deterministic generator (xorshift64*), so a failure repeats. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

struct want_word {
    size_t start, end;
    unsigned flags; /* TOKF_CAP, TOKF_ALLCAPS */
};

/* Random words of ASCII letters, digits and two accented letters, every
 * length from 1 to 24 bytes, at every distance from the paragraph's end:
 * each word token's span and case flags must be what counting its
 * letters one by one gives (the tokenizer classifies eight ASCII bytes
 * at a time where it can). */
static void test_word_spans_and_case_flags_match_a_letter_count(void **state)
{
    struct fixture *f = *state;
    static const char *const seps[] = {" ", ", ", "; ", " (", ") ", "  "};
    uint64_t seed = 2024;
    for (int round = 0; round < 3000; round++) {
        char text[1024];
        struct want_word want[64];
        size_t n = 0, nw = 0, words = 1 + next_random(&seed) % 40;
        for (size_t k = 0; k < words && n + 64 < sizeof text; k++) {
            if (k) {
                const char *sep = seps[next_random(&seed) % 6];
                memcpy(text + n, sep, strlen(sep));
                n += strlen(sep);
            }
            size_t len = 1 + next_random(&seed) % 24, start = n;
            unsigned upper = 0, lower = 0;
            bool first_upper = false;
            for (size_t i = 0; i < len; i++) {
                unsigned pick = (unsigned)(next_random(&seed) % 20);
                if (i == 0 && pick >= 16)
                    pick %= 16; /* a word starts with a letter */
                bool up;
                if (pick < 14) {
                    up = pick < 7 || (pick < 10 && round % 3 == 0);
                    text[n++] = (char)((up ? 'A' : 'a') +
                                       next_random(&seed) % 26);
                } else if (pick < 16) {
                    up = pick == 14;
                    memcpy(text + n, up ? "\xc3\x89" : "\xc3\xa9", 2);
                    n += 2;
                } else {
                    text[n++] = (char)('0' + next_random(&seed) % 10);
                    continue;
                }
                upper += up;
                lower += !up;
                if (i == 0)
                    first_upper = up;
            }
            want[nw].start = start;
            want[nw].end = n;
            want[nw].flags = (first_upper ? TOKF_CAP : 0) |
                             (upper >= 2 && lower == 0 ? TOKF_ALLCAPS : 0);
            nw++;
        }
        struct doc *doc = make_doc(text, n);
        segment_run(f->seg, doc);
        size_t got = 0;
        for (size_t i = 0; i < doc->ntoks; i++) {
            const struct token *t = &doc->toks[i];
            if (t->kind != TOK_WORD)
                continue;
            assert_true(got < nw);
            if (t->span.start != want[got].start ||
                t->span.end != want[got].end)
                print_message("text: %.*s\n", (int)n, text);
            assert_int_equal(t->span.start, want[got].start);
            assert_int_equal(t->span.end, want[got].end);
            assert_int_equal(t->flags & (TOKF_CAP | TOKF_ALLCAPS),
                             want[got].flags);
            got++;
        }
        assert_int_equal(got, nw);
        doc_free(doc);
    }
}

/* The tokenizer takes a fast path for a plain ASCII word when eight bytes
 * lie ahead; at a paragraph's end it cannot. So the first token of a
 * random word with random bytes after it (joiners, dots, '@', ':', '_',
 * digits, letters, non-ASCII) must come out the same whether the text
 * ends there or goes on with neutral words. */
static void test_a_word_scans_alike_with_or_without_text_after_it(void **state)
{
    struct fixture *f = *state;
    static const char *const after[] = {
        "'", "s", "-", "x", "3", ".", "com", "@", ":", "_", "\xe2\x80\x99",
        "\xc3\xa9", "\xc3\x89", " ", ",", "/", "\xc2\xa0", "A", "(", ")",
        "org", "\"", "?", "Z", "..."};
    static const char pad[] = " tail words for the rest of it";
    uint64_t seed = 77;
    for (int round = 0; round < 20000; round++) {
        char text[128];
        size_t n = 0, len = 1 + next_random(&seed) % 20;
        for (size_t i = 0; i < len; i++) {
            unsigned pick = (unsigned)(next_random(&seed) % 20);
            if (i == 0 && pick >= 16)
                pick %= 14; /* an ASCII letter first */
            if (pick < 14) {
                text[n++] = (char)((pick < 7 ? 'A' : 'a') +
                                   next_random(&seed) % 26);
            } else if (pick < 16) {
                memcpy(text + n, pick == 14 ? "\xc3\x89" : "\xc3\xa9", 2);
                n += 2;
            } else {
                text[n++] = (char)('0' + next_random(&seed) % 10);
            }
        }
        size_t pieces = 1 + next_random(&seed) % 3;
        for (size_t k = 0; k < pieces; k++) {
            const char *a = after[next_random(&seed) %
                                  (sizeof after / sizeof after[0])];
            memcpy(text + n, a, strlen(a));
            n += strlen(a);
        }
        while (n > 1 && (text[n - 1] == ' ' || text[n - 1] == '\xa0'))
            n--; /* a paragraph ends on text */
        struct doc *short_doc = make_doc(text, n);
        memcpy(text + n, pad, sizeof pad - 1);
        struct doc *long_doc = make_doc(text, n + sizeof pad - 1);
        segment_run(f->seg, short_doc);
        segment_run(f->seg, long_doc);
        assert_true(short_doc->ntoks > 0 && long_doc->ntoks > 0);
        const struct token *a = &short_doc->toks[0], *b = &long_doc->toks[0];
        if (a->span.start != b->span.start || a->span.end != b->span.end ||
            a->kind != b->kind ||
            (a->flags & (TOKF_CAP | TOKF_ALLCAPS)) !=
                (b->flags & (TOKF_CAP | TOKF_ALLCAPS)))
            fail_msg("'%.*s': [%zu,%zu) kind %d flags %u at the end, "
                     "[%zu,%zu) kind %d flags %u before more text",
                     (int)n, text, a->span.start, a->span.end, (int)a->kind,
                     a->flags, b->span.start, b->span.end, (int)b->kind,
                     b->flags);
        doc_free(short_doc);
        doc_free(long_doc);
    }
}

/* Whether fast and slow (the same text, segmented with and without the
 * shortcuts) have the same tokens, flags but TOKF_PLAIN, sentences and
 * sentence flags. */
static bool same_segmentation(const struct doc *fast, const struct doc *slow)
{
    bool same = fast->ntoks == slow->ntoks && fast->nsents == slow->nsents &&
                fast->nparas == slow->nparas;
    for (size_t i = 0; same && i < fast->ntoks; i++) {
        const struct token *a = &fast->toks[i], *b = &slow->toks[i];
        same = a->span.start == b->span.start && a->span.end == b->span.end &&
               a->kind == b->kind &&
               (a->flags & ~TOKF_PLAIN) == (b->flags & ~TOKF_PLAIN) &&
               a->sentence == b->sentence;
    }
    for (size_t i = 0; same && i < fast->nsents; i++)
        same = fast->sents[i].span.start == slow->sents[i].span.start &&
               fast->sents[i].span.end == slow->sents[i].span.end &&
               fast->sents[i].flags == slow->sents[i].flags;
    return same;
}

/* Random paragraphs of words, abbreviations of the lexicon, sentence
 * starters, credits, initials, "www", domains, numbers and dots, with
 * every kind of byte after a word's dot: the tokenizer's shortcuts (on
 * by default: the fast path for plain words, the lexicon filters) must
 * give the same tokens, flags, sentences and sentence flags as the
 * general word scanner and plain table look-ups. */
static void test_fast_words_agree_with_the_general_scanner(void **state)
{
    struct fixture *f = *state;
    static const char *const words[] = {
        "said", "Said", "SAID", "NATO", "a", "I", "X", "www", "WWW", "Www",
        "ww", "wwww", "http", "Gen", "gen", "Sept", "Mr", "Dr", "Inc", "No",
        "U", "S", "am", "pm", "etc", "vs", "Jan", "Lt", "Col", "St", "co",
        "uk", "com", "antiwar", "A1", "F16", "x2y", "abcdefghijklmn",
        "abcdefghijklmno", "Abcdefghijklmnop", "The", "Police", "Russia",
        "al", "Nusra", "did", "n", "t", "e", "g", "i", "AFP", "Reuters",
        "Photo", "pic", "Prof", "Corp", "Ltd", "Feb", "approx", "He",
        "She", "It", "But", "a.m", "U.S", "p.m", "Ph.D", "e.g", "i.e"};
    static const char *const glue[] = {
        ".", ". ", ".\n", "..", "...", ".com", ".uk", ".a", ".A", ".5", ".-",
        "._", ".%", ".+", ".@", ".\"", ".)", ".,", ".\xe2\x80\x9d",
        ".\xc2\xa0", ".\t", ".\r", ". ", " ", "  ", ", ", "-", "'", "'s",
        ":", "@", "_", "\xe2\x80\x99", "\xc3\xa9", "\n", "\n\n", "? ",
        "! ", ";", "/", "(", ")", "\"", "3", " 4", " 10,000", ": ", "://x.com",
        "://www.x.org/a", ":/", "::", ":x", ":"};
    struct segmenter *general;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(segment_new(f->rules, &general, &d), CD_OK);
    segment_set_fast_words(general, false);
    uint64_t seed = 4242;
    for (int round = 0; round < 20000; round++) {
        char text[2048];
        size_t n = 0, pieces = 1 + next_random(&seed) % 40;
        for (size_t k = 0; k < pieces; k++) {
            const char *w = words[next_random(&seed) %
                                  (sizeof words / sizeof words[0])];
            const char *g = glue[next_random(&seed) %
                                 (sizeof glue / sizeof glue[0])];
            memcpy(text + n, w, strlen(w));
            n += strlen(w);
            memcpy(text + n, g, strlen(g));
            n += strlen(g);
        }
        struct doc *fast = make_doc(text, n), *slow = make_doc(text, n);
        segment_run(f->seg, fast);
        segment_run(general, slow);
        for (size_t i = 0; i < fast->ntoks; i++) {
            /* TOKF_PLAIN promises ASCII letters only (the shared token
             * scan takes such a word without reading it) */
            const struct token *t = &fast->toks[i];
            for (size_t k = t->span.start;
                 (t->flags & TOKF_PLAIN) && k < t->span.end; k++)
                if (!((text[k] | 32) >= 'a' && (text[k] | 32) <= 'z'))
                    fail_msg("'%.*s' is no plain word", (int)n, text);
        }
        if (!same_segmentation(fast, slow))
            fail_msg("fast and general scans differ on '%.*s'", (int)n, text);
        doc_free(fast);
        doc_free(slow);
    }
    segment_free(general);
}

/* Texts of one token per byte (commas, brackets, single letters) hold
 * more tokens than the array is first reserved for, so it grows in the
 * middle of a paragraph, also in a second paragraph and on a second run
 * over a reused doc: every byte must still be its own token. */
static void test_dense_tokens_grow_the_array(void **state)
{
    struct fixture *f = *state;
    static const char pieces[] = ",;()[]+=a1";
    uint64_t seed = 99;
    for (int round = 0; round < 300; round++) {
        char text[4096];
        size_t n = 1 + next_random(&seed) % 4000, ntok = 0;
        for (size_t i = 0; i < n; i++) {
            if (i % 700 == 699 && i + 1 < n) {
                text[i++] = '\n';
                text[i] = '\n';
                continue;
            }
            text[i] = pieces[next_random(&seed) % (sizeof pieces - 1)];
            /* a letter or digit next to another would join it */
            if (i && (text[i - 1] == 'a' || text[i - 1] == '1'))
                text[i] = ',';
            ntok++;
        }
        struct doc *doc = make_doc(text, n);
        for (int again = 0; again < 2; again++) {
            segment_run(f->seg, doc);
            assert_int_equal(doc->ntoks, ntok);
            assert_true(doc->captoks >= doc->ntoks);
            for (size_t i = 0, k = 0; i < n; i++) {
                if (text[i] == '\n')
                    continue;
                assert_int_equal(doc->toks[k].span.start, i);
                assert_int_equal(doc->toks[k].span.end, i + 1);
                k++;
            }
        }
        doc_free(doc);
    }
}

/* Every ASCII sign standing between two sentences, alone and glued to
 * the word before it: only ". ? !" end the first (the splitter tells
 * ASCII stops by their byte, without decoding them). */
static void test_only_ascii_stops_end_a_sentence(void **state)
{
    struct fixture *f = *state;
    for (int b = 0x21; b < 0x7F; b++) {
        if ((b | 32) >= 'a' && (b | 32) <= 'z')
            continue;
        if (b >= '0' && b <= '9')
            continue;
        for (int glued = 0; glued < 2; glued++) {
            char text[64];
            int n = snprintf(text, sizeof text, "He came here%s%c Then she left.",
                             glued ? "" : " ", b);
            struct doc *doc = make_doc(text, (size_t)n);
            segment_run(f->seg, doc);
            size_t want = b == '.' || b == '?' || b == '!' ? 2 : 1;
            if (doc->nsents != want)
                fail_msg("'%s': %zu sentences, want %zu", text, doc->nsents,
                         want);
            doc_free(doc);
        }
    }
}

/* Random paragraphs of short sentences with random boilerplate regions
 * (none, one, many; inside a sentence, across paragraphs, between them):
 * a paragraph is marked exactly when doc_in_boilerplate says so of its
 * span, and so is each sentence of a marked paragraph. Segmenting the
 * doc twice gives the same marks (the region cursor starts afresh). */
static void test_boilerplate_marks_match_the_region_search(void **state)
{
    struct fixture *f = *state;
    static const char *const pieces[] = {"Real news here. ", "More news. ",
                                         "Sign up now.", "\n\n", "\n",
                                         "Read more ", "(AFP) "};
    uint64_t seed = 31337;
    size_t marked = 0, clear = 0;
    for (int round = 0; round < 3000; round++) {
        char text[1024];
        size_t n = 0, npieces = 1 + next_random(&seed) % 30;
        for (size_t k = 0; k < npieces; k++) {
            const char *pc = pieces[next_random(&seed) % 7];
            memcpy(text + n, pc, strlen(pc));
            n += strlen(pc);
        }
        struct doc *doc = make_doc(text, n);
        size_t regions = next_random(&seed) % 6;
        for (size_t k = 0; k < regions; k++) {
            size_t a = next_random(&seed) % n;
            size_t b = a + 1 + next_random(&seed) % (n - a);
            doc_add_boilerplate(doc, (struct span){(uint32_t)a, (uint32_t)b},
                                "test");
        }
        for (int again = 0; again < 2; again++) {
            segment_run(f->seg, doc);
            for (size_t i = 0; i < doc->nparas; i++) {
                assert_int_equal(doc->paras[i].boilerplate,
                                 doc_in_boilerplate(doc, doc->paras[i].span));
                marked += doc->paras[i].boilerplate;
                clear += !doc->paras[i].boilerplate;
            }
            for (size_t i = 0; i < doc->nsents; i++) {
                const struct sentence *st = &doc->sents[i];
                bool want = doc->paras[st->paragraph].boilerplate &&
                            doc_in_boilerplate(doc, st->span);
                assert_int_equal((st->flags & SENT_BOILERPLATE) != 0, want);
            }
        }
        doc_free(doc);
    }
    assert_true(marked > 1000);
    assert_true(clear > 1000);
}

/* A credit line after the last full stop of a paragraph of several
 * sentences, of one to five credit words: up to CREDIT_MAX_TOKENS (4)
 * it is a sentence of its own marked as a caption, beyond that it is
 * no credit at all (the check looks back no further than four words). */
static void test_story_credits_of_every_length(void **state)
{
    static const char *const words[] = {"AFP", "Reuters", "pic", "photo",
                                        "Getty"};
    for (size_t w = 1; w <= 5; w++) {
        char text[256];
        int n = snprintf(text, sizeof text,
                         "The plane was downed. Officials said so. \xE2\x80\x94");
        for (size_t k = 0; k < w; k++)
            n += snprintf(text + n, sizeof text - (size_t)n, " %s", words[k]);
        struct doc *doc = segment_text(state, text);
        if (w <= 4) {
            assert_int_equal(doc->nsents, 3);
            assert_int_equal(doc->sents[2].flags, SENT_CAPTION);
        } else {
            assert_int_equal(doc->nsents, 2);
            assert_int_equal(doc->sents[1].flags, 0);
        }
        assert_int_equal(doc->sents[0].flags, 0);
        doc_free(doc);
    }
}

/* Hard-wrapped texts and texts of long lines, with characters of one to
 * four bytes, lines of 30 to 130 characters (around the widths where the
 * wrap detection and the line joins decide), blank lines between some:
 * the paragraphs, sentences and tokens must be those the byte-by-byte
 * character count gives (the general segmenter). */
static void test_wrapped_lines_count_characters_alike(void **state)
{
    struct fixture *f = *state;
    static const char *const chars[] = {"a", "b", "e", "T", " ", " ", ".",
                                        "\xc3\xa9", "\xe2\x80\x9c",
                                        "\xf0\x9f\x98\x80", ","};
    struct segmenter *general;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(segment_new(f->rules, &general, &d), CD_OK);
    segment_set_fast_words(general, false);
    uint64_t seed = 4711;
    size_t paras_differ = 0;
    for (int round = 0; round < 3000; round++) {
        char text[8192];
        size_t n = 0, lines = 1 + next_random(&seed) % 12;
        size_t width = 30 + next_random(&seed) % 100;
        unsigned mb = (unsigned)(next_random(&seed) % 4);
        for (size_t l = 0; l < lines; l++) {
            size_t w = width - next_random(&seed) % 15;
            for (size_t k = 0; k < w; k++) {
                size_t pick = next_random(&seed) % (7 + mb + 1);
                const char *c = k == 0 ? "W" : chars[pick];
                memcpy(text + n, c, strlen(c));
                n += strlen(c);
            }
            text[n++] = '\n';
            if (next_random(&seed) % 8 == 0)
                text[n++] = '\n';
        }
        struct doc *fast = make_doc(text, n), *slow = make_doc(text, n);
        segment_run(f->seg, fast);
        segment_run(general, slow);
        if (!same_segmentation(fast, slow))
            fail_msg("fast and general scans differ on '%.*s'", (int)n, text);
        for (size_t i = 0; i < fast->nparas; i++) {
            assert_int_equal(fast->paras[i].span.start,
                             slow->paras[i].span.start);
            assert_int_equal(fast->paras[i].span.end, slow->paras[i].span.end);
        }
        paras_differ += fast->nparas != lines;
        doc_free(fast);
        doc_free(slow);
    }
    assert_true(paras_differ > 100); /* lines were joined */
    segment_free(general);
}

/* One random character of a word: the mix (0-3) leans to lower case,
 * upper case, either, or digits, so that all-capital, mixed and digit
 * words of every length occur. */
static char random_word_char(uint64_t *seed, unsigned mix)
{
    unsigned r = (unsigned)(next_random(seed) % 100);
    unsigned digit_odds = mix == 3 ? 40 : 4;
    if (r < digit_odds)
        return (char)('0' + next_random(seed) % 10);
    bool upper = mix == 1 ? r < 95 : mix == 0 ? r < 8 : r < 50;
    char c = (char)('a' + next_random(seed) % 26);
    return upper ? (char)(c - 32) : c;
}

/* Long words too: words of 1 to 24 ASCII letters and digits, in every
 * mix of case, with a digit or a lower-case letter anywhere (also past
 * the first eight bytes, where the eight-byte steps of the fast path
 * end), followed by spaces, stops, joiners, bytes past ASCII or the
 * paragraph's end. The fast path must give the general scanner's tokens
 * and flags, and TOKF_PLAIN to every letters-only word ended by a space
 * or the text's end. */
static void test_long_words_agree_with_the_general_scanner(void **state)
{
    struct fixture *f = *state;
    static const char *const glue[] = {
        " ", " ", " ", ". ", ".", ", ", "-", "'s ", ":", ": ", "\xc3\xa9",
        "\xe2\x80\x9d ", "\n", "? ", "_", "@", ".com "};
    struct segmenter *general;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(segment_new(f->rules, &general, &d), CD_OK);
    segment_set_fast_words(general, false);
    uint64_t seed = 777;
    size_t plain = 0, allcaps = 0, with_digits = 0;
    for (int round = 0; round < 20000; round++) {
        char text[2048];
        size_t n = 0, pieces = 1 + next_random(&seed) % 30;
        for (size_t k = 0; k < pieces; k++) {
            size_t len = 1 + next_random(&seed) % 24;
            unsigned mix = (unsigned)(next_random(&seed) % 4);
            text[n++] = (char)((next_random(&seed) & 1 ? 'a' : 'A') +
                               next_random(&seed) % 26);
            for (size_t i = 1; i < len; i++)
                text[n++] = random_word_char(&seed, mix);
            const char *g = glue[next_random(&seed) %
                                 (sizeof glue / sizeof glue[0])];
            if (k + 1 < pieces || next_random(&seed) % 2) {
                memcpy(text + n, g, strlen(g));
                n += strlen(g);
            }
        }
        struct doc *fast = make_doc(text, n), *slow = make_doc(text, n);
        segment_run(f->seg, fast);
        segment_run(general, slow);
        if (!same_segmentation(fast, slow))
            fail_msg("fast and general scans differ on '%.*s'", (int)n, text);
        for (size_t i = 0; i < fast->ntoks; i++) {
            const struct token *t = &fast->toks[i];
            bool letters = t->kind == TOK_WORD;
            for (size_t k = t->span.start; k < t->span.end; k++) {
                letters &= (text[k] | 32) >= 'a' && (text[k] | 32) <= 'z';
                with_digits += t->kind == TOK_WORD && k > t->span.start &&
                               text[k] >= '0' && text[k] <= '9';
            }
            if (letters != ((t->flags & TOKF_PLAIN) != 0) &&
                (t->span.end == n || text[t->span.end] == ' '))
                fail_msg("'%.*s' in '%.*s': TOKF_PLAIN wrong",
                         (int)(t->span.end - t->span.start),
                         text + t->span.start, (int)n, text);
            plain += (t->flags & TOKF_PLAIN) != 0;
            allcaps += (t->flags & TOKF_ALLCAPS) && t->span.end - t->span.start > 8;
        }
        doc_free(fast);
        doc_free(slow);
    }
    assert_true(plain > 10000);
    assert_true(allcaps > 1000);
    assert_true(with_digits > 1000);
    segment_free(general);
}

/* Whether the tokens of doc number their sentences as the sentences'
 * spans say (each sentence a contiguous run of tokens from its first
 * byte to its last) and TOKF_SENT_START marks exactly the first word of
 * each; why is set to what is wrong. */
static bool sentences_number_their_tokens(const struct doc *doc,
                                          const char **why)
{
    size_t k = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        bool first = true;
        *why = "a sentence does not start at its first token";
        if (k >= doc->ntoks || doc->toks[k].sentence != s ||
            doc->toks[k].span.start != doc->sents[s].span.start)
            return false;
        for (; k < doc->ntoks && doc->toks[k].sentence == s; k++) {
            const struct token *t = &doc->toks[k];
            bool start = (t->flags & TOKF_SENT_START) != 0;
            *why = "TOKF_SENT_START is not on the first word alone";
            if (start != (first && t->kind == TOK_WORD))
                return false;
            if (t->kind == TOK_WORD)
                first = false;
        }
        *why = "a sentence does not end at its last token";
        if (doc->toks[k - 1].span.end != doc->sents[s].span.end)
            return false;
    }
    *why = "tokens after the last sentence";
    return k == doc->ntoks;
}

/* Random paragraphs of words, stops, abbreviations, quotes, bracketed
 * credits that join the sentence before them ("... said. (AFP)"), dash
 * credits and bullets: every token carries its sentence's number and the
 * first word of each sentence, and only it, is marked, as the sentence
 * spans say. */
static void test_sentence_numbers_and_starts_follow_the_spans(void **state)
{
    struct fixture *f = *state;
    static const char *const pieces[] = {
        "said", "The", "police", "Mr.", "U.S.", "Gen.", "Sept.", "18",
        "1.", ".", ". ", "! ", "? ", "... ", ", ", " ", " ", " ", "\n",
        "\n\n", "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", ".\" ", "(AFP)",
        " (AFP)", "(Photo: Reuters)", " - AFP", " \xe2\x80\x94 Reuters", "(",
        ")", "- ", "* ", "\xe2\x80\xa2 ", "Photo: AFP", "www.x.com", "i.e.",
        "et al.", "a.m.", "No.", "5", "\xe2\x80\xa6", "word"};
    uint64_t seed = 5150;
    size_t brackets = 0;
    for (int round = 0; round < 20000; round++) {
        char text[1024];
        size_t n = 0, count = 1 + next_random(&seed) % 30;
        for (size_t k = 0; k < count; k++) {
            const char *p = pieces[next_random(&seed) %
                                   (sizeof pieces / sizeof pieces[0])];
            memcpy(text + n, p, strlen(p));
            n += strlen(p);
        }
        struct doc *doc = make_doc(text, n);
        segment_run(f->seg, doc);
        const char *why = NULL;
        if (!sentences_number_their_tokens(doc, &why))
            fail_msg("%s in '%.*s'", why, (int)n, text);
        for (size_t s = 0; s < doc->nsents; s++) {
            const struct span sp = doc->sents[s].span;
            brackets += sp.end - sp.start > 6 && text[sp.end - 1] == ')' &&
                        memchr(text + sp.start, '.', sp.end - sp.start);
        }
        doc_free(doc);
    }
    assert_true(brackets > 100); /* the bracketed tails were exercised */
}

/* Paragraph spans are trimmed of every kind of white space on both sides
 * (ASCII, tab, CR, NBSP, BOM, zero-width and ideographic space) whatever
 * the last character before it: ASCII, or multibyte and not a space. */
static void test_paragraphs_are_trimmed_of_any_white_space(void **state)
{
    struct fixture *f = *state;
    static const char *const spaces[] = {
        " ", "\t", "\r", "\v", "\f", "\xc2\xa0", "\xef\xbb\xbf",
        "\xe2\x80\x8b", "\xe3\x80\x80", "\xe2\x80\xaf"};
    static const char *const lasts[] = {
        "x", ".", "9", ")", "\xc3\xa9", "\xe2\x80\x9d", "\xe2\x80\x94",
        "\xc2\xbb", "\xe2\x80\xa6", "word"};
    uint64_t seed = 99;
    for (int round = 0; round < 5000; round++) {
        char text[2048];
        struct span want[16];
        size_t n = 0, paras = 1 + next_random(&seed) % 12;
        for (size_t k = 0; k < paras; k++) {
            for (size_t i = next_random(&seed) % 3; i > 0; i--) {
                const char *sp = spaces[next_random(&seed) % 10];
                if (sp[0] == '\r')
                    continue; /* leading CR would end the line before */
                memcpy(text + n, sp, strlen(sp));
                n += strlen(sp);
            }
            want[k].start = n;
            memcpy(text + n, "Some words", 10);
            n += 10;
            const char *last = lasts[next_random(&seed) % 10];
            memcpy(text + n, last, strlen(last));
            n += strlen(last);
            want[k].end = n;
            for (size_t i = next_random(&seed) % 4; i > 0; i--) {
                const char *sp = spaces[next_random(&seed) % 10];
                memcpy(text + n, sp, strlen(sp));
                n += strlen(sp);
            }
            memcpy(text + n, "\n\n", 2);
            n += 2;
        }
        struct doc *doc = make_doc(text, n);
        segment_run(f->seg, doc);
        assert_int_equal(doc->nparas, paras);
        for (size_t k = 0; k < paras; k++) {
            if (doc->paras[k].span.start != want[k].start ||
                doc->paras[k].span.end != want[k].end)
                fail_msg("paragraph %zu of '%.*s': [%zu,%zu), want [%zu,%zu)",
                         k, (int)n, text, doc->paras[k].span.start,
                         doc->paras[k].span.end, want[k].start, want[k].end);
        }
        doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_stops_split_sentences),
        cmocka_unit_test(test_abbreviation_before_sentence_starter_splits),
        cmocka_unit_test(test_abbreviation_before_name_does_not_split),
        cmocka_unit_test(test_abbreviation_at_sentence_start_stays),
        cmocka_unit_test(test_titles_never_end_a_sentence),
        cmocka_unit_test(test_military_ranks_never_end_a_sentence),
        cmocka_unit_test(test_single_letter_initial_does_not_split),
        cmocka_unit_test(test_initial_before_sentence_starter_splits),
        cmocka_unit_test(test_decimal_numbers_do_not_split),
        cmocka_unit_test(test_thousands_separator_does_not_split),
        cmocka_unit_test(test_number_sign_before_a_number_does_not_split),
        cmocka_unit_test(test_numeric_abbreviation_without_number_is_a_full_stop),
        cmocka_unit_test(test_month_abbreviation_before_day_does_not_split),
        cmocka_unit_test(test_ellipsis_before_capital_splits),
        cmocka_unit_test(test_ellipsis_before_lower_case_continues),
        cmocka_unit_test(test_unicode_ellipsis_splits),
        cmocka_unit_test(test_domain_names_do_not_split),
        cmocka_unit_test(test_url_with_www_does_not_split),
        cmocka_unit_test(test_email_address_does_not_split),
        cmocka_unit_test(test_closing_quote_after_stop_stays_with_sentence),
        cmocka_unit_test(test_quote_ending_in_comma_does_not_end_sentence),
        cmocka_unit_test(test_question_in_quote_before_lower_case_continues),
        cmocka_unit_test(test_question_and_exclamation_marks_end_sentences),
        cmocka_unit_test(test_stacked_marks_stay_together),
        cmocka_unit_test(test_closing_bracket_after_stop_stays_with_sentence),
        cmocka_unit_test(test_single_quote_after_stop_stays_with_sentence),
        cmocka_unit_test(test_time_abbreviation_before_lower_case_continues),
        cmocka_unit_test(test_time_abbreviation_before_name_continues),
        cmocka_unit_test(test_time_abbreviation_before_starter_splits),
        cmocka_unit_test(test_company_abbreviation_before_verb_continues),
        cmocka_unit_test(test_etc_before_starter_splits),
        cmocka_unit_test(test_latin_abbreviations_never_end_a_sentence),
        cmocka_unit_test(test_missing_space_after_stop_does_not_split),
        cmocka_unit_test(test_dash_after_quoted_stop_continues),
        cmocka_unit_test(test_dotted_date_does_not_split),
        cmocka_unit_test(test_quote_with_two_sentences_splits_inside),
        cmocka_unit_test(test_degree_abbreviation_with_inner_dot_stays),
        cmocka_unit_test(test_undotted_initialism_sentence_end_splits),
        cmocka_unit_test(test_numbered_list_marker_is_not_a_sentence),
        cmocka_unit_test(test_trailing_photo_credit_joins_last_sentence),
        cmocka_unit_test(test_abbreviation_ending_paragraph_ends_sentence),
        cmocka_unit_test(test_sentences_never_cross_paragraphs),
        cmocka_unit_test(test_stop_before_lower_case_continues),
        cmocka_unit_test(test_blank_lines_separate_paragraphs),
        cmocka_unit_test(test_single_newlines_separate_paragraphs),
        cmocka_unit_test(test_broken_line_continuing_in_lower_case_joins),
        cmocka_unit_test(test_hard_wrapped_text_joins_full_lines),
        cmocka_unit_test(test_hard_wrapped_text_keeps_short_headline_apart),
        cmocka_unit_test(test_crlf_is_not_part_of_any_span),
        cmocka_unit_test(test_bom_and_no_break_spaces_are_trimmed),
        cmocka_unit_test(test_whitespace_only_text_has_no_paragraphs),
        cmocka_unit_test(test_empty_document_has_nothing),
        cmocka_unit_test(test_running_twice_replaces_the_segmentation),
        cmocka_unit_test(test_words_keep_inner_hyphens_and_apostrophes),
        cmocka_unit_test(test_numbers_keep_inner_separators),
        cmocka_unit_test(test_number_glued_to_letters_is_a_word),
        cmocka_unit_test(test_multibyte_punctuation_is_one_token),
        cmocka_unit_test(test_abbreviations_and_urls_are_one_token),
        cmocka_unit_test(test_no_break_space_is_not_a_token),
        cmocka_unit_test(test_token_flags_mark_case),
        cmocka_unit_test(test_sentence_start_marks_first_word_token),
        cmocka_unit_test(test_tokens_cover_their_sentence_in_order),
        cmocka_unit_test(test_short_line_without_stop_is_headline),
        cmocka_unit_test(test_cut_off_last_paragraph_is_not_headline),
        cmocka_unit_test(test_bullet_lines_are_sentences_of_their_own),
        cmocka_unit_test(test_line_ending_in_agency_credit_is_caption),
        cmocka_unit_test(test_story_credit_after_last_sentence_is_split_off),
        cmocka_unit_test(test_boilerplate_region_flags_paragraphs_and_sentences),
        cmocka_unit_test(test_megabyte_paragraph_without_punctuation_is_one_sentence),
        cmocka_unit_test(test_long_dotted_run_is_segmented),
        cmocka_unit_test(test_invalid_utf8_is_tokenized_byte_by_byte),
        cmocka_unit_test(test_unknown_abbreviation_class_is_a_rule_error),
        cmocka_unit_test(test_user_abbreviation_is_used),
        cmocka_unit_test(test_free_of_null_is_a_no_op),
        cmocka_unit_test(test_word_spans_and_case_flags_match_a_letter_count),
        cmocka_unit_test(test_a_word_scans_alike_with_or_without_text_after_it),
        cmocka_unit_test(test_fast_words_agree_with_the_general_scanner),
        cmocka_unit_test(test_long_words_agree_with_the_general_scanner),
        cmocka_unit_test(test_dense_tokens_grow_the_array),
        cmocka_unit_test(test_only_ascii_stops_end_a_sentence),
        cmocka_unit_test(test_boilerplate_marks_match_the_region_search),
        cmocka_unit_test(test_story_credits_of_every_length),
        cmocka_unit_test(test_wrapped_lines_count_characters_alike),
        cmocka_unit_test(test_paragraphs_are_trimmed_of_any_white_space),
        cmocka_unit_test(test_sentence_numbers_and_starts_follow_the_spans),
    };
    return cmocka_run_group_tests_name("segment", tests, setup, teardown);
}
