/* wordscan.h - private token walk that cuts exactly the tokens of
 * scan_tokens (scan.h) without building a token array for the plain
 * stretches of running text. Not part of the public API: link.c's
 * capital-word scan reads every running sentence of the corpus once
 * more, long after the documents' own tokens were freed, and needs only
 * each token's span, kind and initial capital.
 *
 * Most space-separated stretches are ASCII letters and punctuation; their
 * tokens are plain (a letter run is a word, every other byte one
 * punctuation token) and are cut here inline. A stretch holding a digit,
 * a '-' or a byte past ASCII, where scan_tokens' joiners and UTF-8 rules
 * apply, is handed to scan_tokens from the start of the token it is in.
 * The walk owns one token array (wordscan_free); it points into the
 * caller's text, which must outlive it.
 */
#ifndef CLAIMDIFF_WORDSCAN_H
#define CLAIMDIFF_WORDSCAN_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint64_t */
#include <string.h>  /* memcpy */

#include "scan.h" /* scan_tokens, struct scan_toks, SCAN_* kinds */

/* One token: what scan_tokens gives for it, without the hash and with
 * only the initial-capital flag. */
struct wordscan_tok {
    size_t start, end;  /* byte span in the text */
    unsigned char kind; /* enum scan_kind */
    bool cap;           /* SCANF_CAP: starts with an ASCII capital */
};

/* Zero it, then wordscan_range for each range to walk. */
struct wordscan {
    const unsigned char *s;
    size_t p, end;         /* the rest of the range not cut yet */
    struct scan_toks slow; /* a stretch scan_tokens cut */
    size_t next;           /* slow.v[next..slow.n) not handed out yet */
};

/* Start walking text[start..end); the tokens of any earlier range not
 * handed out yet are dropped. */
static inline void wordscan_range(struct wordscan *w, const char *text,
                                  size_t start, size_t end)
{
    w->s = (const unsigned char *)text;
    w->p = start;
    w->end = end;
    w->slow.n = 0;
    w->next = 0;
}

static inline bool wordscan_letter(unsigned char c)
{
    return (unsigned char)((c | 32) - 'a') < 26;
}

/* Bytes where scan_tokens' joiners or its UTF-8 handling may apply:
 * a token holding one is not plain. */
static inline bool wordscan_hard(unsigned char c)
{
    return c >= 0x80 || c == '-' || (c >= '0' && c <= '9');
}

/* Hand the stretch from p to the next space (or the range's end) to
 * scan_tokens. No token crosses an ASCII space, a token starts at p, and
 * no valid UTF-8 sequence holds a space byte (a sequence the space cuts
 * is invalid either way), so these are exactly the tokens the whole
 * range's scan gives there. */
static inline void wordscan_slow(struct wordscan *w, size_t p)
{
    size_t e = p;
    while (e < w->end && w->s[e] != ' ')
        e++;
    w->slow.n = 0;
    w->next = 0;
    scan_tokens((const char *)w->s, p, e, &w->slow);
    w->p = e;
}

/* The end of the run of ASCII letters from p (which is one). Eight bytes
 * at a time while they are in the range: a byte b is a letter when it is
 * below 0x80 and b | 0x20 lies in 'a'..'z'; adding 0x1f and 0x05 to the
 * seven low bits of each byte (no carry can leave the byte) puts the
 * answers to ">= 'a'" and "> 'z'" in its high bit. */
static inline size_t wordscan_letters(const unsigned char *s, size_t p,
                                      size_t end)
{
    const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
    size_t q = p + 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (q + 8 <= end) {
        uint64_t v;
        memcpy(&v, s + q, 8);
        uint64_t x = (v | ones * 0x20) & ~high;
        uint64_t ge_a = x + ones * (0x80 - 'a');
        uint64_t gt_z = x + ones * (0x80 - 'z' - 1);
        uint64_t other = ~(ge_a & ~gt_z & ~v) & high;
        if (other) /* little-endian: the first byte is the lowest */
            return q + (size_t)__builtin_ctzll(other) / 8;
        q += 8;
    }
#endif
    while (q < end && wordscan_letter(s[q]))
        q++;
    return q;
}

/* The next token of the range into *t; false at its end. */
static inline bool wordscan_next(struct wordscan *w, struct wordscan_tok *t)
{
    for (;;) {
        if (w->next < w->slow.n) {
            const struct scan_tok *k = &w->slow.v[w->next++];
            *t = (struct wordscan_tok){k->start, k->end, k->kind,
                                       (k->flags & SCANF_CAP) != 0};
            return true;
        }
        const unsigned char *s = w->s;
        size_t p = w->p, end = w->end;
        while (p < end && (s[p] == ' ' || (s[p] >= '\t' && s[p] <= '\r')))
            p++;
        if (p >= end) {
            w->p = p;
            return false;
        }
        unsigned char c = s[p];
        if (wordscan_letter(c)) {
            size_t q = wordscan_letters(s, p, end);
            /* the run may go on past a joiner or a letter past ASCII */
            if (q < end && wordscan_hard(s[q])) {
                wordscan_slow(w, p);
                continue;
            }
            *t = (struct wordscan_tok){p, q, SCAN_WORD, c <= 'Z'};
            w->p = q;
            return true;
        }
        if (wordscan_hard(c)) {
            wordscan_slow(w, p);
            continue;
        }
        /* any other ASCII byte is one punctuation token */
        *t = (struct wordscan_tok){p, p + 1, SCAN_PUNCT, false};
        w->p = p + 1;
        return true;
    }
}

/* Release the walk's token array (not the struct). */
static inline void wordscan_free(struct wordscan *w)
{
    scan_toks_free(&w->slow);
}

#endif
