/* tagplain.h - private: the tagger without its exact skips, for tests
 * (not part of the public API; lives in src/ on purpose).
 *
 * Some of tag_run's loops skip work that a cheap test proves fruitless
 * (a gazetteer run without a capital, a phrase grown word by word). A
 * plain tagger does that work as the full checks would, so a test can
 * tag the same texts both ways and require the same mentions.
 */
#ifndef CLAIMDIFF_TAGPLAIN_H
#define CLAIMDIFF_TAGPLAIN_H

#include <stdbool.h> /* bool */

struct tagger;

/* Turn t's skips off (plain true) or on (the default). Call it before
 * t is shared between threads; t must not be NULL. */
void tag_set_plain(struct tagger *t, bool plain);

#endif
