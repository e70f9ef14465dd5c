/* test_link.c - one entity per referent across documents (link.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"

struct fixture {
    struct rules *rules;
    struct segmenter *seg;
    struct tagger *tag;
    struct linker *link;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(NULL, &f->rules, &d) != CD_OK ||
        segment_new(f->rules, &f->seg, &d) != CD_OK ||
        tag_new(f->rules, &f->tag, &d) != CD_OK ||
        link_new(f->rules, &f->link, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    link_free(f->link);
    tag_free(f->tag);
    segment_free(f->seg);
    rules_free(f->rules);
    free(f);
    return 0;
}

static const struct fixture *f_of(void **state)
{
    return *state;
}

/* A linked corpus of the NULL-terminated texts. */
static struct corpus *linked(const struct fixture *f, const char *const *texts)
{
    struct corpus *c = corpus_new();
    for (size_t i = 0; texts[i]; i++) {
        struct doc *doc = doc_new("test.txt", xstrdup(texts[i]),
                                  strlen(texts[i]));
        segment_run(f->seg, doc);
        tag_run(f->tag, doc);
        corpus_add(c, doc);
    }
    link_run(f->link, c);
    return c;
}

/* The entity holding the mention with exactly these words in document
 * d, or NULL. */
static const struct entity *entity_of(const struct corpus *c, size_t d,
                                      const char *words)
{
    const struct doc *doc = c->docs[d];
    size_t n = strlen(words);
    for (size_t i = 0; i < doc->nmentions; i++) {
        const struct mention *m = &doc->mentions[i];
        if (m->span.end - m->span.start == n &&
            memcmp(doc->text + m->span.start, words, n) == 0)
            return m->entity ? &c->entities[m->entity - 1] : NULL;
    }
    return NULL;
}

static bool has_alias(const struct entity *e, const char *a)
{
    for (size_t i = 0; i < e->naliases; i++)
        if (strcmp(e->aliases[i], a) == 0)
            return true;
    return false;
}

static void test_transliterations_are_one_person(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Defence Minister Sergey Shoigu arrived.",
                           "Defence Minister Sergei Shoigu left.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a = entity_of(c, 0, "Sergey Shoigu");
    const struct entity *b = entity_of(c, 1, "Sergei Shoigu");
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_int_equal(a->type, ENT_PERSON);
    assert_int_equal(a->naliases, 2);
    assert_int_equal(a->nroles, 1);
    assert_string_equal(a->roles[0], "Defence Minister");
    assert_int_equal(a->nmentions, 2);
    assert_int_equal(a->mentions[0].doc, 0);
    assert_int_equal(a->mentions[1].doc, 1);
    corpus_free(c);
}

static void test_a_surname_in_another_document_joins_the_full_name(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"The analyst Piotr Dutkiewicz spoke.",
                           "\"It is over,\" said Dutkiewicz.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a = entity_of(c, 0, "Piotr Dutkiewicz");
    const struct entity *b = entity_of(c, 1, "Dutkiewicz");
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_string_equal(a->name, "Piotr Dutkiewicz");
    assert_true(has_alias(a, "Dutkiewicz"));
    corpus_free(c);
}

static void test_two_people_with_one_surname_stay_apart(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Senator John Smithfield voted no.",
                           "Her sister Mary Smithfield voted yes.",
                           "\"No,\" said Smithfield.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a = entity_of(c, 0, "John Smithfield");
    const struct entity *b = entity_of(c, 1, "Mary Smithfield");
    const struct entity *s = entity_of(c, 2, "Smithfield");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(s);
    assert_ptr_not_equal(a, b);
    assert_ptr_not_equal(s, a); /* ambiguous: joins neither */
    assert_ptr_not_equal(s, b);
    corpus_free(c);
}

static void test_an_initial_is_compatible_with_the_given_name(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Minister Sergei Rudskoi spoke.",
                           "Minister S. Rudskoy spoke.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a = entity_of(c, 0, "Sergei Rudskoi");
    assert_non_null(a);
    assert_ptr_equal(a, entity_of(c, 1, "S. Rudskoy"));
    corpus_free(c);
}

static void test_inverted_group_aliases_are_one_group(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Fighters of the al-Nusra Front attacked.",
                           "The group “dzhebhat an-Nusra” attacked.",
                           "Units of al-Nusra Dzhebhat withdrew.",
                           "The Jabhat al-Nusra fighters left.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *e = entity_of(c, 0, "al-Nusra Front");
    assert_non_null(e);
    assert_ptr_equal(e, entity_of(c, 1, "dzhebhat an-Nusra"));
    assert_ptr_equal(e, entity_of(c, 2, "al-Nusra Dzhebhat"));
    assert_ptr_equal(e, entity_of(c, 3, "Jabhat al-Nusra"));
    assert_int_equal(e->type, ENT_GROUP);
    assert_string_equal(e->name, "al-Nusra Front");
    assert_int_equal(e->naliases, 4);
    corpus_free(c);
}

