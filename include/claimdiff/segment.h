/* segment.h - paragraphs, sentences and tokens.
 *
 * Second per-document stage: fills doc->paras, doc->sents and doc->toks
 * with byte spans into doc->text. Sentence splitting knows abbreviations
 * (rules/lexicon/abbreviations.tsv), initials, decimals, ellipses, closing
 * quotes and brackets after the stop, and that headlines and bullet lines
 * are sentences of their own. A segmenter is read-only after segment_new
 * and may be shared by threads; it writes only into the doc it is given.
 */
#ifndef CLAIMDIFF_SEGMENT_H
#define CLAIMDIFF_SEGMENT_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct doc;
struct rules;
struct segmenter;

CD_NODISCARD enum cd_err segment_new(const struct rules *r,
                                     struct segmenter **out, struct diag *d);

void segment_free(struct segmenter *s);

/* Segment doc (replacing any earlier segmentation). Sentences that lie in a
 * boilerplate region get SENT_BOILERPLATE. Linear in doc->len. */
void segment_run(const struct segmenter *s, struct doc *doc);

#endif
