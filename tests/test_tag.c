/* test_tag.c - people, organisations, groups, countries, places (tag.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"
#include "keyhash.h"
#include "rulesdir.h"
#include "tagplain.h"

struct fixture {
    struct rules *rules;
    struct segmenter *seg;
    struct tagger *tag;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(NULL, &f->rules, &d) != CD_OK ||
        segment_new(f->rules, &f->seg, &d) != CD_OK ||
        tag_new(f->rules, &f->tag, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    tag_free(f->tag);
    segment_free(f->seg);
    rules_free(f->rules);
    free(f);
    return 0;
}

static struct doc *tagged(const struct fixture *f, const char *text)
{
    struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
    segment_run(f->seg, doc);
    tag_run(f->tag, doc);
    return doc;
}

static const struct mention *find(const struct doc *doc, const char *text,
                                  unsigned nth)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < doc->nmentions; i++) {
        const struct mention *m = &doc->mentions[i];
        if (m->span.end - m->span.start == n &&
            memcmp(doc->text + m->span.start, text, n) == 0 && nth-- == 0)
            return m;
    }
    return NULL;
}

static void print_mentions(const struct doc *doc)
{
    for (size_t i = 0; i < doc->nmentions; i++) {
        const struct mention *m = &doc->mentions[i];
        fprintf(stderr, "  [%.*s] %s role=%s\n",
                (int)(m->span.end - m->span.start), doc->text + m->span.start,
                tag_type_name(m->type), m->role ? m->role : "(none)");
    }
}

/* In text, a mention with exactly these words, type and role (NULL: no
 * role). */
static void expect(const struct fixture *f, const char *text,
                   const char *words, enum ent_type type, const char *role)
{
    struct doc *doc = tagged(f, text);
    const struct mention *m = find(doc, words, 0);
    if (!m || m->type != type ||
        (role ? !m->role || strcmp(role, m->role) != 0 : m->role != NULL)) {
        fprintf(stderr, "in: %s\nwant [%s] %s role=%s; got:\n", text, words,
                tag_type_name(type), role ? role : "(none)");
        print_mentions(doc);
    }
    assert_non_null(m);
    assert_int_equal(m->type, type);
    if (role)
        assert_string_equal(m->role, role);
    else
        assert_null(m->role);
    doc_free(doc);
}

/* No mention covers any part of words. */
static void expect_none(const struct fixture *f, const char *text,
                        const char *words)
{
    struct doc *doc = tagged(f, text);
    const char *at = strstr(doc->text, words);
    assert_non_null(at);
    size_t s = (size_t)(at - doc->text), e = s + strlen(words);
    for (size_t i = 0; i < doc->nmentions; i++) {
        const struct mention *m = &doc->mentions[i];
        if (m->span.start < e && s < m->span.end) {
            fprintf(stderr, "in: %s\nwant nothing on [%s]; got:\n", text,
                    words);
            print_mentions(doc);
            fail();
        }
    }
    doc_free(doc);
}

/* ------------------------------------------------------------------ */

static void test_a_title_before_a_name_is_the_role(void **state)
{
    const struct fixture *f = *state;
    expect(f, "The talks were hosted by U.S. Secretary of state John Kerry.",
           "John Kerry", ENT_PERSON, "U.S. Secretary of state");
    expect(f, "The strike was confirmed by major-General Igor Konashenkov.",
           "Igor Konashenkov", ENT_PERSON, "major-General");
    expect(f, "\"No comment,\" said Pentagon press secretary Peter Cook.",
           "Peter Cook", ENT_PERSON, "Pentagon press secretary");
    expect(f, "It was the order of President Vladimir Putin to start.",
           "Vladimir Putin", ENT_PERSON, "President");
    expect(f, "He met Kremlin spokesman Dmitry Peskov on Friday.",
           "Dmitry Peskov", ENT_PERSON, "Kremlin spokesman");
    expect(f, "We spoke to Deputy Foreign Minister Sergei Ryabkov today.",
           "Sergei Ryabkov", ENT_PERSON, "Deputy Foreign Minister");
    expect(f, "The visit of Prime Minister Avigdor Liberman was short.",
           "Avigdor Liberman", ENT_PERSON, "Prime Minister");
}

static void test_a_title_with_an_of_chain_finds_the_name_after_it(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Earlier the Minister of defence of Russia Sergey Shoigu spoke.",
           "Sergey Shoigu", ENT_PERSON, "Minister of defence of Russia");
    expect(f, "The head of the Federation Council Committee on defense and "
              "security Viktor Ozerov said so.",
           "Viktor Ozerov", ENT_PERSON,
           "head of the Federation Council Committee on defense and "
           "security");
    expect(f, "He met the Minister of foreign Affairs of Colombia, Maria "
              "Angela Holguin.",
           "Maria Angela Holguin", ENT_PERSON,
           "Minister of foreign Affairs of Colombia");
}

static void test_a_title_with_no_name_makes_no_person(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "The head of the state Department spoke at a press "
                   "conference.",
                "head of the");
    expect_none(f, "The Minister explained that passages would open.",
                "Minister");
}