static void test_unknown_names_join_through_the_vowel_skeleton(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Jets flew from the Hmeimim air base.",
                           "Jets flew from the Hmeymim air base.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *e = entity_of(c, 0, "Hmeimim air base");
    assert_non_null(e);
    assert_ptr_equal(e, entity_of(c, 1, "Hmeymim air base"));
    corpus_free(c);
}

static void test_a_bare_ministry_joins_the_one_qualified_ministry(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"The Russian Defense Ministry said so.",
                           "The Ministry of defense of Russia said so.",
                           "The defence ministry said so.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *e = entity_of(c, 0, "Russian Defense Ministry");
    assert_non_null(e);
    assert_ptr_equal(e, entity_of(c, 1, "Ministry of defense of Russia"));
    assert_ptr_equal(e, entity_of(c, 2, "defence ministry"));
    assert_string_equal(e->name, "Ministry of defense of Russia");
    corpus_free(c);
}

static void test_a_short_form_joins_its_one_long_form(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {
        "The Russian center for conciliation of opposing parties said so.",
        "The Russian Center for reconciliation said so.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *e =
        entity_of(c, 0, "Russian center for conciliation of opposing parties");
    assert_non_null(e);
    assert_ptr_equal(e, entity_of(c, 1, "Russian Center for reconciliation"));
    corpus_free(c);
}

static void test_a_short_form_of_two_long_forms_stays_apart(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {
        "The Syrian Center for Studies of Economy published it.",
        "The Syrian Center for Studies of Security published it.",
        "The Syrian Center for Studies published it.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a =
        entity_of(c, 0, "Syrian Center for Studies of Economy");
    const struct entity *b =
        entity_of(c, 1, "Syrian Center for Studies of Security");
    const struct entity *s = entity_of(c, 2, "Syrian Center for Studies");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(s);
    assert_ptr_not_equal(a, b);
    assert_ptr_not_equal(s, a);
    assert_ptr_not_equal(s, b);
    corpus_free(c);
}

static void test_two_stories_of_one_region_stay_apart(void **state)
{
    /* Both stories name Russia, Syria and Turkey; each has its own
     * aircraft, place and people, and no dates to tell them apart. */
#define STORY_A "Russia, Syria and Turkey traded blame after a helicopter " \
                "was lost. General Ivan Petrovsky, Colonel Pavel Orlov " \
                "and Major Oleg Sidorov "
#define STORY_B "Russia, Syria and Turkey traded blame after a jet was " \
                "lost. Colonel Omar Haddad, Major Sami Khoury and " \
                "Captain Adel Nasser "
    const char *texts[] = {
        STORY_A "spoke.\n", STORY_B "spoke.\n", STORY_A "wept.\n",
        STORY_B "wept.\n", STORY_A "left.\n", STORY_B "left.\n", NULL};
#undef STORY_A
#undef STORY_B
    struct corpus *c = linked(f_of(state), texts);
    assert_int_equal(c->docs[0]->story, c->docs[2]->story);
    assert_int_equal(c->docs[0]->story, c->docs[4]->story);
    assert_int_equal(c->docs[1]->story, c->docs[3]->story);
    assert_int_equal(c->docs[1]->story, c->docs[5]->story);
    assert_int_not_equal(c->docs[0]->story, c->docs[1]->story);
    corpus_free(c);
}

static void test_unfamiliar_shared_names_make_one_story(void **state)
{
    /* No gazetteer knows these invented names, and no document names
     * them the way another does; what ties each story together is that
     * its documents repeat them. */
    const char *texts[] = {
        "A bridge fell into the river at Drenholt overnight. The old "
        "Quarvik crossing had been shut since spring, engineers said.\n",
        "Engineers blamed rust for the fall of the Quarvik bridge. Traffic "
        "to Drenholt was sent over the hills.\n",
        "A pedestrian bridge gave way near Drenholt, and engineers said the "
        "Quarvik crossing would be rebuilt.\n",
        "Workers at the Osterline plant walked out over pay, and the union "
        "in Mirabelt said the strike would go on.\n",
        "The strike at Osterline spread to a second plant in Mirabelt as "
        "talks failed.\n",
        NULL};
    struct corpus *c = linked(f_of(state), texts);
    assert_int_equal(c->docs[0]->story, c->docs[1]->story);
    assert_int_equal(c->docs[0]->story, c->docs[2]->story);
    assert_int_equal(c->docs[3]->story, c->docs[4]->story);
    assert_int_not_equal(c->docs[0]->story, c->docs[3]->story);
    corpus_free(c);
}

static void test_common_capitals_do_not_join_stories(void **state)
{
    /* The two share only words capitalised for other reasons: a
     * weekday, a month, a title, a sentence's first word, and a word
     * the corpus also writes in lower case. */
    const char *texts[] = {
        "Water rose through the night on Monday, and in June the "
        "President said the Harbour would stay shut. Volunteers filled "
        "sandbags while the harbour emptied.\n",
        "Prices fell sharply on Monday, and in June the President said "
        "the Harbour rules would change. Volunteers counted the losses "
        "as traders left.\n",
        NULL};
    struct corpus *c = linked(f_of(state), texts);
    assert_int_not_equal(c->docs[0]->story, c->docs[1]->story);
    corpus_free(c);
}

static void test_gazetteer_aliases_share_the_canonical_name(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Talks with the US went on.",
                           "The United States objected.",
                           "America said no.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *e = entity_of(c, 0, "US");
    assert_non_null(e);
    assert_ptr_equal(e, entity_of(c, 1, "United States"));
    assert_ptr_equal(e, entity_of(c, 2, "America"));
    assert_string_equal(e->name, "United States");
    assert_int_equal(e->type, ENT_COUNTRY);
    corpus_free(c);
}

static void test_entities_follow_the_order_of_first_mention(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"Moscow and Aleppo.", "Aleppo and Damascus.", NULL};
    struct corpus *c = linked(f, texts);
    assert_int_equal(c->nentities, 3);
    assert_string_equal(c->entities[0].name, "Moscow");
    assert_string_equal(c->entities[1].name, "Aleppo");
    assert_string_equal(c->entities[2].name, "Damascus");
    assert_int_equal(c->entities[1].nmentions, 2);
    corpus_free(c);
}

static void test_different_types_never_merge(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {"They reached Lake Assad.",
                           "President Bashar al-Assad spoke.", NULL};
    struct corpus *c = linked(f, texts);
    const struct entity *a = entity_of(c, 0, "Lake Assad");
    const struct entity *b = entity_of(c, 1, "Bashar al-Assad");
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    corpus_free(c);
}

/* Names joined by hash must give the partition that sorting gave: two
 * mentions are one entity exactly when their names are equal, whatever
 * order the documents name them in, and entities keep the order of
 * first mention. Random documents over a few gazetteer places. */
static void test_equal_names_join_in_any_order(void **state)
{
    const struct fixture *f = *state;
    static const char *const places[] = {"Moscow", "Aleppo", "Damascus",
                                         "Paris", "Berlin", "Cairo"};
    enum { NPLACES = 6, NDOCS = 12, PER_DOC = 4, ROUNDS = 8 };
    uint32_t seed = 12345;
    for (int round = 0; round < ROUNDS; round++) {
        char *texts[NDOCS + 1];
        size_t pick[NDOCS][PER_DOC];
        for (size_t d = 0; d < NDOCS; d++) {
            char buf[256];
            size_t o = 0;
            for (size_t k = 0; k < PER_DOC; k++) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                pick[d][k] = seed % NPLACES;
                o += (size_t)snprintf(buf + o, sizeof buf - o,
                                      "They went to %s. ",
                                      places[pick[d][k]]);
            }
            texts[d] = xstrdup(buf);
        }
        texts[NDOCS] = NULL;
        struct corpus *c = linked(f, (const char *const *)texts);
        const struct entity *seen[NPLACES] = {0};
        size_t next = 0;
        for (size_t d = 0; d < NDOCS; d++)
            for (size_t k = 0; k < PER_DOC; k++) {
                const struct entity *e = entity_of(c, d, places[pick[d][k]]);
                assert_non_null(e);
                if (!seen[pick[d][k]]) {
                    /* a new name is the next entity, and no other's */
                    assert_ptr_equal(e, &c->entities[next++]);
                    seen[pick[d][k]] = e;
                }
                assert_ptr_equal(e, seen[pick[d][k]]);
            }
        assert_int_equal(c->nentities, next);
        corpus_free(c);
        for (size_t d = 0; d < NDOCS; d++)
            free(texts[d]);
    }
}

