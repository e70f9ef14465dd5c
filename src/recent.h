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
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */
#include <string.h>  /* memcmp, memcpy */

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

/* ---- words of at most eight bytes, held by value ----------------------
 *
 * A word of one to eight bytes none of which is NUL is its bytes read as
 * one 64-bit number with the bytes past its end cleared: equal numbers,
 * equal words, with no pointer to follow and no memcmp. The caller must
 * be able to read eight bytes at s (s + 8 within its text) to make one. */

#define RECENT_SHORT_MAX 8

/* One key per slot, 0 for none (no word's key is 0). Zero it to start. */
struct recent_short {
    uint64_t key[RECENT_SIZE];
};

/* The key of s[0..len), 1 <= len <= RECENT_SHORT_MAX, no byte NUL; reads
 * s[0..8). */
static inline uint64_t recent_short_key(const char *s, size_t len)
{
    uint64_t v;
    memcpy(&v, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return len == 8 ? v : v >> (64 - 8 * len) << (64 - 8 * len);
#else
    return len == 8 ? v : v & (((uint64_t)1 << (8 * len)) - 1);
#endif
}

/* Is key the key last stored in its slot? If not, store it there and
 * return false: as recent_seen, a true answer means the caller has
 * already added this very word. */
static inline bool recent_short_seen(struct recent_short *r, uint64_t key)
{
    uint32_t i = (uint32_t)((key * 0x9E3779B97F4A7C15u) >> (64 - RECENT_BITS));
    if (r->key[i] == key)
        return true;
    r->key[i] = key;
    return false;
}

#endif
