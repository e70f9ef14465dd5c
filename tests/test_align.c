/* test_align.c - statements told in other words (align.h).
 *
 * Every test runs the whole pipeline as main.c does on short invented
 * wire stories and looks at the comparisons align_run added (values whose
 * claims carry ALIGN_SLOT). The stories share Russia, Syria and Turkey so
 * that the linker puts them in one story.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/align.h"
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
#include "../src/formtab.h"


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

static bool is_aligned(const struct corpus *c, const struct comparison *k)
{
    return k->nvalues && align_is_aligned(value_claim(c, k, 0));
}

/* The n-th aligned comparison, or NULL. */
static const struct comparison *aligned(const struct corpus *c, size_t n)
{
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (is_aligned(c, &c->comparisons[i]) && n-- == 0)
            return &c->comparisons[i];
    return NULL;
}

static void dump(const struct corpus *c)
{
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        fprintf(stderr, "  %s: %s: %s\n", k->topic, verdict_name(k->verdict),
                k->note ? k->note : "");
        for (size_t v = 0; v < k->nvalues; v++) {
            const struct doc *d = c->docs[k->values[v].doc];
            struct span sp = value_claim(c, k, v)->span;
            fprintf(stderr, "    D%u \"%.*s\"\n", k->values[v].doc + 1,
                    (int)(sp.end - sp.start), d->text + sp.start);
        }
    }
}

/* The words of value i of k. */
static char *value_text(const struct corpus *c, const struct comparison *k,
                        size_t i)
{
    const struct doc *d = c->docs[k->values[i].doc];
    struct span sp = value_claim(c, k, i)->span;
    return xstrndup(d->text + sp.start, sp.end - sp.start);
}

static void assert_no_aligned(const struct corpus *c)
{
    if (aligned(c, 0)) {
        fprintf(stderr, "want no aligned statement; comparisons:\n");
        dump(c);
    }
    assert_null(aligned(c, 0));
}

#define END " Russia, Syria and Turkey traded blame over the convoy.\n"

/* ---- verdicts -------------------------------------------------------------- */

static void test_same_words_in_other_clauses_agree(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies to the remote "
        "villages." END,
        "Aid halted\n\nThe convoy, which was delivering medical supplies to "
        "the remote villages, was turned back, officials said." END);
    const struct comparison *k = aligned(c, 0);
    if (!k || k->verdict != VERDICT_AGREE)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_AGREE);
    assert_int_equal(k->nvalues, 2);
    /* first to last shared word, in both */
    for (size_t i = 0; i < 2; i++) {
        char *t = value_text(c, k, i);
        assert_string_equal(t, "medical supplies to the remote villages");
        free(t);
    }
    assert_non_null(strstr(k->note, "% of content words shared"));
    corpus_free(c);
}

static void test_more_words_in_one_source_are_partial(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies and winter tents for the "
        "remote mountain villages." END,
        "Aid halted\n\nThe convoy, which was delivering medical supplies to "
        "the remote villages, was turned back, officials said." END);
    const struct comparison *k = aligned(c, 0);
    if (!k || k->verdict != VERDICT_PARTIAL)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_PARTIAL);
    char *t = value_text(c, k, 0);
    assert_string_equal(t, "medical supplies and winter tents for the "
                           "remote mountain villages");
    free(t);
    corpus_free(c);
}

/* ---- precision ------------------------------------------------------------- */

static void test_unrelated_sentences_are_not_aligned(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies to the remote "
        "villages." END,
        "Harvest news\n\nFarmers expect a record wheat harvest after good "
        "spring rainfall in the southern plains." END);
    assert_no_aligned(c);
    corpus_free(c);
}

static void test_a_denial_is_not_aligned_with_the_claim(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nThe convoy did not carry medical supplies to the "
        "remote villages, officials said." END,
        "Aid halted\n\nThe convoy carried medical supplies to the remote "
        "villages, officials said." END);
    assert_no_aligned(c);
    for (size_t i = 0; i < c->ncomparisons; i++)
        assert_int_not_equal(c->comparisons[i].verdict, VERDICT_CONFLICT);
    corpus_free(c);
}

