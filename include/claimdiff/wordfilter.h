/* wordfilter.h - a small filter that rules most words out of a word table.
 *
 * The per-document stages look up nearly every token in small word tables
 * (month names, number words, speech verbs, phrase heads), and nearly
 * every lookup misses. A filter built from the table's words answers "not
 * in the table" from the word's length and its first, second and last
 * byte, without hashing the word, so only the few survivors pay for the
 * full lookup. Matching is ASCII case-insensitive like scan_map: a word
 * added in any case is never ruled out in another. The filter is a plain
 * caller-owned struct (zero it to start); nothing is allocated.
 */
#ifndef CLAIMDIFF_WORDFILTER_H
#define CLAIMDIFF_WORDFILTER_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

#define WORDFILTER_WORDS 64 /* 64 * 64 = 4096 bits */

struct wordfilter {
    uint64_t bits[WORDFILTER_WORDS];
};

/* Two bit numbers of s[0..len) (len >= 1). Bytes are taken with bit 5
 * set, so 'A' and 'a' (and any two ASCII letters that differ in case)
 * give the same bits; bytes that are not letters may collide, which only
 * lets a word through to the real lookup. */
static inline uint32_t wordfilter_hash(const char *s, size_t len)
{
    uint32_t a = (unsigned char)s[0] | 32u;
    uint32_t b = len > 1 ? (unsigned char)s[1] | 32u : 0;
    uint32_t z = (unsigned char)s[len - 1] | 32u;
    uint32_t h = (a << 16 | b << 8 | z) ^ ((uint32_t)len << 24);
    h *= 0x9E3779B1u;
    return h ^ (h >> 16);
}

/* Add s[0..len); an empty word is ignored (no table holds one). */
static inline void wordfilter_add(struct wordfilter *f, const char *s,
                                  size_t len)
{
    if (len == 0)
        return;
    uint32_t h = wordfilter_hash(s, len), b1 = h >> 20, b2 = h >> 8 & 4095;
    f->bits[b1 / 64] |= (uint64_t)1 << (b1 % 64);
    f->bits[b2 / 64] |= (uint64_t)1 << (b2 % 64);
}

/* False if s[0..len) was certainly never added (in any ASCII case); true
 * if it may have been. False for the empty word. */
static inline bool wordfilter_may(const struct wordfilter *f, const char *s,
                                  size_t len)
{
    if (len == 0)
        return false;
    uint32_t h = wordfilter_hash(s, len), b1 = h >> 20, b2 = h >> 8 & 4095;
    return (f->bits[b1 / 64] >> (b1 % 64) & 1) &&
           (f->bits[b2 / 64] >> (b2 % 64) & 1);
}

#endif