static void test_an_empty_corpus_links_to_nothing(void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {NULL};
    struct corpus *c = linked(f, texts);
    assert_int_equal(c->nentities, 0);
    corpus_free(c);
}

static void test_link_free_accepts_null(void **state)
{
    (void)state;
    link_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transliterations_are_one_person),
        cmocka_unit_test(test_a_surname_in_another_document_joins_the_full_name),
        cmocka_unit_test(test_two_people_with_one_surname_stay_apart),
        cmocka_unit_test(test_an_initial_is_compatible_with_the_given_name),
        cmocka_unit_test(test_inverted_group_aliases_are_one_group),
        cmocka_unit_test(test_unknown_names_join_through_the_vowel_skeleton),
        cmocka_unit_test(test_a_bare_ministry_joins_the_one_qualified_ministry),
        cmocka_unit_test(test_a_short_form_joins_its_one_long_form),
        cmocka_unit_test(test_a_short_form_of_two_long_forms_stays_apart),
        cmocka_unit_test(test_two_stories_of_one_region_stay_apart),
        cmocka_unit_test(test_unfamiliar_shared_names_make_one_story),
        cmocka_unit_test(test_common_capitals_do_not_join_stories),
        cmocka_unit_test(test_gazetteer_aliases_share_the_canonical_name),
        cmocka_unit_test(test_entities_follow_the_order_of_first_mention),
        cmocka_unit_test(test_different_types_never_merge),
        cmocka_unit_test(test_equal_names_join_in_any_order),
        cmocka_unit_test(test_an_empty_corpus_links_to_nothing),
        cmocka_unit_test(test_link_free_accepts_null),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
