/* markscan.h - private: skip the bytes that cannot begin a quotation
 * mark (not part of the public API; lives in src/ on purpose, for
 * quote.c and its tests).
 *
 * The only ASCII quotation marks are '"' and '\''; every other mark
 * (“ ” ‘ ’ « » ...) is a multibyte character, whose first byte is >= 0x80.
 * So the quote finder may pass, without decoding them, all bytes but
 * those. Pure functions of their arguments; nothing is allocated.
 */
#ifndef CLAIMDIFF_MARKSCAN_H
#define CLAIMDIFF_MARKSCAN_H

#include <stddef.h> /* size_t */

#ifdef __SSE2__
#include <emmintrin.h> /* sixteen bytes a step */
#endif

/* May byte b begin a quotation mark? */
static inline int markscan_may_open(unsigned char b)
{
    return b == '"' || b == '\'' || b >= 0x80;
}

/* The first i' in [i, end) with markscan_may_open(t[i']), or end if none
 * (also when i >= end). Reads only t[i, end). */
static inline size_t markscan_next(const char *t, size_t i, size_t end)
{
#ifdef __SSE2__
    /* Most text is plain ASCII between marks tens of bytes apart: one
     * compare per byte class for sixteen bytes, the high bit from the
     * byte itself. */
    const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\'');
    while (i < end && end - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, dq),
                                   _mm_cmpeq_epi8(x, sq));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(hit, x));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i < end && !markscan_may_open((unsigned char)t[i]))
        i++;
    return i < end ? i : end;
}

#endif
