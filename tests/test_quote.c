/* test_quote.c - quotations, kinds and speakers (quote.h).
 *
 * Documents are built by hand and their mentions pushed by the test, so
 * speaker resolution is tested apart from the tagger and the segmenter.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "markscan.h"

struct fixture {
    struct rules *rules;
    struct quoter *quoter;
};

static int setup(void **state)
{
    static struct fixture fx;
    struct diag d = {0};
    if (rules_new(NULL, &fx.rules, &d) != CD_OK)
        return -1;
    if (quote_new(fx.rules, &fx.quoter, &d) != CD_OK)
        return -1;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    quote_free(fx->quoter);
    rules_free(fx->rules);
    return 0;
}

static struct doc *make_doc(const char *text)
{
    size_t len = strlen(text);
    return doc_new("test.txt", xstrndup(text, len), len);
}

/* Push a mention of the nth (1-based) occurrence of name; returns its
 * index. Mentions must be added in text order, as the tagger makes them. */
static int add_mention(struct doc *doc, const char *name, int nth,
                       enum ent_type type, int local)
{
    const char *p = doc->text;
    for (int i = 0; i < nth; i++) {
        p = strstr(i ? p + 1 : p, name);
        assert_non_null(p);
    }
    if (doc->nmentions == doc->capmentions)
        doc->mentions = xgrow(doc->mentions, &doc->capmentions,
                              doc->nmentions + 1, sizeof *doc->mentions);
    struct mention *m = &doc->mentions[doc->nmentions];
    memset(m, 0, sizeof *m);
    m->span.start = (size_t)(p - doc->text);
    m->span.end = m->span.start + strlen(name);
    m->type = type;
    m->local = local;
    return (int)doc->nmentions++;
}

static void run(void **state, struct doc *doc)
{
    struct fixture *fx = *state;
    quote_run(fx->quoter, doc);
}

static void assert_span_text(const struct doc *doc, struct span s,
                             const char *want)
{
    size_t n = strlen(want);
    assert_int_equal(s.end - s.start, n);
    assert_memory_equal(doc->text + s.start, want, n);
}

static void assert_quote(const struct doc *doc, size_t i, const char *text,
                         int speaker)
{
    assert_true(i < doc->nquotes);
    assert_span_text(doc, doc->quotes[i].span, text);
    assert_int_equal(doc->quotes[i].speaker, speaker);
}

/* ---- Marks ------------------------------------------------------------ */

static void test_straight_double_quote_with_name_after(void **state)
{
    struct doc *doc = make_doc(
        "\"So far we have been seeing progress,\" Lavrov said.");
    int lavrov = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "So far we have been seeing progress,", lavrov);
    assert_int_equal(doc->quotes[0].kind, QUOTE_DIRECT);
    assert_int_equal(doc->quotes[0].continues, -1);
    assert_span_text(doc, doc->quotes[0].speaker_span, "Lavrov said");
    doc_free(doc);
}

/* The word scans read ASCII without decoding and wider letters with:
 * a speaker of accented and joined words is read back whole. */
static void test_a_speaker_of_wide_and_joined_letters_is_read_back(void **state)
{
    struct doc *doc = make_doc(
        "\"We will rebuild,\" Jürgen Müller-Lüdenscheidt O'Brien said.");
    int m = add_mention(doc, "Jürgen Müller-Lüdenscheidt O'Brien", 1,
                        ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "We will rebuild,", m);
    assert_span_text(doc, doc->quotes[0].speaker_span,
                     "Jürgen Müller-Lüdenscheidt O'Brien said");
    doc_free(doc);
}

static void test_curly_double_quote(void **state)
{
    struct doc *doc =
        make_doc("“The enquiry must begin today,” stressed Cazeneuve.");
    int c = add_mention(doc, "Cazeneuve", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "The enquiry must begin today,", c);
    assert_span_text(doc, doc->quotes[0].speaker_span, "stressed Cazeneuve");
    doc_free(doc);
}

/* The only ASCII marks are " and ': a straight single quote pairs too. */
static void test_straight_single_quote(void **state)
{
    struct doc *doc =
        make_doc("'The bridge will reopen within a week,' Varnell said.");
    int v = add_mention(doc, "Varnell", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "The bridge will reopen within a week,", v);
    doc_free(doc);
}

static void test_german_low_high_marks(void **state)
{
    struct doc *doc =
        make_doc("„Wir werden das schaffen“, sagte sie am Montag.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "Wir werden das schaffen", -1);
    doc_free(doc);
}

static void test_guillemets(void **state)
{
    struct doc *doc =
        make_doc("«The talks were useful and frank», said Ryabkov.");
    int ry = add_mention(doc, "Ryabkov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "The talks were useful and frank", ry);
    doc_free(doc);
}

static void test_single_curly_quote_in_a_headline(void **state)
{
    struct doc *doc = make_doc("‘No distress call’ was heard from Airbus");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "No distress call", -1);
    assert_int_equal(doc->quotes[0].kind, QUOTE_DIRECT);
    doc_free(doc);
}

static void test_curly_apostrophes_are_not_marks(void **state)
{
    struct doc *doc = make_doc("“It’s Assad’s and Russia’s doing, they "
                               "didn’t stop it,” said Kerry.");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0,
                 "It’s Assad’s and Russia’s doing, they didn’t stop it,", k);
    doc_free(doc);
}

static void test_straight_apostrophes_inside_straight_quote(void **state)
{
    struct doc *doc = make_doc("\"We don't see Russia's plan as an issue,\" "
                               "said Cook. The rebels' base fell.");
    int cook = add_mention(doc, "Cook", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "We don't see Russia's plan as an issue,", cook);
    doc_free(doc);
}

