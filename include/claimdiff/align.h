/* align.h - one statement told in other words by several sources.
 *
 * Last step of the compare stage: compare_run calls align_run once every
 * slot comparison exists. First, the purpose ("why") and manner ("how")
 * clauses next to the predicates of an event's frames, found by the cues
 * of claims/details, become two more slots of that event. Then clauses of different documents of one story
 * that share enough content-word stems, each weighted by how rare it is
 * in the story, become one comparison: agree when the aligned words are
 * near-identical, partial otherwise, never a conflict. Words already in a
 * value of another comparison are left to it. Clauses meet through an
 * index of their rarest stems, never all pairs, so time grows as n log n
 * in the number of clauses.
 *
 * Stems are Snowball's English (Porter2) stems, through libstemmer, which
 * only this module uses. An aligner is read-only after align_new; each
 * align_run opens a stemmer of its own. align_run appends its values
 * as statement claims (slot ALIGN_SLOT) to doc->claims, their strings in
 * doc->arena, and its comparisons to corpus->comparisons (corpus->arena).
 */
#ifndef CLAIMDIFF_ALIGN_H
#define CLAIMDIFF_ALIGN_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct corpus;
struct rules;
struct claim;
struct aligner;

/* The slots of the statement claims align_run adds: a statement told
 * alike, the purpose or circumstance of an event ("while returning from
 * a mission"), its manner ("from the ground"). */
#define ALIGN_SLOT "aligned"
#define ALIGN_WHY "aligned/why"
#define ALIGN_HOW "aligned/how"

/* Read the why/how cues, stop words, one-word negators, clause words and
 * locative prepositions of r (claims/details, claims/stopwords,
 * claims/negators, claims/clause_breaks, claims/locatives). r may be freed
 * afterwards. On a malformed table returns CD_ERR_RULE with its file and
 * line in d and leaves *out NULL. */
CD_NODISCARD enum cd_err align_new(const struct rules *r,
                                   struct aligner **out, struct diag *d);

/* Release the aligner. NULL is a no-op. */
void align_free(struct aligner *a);

/* Drop the claims an earlier align_run added, then add the comparisons of
 * the statements that documents of one story share (and their claims).
 * Needs link (stories) and the other comparisons of compare_run. */
void align_run(const struct aligner *a, struct corpus *c);

/* Was cl added by align_run (any of its slots)? */
bool align_is_aligned(const struct claim *cl);

/* Is cl a value of a statement told alike (slot ALIGN_SLOT)? Reports
 * list those after every event's slots. */
bool align_told_alike(const struct claim *cl);

#endif