static void test_a_known_given_name_and_a_capital_are_a_person(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Analyst Piotr Dutkiewicz disagreed.", "Piotr Dutkiewicz",
           ENT_PERSON, "Analyst");
    expect(f, "In the end Carsten Spohr called it a tragedy.", "Carsten Spohr",
           ENT_PERSON, NULL);
    expect(f, "Reports came from Maria Angela Holguin yesterday.",
           "Maria Angela Holguin", ENT_PERSON, NULL);
    expect(f, "The book by J. R. Tolkien sold well.", "J. R. Tolkien",
           ENT_PERSON, NULL);
}

static void test_particle_names_keep_their_article(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Troops loyal to President Bashar al-Assad advanced.",
           "Bashar al-Assad", ENT_PERSON, "President");
    /* a three-letter article: its dash is the word's fourth byte */
    expect(f, "Troops loyal to President Karim ash-Rahal advanced.",
           "Karim ash-Rahal", ENT_PERSON, "President");
    expect(f, "Osama bin Laden was killed in 2011.", "Osama bin Laden",
           ENT_PERSON, NULL);
}

/* Every name particle joins a name (tag_new gives each its word-summary
 * bit; leaving one out fails this), and a lower-case word that is none
 * after a name ends it. */
static void test_every_name_particle_joins_a_name(void **state)
{
    const struct fixture *f = *state;
    /* "della" is in the list too, but its fold is "dela" (doubled
     * letters once), so it never matches: left out */
    static const char *const particles[] = {
        "bin", "ibn", "al", "el", "van", "von", "der", "de", "del",
        "da", "di", "dos", "du", "la", "le", "abu", "ben"};
    char text[128], name[64];
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++) {
        snprintf(name, sizeof name, "Osama %s Laden", particles[i]);
        snprintf(text, sizeof text, "Reports said %s was seen.", name);
        expect(f, text, name, ENT_PERSON, NULL);
    }
    /* "dellas" is no particle: the name stops before it */
    expect_none(f, "Reports said Osama dellas Laden was seen.",
                "dellas Laden");
}

/* Words end at ASCII punctuation without a decode of what follows, but
 * the joiners (- ' ` .) still join: the word shapes of these names must
 * come out as they did. */
static void test_words_end_at_punctuation_and_join_at_joiners(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Troops loyal to President Bashar al-Assad, Syria's leader, "
              "advanced.", "Bashar al-Assad", ENT_PERSON, "President");
    expect(f, "Troops loyal to President Karim ash-Rahal; they advanced.",
           "Karim ash-Rahal", ENT_PERSON, "President");
    expect(f, "Troops loyal to President Karim as-Rahal advanced.",
           "Karim as-Rahal", ENT_PERSON, "President");
    expect(f, "Troops loyal to President Karim O'Rahal (left) advanced.",
           "Karim O'Rahal", ENT_PERSON, "President");
    expect(f, "Troops loyal to President Karim O`Rahal: they advanced.",
           "Karim O`Rahal", ENT_PERSON, "President");
}

static void test_a_role_in_apposition_is_taken(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Sergei Lavrov, Russia's foreign minister, said it was over.",
           "Sergei Lavrov", ENT_PERSON, "Russia's foreign minister");
    expect(f, "Avigdor Liberman, the defence minister, disagreed.",
           "Avigdor Liberman", ENT_PERSON, "defence minister");
}

static void test_speech_frames_make_unknown_names_people(void **state)
{
    const struct fixture *f = *state;
    expect(f, "\"We are ready,\" said Murakhtin on Tuesday.", "Murakhtin",
           ENT_PERSON, NULL);
    expect(f, "Shortly after, Pozynich added that he was safe.", "Pozynich",
           ENT_PERSON, NULL);
    expect(f, "The rest is history, according to Drezner.", "Drezner",
           ENT_PERSON, NULL);
    expect(f, "Nobody expected Mr Smithers to resign.", "Smithers",
           ENT_PERSON, NULL);
}

static void test_a_surname_alone_joins_the_full_name(void **state)
{
    const struct fixture *f = *state;
    struct doc *doc = tagged(f, "Kerry urged calm.\n\nU.S. Secretary of "
                                "State John Kerry spoke. Later Kerry left.");
    const struct mention *a = find(doc, "Kerry", 0);
    const struct mention *b = find(doc, "John Kerry", 0);
    const struct mention *c = find(doc, "Kerry", 1);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_int_equal(a->type, ENT_PERSON);
    assert_int_equal(a->local, b->local);
    assert_int_equal(c->local, b->local);
    assert_string_equal(a->key, b->key);
    doc_free(doc);
}

static void test_countries_match_everyday_forms(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Talks with the US continued.", "US", ENT_COUNTRY, NULL);
    expect(f, "Talks with the U.S. continued.", "U.S.", ENT_COUNTRY, NULL);
    expect(f, "Britain left the union.", "Britain", ENT_COUNTRY, NULL);
    expect(f, "The Russian Federation objected.", "Russian Federation",
           ENT_COUNTRY, NULL);
    expect(f, "Aid went to Russia’s ally Syria.", "Russia", ENT_COUNTRY,
           NULL);
    expect(f, "He went to Syria.", "Syria", ENT_COUNTRY, NULL);
}

static void test_an_acronym_alias_needs_capitals(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "They told us nothing.", "us");
    expect(f, "NATO allies met in Brussels.", "NATO", ENT_ORGANIZATION, NULL);
}

/* A gazetteer alias that spells an everyday word ("LeT" and "Let") must
 * not make a sentence's first word an armed group: one "Let me explain"
 * per page glued unrelated pages into one story. */
