/* align.h - one statement told in other words by several sources.
 *
 * Last step of the compare stage: compare_run calls align_run once every
 * slot comparison exists. Clauses of different documents of one story
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

/* The slot of the statement claims align_run adds. */
#define ALIGN_SLOT "aligned"

/* Read the stop words and one-word negators of r (claims/stopwords,
 * claims/negators). r may be freed
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

/* Was cl added by align_run? */
bool align_is_aligned(const struct claim *cl);

#endif
