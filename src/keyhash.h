/* keyhash.h - private: hash and compare the tagger's short keys inline
 * (not part of the public API; lives in src/ on purpose, for tag.c and
 * its tests).
 *
 * Every word of a document is hashed and compared once for the word
 * cache, and every table lookup hashes its key; words are a few bytes,
 * so a call (to scan_hash in scan.c, to memcmp) cost about as much as
 * the work. These read eight or four bytes at a time with loads that may
 * overlap inside the key, never outside it. Pure functions of the bytes;
 * nothing is allocated.
 */
#ifndef CLAIMDIFF_KEYHASH_H
#define CLAIMDIFF_KEYHASH_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint64_t */
#include <string.h>  /* memcpy, memcmp */

static inline uint64_t keyhash_load8(const char *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
    return v;
}

static inline uint64_t keyhash_load4(const char *s)
{
    uint32_t v;
    memcpy(&v, s, 4);
    return v;
}

static inline uint64_t keyhash_mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9E3779B97F4A7C15u;
    return h ^ (h >> 32); /* slot indexes take low bits */
}

/* Hash of s[0..n): eight bytes at a time, the last load overlapping the
 * one before; four to seven bytes in two overlapping loads; one to three
 * bytes as the first, middle and last. The scheme of scan_hash without
 * its case folding. Reads only s[0..n); s may be NULL when n is 0. */
static inline uint64_t keyhash_of(const char *s, size_t n)
{
    uint64_t h = n * 0xFF51AFD7ED558CCDu;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            h = keyhash_mix(h, keyhash_load8(s + i));
        return keyhash_mix(h, keyhash_load8(s + n - 8));
    }
    if (n >= 4)
        return keyhash_mix(h, keyhash_load4(s) << 32 |
                                  keyhash_load4(s + n - 4));
    if (n > 0)
        return keyhash_mix(h, (uint64_t)(unsigned char)s[0] << 16 |
                                  (uint64_t)(unsigned char)s[n / 2] << 8 |
                                  (unsigned char)s[n - 1]);
    return keyhash_mix(h, 0);
}

/* Are a[0..n) and b[0..n) the same bytes (memcmp(a, b, n) == 0)? Up to
 * sixteen bytes, two pairs of overlapping loads cover every byte; longer
 * keys go to memcmp. Reads only a[0..n) and b[0..n). */
static inline bool keyhash_same(const char *a, const char *b, size_t n)
{
    if (n >= 8 && n <= 16)
        return keyhash_load8(a) == keyhash_load8(b) &&
               keyhash_load8(a + n - 8) == keyhash_load8(b + n - 8);
    if (n >= 4 && n < 8)
        return keyhash_load4(a) == keyhash_load4(b) &&
               keyhash_load4(a + n - 4) == keyhash_load4(b + n - 4);
    if (n < 4)
        return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
                          a[n - 1] == b[n - 1]);
    return memcmp(a, b, n) == 0;
}

#endif
