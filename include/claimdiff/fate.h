/* fate.h - what became of people: killed, missing, captured, rescued.
 *
 * Two ends of one concern. After claim (claim_run calls fate_claims),
 * each "one pilot was killed", "the other remained missing", "both
 * crew members were rescued" becomes a CLAIM_FATE claim: the person's
 * group, how the text singles them out and their fate. After the event
 * comparisons (compare_run calls fate_compare), the people of a group
 * are matched across the documents of a story and each person's fate
 * gets a verdict. Claims and comparisons go to the doc's and corpus's
 * own arrays; strings live in the fater, which outlives every document
 * of a run, or in the corpus arena.
 */
#ifndef CLAIMDIFF_FATE_H
#define CLAIMDIFF_FATE_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct rules;
struct doc;
struct corpus;
struct fater;
struct wordmask;
struct wordmask_doc;

/* The wordmask tables fate_index takes. */
#define FATE_MASK_TABLES 4

/* Build the fate words, role nouns and referent words of r
 * (rules/claims/fates, fate_people, fate_referents). r may be freed
 * afterwards. On a malformed row returns CD_ERR_RULE with its file and
 * line in d and leaves *out NULL. */
CD_NODISCARD enum cd_err fate_new(const struct rules *r, struct fater **out,
                                  struct diag *d);

/* Release the fater. NULL is a no-op. */
void fate_free(struct fater *f);

/* Add the first words of f's phrase tables to wm as its tables first ..
 * first + FATE_MASK_TABLES - 1, so that a caller who looks every token
 * up in wm anyway can hand fate_claims the masks instead of having it
 * filter each token again. Call before f is shared. Returns false,
 * changing nothing, when the tables do not fit below WORDMASK_TABLES. */
bool fate_index(struct fater *f, struct wordmask *wm, unsigned first);

/* Add the fate claims of doc to doc->claims, keeping the claims in text
 * order of their sentences. Needs segment and tag to have run. A person
 * the text does not single out beyond doubt ("pilots", "they") gets no
 * claim. m is NULL, or doc's tokens looked up in the wordmask f was
 * indexed into (fate_index); the claims are the same either way. The
 * fater is only read: threads may share it. */
void fate_claims(const struct fater *f, struct doc *doc,
                 const struct wordmask_doc *m);

/* Append to c->comparisons the fate of each person of each group of each
 * story, and how many of a group were killed where sources count them.
 * Documents' people are matched to the story's best told account; a
 * document whose people match two ways equally well gives only what it
 * says of the whole group. *events numbers the events of the corpus: the
 * comparisons of one group share the next number. */
void fate_compare(struct corpus *c, unsigned *events);

#endif
