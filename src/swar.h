/* swar.h - private: byte-parallel tests on a 64-bit word (eight bytes of
 * text at a time), shared by the loader, the segmenter, the token scanner,
 * the JSON writer and the record writer. Not part of the public API.
 *
 * Pure functions and constant tables; nothing is allocated.
 */
#ifndef CLAIMDIFF_SWAR_H
#define CLAIMDIFF_SWAR_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t, UINT64_C */
#include <string.h> /* memcpy */

/* 0x0101...01 times b: b in every byte of a word. */
#define EVERY_BYTE(b) (UINT64_C(0x0101010101010101) * (b))

/* The top bit of each byte of x (every byte below 0x80) that lies in
 * [lo, hi]: adding 0x80 - lo sets it when the byte is >= lo, adding
 * 0x7f - hi when it is > hi, and neither sum carries into the next byte. */
static inline uint64_t swar_bytes_in(uint64_t x, unsigned lo, unsigned hi)
{
    return (x + EVERY_BYTE(0x80 - lo)) & ~(x + EVERY_BYTE(0x7f - hi)) &
           EVERY_BYTE(0x80);
}

/* How many bytes of m (each 0x80 or 0) are set. */
static inline unsigned swar_count_top(uint64_t m)
{
    return (unsigned)(((m >> 7) * EVERY_BYTE(1)) >> 56);
}

/* The end of the run of ASCII letters (either case) in s[q..end), q if
 * s[q] is none: eight bytes a step while eight lie ahead (most words end
 * within the first), then one at a time. A byte is a letter when it is
 * below 0x80 and b | 0x20 lies in 'a'..'z'. */
static inline size_t swar_letters_end(const unsigned char *s, size_t q,
                                      size_t end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (end - q >= 8) {
        uint64_t x;
        memcpy(&x, s + q, 8);
        /* bytes past ASCII (top bit set in x) left out */
        uint64_t letters =
            swar_bytes_in((x | EVERY_BYTE(0x20)) & EVERY_BYTE(0x7F), 'a',
                          'z') &
            ~x;
        uint64_t stop = ~letters & EVERY_BYTE(0x80);
        if (stop) /* little-endian: the first byte is the lowest */
            return q + (size_t)__builtin_ctzll(stop) / 8;
        q += 8;
    }
#endif
    while (q < end && (unsigned char)((s[q] | 0x20) - 'a') < 26)
        q++;
    return q;
}

/* "00" .. "99": decimal digits two at a time, index 2 * (u % 100). */
static const char swar_digit_pairs[201] = "00010203040506070809"
                                          "10111213141516171819"
                                          "20212223242526272829"
                                          "30313233343536373839"
                                          "40414243444546474849"
                                          "50515253545556575859"
                                          "60616263646566676869"
                                          "70717273747576777879"
                                          "80818283848586878889"
                                          "90919293949596979899";

/* Numbers below SWAR_SMALL_LIMIT (offsets, lines, counts: most integers
 * the records and reports write) have their length known from a few
 * compares and their digits from the pair table. */
#define SWAR_SMALL_LIMIT 100000u

/* u (below SWAR_SMALL_LIMIT) in decimal at p; returns the end. */
static inline char *swar_put_small(char *p, uint32_t u)
{
    if (u < 10) {
        *p = (char)('0' + u);
        return p + 1;
    }
    if (u < 100) {
        memcpy(p, swar_digit_pairs + 2 * u, 2);
        return p + 2;
    }
    if (u < 10000) {
        uint32_t hi = u / 100, lo = u - 100 * hi;
        if (hi < 10) {
            *p++ = (char)('0' + hi);
        } else {
            memcpy(p, swar_digit_pairs + 2 * hi, 2);
            p += 2;
        }
        memcpy(p, swar_digit_pairs + 2 * lo, 2);
        return p + 2;
    }
    uint32_t top = u / 10000, rest = u - 10000 * top;
    uint32_t hi = rest / 100, lo = rest - 100 * hi;
    p[0] = (char)('0' + top);
    memcpy(p + 1, swar_digit_pairs + 2 * hi, 2);
    memcpy(p + 3, swar_digit_pairs + 2 * lo, 2);
    return p + 5;
}

#endif
