/* test_claim.c - event frames, values, statements and descriptions
 * (claim.h).
 *
 * Every test runs the whole pipeline as main.c does (segment, tag, date,
 * number, quote, claim per document; link, anchor, compare per corpus)
 * on short invented wire stories, then looks at doc->claims.
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
#include "rulesdir.h"

/* ---- harness ------------------------------------------------------------- */

/* One article through the pipeline; its document is c->docs[0]. */
static struct corpus *one(void **state, const char *text)
{
    const char *texts[] = {text, NULL};
    return harness_pipeline(*state, texts);
}

static bool span_is(const struct doc *doc, struct span s, const char *want)
{
    size_t n = strlen(want);
    return s.end - s.start == n && memcmp(doc->text + s.start, want, n) == 0;
}

static bool span_has(const struct doc *doc, struct span s, const char *want)
{
    size_t n = strlen(want);
    for (size_t i = s.start; i + n <= s.end; i++)
        if (memcmp(doc->text + i, want, n) == 0)
            return true;
    return false;
}

static void assert_span_text(const struct doc *doc, struct span s,
                             const char *want)
{
    size_t n = strlen(want);
    if (!span_is(doc, s, want))
        fprintf(stderr, "span is '%.*s', want '%s'\n",
                (int)(s.end - s.start), doc->text + s.start, want);
    assert_int_equal(s.end - s.start, n);
    assert_memory_equal(doc->text + s.start, want, n);
}

/* The first claim of this kind (and class, when cls is not NULL) whose
 * span contains the words `in` (NULL: any span); NULL if none. */
static const struct claim *find_claim(const struct doc *doc,
                                      enum claim_kind kind, const char *cls,
                                      const char *in)
{
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != kind)
            continue;
        if (cls && (!cl->cls || strcmp(cl->cls, cls)))
            continue;
        if (in && !span_has(doc, cl->span, in))
            continue;
        return cl;
    }
    return NULL;
}

static size_t count_claims(const struct doc *doc, enum claim_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        n += doc->claims[i].kind == kind;
    return n;
}

/* The words of mention i, for readable asserts. */
static void assert_mention(const struct doc *doc, int i, const char *words)
{
    assert_true(i >= 0 && (size_t)i < doc->nmentions);
    assert_span_text(doc, doc->mentions[i].span, words);
}

/* ---- events and counts --------------------------------------------------- */

static void test_shootdown_is_an_event_of_its_aircraft(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost over Syria\n\n"
        "A Russian Mi-8 helicopter was shot down over Syria on Monday, "
        "killing all five people on board. Moscow vowed to respond.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ev =
        find_claim(doc, CLAIM_EVENT, "shootdown", "shot down");
    assert_non_null(ev);
    assert_string_equal(ev->cls, "shootdown");
    assert_non_null(ev->thing);
    assert_string_equal(ev->thing, "mi8");
    assert_false(ev->negated);
    assert_true(ev->frame > 0);
    assert_true(span_has(doc, ev->span, "shot down"));

    const struct claim *th = find_claim(doc, CLAIM_THING, NULL, NULL);
    assert_non_null(th);
    assert_string_equal(th->thing, "mi8");
    assert_string_equal(th->text, "Mi-8");
    assert_span_text(doc, th->span, "Mi-8 helicopter");
    corpus_free(c);
}

static void test_killing_all_five_on_board_counts_people_killed(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost over Syria\n\n"
        "A Russian Mi-8 helicopter was shot down over Syria on Monday, "
        "killing all five people on board. Moscow vowed to respond.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cc = find_claim(doc, CLAIM_COUNT, NULL, "five");
    assert_non_null(cc);
    assert_string_equal(cc->cls, "killed");
    assert_string_equal(cc->slot, "killed/people");
    assert_string_equal(cc->thing, "mi8");
    assert_false(cc->negated);
    assert_true(cc->number_idx >= 0 && (size_t)cc->number_idx < doc->nnumbers);
    assert_true(doc->numbers[cc->number_idx].value == 5.0);
    assert_true(span_has(doc, cc->span, "five people"));
    /* the count belongs to the killing's frame */
    const struct claim *kill = find_claim(doc, CLAIM_EVENT, "killed", NULL);
    assert_non_null(kill);
    assert_int_equal(cc->frame, kill->frame);
    corpus_free(c);
}