static void test_mixed_curly_open_straight_close(void **state)
{
    struct doc *doc = make_doc(
        "“What is happening in Aleppo worries us,\" Lavrov said.");
    int l = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "What is happening in Aleppo worries us,", l);
    doc_free(doc);
}

static void test_mark_never_in_span(void **state)
{
    struct doc *doc = make_doc("He said: «Three little words».");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_span_text(doc, doc->quotes[0].span, "Three little words");
    doc_free(doc);
}

/* ---- Split, multi-paragraph and nested quotations ----------------------- */

static void test_frame_between_broken_marks_splits_the_quote(void **state)
{
    struct doc *doc = make_doc(
        "“On the other hand, — said Kerry,” if we resolve this issue "
        "today we can open up new opportunities.”");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 0, "On the other hand,", k);
    assert_quote(doc, 1,
                 "if we resolve this issue today we can open up new "
                 "opportunities.",
                 k);
    assert_int_equal(doc->quotes[0].continues, -1);
    assert_int_equal(doc->quotes[1].continues, 0);
    assert_span_text(doc, doc->quotes[0].speaker_span, "said Kerry");
    doc_free(doc);
}

static void test_dash_frame_inside_one_pair_splits_the_quote(void **state)
{
    struct doc *doc = make_doc("“We will not give up, — said Lavrov, — the "
                               "talks go on as planned.”");
    int l = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 0, "We will not give up,", l);
    assert_quote(doc, 1, "the talks go on as planned.", l);
    assert_int_equal(doc->quotes[1].continues, 0);
    doc_free(doc);
}

static void test_english_interrupted_quote_continues(void **state)
{
    struct doc *doc =
        make_doc("\"We will act,\" Kerry said, \"and we will act soon.\"");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 0, "We will act,", k);
    assert_quote(doc, 1, "and we will act soon.", k);
    assert_int_equal(doc->quotes[1].continues, 0);
    doc_free(doc);
}

static void test_quote_over_paragraphs_is_one(void **state)
{
    struct doc *doc = make_doc(
        "Spohr tweeted, \"We do not yet know what has happened.\n\n"
        "\"If our fears are confirmed, it is a dark day.\"\n");
    int sp = add_mention(doc, "Spohr", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0,
                 "We do not yet know what has happened.\n\n\"If our fears are "
                 "confirmed, it is a dark day.",
                 sp);
    doc_free(doc);
}

static void test_nested_single_quote_stays_inside(void **state)
{
    struct doc *doc = make_doc("“There was time for the ‘normal’ opposition "
                               "to leave,” Lavrov added.");
    int l = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0,
                 "There was time for the ‘normal’ opposition to leave,", l);
    doc_free(doc);
}

static void test_nested_double_quote_stays_inside(void **state)
{
    struct doc *doc = make_doc(
        "“The opposition must distance itself from “Dzhebhat EN-Nusra”, "
        "which is a common threat”, – stated in the message.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_span_text(doc, doc->quotes[0].span,
                     "The opposition must distance itself from “Dzhebhat "
                     "EN-Nusra”, which is a common threat");
    doc_free(doc);
}

static void test_straight_single_inside_straight_double(void **state)
{
    struct doc *doc = make_doc("Among them \"various groups of so-called "
                               "'moderate opposition'.\" Then more.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_span_text(doc, doc->quotes[0].span,
                     "various groups of so-called 'moderate opposition'.");
    doc_free(doc);
}

static void test_unbalanced_mark_stays_in_its_paragraph(void **state)
{
    struct doc *doc = make_doc("“This opening mark is never closed here. "
                               "More words follow it.\n"
                               "Then \"a real quote here\" he wrote.\n");
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_span_text(doc, doc->quotes[0].span,
                     "This opening mark is never closed here.");
    assert_span_text(doc, doc->quotes[1].span, "a real quote here");
    doc_free(doc);
}

static void test_unbalanced_mark_mid_paragraph_ends_with_sentence(void **state)
{
    struct doc *doc =
        make_doc("Merkel said \"harrowing news has put us in mourning. And "
                 "then the day went on.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_span_text(doc, doc->quotes[0].span,
                     "harrowing news has put us in mourning.");
    doc_free(doc);
}

static void test_megabyte_paragraph_with_unbalanced_mark_is_fast(void **state)
{
    const char *unit = "Words said by nobody run on and on, said the text ";
    size_t ulen = strlen(unit), n = ((size_t)1 << 20) / ulen;
    char *text = xmalloc(4 + n * ulen + 1);
    memcpy(text, "\xE2\x80\x9C", 3); /* “ */
    for (size_t i = 0; i < n; i++)
        memcpy(text + 3 + i * ulen, unit, ulen);
    text[3 + n * ulen] = '\0';
    struct doc *doc = doc_new("big.txt", text, 3 + n * ulen);
    clock_t t0 = clock();
    run(state, doc);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 1.0);
    /* one quotation, cut where the paragraph ends, and nobody speaks it */
    assert_int_equal(doc->nquotes, 1);
    assert_int_equal(doc->quotes[0].span.start, 3);
    assert_int_equal(doc->quotes[0].speaker, -1);
    doc_free(doc);
}

static void test_megabyte_paragraph_of_marks_is_fast(void **state)
{
    size_t n = (size_t)1 << 20;
    char *text = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 3 == 0 ? '"' : 'a';
    text[n] = '\0';
    struct doc *doc = doc_new("marks.txt", text, n);
    clock_t t0 = clock();
    run(state, doc);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
    for (size_t i = 0; i < doc->nquotes; i++)
        assert_int_equal(doc->quotes[i].kind, QUOTE_SCARE);
    doc_free(doc);
}