/* Clauses told alike about two different named things (two aircraft
 * types) are two statements; about one thing, one. The things come from
 * each sentence's claims, which the story pass reads and the first
 * (marking) pass skips: this fails if the story pass skips them too. */
static void test_clauses_about_other_things_are_not_aligned(void **state)
{
    static const char *const a =
        "Convoy stopped\n\nOfficials said the Mi-8 helicopter was stopped "
        "at the frontier while bringing medical supplies to the remote "
        "villages." END;
    struct corpus *c = two(state, a,
        "Aid halted\n\nThe Mi-24 helicopter, which was delivering medical "
        "supplies to the remote villages, was turned back, officials "
        "said." END);
    assert_no_aligned(c);
    corpus_free(c);
    c = two(state, a,
        "Aid halted\n\nThe Mi-8 helicopter, which was delivering medical "
        "supplies to the remote villages, was turned back, officials "
        "said." END);
    assert_non_null(aligned(c, 0));
    corpus_free(c);
}

static void test_different_numbers_are_not_aligned(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nThe convoy brought 40 crates of medical supplies "
        "to the remote villages." END,
        "Aid halted\n\nThe convoy brought 25 crates of medical supplies to "
        "the remote villages." END);
    assert_no_aligned(c);
    corpus_free(c);
}

/* The run keeps only the tokens its later passes read (stem occurrences
 * and numbers) and renumbers the occurrences: sentences without a clause
 * before the statement, and words and punctuation dropped inside it,
 * must leave its span, its number check and its claim text as they are
 * read from the text itself. */
static void test_spans_and_numbers_hold_among_dropped_tokens(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nIt rained. Nobody came! The roads, in turn, "
        "were closed.\n\nThe convoy brought 40 crates of medical supplies, "
        "blankets and tents to the remote villages." END,
        "Aid halted\n\nYes. The convoy brought 40 crates of medical "
        "supplies, blankets and tents to the remote villages, officials "
        "said." END);
    const struct comparison *k = aligned(c, 0);
    if (!k || k->verdict != VERDICT_AGREE)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_AGREE);
    for (size_t i = 0; i < 2; i++) {
        char *t = value_text(c, k, i);
        assert_string_equal(t, "convoy brought 40 crates of medical "
                               "supplies");
        free(t);
        /* the claim's text: the stems of its words as written, in order */
        const char *stems = value_claim(c, k, i)->text;
        assert_non_null(stems);
        assert_string_equal(stems, "convoy brought crates medical supplies");
    }
    corpus_free(c);
}

static void test_shared_capitalised_words_are_a_name_not_a_statement(
    void **state)
{
    struct corpus *c = two(state,
        "Talks\n\nThe visit was arranged by the Office of Regional "
        "Cooperation Programmes." END,
        "Talks held\n\nDelegates praised the Office of Regional Cooperation "
        "Programmes." END);
    assert_no_aligned(c);
    corpus_free(c);
}

static void test_unrelated_stories_are_never_aligned(void **state)
{
    struct corpus *c = two(state,
        "Convoy stopped\n\nOfficials in Ankara said the convoy carried "
        "medical supplies to the remote villages near Aleppo." END,
        "Flood relief\n\nVolunteers in Lisbon carried medical supplies to "
        "the remote villages, Portugal and Spain said.\n");
    if (c->docs[0]->story == c->docs[1]->story)
        skip(); /* the linker joined them: nothing to test */
    assert_no_aligned(c);
    corpus_free(c);
}

/* Documents of two stories, interleaved: each story's statement is
 * aligned as when its documents are alone, none across stories, with
 * one event id per story, the stories in order. (align_run works story
 * by story after a first pass over every document: a skipped sentence
 * or a story's clauses leaking into the next would fail this.) */
