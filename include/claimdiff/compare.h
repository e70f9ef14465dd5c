/* compare.h - the cross-source verdicts: agree, partial, conflict.
 *
 * Last per-corpus stage, after link and anchor. Documents are first put
 * into stories (shared rare entities, dates within weeks of each other),
 * so that a folder of unrelated stories never compares one story's count
 * with another's. Within a story, claims of one event class and one thing
 * ("Mi-8", "flight 9525") on one day make an event; each slot of the
 * event (how many per counted noun, when, where, who, did it happen at
 * all) gets one value per document and a verdict. Descriptions of an
 * entity (roles, class nouns) and statements of one speaker are compared
 * across the whole corpus: they do not depend on the event.
 *
 * Grouping sorts claims by blocking keys; no step compares every claim
 * with every other, so time grows as n log n in the number of claims
 * (statements of one speaker are compared pairwise within the speaker).
 * Results live in corpus->comparisons and corpus->arena.
 */
#ifndef CLAIMDIFF_COMPARE_H
#define CLAIMDIFF_COMPARE_H

#include "claimdiff/claim.h" /* enum claim_kind */
#include "claimdiff/diag.h"  /* enum cd_err, struct diag */

struct corpus;
struct rules;
struct comparer;

enum verdict {
    VERDICT_CONFLICT, /* incompatible values */
    VERDICT_PARTIAL,  /* compatible values of different precision/wording */
    VERDICT_AGREE,    /* the same value */
    VERDICT_SINGLE,   /* one document only */
};

/* The contract's name of a verdict ("agree", ...). */
const char *verdict_name(enum verdict v);

/* One document's value: a claim of that document. */
struct cmp_value {
    unsigned doc;   /* index into corpus->docs */
    unsigned claim; /* index into that doc's claims */
    signed char stance; /* for whether an event happened: 1 this source
                           states it, -1 denies it (a negation, or being
                           elsewhere); 0 for every other slot */
};

struct comparison {
    const char *topic;        /* "Mi-8 shootdown: killed (people)" (arena) */
    const char *event;        /* the event's title, shared by its slots */
    unsigned event_id;        /* comparisons of one event share it (1..) */
    /* Bytes, not enums: with them beside event_id the struct is 56 bytes
     * rather than 64 (one per comparison, held to the report). */
    unsigned char kind;       /* enum claim_kind of the claims compared */
    unsigned char verdict;    /* enum verdict */
    const char *note;         /* why: "5 vs 5", "Idlib lies in Syria" */
    const char *why;          /* for --explain: the rule applied (static) */
    struct cmp_value *values; /* one per document, in document order */
    size_t nvalues;
};

/* Read the class and containment facts of r: rules/claims/classes and the
 * parents of the gazetteers. r may be freed afterwards. */
CD_NODISCARD enum cd_err compare_new(const struct rules *r,
                                     struct comparer **out, struct diag *d);

void compare_free(struct comparer *cmp);

/* Fill c->comparisons from the claims of every document. */
void compare_run(const struct comparer *cmp, struct corpus *c);

/* Is the place or group named `inner` inside or a kind of `outer`, by the
 * gazetteer parents and claims/classes? Names are compared folded. Used
 * by compare_run; public for the tests. */
bool compare_contains(const struct comparer *cmp, const char *outer,
                      const char *inner);

#endif