/* ---- Kinds ------------------------------------------------------------ */

static void test_two_word_label_is_scare(void **state)
{
    struct doc *doc = make_doc(
        "Troops of the so-called “moderate opposition” joined them.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "moderate opposition", -1);
    assert_int_equal(doc->quotes[0].kind, QUOTE_SCARE);
    assert_int_equal(doc->quotes[0].speaker_span.end, 0);
    doc_free(doc);
}

static void test_one_word_label_is_scare(void **state)
{
    struct doc *doc =
        make_doc("At a meeting of the club “Valdai” a scientist spoke.");
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "Valdai", -1);
    assert_int_equal(doc->quotes[0].kind, QUOTE_SCARE);
    doc_free(doc);
}

static void test_fragment_in_sentence_is_partial(void **state)
{
    struct doc *doc = make_doc("President Putin called the incident a "
                               "“stab in the back” and warned Turkey.");
    int p = add_mention(doc, "Putin", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "stab in the back", p);
    assert_int_equal(doc->quotes[0].kind, QUOTE_PARTIAL);
    doc_free(doc);
}

static void test_sentence_after_colon_is_direct(void **state)
{
    struct doc *doc = make_doc(
        "Lavrov said: \"We do not intend to go to war with Turkey.\"");
    int l = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_quote(doc, 0, "We do not intend to go to war with Turkey.", l);
    assert_int_equal(doc->quotes[0].kind, QUOTE_DIRECT);
    assert_span_text(doc, doc->quotes[0].speaker_span, "Lavrov said");
    doc_free(doc);
}

static void test_reported_speech_makes_no_quote(void **state)
{
    struct doc *doc = make_doc("Kerry said that Russia must stop.");
    add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 0);
    doc_free(doc);
}

/* ---- Frames ---------------------------------------------------------- */

static void test_inverted_frame_with_title(void **state)
{
    struct doc *doc = make_doc("\"That is not happening,\" said Pentagon "
                               "press secretary Peter Cook.");
    add_mention(doc, "Pentagon", 1, ENT_ORGANIZATION, 0);
    int cook = add_mention(doc, "Peter Cook", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "That is not happening,", cook);
    assert_span_text(doc, doc->quotes[0].speaker_span,
                     "said Pentagon press secretary Peter Cook");
    doc_free(doc);
}

static void test_name_told_reporters(void **state)
{
    struct doc *doc = make_doc("\"It is critical that Russia restrain "
                               "itself,\" Kerry told reporters on Monday.");
    add_mention(doc, "Russia", 1, ENT_COUNTRY, 0);
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "It is critical that Russia restrain itself,", k);
    assert_span_text(doc, doc->quotes[0].speaker_span, "Kerry told");
    doc_free(doc);
}

static void test_name_added(void **state)
{
    struct doc *doc = make_doc(
        "“Those who stayed have only themselves to blame,” Lavrov added.");
    int l = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "Those who stayed have only themselves to blame,", l);
    doc_free(doc);
}

static void test_name_noted(void **state)
{
    struct doc *doc = make_doc(
        "“We warned the Americans about this,” Zakharova noted.");
    int z = add_mention(doc, "Zakharova", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "We warned the Americans about this,", z);
    doc_free(doc);
}

static void test_according_to_before(void **state)
{
    struct doc *doc = make_doc("According to Kerry, “there is a risk that "
                               "it’s a trick.”");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "there is a risk that it’s a trick.", k);
    assert_span_text(doc, doc->quotes[0].speaker_span, "According to Kerry");
    doc_free(doc);
}

static void test_dash_frame_quoted_by_channel(void **state)
{
    struct doc *doc = make_doc("“Six humanitarian corridors are open round "
                               "the clock”, – said Konashenkov, quoted by "
                               "TASS.");
    int k = add_mention(doc, "Konashenkov", 1, ENT_PERSON, 0);
    add_mention(doc, "TASS", 1, ENT_ORGANIZATION, 1);
    run(state, doc);
    assert_quote(doc, 0, "Six humanitarian corridors are open round the clock",
                 k);
    assert_span_text(doc, doc->quotes[0].speaker_span, "said Konashenkov");
    doc_free(doc);
}