static void test_a_count_span_does_not_reach_across_another_count(
    void **state)
{
    struct corpus *c = one(state,
        "Airliner lost\n\n"
        "The Xk-31 airliner was carrying 120 passengers and six crew when "
        "it crashed.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *crew = find_claim(doc, CLAIM_COUNT, NULL, "six");
    assert_non_null(crew);
    assert_span_text(doc, crew->span, "six crew");
    const struct claim *pax = find_claim(doc, CLAIM_COUNT, NULL, "120");
    assert_non_null(pax);
    assert_span_text(doc, pax->span, "carrying 120 passengers");
    corpus_free(c);
}

static void test_nationality_counts_are_measures_of_people(void **state)
{
    struct corpus *c = one(state,
        "Airliner lost\n\n"
        "The Xk-31 airliner crashed on Tuesday. Sixty passengers were "
        "Dutch, the airline said. There were 30 Belgian victims. Officials "
        "said 12 aboard the plane are Irish nationals. Two Turkish F-16s "
        "flew over the site.\n");
    const struct doc *doc = c->docs[0];
    static const struct {
        const char *words, *slot;
    } want[] = {
        {"Sixty passengers were Dutch", "Dutch nationals"},
        {"30 Belgian victims", "Belgian nationals"},
        {"12 aboard the plane are Irish", "Irish nationals"},
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        const struct claim *cl = NULL;
        for (size_t i = 0; i < doc->nclaims && !cl; i++)
            if (doc->claims[i].slot &&
                !strcmp(doc->claims[i].slot, want[k].slot))
                cl = &doc->claims[i];
        assert_non_null(cl);
        assert_span_text(doc, cl->span, want[k].words);
        assert_true(cl->scale == 1.0);
    }
    /* aircraft are no nationals */
    for (size_t i = 0; i < doc->nclaims; i++)
        assert_false(doc->claims[i].slot &&
                     strstr(doc->claims[i].slot, "Turkish"));
    corpus_free(c);
}

static void test_a_vehicle_with_people_counts_those_aboard(void **state)
{
    struct corpus *c = one(state,
        "Plane missing\n\n"
        "A Xk-31 plane with 14 crew members has disappeared over the sea.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cc = find_claim(doc, CLAIM_COUNT, NULL, "14");
    assert_non_null(cc);
    assert_string_equal(cc->slot, "aboard/crew");
    assert_span_text(doc, cc->span, "with 14 crew members");
    corpus_free(c);
}

static void test_from_and_to_of_a_journey_are_its_route(void **state)
{
    struct corpus *c = one(state,
        "Airliner lost\n\n"
        "The airliner was travelling from Lisbon, Portugal to the northern "
        "city of Porto when it crashed. Troops were sent from Lisbon to "
        "Porto.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *from = find_claim(doc, CLAIM_PLACE, "route", "Lisbon");
    assert_non_null(from);
    assert_string_equal(from->slot, "from");
    assert_span_text(doc, from->span, "from Lisbon");
    const struct claim *to = find_claim(doc, CLAIM_PLACE, "route", "Porto");
    assert_non_null(to);
    assert_string_equal(to->slot, "to");
    assert_span_text(doc, to->span, "to the northern city of Porto");
    /* troops sent somewhere make no journey of a vehicle */
    size_t routes = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        routes += doc->claims[i].cls && !strcmp(doc->claims[i].cls, "route");
    assert_int_equal(routes, 2);
    corpus_free(c);
}

/* ---- measures ------------------------------------------------------------ */

static void test_a_number_with_a_unit_is_a_measure(void **state)
{
    struct corpus *c = one(state,
        "Airliner lost\n\n"
        "The Airbus A320 descended from 38,000 feet in eight minutes. "
        "It had flown for two hours. Rescuers arrived ten minutes later.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *alt = find_claim(doc, CLAIM_COUNT, NULL, "38,000");
    assert_non_null(alt);
    assert_string_equal(alt->slot, "altitude");
    assert_true(alt->scale > 0.3047 && alt->scale < 0.3049);
    assert_string_equal(alt->thing, "a320");
    assert_span_text(doc, alt->span, "38,000 feet");
    const struct claim *dur = find_claim(doc, CLAIM_COUNT, NULL, "two hours");
    assert_non_null(dur);
    assert_string_equal(dur->slot, "duration");
    assert_true(dur->scale == 3600.0);
    /* "ten minutes later" is a moment, not a duration */
    assert_null(find_claim(doc, CLAIM_COUNT, NULL, "ten minutes"));
    corpus_free(c);
}

static void test_a_number_joined_to_its_unit_is_a_measure(void **state)
{
    struct corpus *c = one(state,
        "Search ends\n\n"
        "Divers ended a 30-hour search on Sunday after a six-minute dive "
        "found the wreck.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *dur = find_claim(doc, CLAIM_COUNT, NULL, "30-hour");
    assert_non_null(dur);
    assert_string_equal(dur->slot, "duration");
    assert_true(dur->scale == 3600.0);
    assert_span_text(doc, dur->span, "30-hour");
    const struct claim *dive = find_claim(doc, CLAIM_COUNT, NULL, "six-minute");
    assert_non_null(dive);
    assert_true(dive->scale == 60.0);
    corpus_free(c);
}

static void test_a_makers_name_keys_like_its_designation(void **state)
{
    struct corpus *c = one(state,
        "Aircraft lost\n\n"
        "The Ilyushin-20 plane was lost. Its crew boarded the Il-20 aircraft "
        "at dawn.\n");
    const struct doc *doc = c->docs[0];
    assert_int_equal(count_claims(doc, CLAIM_THING), 2);
    for (size_t i = 0; i < doc->nclaims; i++)
        if (doc->claims[i].kind == CLAIM_THING)
            assert_string_equal(doc->claims[i].thing, "il20");
    corpus_free(c);
}

/* ---- who holds the ground ------------------------------------------------- */

static void test_the_holder_of_the_area_is_a_slot_of_the_event(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost\n\n"
        "A Mi-8 helicopter was shot down over an area under the control of "
        "the terrorist group al-Nusra Front. Another was shot down over "
        "rebel-held territory.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *a = NULL, *b = NULL;
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind == CLAIM_ACTOR && cl->slot) {
            if (!a)
                a = cl;
            else
                b = cl;
        }
    }
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a->slot, "held by");
    assert_string_equal(a->cls, "shootdown");
    assert_mention(doc, a->mention_idx, "al-Nusra Front");
    assert_span_text(doc, a->span,
                     "under the control of the terrorist group al-Nusra Front");
    assert_int_equal(b->mention_idx, -1);
    assert_string_equal(b->text, "rebel");
    assert_span_text(doc, b->span, "rebel-held");
    corpus_free(c);
}

/* ---- negation ------------------------------------------------------------ */

static void test_did_not_violate_is_negated(void **state)
{
    struct corpus *c = one(state,
        "Moscow answers Ankara\n\n"
        "Russia said the jet did not violate Turkish airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", NULL);
    assert_non_null(ev);
    assert_true(ev->negated);
    assert_true(span_has(c->docs[0], ev->span, "violate"));
    corpus_free(c);
}

static void test_denied_that_negates_the_clause(void **state)
{
    struct corpus *c = one(state,
        "Moscow answers Ankara\n\n"
        "Moscow denied that the jet violated Turkish airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "violated");
    assert_non_null(ev);
    assert_true(ev->negated);
    corpus_free(c);
}

static void test_violated_alone_is_not_negated(void **state)
{
    struct corpus *c = one(state,
        "Ankara protests\n\n"
        "Ankara said the jet violated Turkish airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "violated");
    assert_non_null(ev);
    assert_false(ev->negated);
    corpus_free(c);
}

static void test_far_negator_does_not_negate(void **state)
{
    struct corpus *c = one(state,
        "Ankara protests\n\n"
        "Officials did not comment on reports from villagers who said the "
        "jet violated the airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "violated");
    assert_non_null(ev);
    assert_false(ev->negated);
    corpus_free(c);
}

/* ---- whose territory and mood -------------------------------------------- */

static void test_presence_over_a_country_is_a_violation_frame(void **state)
{
    struct corpus *c = one(state,
        "Ministry answers\n\n"
        "The Xk-31 jet remained exclusively over Bulgarian territory, the "
        "ministry said.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "remained");
    assert_non_null(ev);
    assert_non_null(ev->slot);
    assert_string_equal(ev->slot, "in Bulgaria");
    assert_false(ev->negated);
    assert_true(span_has(c->docs[0], ev->span, "Bulgarian territory"));
    corpus_free(c);
}

static void test_incursion_names_the_country_entered(void **state)
{
    struct corpus *c = one(state,
        "Border row\n\n"
        "An official said the Xk-31 jet flew across a strip of Greek "
        "airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "flew across");
    assert_non_null(ev);
    assert_non_null(ev->slot);
    assert_string_equal(ev->slot, "into Greece");
    assert_false(ev->negated);
    corpus_free(c);
}

static void test_a_violation_predicate_takes_the_area(void **state)
{
    struct corpus *c = one(state,
        "Border row\n\n"
        "Athens said the Xk-31 jet had not violated Greek airspace.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", "violated");
    assert_non_null(ev);
    assert_non_null(ev->slot);
    assert_string_equal(ev->slot, "into Greece");
    assert_true(ev->negated);
    corpus_free(c);
}

static void test_an_idiom_opens_no_frame(void **state)
{
    struct corpus *c = one(state,
        "Border row\n\n"
        "The ministry said it had warned the embassy in advance, and troops "
        "were advancing on the town.\n");
    size_t advances = 0;
    for (size_t i = 0; i < c->docs[0]->nclaims; i++) {
        const struct claim *cl = &c->docs[0]->claims[i];
        if (cl->kind != CLAIM_EVENT || !cl->cls || strcmp(cl->cls, "advance"))
            continue;
        advances++;
        assert_true(span_has(c->docs[0], cl->span, "advancing"));
        assert_false(span_has(c->docs[0], cl->span, "in advance"));
    }
    assert_int_equal(advances, 1);
    corpus_free(c);
}

static void test_a_presence_needs_a_thing_for_subject(void **state)
{
    struct corpus *c = one(state,
        "Visit\n\n"
        "The minister was in Greece for talks on the Xk-31 jet.\n");
    assert_null(find_claim(c->docs[0], CLAIM_EVENT, "violation", NULL));
    corpus_free(c);
}

static void test_no_way_denies_the_clause_after_it(void **state)
{
    struct corpus *c = one(state,
        "Pilot speaks\n\n"
        "The pilot said there was no way the Xk-31 jet was flying over "
        "Greece.\n");
    const struct claim *ev =
        find_claim(c->docs[0], CLAIM_EVENT, "violation", NULL);
    assert_non_null(ev);
    assert_non_null(ev->slot);
    assert_string_equal(ev->slot, "in Greece");
    assert_true(ev->negated);
    corpus_free(c);
}

static void test_a_near_negator_governs_the_nearest_predicate(void **state)
{
    struct corpus *c = one(state,
        "Crash in the Alps\n\n"
        "No one survived in the crash of the Xk-31 jet.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *sv = find_claim(doc, CLAIM_EVENT, "survived", NULL);
    const struct claim *cr = find_claim(doc, CLAIM_EVENT, "crash", NULL);
    assert_non_null(sv);
    assert_non_null(cr);
    assert_true(sv->negated);
    assert_false(cr->negated);
    corpus_free(c);
}

static void test_negation_runs_through_or(void **state)
{
    struct corpus *c = one(state,
        "Quiet night\n\n"
        "No one was killed or injured in the blast.\n");
    const struct claim *in =
        find_claim(c->docs[0], CLAIM_EVENT, "injured", NULL);
    assert_non_null(in);
    assert_true(in->negated);
    corpus_free(c);
}

static void test_a_needed_or_hoped_event_is_unreal(void **state)
{
    struct corpus *c = one(state,
        "Talks in Geneva\n\n"
        "Russia does not need to conduct an offensive in Syria. "
        "Rescuers hope to find survivors.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *of = find_claim(doc, CLAIM_EVENT, "offensive", NULL);
    const struct claim *sv = find_claim(doc, CLAIM_EVENT, "survived", NULL);
    assert_non_null(of);
    assert_non_null(sv);
    assert_non_null(of->slot);
    assert_string_equal(of->slot, "unreal");
    assert_non_null(sv->slot);
    assert_string_equal(sv->slot, "unreal");
    corpus_free(c);
}

static void test_a_promise_that_failed_is_denied(void **state)
{
    struct corpus *c = one(state,
        "Border talks\n\n"
        "The mediators said they would disengage the two militias "
        "they are backing from the smugglers, but so far they have not been "
        "successful in doing so.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *sep =
        find_claim(doc, CLAIM_EVENT, "separation", NULL);
    const struct claim *fund = find_claim(doc, CLAIM_EVENT, "support", NULL);
    assert_non_null(sep);
    assert_non_null(fund);
    assert_true(sep->negated);
    assert_null(sep->slot); /* a told denial now, not a plan */
    assert_true(span_has(doc, sep->span, "not been successful"));
    assert_false(fund->negated); /* the real frame between is passed over */
    corpus_free(c);
}

static void test_a_failure_cue_after_a_real_event_denies_nothing(
    void **state)
{
    struct corpus *c = one(state,
        "Night raid\n\n"
        "Gunmen attacked the police station in the town, but failed.\n");
    const struct claim *at =
        find_claim(c->docs[0], CLAIM_EVENT, "attack", NULL);
    assert_non_null(at);
    assert_false(at->negated);
    corpus_free(c);
}

static void test_laying_down_arms_and_separating_are_frames(void **state)
{
    struct corpus *c = one(state,
        "Truce terms\n\n"
        "The fighters who lay down their arms may leave. "
        "The council urged the moderates to part ways with the "
        "extremists. In a separate incident, a bridge collapsed.\n");
    const struct doc *doc = c->docs[0];
    assert_non_null(find_claim(doc, CLAIM_EVENT, "retreat", "lay down"));
    assert_non_null(find_claim(doc, CLAIM_EVENT, "separation", "part ways"));
    /* the adjective is no frame */
    assert_null(find_claim(doc, CLAIM_EVENT, "separation", "separate"));
    corpus_free(c);
}

static void test_can_makes_an_event_possible_not_told(void **state)
{
    struct corpus *c = one(state,
        "Siege\n\n"
        "Once the corridors close, the army can begin the assault.\n");
    const struct claim *at =
        find_claim(c->docs[0], CLAIM_EVENT, "attack", NULL);
    assert_non_null(at);
    assert_non_null(at->slot);
    assert_string_equal(at->slot, "unreal");
    corpus_free(c);
}

/* ---- actor, place, date -------------------------------------------------- */

static void test_passive_by_names_the_actor(void **state)
{
    struct corpus *c = one(state,
        "Jet lost near border\n\n"
        "A Russian Su-24 jet was shot down by Turkey on Tuesday.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ac = find_claim(doc, CLAIM_ACTOR, "shootdown", NULL);
    assert_non_null(ac);
    assert_mention(doc, ac->mention_idx, "Turkey");
    assert_true(span_has(doc, ac->span, "by Turkey"));
    const struct claim *ev = find_claim(doc, CLAIM_EVENT, "shootdown", NULL);
    assert_non_null(ev);
    assert_int_equal(ev->subject, ac->mention_idx);
    assert_int_equal(ev->frame, ac->frame);
    corpus_free(c);
}

/* ---- who took part, what was told (su24b) ----------------------------- */

static void test_a_meeting_of_a_body_names_who_met(void **state)
{
    struct corpus *c = one(state,
        "Envoys briefed\n\n"
        "Diplomats from Russia and Turkey briefed a closed meeting of the "
        "EU's European Council, officials said.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ac = find_claim(doc, CLAIM_ACTOR, "meeting", NULL);
    assert_non_null(ac);
    assert_mention(doc, ac->mention_idx, "European Council");
    assert_true(
        span_has(doc, ac->span, "meeting of the EU's European Council"));
    corpus_free(c);
}

static void test_of_after_an_attack_names_no_actor(void **state)
{
    /* "the shelling of X": X was hit, it did not shell */
    struct corpus *c = one(state,
        "Offices hit\n\n"
        "Officials condemned the shelling of the European Council offices.\n");
    const struct doc *doc = c->docs[0];
    assert_non_null(find_claim(doc, CLAIM_EVENT, "shelling", NULL));
    assert_null(find_claim(doc, CLAIM_ACTOR, "shelling", NULL));
    corpus_free(c);
}

static void test_times_counts_the_events_own_slot(void **state)
{
    struct corpus *c = one(state,
        "Pilot ignored calls\n\n"
        "Turkey warned the Russian pilot 10 times over Syria.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cc = find_claim(doc, CLAIM_COUNT, "warning", NULL);
    assert_non_null(cc);
    assert_string_equal(cc->slot, "warnings/warnings");
    corpus_free(c);
}

static void test_a_thing_past_a_clause_opener_is_not_the_earlier_frames(
    void **state)
{
    struct corpus *c = one(state,
        "Jet downed\n\n"
        "Turkey warned the Russian pilot 10 times before its Xk-31 jet "
        "opened fire over Syria.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *warn = find_claim(doc, CLAIM_EVENT, "warning", NULL);
    const struct claim *fire = find_claim(doc, CLAIM_EVENT, "attack", NULL);
    assert_non_null(warn);
    assert_non_null(fire);
    assert_null(warn->thing);
    assert_non_null(fire->thing);
    assert_string_equal(fire->thing, "xk31");
    const struct claim *cc = find_claim(doc, CLAIM_COUNT, "warning", NULL);
    assert_non_null(cc);
    assert_null(cc->thing);
    corpus_free(c);
}

static void test_warning_of_consequences_is_a_threat(void **state)
{
    struct corpus *c = one(state,
        "Moscow angry\n\n"
        "Russia warned of serious consequences for its ties with Turkey.\n");
    const struct doc *doc = c->docs[0];
    assert_non_null(find_claim(doc, CLAIM_EVENT, "threat", "warned of"));
    assert_null(find_claim(doc, CLAIM_EVENT, "warning", NULL));
    corpus_free(c);
}

static void test_never_responded_is_a_denied_response(void **state)
{
    struct corpus *c = one(state,
        "Calls unanswered\n\n"
        "The Xk-31 crew was called ten times and never responded.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ev = find_claim(doc, CLAIM_EVENT, "response", NULL);
    assert_non_null(ev);
    assert_true(ev->negated);
    corpus_free(c);
}

static void test_who_released_an_image_is_its_actor(void **state)
{
    struct corpus *c = one(state,
        "Radar track shown\n\n"
        "A radar image released by Turkey showed the Xk-31 jet over its "
        "territory.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ac = find_claim(doc, CLAIM_ACTOR, "disclosure", NULL);
    assert_non_null(ac);
    assert_mention(doc, ac->mention_idx, "Turkey");
    corpus_free(c);
}

static void test_over_a_country_is_the_place(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost\n\n"
        "A Russian Mi-8 helicopter was shot down over Syria on Monday.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *pc = find_claim(doc, CLAIM_PLACE, "shootdown", NULL);
    assert_non_null(pc);
    assert_span_text(doc, pc->span, "over Syria");
    assert_mention(doc, pc->mention_idx, "Syria");
    assert_false(pc->near);
    assert_string_equal(pc->thing, "mi8");
    corpus_free(c);
}

static void test_near_a_place_is_approximate(void **state)
{
    struct corpus *c = one(state,
        "Jet lost near border\n\n"
        "A Russian Su-24 jet was shot down by Turkey near Latakia on "
        "Tuesday.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *pc = find_claim(doc, CLAIM_PLACE, "shootdown", NULL);
    assert_non_null(pc);
    assert_span_text(doc, pc->span, "near Latakia");
    assert_mention(doc, pc->mention_idx, "Latakia");
    assert_true(pc->near);
    corpus_free(c);
}

static void test_date_in_the_clause_is_the_frame_date(void **state)
{
    struct corpus *c = one(state,
        "Aid convoy struck\n\n"
        "An air strike hit an aid convoy in Idlib on 1 August 2016.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *dc = find_claim(doc, CLAIM_DATE, "airstrike", NULL);
    assert_non_null(dc);
    assert_true(dc->date_idx >= 0 && (size_t)dc->date_idx < doc->ndates);
    assert_span_text(doc, doc->dates[dc->date_idx].span, "1 August 2016");
    assert_string_equal(doc->dates[dc->date_idx].value, "2016-08-01");
    assert_true(span_has(doc, dc->span, "1 August 2016"));
    const struct claim *ev = find_claim(doc, CLAIM_EVENT, "airstrike", NULL);
    assert_non_null(ev);
    assert_int_equal(dc->frame, ev->frame);
    corpus_free(c);
}

/* The time claim of class cls: its value, and its words in *span. */
static const char *time_of(const struct doc *doc, const char *cls,
                           struct span *span)
{
    const struct claim *cl = find_claim(doc, CLAIM_TIME, cls, NULL);
    if (!cl)
        return NULL;
    *span = cl->span;
    return cl->text;
}

static void test_clock_times_after_the_predicate_are_its_time(void **state)
{
    struct corpus *c = one(state,
        "Ferry news\n\n"
        "The ferry landed at around 9 p.m. after it took off at 10.53 am. "
        "The jet crashed at 14:05 on the ridge.\n");
    const struct doc *doc = c->docs[0];
    struct span sp;
    const char *v = time_of(doc, "landing", &sp);
    assert_non_null(v);
    assert_string_equal(v, "21:00");
    assert_span_text(doc, sp, "at around 9 p.m.");
    assert_true(find_claim(doc, CLAIM_TIME, "landing", NULL)->near);
    v = time_of(doc, "takeoff", &sp);
    assert_non_null(v);
    assert_string_equal(v, "10:53");
    assert_false(find_claim(doc, CLAIM_TIME, "takeoff", NULL)->near);
    v = time_of(doc, "crash", &sp);
    assert_non_null(v);
    assert_string_equal(v, "14:05");
    corpus_free(c);
}

/* Every meridiem form, in either case, gives its half of the day: the
 * first three forms are am, the last three pm (meridiem's list). */
static void test_every_meridiem_form_gives_its_half_of_the_day(void **state)
{
    static const struct {
        const char *form, *want;
    } cases[] = {{"am", "09:00"},   {"a.m.", "09:00"}, {"A.M", "09:00"},
                 {"PM", "21:00"},   {"p.m.", "21:00"}, {"p.M", "21:00"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[128];
        snprintf(text, sizeof text,
                 "Ferry news\n\nThe ferry landed at 9 %s near the port.\n",
                 cases[i].form);
        struct corpus *c = one(state, text);
        struct span sp;
        const char *v = time_of(c->docs[0], "landing", &sp);
        if (!v || strcmp(v, cases[i].want))
            fail_msg("'9 %s': %s, want %s", cases[i].form, v ? v : "none",
                     cases[i].want);
        corpus_free(c);
    }
}

static void test_decimals_and_bare_hours_are_no_clock_time(void **state)
{
    struct corpus *c = one(state,
        "Ferry news\n\n"
        "The ferry landed at 10.53 metres depth. The jet crashed at 14 "
        "sites. The boat sank at 25:10.\n");
    assert_null(find_claim(c->docs[0], CLAIM_TIME, NULL, NULL));
    corpus_free(c);
}

static void test_a_date_of_the_speech_verb_is_not_the_frame_date(void **state)
{
    struct corpus *c = one(state,
        "Aid convoy struck\n\n"
        "An air strike hit an aid convoy in Idlib, officials said on "
        "Thursday.\n");
    const struct doc *doc = c->docs[0];
    assert_true(doc->ndates > 0); /* the date is there, only not the strike's */
    assert_null(find_claim(doc, CLAIM_DATE, "airstrike", NULL));
    corpus_free(c);
}

static void test_ruling_out_and_no_indication_deny_the_attack(void **state)
{
    struct corpus *c = one(state,
        "Blast at depot\n\n"
        "The minister appeared to rule out a terrorist attack. There are no "
        "indications that the blast, which hurt two workers, was a terrorist "
        "act.\n");
    const struct doc *doc = c->docs[0];
    size_t denied = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        if (doc->claims[i].kind == CLAIM_EVENT && doc->claims[i].cls &&
            !strcmp(doc->claims[i].cls, "attack"))
            denied += doc->claims[i].negated ? 1 : 100;
    assert_int_equal(denied, 2);
    corpus_free(c);
}

/* ---- things -------------------------------------------------------------- */

static void test_thing_carries_to_the_next_sentence_of_its_paragraph(
    void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost in hills\n\n"
        "An Xk-31 helicopter crashed in the hills. It killed two soldiers.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *kill = find_claim(doc, CLAIM_EVENT, "killed", NULL);
    assert_non_null(kill);
    assert_non_null(kill->thing);
    assert_string_equal(kill->thing, "xk31");
    const struct claim *cc = find_claim(doc, CLAIM_COUNT, "killed", NULL);
    assert_non_null(cc);
    assert_string_equal(cc->thing, "xk31");
    assert_true(doc->numbers[cc->number_idx].value == 2.0);
    corpus_free(c);
}

static void test_thing_does_not_carry_to_another_paragraph(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost in hills\n\n"
        "An Xk-31 helicopter crashed in the hills.\n\n"
        "Elsewhere, a truck crashed on a mountain road.\n");
    const struct doc *doc = c->docs[0];
    /* the first crash event is the helicopter's, the last the truck's */
    const struct claim *first = NULL, *truck = NULL;
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != CLAIM_EVENT || !cl->cls || strcmp(cl->cls, "crash"))
            continue;
        if (!first)
            first = cl;
        truck = cl;
    }
    assert_non_null(first);
    assert_string_equal(first->thing, "xk31");
    assert_ptr_not_equal(truck, first);
    assert_true(span_has(doc, truck->span, "truck crashed"));
    assert_true(doc->sents[truck->sentence].paragraph !=
                doc->sents[first->sentence].paragraph);
    assert_null(truck->thing);
    corpus_free(c);
}

static void test_flight_number_forms_share_one_key(void **state)
{
    struct corpus *c = one(state,
        "Airliner lost\n\n"
        "Flight 4U9525 crashed in France. The flight 9525 had left Spain. "
        "Relatives of those on flight 4U 9525 gathered.\n");
    const struct doc *doc = c->docs[0];
    static const char *const written[] = {"Flight 4U9525", "flight 9525",
                                          "flight 4U 9525"};
    assert_int_equal(count_claims(doc, CLAIM_THING), 3);
    size_t k = 0;
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != CLAIM_THING)
            continue;
        assert_string_equal(cl->thing, "flight 9525");
        assert_string_equal(cl->slot, "flight");
        assert_span_text(doc, cl->span, written[k++]);
    }
    corpus_free(c);
}

static void test_ordinals_decades_and_ages_are_not_things(void **state)
{
    struct corpus *c = one(state,
        "Old aircraft retired\n\n"
        "The 22nd drone crashed on a test range. A 1990s jet crashed too. "
        "The 28-year-old plane crashed last.\n");
    const struct doc *doc = c->docs[0];
    assert_int_equal(count_claims(doc, CLAIM_THING), 0);
    assert_true(count_claims(doc, CLAIM_EVENT) >= 3);
    for (size_t i = 0; i < doc->nclaims; i++)
        assert_null(doc->claims[i].thing);
    corpus_free(c);
}

/* ---- descriptions -------------------------------------------------------- */

static void test_role_of_a_person_is_a_description(void **state)
{
    struct corpus *c = one(state,
        "Minister speaks\n\n"
        "Foreign Minister Sergei Lavrov arrived in Geneva on Monday for "
        "talks.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *rc = find_claim(doc, CLAIM_ROLE, NULL, "Lavrov");
    assert_non_null(rc);
    assert_string_equal(rc->slot, "role");
    assert_string_equal(rc->text, "Foreign Minister");
    assert_span_text(doc, rc->span, "Foreign Minister Sergei Lavrov");
    assert_mention(doc, rc->mention_idx, "Sergei Lavrov");
    corpus_free(c);
}

static void test_class_noun_before_a_group_is_a_descriptor(void **state)
{
    struct corpus *c = one(state,
        "Attack claimed\n\n"
        "The terrorist group al-Nusra Front claimed the attack in Aleppo.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *rc = find_claim(doc, CLAIM_ROLE, NULL, "Nusra");
    assert_non_null(rc);
    assert_string_equal(rc->slot, "descriptor");
    assert_string_equal(rc->text, "terrorist");
    assert_span_text(doc, rc->span, "terrorist group al-Nusra Front");
    assert_mention(doc, rc->mention_idx, "al-Nusra Front");
    assert_int_equal(doc->mentions[rc->mention_idx].type, ENT_GROUP);
    corpus_free(c);
}

/* ---- statements ---------------------------------------------------------- */

static void test_quotation_is_a_statement_of_its_speaker(void **state)
{
    struct corpus *c = one(state,
        "Minister warns\n\n"
        "Foreign Minister Sergei Lavrov spoke in Moscow on Monday.\n\n"
        "\"We will respond to this attack with force,\" Lavrov said.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *st = find_claim(doc, CLAIM_STATEMENT, NULL, NULL);
    assert_non_null(st);
    assert_int_equal(count_claims(doc, CLAIM_STATEMENT), 1);
    assert_true(st->quote_idx >= 0 && (size_t)st->quote_idx < doc->nquotes);
    assert_span_text(doc, st->span,
                     "We will respond to this attack with force,");
    assert_int_equal(st->attributed_to, doc->quotes[st->quote_idx].speaker);
    assert_mention(doc, st->attributed_to, "Lavrov");
    assert_non_null(st->text);
    assert_non_null(strstr(st->text, "force"));
    assert_null(strstr(st->text, "the "));
    corpus_free(c);
}

static void test_reported_speech_is_a_statement_of_the_speaker(void **state)
{
    struct corpus *c = one(state,
        "Kerry presses Moscow\n\n"
        "Kerry said that Russia must stop the bombing of Aleppo.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *st = find_claim(doc, CLAIM_STATEMENT, NULL, NULL);
    assert_non_null(st);
    assert_int_equal(st->quote_idx, -1);
    assert_mention(doc, st->attributed_to, "Kerry");
    assert_true(span_has(doc, st->span, "Russia must stop the bombing"));
    assert_false(span_has(doc, st->span, "said"));
    assert_non_null(strstr(st->text, "russia"));
    corpus_free(c);
}

/* ---- what gives nothing -------------------------------------------------- */

static void test_boilerplate_gives_no_claims(void **state)
{
    const struct fixture *f = *state;
    const char *text =
        "Helicopter lost\n\n"
        "A Russian Mi-8 helicopter was shot down over Syria, killing five "
        "people. \"We will respond,\" Lavrov said.\n";
    size_t len = strlen(text);
    struct doc *doc = doc_new("test.txt", xstrndup(text, len), len);
    doc_add_boilerplate(doc, (struct span){0, len}, "test");
    harness_process(f, doc);
    assert_int_equal(doc->nclaims, 0);
    doc_free(doc);
}

static void test_boilerplate_paragraph_is_skipped_alone(void **state)
{
    const struct fixture *f = *state;
    const char *text =
        "Helicopter lost\n\n"
        "An Xk-31 helicopter crashed in the hills.\n\n"
        "Read more: a Zr-9 helicopter was shot down in 2012.\n";
    size_t len = strlen(text);
    struct doc *doc = doc_new("test.txt", xstrndup(text, len), len);
    const char *bp = strstr(doc->text, "Read more");
    size_t start = (size_t)(bp - doc->text);
    doc_add_boilerplate(doc, (struct span){start, len}, "related");
    harness_process(f, doc);
    assert_non_null(find_claim(doc, CLAIM_EVENT, "crash", NULL));
    for (size_t i = 0; i < doc->nclaims; i++)
        assert_true(doc->claims[i].span.end <= start);
    doc_free(doc);
}

/* The per-document stages with link and anchor; what compare_run makes
 * of such corpora is test_compare.c's business. */
static struct doc *without_compare(const struct fixture *f, struct corpus *c,
                                   char *text, size_t len)
{
    struct doc *doc = doc_new("test.txt", text, len);
    harness_process(f, doc);
    corpus_add(c, doc);
    link_run(f->linker, c);
    anchor_run(c);
    return doc;
}

static void test_empty_document_gives_no_claims(void **state)
{
    struct corpus *c = corpus_new();
    struct doc *doc = without_compare(*state, c, xstrdup(""), 0);
    assert_int_equal(doc->nclaims, 0);
    corpus_free(c);
}

static void test_megabyte_sentence_without_predicates(void **state)
{
    const struct fixture *f = *state;
    const char *unit = "the quiet grey river flows past old stone walls and "
                       "green fields ";
    size_t ulen = strlen(unit), n = ((size_t)1 << 20) / ulen;
    char *text = xmalloc(n * ulen + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * ulen, unit, ulen);
    text[n * ulen] = '\0';
    struct corpus *c = corpus_new();
    struct doc *doc = without_compare(f, c, text, n * ulen);
    assert_int_equal(doc->nclaims, 0);
    corpus_free(c);
}

static void test_run_twice_replaces_the_claims(void **state)
{
    const struct fixture *f = *state;
    const char *text = "Helicopter lost\n\n"
                       "An Xk-31 helicopter crashed in the hills.\n";
    size_t len = strlen(text);
    struct doc *doc = doc_new("test.txt", xstrndup(text, len), len);
    harness_process(f, doc);
    size_t n = doc->nclaims;
    assert_true(n > 0);
    claim_run(f->claimer, doc);
    assert_int_equal(doc->nclaims, n);
    doc_free(doc);
}

/* ---- who says so --------------------------------------------------------- */

/* The first claim of doc with this source slot, or NULL. */
static const struct claim *source_claim(const struct doc *doc,
                                        const char *slot)
{
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind == CLAIM_ACTOR && cl->slot && !strcmp(cl->slot, slot))
            return cl;
    }
    return NULL;
}

static void test_according_to_a_long_title_names_its_person(void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost\n\n"
        "According to the head of the operations department of the General "
        "Staff Ivan Petrenko, the Xk-31 helicopter was shot down over "
        "Syria.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_SAID_BY);
    assert_non_null(cl);
    assert_string_equal(cl->cls, "shootdown");
    assert_mention(doc, cl->mention_idx, "Ivan Petrenko");
    assert_true(span_has(doc, cl->span, "According to the head"));
    assert_true(span_has(doc, cl->span, "Ivan Petrenko"));
    assert_null(source_claim(doc, CLAIM_SLOT_REPORTED_BY));
    corpus_free(c);
}

static void test_a_body_confirming_after_the_event_is_its_source(
    void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost\n\n"
        "The Xk-31 helicopter was shot down over Syria, killing five "
        "people, the Turkish Defense Ministry confirmed.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_SAID_BY);
    assert_non_null(cl);
    assert_true(cl->mention_idx >= 0);
    assert_true(span_has(doc, cl->span, "Defense Ministry confirmed"));
    assert_int_equal(cl->attributed_to, cl->mention_idx);
    corpus_free(c);
}

static void test_said_after_a_comma_takes_the_speaker_after_it(void **state)
{
    struct corpus *c = one(state,
        "Offensive\n\n"
        "Russia must halt the offensive against the allies of Omar Haddad, "
        "said Foreign Minister Anna Lind.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_SAID_BY);
    assert_non_null(cl);
    assert_mention(doc, cl->mention_idx, "Anna Lind");
    corpus_free(c);
}

static void test_telling_an_agency_makes_it_the_carrier(void **state)
{
    struct corpus *c = one(state,
        "Crash\n\n"
        "Five people were killed in the crash, Sergei Orlov told Reuters.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *said = source_claim(doc, CLAIM_SLOT_SAID_BY);
    const struct claim *carried = source_claim(doc, CLAIM_SLOT_REPORTED_BY);
    assert_non_null(said);
    assert_mention(doc, said->mention_idx, "Sergei Orlov");
    assert_non_null(carried);
    assert_mention(doc, carried->mention_idx, "Reuters");
    assert_int_equal(said->frame, carried->frame);
    corpus_free(c);
}

static void test_a_source_only_sentence_speaks_of_the_one_before(
    void **state)
{
    struct corpus *c = one(state,
        "Helicopter lost\n\n"
        "The Xk-31 helicopter was shot down over Syria. This was reported "
        "by the Interfax news agency.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_REPORTED_BY);
    assert_non_null(cl);
    assert_string_equal(cl->cls, "shootdown");
    assert_true(span_has(doc, cl->span, "Interfax"));
    unsigned frame = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        if (doc->claims[i].kind == CLAIM_EVENT)
            frame = doc->claims[i].frame;
    assert_int_equal(cl->frame, frame);
    corpus_free(c);
}

static void test_state_media_is_an_outlet_described(void **state)
{
    struct corpus *c = one(state,
        "Strike\n\n"
        "Syrian state media said missiles were fired at the port of "
        "Tartus.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_REPORTED_BY);
    assert_non_null(cl);
    assert_int_equal(cl->mention_idx, -1);
    assert_string_equal(cl->text, "state media");
    assert_null(source_claim(doc, CLAIM_SLOT_SAID_BY));
    corpus_free(c);
}

static void test_an_appositive_leaves_the_speaker_before_it(void **state)
{
    struct corpus *c = one(state,
        "Crash\n\n"
        "Lufthansa, owner of the airline, announced on Twitter that the "
        "plane had crashed.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = source_claim(doc, CLAIM_SLOT_SAID_BY);
    assert_non_null(cl);
    assert_mention(doc, cl->mention_idx, "Lufthansa");
    corpus_free(c);
}

static void test_a_role_runs_back_over_stacked_titles(void **state)
{
    struct corpus *c = one(state,
        "Talks\n\n"
        "Army spokesman Major General Omar Haddad met envoys on Monday.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = NULL;
    for (size_t i = 0; i < doc->nclaims && !cl; i++)
        if (doc->claims[i].kind == CLAIM_ROLE)
            cl = &doc->claims[i];
    assert_non_null(cl);
    assert_string_equal(cl->text, "spokesman Major General");
    assert_true(span_has(doc, cl->span, "spokesman Major General Omar"));
    corpus_free(c);
}

/* The described entities' surface forms of doc's descriptor claims. */
static bool described(const struct doc *doc, const char *name,
                      const char *cls)
{
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind == CLAIM_ROLE && cl->slot &&
            !strcmp(cl->slot, "descriptor") && cl->mention_idx >= 0 &&
            span_is(doc, doc->mentions[cl->mention_idx].span, name) &&
            !strcmp(cl->text, cls))
            return true;
    }
    return false;
}

static void test_a_class_noun_past_one_capitalised_word_describes(
    void **state)
{
    struct corpus *c = one(state,
        "Raid\n\n"
        "Fighters of al-Nusra Front Salafist terrorist group attacked the "
        "base.\n");
    assert_true(described(c->docs[0], "al-Nusra Front", "terrorist"));
    corpus_free(c);
}

static void test_a_class_noun_before_another_name_is_not_the_first(
    void **state)
{
    struct corpus *c = one(state,
        "Raid\n\n"
        "The al-Nusra Front terrorist Abu Omar was killed in Idlib.\n");
    assert_false(described(c->docs[0], "al-Nusra Front", "terrorist"));
    corpus_free(c);
}

static void test_a_role_from_the_sentence_before_is_kept_whole(void **state)
{
    /* the tagger may give "Questions" the role "justice" across the full
     * stop: the role claim must still slice the text */
    struct corpus *c = one(state,
        "Blast\n\n"
        "“We will bring them to justice. Questions will be asked, and "
        "answered,” said Jonas Keller.\n");
    const struct doc *doc = c->docs[0];
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        assert_true(cl->span.start <= cl->span.end);
        assert_true(cl->span.end <= doc->len);
        if (cl->kind == CLAIM_ROLE && cl->text)
            assert_true(strlen(cl->text) < doc->len);
    }
    corpus_free(c);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(claim_kind_name(CLAIM_EVENT), "event");
    assert_string_equal(claim_kind_name(CLAIM_COUNT), "count");
    assert_string_equal(claim_kind_name(CLAIM_DATE), "date");
    assert_string_equal(claim_kind_name(CLAIM_PLACE), "location");
    assert_string_equal(claim_kind_name(CLAIM_ACTOR), "actor");
    assert_string_equal(claim_kind_name(CLAIM_THING), "thing");
    assert_string_equal(claim_kind_name(CLAIM_ROLE), "role");
    assert_string_equal(claim_kind_name(CLAIM_STATEMENT), "statement");
    assert_string_equal(claim_kind_name(CLAIM_TIME), "time");
    claim_free(NULL);
}

/* ---- who is to blame ----------------------------------------------------- */

/* The blamed parties of a one-sentence article, as "name" (a mention's
 * words) or "=Country" (a demonym's country), joined by "|". */
static const char *blamed_list(const struct doc *doc, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != CLAIM_ACTOR || !cl->slot ||
            strcmp(cl->slot, CLAIM_SLOT_BLAMED))
            continue;
        assert_true(!strncmp(cl->cls, CLAIM_CLASS_BLAME,
                             strlen(CLAIM_CLASS_BLAME)));
        size_t len = strlen(buf);
        if (cl->mention_idx >= 0) {
            struct span s = doc->mentions[cl->mention_idx].span;
            snprintf(buf + len, cap - len, "%s%.*s", len ? "|" : "",
                     (int)(s.end - s.start), doc->text + s.start);
        } else {
            snprintf(buf + len, cap - len, "%s=%s", len ? "|" : "",
                     cl->text ? cl->text : "?");
        }
    }
    return buf;
}

static void assert_blamed(void **state, const char *sentence,
                          const char *want)
{
    char text[512], buf[256];
    snprintf(text, sizeof text, "Dispute over the crash\n\n%s\n", sentence);
    struct corpus *c = one(state, text);
    const char *got = blamed_list(c->docs[0], buf, sizeof buf);
    if (strcmp(got, want))
        fprintf(stderr, "'%s': blamed '%s', want '%s'\n", sentence, got,
                want);
    assert_string_equal(got, want);
    corpus_free(c);
}

static void test_blamed_x_for_a_happening_names_x(void **state)
{
    assert_blamed(state, "Turkey blamed Russia for the crash on Monday.",
                  "Russia");
    assert_blamed(state, "Russia accused Turkey of causing the collision.",
                  "Turkey");
    assert_blamed(state, "Ankara has laid the blame for the Russian "
                         "jet's loss on the Syrians.", "=Syria");
    assert_blamed(state, "Moscow slammed Turkey on Tuesday for the attack.",
                  "Turkey");
}

static void test_every_party_blamed_together_is_named(void **state)
{
    assert_blamed(state, "Israel blamed Syria, Iran and the Hezbollah group.",
                  "Syria|Iran|Hezbollah");
}

static void test_held_responsible_reaches_past_a_relative_clause(
    void **state)
{
    assert_blamed(state, "Turkey holds Iran, whose gunners fired the shells, "
                         "fully responsible for this incident.", "Iran");
    assert_blamed(state, "Egypt held Turkey accountable.", "Turkey");
    /* "held" without a closer is only held */
    assert_blamed(state, "Turkey held talks with Iran on the crash.", "");
}

static void test_the_blamed_party_may_come_first(void **state)
{
    assert_blamed(state, "Turkey is to blame for the crash.", "Turkey");
    assert_blamed(state, "The Egyptians were accused of causing the crash.",
                  "=Egypt");
    assert_blamed(state, "It was Iran's fault, the minister said.", "Iran");
}

static void test_fault_resting_with_a_side_blames_its_country(void **state)
{
    assert_blamed(state, "The fault for the crash rests squarely with the "
                         "Egyptian side.", "=Egypt");
    /* without a blame noun, resting with someone is no blame */
    assert_blamed(state, "The decision rests with the Egyptian side.", "");
}

static void test_harm_as_a_result_of_actions_blames_the_actor(void **state)
{
    assert_blamed(state, "As a result of the reckless actions of the Turkish "
                         "military, five soldiers were killed.", "=Turkey");
    /* actions with no cause cue blame no one */
    assert_blamed(state, "We regard the actions of Turkey as unfriendly.", "");
}

static void test_blame_denied_or_for_no_happening_names_no_one(void **state)
{
    assert_blamed(state, "Russia did not blame Turkey for the crash.", "");
    assert_blamed(state, "Russia accused Turkey of hypocrisy.", "");
    assert_blamed(state, "Moscow slammed Turkey.", "");
    assert_blamed(state, "Those who stayed have only themselves to blame.",
                  "");
}

/* The blamed claim of doc whose span has the words in. */
static const struct claim *blamed_claim(const struct doc *doc, const char *in)
{
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind == CLAIM_ACTOR && cl->slot &&
            !strcmp(cl->slot, CLAIM_SLOT_BLAMED) && span_has(doc, cl->span, in))
            return cl;
    }
    return NULL;
}

static void test_blame_keeps_the_happening_its_words_name(void **state)
{
    struct corpus *c = one(state, "Dispute\n\nTurkey blamed Russia for the "
                                  "crash. Egypt blamed Iran for this "
                                  "incident.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = blamed_claim(doc, "Russia");
    assert_non_null(cl);
    assert_string_equal(cl->cls, CLAIM_BLAME_FOR "crash");
    cl = blamed_claim(doc, "Iran");
    assert_non_null(cl);
    assert_string_equal(cl->cls, CLAIM_CLASS_BLAME);
    corpus_free(c);
}

static void test_the_party_to_blame_is_not_its_own_blamer(void **state)
{
    struct corpus *c = one(state, "Dispute\n\nTurkey is to blame for the "
                                  "incident, Egypt said.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = find_claim(doc, CLAIM_ACTOR, CLAIM_CLASS_BLAME,
                                        NULL);
    assert_non_null(cl);
    assert_mention(doc, cl->mention_idx, "Turkey");
    assert_int_not_equal(cl->attributed_to, cl->mention_idx);
    corpus_free(c);
}

static void test_the_blamer_is_who_speaks_before_the_phrase(void **state)
{
    struct corpus *c = one(state, "Dispute\n\nTurkey blamed Russia for the "
                                  "incident.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = find_claim(doc, CLAIM_ACTOR, CLAIM_CLASS_BLAME,
                                        NULL);
    assert_non_null(cl);
    assert_mention(doc, cl->mention_idx, "Russia");
    assert_mention(doc, cl->attributed_to, "Turkey");
    assert_span_text(doc, cl->span, "blamed Russia");
    corpus_free(c);
}

/* ---- how conduct is characterised ---------------------------------------- */

/* The classes of the label frames of a one-sentence article, "!" before
 * a denied one, joined by "|". */
static const char *label_list(void **state, const char *sentence, char *buf,
                              size_t cap)
{
    char text[512];
    snprintf(text, sizeof text, "Row over the raid\n\n%s\n", sentence);
    struct corpus *c = one(state, text);
    const struct doc *doc = c->docs[0];
    buf[0] = '\0';
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != CLAIM_EVENT || strncmp(cl->cls, "called ", 7))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s%s", len ? "|" : "",
                 cl->negated ? "!" : "", cl->cls);
    }
    corpus_free(c);
    return buf;
}

static void assert_labels(void **state, const char *sentence,
                          const char *want)
{
    char buf[256];
    const char *got = label_list(state, sentence, buf, sizeof buf);
    if (strcmp(got, want))
        fprintf(stderr, "'%s': labels '%s', want '%s'\n", sentence, got,
                want);
    assert_string_equal(got, want);
}

static void test_a_label_on_an_act_is_a_frame_of_its_own(void **state)
{
    assert_labels(state, "Turkey called the raid a hostile act.",
                  "called hostile");
    assert_labels(state, "We regard the reckless moves of Egypt as hostile.",
                  "called irresponsible|called hostile");
    assert_labels(state, "The minister described it as \"an act of "
                         "aggression\".", "called aggression");
}

static void test_a_label_on_no_act_is_no_frame(void **state)
{
    /* a hostile crowd is no one's conduct; "as" needs a verb that labels */
    assert_labels(state, "A hostile crowd gathered in the square.", "");
    assert_labels(state, "The raid was as hostile as the last one.", "");
}

static void test_a_negated_label_is_denied(void **state)
{
    assert_labels(state, "Egypt said the move was not a hostile act.",
                  "!called hostile");
}

/* ---- no comment ---------------------------------------------------------- */

static void test_declined_to_comment_is_a_no_comment_event(void **state)
{
    struct corpus *c = one(state, "Raid\n\nThe Turkish military declined "
                                  "to comment on Friday.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ev = find_claim(doc, CLAIM_EVENT,
                                        CLAIM_CLASS_NO_COMMENT, NULL);
    assert_non_null(ev);
    assert_false(ev->negated);
    const struct claim *ac = find_claim(doc, CLAIM_ACTOR,
                                        CLAIM_CLASS_NO_COMMENT, NULL);
    assert_non_null(ac);
    assert_int_equal(ac->mention_idx, -1);
    assert_string_equal(ac->text, "Turkey");
    corpus_free(c);
}

static void test_no_comment_from_names_its_party(void **state)
{
    struct corpus *c = one(state, "Raid\n\nThere was no comment from Egypt "
                                  "on the raid.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *ac = find_claim(doc, CLAIM_ACTOR,
                                        CLAIM_CLASS_NO_COMMENT, NULL);
    assert_non_null(ac);
    assert_mention(doc, ac->mention_idx, "Egypt");
    /* a comment given is no "no comment" */
    struct corpus *c2 = one(state, "Raid\n\nEgypt declined to give a "
                                   "figure but commented on the raid.\n");
    assert_null(find_claim(c2->docs[0], CLAIM_EVENT, CLAIM_CLASS_NO_COMMENT,
                           NULL));
    corpus_free(c2);
    corpus_free(c);
}

/* ---- what it was done with ----------------------------------------------- */

/* The weapon categories of a one-sentence article, joined by "|". */
static const char *weapon_list(void **state, const char *sentence, char *buf,
                               size_t cap)
{
    char text[512];
    snprintf(text, sizeof text, "Jet lost\n\n%s\n", sentence);
    struct corpus *c = one(state, text);
    const struct doc *doc = c->docs[0];
    buf[0] = '\0';
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *cl = &doc->claims[i];
        if (cl->kind != CLAIM_ACTOR || !cl->slot ||
            strcmp(cl->slot, CLAIM_SLOT_WEAPON))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s:%s", len ? "|" : "", cl->cls,
                 cl->text);
    }
    corpus_free(c);
    return buf;
}

static void assert_weapons(void **state, const char *sentence,
                           const char *want)
{
    char buf[256];
    const char *got = weapon_list(state, sentence, buf, sizeof buf);
    if (strcmp(got, want))
        fprintf(stderr, "'%s': weapons '%s', want '%s'\n", sentence, got,
                want);
    assert_string_equal(got, want);
}

static void test_the_last_weapon_word_after_by_gives_the_category(
    void **state)
{
    assert_weapons(state, "The Xk-31 jet was shot down by an X-90 system "
                          "missile.", "shootdown weapon:missile");
    assert_weapons(state, "The jet was downed by anti-aircraft guns of the "
                          "Egyptian army.", "shootdown weapon:gun");
    assert_weapons(state, "The jet was shot down by Egyptian air defenses.",
                   "shootdown weapon:generic");
    /* the phrase ends at a stop word: the missile was fired from a ship */
    assert_weapons(state, "The jet was downed by a missile fired from a "
                          "ship with guns.",
                   "shootdown weapon:missile|attack weapon:missile");
    /* a generic word never hides the kind before it */
    assert_weapons(state, "The jet was shot down by artillery fire.",
                   "shootdown weapon:gun|shelling weapon:gun");
}

static void test_a_weapon_before_or_from_names_it_too(void **state)
{
    assert_weapons(state, "Rockets were fired at the base on Monday.",
                   "attack weapon:missile");
    assert_weapons(state, "The town came under attack from \"enemy "
                          "missiles\".", "attack weapon:missile");
    /* the weapon inside the predicate: "mortar attack" is shelling */
    assert_weapons(state, "A mortar attack hit the town.",
                   "shelling weapon:gun");
}

static void test_an_agent_or_a_denied_event_names_no_weapon(void **state)
{
    assert_weapons(state, "The jet was shot down by Turkey.", "");
    assert_weapons(state, "The jet was not shot down by a missile.", "");
}

/* Each auxiliary of weapon_before's list lets a weapon before it name
 * the predicate's weapon ("rockets had been fired"); a word that is
 * none ("rockets will fire") keeps it out. */
static void test_each_auxiliary_stands_between_weapon_and_verb(void **state)
{
    static const char *const aux[] = {"was",  "were", "is",    "are",
                                      "been", "had",  "has",   "have",
                                      "being", "be",  "Were"};
    char text[96];
    for (size_t i = 0; i < sizeof aux / sizeof *aux; i++) {
        snprintf(text, sizeof text, "Rockets %s fired at the base.", aux[i]);
        assert_weapons(state, text, "attack weapon:missile");
    }
    assert_weapons(state, "Rockets will fired at the base.", "");
    /* the forms of "be" make the verb passive: the vehicle was hit */
    static const char *const be[] = {"be",   "is",   "are",  "was",
                                     "were", "been", "being", "IS"};
    for (size_t i = 0; i < sizeof be / sizeof *be; i++) {
        snprintf(text, sizeof text, "Drones %s shot down near the base.",
                 be[i]);
        assert_weapons(state, text, "");
    }
    assert_weapons(state, "Drones had shot down jets near the base.",
                   "shootdown weapon:generic"); /* "had" is no form of be */
}

/* A vehicle before a passive verb is what was acted on: the drone was
 * shot down, it did not shoot. Rockets fired are still the weapon. */
static void test_a_vehicle_before_a_passive_verb_is_no_weapon(void **state)
{
    assert_weapons(state, "The Xk-31 drone was shot down over the town.", "");
    assert_weapons(state, "Drones were shot down near the base.", "");
    assert_weapons(state, "A drone strike hit the town.", "airstrike weapon:generic");
}

static void test_a_weapon_is_not_the_thing_hit(void **state)
{
    struct corpus *c = one(state, "Jet lost\n\nThe jet was shot down by an "
                                  "X-90 system missile.\n");
    const struct claim *cl = find_claim(c->docs[0], CLAIM_ACTOR,
                                        "shootdown weapon", NULL);
    assert_non_null(cl);
    assert_null(cl->thing);
    corpus_free(c);
}

/* ---- where a thing was lost ---------------------------------------------- */

static size_t lost_places(const struct doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nclaims; i++)
        n += doc->claims[i].kind == CLAIM_PLACE && doc->claims[i].cls &&
             !strcmp(doc->claims[i].cls, CLAIM_CLASS_LOST);
    return n;
}

static void test_the_place_of_a_crash_is_also_where_it_was_lost(
    void **state)
{
    struct corpus *c = one(state, "Jet lost\n\nThe Xk-31 jet crashed in "
                                  "the Black Sea.\n");
    const struct doc *doc = c->docs[0];
    const struct claim *cl = find_claim(doc, CLAIM_PLACE, CLAIM_CLASS_LOST,
                                        NULL);
    assert_non_null(cl);
    assert_mention(doc, cl->mention_idx, "Black Sea");
    assert_non_null(find_claim(doc, CLAIM_PLACE, "crash", NULL));
    assert_int_equal(lost_places(doc), 1);
    corpus_free(c);
}

static void test_a_country_or_another_event_is_no_place_of_loss(
    void **state)
{
    struct corpus *c = one(state, "Jet lost\n\nThe Xk-31 jet crashed in "
                                  "Syria. Talks were held in Latakia.\n");
    assert_int_equal(lost_places(c->docs[0]), 0);
    corpus_free(c);
}

/* ---- phrase lookup through the claimer's word index ------------------- */

/* claim_nth counts doc->claims first, then the aligned claims, and
 * claim_count both; doc_free frees the aligned ones (the sanitizer
 * build reports a leak if not). */
static void test_claims_are_numbered_through_the_aligned_ones(void **state)
{
    (void)state;
    struct doc *doc = doc_new("test.txt", xstrndup("abcdef", 6), 6);
    doc->claims = xcalloc(3, sizeof *doc->claims);
    doc->nclaims = doc->capclaims = 3;
    doc->aligned = xcalloc(2, sizeof *doc->aligned);
    doc->naligned = 2;
    for (unsigned k = 0; k < 3; k++)
        doc->claims[k].sentence = k;
    for (unsigned k = 0; k < 2; k++)
        doc->aligned[k].sentence = 10 + k;
    assert_int_equal(claim_count(doc), 5);
    const unsigned want[] = {0, 1, 2, 10, 11};
    for (size_t k = 0; k < 5; k++)
        assert_int_equal(claim_nth(doc, k)->sentence, want[k]);
    assert_ptr_equal(claim_nth(doc, 2), &doc->claims[2]);
    assert_ptr_equal(claim_nth(doc, 3), &doc->aligned[0]);
    doc->naligned = 0;
    assert_int_equal(claim_count(doc), 3);
    doc_free(doc);
}

/* Phrase tables share one index of first words (a word may begin
 * phrases of several tables, in any case); each table still finds its
 * own phrases, the longest, and of two as long the one listed first. */
static void test_tables_sharing_a_first_word_each_find_their_own(void **state)
{
    (void)state;
    /* "shot" also begins a predicate, in a table loaded before */
    char *dir = harness_rules_dir("claims/terrain.tsv",
                                  "%replace\nShot Down Over Scrub\tfirst\n"
                                  "shot down over scrub\tsecond\nshot\tshort\n"
                                  "sho* down\tprefix\n");
    assert_non_null(dir);
    struct fixture *f = harness_fixture_new(dir);
    assert_non_null(f);
    const char *texts[] = {"The plane was shot down over scrub near Aleppo.",
                           "A second jet was shot down over the sea.", NULL};
    struct corpus *c = harness_pipeline(f, texts);
    const struct doc *one = c->docs[0], *two = c->docs[1];
    assert_non_null(find_claim(one, CLAIM_EVENT, NULL, "shot down"));
    const struct claim *t1 = NULL, *t2 = NULL;
    for (size_t i = 0; i < one->nclaims; i++)
        if (one->claims[i].slot &&
            !strcmp(one->claims[i].slot, CLAIM_SLOT_TERRAIN))
            t1 = &one->claims[i];
    for (size_t i = 0; i < two->nclaims; i++)
        if (two->claims[i].slot &&
            !strcmp(two->claims[i].slot, CLAIM_SLOT_TERRAIN))
            t2 = &two->claims[i];
    assert_non_null(t1);
    assert_span_text(one, t1->span, "shot down over scrub");
    assert_string_equal(t1->text, "first");
    assert_non_null(t2);
    assert_span_text(two, t2->span, "shot down"); /* the prefix: longer */
    assert_string_equal(t2->text, "prefix");
    corpus_free(c);
    void *fs = f;
    harness_teardown(&fs);
    harness_rules_dir_free(dir, "claims/terrain.tsv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shootdown_is_an_event_of_its_aircraft),
        cmocka_unit_test(test_killing_all_five_on_board_counts_people_killed),
        cmocka_unit_test(
            test_a_count_span_does_not_reach_across_another_count),
        cmocka_unit_test(test_nationality_counts_are_measures_of_people),
        cmocka_unit_test(test_a_vehicle_with_people_counts_those_aboard),
        cmocka_unit_test(test_from_and_to_of_a_journey_are_its_route),
        cmocka_unit_test(test_a_number_with_a_unit_is_a_measure),
        cmocka_unit_test(test_a_number_joined_to_its_unit_is_a_measure),
        cmocka_unit_test(test_a_makers_name_keys_like_its_designation),
        cmocka_unit_test(test_the_holder_of_the_area_is_a_slot_of_the_event),
        cmocka_unit_test(test_a_meeting_of_a_body_names_who_met),
        cmocka_unit_test(test_of_after_an_attack_names_no_actor),
        cmocka_unit_test(test_times_counts_the_events_own_slot),
        cmocka_unit_test(test_warning_of_consequences_is_a_threat),
        cmocka_unit_test(test_never_responded_is_a_denied_response),
        cmocka_unit_test(test_who_released_an_image_is_its_actor),
        cmocka_unit_test(
            test_a_thing_past_a_clause_opener_is_not_the_earlier_frames),
        cmocka_unit_test(test_according_to_a_long_title_names_its_person),
        cmocka_unit_test(
            test_a_body_confirming_after_the_event_is_its_source),
        cmocka_unit_test(test_said_after_a_comma_takes_the_speaker_after_it),
        cmocka_unit_test(test_telling_an_agency_makes_it_the_carrier),
        cmocka_unit_test(
            test_a_source_only_sentence_speaks_of_the_one_before),
        cmocka_unit_test(test_state_media_is_an_outlet_described),
        cmocka_unit_test(test_an_appositive_leaves_the_speaker_before_it),
        cmocka_unit_test(test_a_role_runs_back_over_stacked_titles),
        cmocka_unit_test(test_a_role_from_the_sentence_before_is_kept_whole),
        cmocka_unit_test(
            test_a_class_noun_past_one_capitalised_word_describes),
        cmocka_unit_test(
            test_a_class_noun_before_another_name_is_not_the_first),
        cmocka_unit_test(test_did_not_violate_is_negated),
        cmocka_unit_test(test_denied_that_negates_the_clause),
        cmocka_unit_test(test_violated_alone_is_not_negated),
        cmocka_unit_test(test_far_negator_does_not_negate),
        cmocka_unit_test(test_presence_over_a_country_is_a_violation_frame),
        cmocka_unit_test(test_incursion_names_the_country_entered),
        cmocka_unit_test(test_a_violation_predicate_takes_the_area),
        cmocka_unit_test(test_an_idiom_opens_no_frame),
        cmocka_unit_test(test_a_presence_needs_a_thing_for_subject),
        cmocka_unit_test(test_no_way_denies_the_clause_after_it),
        cmocka_unit_test(test_a_near_negator_governs_the_nearest_predicate),
        cmocka_unit_test(test_negation_runs_through_or),
        cmocka_unit_test(test_a_needed_or_hoped_event_is_unreal),
        cmocka_unit_test(test_a_promise_that_failed_is_denied),
        cmocka_unit_test(
            test_a_failure_cue_after_a_real_event_denies_nothing),
        cmocka_unit_test(test_laying_down_arms_and_separating_are_frames),
        cmocka_unit_test(test_can_makes_an_event_possible_not_told),
        cmocka_unit_test(test_passive_by_names_the_actor),
        cmocka_unit_test(test_over_a_country_is_the_place),
        cmocka_unit_test(test_near_a_place_is_approximate),
        cmocka_unit_test(test_date_in_the_clause_is_the_frame_date),
        cmocka_unit_test(test_clock_times_after_the_predicate_are_its_time),
        cmocka_unit_test(test_every_meridiem_form_gives_its_half_of_the_day),
        cmocka_unit_test(test_decimals_and_bare_hours_are_no_clock_time),
        cmocka_unit_test(test_a_date_of_the_speech_verb_is_not_the_frame_date),
        cmocka_unit_test(test_ruling_out_and_no_indication_deny_the_attack),
        cmocka_unit_test(
            test_thing_carries_to_the_next_sentence_of_its_paragraph),
        cmocka_unit_test(test_thing_does_not_carry_to_another_paragraph),
        cmocka_unit_test(test_flight_number_forms_share_one_key),
        cmocka_unit_test(test_ordinals_decades_and_ages_are_not_things),
        cmocka_unit_test(test_role_of_a_person_is_a_description),
        cmocka_unit_test(test_class_noun_before_a_group_is_a_descriptor),
        cmocka_unit_test(test_quotation_is_a_statement_of_its_speaker),
        cmocka_unit_test(test_reported_speech_is_a_statement_of_the_speaker),
        cmocka_unit_test(test_boilerplate_gives_no_claims),
        cmocka_unit_test(test_boilerplate_paragraph_is_skipped_alone),
        cmocka_unit_test(test_empty_document_gives_no_claims),
        cmocka_unit_test(test_megabyte_sentence_without_predicates),
        cmocka_unit_test(test_run_twice_replaces_the_claims),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_blamed_x_for_a_happening_names_x),
        cmocka_unit_test(test_every_party_blamed_together_is_named),
        cmocka_unit_test(test_held_responsible_reaches_past_a_relative_clause),
        cmocka_unit_test(test_the_blamed_party_may_come_first),
        cmocka_unit_test(test_fault_resting_with_a_side_blames_its_country),
        cmocka_unit_test(test_harm_as_a_result_of_actions_blames_the_actor),
        cmocka_unit_test(test_blame_denied_or_for_no_happening_names_no_one),
        cmocka_unit_test(test_the_blamer_is_who_speaks_before_the_phrase),
        cmocka_unit_test(test_the_party_to_blame_is_not_its_own_blamer),
        cmocka_unit_test(test_blame_keeps_the_happening_its_words_name),
        cmocka_unit_test(test_a_label_on_an_act_is_a_frame_of_its_own),
        cmocka_unit_test(test_a_label_on_no_act_is_no_frame),
        cmocka_unit_test(test_a_negated_label_is_denied),
        cmocka_unit_test(test_declined_to_comment_is_a_no_comment_event),
        cmocka_unit_test(test_no_comment_from_names_its_party),
        cmocka_unit_test(
            test_the_last_weapon_word_after_by_gives_the_category),
        cmocka_unit_test(test_a_weapon_before_or_from_names_it_too),
        cmocka_unit_test(test_an_agent_or_a_denied_event_names_no_weapon),
        cmocka_unit_test(test_each_auxiliary_stands_between_weapon_and_verb),
        cmocka_unit_test(test_a_vehicle_before_a_passive_verb_is_no_weapon),
        cmocka_unit_test(test_a_weapon_is_not_the_thing_hit),
        cmocka_unit_test(test_the_place_of_a_crash_is_also_where_it_was_lost),
        cmocka_unit_test(test_a_country_or_another_event_is_no_place_of_loss),
        cmocka_unit_test(test_tables_sharing_a_first_word_each_find_their_own),
        cmocka_unit_test(test_claims_are_numbered_through_the_aligned_ones),
    };
    return cmocka_run_group_tests(tests, harness_setup, harness_teardown);
}
