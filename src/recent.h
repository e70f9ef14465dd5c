/* recent.h - private cache of the words last added to a table, so that
 * a caller adding every word of a corpus to a set (link.c's lower-case
 * words) skips the words it has just added, which in running text are
 * most of them ("the", "said"). Not part of the public API. The cache
 * points into the caller's texts, which must outlive it; it allocates
 * nothing beyond itself.
 */
#ifndef CLAIMDIFF_RECENT_H
#define CLAIMDIFF_RECENT_H

#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memcmp */

#define RECENT_BITS 12
#define RECENT_SIZE (1u << RECENT_BITS)

/* One word per slot, by hash; a slot holds the last word stored there.
 * Zero it to start (every slot empty). */
struct recent {
    const char *word[RECENT_SIZE];
    uint32_t len[RECENT_SIZE];
};

/* Is s[0..len) byte for byte the word last stored in its slot? If not,
 * store it there and return false. h is any function of the bytes (the
 * scanner's token hash): equal words meet in one slot, so a true answer
 * means the caller has already added this very word, and a false one
 * only that it must add it (perhaps again). */
static inline bool recent_seen(struct recent *r, uint32_t h, const char *s,
                               uint32_t len)
{
    uint32_t i = (h ^ (h >> RECENT_BITS) ^ (h >> 2 * RECENT_BITS)) &
                 (RECENT_SIZE - 1);
    if (r->word[i] && r->len[i] == len && memcmp(r->word[i], s, len) == 0)
        return true;
    r->word[i] = s;
    r->len[i] = len;
    return false;
}

#endif