static void test_said_in_a_statement(void **state)
{
    struct doc *doc = make_doc("\"We regard these actions as hostile,\" "
                               "Konashenkov said in a statement.");
    int k = add_mention(doc, "Konashenkov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "We regard these actions as hostile,", k);
    doc_free(doc);
}

static void test_stated_in_the_message_is_the_last_body_to_speak(
    void **state)
{
    struct doc *doc = make_doc(
        "The White House said the attacks must stop.\n\n"
        "“Ceasing these attacks would help create the conditions”, – "
        "stated in the message.");
    int wh = add_mention(doc, "White House", 1, ENT_ORGANIZATION, 0);
    run(state, doc);
    assert_quote(doc, 0, "Ceasing these attacks would help create the "
                         "conditions",
                 wh);
    assert_span_text(doc, doc->quotes[0].speaker_span,
                     "stated in the message");
    doc_free(doc);
}

static void test_the_website_wrote(void **state)
{
    struct doc *doc = make_doc(
        "Kerry spoke, website antiwar.com wrote.\n\n"
        "\"The comments seem more than a little hypocritical,\" the website "
        "wrote.");
    add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    int aw = add_mention(doc, "antiwar.com", 1, ENT_ORGANIZATION, 1);
    run(state, doc);
    assert_quote(doc, 0, "The comments seem more than a little hypocritical,",
                 aw);
    assert_span_text(doc, doc->quotes[0].speaker_span, "the website wrote");
    doc_free(doc);
}

/* A description ("foreign minister") as long as the channel after it
 * ("news agency") in one phrase: both are found, and the channel makes
 * the frame before the quotation the speaker's. */
static void test_a_channel_after_a_description_as_long_is_found(void **state)
{
    struct doc *doc = make_doc(
        "Lavrov described the talks as “a step forward,” "
        "the foreign minister news agency reported.");
    int k = add_mention(doc, "Lavrov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "a step forward,", k);
    assert_span_text(doc, doc->quotes[0].speaker_span, "Lavrov described");
    doc_free(doc);
}

static void test_channel_frame_falls_back_to_frame_before(void **state)
{
    struct doc *doc = make_doc(
        "Konashenkov described the actions as “an act of provocation,” "
        "Russia’s Interfax news agency reported.");
    int k = add_mention(doc, "Konashenkov", 1, ENT_PERSON, 0);
    add_mention(doc, "Russia", 1, ENT_COUNTRY, 1);
    add_mention(doc, "Interfax", 1, ENT_ORGANIZATION, 2);
    run(state, doc);
    assert_quote(doc, 0, "an act of provocation,", k);
    doc_free(doc);
}

static void test_appositive_after_the_name(void **state)
{
    struct doc *doc = make_doc(
        "Fadi Ahmed, a spokesman for the First Coastal Front rebel group, "
        "said “the pilot was killed by gunfire” in the area.");
    int fa = add_mention(doc, "Fadi Ahmed", 1, ENT_PERSON, 0);
    add_mention(doc, "First Coastal Front", 1, ENT_GROUP, 1);
    run(state, doc);
    assert_quote(doc, 0, "the pilot was killed by gunfire", fa);
    doc_free(doc);
}

static void test_name_as_the_appositive(void **state)
{
    struct doc *doc =
        make_doc("The alliance’s secretary general, Jens Stoltenberg, told "
                 "reporters, “We stand in solidarity with Turkey.”");
    int js = add_mention(doc, "Jens Stoltenberg", 1, ENT_PERSON, 0);
    add_mention(doc, "Turkey", 1, ENT_COUNTRY, 1);
    run(state, doc);
    assert_quote(doc, 0, "We stand in solidarity with Turkey.", js);
    doc_free(doc);
}

static void test_appositive_with_another_person_inside(void **state)
{
    struct doc *doc = make_doc(
        "Piotr Dutkiewicz, addressing the deputy minister Mikhail Bogdanov, "
        "said, “I got this information from a source.”");
    int pd = add_mention(doc, "Piotr Dutkiewicz", 1, ENT_PERSON, 0);
    add_mention(doc, "Mikhail Bogdanov", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "I got this information from a source.", pd);
    doc_free(doc);
}

static void test_quoting_as_saying(void **state)
{
    struct doc *doc = make_doc(
        "Agencies are quoting prosecutor Brice Robin as saying that the pilot "
        "\"left the cockpit and could not return.\"");
    int br = add_mention(doc, "Brice Robin", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "left the cockpit and could not return.", br);
    doc_free(doc);
}

static void test_named_frame_without_mention_keeps_its_words(void **state)
{
    struct doc *doc =
        make_doc("\"The debris is spread over a wide area,\" said Ivan "
                 "Petrovsky.");
    run(state, doc);
    assert_quote(doc, 0, "The debris is spread over a wide area,", -1);
    assert_span_text(doc, doc->quotes[0].speaker_span,
                     "said Ivan Petrovsky");
    doc_free(doc);
}

static void test_unresolved_description_gives_no_speaker(void **state)
{
    struct doc *doc = make_doc("\"The plane was hailed dozens of times,\" "
                               "the pilot said.");
    run(state, doc);
    assert_quote(doc, 0, "The plane was hailed dozens of times,", -1);
    assert_int_equal(doc->quotes[0].speaker_span.start, 0);
    assert_int_equal(doc->quotes[0].speaker_span.end, 0);
    doc_free(doc);
}

static void test_no_frame_no_speaker(void **state)
{
    struct doc *doc = make_doc("Kerry flew home. The co-pilot \"did not say "
                               "a word\" after the pilot left.");
    add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "did not say a word", -1);
    doc_free(doc);
}

static void test_fragment_without_frame_carries_the_last_account(
    void **state)
{
    struct doc *doc = make_doc(
        "The engine failed twice, Marta Kovac said.\n\n"
        "The mechanic \"never checked the valves\" before the flight.");
    int k = add_mention(doc, "Marta Kovac", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_int_equal(doc->quotes[0].kind, QUOTE_PARTIAL);
    assert_quote(doc, 0, "never checked the valves", k);
    doc_free(doc);
}

static void test_fragment_far_from_the_last_account_has_no_speaker(
    void **state)
{
    struct doc *doc = make_doc(
        "The engine failed twice, Marta Kovac said.\n\nThe port is old.\n\n"
        "The mechanic \"never checked the valves\" before the flight.");
    add_mention(doc, "Marta Kovac", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "never checked the valves", -1);
    doc_free(doc);
}

static void test_a_name_ending_the_paragraph_is_the_speaker(void **state)
{
    struct doc *doc = make_doc(
        "\"We will rebuild the bridge within a year,\" Regional Transport "
        "Ministry spokesman\n\nThe bridge fell in May.");
    int k = add_mention(doc, "Regional Transport Ministry", 1,
                        ENT_ORGANIZATION, 0);
    run(state, doc);
    assert_quote(doc, 0, "We will rebuild the bridge within a year,", k);
    doc_free(doc);
}

static void test_words_without_a_verb_in_a_sentence_name_no_one(
    void **state)
{
    struct doc *doc = make_doc(
        "\"We will rebuild the bridge within a year,\" Regional Transport "
        "Ministry spokesman Piet Olsen. The bridge fell in May.");
    add_mention(doc, "Regional Transport Ministry", 1, ENT_ORGANIZATION, 0);
    run(state, doc);
    assert_quote(doc, 0, "We will rebuild the bridge within a year,", -1);
    doc_free(doc);
}

static void test_pull_quote_takes_the_speaker_of_its_framed_copy(
    void **state)
{
    struct doc *doc = make_doc(
        "“The harbour will reopen next spring.”\n\n"
        "The port closed after the storm.\n\n"
        "“The harbour will reopen next spring,” Anna Berg said.");
    int k = add_mention(doc, "Anna Berg", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 0, "The harbour will reopen next spring.", k);
    assert_quote(doc, 1, "The harbour will reopen next spring,", k);
    doc_free(doc);
}

static void test_pull_quote_of_two_speakers_stays_unattributed(void **state)
{
    struct doc *doc = make_doc(
        "“The harbour will reopen next spring.”\n\n"
        "“The harbour will reopen next spring,” Anna Berg said.\n\n"
        "“The harbour will reopen next spring,” Ole Dahl said.");
    add_mention(doc, "Anna Berg", 1, ENT_PERSON, 0);
    add_mention(doc, "Ole Dahl", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "The harbour will reopen next spring.", -1);
    doc_free(doc);
}

/* ---- Descriptions and pronouns ---------------------------------------- */

static void test_description_resolves_by_role(void **state)
{
    struct doc *doc = make_doc(
        "The government must hold back, said U.S. Secretary of State John "
        "Kerry.\n\n"
        "“It is now crucial for Russia to keep the regime back”, — said the "
        "head of the state Department at a press conference.");
    int kerry = add_mention(doc, "John Kerry", 1, ENT_PERSON, 0);
    add_mention(doc, "Russia", 1, ENT_COUNTRY, 1);
    add_mention(doc, "the state Department", 1, ENT_ORGANIZATION, 2);
    run(state, doc);
    assert_quote(doc, 0,
                 "It is now crucial for Russia to keep the regime back",
                 kerry);
    assert_span_text(doc, doc->quotes[0].speaker_span,
                     "said the head of the state Department");
    doc_free(doc);
}

static void test_foreign_minister_description(void **state)
{
    struct doc *doc = make_doc(
        "Russian Foreign Minister Sergei Lavrov met Kerry. Kerry spoke "
        "first.\n\n"
        "\"We will keep talking to our partners,\" the Russian Foreign "
        "Minister said.");
    int lavrov = add_mention(doc, "Sergei Lavrov", 1, ENT_PERSON, 0);
    add_mention(doc, "Kerry", 1, ENT_PERSON, 1);
    add_mention(doc, "Kerry", 2, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "We will keep talking to our partners,", lavrov);
    doc_free(doc);
}

static void test_the_ministry_is_the_latest_ministry(void **state)
{
    struct doc *doc = make_doc(
        "Russia's Defense Ministry summoned the attache. Turkey's army "
        "refused.\n\n"
        "The ministry is \"developing measures to react to such incidents,\" "
        "the ministry statement said.");
    int min = add_mention(doc, "Russia's Defense Ministry", 1,
                          ENT_ORGANIZATION, 0);
    add_mention(doc, "Turkey", 1, ENT_COUNTRY, 1);
    run(state, doc);
    assert_quote(doc, 0, "developing measures to react to such incidents,",
                 min);
    doc_free(doc);
}

static void test_he_said_is_the_last_person_speaking(void **state)
{
    struct doc *doc = make_doc(
        "Kerry told reporters the talks were hard. Assad was absent.\n\n"
        "“These are important days to determine the way ahead”, he said.");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    add_mention(doc, "Assad", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "These are important days to determine the way ahead",
                 k);
    assert_span_text(doc, doc->quotes[0].speaker_span, "he said");
    doc_free(doc);
}

/* Every speech verb, in lower case, capitalised and in capitals, makes
 * its subject the last person speaking (scan_to skips the words its
 * verbs filter rules out, so each verb must pass it). */
static void test_every_speech_verb_notes_its_speaker(void **state)
{
    struct fixture *fx = *state;
    const struct rule_table *t = rules_get(fx->rules, "lexicon/speech_verbs");
    assert_non_null(t);
    assert_true(t->nrows > 0);
    for (size_t i = 0; i < t->nrows; i++) {
        for (int form = 0; form < 3; form++) {
            char verb[64], text[256];
            const char *v = t->rows[i].fields[0];
            size_t n = strlen(v);
            assert_true(n < sizeof verb);
            for (size_t k = 0; k <= n; k++) {
                char c = v[k];
                if ((form == 2 || (form == 1 && k == 0)) && c >= 'a' &&
                    c <= 'z')
                    c = (char)(c - 'a' + 'A');
                verb[k] = c;
            }
            snprintf(text, sizeof text,
                     "Kerry %s the talks were hard. Assad was absent.\n\n"
                     "\"These are important days,\" he said.",
                     verb);
            struct doc *doc = make_doc(text);
            int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
            add_mention(doc, "Assad", 1, ENT_PERSON, 1);
            run(state, doc);
            if (doc->nquotes != 1 || doc->quotes[0].speaker != k)
                fail_msg("'%s' did not note its speaker", verb);
            doc_free(doc);
        }
    }
}

/* The word scan's byte classes: after "said", an ASCII letter or digit,
 * or a joiner (- ' .) before a letter, makes one longer word that is no
 * verb; any other printable ASCII ends the verb, whose subject is then
 * the last person speaking. */
static void test_each_ascii_byte_ends_or_joins_a_word(void **state)
{
    for (int c = 0x20; c < 0x7F; c++) {
        if (c == '"')
            continue; /* a quotation mark of its own */
        char text[160];
        snprintf(text, sizeof text,
                 "Kerry said%cthe talks were hard. Assad was absent.\n\n"
                 "\"These are important days,\" he said.",
                 c);
        struct doc *doc = make_doc(text);
        int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
        add_mention(doc, "Assad", 1, ENT_PERSON, 1);
        run(state, doc);
        bool joins = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
                     c == '.';
        assert_int_equal(doc->nquotes, 1);
        if ((doc->quotes[0].speaker == k) == joins)
            fail_msg("byte 0x%02x: the verb %s", c,
                     joins ? "did not join the next word" : "was not read");
        doc_free(doc);
    }
}

/* The word scan past ASCII: a wide byte before a word, or inside or
 * after it, leaves the fast loops of next_word for the decoding ones.
 * A wide separator (no-break space, guillemet, em dash) ends "said",
 * or one (no-break space, guillemet) comes before it, and the verb is
 * read; a wide letter, or a curly
 * apostrophe before a letter, joins it into a longer word that is no
 * verb. */
static void test_wide_characters_end_or_join_a_word(void **state)
{
    static const struct {
        const char *before, *after;
        bool verb;
    } cases[] = {
        {" ", "\xc2\xa0", true},           /* no-break space after */
        {" ", "\xc2\xbb", true},           /* guillemet after */
        {" ", "\xe2\x80\x94", true},       /* em dash after */
        {"\xc2\xa0", " ", true},           /* no-break space before */
        {" \xc2\xab", " ", true},          /* guillemet before */
        {" ", "\xc3\xa9", false},          /* e acute joins */
        {" ", "\xe2\x80\x99s", false},     /* curly apostrophe + letter */
        {" ", "-\xc3\xa9t", false},        /* hyphen + wide letter */
        {" \xc3\xa9", " ", false},         /* wide letter before */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[192];
        snprintf(text, sizeof text,
                 "Kerry%ssaid%sthe talks were hard. Assad was absent.\n\n"
                 "\"These are important days,\" he said.",
                 cases[i].before, cases[i].after);
        struct doc *doc = make_doc(text);
        int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
        add_mention(doc, "Assad", 1, ENT_PERSON, 1);
        run(state, doc);
        assert_int_equal(doc->nquotes, 1);
        if ((doc->quotes[0].speaker == k) != cases[i].verb)
            fail_msg("case %zu: the verb %s", i,
                     cases[i].verb ? "was not read" : "did not join");
        doc_free(doc);
    }
}

/* The backward word scan's byte classes: before "said", "Ab" and "cd"
 * joined by a letter, digit or joiner are one word of the speaker; any
 * other printable ASCII ends the word "cd", and only the punctuation
 * that breaks a phrase keeps "Ab" out of the speaker's words (here it
 * leaves no frame at all). */
static void test_each_ascii_byte_ends_or_joins_a_word_backwards(void **state)
{
    for (int c = 0x20; c < 0x7F; c++) {
        if (c == '"')
            continue; /* a quotation mark of its own */
        char text[96];
        snprintf(text, sizeof text, "\"We are ready,\" Ab%ccd said.", c);
        struct doc *doc = make_doc(text);
        run(state, doc);
        assert_int_equal(doc->nquotes, 1);
        bool cut = strchr(",;:()!?", c) != NULL;
        size_t ab = (size_t)(strstr(text, "Ab") - text);
        size_t start = doc->quotes[0].speaker_span.start;
        if ((start == ab) == cut)
            fail_msg("byte 0x%02x: the speaker's words start at %zu", c,
                     start);
        doc_free(doc);
    }
}

static void test_she_added_without_earlier_speaker_takes_nearest_person(
    void **state)
{
    struct doc *doc = make_doc(
        "Chancellor Angela Merkel visited the site on Wednesday.\n\n"
        "\"Our thoughts are with the families,\" she added.");
    int m = add_mention(doc, "Angela Merkel", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_quote(doc, 0, "Our thoughts are with the families,", m);
    doc_free(doc);
}

static void test_pronoun_prefers_speaker_over_later_person(void **state)
{
    struct doc *doc = make_doc(
        "Prosecutor Brice Robin said the co-pilot acted alone.\n\n"
        "Co-pilot Andreas Lubitz used this opportunity to lock the door.\n\n"
        "\"It was absolute silence in the cockpit,\" he said.");
    int br = add_mention(doc, "Brice Robin", 1, ENT_PERSON, 0);
    add_mention(doc, "Andreas Lubitz", 1, ENT_PERSON, 1);
    run(state, doc);
    assert_quote(doc, 0, "It was absolute silence in the cockpit,", br);
    doc_free(doc);
}

static void test_it_said_is_the_last_body_speaking(void **state)
{
    struct doc *doc = make_doc(
        "The Russian Defense Ministry said in a statement the plane was "
        "lost.\n\n"
        "\"The tracking of the plane disappeared during an attack,\" it "
        "said.");
    int m = add_mention(doc, "Russian Defense Ministry", 1, ENT_ORGANIZATION,
                        0);
    run(state, doc);
    assert_quote(doc, 0, "The tracking of the plane disappeared during an "
                         "attack,",
                 m);
    doc_free(doc);
}

static void test_and_verb_takes_subject_of_earlier_verb(void **state)
{
    struct doc *doc = make_doc(
        "President Putin insists the jet was over Syria and called the event "
        "a \"stab in the back\".");
    int p = add_mention(doc, "Putin", 1, ENT_PERSON, 0);
    add_mention(doc, "Syria", 1, ENT_COUNTRY, 1);
    run(state, doc);
    assert_quote(doc, 0, "stab in the back", p);
    doc_free(doc);
}

/* ---- Continuation ----------------------------------------------------- */

static void test_quote_only_paragraph_continues_speaker(void **state)
{
    struct doc *doc = make_doc(
        "\"It is critical that Russia restrain itself,\" Kerry told "
        "reporters.\n\n"
        "“The evidence thus far is very troubling to everybody.”\n");
    int k = add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 1, "The evidence thus far is very troubling to "
                         "everybody.",
                 k);
    assert_int_equal(doc->quotes[1].continues, -1);
    doc_free(doc);
}

static void test_next_quote_in_paragraph_keeps_speaker(void **state)
{
    struct doc *doc =
        make_doc("“We regard these actions as hostile,” Konashenkov said. "
                 "“Fifteen servicemen were killed in the attack.”");
    int k = add_mention(doc, "Konashenkov", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 1, "Fifteen servicemen were killed in the attack.", k);
    assert_int_equal(doc->quotes[1].continues, -1);
    doc_free(doc);
}

static void test_quote_paragraph_far_from_last_quote_has_no_speaker(
    void **state)
{
    struct doc *doc = make_doc("\"We act now and we act together,\" Kerry "
                               "said.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n"
                               "\"Nobody knows what happened there.\"\n");
    add_mention(doc, "Kerry", 1, ENT_PERSON, 0);
    run(state, doc);
    assert_int_equal(doc->nquotes, 2);
    assert_quote(doc, 1, "Nobody knows what happened there.", -1);
    doc_free(doc);
}

/* ---- Paragraphs and boilerplate --------------------------------------- */

static void test_quote_in_boilerplate_is_skipped(void **state)
{
    struct doc *doc = make_doc(
        "Body text here.\nThe authorities claim our work \"discredits the "
        "decisions of the leadership.\"\n");
    size_t s = (size_t)(strstr(doc->text, "The authorities") - doc->text);
    doc_add_boilerplate(doc, (struct span){s, doc->len}, "donation");
    run(state, doc);
    assert_int_equal(doc->nquotes, 0);
    doc_free(doc);
}

static void test_segmenter_paragraphs_are_used(void **state)
{
    struct doc *doc = make_doc("He said \"this line is wrapped\nby the "
                               "sender\" and left.");
    doc->paras = xgrow(doc->paras, &doc->capparas, 1, sizeof *doc->paras);
    doc->paras[0] = (struct paragraph){{0, doc->len}, false};
    doc->nparas = 1;
    run(state, doc);
    assert_int_equal(doc->nquotes, 1);
    assert_span_text(doc, doc->quotes[0].span,
                     "this line is wrapped\nby the sender");
    doc_free(doc);
}

static void test_run_twice_on_empty_doc_finds_nothing(void **state)
{
    struct doc *doc = make_doc("");
    run(state, doc);
    run(state, doc);
    assert_int_equal(doc->nquotes, 0);
    doc_free(doc);
}

/* ---- The mark scan (markscan.h) ------------------------------------- */

/* What markscan_next must give: the plain byte loop. */
static size_t next_mark_plain(const char *t, size_t i, size_t end)
{
    for (; i < end; i++) {
        unsigned char b = (unsigned char)t[i];
        if (b == '"' || b == '\'' || b >= 0x80)
            return i;
    }
    return end;
}

/* Random texts of mostly plain ASCII with marks, wide bytes and their
 * look-alikes (bytes 0x7F, '!', '&', '(' differ from the marks in one
 * bit), every start and end: the block scan gives what the byte loop
 * gives, wherever the hit falls in or across its sixteen-byte steps. */
static void test_mark_scan_finds_what_the_byte_loop_finds(void **state)
{
    (void)state;
    static const char pool[] = "abcdefgh XYZ,.;\"'\x7f!&(\xe2\x80\x9c\xc3\xa9";
    char t[96];
    unsigned seed = 12345;
    for (int round = 0; round < 400; round++) {
        /* mostly sparse: sometimes no hit at all in the text */
        int rate = round % 4 == 0 ? 0 : 1 + round % 7;
        for (size_t k = 0; k < sizeof t; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned v = seed >> 16;
            t[k] = (int)(v % 64) < rate
                       ? pool[13 + v % (sizeof pool - 14)]
                       : pool[v % 13];
        }
        for (size_t i = 0; i <= sizeof t; i++)
            for (size_t end = i; end <= sizeof t; end += 1 + (end % 5))
                assert_int_equal(markscan_next(t, i, end),
                                 next_mark_plain(t, i, end));
        assert_int_equal(markscan_next(t, 10, 3), 3); /* i past end */
    }
}

/* Marks after runs of plain text of every length around the scan's
 * sixteen-byte step pair as before. */
static void test_marks_after_long_plain_runs_pair(void **state)
{
    for (size_t pad = 0; pad < 40; pad++) {
        char text[160];
        char lead[48];
        memset(lead, 'x', pad);
        lead[pad] = '\0';
        snprintf(text, sizeof text,
                 "%s \"The port is closed until further notice,\" he said.",
                 lead);
        struct doc *doc = make_doc(text);
        run(state, doc);
        assert_int_equal(doc->nquotes, 1);
        assert_quote(doc, 0, "The port is closed until further notice,", -1);
        doc_free(doc);
    }
}

static void test_free_null_is_noop(void **state)
{
    (void)state;
    quote_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_double_quote_with_name_after),
        cmocka_unit_test(test_straight_single_quote),
        cmocka_unit_test(test_mark_scan_finds_what_the_byte_loop_finds),
        cmocka_unit_test(test_marks_after_long_plain_runs_pair),
        cmocka_unit_test(test_a_speaker_of_wide_and_joined_letters_is_read_back),
        cmocka_unit_test(test_curly_double_quote),
        cmocka_unit_test(test_german_low_high_marks),
        cmocka_unit_test(test_guillemets),
        cmocka_unit_test(test_single_curly_quote_in_a_headline),
        cmocka_unit_test(test_curly_apostrophes_are_not_marks),
        cmocka_unit_test(test_straight_apostrophes_inside_straight_quote),
        cmocka_unit_test(test_mixed_curly_open_straight_close),
        cmocka_unit_test(test_mark_never_in_span),
        cmocka_unit_test(test_frame_between_broken_marks_splits_the_quote),
        cmocka_unit_test(test_dash_frame_inside_one_pair_splits_the_quote),
        cmocka_unit_test(test_english_interrupted_quote_continues),
        cmocka_unit_test(test_quote_over_paragraphs_is_one),
        cmocka_unit_test(test_nested_single_quote_stays_inside),
        cmocka_unit_test(test_nested_double_quote_stays_inside),
        cmocka_unit_test(test_straight_single_inside_straight_double),
        cmocka_unit_test(test_unbalanced_mark_stays_in_its_paragraph),
        cmocka_unit_test(test_unbalanced_mark_mid_paragraph_ends_with_sentence),
        cmocka_unit_test(test_megabyte_paragraph_with_unbalanced_mark_is_fast),
        cmocka_unit_test(test_megabyte_paragraph_of_marks_is_fast),
        cmocka_unit_test(test_two_word_label_is_scare),
        cmocka_unit_test(test_one_word_label_is_scare),
        cmocka_unit_test(test_fragment_in_sentence_is_partial),
        cmocka_unit_test(test_sentence_after_colon_is_direct),
        cmocka_unit_test(test_reported_speech_makes_no_quote),
        cmocka_unit_test(test_inverted_frame_with_title),
        cmocka_unit_test(test_name_told_reporters),
        cmocka_unit_test(test_name_added),
        cmocka_unit_test(test_name_noted),
        cmocka_unit_test(test_according_to_before),
        cmocka_unit_test(test_dash_frame_quoted_by_channel),
        cmocka_unit_test(test_said_in_a_statement),
        cmocka_unit_test(test_stated_in_the_message_is_the_last_body_to_speak),
        cmocka_unit_test(test_the_website_wrote),
        cmocka_unit_test(test_channel_frame_falls_back_to_frame_before),
        cmocka_unit_test(test_a_channel_after_a_description_as_long_is_found),
        cmocka_unit_test(test_appositive_after_the_name),
        cmocka_unit_test(test_name_as_the_appositive),
        cmocka_unit_test(test_appositive_with_another_person_inside),
        cmocka_unit_test(test_quoting_as_saying),
        cmocka_unit_test(test_named_frame_without_mention_keeps_its_words),
        cmocka_unit_test(test_unresolved_description_gives_no_speaker),
        cmocka_unit_test(test_no_frame_no_speaker),
        cmocka_unit_test(test_fragment_without_frame_carries_the_last_account),
        cmocka_unit_test(
            test_fragment_far_from_the_last_account_has_no_speaker),
        cmocka_unit_test(test_a_name_ending_the_paragraph_is_the_speaker),
        cmocka_unit_test(test_words_without_a_verb_in_a_sentence_name_no_one),
        cmocka_unit_test(test_pull_quote_takes_the_speaker_of_its_framed_copy),
        cmocka_unit_test(test_pull_quote_of_two_speakers_stays_unattributed),
        cmocka_unit_test(test_description_resolves_by_role),
        cmocka_unit_test(test_foreign_minister_description),
        cmocka_unit_test(test_the_ministry_is_the_latest_ministry),
        cmocka_unit_test(test_he_said_is_the_last_person_speaking),
        cmocka_unit_test(test_every_speech_verb_notes_its_speaker),
        cmocka_unit_test(test_each_ascii_byte_ends_or_joins_a_word),
        cmocka_unit_test(test_wide_characters_end_or_join_a_word),
        cmocka_unit_test(test_each_ascii_byte_ends_or_joins_a_word_backwards),
        cmocka_unit_test(
            test_she_added_without_earlier_speaker_takes_nearest_person),
        cmocka_unit_test(test_pronoun_prefers_speaker_over_later_person),
        cmocka_unit_test(test_it_said_is_the_last_body_speaking),
        cmocka_unit_test(test_and_verb_takes_subject_of_earlier_verb),
        cmocka_unit_test(test_quote_only_paragraph_continues_speaker),
        cmocka_unit_test(test_next_quote_in_paragraph_keeps_speaker),
        cmocka_unit_test(
            test_quote_paragraph_far_from_last_quote_has_no_speaker),
        cmocka_unit_test(test_quote_in_boilerplate_is_skipped),
        cmocka_unit_test(test_segmenter_paragraphs_are_used),
        cmocka_unit_test(test_run_twice_on_empty_doc_finds_nothing),
        cmocka_unit_test(test_free_null_is_noop),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
