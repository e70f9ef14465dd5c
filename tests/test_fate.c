/* test_fate.c - what became of people: fate claims and their verdicts
 * (fate.h).
 *
 * Every test runs the whole pipeline as main.c does on short invented
 * wire stories. Stories meant to be one share three entities (Russia,
 * Syria, Turkey), as the comparator joins documents into stories by
 * shared entities.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/diag.h"
#include "claimdiff/doc.h"
#include "claimdiff/fate.h"
#include "claimdiff/wordmask.h"
#include "harness.h"

/* ---- harness ------------------------------------------------------------- */

static struct corpus *run(void **state, const char *a, const char *b)
{
    const char *texts[] = {a, b, NULL};
    return harness_pipeline(*state, texts);
}

/* The fate claim of doc whose key is slot and fate is fate, or NULL. */
static const struct claim *fate_claim(const struct doc *doc, const char *slot,
                                      const char *fate)
{
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind == CLAIM_FATE && !strcmp(cl->slot, slot) &&
            !strcmp(cl->text, fate))
            return cl;
    }
    return NULL;
}

static size_t fate_claims_of(const struct doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        n += doc->claims[i].kind == CLAIM_FATE;
    return n;
}

static void dump(const struct corpus *c)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        fprintf(stderr, "  %s: %s (%s)\n", k->topic, verdict_name(k->verdict),
                k->note ? k->note : "");
    }
}

/* The fate comparison whose topic ends in the words `about`, or NULL. */
static const struct comparison *fate_cmp(const struct corpus *c,
                                         const char *about)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        size_t n = strlen(k->topic), m = strlen(about);
        if (k->kind == CLAIM_FATE && n >= m &&
            !strcmp(k->topic + n - m, about))
            return k;
    }
    return NULL;
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

static size_t fate_conflicts(const struct corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ncomparisons; i++)
        n += c->comparisons[i].kind == CLAIM_FATE &&
             c->comparisons[i].verdict == VERDICT_CONFLICT;
    return n;
}

/* ---- claims -------------------------------------------------------------- */

static void test_one_and_the_other_are_two_people(void **state)
{
    struct corpus *c = run(state,
        "Ambush in the hills\n\n"
        "Two soldiers were ambushed near the border. One was killed and the "
        "other was captured, officials said.\n",
        NULL);
    const struct doc *d = c->docs[0];
    const struct claim *one = fate_claim(d, "one", "dead");
    const struct claim *other = fate_claim(d, "other", "captured");
    assert_non_null(one);
    assert_non_null(other);
    assert_string_equal(one->cls, "troops");
    assert_int_equal(fate_claims_of(d), 2);
    corpus_free(c);
}

/* A fate verb's participle right after its group ("the 160 people
 * rescued", "the number of people killed") picks out those it befell,
 * not the whole group: one source's rescued and another's dead are
 * different people, not rival fates of everyone. */
static void test_a_group_named_by_its_fate_is_no_fate_of_all(void **state)
{
    struct corpus *c = run(state,
        "Ferry sinks\n\n"
        "The number of people killed in the sinking rose to 38, officials "
        "said.\n",
        "Ferry survivors\n\n"
        "Twelve children were among the 160 people rescued from the ferry, "
        "officials said.\n");
    assert_null(fate_claim(c->docs[0], "all", "dead"));
    assert_null(fate_claim(c->docs[1], "all", "rescued"));
    corpus_free(c);
}

/* The fate told of the whole group with a verb still is. */
static void test_the_passengers_were_killed_is_a_fate_of_all(void **state)
{
    struct corpus *c = run(state,
        "Ferry sinks\n\n"
        "The passengers were killed when the ferry sank, officials said.\n",
        NULL);
    assert_non_null(fate_claim(c->docs[0], "all", "dead"));
    corpus_free(c);
}

static void test_a_fate_verb_takes_the_person_after_it(void **state)
{
    struct corpus *c = run(state,
        "Raid\n\n"
        "Gunmen shot both journalists outside the hotel on Friday.\n",
        NULL);
    assert_non_null(fate_claim(c->docs[0], "both", "shot"));
    corpus_free(c);
}

