/* test_compare.c - stories, events, slots and verdicts (compare.h).
 *
 * Every test runs the whole pipeline as main.c does on two or more short
 * invented wire stories and looks at corpus->comparisons. Stories that
 * are meant to be one share at least three entities (Russia, Syria,
 * Turkey), as the comparator joins documents into stories by shared
 * entities.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/anchor.h"
#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"
#include "harness.h"

/* ---- harness ------------------------------------------------------------- */

static struct corpus *two(void **state, const char *a, const char *b)
{
    const char *texts[] = {a, b, NULL};
    return harness_pipeline(*state, texts);
}

static const struct claim *value_claim(const struct corpus *c,
                                       const struct comparison *k, size_t i)
{
    return claim_nth(c->docs[k->values[i].doc], k->values[i].claim);
}

/* Values of k come from at least two different documents. */
static bool across_docs(const struct comparison *k)
{
    for (size_t i = 1; i < k->nvalues; i++)
        if (k->values[i].doc != k->values[0].doc)
            return true;
    return false;
}

/* The first comparison of this kind over two documents or more whose
 * first value has this class and slot (NULL: any); NULL if none. */
static const struct comparison *find_cmp(const struct corpus *c,
                                         enum claim_kind kind,
                                         const char *cls, const char *slot)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (k->kind != kind || !across_docs(k))
            continue;
        const struct claim *cl = value_claim(c, k, 0);
        if (cls && (!cl->cls || strcmp(cl->cls, cls)))
            continue;
        if (slot && (!cl->slot || strcmp(cl->slot, slot)))
            continue;
        return k;
    }
    return NULL;
}

static size_t count_verdict(const struct corpus *c, enum verdict v)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ncomparisons; i++)
        n += c->comparisons[i].verdict == v;
    return n;
}

/* On failure, show what the comparator made. */
static void dump(const struct corpus *c)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        fprintf(stderr, "  %s [%s] %s: %s\n", k->topic,
                claim_kind_name(k->kind), verdict_name(k->verdict),
                k->note ? k->note : "");
    }
}

static void assert_verdict(const struct corpus *c, const struct comparison *k,
                           enum verdict want)
{
    if (!k || k->verdict != want) {
        fprintf(stderr, "want %s; comparisons:\n", verdict_name(want));
        dump(c);
    }
    assert_non_null(k);
    assert_int_equal(k->verdict, want);
}

static void assert_no_conflict(const struct corpus *c)
{
    if (count_verdict(c, VERDICT_CONFLICT)) {
        fprintf(stderr, "want no conflict; comparisons:\n");
        dump(c);
    }
    assert_int_equal(count_verdict(c, VERDICT_CONFLICT), 0);
}

/* ---- numbers ------------------------------------------------------------- */

#define HELI_A "Helicopter downed in Syria\n\n"
#define HELI_B "Russian helicopter lost\n\n"
#define HELI_END " Russia and Turkey traded blame.\n"

static void test_same_count_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "five people." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing five "
               "people." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    assert_int_equal(k->values[0].doc, 0);
    assert_int_equal(k->values[1].doc, 1);
    corpus_free(c);
}

/* Twenty sources, each with its own toll: the note lists sixteen values
 * and counts the rest, so thousands of sources make no huge note. */
static void test_a_note_lists_at_most_sixteen_values(void **state)
{
    char *texts[20];
    const char *view[21];
    for (int i = 0; i < 20; i++) {
        char buf[256];
        snprintf(buf, sizeof buf,
                 HELI_A "An Xk-31 helicopter was shot down over Syria, "
                        "killing %d people." HELI_END, 100 + 10 * i);
        texts[i] = strdup(buf);
        assert_non_null(texts[i]);
        view[i] = texts[i];
    }
    view[20] = NULL;
    struct corpus *c = harness_pipeline(*state, view);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_int_equal(k->nvalues, 20);
    assert_string_equal(k->note,
                        "100 vs 110 vs 120 vs 130 vs 140 vs 150 vs 160 vs 170 "
                        "vs 180 vs 190 vs 200 vs 210 vs 220 vs 230 vs 240 vs "
                        "250 and 4 more");
    corpus_free(c);
    for (int i = 0; i < 20; i++)
        free(texts[i]);
}

static void test_at_least_five_and_seven_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "at least five people." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing seven "
               "people." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_five_and_two_of_one_thing_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "five people." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing two "
               "people." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_non_null(k->note);
    assert_non_null(strstr(k->note, "five"));
    assert_non_null(strstr(k->note, "two"));
    corpus_free(c);
}

static void test_five_russians_and_five_people_agree(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "five Russians." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing five "
               "people." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_two_russians_among_five_people_is_no_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "two Russians." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing five "
               "people." HELI_END);
    assert_no_conflict(c);
    corpus_free(c);
}

/* ---- measures ------------------------------------------------------------ */

static void test_feet_and_metres_of_one_altitude_meet(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was flying at an altitude of 6,000 "
               "metres over Syria." HELI_END,
        HELI_B "The Xk-31 helicopter was flying at an altitude of 19,685 "
               "feet over Syria." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_COUNT, NULL, "altitude");
    /* 19,685 ft is 6,000.0 m to the centimetre: not equal, overlapping */
    assert_non_null(k);
    assert_true(k->verdict == VERDICT_PARTIAL || k->verdict == VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    corpus_free(c);
}

static void test_close_distances_of_one_thing_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "Over Syria, the Xk-31 helicopter was hit 35 km off the "
               "coast." HELI_END,
        HELI_B "Over Syria, the Xk-31 helicopter went down about 27 "
               "kilometres off the coast." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_COUNT, NULL, "distance");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_non_null(strstr(k->note, "35 km"));
    assert_non_null(strstr(k->note, "27 kilometres"));
    corpus_free(c);
}