static void test_a_sentence_starting_with_let_names_no_group(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "Let the dough rise for an hour.", "Let");
}

static void test_demonyms_are_not_entities(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "Russian and Syrian troops moved north.", "Russian");
    expect_none(f, "Russian and Syrian troops moved north.", "Syrian");
    expect_none(f, "Kurdish forces held the town.", "Kurdish forces");
}

static void test_places_come_from_the_gazetteer_and_cues(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Fighting went on in Aleppo.", "Aleppo", ENT_PLACE, NULL);
    expect(f, "Fighting broke out in the village of Fatisah.", "Fatisah",
           ENT_PLACE, NULL);
    expect(f, "Troops took the city of Zorava overnight.", "Zorava",
           ENT_PLACE, NULL);
    expect(f, "They reached the vicinity of Lake Assad last week.",
           "Lake Assad", ENT_PLACE, NULL);
    expect(f, "Rebels hold Idlib province firmly.", "Idlib province",
           ENT_PLACE, NULL);
    expect(f, "Militants gathered around the Sheikh Maqsood neighborhood.",
           "Sheikh Maqsood", ENT_PLACE, NULL);
    expect(f, "Jets flew from the Hmeimim air base on Monday.",
           "Hmeimim air base", ENT_PLACE, NULL);
    expect(f, "Jets fly above the Red Square in May.", "Red Square",
           ENT_PLACE, NULL);
    expect(f, "Relations with the West are tense.", "the West", ENT_PLACE,
           NULL);
}

static void test_organisation_heads_make_organisations(void **state)
{
    const struct fixture *f = *state;
    expect(f, "According to the Syrian Center for Policy Research, many died.",
           "Syrian Center for Policy Research", ENT_ORGANIZATION, NULL);
    expect(f, "The Minister explained that the Russian center for "
              "conciliation of conflicting parties, with others, helps.",
           "Russian center for conciliation of conflicting parties",
           ENT_ORGANIZATION, NULL);
    expect(f, "The head of the Federation Council Committee on defense and "
              "security Viktor Ozerov said so.",
           "Federation Council Committee on defense and security",
           ENT_ORGANIZATION, NULL);
    expect(f, "Earlier, the Russian Defense Ministry announced it.",
           "Russian Defense Ministry", ENT_ORGANIZATION, NULL);
    expect(f, "A statement from the defence ministry followed.",
           "defence ministry", ENT_ORGANIZATION, NULL);
    expect(f, "The spokesman of the state Department spoke.",
           "state Department", ENT_ORGANIZATION, NULL);
    expect(f, "Officers of the General staff of the Armed forces of Russia "
              "spoke.",
           "General staff of the Armed forces of Russia", ENT_ORGANIZATION,
           NULL);
    expect(f, "Economists of the Kiel Institute for the World Economy agree.",
           "Kiel Institute for the World Economy", ENT_ORGANIZATION, NULL);
    expect(f, "The Turkish Air Force scrambled two jets.", "Turkish Air Force",
           ENT_ORGANIZATION, NULL);
}

static void test_lower_case_heads_alone_are_no_organisation(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "Syrian security forces gathered near a building.",
                "security forces");
    expect_none(f, "The Reuters news agency reported it.", "news");
}

static void test_groups_and_aliases_are_known(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Fighters of the al-Nusra Front attacked.", "al-Nusra Front",
           ENT_GROUP, NULL);
    expect(f, "The terrorist group “dzhebhat an-Nusra” attacked.",
           "dzhebhat an-Nusra", ENT_GROUP, NULL);
    expect(f, "Daesh claimed the attack.", "Daesh", ENT_GROUP, NULL);
    expect(f, "The al-Qaeda-affiliated group struck.", "al-Qaeda", ENT_GROUP,
           NULL);
    expect(f, "Soldiers of the 10th Brigade withdrew.", "10th Brigade",
           ENT_GROUP, NULL);
}

static void test_inverted_group_names_share_the_canonical(void **state)
{
    const struct fixture *f = *state;
    struct doc *doc = tagged(f, "Fighters of al-Nusra Dzhebhat attacked.");
    const struct mention *m = find(doc, "al-Nusra Dzhebhat", 0);
    assert_non_null(m);
    assert_int_equal(m->type, ENT_GROUP);
    assert_string_equal(m->canonical, "al-Nusra Front");
    doc_free(doc);
}

static void test_outlets_are_organisations_but_credits_are_not(void **state)
{
    const struct fixture *f = *state;
    expect(f, "The agency Reuters reported it.", "Reuters", ENT_ORGANIZATION,
           NULL);
    expect(f, "TASS quoted the ministry.", "TASS", ENT_ORGANIZATION, NULL);
    expect_none(f, "Jets fly over Moscow on May 7, 2016 (AFP)\n\nMore text.",
                "AFP");
    expect_none(f, "The plane was hit, the statement said. — AFP\n", "AFP");
}