static void test_a_role_noun_far_before_its_fate_is_the_person(void **state)
{
    struct corpus *c = run(state,
        "Crew member found\n\n"
        "A navigator of the transport plane lost over the sea on Monday "
        "has been found alive. He was taken to hospital.\n",
        NULL);
    const struct claim *cl = fate_claim(c->docs[0], "navigator", "alive");
    assert_non_null(cl);
    assert_string_equal(cl->cls, "crew");
    corpus_free(c);
}

static void test_he_is_the_person_just_spoken_of(void **state)
{
    struct corpus *c = run(state,
        "Hostage freed\n\n"
        "The hostage reached the embassy late at night. He is reportedly in "
        "good health.\n",
        NULL);
    assert_non_null(fate_claim(c->docs[0], "hostage", "alive"));
    corpus_free(c);
}

static void test_no_one_survived_means_everyone_died(void **state)
{
    struct corpus *c = run(state,
        "Ferry sinks\n\n"
        "The ferry sank in a storm on Monday. No one survived, the coast "
        "guard said. A storm killing all 40 people aboard hit the coast. "
        "No one was hurt on the shore.\n",
        NULL);
    const struct doc *d = c->docs[0];
    const struct claim *none = fate_claim(d, "all", "dead");
    assert_non_null(none);
    assert_string_equal(none->cls, "people");
    assert_int_equal(fate_claims_of(d), 2);
    corpus_free(c);
}

static void test_a_hostage_joins_the_group_named_before(void **state)
{
    struct corpus *c = run(state,
        "Kidnap\n\n"
        "Gunmen seized two journalists on Monday and killed one of them. "
        "The other hostage was freed.\n",
        NULL);
    const struct doc *d = c->docs[0];
    const struct claim *one = fate_claim(d, "one", "dead");
    const struct claim *other = fate_claim(d, "other", "freed");
    assert_non_null(one);
    assert_non_null(other);
    assert_string_equal(other->cls, "press");
    corpus_free(c);
}

static void test_fates_after_a_denial_are_left_out(void **state)
{
    struct corpus *c = run(state,
        "Kidnap\n\n"
        "Both journalists are alive, the agency said, denying reports that "
        "one had been killed.\n",
        NULL);
    const struct doc *d = c->docs[0];
    assert_non_null(fate_claim(d, "both", "alive"));
    assert_int_equal(fate_claims_of(d), 1);
    corpus_free(c);
}

static void test_a_denied_or_feared_fate_is_no_claim(void **state)
{
    struct corpus *c = run(state,
        "Patrol\n\n"
        "The soldier was not killed in the blast. Officers said the pilot "
        "would be rescued. Not one soldier was hurt, one report said.\n",
        NULL);
    assert_int_equal(fate_claims_of(c->docs[0]), 0);
    corpus_free(c);
}

static void test_an_aircraft_shot_down_is_no_fate(void **state)
{
    struct corpus *c = run(state,
        "Jet lost\n\n"
        "The pilot said the jet was shot down over the sea. Rebels shot at "
        "the pilot.\n",
        NULL);
    assert_int_equal(fate_claims_of(c->docs[0]), 0);
    corpus_free(c);
}

static void test_fate_words_of_other_things_are_no_fate(void **state)
{
    struct corpus *c = run(state,
        "Patrol\n\n"
        "The pilot flew to a safe area. The navigator said the jet was "
        "missing. The soldier killed two gunmen. The two pilots ejected. "
        "The jet burned for an hour. Officials were silent. One was found "
        "dead.\n",
        NULL);
    assert_int_equal(fate_claims_of(c->docs[0]), 0);
    corpus_free(c);
}

static void test_a_distant_role_is_a_claim_of_its_own(void **state)
{
    struct corpus *c = run(state,
        "Crew member found\n\n"
        "A navigator of the transport plane lost over the sea on Monday "
        "has been found alive.\n",
        NULL);
    const struct doc *d = c->docs[0];
    const struct claim *fate = fate_claim(d, "navigator", "alive");
    assert_non_null(fate);
    assert_int_equal(fate->span.end - fate->span.start,
                     strlen("has been found alive"));
    bool role = false;
    for (size_t i = 0; i < d->nclaims; i++)
        role = role || (d->claims[i].kind == CLAIM_ROLE &&
                        d->claims[i].mention_idx < 0 &&
                        !strcmp(d->claims[i].text, "navigator"));
    assert_true(role);
    corpus_free(c);
}