static void test_interleaved_stories_align_each_on_its_own(void **state)
{
    const char *a1 = "Convoy stopped\n\nOfficials said the convoy was "
                     "stopped at the frontier while bringing medical "
                     "supplies to the remote villages." END;
    const char *a2 = "Aid halted\n\nThe convoy, which was delivering "
                     "medical supplies to the remote villages, was turned "
                     "back, officials said." END;
    const char *b1 = "Floods\n\nVolunteers in Lisbon said the dikes "
                     "along the lower river burst overnight. Portugal and "
                     "Spain sent pumps.\n";
    const char *b2 = "River bursts\n\nThe dikes along the lower river "
                     "burst overnight, volunteers in Lisbon said. Portugal "
                     "and Spain sent pumps.\n";
    const char *texts[] = {a1, b1, a2, b2, NULL};
    struct corpus *c = harness_pipeline(*state, texts);
    if (c->docs[0]->story != c->docs[2]->story ||
        c->docs[1]->story != c->docs[3]->story ||
        c->docs[0]->story == c->docs[1]->story)
        skip(); /* the linker grouped them otherwise: nothing to test */
    const struct comparison *k[2] = {aligned(c, 0), aligned(c, 1)};
    if (!k[0] || !k[1] || aligned(c, 2))
        dump(c);
    assert_non_null(k[0]);
    assert_non_null(k[1]);
    assert_null(aligned(c, 2));
    unsigned first = c->docs[0]->story < c->docs[1]->story ? 0 : 1;
    const char *want[2] = {"medical supplies to the remote villages",
                           "dikes along the lower river burst overnight"};
    for (size_t g = 0; g < 2; g++) {
        /* group g is story of doc (first + g) % 2 */
        unsigned d0 = (first + (unsigned)g) % 2;
        assert_int_equal(k[g]->nvalues, 2);
        assert_int_equal(k[g]->values[0].doc, d0);
        assert_int_equal(k[g]->values[1].doc, d0 + 2);
        for (size_t i = 0; i < 2; i++) {
            char *t = value_text(c, k[g], i);
            assert_string_equal(t, want[d0]);
            free(t);
        }
    }
    assert_true(k[0]->event_id < k[1]->event_id);
    corpus_free(c);
}

/* The corpus of texts with every stage run, align_run freeing each
 * story's sentences when free_sentences is set. */
static struct corpus *finished(void **state, const char *const *texts,
                               bool free_sentences)
{
    struct corpus *c = corpus_new();
    for (size_t i = 0; texts[i]; i++) {
        size_t len = strlen(texts[i]);
        struct doc *doc = doc_new("t.txt", xstrndup(texts[i], len), len);
        harness_process(*state, doc);
        doc_compact(doc, DOC_KEEP_SENTENCES);
        corpus_add(c, doc);
    }
    c->free_sentences = free_sentences;
    harness_finish(*state, c);
    return c;
}

/* Freeing a story's sentences once it is aligned changes nothing the
 * report reads: the same comparisons and claims as keeping them, with
 * stories interleaved so that a story freed too early (before a later
 * story's pass, or before its own) would lose its aligned statements. */
static void test_freeing_sentences_story_by_story_changes_no_result(
    void **state)
{
    const char *texts[] = {
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies to the remote "
        "villages." END,
        "Floods\n\nVolunteers in Lisbon said the dikes along the lower "
        "river burst overnight. Portugal and Spain sent pumps.\n",
        "Aid halted\n\nThe convoy, which was delivering medical supplies "
        "to the remote villages, was turned back, officials said." END,
        "River bursts\n\nThe dikes along the lower river burst overnight, "
        "volunteers in Lisbon said. Portugal and Spain sent pumps.\n",
        NULL};
    struct corpus *kept = finished(state, texts, false);
    struct corpus *freed = finished(state, texts, true);
    assert_non_null(aligned(kept, 0));
    assert_int_equal(freed->ncomparisons, kept->ncomparisons);
    for (size_t i = 0; i < kept->ncomparisons; i++) {
        const struct comparison *a = &kept->comparisons[i],
                                *b = &freed->comparisons[i];
        assert_string_equal(a->topic, b->topic);
        assert_string_equal(a->note ? a->note : "", b->note ? b->note : "");
        assert_int_equal(a->verdict, b->verdict);
        assert_int_equal(a->nvalues, b->nvalues);
        for (size_t v = 0; v < a->nvalues; v++) {
            assert_int_equal(a->values[v].doc, b->values[v].doc);
            assert_int_equal(a->values[v].claim, b->values[v].claim);
        }
    }
    for (size_t d = 0; d < kept->ndocs; d++) {
        const struct doc *x = kept->docs[d], *y = freed->docs[d];
        assert_int_equal(x->nclaims, y->nclaims);
        assert_true(harness_same_claims(x->claims, y->claims, x->nclaims));
        assert_int_equal(x->naligned, y->naligned);
        assert_true(harness_same_claims(x->aligned, y->aligned, x->naligned));
        assert_true(x->nsents > 0);
        assert_int_equal(y->nsents, 0);
        assert_null(y->sents);
    }
    corpus_free(kept);
    corpus_free(freed);
}

