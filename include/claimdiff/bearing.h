/* bearing.h - where a place lies within its country, as sources say it.
 *
 * Two ends of one concern, like fate.h. After claim (claim_run calls
 * bearing_claims), "the northwestern city of X", "X, in eastern Y", "X in
 * the east of the country" and "southern Y's X" become CLAIM_ROLE claims
 * of slot CLAIM_SLOT_BEARING: mention_idx the place, text the bearing's
 * name ("north-west"), object the country named or -1. After the event
 * comparisons (compare_run calls bearing_compare), the bearings of one
 * linked place are compared across the documents of a story. Claims and
 * comparisons go to the doc's and corpus's own arrays; strings live in
 * static tables or the corpus arena.
 */
#ifndef CLAIMDIFF_BEARING_H
#define CLAIMDIFF_BEARING_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct claim;
struct rules;
struct doc;
struct corpus;
struct bearer;
struct wordmask;
struct wordmask_doc;

/* The slot of the CLAIM_ROLE claims of this module: judge_roles of
 * compare.c leaves them to bearing_compare. */
#define CLAIM_SLOT_BEARING "bearing"

/* Is cl a bearing claim of this module? NULL is not. */
bool bearing_is_claim(const struct claim *cl);

/* Build the compass words and nouns of r (rules/claims/bearings,
 * bearing_nouns) and the kinds and parents of the gazetteer places. r may
 * be freed afterwards. On a malformed row returns CD_ERR_RULE with its
 * file and line in d and leaves *out NULL. */
CD_NODISCARD enum cd_err bearing_new(const struct rules *r,
                                     struct bearer **out, struct diag *d);

/* Release the bearer. NULL is a no-op. */
void bearing_free(struct bearer *b);

/* Add the first words of b's compass words ("north" of "north west") to
 * wm as its table table, so that a caller who looks every token up in wm
 * anyway can hand bearing_claims the masks. Call before b is shared.
 * Returns false, changing nothing, when table >= WORDMASK_TABLES. */
bool bearing_index(struct bearer *b, struct wordmask *wm, unsigned table);

/* Add the bearing claims of doc to doc->claims, keeping the claims in
 * text order of their sentences. Needs segment and tag to have run (the
 * tokens must still be there). A direction inside a city ("eastern X",
 * "the east of the city") is not one within a country and gets no claim.
 * m is NULL, or doc's tokens looked up in the wordmask b was indexed
 * into (bearing_index); the claims are the same either way. The bearer
 * is only read: threads may share it. */
void bearing_claims(const struct bearer *b, struct doc *doc,
                    const struct wordmask_doc *m);

/* Append to c->comparisons, for each place of each story that two or
 * more documents locate, one comparison of their bearings: the same
 * agrees, 45 or 90 degrees apart is partial, 135 or more conflicts. A
 * document that gives its place two bearings 90 or more degrees apart
 * is left out; places located relative to two different countries are
 * not compared. *events numbers the events of the corpus: each place
 * takes the next number. */
void bearing_compare(struct corpus *c, unsigned *events);

#endif
