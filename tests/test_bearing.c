/* test_bearing.c - where a place lies within its country (bearing.h).
 *
 * Every test runs the whole pipeline (tests/harness.c) on short invented
 * wire stories, then looks at the bearing claims of doc->claims or at
 * the comparisons bearing_compare made.
 */
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

#include "claimdiff/bearing.h"
#include "claimdiff/diag.h"
#include "claimdiff/wordmask.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/doc.h"
#include "claimdiff/tag.h"
#include "harness.h"
#include "rulesdir.h"

/* ---- harness ------------------------------------------------------------- */

#define FLOOD_HEAD "Floods cut off towns in Iraq\n\n"
#define FLOOD_END                                                             \
    " Officials in Baghdad said the United Nations would send aid to "       \
    "Iraq.\n"

static struct corpus *one(void **state, const char *text)
{
    const char *texts[] = {text, NULL};
    return harness_pipeline(*state, texts);
}

static struct corpus *two(void **state, const char *a, const char *b)
{
    const char *texts[] = {a, b, NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    assert_int_equal(c->docs[0]->story, c->docs[1]->story);
    return c;
}

static size_t count_bearings(const struct doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        n += bearing_is_claim(&doc->claims[i]);
    return n;
}

/* The first bearing claim of doc; fails the test if there is none. */
static const struct claim *bearing(const struct doc *doc)
{
    for (size_t i = 0; i < doc->nclaims; i++)
        if (bearing_is_claim(&doc->claims[i]))
            return &doc->claims[i];
    fail_msg("no bearing claim");
    return NULL;
}

static bool words_are(const struct doc *doc, struct span s, const char *want)
{
    size_t n = strlen(want);
    if (s.end - s.start == n && !memcmp(doc->text + s.start, want, n))
        return true;
    fprintf(stderr, "span is '%.*s', want '%s'\n", (int)(s.end - s.start),
            doc->text + s.start, want);
    return false;
}

/* The bearing claim of doc places the mention reading `place`, with the
 * words `span` and the bearing `dir`. */
static void assert_bearing(const struct doc *doc, const char *place,
                           const char *dir, const char *span)
{
    const struct claim *cl = bearing(doc);
    assert_string_equal(cl->text, dir);
    assert_true(words_are(doc, cl->span, span));
    assert_true(cl->mention_idx >= 0);
    assert_true(words_are(doc, doc->mentions[cl->mention_idx].span, place));
}

/* The bearing comparison of c, or NULL. */
static const struct comparison *bearing_cmp(const struct corpus *c)
{
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (strstr(c->comparisons[i].topic, "where in its country"))
            return &c->comparisons[i];
    return NULL;
}

/* Two stories that locate one place, each with its own phrase. */
static const struct comparison *compare_two(void **state, struct corpus **c,
                                            const char *a, const char *b)
{
    char ta[512], tb[512];
    snprintf(ta, sizeof ta, FLOOD_HEAD "Heavy rain hit %s on Monday." FLOOD_END,
             a);
    snprintf(tb, sizeof tb,
             FLOOD_HEAD "Rivers burst their banks in %s on Monday." FLOOD_END,
             b);
    *c = two(state, ta, tb);
    return bearing_cmp(*c);
}

/* ---- claims -------------------------------------------------------------- */

static void test_the_northwestern_city_of_x_lies_north_west(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Heavy rain hit the "
                                  "northwestern city of Mosul on Monday."
                                  FLOOD_END);
    assert_bearing(c->docs[0], "Mosul", "north-west",
                   "the northwestern city of Mosul");
    assert_int_equal(bearing(c->docs[0])->object, -1);
    corpus_free(c);
}

static void test_x_in_southern_country_names_the_country(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Basra, in southern Iraq, was "
                                  "hit by heavy rain on Monday." FLOOD_END);
    const struct doc *doc = c->docs[0];
    assert_bearing(doc, "Basra", "south", "in southern Iraq");
    int y = bearing(doc)->object;
    assert_true(y >= 0);
    assert_true(words_are(doc, doc->mentions[y].span, "Iraq"));
    corpus_free(c);
}

static void test_x_lies_in_the_east_of_the_country(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Kirkuk lies in the east of the "
                                  "country and was flooded on Monday."
                                  FLOOD_END);
    assert_bearing(c->docs[0], "Kirkuk", "east", "in the east of the country");
    corpus_free(c);
}

static void test_an_apposition_may_stand_before_the_direction(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Heavy rain hit Erbil, a busy "
                                  "market town in north-eastern Iraq, on "
                                  "Monday." FLOOD_END);
    assert_bearing(c->docs[0], "Erbil", "north-east",
                   "in north-eastern Iraq");
    corpus_free(c);
}