static void test_a_headline_names_no_fate(void **state)
{
    struct corpus *c = run(state, "Pilot Rescued\n\nThe jet crashed.\n", NULL);
    assert_int_equal(fate_claims_of(c->docs[0]), 0);
    corpus_free(c);
}

/* ---- verdicts ------------------------------------------------------------ */

static void test_dead_against_rescued_is_a_conflict(void **state)
{
    struct corpus *c = run(state,
        "Crew lost\n\n"
        "Russia said Turkey downed the jet over Syria. Rebels said they shot "
        "both pilots as they fell.\n",
        "Navigator saved\n\n"
        "Russia said Turkey downed the jet over Syria. One pilot was killed. "
        "The navigator was rescued by special forces.\n");
    const struct comparison *k = fate_cmp(c, "fate of the navigator");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_int_equal(k->nvalues, 2);
    assert_string_equal(k->note, "shot vs rescued: exclusive fates");
    corpus_free(c);
}

static void test_missing_then_dead_is_partial(void **state)
{
    struct corpus *c = run(state,
        "Crew lost\n\n"
        "Russia said Turkey downed the jet over Syria. The two pilots "
        "ejected. One was killed and the other is still missing.\n",
        "Crew lost\n\n"
        "Russia said Turkey downed the jet over Syria. One pilot died. The "
        "other was found dead later.\n");
    assert_verdict(c, fate_cmp(c, "fate of the other"), VERDICT_PARTIAL);
    assert_verdict(c, fate_cmp(c, "fate of one of them"), VERDICT_AGREE);
    assert_int_equal(fate_conflicts(c), 0);
    corpus_free(c);
}

