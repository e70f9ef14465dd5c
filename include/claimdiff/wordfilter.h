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

/* Add every word added to from to into as well: a word either may have
 * had is then not ruled out by into. */
static inline void wordfilter_merge(struct wordfilter *into,
                                    const struct wordfilter *from)
{
    for (size_t i = 0; i < WORDFILTER_WORDS; i++)
        into->bits[i] |= from->bits[i];
}

/* ---- heads: the first WORDFILTER_HEAD bytes of prefixes ---------------
 *
 * For tables of prefixes ("crash*" matches "crashed"): a word can start
 * with an added prefix only if its first WORDFILTER_HEAD bytes fold like
 * the prefix's, so one probe of those bytes rules out most words before
 * any prefix length is tried. Use a wordfilter of its own for heads. */

#define WORDFILTER_HEAD 3 /* bytes; shorter prefixes are not recorded */

/* One bit number of s[0..WORDFILTER_HEAD), folded as wordfilter_hash
 * folds. */
static inline uint32_t wordfilter_head_hash(const char *s)
{
    uint32_t h = ((unsigned char)s[0] | 32u) << 16 |
                 ((unsigned char)s[1] | 32u) << 8 | ((unsigned char)s[2] | 32u);
    h *= 0x9E3779B1u;
    return h >> 20; /* 12 bits: WORDFILTER_WORDS * 64 */
}

/* Record the prefix s[0..len); one shorter than WORDFILTER_HEAD is
 * ignored (a caller that matches such prefixes cannot use heads). */
static inline void wordfilter_add_head(struct wordfilter *f, const char *s,
                                       size_t len)
{
    if (len < WORDFILTER_HEAD)
        return;
    uint32_t b = wordfilter_head_hash(s);
    f->bits[b / 64] |= (uint64_t)1 << (b % 64);
}

/* False if the word s[0..len) certainly starts with no recorded prefix
 * (in any ASCII case); true if it may. False if len < WORDFILTER_HEAD. */
static inline bool wordfilter_may_head(const struct wordfilter *f,
                                       const char *s, size_t len)
{
    if (len < WORDFILTER_HEAD)
        return false;
    uint32_t b = wordfilter_head_hash(s);
    return f->bits[b / 64] >> (b % 64) & 1;
}

#endif