static void test_a_country_possessive_locates_the_place_after(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Heavy rain hit northern Iraq's "
                                  "Mosul on Monday." FLOOD_END);
    assert_bearing(c->docs[0], "Mosul", "north", "northern Iraq's Mosul");
    corpus_free(c);
}

static void test_the_city_refers_to_the_one_city_named_before(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Aid trucks reached the city of "
                                  "Mosul on Monday.\n\nThe city, a river port "
                                  "in the north of the country, had been cut "
                                  "off for days." FLOOD_END);
    assert_bearing(c->docs[0], "Mosul", "north", "in the north of the country");
    /* the claim is told in the second sentence, its place in the first */
    const struct claim *cl = bearing(c->docs[0]);
    assert_true(c->docs[0]->mentions[cl->mention_idx].span.end <
                cl->span.start);
    corpus_free(c);
}

static void test_the_city_after_two_cities_refers_to_none(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Aid trucks reached Mosul and "
                                  "Basra on Monday.\n\nThe city, a river port "
                                  "in the north of the country, had been cut "
                                  "off for days." FLOOD_END);
    assert_int_equal(count_bearings(c->docs[0]), 0);
    corpus_free(c);
}

static void test_a_direction_inside_a_city_is_not_within_its_country(
    void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Water rose in eastern Mosul on "
                                  "Monday. Kirkuk, in the east of the city, "
                                  "was spared. Rain hit the eastern district "
                                  "of Basra. The suburb of Zarvan, in "
                                  "western Basra, was flooded." FLOOD_END);
    assert_int_equal(count_bearings(c->docs[0]), 0);
    corpus_free(c);
}

static void test_a_country_the_place_is_not_in_gives_no_bearing(void **state)
{
    struct corpus *c = one(state, FLOOD_HEAD "Mosul, in southern France, was "
                                  "hit by heavy rain on Monday." FLOOD_END);
    assert_int_equal(count_bearings(c->docs[0]), 0);
    corpus_free(c);
}

/* ---- verdicts ------------------------------------------------------------ */

static void test_the_same_bearing_agrees(void **state)
{
    struct corpus *c;
    const struct comparison *k =
        compare_two(state, &c, "the northern city of Mosul",
                    "Mosul, in northern Iraq,");
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    assert_string_equal(k->note, "north");
    corpus_free(c);
}

static void test_bearings_45_degrees_apart_are_partial(void **state)
{
    struct corpus *c;
    const struct comparison *k =
        compare_two(state, &c, "the northern city of Mosul",
                    "Mosul, in north-western Iraq,");
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_PARTIAL);
    assert_string_equal(k->note, "north vs north-west");
    corpus_free(c);
}

static void test_bearings_90_degrees_apart_are_partial(void **state)
{
    struct corpus *c;
    const struct comparison *k =
        compare_two(state, &c, "the northern city of Mosul",
                    "Mosul, in western Iraq,");
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_bearings_135_degrees_apart_conflict(void **state)
{
    struct corpus *c;
    const struct comparison *k =
        compare_two(state, &c, "the north west city of Mosul",
                    "Mosul, in eastern Iraq,");
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_CONFLICT);
    assert_string_equal(k->note, "north-west vs east");
    assert_string_equal(k->topic, "Mosul: where in its country");
    corpus_free(c);
}

static void test_bearings_are_not_compared_as_role_wording(void **state)
{
    struct corpus *c;
    const struct comparison *k =
        compare_two(state, &c, "the southern city of Mosul",
                    "the northern city of Mosul");
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_CONFLICT);
    size_t roles = 0;
    for (size_t i = 0; i < c->ncomparisons; i++)
        roles += c->comparisons[i].kind == CLAIM_ROLE;
    assert_int_equal(roles, 1);
    corpus_free(c);
}

static void test_bearings_in_two_countries_are_not_compared(void **state)
{
    struct corpus *c;
    /* a place the gazetteer does not know, so both countries pass */
    const struct comparison *k =
        compare_two(state, &c, "the town of Zarvan, in northern Iraq,",
                    "the town of Zarvan, in southern Syria,");
    assert_int_equal(count_bearings(c->docs[0]), 1);
    assert_int_equal(count_bearings(c->docs[1]), 1);
    assert_null(k);
    corpus_free(c);
}

/* A two-word compass word whose first word is none on its own: sentences
 * are skipped, and tokens ruled out, by the compass words' first words. */
