/* utf8.h - small UTF-8 helpers shared by the stages.
 *
 * Pure functions over caller-owned bytes; nothing is allocated.
 */
#ifndef CLAIMDIFF_UTF8_H
#define CLAIMDIFF_UTF8_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

/* Decode the code point at s[0..n). Returns its length in bytes (1..4) and
 * sets *cp; an invalid or truncated sequence returns 0 and *cp = 0xFFFD. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

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
bool utf8_is_space(uint32_t cp);

#endif