static void test_a_company_shown_by_its_flight_is_one_everywhere(void **state)
{
    const struct fixture *f = *state;
    expect(f, "Skyvora flight 1234 landed late. Skyvora said it was sorry.",
           "Skyvora", ENT_ORGANIZATION, NULL);
    struct doc *doc = tagged(
        f, "Skyvora flight 1234 landed late. Skyvora said it was sorry.");
    const struct mention *m = find(doc, "Skyvora", 1);
    assert_non_null(m);
    assert_int_equal(m->type, ENT_ORGANIZATION); /* not the frame's person */
    doc_free(doc);
    expect(f, "Tickets of budget airline Flyqo rose.", "Flyqo",
           ENT_ORGANIZATION, NULL);
    expect(f, "Its crew flew a Brantair passenger plane.", "Brantair",
           ENT_ORGANIZATION, NULL);
    expect_none(f, "The passengers of the Russian plane were safe.", "Russian");
    expect_none(f, "Its Aircraft carrier Admiral Gorshkov sailed.", "Admiral");
}

static void test_sentence_initial_capitals_alone_are_no_name(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "Meanwhile the talks went on. Nobody came.", "Nobody");
    expect_none(f, "Yesterday Officials said nothing.", "Officials");
}

static void test_headline_title_case_is_no_evidence(void **state)
{
    const struct fixture *f = *state;
    expect_none(f, "Russian Pilot Rescued By Syrian Army\n\nThe pilot is safe.",
                "Rescued");
}

static void test_mentions_never_come_from_boilerplate(void **state)
{
    const struct fixture *f = *state;
    const char *text = "Kerry met Lavrov in Moscow.\n\nShare on Moscow now\n";
    struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
    struct span bp = {28, strlen(text)};
    doc_add_boilerplate(doc, bp, "share");
    segment_run(f->seg, doc);
    tag_run(f->tag, doc);
    assert_non_null(find(doc, "Moscow", 0));
    assert_null(find(doc, "Moscow", 1));
    for (size_t i = 0; i < doc->nmentions; i++)
        assert_true(doc->mentions[i].span.end <= 28);
    doc_free(doc);
}

static void test_mentions_are_in_text_order_with_exact_spans(void **state)
{
    const struct fixture *f = *state;
    struct doc *doc = tagged(f, "Moscow and Washington disagree about "
                                "Aleppo, said Sergei Lavrov.");
    assert_true(doc->nmentions >= 4);
    for (size_t i = 1; i < doc->nmentions; i++)
        assert_true(doc->mentions[i - 1].span.start <
                    doc->mentions[i].span.start);
    const struct mention *m = find(doc, "Sergei Lavrov", 0);
    assert_non_null(m);
    assert_memory_equal(doc->text + m->span.start, "Sergei Lavrov", 13);
    doc_free(doc);
}

static void test_keys_fold_transliteration_variants(void **state)
{
    const struct fixture *f = *state;
    struct doc *doc = tagged(f, "Minister Sergey Shoigu and minister Sergei "
                                "Shoigu are one man. So is Düsseldorf and "
                                "Dusseldorf.");
    const struct mention *a = find(doc, "Sergey Shoigu", 0);
    const struct mention *b = find(doc, "Sergei Shoigu", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a->key, b->key);
    assert_int_equal(a->local, b->local);
    const struct mention *c = find(doc, "Düsseldorf", 0);
    const struct mention *d = find(doc, "Dusseldorf", 0);
    assert_non_null(c);
    assert_non_null(d);
    assert_string_equal(c->key, d->key);
    doc_free(doc);
}

static void test_type_names_follow_the_contract(void **state)
{
    (void)state;
    assert_string_equal(tag_type_name(ENT_PERSON), "person");
    assert_string_equal(tag_type_name(ENT_ORGANIZATION), "organization");
    assert_string_equal(tag_type_name(ENT_GROUP), "group");
    assert_string_equal(tag_type_name(ENT_COUNTRY), "country");
    assert_string_equal(tag_type_name(ENT_PLACE), "place");
}

/* ------------------------------------------------------------------ */
/* User rules                                                          */

static char *user_dir(const char *file, const char *content)
{
    char *dir = harness_rules_dir(file, content);
    assert_non_null(dir);
    return dir;
}

static void test_a_user_gazetteer_extends_the_tagger(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/places.tsv",
                         "# mine\nZorvathi\tvillage\tSyria\tZorvati\n");
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_OK);
    const char *text = "Shelling hit Zorvati overnight.";
    struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
    tag_run(t, doc);
    const struct mention *m = find(doc, "Zorvati", 0);
    assert_non_null(m);
    assert_int_equal(m->type, ENT_PLACE);
    assert_string_equal(m->canonical, "Zorvathi");
    doc_free(doc);
    tag_free(t);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/places.tsv");
}

/* tag_new reuses its key buffers from row to row: aliases long after
 * short and short after long are each found, as written, with other
 * vowels (skeleton key) and in another word order (sorted-words key).
 * Invented names. */