static void test_far_apart_altitudes_are_two_quantities(void **state)
{
    /* a cruising altitude and the altitude of the last radar contact */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter reached an altitude of 38,000 feet over "
               "Syria." HELI_END,
        HELI_B "The Xk-31 helicopter vanished at an altitude of 6,000 feet "
               "over Syria." HELI_END);
    assert_null(find_cmp(c, CLAIM_COUNT, NULL, "altitude"));
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_a_document_with_two_altitudes_agrees_on_the_shared_one(
    void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter descended from 38,000 feet to 5,000 "
               "feet over Syria." HELI_END,
        HELI_B "The Xk-31 helicopter left its cruising altitude of 38,000 "
               "feet over Syria." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_COUNT, NULL, "altitude");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_approximate_readings_conflict_only_where_disjoint(
    void **state)
{
    /* "about 6,000" is compatible with both "around 5,000" and "6,550";
     * those two cannot both be right */
    const char *texts[] = {
        HELI_A "The Xk-31 helicopter was flying at an altitude of around "
               "5,000 feet over Syria." HELI_END,
        HELI_B "The Xk-31 helicopter was flying at an altitude of 6,550 feet "
               "over Syria." HELI_END,
        "Helicopter lost\n\nThe Xk-31 helicopter was flying at an altitude "
        "of about 6,000 feet over Syria." HELI_END,
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    const struct comparison *k = find_cmp(c, CLAIM_COUNT, NULL, "altitude");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_int_equal(k->nvalues, 2);
    assert_non_null(strstr(k->note, "5,000"));
    assert_non_null(strstr(k->note, "6,550"));
    assert_null(strstr(k->note, "6,000"));
    corpus_free(c);
}

static void test_close_nationality_counts_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter crashed over Syria. Sixty passengers "
               "were Dutch, the operator said." HELI_END,
        "Dutch among dead in crash\n\nThe Xk-31 helicopter crashed over "
        "Syria. There were at least 66 Dutch victims, officials said."
        HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, NULL, "Dutch nationals");
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_far_apart_nationality_counts_are_two_quantities(void **state)
{
    /* two Dutch killed among the five Dutch aboard */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter crashed over Syria, killing two Dutch "
               "soldiers." HELI_END,
        HELI_B "The Xk-31 helicopter crashed over Syria. It was carrying "
               "five Dutch soldiers." HELI_END);
    assert_null(find_cmp(c, CLAIM_COUNT, NULL, "Dutch nationals"));
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_a_value_is_shown_from_the_body_before_the_headline(
    void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter crashed over Syria. Sixty passengers "
               "were Dutch, the operator said." HELI_END,
        "Sixty Dutch among dead in crash\n\nThe Xk-31 helicopter crashed "
        "over Syria. There were 60 Dutch victims, officials said." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, NULL, "Dutch nationals");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    for (size_t i = 0; i < k->nvalues; i++) {
        const struct doc *d = c->docs[k->values[i].doc];
        assert_true(claim_nth(d, k->values[i].claim)->span.start >
                    d->title_span.end);
    }
    corpus_free(c);
}

/* Like two(), with each text's first line as its headline, as the
 * loader finds it in a file. */
static struct corpus *two_titled(void **state, const char *a, const char *b)
{
    const char *texts[] = {a, b};
    struct corpus *c = corpus_new();
    for (size_t i = 0; i < 2; i++) {
        size_t len = strlen(texts[i]);
        struct doc *doc = doc_new("test.txt", xstrndup(texts[i], len), len);
        doc->title_span = (struct span){0, strcspn(texts[i], "\n")};
        harness_process(*state, doc);
        corpus_add(c, doc);
    }
    harness_finish(*state, c);
    return c;
}

static void test_who_met_is_shown_from_the_body_before_the_headline(
    void **state)
{
    struct corpus *c = two_titled(state,
        "EU Meets on Syria\n\n"
        "The European Council met after Russia and Turkey traded blame "
        "over Syria.\n",
        "Talks on Syria\n\n"
        "Diplomats from Russia and Turkey briefed a closed meeting of the "
        "EU's European Council, officials said.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "meeting", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    const struct doc *d = c->docs[k->values[0].doc];
    assert_true(value_claim(c, k, 0)->span.start > d->title_span.end);
    corpus_free(c);
}

static void test_warned_ten_times_and_21_warnings_conflict(void **state)
{
    /* the jet named after "before" is the firing's: the two warning
     * counts are both firm, and they cannot both be right */
    struct corpus *c = two(state,
        HELI_A "Turkey warned the Russian pilot 10 times before its Xk-31 "
               "jet opened fire over Syria." HELI_END,
        HELI_B "Turkey sent 21 warnings to the Russian pilot over Syria."
               HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "warning", "warnings/warnings");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_int_equal(k->nvalues, 2);
    corpus_free(c);
}

static void test_an_unresolved_weekday_agrees_with_a_day_on_it(void **state)
{
    /* neither article is dated, so "on Tuesday" stays unresolved */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria on Tuesday."
               HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria on 24 "
               "November 2015." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_DATE, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_an_unresolved_date_contradicts_nothing(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria last week."
               HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria on 25 "
               "November 2015." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_DATE, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_non_null(strstr(k->note, "last week (unresolved)"));
    corpus_free(c);
}

static void test_being_aboard_is_compared_by_count_only(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter with 14 crew members went missing over "
               "Syria." HELI_END,
        HELI_B "The Xk-31 helicopter went missing over Syria with 15 crew "
               "aboard." HELI_END);
    assert_null(find_cmp(c, CLAIM_EVENT, "aboard", NULL));
    const struct comparison *k = find_cmp(c, CLAIM_COUNT, "aboard", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

/* ---- actors -------------------------------------------------------------- */

static void test_two_shooters_of_one_aircraft_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down by Turkey over Syria."
               HELI_END,
        HELI_B "The Xk-31 helicopter was shot down by Russia over Syria."
               HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_two_parties_to_a_crash_do_not_conflict(void **state)
{
    /* the maker and the operator of a crashed aircraft are both "its" */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter built by Turkey crashed over Syria."
               HELI_END,
        HELI_B "The Xk-31 helicopter flown by Russia crashed over Syria."
               HELI_END);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_a_named_holder_and_its_class_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria in an area "
               "under the control of al-Nusra Front." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over rebel-held territory "
               "in Syria." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_ACTOR, "shootdown", "held by");
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_string_equal(k->note, "al-Nusra Front is one of the rebels");
    corpus_free(c);
}

/* ---- who is to blame ----------------------------------------------------- */

/* The comparison of the "who is to blame" slot over every side (its
 * topic has no side in brackets), or NULL. */
static const struct comparison *blame_cmp(const struct corpus *c)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        const struct claim *cl = value_claim(c, k, 0);
        if (k->kind == CLAIM_ACTOR && across_docs(k) && cl->slot &&
            !strcmp(cl->slot, CLAIM_SLOT_BLAMED) && !strchr(k->topic, '('))
            return k;
    }
    return NULL;
}

static void test_different_parties_blamed_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "Russia blamed Turkey for the downing of the Xk-31 helicopter "
               "over Syria." HELI_END,
        HELI_B "Turkey held Syria responsible for the downing of the Xk-31 "
               "helicopter." HELI_END);
    const struct comparison *k = blame_cmp(c);
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_int_equal(k->nvalues, 2);
    assert_string_equal(k->note, "Turkey (blamed by Russia) vs Syria "
                                 "(blamed by Turkey)");
    corpus_free(c);
}