/* Each word the topic names ("event: convoy, supplies") is in the
 * text of the value's claim: the claim is the one made for it. */
static void assert_topic_words_in(const struct doc *x, const struct claim *cl,
                                  const char *topic)
{
    const char *w = strchr(topic, ':');
    assert_non_null(w);
    char *span = xstrndup(x->text + cl->span.start,
                          cl->span.end - cl->span.start);
    while (*w == ':' || *w == ',' || *w == ' ') {
        w += strspn(w, ":, ");
        size_t n = strcspn(w, ",");
        char *word = xstrndup(w, n);
        if (!strstr(span, word))
            fail_msg("topic word \"%s\" not in \"%s\"", word, span);
        free(word);
        w += n;
    }
    free(span);
}

/* Align keeps a story's new claims aside and appends them to each
 * document's aligned claims at the end of the story: each must land at
 * the index its comparison was given (counted after doc->claims), in the
 * order made (so a document's aligned claims are numbered in the order
 * of their comparisons), each named by exactly one value; doc->claims
 * holds none of them and is not grown. */
static void test_aligned_claims_land_where_their_comparisons_say(void **state)
{
    const char *texts[] = {
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies to the remote "
        "villages. Engineers reported that the northern bridge collapsed "
        "under heavy trucks during the storm." END,
        "Floods\n\nVolunteers in Lisbon said the dikes along the lower "
        "river burst overnight. Farmers watched the muddy water cover "
        "the orchards near the old mill.\n",
        "Aid halted\n\nThe convoy, which was delivering medical supplies "
        "to the remote villages, was turned back, officials said. The "
        "northern bridge collapsed under heavy trucks during the storm, "
        "engineers reported." END,
        "River bursts\n\nThe dikes along the lower river burst overnight, "
        "volunteers in Lisbon said. Farmers watched muddy water cover the "
        "orchards near the old mill.\n",
        NULL};
    struct corpus *c = finished(state, texts, true);
    size_t most = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        const struct doc *x = c->docs[d];
        assert_int_equal(x->capclaims, x->nclaims);
        size_t naligned = 0;
        long last = -1;
        for (size_t i = 0; i < c->ncomparisons; i++) {
            const struct comparison *k = &c->comparisons[i];
            for (size_t v = 0; v < k->nvalues; v++) {
                if (k->values[v].doc != d || !is_aligned(c, k))
                    continue;
                const struct claim *cl = value_claim(c, k, v);
                assert_true(align_is_aligned(cl));
                assert_true(cl->span.end <= x->len);
                assert_true((long)k->values[v].claim > last);
                if (v == 0)
                    assert_topic_words_in(x, cl, k->topic);
                last = (long)k->values[v].claim;
                naligned++;
            }
        }
        size_t held = 0;
        for (size_t k = 0; k < claim_count(x); k++)
            held += align_is_aligned(claim_nth(x, k));
        assert_int_equal(naligned, held);
        assert_int_equal(x->naligned, naligned);
        for (size_t k = 0; k < x->nclaims; k++)
            assert_false(align_is_aligned(&x->claims[k]));
        for (size_t k = 0; k < x->naligned; k++)
            assert_ptr_equal(claim_nth(x, x->nclaims + k), &x->aligned[k]);
        if (naligned > most)
            most = naligned;
    }
    if (most < 2)
        dump(c);
    assert_true(most >= 2); /* else the order is not tested */
    corpus_free(c);
}

/* ---- against the slot comparisons ----------------------------------------- */