static void test_captured_then_rescued_is_partial(void **state)
{
    struct corpus *c = run(state,
        "Hostage\n\n"
        "Russia said a journalist was captured in Syria near Turkey.\n",
        "Hostage\n\n"
        "Russia said the journalist was rescued in Syria near Turkey.\n");
    assert_verdict(c, fate_cmp(c, "fate of the journalist"), VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_freed_against_killed_is_a_conflict(void **state)
{
    struct corpus *c = run(state,
        "Hostages\n\n"
        "Russia said gunmen in Syria near Turkey seized two journalists. "
        "One was freed and the other was killed.\n",
        "Hostages\n\n"
        "Russia said gunmen in Syria near Turkey killed both journalists.\n");
    assert_verdict(c, fate_cmp(c, "fate of one of them"), VERDICT_CONFLICT);
    assert_verdict(c, fate_cmp(c, "fate of the other"), VERDICT_AGREE);
    corpus_free(c);
}

static void test_everyone_alive_against_one_killed_is_a_conflict(void **state)
{
    struct corpus *c = run(state,
        "Kidnap\n\n"
        "Russia said gunmen in Syria near Turkey seized two journalists. "
        "They killed one of them. The other was freed.\n",
        "Kidnap\n\n"
        "Russia said both journalists seized in Syria near Turkey are "
        "alive. One was freed and the other is still held.\n");
    assert_verdict(c, fate_cmp(c, "fate of one of them"), VERDICT_CONFLICT);
    corpus_free(c);
}

static void test_people_are_matched_by_fate_not_by_order(void **state)
{
    struct corpus *c = run(state,
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. The two pilots "
        "ejected. One was killed and the other was rescued.\n",
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. The two pilots "
        "ejected. One was rescued and the other died.\n");
    assert_int_equal(fate_conflicts(c), 0);
    assert_verdict(c, fate_cmp(c, "fate of one of them"), VERDICT_AGREE);
    corpus_free(c);
}

static void test_people_that_match_two_ways_are_kept_apart(void **state)
{
    /* captured/missing against killed/rescued fits either way round:
     * nothing says which person of one text is which of the other. */
    struct corpus *c = run(state,
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. The two pilots "
        "ejected. One was captured and the other is missing.\n",
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. The two pilots "
        "ejected. One was killed and the other was rescued.\n");
    assert_null(fate_cmp(c, "fate of one of them"));
    assert_null(fate_cmp(c, "fate of the other"));
    corpus_free(c);
}

static void test_one_dead_against_both_dead_is_a_count_conflict(void **state)
{
    struct corpus *c = run(state,
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. One pilot was dead "
        "and the second remained missing.\n",
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. Rebels said they "
        "killed both pilots.\n");
    const struct comparison *k = fate_cmp(c, "how many killed");
    assert_verdict(c, k, VERDICT_CONFLICT);
    assert_string_equal(k->note, "1 vs 2");
    corpus_free(c);
}

static void test_same_fate_agrees(void **state)
{
    struct corpus *c = run(state,
        "Raid\n\n"
        "Russia said a marine was killed in Syria near Turkey.\n",
        "Raid\n\n"
        "Russia said the marine died in Syria near Turkey.\n");
    assert_verdict(c, fate_cmp(c, "fate of the marine"), VERDICT_AGREE);
    corpus_free(c);
}

static void test_one_role_of_one_person_agrees(void **state)
{
    struct corpus *c = run(state,
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. The navigator was "
        "rescued.\n",
        "Crew\n\n"
        "Russia said Turkey downed the jet over Syria. Officials said the "
        "navigator is safe.\n");
    const struct comparison *k = NULL;
    for (size_t i = 0; i < c->ncomparisons && !k; i++)
        if (c->comparisons[i].kind == CLAIM_ROLE &&
            strstr(c->comparisons[i].topic, "role of the navigator"))
            k = &c->comparisons[i];
    assert_verdict(c, k, VERDICT_AGREE);
    assert_verdict(c, fate_cmp(c, "fate of the navigator"), VERDICT_PARTIAL);
    corpus_free(c);
}

static void test_one_soldier_dead_and_one_rescued_may_be_two(void **state)
{
    struct corpus *c = run(state,
        "Raid\n\n"
        "Russia said the soldier was killed in Syria near Turkey.\n",
        "Raid\n\n"
        "Russia said the soldier was rescued in Syria near Turkey.\n");
    assert_int_equal(fate_conflicts(c), 0);
    assert_null(fate_cmp(c, "fate of the soldier"));
    corpus_free(c);
}

static void test_both_dead_and_a_lone_survivor_may_be_others(void **state)
{
    /* "both soldiers" of the attack are not every soldier of the story:
     * the second text itself tells of another one, rescued */
    struct corpus *c = run(state,
        "Attack\n\n"
        "Russia said a soldier was rescued from the rubble in Syria near "
        "Turkey on Tuesday.\n",
        "Attack\n\n"
        "Russia said both soldiers died in the attack in Syria near Turkey. "
        "A soldier was rescued on Tuesday.\n");
    assert_int_equal(fate_conflicts(c), 0);
    assert_verdict(c, fate_cmp(c, "fate of the soldier"), VERDICT_AGREE);
    corpus_free(c);
}

static void test_groups_are_not_compared_with_each_other(void **state)
{
    struct corpus *c = run(state,
        "Raid\n\n"
        "Russia said the pilot was rescued in Syria near Turkey.\n",
        "Raid\n\n"
        "Russia said the marine was killed in Syria near Turkey.\n");
    assert_int_equal(fate_conflicts(c), 0);
    assert_null(fate_cmp(c, "fate of the pilot"));
    corpus_free(c);
}

/* ---- token masks --------------------------------------------------------- */

/* The claims fate_claims adds to doc when it starts with none, copied
 * into *out (the caller frees it); their number. */
static size_t fates_of(const struct fater *ft, struct doc *doc,
                       const struct wordmask_doc *masks,
                       struct claim **out)
{
    doc->nclaims = 0;
    fate_claims(ft, doc, masks);
    *out = malloc((doc->nclaims + 1) * sizeof **out);
    if (doc->nclaims)
        memcpy(*out, doc->claims, doc->nclaims * sizeof **out);
    return doc->nclaims;
}

/* The masks of a wordmask fate_index filled stand in for the fater's own
 * filters: random sentences over fate, people, referent and denial
 * words, in every case, give exactly the claims of the plain path. The
 * tables sit at bit 9, above a table of another user that shares a
 * word, as in the claimer. */
static void test_token_masks_give_the_claims_of_the_filters(void **state)
{
    const struct fixture *f = *state;
    static const char *const words[] = {
        "one", "the", "other", "pilot", "pilots", "crew", "members",
        "was", "were", "killed", "captured", "rescued", "missing", "both",
        "two", "soldiers", "soldier", "denied", "reports", "that", "and",
        "remained", "navigator", "dead", "died", "of", "them", "shot",
        "hostage", "freed", "second", "found", "alive", "a", "in", "said",
        "no", "way", "evidence", "deny",
    };
    struct fater *ft;
    struct diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(fate_new(f->rules, &ft, &d), CD_OK);
    struct wordmask *wm = wordmask_new();
    wordmask_add(wm, 2, "killed", 6, false);
    assert_false(fate_index(ft, wm, WORDMASK_TABLES - FATE_MASK_TABLES + 1));
    assert_true(fate_index(ft, wm, 9));
    unsigned seed = 7;
    size_t total = 0;
    for (int round = 0; round < 200; round++) {
        char *text = harness_random_text(words, sizeof words / sizeof *words,
                                         60, &seed);
        struct doc *doc = harness_tagged(f, text);
        struct wordmask_doc *masks = harness_masks(wm, doc);
        struct claim *plain, *masked;
        size_t n = fates_of(ft, doc, NULL, &plain);
        size_t m = fates_of(ft, doc, masks, &masked);
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
    /* the texts must tell fates, or the test compares nothing */
    assert_true(total > 100);
    wordmask_free(wm);
    fate_free(ft);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_and_the_other_are_two_people),
        cmocka_unit_test(test_a_fate_verb_takes_the_person_after_it),
        cmocka_unit_test(test_a_group_named_by_its_fate_is_no_fate_of_all),
        cmocka_unit_test(test_the_passengers_were_killed_is_a_fate_of_all),
        cmocka_unit_test(test_a_role_noun_far_before_its_fate_is_the_person),
        cmocka_unit_test(test_he_is_the_person_just_spoken_of),
        cmocka_unit_test(test_no_one_survived_means_everyone_died),
        cmocka_unit_test(test_a_hostage_joins_the_group_named_before),
        cmocka_unit_test(test_fates_after_a_denial_are_left_out),
        cmocka_unit_test(test_a_denied_or_feared_fate_is_no_claim),
        cmocka_unit_test(test_an_aircraft_shot_down_is_no_fate),
        cmocka_unit_test(test_fate_words_of_other_things_are_no_fate),
        cmocka_unit_test(test_a_distant_role_is_a_claim_of_its_own),
        cmocka_unit_test(test_a_headline_names_no_fate),
        cmocka_unit_test(test_dead_against_rescued_is_a_conflict),
        cmocka_unit_test(test_missing_then_dead_is_partial),
        cmocka_unit_test(test_captured_then_rescued_is_partial),
        cmocka_unit_test(test_freed_against_killed_is_a_conflict),
        cmocka_unit_test(test_everyone_alive_against_one_killed_is_a_conflict),
        cmocka_unit_test(test_people_are_matched_by_fate_not_by_order),
        cmocka_unit_test(test_people_that_match_two_ways_are_kept_apart),
        cmocka_unit_test(test_one_dead_against_both_dead_is_a_count_conflict),
        cmocka_unit_test(test_same_fate_agrees),
        cmocka_unit_test(test_one_role_of_one_person_agrees),
        cmocka_unit_test(test_one_soldier_dead_and_one_rescued_may_be_two),
        cmocka_unit_test(test_both_dead_and_a_lone_survivor_may_be_others),
        cmocka_unit_test(test_groups_are_not_compared_with_each_other),
        cmocka_unit_test(test_token_masks_give_the_claims_of_the_filters),
    };
    return cmocka_run_group_tests(tests, harness_setup, harness_teardown);
}