static void test_aliases_of_any_length_order_are_all_found(void **state)
{
    (void)state;
    char *dir = user_dir(
        "gazetteer/groups.tsv",
        "Qorvath Zendi Talmo Brigade\tgroup\t-\tVesh|Marun Dar Torvel Front\n"
        "Bab\tgroup\t-\tZultan Qarundi|Ox\n"
        "Kelvash Dunmarrow Ostiral Vennick Pardue\tgroup\t-\t-\n");
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_OK);
    static const char *const forms[][2] = {
        {"Qorvath Zendi Talmo Brigade", "Qorvath Zendi Talmo Brigade"},
        {"Qarvoth Zendi Tolma Brigade", "Qorvath Zendi Talmo Brigade"},
        {"Vesh", "Qorvath Zendi Talmo Brigade"},
        {"Torvel Dar Marun Front", "Qorvath Zendi Talmo Brigade"},
        {"Bab", "Bab"},
        {"Zultan Qarundi", "Bab"},
        {"Qarundi Zultan", "Bab"},
        {"Kelvash Dunmarrow Ostiral Vennick Pardue",
         "Kelvash Dunmarrow Ostiral Vennick Pardue"},
        {"Kelvosh Dunmarraw Ostiral Vennick Pardoe",
         "Kelvash Dunmarrow Ostiral Vennick Pardue"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        char text[160];
        snprintf(text, sizeof text, "Fighters of the %s attacked.",
                 forms[i][0]);
        struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
        tag_run(t, doc);
        const struct mention *m = find(doc, forms[i][0], 0);
        if (!m || !m->canonical)
            fprintf(stderr, "not found: %s\n", forms[i][0]);
        assert_non_null(m);
        assert_non_null(m->canonical);
        assert_string_equal(m->canonical, forms[i][1]);
        doc_free(doc);
    }
    tag_free(t);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/groups.tsv");
}

static void test_a_malformed_gazetteer_row_names_file_and_line(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/groups.tsv",
                         "# mine\nGood Group\tgroup\t-\t-\nBad Group\tgroup\n");
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_ERR_RULE);
    assert_null(t);
    assert_non_null(strstr(d.file, "gazetteer/groups.tsv"));
    assert_int_equal(d.line, 3);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/groups.tsv");
}

static void test_an_empty_alias_is_a_rule_error(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/places.tsv",
                         "Somewhere\tcity\t-\tA||B\n");
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_ERR_RULE);
    assert_int_equal(d.line, 1);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/places.tsv");
}

static void assert_same_mentions(const struct doc *a, const struct doc *b);

/* Invented aliases whose capitals come late ("vesh el Marun") and words
 * that lead into them, for the gazetteer run tests. */
static const char lowlead_gazetteer[] =
    "Vesh el Marun\tgroup\trebels\tbab Talmo Qarundi|dar el tor Zendi|"
    "bab el tor dar vesh el talmo Zendi\n";

/* A run of gazetteer words whose first capital is not its first word: a
 * phrase starting there is still tried at every length that reaches the
 * capital, the longest first. */
static void test_gazetteer_runs_with_a_late_capital_are_found(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/groups.tsv", lowlead_gazetteer);
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_OK);
    /* the last is MAX_PHRASE_WORDS long, after a word ("of") that may
     * start a run as long without a capital */
    static const char *const found[] = {
        "vesh el Marun", "bab Talmo Qarundi", "dar el tor Zendi",
        "Vesh el Marun", "bab el tor dar vesh el talmo Zendi"};
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        char text[128];
        snprintf(text, sizeof text, "Fighters of %s attacked.", found[i]);
        struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
        tag_run(t, doc);
        const struct mention *m = find(doc, found[i], 0);
        if (!m || !m->canonical || strcmp(m->canonical, "Vesh el Marun") != 0) {
            print_mentions(doc);
            fail_msg("'%s' not found as the group", found[i]);
        }
        doc_free(doc);
    }
    tag_free(t);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/groups.tsv");
}

/* A random text of `words` words of vocab in random case, some followed
 * by a mark instead of a space; NUL-terminated, returns its length. */
static size_t random_text(char *text, size_t cap, unsigned *seed, int words)
{
    static const char *const vocab[] = {
        "vesh", "el", "marun", "bab", "talmo", "qarundi", "dar", "tor",
        "zendi", "the", "of", "for", "and", "said", "minister", "foreign",
        "united", "nations", "islamic", "state", "new", "york", "red",
        "cross", "defence", "ministry", "president", "john", "smith",
        "forces", "army", "city", "al-vesh", "mr.", "u.s.", "european",
        "union", "north", "atlantic", "in", "near", "village", "spokesman",
        "vice", "prime", "deputy", "first", "crown", "prince", "air",
        "force", "armed", "town", "according", "to", "supreme", "leader",
        "river", "mountains", "j.", "told", "added", "sheikh", "liberman",
    };
    /* line breaks and possessives end phrases: the joins the skips
     * must not make, so they come often */
    static const char *const marks[] = {", ", ". ", "'s ", "\n", " - ",
                                        " (", ") ", ": ", "\n", "'s "};
    size_t n = 0;
    for (int k = 0; k < words; k++) {
        *seed = *seed * 1103515245u + 12345u;
        unsigned v = *seed >> 8;
        const char *w = vocab[v % (sizeof vocab / sizeof *vocab)];
        unsigned form = (v >> 8) % 5; /* lower, Capital x3, UPPER */
        for (size_t j = 0; w[j] && n + 8 < cap; j++) {
            char c = w[j];
            if (form == 4 || (form >= 1 && j == 0))
                c = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
            text[n++] = c;
        }
        const char *sep =
            (v >> 12) % 3 == 0
                ? marks[(v >> 16) % (sizeof marks / sizeof *marks)]
                : " ";
        for (size_t j = 0; sep[j] && n + 8 < cap; j++)
            text[n++] = sep[j];
    }
    text[n] = '\0';
    return n;
}

/* The tagger's skips (tagplain.h) change no mention: phrases split by a
 * line break or a possessive, surnames after full names, then random texts of gazetteer, title,
 * organisation and plain words in every case, tagged with and without,
 * by lines and by the segmenter's sentences. */