static bool overlap(struct span a, struct span b)
{
    return a.start < b.end && b.start < a.end;
}

static void test_words_a_slot_holds_are_left_to_it(void **state)
{
    struct corpus *c = two(state,
        "Helicopter downed\n\nA Russian Xk-31 helicopter was shot down over "
        "Syria, killing five people aboard the damaged aircraft near the "
        "mountain monastery." END,
        "Helicopter lost\n\nAn Xk-31 helicopter was shot down over Syria, "
        "killing five people aboard the damaged aircraft near the mountain "
        "monastery." END);
    size_t slots = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (is_aligned(c, k) || k->verdict == VERDICT_SINGLE)
            continue;
        slots++;
        for (size_t j = 0; j < c->ncomparisons; j++) {
            const struct comparison *a = &c->comparisons[j];
            if (!is_aligned(c, a))
                continue;
            for (size_t v = 0; v < k->nvalues; v++)
                for (size_t u = 0; u < a->nvalues; u++)
                    if (k->values[v].doc == a->values[u].doc &&
                        overlap(value_claim(c, k, v)->span,
                                value_claim(c, a, u)->span)) {
                        dump(c);
                        fail_msg("aligned %s overlaps slot %s", a->topic,
                                 k->topic);
                    }
        }
    }
    assert_true(slots > 0);
    corpus_free(c);
}

static void test_compare_twice_adds_the_claims_once(void **state)
{
    const struct fixture *f = *state;
    struct corpus *c = two(state,
        "Convoy stopped\n\nOfficials said the convoy was stopped at the "
        "frontier while bringing medical supplies to the remote "
        "villages." END,
        "Aid halted\n\nThe convoy, which was delivering medical supplies to "
        "the remote villages, was turned back, officials said." END);
    size_t n0 = c->docs[0]->nclaims, k0 = c->ncomparisons;
    size_t a0 = c->docs[0]->naligned;
    assert_non_null(aligned(c, 0));
    assert_true(a0 > 0);
    compare_run(f->comparer, c);
    assert_int_equal(c->docs[0]->nclaims, n0);
    assert_int_equal(c->docs[0]->naligned, a0);
    assert_int_equal(c->ncomparisons, k0);
    corpus_free(c);
}

/* ---- why and how ---------------------------------------------------------- */

/* The comparison whose topic ends in ": slot", or NULL. */
static const struct comparison *slot_cmp(const struct corpus *c,
                                         const char *slot)
{
    size_t n = strlen(slot);
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const char *t = c->comparisons[i].topic;
        size_t tl = strlen(t);
        if (tl > n + 2 && !strcmp(t + tl - n, slot) && t[tl - n - 2] == ':')
            return &c->comparisons[i];
    }
    return NULL;
}

#define DRONE_A "Drone lost\n\nA Russian Xk-31 drone was shot down over Syria "
#define DRONE_B "Drone downed\n\nAn Xk-31 drone was shot down over Syria "

static void test_mission_clauses_of_one_event_are_partial(void **state)
{
    struct corpus *c = two(state,
        DRONE_A "on Monday while returning from a supply flight to Hama." END,
        DRONE_B "on Monday while returning from a humanitarian supply "
                "mission near Hama." END);
    const struct comparison *k = slot_cmp(c, "why");
    if (!k || k->verdict != VERDICT_PARTIAL)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_PARTIAL);
    assert_int_equal(k->nvalues, 2);
    char *t = value_text(c, k, 0);
    assert_string_equal(t, "while returning from a supply flight to Hama");
    free(t);
    corpus_free(c);
}

static void test_same_manner_agrees_and_stops_at_a_preposition(void **state)
{
    struct corpus *c = two(state,
        DRONE_A "from the ground on Monday, officials said." END,
        DRONE_B "from the ground near Hama on Monday." END);
    const struct comparison *k = slot_cmp(c, "how");
    if (!k || k->verdict != VERDICT_AGREE)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_AGREE);
    for (size_t i = 0; i < k->nvalues; i++) {
        char *t = value_text(c, k, i);
        assert_string_equal(t, "from the ground");
        free(t);
    }
    corpus_free(c);
}