static void test_a_two_word_compass_word_is_found_by_its_first(void **state)
{
    (void)state;
    /* spaced as in the text */
    char *dir =
        harness_rules_dir("claims/bearings.tsv", "uttermost  north\t0\n");
    assert_non_null(dir);
    struct fixture *f = harness_fixture_new(dir);
    assert_non_null(f);
    const char *texts[] = {FLOOD_HEAD "Basra, in Uttermost  North Iraq, was "
                           "hit by heavy rain on Monday." FLOOD_END, NULL};
    struct corpus *c = harness_pipeline(f, texts);
    assert_bearing(c->docs[0], "Basra", "north", "in Uttermost  North Iraq");
    corpus_free(c);
    void *fs = f;
    harness_teardown(&fs);
    harness_rules_dir_free(dir, "claims/bearings.tsv");
}

/* ---- token masks --------------------------------------------------------- */

/* The claims bearing_claims adds to doc when it starts with none, copied
 * into *out (the caller frees it); their number. */
static size_t bearings_of(const struct bearer *b, struct doc *doc,
                          const struct wordmask_doc *masks,
                          struct claim **out)
{
    doc->nclaims = 0;
    bearing_claims(b, doc, masks);
    *out = malloc((doc->nclaims + 1) * sizeof **out);
    if (doc->nclaims)
        memcpy(*out, doc->claims, doc->nclaims * sizeof **out);
    return doc->nclaims;
}

/* The masks of a wordmask bearing_index filled stand in for the bearer's
 * own filter: random sentences over compass words (one and two words),
 * nouns and places, in every case, give exactly the claims of the plain
 * path. The table sits above one of another user that shares a word. */
static void test_token_masks_give_the_bearings_of_the_filter(void **state)
{
    const struct fixture *f = *state;
    /* fragments as well as words, so that the patterns come together */
    static const char *const words[] = {
        "the northwestern city of", "the north west of", "in eastern",
        "in the east of the country", "southern", "north-eastern",
        "north east", "south", "west", "city", "town of", "a market town in",
        "the", "of", "in", "Mosul", "Basra", "Kirkuk", "Erbil", "Iraq",
        "Iraq's", "country", "lies", "rain hit", "and", "province",
    };
    struct bearer *b;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(bearing_new(f->rules, &b, &d), CD_OK);
    struct wordmask *wm = wordmask_new();
    wordmask_add(wm, 1, "north", 5, false);
    assert_false(bearing_index(b, wm, WORDMASK_TABLES));
    assert_true(bearing_index(b, wm, 30));
    unsigned seed = 11;
    size_t total = 0;
    for (int round = 0; round < 300; round++) {
        char *text = harness_random_text(words, sizeof words / sizeof *words,
                                         40, &seed);
        struct doc *doc = harness_tagged(f, text);
        struct wordmask_doc *masks = harness_masks(wm, doc);
        struct claim *plain, *masked;
        size_t n = bearings_of(b, doc, NULL, &plain);
        size_t m = bearings_of(b, doc, masks, &masked);
        if (n != m || !harness_same_claims(plain, masked, n))
            fail_msg("round %d: %zu claims plain, %zu with masks in: %s",
                     round, n, m, text);
        total += n;
        free(plain);
        free(masked);
        harness_masks_free(masks);
        doc_free(doc);
        free(text);
    }
    /* the texts must tell bearings, or the test compares nothing */
    assert_true(total > 30);
    wordmask_free(wm);
    bearing_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_northwestern_city_of_x_lies_north_west),
        cmocka_unit_test(test_a_two_word_compass_word_is_found_by_its_first),
        cmocka_unit_test(test_x_in_southern_country_names_the_country),
        cmocka_unit_test(test_x_lies_in_the_east_of_the_country),
        cmocka_unit_test(test_an_apposition_may_stand_before_the_direction),
        cmocka_unit_test(test_a_country_possessive_locates_the_place_after),
        cmocka_unit_test(test_the_city_refers_to_the_one_city_named_before),
        cmocka_unit_test(test_the_city_after_two_cities_refers_to_none),
        cmocka_unit_test(
            test_a_direction_inside_a_city_is_not_within_its_country),
        cmocka_unit_test(test_a_country_the_place_is_not_in_gives_no_bearing),
        cmocka_unit_test(test_the_same_bearing_agrees),
        cmocka_unit_test(test_bearings_45_degrees_apart_are_partial),
        cmocka_unit_test(test_bearings_90_degrees_apart_are_partial),
        cmocka_unit_test(test_bearings_135_degrees_apart_conflict),
        cmocka_unit_test(test_bearings_are_not_compared_as_role_wording),
        cmocka_unit_test(test_bearings_in_two_countries_are_not_compared),
        cmocka_unit_test(test_token_masks_give_the_bearings_of_the_filter),
    };
    return cmocka_run_group_tests(tests, harness_setup, harness_teardown);
}