static void test_one_side_of_a_blame_dispute_agrees_with_itself(
    void **state)
{
    const char *texts[] = {
        HELI_A "Russia blamed Turkey for the downing of the Xk-31 helicopter "
               "over Syria." HELI_END,
        HELI_B "Moscow accused the Turkish side of causing the loss of the "
               "Xk-31 helicopter over Syria." HELI_END,
        HELI_B "Turkey held Syria responsible for the downing of the Xk-31 "
               "helicopter." HELI_END,
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    const struct comparison *side = NULL;
    for (size_t i = 0; i < c->ncomparisons && !side; i++)
        if (strstr(c->comparisons[i].topic, "who is to blame (Turkey)"))
            side = &c->comparisons[i];
    assert_verdict(c, side, VERDICT_AGREE);
    assert_int_equal(side->nvalues, 2);
    assert_verdict(c, blame_cmp(c), VERDICT_CONFLICT);
    assert_int_equal(blame_cmp(c)->nvalues, 3);
    corpus_free(c);
}

static void test_a_state_and_its_leader_blamed_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "Turkey blamed Syria for the downing of the Xk-31 helicopter "
               "over Syria." HELI_END,
        HELI_B "Turkey held Bashar al-Assad responsible for the downing of "
               "the Xk-31 helicopter." HELI_END);
    assert_verdict(c, blame_cmp(c), VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_parties_one_blamer_blames_are_no_conflict(void **state)
{
    /* a blamer naming several culprits in several reports is one side */
    struct corpus *c = two(state,
        HELI_A "Turkey blamed Syria for the crash of the Xk-31 helicopter "
               "over Syria." HELI_END,
        HELI_B "Turkey blamed Iran for the crash of the Xk-31 helicopter "
               "over Syria." HELI_END);
    assert_verdict(c, blame_cmp(c), VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_parties_blamed_for_different_happenings_do_not_meet(
    void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria. Russia blamed "
               "Turkey for the downing of the Xk-31 helicopter." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria. Turkey blamed "
               "Syria for the late warning." HELI_END);
    assert_null(blame_cmp(c));
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_the_same_party_blamed_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "Russia blamed Turkey for the downing of the Xk-31 helicopter "
               "over Syria." HELI_END,
        HELI_B "The fault for the loss of the Xk-31 helicopter lies with the "
               "Turkish side, Russia said." HELI_END);
    assert_verdict(c, blame_cmp(c), VERDICT_AGREE);
    corpus_free(c);
}

static void test_one_label_on_an_act_in_two_sources_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "Russia called the downing of the Xk-31 helicopter over Syria "
               "a hostile act." HELI_END,
        HELI_B "Moscow described the actions of Turkey over Syria as "
               "hostile." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_EVENT, "called hostile",
                                          NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_one_silence_in_two_sources_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria. There was no "
               "comment from Turkey." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria. The Turkish "
               "army declined to comment." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_EVENT,
                                          CLAIM_CLASS_NO_COMMENT, NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    assert_no_conflict(c);
    corpus_free(c);
}

/* ---- what it was done with ----------------------------------------------- */

static void test_a_missile_and_guns_for_one_shot_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down by a missile over Syria."
               HELI_END,
        HELI_B "The Xk-31 helicopter was shot down by anti-aircraft guns "
               "over Syria." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "shootdown weapon",
                                          CLAIM_SLOT_WEAPON);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_a_generic_weapon_word_is_partial(void **state)
{
    /* each document's most specific word stands for it */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down by Syrian air defenses. "
               "It was shot down by a missile." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down by a rocket over Syria."
               HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "shootdown weapon",
                                          CLAIM_SLOT_WEAPON);
    assert_verdict(c, k, VERDICT_AGREE);
    struct corpus *c2 = two(state,
        HELI_A "The Xk-31 helicopter was shot down by Syrian air defenses."
               HELI_END,
        HELI_B "The Xk-31 helicopter was shot down by a rocket over Syria."
               HELI_END);
    k = find_cmp(c2, CLAIM_ACTOR, "shootdown weapon", CLAIM_SLOT_WEAPON);
    assert_verdict(c2, k, VERDICT_PARTIAL);
    corpus_free(c2);
    corpus_free(c);
}

static void test_two_weapons_without_a_thing_do_not_conflict(void **state)
{
    /* no thing says it was one shot: a bomb and shells may be two */
    struct corpus *c = two(state,
        HELI_A "Two soldiers were killed by a car bomb in Syria." HELI_END,
        HELI_B "Two soldiers were killed by artillery shells in Syria."
               HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "killed weapon",
                                          CLAIM_SLOT_WEAPON);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

/* ---- where a thing was lost ---------------------------------------------- */

static void test_lost_at_sea_and_at_an_air_base_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter disappeared over the Black Sea, Syria "
               "said." HELI_END,
        HELI_B "The Xk-31 helicopter came down at the Vega air base in "
               "Latakia, Syria said." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_PLACE, CLAIM_CLASS_LOST,
                                          NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_lost_at_sea_and_near_a_city_do_not_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter crashed in the Black Sea, Syria said."
               HELI_END,
        HELI_B "The Xk-31 helicopter crashed near Latakia, Syria said."
               HELI_END);
    assert_no_conflict(c);
    corpus_free(c);
}

/* ---- things -------------------------------------------------------------- */

static void test_an_identifier_alone_names_the_thing_firmly(void **state)
{
    /* the second document writes "the Xk-31" with no head noun: it still
     * speaks of that helicopter, so its shooter can contradict */
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down by Turkey over Syria."
               HELI_END,
        HELI_B "A helicopter was shot down by Russia over Syria. The Xk-31 "
               "was new." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

/* The identifier is found where punctuation clings to it and where its
 * line starts with it: only stretches with a digit are read. */
static void test_an_identifier_in_punctuation_names_the_thing(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down by Turkey over Syria."
               HELI_END,
        HELI_B "A helicopter was shot down by Russia over Syria.\n"
               "\"(Xk-31)\", officials wrote." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_ACTOR, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

/* The bare identifier is found a word of eight bytes at a time: at
 * every offset in the word, and in the short tail of a run. */
static void test_a_bare_identifier_is_found_at_every_offset(void **state)
{
    for (int pad = 0; pad < 17; pad++) {
        char b[256];
        snprintf(b, sizeof b,
                 HELI_B "A helicopter was shot down by Russia over Syria.\n"
                        "Officials wrote %.*s(Xk-31)." HELI_END,
                 pad, "zzzzzzzzzzzzzzzzz");
        struct corpus *c = two(state,
            HELI_A "The Xk-31 helicopter was shot down by Turkey over Syria."
                   HELI_END, b);
        const struct comparison *k =
            find_cmp(c, CLAIM_ACTOR, "shootdown", NULL);
        assert_verdict(c, k, VERDICT_CONFLICT);
        corpus_free(c);
    }
}

/* ---- who says so --------------------------------------------------------- */

static void test_one_source_in_both_documents_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria, the Turkish "
               "Defense Ministry said." HELI_END,
        HELI_B "According to the Turkish Defense Ministry, the Xk-31 "
               "helicopter was shot down over Syria." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_ACTOR, "shootdown", CLAIM_SLOT_SAID_BY);
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    corpus_free(c);
}

static void test_a_source_against_a_plain_statement_is_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria, the Turkish "
               "Defense Ministry confirmed." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria." HELI_END);
    const struct comparison *k = NULL;
    for (size_t i = 0; i < c->ncomparisons && !k; i++)
        if (strstr(c->comparisons[i].topic, "who says so"))
            k = &c->comparisons[i];
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_int_equal(k->nvalues, 2);
    assert_non_null(strstr(k->note, "stated as fact"));
    assert_int_equal(value_claim(c, k, 1)->kind, CLAIM_EVENT);
    assert_no_conflict(c);
    corpus_free(c);
}

/* The first comparison whose topic holds the words; NULL if none. */
static const struct comparison *find_topic(const struct corpus *c,
                                           const char *words)
{
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (strstr(c->comparisons[i].topic, words))
            return &c->comparisons[i];
    return NULL;
}