static void test_manner_and_mission_never_conflict(void **state)
{
    struct corpus *c = two(state,
        DRONE_A "from the ground while flying a patrol." END,
        DRONE_B "with a missile while returning to its base." END);
    for (size_t i = 0; i < c->ncomparisons; i++)
        assert_int_not_equal(c->comparisons[i].verdict, VERDICT_CONFLICT);
    const struct comparison *k = slot_cmp(c, "how");
    if (!k)
        dump(c);
    assert_non_null(k);
    assert_int_equal(k->verdict, VERDICT_PARTIAL);
    corpus_free(c);
}

/* Each clause keeps only its best partner in each other document
 * (keep_best): the two clauses of one source told nearly alike in the
 * other are two statements, each told alike, not the weaker cross pairs
 * (northern with southern, 55% shared). Fails when keep_best keeps the
 * weakest partner instead. */
static void test_each_clause_keeps_its_best_partner(void **state)
{
    struct corpus *c = two(state,
        "Convoy moving\n\nThe trucks carried northern medical supplies to "
        "the villages. The trucks carried southern medical supplies to the "
        "villages." END,
        "Aid moving\n\nThe trucks carried northern medical supplies to the "
        "villages. The trucks carried southern medical supplies to the "
        "villages." END);
    const struct comparison *k0 = aligned(c, 0), *k1 = aligned(c, 1);
    if (!k0 || !k1 || aligned(c, 2) || k0->nvalues != 2 || k1->nvalues != 2)
        dump(c);
    assert_non_null(k0);
    assert_non_null(k1);
    assert_null(aligned(c, 2));
    assert_int_equal(k0->nvalues, 2);
    assert_int_equal(k1->nvalues, 2);
    for (size_t n = 0; n < 2; n++) {
        const struct comparison *k = n ? k1 : k0;
        char *a = value_text(c, k, 0), *b = value_text(c, k, 1);
        assert_int_equal(k->verdict, VERDICT_AGREE);
        assert_string_equal(k->note, "100% of content words shared");
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    corpus_free(c);
}

/* Equal similarities go to the first edge (keep_best's tie-break, as the
 * qsort by edge index had it): here every pair is told alike over the
 * stretch "trucks carried medical supplies", so the first pair found
 * groups all four clauses and one statement per source is left. Fails
 * when the last edge among equals is kept. */
static void test_equal_partners_go_to_the_first_edge(void **state)
{
    struct corpus *c = two(state,
        "Convoy moving\n\nThe trucks carried medical supplies to northern "
        "villages. The trucks carried medical supplies to southern "
        "camps." END,
        "Aid moving\n\nThe trucks carried medical supplies to northern "
        "villages. The trucks carried medical supplies to southern "
        "camps." END);
    const struct comparison *k = aligned(c, 0);
    if (!k || aligned(c, 1) || k->nvalues != 2)
        dump(c);
    assert_non_null(k);
    assert_null(aligned(c, 1));
    assert_int_equal(k->nvalues, 2);
    for (size_t i = 0; i < 2; i++) {
        char *t = value_text(c, k, i);
        assert_string_equal(t, "trucks carried medical supplies to northern "
                               "villages");
        free(t);
    }
    corpus_free(c);
}

/* ---- the short-form table (src/formtab.h) --------------------------------- */

/* Bytes a form is made of: both cases, the bytes next to 'A'..'Z' and
 * 'a'..'z', bytes past ASCII whose low seven bits are a capital (0xC1),
 * and the same bytes with 0x20 set (0xE1), UTF-8 lead and continuation
 * bytes, a NUL. */
static const unsigned char form_bytes[] = {
    'A', 'B', 'Z', 'a', 'b', 'z', '@', '[', '`', '{', '-', '\'', '0',
    '9', 0xC1, 0xE1, 0xDA, 0xFA, 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0x00};

/* The plain relation: one form when equal after 'A'..'Z' -> 'a'..'z'. */
static bool same_form(const unsigned char *a, size_t na,
                      const unsigned char *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        unsigned char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

/* Random forms (a few letters, so that the same form comes back in
 * other cases) go to the table and to a plain list: the table must give
 * the id the list's first equal form has, whether the key was read eight
 * bytes at a time (text after the form) or byte by byte (the form ends
 * its buffer, which ASan checks is never read past). */
static void test_form_table_gives_the_plain_lookups_ids(void **state)
{
    (void)state;
    enum { FORMS = 20000 };
    unsigned char (*seen)[FORMTAB_MAX] = calloc(FORMS, FORMTAB_MAX);
    size_t *seen_len = calloc(FORMS, sizeof *seen_len);
    assert_non_null(seen);
    assert_non_null(seen_len);
    struct formtab t = {NULL, 0, 0};
    size_t nseen = 0;
    unsigned long r = 12345;
    for (int round = 0; round < FORMS; round++) {
        r = r * 6364136223846793005ul + 1442695040888963407ul;
        size_t len = 1 + (r >> 33) % FORMTAB_MAX;
        unsigned char w[FORMTAB_MAX];
        /* few distinct bytes in short forms: repeats in other cases */
        size_t nb = len <= 3 ? 8 : sizeof form_bytes;
        for (size_t i = 0; i < len; i++) {
            r = r * 6364136223846793005ul + 1442695040888963407ul;
            w[i] = form_bytes[(r >> 33) % nb];
        }
        char *tight = malloc(len), *roomy = malloc(len + 16);
        assert_non_null(tight);
        assert_non_null(roomy);
        memcpy(tight, w, len);
        memcpy(roomy, w, len);
        memset(roomy + len, 'x', 16);
        struct formkey kt = formtab_key(tight, len, len);
        struct formkey kr = formtab_key(roomy, len, len + 16);
        assert_true(kt.lo == kr.lo && kt.hi == kr.hi && kt.len == kr.len);
        int want = -1;
        for (size_t k = 0; k < nseen && want < 0; k++)
            if (same_form(seen[k], seen_len[k], w, len))
                want = (int)k;
        assert_int_equal(formtab_get(&t, &kt), want);
        if (want < 0) {
            memcpy(seen[nseen], w, len);
            seen_len[nseen] = len;
            want = (int)nseen++;
        }
        assert_int_equal(formtab_put(&t, &kr), want);
        assert_int_equal(formtab_get(&t, &kt), want);
        free(tight);
        free(roomy);
    }
    /* repeats and new forms both met, and the table grew */
    assert_true(nseen > 1000 && nseen < FORMS);
    assert_int_equal(t.n, nseen);
    formtab_free(&t);
    free(seen);
    free(seen_len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_words_in_other_clauses_agree),
        cmocka_unit_test(test_more_words_in_one_source_are_partial),
        cmocka_unit_test(test_unrelated_sentences_are_not_aligned),
        cmocka_unit_test(test_a_denial_is_not_aligned_with_the_claim),
        cmocka_unit_test(test_different_numbers_are_not_aligned),
        cmocka_unit_test(test_spans_and_numbers_hold_among_dropped_tokens),
        cmocka_unit_test(
            test_shared_capitalised_words_are_a_name_not_a_statement),
        cmocka_unit_test(test_unrelated_stories_are_never_aligned),
        cmocka_unit_test(test_interleaved_stories_align_each_on_its_own),
        cmocka_unit_test(test_freeing_sentences_story_by_story_changes_no_result),
        cmocka_unit_test(test_aligned_claims_land_where_their_comparisons_say),
        cmocka_unit_test(test_words_a_slot_holds_are_left_to_it),
        cmocka_unit_test(test_compare_twice_adds_the_claims_once),
        cmocka_unit_test(test_mission_clauses_of_one_event_are_partial),
        cmocka_unit_test(test_same_manner_agrees_and_stops_at_a_preposition),
        cmocka_unit_test(test_manner_and_mission_never_conflict),
        cmocka_unit_test(test_clauses_about_other_things_are_not_aligned),
        cmocka_unit_test(test_each_clause_keeps_its_best_partner),
        cmocka_unit_test(test_equal_partners_go_to_the_first_edge),
        cmocka_unit_test(test_form_table_gives_the_plain_lookups_ids),
    };
    return cmocka_run_group_tests(tests, harness_setup, harness_teardown);
}