static void test_tagger_skips_match_the_plain_tagger(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/groups.tsv", lowlead_gazetteer);
    struct rules *r = NULL;
    struct tagger *fast = NULL, *plain = NULL;
    struct segmenter *seg = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &fast, &d), CD_OK);
    assert_int_equal(tag_new(r, &plain, &d), CD_OK);
    assert_int_equal(segment_new(r, &seg, &d), CD_OK);
    tag_set_plain(plain, true);
    static const char *const fixed[] = {
        "Talks began.\nThe Prime\nMinister John Smith said so.",
        "The Vice\nPresident John Smith spoke.",
        "The Vice's President John Smith spoke.",
        "Fighters of vesh el\nMarun attacked; bab\nTalmo Qarundi too.",
        "Fighters of dar el tor's Zendi attacked the Air\nForce base.",
        "Fighters of bab el tor dar vesh el talmo Zendi attacked.",
        "Fighters of the bab el tor dar vesh el talmo Zendi attacked.",
        /* surnames alone after full names (gen_surnames' key filter) */
        "John Smith met John al-Liberman. Smith, Liberman, Al-Liberman "
        "and Talmo said so; SMITH too.",
    };
    const size_t nfixed = sizeof fixed / sizeof *fixed;
    unsigned seed = 2024;
    char text[1024];
    for (size_t round = 0; round < 600 + nfixed; round++) {
        size_t n;
        if (round < nfixed) {
            n = strlen(fixed[round]);
            memcpy(text, fixed[round], n + 1);
        } else {
            n = random_text(text, sizeof text, &seed, 10 + (int)(round % 50));
        }
        struct doc *a = doc_new("test.txt", xstrdup(text), n);
        struct doc *b = doc_new("test.txt", xstrdup(text), n);
        if (round % 2) {
            segment_run(seg, a);
            segment_run(seg, b);
        }
        tag_run(fast, a);
        tag_run(plain, b);
        if (a->nmentions != b->nmentions)
            fprintf(stderr, "text: %s\n", text);
        assert_same_mentions(a, b);
        doc_free(a);
        doc_free(b);
    }
    segment_free(seg);
    tag_free(fast);
    tag_free(plain);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/groups.tsv");
}

/* gaz_lookup asks a word-pair filter before building the keys of a
 * multi-word phrase; it must let through every form the keys accept:
 * the alias as written, its words in another order (sorted-words key),
 * other vowels (skeleton key), a hyphenated word that folds to two, and
 * a word the alias repeats. Invented names, so nothing else knows them. */
static void test_word_pair_filter_hides_no_alias_form(void **state)
{
    (void)state;
    char *dir = user_dir("gazetteer/groups.tsv",
                         "Qorvath Zendi Brigade\tgroup\trebels\t"
                         "al-Vesh Qarundi|Talmo Talmo Front\n");
    struct rules *r = NULL;
    struct tagger *t = NULL;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(rules_new(dir, &r, &d), CD_OK);
    assert_int_equal(tag_new(r, &t, &d), CD_OK);
    static const char *const found[] = {
        "Qorvath Zendi Brigade", "Zendi Brigade Qorvath",
        "Qurvoth Zendoe Brigade", "al-Vesh Qarundi", "Qarundi al-Vesh",
        "Talmo Talmo Front",
    };
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        char text[128];
        snprintf(text, sizeof text, "Fighters of %s attacked.", found[i]);
        struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
        tag_run(t, doc);
        const struct mention *m = find(doc, found[i], 0);
        if (!m || !m->canonical ||
            strcmp(m->canonical, "Qorvath Zendi Brigade") != 0) {
            print_mentions(doc);
            fail_msg("'%s' not found as the brigade", found[i]);
        }
        doc_free(doc);
    }
    /* words of the alias, but not together in it: no alias */
    const char *text = "Fighters of Zendi Talmo attacked.";
    struct doc *doc = doc_new("test.txt", xstrdup(text), strlen(text));
    tag_run(t, doc);
    for (size_t i = 0; i < doc->nmentions; i++)
        assert_null(doc->mentions[i].canonical);
    doc_free(doc);
    tag_free(t);
    rules_free(r);
    harness_rules_dir_free(dir, "gazetteer/groups.tsv");
}

static void test_tag_free_accepts_null(void **state)
{
    (void)state;
    tag_free(NULL);
}

/* ---- the word cache: a warm tagger tags exactly like a cold one ------- */

static const char *const cache_texts[] = {
    "President Barack Obama met Secretary of State John Kerry in Geneva.\n"
    "Kerry said the Islamic State and al-Qaeda's Nusra Front lost ground.",
    "Obama's envoy and Kerry spoke to Sergei Lavrov, Russia's foreign "
    "minister, about Jabhat al-Nusra near the village of Fatisah.",
    "The U.S. Defense Ministry and the Syrian Center for Policy Research "
    "said 25 people died. “We will act,” said Lavrov. Mr Putin agreed.",
    "José Ángel Müller of the 10th Brigade told AFP in Zürich that the "
    "Free Syrian Army and the Kurdish forces met in Idlib province.",
};
#define NCACHE (sizeof cache_texts / sizeof *cache_texts)