static void test_a_value_in_the_body_is_shown_before_the_headline(
    void **state)
{
    const struct fixture *f = *state;
    const char *texts[] = {
        "Xk-31 helicopter shot down over Syria\n\n"
        "The Xk-31 helicopter was shot down over Syria." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria." HELI_END,
    };
    struct corpus *c = corpus_new();
    for (size_t i = 0; i < 2; i++) {
        size_t len = strlen(texts[i]);
        struct doc *doc = doc_new("test.txt", xstrndup(texts[i], len), len);
        /* the loader's headline: the first line */
        doc->title_span = (struct span){0, strcspn(texts[i], "\n")};
        harness_process(f, doc);
        corpus_add(c, doc);
    }
    harness_finish(f, c);
    /* where: the headline's "over Syria" and the body's agree; the body's
     * is shown. (Not for "happened": a headline tells that as well.) */
    const struct comparison *k = find_cmp(c, CLAIM_PLACE, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    for (size_t i = 0; i < k->nvalues; i++) {
        const struct doc *d = c->docs[k->values[i].doc];
        assert_true(value_claim(c, k, i)->span.start >= d->title_span.end);
    }
    corpus_free(c);
}

static void test_an_assault_both_call_possible_is_compared_apart(
    void **state)
{
    struct corpus *c = two(state,
        HELI_A "Gunmen attacked a checkpoint in Syria on Monday. Once the "
               "corridors close, the army can begin the assault on the "
               "town." HELI_END,
        HELI_B "Officials said the corridors were a way to move civilians "
               "out of the town in Syria to then attack the gunmen."
               HELI_END);
    const struct comparison *k = find_topic(c, "planned or possible");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    for (size_t i = 0; i < k->nvalues; i++) {
        const struct claim *cl = value_claim(c, k, i);
        assert_non_null(cl->slot);
        assert_string_equal(cl->slot, "unreal");
    }
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_may_and_will_not_of_one_assault_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The army may storm the town in Syria." HELI_END,
        HELI_B "The army will not storm the town in Syria." HELI_END);
    const struct comparison *k = find_topic(c, "planned or possible");
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_one_source_calling_it_possible_makes_no_comparison(
    void **state)
{
    struct corpus *c = two(state,
        HELI_A "The army may storm the town in Syria." HELI_END,
        HELI_B "The army stormed the town in Syria." HELI_END);
    assert_null(find_topic(c, "planned or possible"));
    corpus_free(c);
}

static void test_two_sources_are_partial_never_a_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria, the Turkish "
               "Defense Ministry said." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria, Sergei Orlov "
               "said." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_ACTOR, "shootdown", CLAIM_SLOT_SAID_BY);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_non_null(strstr(k->note, "Orlov"));
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_one_agency_carrying_both_reports_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The Xk-31 helicopter was shot down over Syria, Reuters "
               "reported." HELI_END,
        HELI_B "The Xk-31 helicopter was shot down over Syria, the Reuters "
               "news agency reported." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_ACTOR, "shootdown", CLAIM_SLOT_REPORTED_BY);
    assert_verdict(c, k, VERDICT_AGREE);
    assert_null(find_cmp(c, CLAIM_ACTOR, "shootdown", CLAIM_SLOT_SAID_BY));
    corpus_free(c);
}

/* ---- events kept apart --------------------------------------------------- */

static void test_counts_of_two_aircraft_are_not_compared(void **state)
{
    struct corpus *c = two(state,
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "five people." HELI_END,
        HELI_B "A Russian Zr-9 helicopter was shot down over Syria, killing "
               "two people." HELI_END);
    assert_no_conflict(c);
    assert_null(find_cmp(c, CLAIM_COUNT, NULL, NULL));
    corpus_free(c);
}

static void test_counts_on_two_days_are_not_compared(void **state)
{
    struct corpus *c = two(state,
        "Air strike kills civilians\n\n"
        "An air strike killed five people in Idlib on 1 August 2016. Russia "
        "and Turkey traded blame for the attack in Syria.\n",
        "Strike hits Syrian town\n\n"
        "An air strike killed two people in Idlib on 8 July 2016. Russia "
        "and Turkey traded blame for the attack in Syria.\n");
    assert_no_conflict(c);
    assert_null(find_cmp(c, CLAIM_COUNT, NULL, NULL));
    corpus_free(c);
}

/* A toll told of "last year" or "in 2019" speaks of another happening
 * than the one the article dates to a day, even when its sentence gives
 * no day: it must not join that day's event and clash with its toll. */
static void test_a_toll_of_another_year_is_not_compared(void **state)
{
    struct corpus *c = two(state,
        "Fire kills workers\n\n"
        "A fire killed 17 workers in a factory in Idlib on 1 August 2016. "
        "Last year a fire in another factory killed 40 people. Russia and "
        "Turkey traded blame for the fire in Syria.\n",
        "Factory fire\n\n"
        "A fire killed 19 people in a factory in Idlib on 1 August 2016. "
        "Russia and Turkey traded blame for the fire in Syria.\n");
    assert_no_conflict(c);
    assert_null(find_cmp(c, CLAIM_COUNT, NULL, "killed/people"));
    corpus_free(c);
}

/* ---- places and classes -------------------------------------------------- */

#define CONVOY_END " Russia and Turkey traded blame.\n"

/* A class such as "increase" groups what rises anywhere: when no thing
 * names the happening and the two sentences share no party but the
 * values themselves, two countries are two scenes, not one in dispute. */
static void test_two_scenes_sharing_no_party_do_not_conflict(void **state)
{
    struct corpus *c = two(state,
        "Talks in Syria\n\n"
        "Russia and Turkey met in Syria on 1 August 2016. Italy's bread "
        "prices rose sharply in Greece.\n",
        "Syria talks\n\n"
        "Russia and Turkey met in Syria on 1 August 2016. Exports of wine "
        "rose sharply in Italy.\n");
    assert_no_conflict(c);
    corpus_free(c);
}

/* The same event told in sentences that name one party keeps its
 * clash of countries. */
