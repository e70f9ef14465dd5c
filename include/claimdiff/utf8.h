/* utf8.h - small UTF-8 helpers shared by the stages.
 *
 * Pure functions over caller-owned bytes; nothing is allocated.
 */
#ifndef CLAIMDIFF_UTF8_H
#define CLAIMDIFF_UTF8_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

/* utf8_decode for a sequence of two bytes or more (s[0] >= 0x80); use
 * utf8_decode, which answers ASCII without a call. */
size_t utf8_decode_multi(const char *s, size_t n, uint32_t *cp);

/* Decode the code point at s[0..n). Returns its length in bytes (1..4) and
 * sets *cp; an invalid or truncated sequence returns 0 and *cp = 0xFFFD.
 * Inline because every stage calls it once a character, and most
 * characters are ASCII. */
static inline size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n > 0 && (unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return utf8_decode_multi(s, n, cp);
}

/* Replace every byte that is not part of a valid UTF-8 sequence with '?',
 * in place, so byte offsets are unchanged. Returns how many were replaced.
 * Overlong forms, surrogates and code points past U+10FFFF count as
 * invalid. */
size_t utf8_repair(char *s, size_t n);

/* True if s[0..n) is entirely valid UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* True for the white space a document may hold between words: ASCII space,
 * tab, CR, LF, FF, VT, U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000 and
 * the BOM U+FEFF. */
/* utf8_is_space for cp >= 0x80; use utf8_is_space. */
bool utf8_is_space_wide(uint32_t cp);

/* (Inline for the same reason as utf8_decode.) */
static inline bool utf8_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return utf8_is_space_wide(cp);
}

#endif