static void assert_same_mentions(const struct doc *a, const struct doc *b)
{
    assert_int_equal(a->nmentions, b->nmentions);
    for (size_t i = 0; i < a->nmentions; i++) {
        const struct mention *x = &a->mentions[i], *y = &b->mentions[i];
        assert_int_equal(x->span.start, y->span.start);
        assert_int_equal(x->span.end, y->span.end);
        assert_int_equal(x->type, y->type);
        assert_string_equal(x->key, y->key);
        assert_true((x->canonical == NULL) == (y->canonical == NULL));
        if (x->canonical)
            assert_string_equal(x->canonical, y->canonical);
        assert_true((x->role == NULL) == (y->role == NULL));
        if (x->role)
            assert_string_equal(x->role, y->role);
        assert_int_equal(x->local, y->local);
    }
}

/* Each text tagged by a fresh tagger (nothing cached but its own words)
 * and by one that has tagged every text before, twice. */
static void test_a_warm_word_cache_changes_nothing(void **state)
{
    const struct fixture *f = *state;
    struct doc *cold[NCACHE];
    struct tagger *fresh_tag[NCACHE]; /* canonical names live in them */
    for (size_t i = 0; i < NCACHE; i++) {
        struct fixture fresh = *f;
        struct diag d;
        memset(&d, 0, sizeof d);
        assert_int_equal(tag_new(f->rules, &fresh.tag, &d), CD_OK);
        cold[i] = tagged(&fresh, cache_texts[i]);
        fresh_tag[i] = fresh.tag;
        assert_true(cold[i]->nmentions > 0);
    }
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < NCACHE; i++) {
            struct doc *warm = tagged(f, cache_texts[i]);
            assert_same_mentions(cold[i], warm);
            doc_free(warm);
        }
    for (size_t i = 0; i < NCACHE; i++) {
        doc_free(cold[i]);
        tag_free(fresh_tag[i]);
    }
}

/* ---- the per-document scratch: reuse leaves nothing behind ---------- */

/* Sentences "Given Surname said so." with distinct invented surnames:
 * enough names to fill the per-document maps past what a scratch keeps,
 * and (repeated) enough words to make the word array one it frees. */
static char *many_names(size_t names, size_t bytes)
{
    char *t = xmalloc(bytes + 64);
    size_t n = 0;
    for (size_t i = 0; n < bytes; i++) {
        size_t k = i % names;
        n += (size_t)snprintf(t + n, 64, "Varo Q%c%c%cosk said so. ",
                              'a' + (int)(k % 26), 'a' + (int)(k / 26 % 26),
                              'a' + (int)(k / 676 % 26));
    }
    return t;
}

/* Texts whose names would leak into the next document through a map or
 * buffer left full: a surname alone, a one-word company repeated, a bare
 * organisation that a qualified one would take over. */
static const char *const reuse_texts[] = {
    "Minister Arvid Kolbeck met budget airline Skyvane. Kolbeck said "
    "Skyvane flight 702 was late. The Russian Defense Ministry agreed.",
    "Kolbeck arrived. Skyvane stayed. The Defense Ministry spoke to "
    "Kolbeck and Skyvane.",
    "Inga Marsh said the Defense Ministry of Norway would reply. Marsh "
    "and Kolbeck met.",
};
#define NREUSE (sizeof reuse_texts / sizeof *reuse_texts)

/* Each text tagged alone by a fresh tagger and again by one tagger, in
 * an order where every text follows others (the huge ones too). */
static void test_a_reused_scratch_changes_nothing(void **state)
{
    const struct fixture *f = *state;
    char *huge = many_names(900, 1300000);
    char *big = many_names(900, 40000);
    const char *texts[NREUSE + 2] = {reuse_texts[0], reuse_texts[1],
                                     reuse_texts[2], huge, big};
    size_t nt = sizeof texts / sizeof *texts;
    struct doc *cold[NREUSE + 2];
    struct tagger *fresh_tag[NREUSE + 2];
    for (size_t i = 0; i < nt; i++) {
        struct fixture fresh = *f;
        struct diag d;
        memset(&d, 0, sizeof d);
        assert_int_equal(tag_new(f->rules, &fresh.tag, &d), CD_OK);
        cold[i] = tagged(&fresh, texts[i]);
        fresh_tag[i] = fresh.tag;
    }
    assert_true(cold[4]->nmentions >= 900); /* the maps did fill */
    const size_t order[] = {0, 1, 2, 4, 1, 3, 0, 1, 2, 3, 4, 0, 2, 1};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        struct doc *warm = tagged(f, texts[order[k]]);
        assert_same_mentions(cold[order[k]], warm);
        doc_free(warm);
    }
    for (size_t i = 0; i < nt; i++) {
        doc_free(cold[i]);
        tag_free(fresh_tag[i]);
    }
    free(huge);
    free(big);
}

/* ---- inline key hash and compare (keyhash.h) ------------------------ */

/* keyhash_same agrees with memcmp on keys of every length up to 40
 * differing at any one byte (and on random keys over two letters), and
 * keyhash_of gives equal bytes at any address one hash. Each key sits in
 * a buffer of exactly its size, so under ASan a read past it fails. */