static void test_two_countries_of_one_party_conflict(void **state)
{
    struct corpus *c = two(state,
        "Prices rise\n\n"
        "Russia and Turkey met in Syria on 1 August 2016. Prices of Gazprom "
        "gas rose sharply in Greece.\n",
        "Gas prices\n\n"
        "Russia and Turkey met in Syria on 1 August 2016. Prices of Gazprom "
        "gas rose sharply in Italy.\n");
    const struct comparison *k = find_cmp(c, CLAIM_PLACE, "increase", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_city_and_its_country_are_partial(void **state)
{
    struct corpus *c = two(state,
        "Convoy hit in Syria\n\n"
        "An air strike hit an aid convoy in Idlib on 1 August 2016."
        CONVOY_END,
        "Aid convoy struck\n\n"
        "An air strike hit an aid convoy in Syria on 1 August 2016."
        CONVOY_END);
    const struct comparison *k = find_cmp(c, CLAIM_PLACE, "airstrike", NULL);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_non_null(k->note);
    assert_non_null(strstr(k->note, "Idlib"));
    assert_non_null(strstr(k->note, "Syria"));
    corpus_free(c);
}

static void test_contains_follows_gazetteer_parents(void **state)
{
    const struct fixture *f = *state;
    assert_true(compare_contains(f->comparer, "Syria", "Idlib"));
    assert_false(compare_contains(f->comparer, "Idlib", "Syria"));
    assert_true(compare_contains(f->comparer, "syria", "IDLIB"));
    assert_false(compare_contains(f->comparer, "Turkey", "Idlib"));
}

static void test_contains_follows_the_class_chain(void **state)
{
    const struct fixture *f = *state;
    /* al-Nusra Front -> rebels (gazetteer) -> armed opposition -> armed
     * groups (claims/classes) */
    assert_true(compare_contains(f->comparer, "rebels", "al-Nusra Front"));
    assert_true(
        compare_contains(f->comparer, "armed opposition", "al-Nusra Front"));
    assert_true(
        compare_contains(f->comparer, "armed groups", "al-Nusra Front"));
    assert_true(compare_contains(f->comparer, "armed opposition", "Nusra"));
    assert_false(
        compare_contains(f->comparer, "al-Nusra Front", "armed opposition"));
    assert_false(compare_contains(f->comparer, "Syria", "al-Nusra Front"));
}

/* ---- negation ------------------------------------------------------------ */

static void test_stated_and_denied_violation_conflict(void **state)
{
    struct corpus *c = two(state,
        "Jet row deepens\n\n"
        "Turkey said the Xk-31 jet violated Turkish airspace near Syria. "
        "Russia rejected the charge.\n",
        "Moscow answers Ankara\n\n"
        "Russia told Turkey the Xk-31 jet did not violate Turkish airspace "
        "near Syria.\n");
    const struct comparison *k = find_cmp(c, CLAIM_EVENT, "violation", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    bool stated = false, denied = false;
    for (size_t i = 0; i < k->nvalues; i++) {
        if (value_claim(c, k, i)->negated)
            denied = true;
        else
            stated = true;
    }
    assert_true(stated && denied);
    corpus_free(c);
}

static void test_no_sign_of_stopping_does_not_deny_the_offensive(void **state)
{
    struct corpus *c = two(state,
        "Offensive in Syria\n\n"
        "The offensive began in Aleppo on Monday, Russia said. Turkey "
        "protested.\n",
        "Talks stall on Syria\n\n"
        "There's been no sign they attempted to stop the offensive near "
        "Aleppo, Turkey said of Russia.\n");
    assert_no_conflict(c);
    for (size_t i = 0; i < c->ndocs; i++)
        for (size_t j = 0; j < c->docs[i]->nclaims; j++) {
            const struct claim *cl = &c->docs[i]->claims[j];
            if (cl->kind == CLAIM_EVENT && cl->cls &&
                !strcmp(cl->cls, "offensive"))
                assert_false(cl->negated);
        }
    corpus_free(c);
}

/* Does value j of k show the words w? */
static bool span_has_words(const struct corpus *c, const struct comparison *k,
                           size_t j, const char *w)
{
    const struct doc *d = c->docs[k->values[j].doc];
    struct span sp = claim_nth(d, k->values[j].claim)->span;
    size_t n = strlen(w);
    for (size_t i = sp.start; i + n <= sp.end; i++)
        if (!memcmp(d->text + i, w, n))
            return true;
    return false;
}

#define WARN_A "Jet downed\n\nTurkey warned the Russian pilot over Syria " \
               "on Monday.\n"
#define WARN_B "Pilot warned\n\nTurkish officials warned the Russian " \
               "pilot over Syria on Monday.\n"

static void test_one_named_partys_denial_disputes_a_told_event(void **state)
{
    const char *texts[] = {
        WARN_A, WARN_B,
        "Moscow answers\n\nSergei Lavrov said Turkey did not warn the "
        "Russian pilot over Syria on Monday.\n",
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    const struct comparison *k = NULL;
    for (size_t i = 0; i < c->ncomparisons && !k; i++)
        if (c->comparisons[i].kind == CLAIM_EVENT &&
            c->comparisons[i].verdict == VERDICT_CONFLICT)
            k = &c->comparisons[i];
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_string_equal(value_claim(c, k, 0)->cls, "warning");
    assert_int_equal(k->nvalues, 3);
    corpus_free(c);
}

static void test_one_unattributed_denial_makes_no_dispute(void **state)
{
    /* one document's bare "did not" may be a misreading: no conflict */
    const char *texts[] = {
        WARN_A, WARN_B,
        "Moscow answers\n\nTurkey did not warn the Russian pilot over "
        "Syria on Monday.\n",
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_one_named_telling_against_two_denials_makes_no_dispute(
    void **state)
{
    /* a lone telling set against denials is as often another happening
     * of the same class: only a denial may stand on one document */
    const char *texts[] = {
        "Jet downed\n\nTurkey did not warn the Russian pilot over Syria "
        "on Monday.\n",
        "Pilot speaks\n\nTurkish officials did not warn the Russian pilot "
        "over Syria on Monday.\n",
        "Ankara answers\n\nAhmet Yilmaz said Turkey warned the Russian "
        "pilot over Syria on Monday.\n",
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    assert_no_conflict(c);
    corpus_free(c);
}

/* Shares of an unnamed whole (claims/shares) from sentences that name
 * nothing in common are two quantities, not one: no conflict. */
static void test_shares_of_unnamed_wholes_do_not_conflict(void **state)
{
    struct corpus *c = two(state,
        "Athens summit\n\nLeaders met at the Athens summit on Monday. "
        "Spending on roads fell 2 percent last year.\n",
        "Athens summit ends\n\nLeaders met at the Athens summit on Monday. "
        "Canopy cover fell 16 percent.\n");
    assert_no_conflict(c);
    corpus_free(c);
}

/* The same shares conflict when their sentences name a party in common. */
static void test_shares_of_one_party_conflict(void **state)
{
    struct corpus *c = two(state,
        "Budget news\n\nGreece said its spending fell 2 percent last "
        "year.\n",
        "Budget report\n\nGreece said its spending fell 16 percent last "
        "year.\n");
    size_t conflicts = 0;
    for (size_t i = 0; i < c->ncomparisons; i++)
        conflicts += c->comparisons[i].kind == CLAIM_COUNT &&
                     c->comparisons[i].verdict == VERDICT_CONFLICT;
    assert_int_equal(conflicts, 1);
    corpus_free(c);
}

/* Tellings and denials of a class with no thing, whose sentences name no
 * party in common across documents, are two happenings, not a dispute. */
static void test_denials_sharing_no_party_are_no_dispute(void **state)
{
#define SUMMIT "Leaders met at the Athens summit on Monday. "
    const char *texts[] = {
        "Vote\n\n" SUMMIT "The election in Greece was held on Sunday.\n",
        "Vote count\n\n" SUMMIT "The election in Greece was held on "
        "Sunday.\n",
        "Farm news\n\n" SUMMIT "Farmers in Brazil said there was no "
        "election in their union.\n",
        "Farm report\n\n" SUMMIT "Farmers in Chile said there was no "
        "election in their union.\n",
        NULL};
#undef SUMMIT
    struct corpus *c = harness_pipeline(*state, texts);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_presence_in_another_country_denies_the_incursion(
    void **state)
{
    struct corpus *c = two(state,
        "Jet row deepens\n\n"
        "Greece said the Xk-31 jet violated Greek airspace on Monday.\n",
        "Ankara answers\n\n"
        "Turkey said the Xk-31 jet was over Turkish territory on Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_EVENT, "violation", NULL);
    assert_verdict(c, k, VERDICT_CONFLICT);
    /* each source's side, for the report's "denies" mark */
    assert_int_equal(k->nvalues, 2);
    assert_int_equal(k->values[0].stance, 1);
    assert_int_equal(k->values[1].stance, -1);
    corpus_free(c);
}

static void test_presence_without_an_incursion_says_nothing(void **state)
{
    struct corpus *c = two(state,
        "Patrol\n\n"
        "The Xk-31 jet was over Turkish territory on Monday.\n",
        "Patrol flight\n\n"
        "The Xk-31 jet was flying over Greek waters on Monday.\n");
    assert_null(find_cmp(c, CLAIM_EVENT, "violation", NULL));
    assert_no_conflict(c);
    corpus_free(c);
}

/* Both sources give both versions: each version agrees across them, and
 * the dispute between the versions is the conflict. */
static void test_both_versions_in_every_source_are_a_dispute(void **state)
{
    struct corpus *c = two(state,
        "Jet row deepens\n\n"
        "Greece said the Xk-31 jet violated Greek airspace. Turkey said "
        "the Xk-31 jet was over Turkish territory.\n",
        "Ankara answers Athens\n\n"
        "Athens said the Xk-31 jet entered Greek airspace. Ankara denied "
        "that the Xk-31 jet entered Greek airspace.\n");
    size_t agree = 0, conflict = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (k->kind != CLAIM_EVENT || !across_docs(k))
            continue;
        agree += k->verdict == VERDICT_AGREE;
        if (k->verdict == VERDICT_CONFLICT) {
            conflict++;
            assert_string_equal(k->note, "stated vs denied");
        }
    }
    if (agree != 2 || conflict != 1)
        dump(c);
    assert_int_equal(agree, 2);
    assert_int_equal(conflict, 1);
    corpus_free(c);
}

static void test_an_open_question_does_not_deny(void **state)
{
    struct corpus *c = two(state,
        "Jet row\n\n"
        "The Xk-31 jet did not violate Greek airspace, Ankara said.\n",
        "Questions in Athens\n\n"
        "It is unclear whether the Xk-31 jet violated Greek airspace.\n");
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_intrusions_of_another_month_are_another_occasion(
    void **state)
{
    struct corpus *c = two(state,
        "Jet row\n\n"
        "On 24 November 2015 the Xk-31 jet violated Greek airspace. "
        "Ankara denied that the Xk-31 jet violated Greek airspace.\n",
        "Jet row, day two\n\n"
        "On 24 November 2015 Athens said the Xk-31 jet entered Greek "
        "airspace, after Xk-31 intrusions into Greek airspace in October "
        "2015. Ankara denied that the Xk-31 jet entered Greek airspace.\n");
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        for (size_t j = 0; j < k->nvalues; j++)
            assert_false(span_has_words(c, k, j, "intrusions"));
    }
    corpus_free(c);
}

/* ---- dates --------------------------------------------------------------- */

static void test_same_day_agrees(void **state)
{
    struct corpus *c = two(state,
        "Convoy hit in Syria\n\n"
        "An air strike hit an aid convoy in Idlib on 1 August 2016."
        CONVOY_END,
        "Aid convoy struck\n\n"
        "An air strike hit an aid convoy in Syria on 1 August 2016."
        CONVOY_END);
    const struct comparison *k = find_cmp(c, CLAIM_DATE, "airstrike", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_month_and_a_day_in_it_are_partial(void **state)
{
    struct corpus *c = two(state,
        "Convoy hit in Syria\n\n"
        "An air strike hit an aid convoy in Idlib on 1 August 2016."
        CONVOY_END,
        "Aid convoy struck\n\n"
        "An air strike hit an aid convoy in Syria in August 2016."
        CONVOY_END);
    const struct comparison *k = find_cmp(c, CLAIM_DATE, "airstrike", NULL);
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

/* ---- statements ---------------------------------------------------------- */

#define PETROVA "Foreign Minister Anna Petrova spoke about Syria and Russia " \
                "on Monday.\n\n"

/* The statement comparison of the speaker, over two documents. */
static const struct comparison *statement_cmp(const struct corpus *c)
{
    return find_cmp(c, CLAIM_STATEMENT, NULL, NULL);
}

static void test_same_quotation_agrees(void **state)
{
    struct corpus *c = two(state,
        "Minister warns Turkey\n\n" PETROVA
        "\"The ceasefire in Syria will hold if Turkey closes its border to "
        "the fighters,\" Petrova said.\n",
        "Petrova speaks on Syria\n\n" PETROVA
        "\"The ceasefire in Syria will hold if Turkey closes its border to "
        "fighters,\" Petrova said.\n");
    const struct comparison *k = statement_cmp(c);
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    for (size_t i = 0; i < k->nvalues; i++)
        assert_true(value_claim(c, k, i)->quote_idx >= 0);
    corpus_free(c);
}

static void test_paraphrase_is_partial(void **state)
{
    struct corpus *c = two(state,
        "Minister warns Turkey\n\n" PETROVA
        "\"The ceasefire in Syria will hold if Turkey closes its border to "
        "the fighters,\" Petrova said.\n",
        "Petrova speaks on Syria\n\n" PETROVA
        "\"If Turkey seals its border with Syria, the fighters lose their "
        "supply lines and the ceasefire can hold,\" Petrova said.\n");
    const struct comparison *k = statement_cmp(c);
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_unrelated_statements_are_not_paired(void **state)
{
    struct corpus *c = two(state,
        "Minister warns Turkey\n\n" PETROVA
        "\"The ceasefire in Syria will hold if Turkey closes its border to "
        "the fighters,\" Petrova said.\n",
        "Petrova speaks on Syria\n\n" PETROVA
        "\"Our wheat harvest was the largest in a decade thanks to good "
        "rainfall,\" Petrova said.\n");
    if (statement_cmp(c))
        dump(c);
    assert_null(statement_cmp(c));
    corpus_free(c);
}

/* ---- roles --------------------------------------------------------------- */

static void test_same_role_agrees(void **state)
{
    struct corpus *c = two(state,
        "Minister warns Turkey\n\n" PETROVA,
        "Petrova speaks on Syria\n\n" PETROVA);
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "role");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_string_equal(value_claim(c, k, 0)->text, "Foreign Minister");
    corpus_free(c);
}

static void test_role_with_more_words_is_partial(void **state)
{
    struct corpus *c = two(state,
        "Talks on Syria resume\n\n"
        "President Omar Haddad met envoys from Russia and Turkey on "
        "Monday.\n",
        "Haddad hosts envoys\n\n"
        "Syrian President Omar Haddad met envoys from Russia and Turkey on "
        "Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "role");
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_one_parent_named_three_ways_agrees(void **state)
{
    const char *texts[] = {
        "Ferry delayed\n\nBlueskip is a regional subsidiary of Norvento Group. "
        "Blueskip flight 402 landed late on Monday.\n",
        "Late landing\n\nNorvento Group, owner of the regional Blueskip, said "
        "Blueskip flight 402 landed late on Monday.\n",
        "Flight 402 late\n\nNorvento Group unit Blueskip said its flight 402 "
        "landed late on Monday.\n",
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "owned by");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 3);
    assert_string_equal(value_claim(c, k, 0)->text, "Norvento Group");
    corpus_free(c);
}

static void test_two_parents_are_partial_never_a_conflict(void **state)
{
    struct corpus *c = two(state,
        "Ferry delayed\n\nBlueskip is a subsidiary of Norvento Group. Blueskip "
        "flight 402 landed late on Monday.\n",
        "Late landing\n\nBlueskip, a unit of Caldera Group, said Blueskip "
        "flight 402 landed late on Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "owned by");
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_a_class_noun_after_a_copula_describes_the_name(void **state)
{
    struct corpus *c = two(state,
        "Ferry delayed\n\nBlueskip is a budget carrier based in Oslo. "
        "Blueskip flight 402 landed late on Monday.\n",
        "Late landing\n\nThe low-cost airline Blueskip said its flight 402 "
        "landed late on Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "descriptor");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_string_equal(value_claim(c, k, 0)->text, "low-cost airline");
    corpus_free(c);
}

static void test_all_killed_and_no_one_survived_agree(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over Syria, killing all "
               "five people aboard." HELI_END,
        HELI_B "No one survived when an Xk-31 helicopter was shot down over "
               "Syria." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_EVENT, "no survivors", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_almost_all_killed_is_no_total(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over Syria, killing almost "
               "all 40 people aboard." HELI_END,
        HELI_B "No one survived when an Xk-31 helicopter was shot down over "
               "Syria." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_EVENT, "no survivors", NULL);
    if (k)
        dump(c);
    assert_null(k);
    corpus_free(c);
}

static void test_a_remote_scene_and_rough_terrain_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over a remote area of "
               "Syria." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria and rescuers "
               "struggled with rugged terrain." HELI_END);
    const struct comparison *k =
        find_cmp(c, CLAIM_ROLE, NULL, CLAIM_SLOT_TERRAIN);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_a_remote_area_without_an_event_is_no_scene(void **state)
{
    struct corpus *c = two(state,
        HELI_A "The remote areas of Syria are poor." HELI_END,
        HELI_B "The remote areas of Syria are poor." HELI_END);
    assert_null(find_cmp(c, CLAIM_ROLE, NULL, CLAIM_SLOT_TERRAIN));
    corpus_free(c);
}

static void test_two_clock_times_of_one_event_are_partial(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over Syria at 10:47 AM."
               HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria at around "
               "10:45 a.m." HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_TIME, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_far_apart_clock_times_never_conflict(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over Syria at 10:47."
               HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria at 9:47 GMT."
               HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_TIME, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_PARTIAL);
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_the_same_clock_time_agrees(void **state)
{
    struct corpus *c = two(state,
        HELI_A "An Xk-31 helicopter was shot down over Syria at 10:47 AM."
               HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria at 10:47."
               HELI_END);
    const struct comparison *k = find_cmp(c, CLAIM_TIME, "shootdown", NULL);
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_a_rank_beside_the_same_office_agrees(void **state)
{
    struct corpus *c = two(state,
        "Talks on Syria resume\n\n"
        "Army spokesman Major General Omar Haddad met envoys from Russia "
        "and Turkey on Monday.\n",
        "Haddad hosts envoys\n\n"
        "Army spokesman Omar Haddad met envoys from Russia and Turkey on "
        "Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "role");
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_a_rank_against_an_office_is_partial(void **state)
{
    struct corpus *c = two(state,
        "Talks on Syria resume\n\n"
        "Major General Omar Haddad met envoys from Russia and Turkey on "
        "Monday.\n",
        "Haddad hosts envoys\n\n"
        "Army spokesman Omar Haddad met envoys from Russia and Turkey on "
        "Monday.\n");
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "role");
    assert_verdict(c, k, VERDICT_PARTIAL);
    corpus_free(c);
}

/* ---- stories ------------------------------------------------------------- */

static void test_unrelated_stories_are_never_compared(void **state)
{
    struct corpus *c = two(state,
        "Bus crash in France\n\n"
        "A bus crashed near Lyon on 3 March 2009, killing 12 people. French "
        "police said the driver lost control on ice.\n",
        "Train derails in Kenya\n\n"
        "A train crashed near Nairobi on 10 May 2019, killing four people. "
        "Kenyan officials blamed heavy rain.\n");
    for (size_t i = 0; i < c->ncomparisons; i++) {
        if (across_docs(&c->comparisons[i]))
            dump(c);
        assert_false(across_docs(&c->comparisons[i]));
    }
    assert_no_conflict(c);
    corpus_free(c);
}

static void test_values_are_in_document_order(void **state)
{
    const char *texts[] = {
        HELI_A "A Russian Xk-31 helicopter was shot down over Syria, killing "
               "five people." HELI_END,
        HELI_B "An Xk-31 helicopter was shot down over Syria, killing five "
               "people." HELI_END,
        "Helicopter downed\n\nAn Xk-31 helicopter was shot down over Syria, "
        "killing five people." HELI_END,
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    assert_true(c->ncomparisons > 0);
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        assert_non_null(k->topic);
        assert_non_null(k->why);
        assert_true(k->nvalues >= 1);
        for (size_t j = 1; j < k->nvalues; j++)
            assert_true(k->values[j - 1].doc < k->values[j].doc);
    }
    const struct comparison *k =
        find_cmp(c, CLAIM_COUNT, "killed", "killed/people");
    assert_verdict(c, k, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 3);
    corpus_free(c);
}

/* An empty corpus once made compare_run sort a NULL array (UBSan). */
static void test_empty_corpus_has_no_comparisons(void **state)
{
    const char *texts[] = {NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    assert_int_equal(c->ncomparisons, 0);
    corpus_free(c);
}

/* Roles are compared even when no document has an event claim. */
static void test_corpus_without_events_compares_roles(void **state)
{
    const char *texts[] = {
        "Minister speaks\n\n"
        "Foreign Minister Sergei Lavrov arrived in Geneva on Monday.\n",
        "Lavrov in Geneva\n\n"
        "Foreign Minister Sergei Lavrov arrived in Geneva on Monday.\n",
        NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    const struct comparison *k = find_cmp(c, CLAIM_ROLE, NULL, "role");
    assert_verdict(c, k, VERDICT_AGREE);
    corpus_free(c);
}

static void test_verdict_names(void **state)
{
    (void)state;
    assert_string_equal(verdict_name(VERDICT_CONFLICT), "conflict");
    assert_string_equal(verdict_name(VERDICT_PARTIAL), "partial");
    assert_string_equal(verdict_name(VERDICT_AGREE), "agree");
    assert_string_equal(verdict_name(VERDICT_SINGLE), "single");
    compare_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_count_agrees),
        cmocka_unit_test(test_a_note_lists_at_most_sixteen_values),
        cmocka_unit_test(test_at_least_five_and_seven_are_partial),
        cmocka_unit_test(test_five_and_two_of_one_thing_conflict),
        cmocka_unit_test(test_five_russians_and_five_people_agree),
        cmocka_unit_test(test_two_russians_among_five_people_is_no_conflict),
        cmocka_unit_test(test_feet_and_metres_of_one_altitude_meet),
        cmocka_unit_test(test_close_distances_of_one_thing_conflict),
        cmocka_unit_test(test_far_apart_altitudes_are_two_quantities),
        cmocka_unit_test(
            test_a_document_with_two_altitudes_agrees_on_the_shared_one),
        cmocka_unit_test(
            test_approximate_readings_conflict_only_where_disjoint),
        cmocka_unit_test(test_close_nationality_counts_conflict),
        cmocka_unit_test(test_being_aboard_is_compared_by_count_only),
        cmocka_unit_test(
            test_who_met_is_shown_from_the_body_before_the_headline),
        cmocka_unit_test(test_warned_ten_times_and_21_warnings_conflict),
        cmocka_unit_test(test_an_unresolved_weekday_agrees_with_a_day_on_it),
        cmocka_unit_test(test_an_unresolved_date_contradicts_nothing),
        cmocka_unit_test(
            test_far_apart_nationality_counts_are_two_quantities),
        cmocka_unit_test(
            test_a_value_is_shown_from_the_body_before_the_headline),
        cmocka_unit_test(test_two_shooters_of_one_aircraft_conflict),
        cmocka_unit_test(test_two_parties_to_a_crash_do_not_conflict),
        cmocka_unit_test(test_a_named_holder_and_its_class_are_partial),
        cmocka_unit_test(test_one_source_in_both_documents_agrees),
        cmocka_unit_test(test_a_source_against_a_plain_statement_is_partial),
        cmocka_unit_test(test_two_sources_are_partial_never_a_conflict),
        cmocka_unit_test(test_one_agency_carrying_both_reports_agrees),
        cmocka_unit_test(test_counts_of_two_aircraft_are_not_compared),
        cmocka_unit_test(test_counts_on_two_days_are_not_compared),
        cmocka_unit_test(test_a_toll_of_another_year_is_not_compared),
        cmocka_unit_test(test_two_scenes_sharing_no_party_do_not_conflict),
        cmocka_unit_test(test_two_countries_of_one_party_conflict),
        cmocka_unit_test(test_city_and_its_country_are_partial),
        cmocka_unit_test(test_contains_follows_gazetteer_parents),
        cmocka_unit_test(test_contains_follows_the_class_chain),
        cmocka_unit_test(test_stated_and_denied_violation_conflict),
        cmocka_unit_test(test_no_sign_of_stopping_does_not_deny_the_offensive),
        cmocka_unit_test(test_one_named_partys_denial_disputes_a_told_event),
        cmocka_unit_test(test_one_unattributed_denial_makes_no_dispute),
        cmocka_unit_test(test_shares_of_unnamed_wholes_do_not_conflict),
        cmocka_unit_test(test_shares_of_one_party_conflict),
        cmocka_unit_test(test_denials_sharing_no_party_are_no_dispute),
        cmocka_unit_test(test_one_named_telling_against_two_denials_makes_no_dispute),
        cmocka_unit_test(test_presence_in_another_country_denies_the_incursion),
        cmocka_unit_test(test_presence_without_an_incursion_says_nothing),
        cmocka_unit_test(test_both_versions_in_every_source_are_a_dispute),
        cmocka_unit_test(test_an_open_question_does_not_deny),
        cmocka_unit_test(test_intrusions_of_another_month_are_another_occasion),
        cmocka_unit_test(test_same_day_agrees),
        cmocka_unit_test(test_month_and_a_day_in_it_are_partial),
        cmocka_unit_test(test_same_quotation_agrees),
        cmocka_unit_test(test_paraphrase_is_partial),
        cmocka_unit_test(test_unrelated_statements_are_not_paired),
        cmocka_unit_test(test_same_role_agrees),
        cmocka_unit_test(test_role_with_more_words_is_partial),
        cmocka_unit_test(test_one_parent_named_three_ways_agrees),
        cmocka_unit_test(test_two_parents_are_partial_never_a_conflict),
        cmocka_unit_test(test_a_class_noun_after_a_copula_describes_the_name),
        cmocka_unit_test(test_all_killed_and_no_one_survived_agree),
        cmocka_unit_test(test_almost_all_killed_is_no_total),
        cmocka_unit_test(test_a_remote_scene_and_rough_terrain_are_partial),
        cmocka_unit_test(test_a_remote_area_without_an_event_is_no_scene),
        cmocka_unit_test(test_two_clock_times_of_one_event_are_partial),
        cmocka_unit_test(test_far_apart_clock_times_never_conflict),
        cmocka_unit_test(test_the_same_clock_time_agrees),
        cmocka_unit_test(test_a_rank_beside_the_same_office_agrees),
        cmocka_unit_test(test_a_rank_against_an_office_is_partial),
        cmocka_unit_test(test_unrelated_stories_are_never_compared),
        cmocka_unit_test(test_values_are_in_document_order),
        cmocka_unit_test(test_empty_corpus_has_no_comparisons),
        cmocka_unit_test(test_corpus_without_events_compares_roles),
        cmocka_unit_test(
            test_a_value_in_the_body_is_shown_before_the_headline),
        cmocka_unit_test(
            test_an_assault_both_call_possible_is_compared_apart),
        cmocka_unit_test(test_may_and_will_not_of_one_assault_are_partial),
        cmocka_unit_test(
            test_one_source_calling_it_possible_makes_no_comparison),
        cmocka_unit_test(test_verdict_names),
        cmocka_unit_test(test_different_parties_blamed_conflict),
        cmocka_unit_test(test_one_side_of_a_blame_dispute_agrees_with_itself),
        cmocka_unit_test(test_a_state_and_its_leader_blamed_are_partial),
        cmocka_unit_test(test_parties_one_blamer_blames_are_no_conflict),
        cmocka_unit_test(test_the_same_party_blamed_agrees),
        cmocka_unit_test(
            test_parties_blamed_for_different_happenings_do_not_meet),
        cmocka_unit_test(test_one_label_on_an_act_in_two_sources_agrees),
        cmocka_unit_test(test_one_silence_in_two_sources_agrees),
        cmocka_unit_test(test_a_missile_and_guns_for_one_shot_conflict),
        cmocka_unit_test(test_a_generic_weapon_word_is_partial),
        cmocka_unit_test(test_two_weapons_without_a_thing_do_not_conflict),
        cmocka_unit_test(test_lost_at_sea_and_at_an_air_base_conflict),
        cmocka_unit_test(test_lost_at_sea_and_near_a_city_do_not_conflict),
        cmocka_unit_test(test_an_identifier_alone_names_the_thing_firmly),
        cmocka_unit_test(test_an_identifier_in_punctuation_names_the_thing),
        cmocka_unit_test(test_a_bare_identifier_is_found_at_every_offset),
    };
    return cmocka_run_group_tests(tests, harness_setup, harness_teardown);
}
