/* anchor.h - fix the years and days that documents leave open.
 *
 * Per-corpus stage after link: completes every doc->dates value from, in
 * order, the document's own explicit dates near it, its publication date
 * (unless that is a page timestamp far from the story), and the story's
 * consensus year; what cannot be fixed stays XXXX with DATE_UNANCHORED.
 * Writes only date values and bases, and document warnings.
 */
#ifndef CLAIMDIFF_ANCHOR_H
#define CLAIMDIFF_ANCHOR_H

struct corpus;

void anchor_run(struct corpus *c);

#endif