static void test_key_compare_is_memcmp_and_reads_only_the_key(void **state)
{
    (void)state;
    unsigned seed = 7;
    for (size_t n = 0; n <= 40; n++) {
        for (size_t shift = 0; shift < 8; shift++) {
            char *a = xmalloc(n ? n : 1), *b = xmalloc(n + shift + 1);
            char *bs = b + shift;
            for (size_t i = 0; i < n; i++)
                a[i] = (char)('a' + rand_r(&seed) % 26);
            memcpy(bs, a, n);
            assert_true(keyhash_same(a, bs, n));
            assert_true(keyhash_of(a, n) == keyhash_of(bs, n));
            for (size_t i = 0; i < n; i++) {
                bs[i] ^= 0x01;
                assert_false(keyhash_same(a, bs, n));
                assert_false(keyhash_same(bs, a, n));
                bs[i] ^= 0x01;
            }
            for (int k = 0; k < 50; k++) {
                for (size_t i = 0; i < n; i++) {
                    a[i] = (char)('a' + rand_r(&seed) % 2);
                    bs[i] = (char)('a' + rand_r(&seed) % 2);
                }
                assert_int_equal(keyhash_same(a, bs, n),
                                 memcmp(a, bs, n) == 0);
            }
            free(a);
            free(b);
        }
    }
}

struct tag_thread {
    const struct fixture *f;
    struct doc *docs[NCACHE * 8];
};

static void *tag_all(void *arg)
{
    struct tag_thread *t = arg;
    for (size_t i = 0; i < NCACHE * 8; i++)
        t->docs[i] = tagged(t->f, cache_texts[i % NCACHE]);
    return NULL;
}

/* Threads sharing a tagger (and so its pool of caches) get what one
 * thread alone gets. */
static void test_threads_share_a_tagger(void **state)
{
    const struct fixture *f = *state;
    static struct tag_thread th[3];
    pthread_t id[3];
    for (int k = 0; k < 3; k++) {
        th[k].f = f;
        assert_int_equal(pthread_create(&id[k], NULL, tag_all, &th[k]), 0);
    }
    for (int k = 0; k < 3; k++)
        assert_int_equal(pthread_join(id[k], NULL), 0);
    for (size_t i = 0; i < NCACHE * 8; i++) {
        for (int k = 1; k < 3; k++)
            assert_same_mentions(th[0].docs[i], th[k].docs[i]);
        for (int k = 0; k < 3; k++)
            doc_free(th[k].docs[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_title_before_a_name_is_the_role),
        cmocka_unit_test(test_a_title_with_an_of_chain_finds_the_name_after_it),
        cmocka_unit_test(test_a_title_with_no_name_makes_no_person),
        cmocka_unit_test(test_a_known_given_name_and_a_capital_are_a_person),
        cmocka_unit_test(test_particle_names_keep_their_article),
        cmocka_unit_test(test_every_name_particle_joins_a_name),
        cmocka_unit_test(test_words_end_at_punctuation_and_join_at_joiners),
        cmocka_unit_test(test_a_role_in_apposition_is_taken),
        cmocka_unit_test(test_speech_frames_make_unknown_names_people),
        cmocka_unit_test(test_a_surname_alone_joins_the_full_name),
        cmocka_unit_test(test_countries_match_everyday_forms),
        cmocka_unit_test(test_an_acronym_alias_needs_capitals),
        cmocka_unit_test(test_a_sentence_starting_with_let_names_no_group),
        cmocka_unit_test(test_demonyms_are_not_entities),
        cmocka_unit_test(test_places_come_from_the_gazetteer_and_cues),
        cmocka_unit_test(test_organisation_heads_make_organisations),
        cmocka_unit_test(test_lower_case_heads_alone_are_no_organisation),
        cmocka_unit_test(test_groups_and_aliases_are_known),
        cmocka_unit_test(test_inverted_group_names_share_the_canonical),
        cmocka_unit_test(test_outlets_are_organisations_but_credits_are_not),
        cmocka_unit_test(test_a_company_shown_by_its_flight_is_one_everywhere),
        cmocka_unit_test(test_sentence_initial_capitals_alone_are_no_name),
        cmocka_unit_test(test_headline_title_case_is_no_evidence),
        cmocka_unit_test(test_mentions_never_come_from_boilerplate),
        cmocka_unit_test(test_mentions_are_in_text_order_with_exact_spans),
        cmocka_unit_test(test_keys_fold_transliteration_variants),
        cmocka_unit_test(test_type_names_follow_the_contract),
        cmocka_unit_test(test_a_warm_word_cache_changes_nothing),
        cmocka_unit_test(test_a_reused_scratch_changes_nothing),
        cmocka_unit_test(test_key_compare_is_memcmp_and_reads_only_the_key),
        cmocka_unit_test(test_threads_share_a_tagger),
    };
    const struct CMUnitTest rule_tests[] = {
        cmocka_unit_test(test_a_user_gazetteer_extends_the_tagger),
        cmocka_unit_test(test_aliases_of_any_length_order_are_all_found),
        cmocka_unit_test(test_word_pair_filter_hides_no_alias_form),
        cmocka_unit_test(test_gazetteer_runs_with_a_late_capital_are_found),
        cmocka_unit_test(test_tagger_skips_match_the_plain_tagger),
        cmocka_unit_test(test_a_malformed_gazetteer_row_names_file_and_line),
        cmocka_unit_test(test_an_empty_alias_is_a_rule_error),
        cmocka_unit_test(test_tag_free_accepts_null),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    return failed + cmocka_run_group_tests(rule_tests, NULL, NULL);
}
