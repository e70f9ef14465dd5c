/* alignscan.h - private tokenizer of align.c (not part of the public API).
 *
 * Align cuts every readable sentence of the corpus into words, numbers
 * and punctuation, twice (a marking pass, then its story's pass), and
 * reads only each token's span, its coarse kind and whether it starts
 * with a capital. scan_tokens (scan.h) gives that and more: a hash of
 * every word, the hyphen and all-capitals flags, and a token array to
 * copy from. This scanner gives exactly scan_tokens' tokens (the same
 * spans in the same order, SCAN_WORD and SCAN_MIXED as one kind) one at
 * a time, with nothing else; test_align checks it against scan_tokens on
 * random text. It allocates nothing and reads only text[p..end).
 */
#ifndef CLAIMDIFF_ALIGNSCAN_H
#define CLAIMDIFF_ALIGNSCAN_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "claimdiff/utf8.h" /* utf8_decode, utf8_is_space */

enum alignscan_kind {
    ALIGNSCAN_WORD,   /* SCAN_WORD or SCAN_MIXED: holds a letter */
    ALIGNSCAN_NUMBER, /* SCAN_NUM */
    ALIGNSCAN_PUNCT,  /* SCAN_PUNCT */
};

struct alignscan_tok {
    size_t start, end; /* byte span in the text */
    unsigned char kind; /* enum alignscan_kind */
    bool cap;           /* starts with an ASCII capital (SCANF_CAP) */
};

static inline bool alignscan_ascii_letter(unsigned char c)
{
    /* | 0x20 maps 'A'..'Z' onto 'a'..'z' and no other byte into them */
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline bool alignscan_digit(unsigned char c)
{
    return (unsigned char)(c - '0') < 10;
}

/* The length of the letter outside ASCII at s (s[0] >= 0x80, n bytes
 * readable), or 0: scan.c's is_wide_letter, which says what a word may
 * hold beyond ASCII. */
static inline size_t alignscan_wide_letter(const unsigned char *s, size_t n)
{
    uint32_t c;
    size_t len = utf8_decode((const char *)s, n, &c);
    if (len == 0 || c < 0xC0 || c == 0xD7 || c == 0xF7)
        return 0;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
        c == 0xFEFF)
        return 0;
    return len;
}

/* The length of the word character (letter or digit) at s, or 0. */
static inline size_t alignscan_word_char(const unsigned char *s, size_t n)
{
    if (alignscan_ascii_letter(s[0]) || alignscan_digit(s[0]))
        return 1;
    return s[0] < 0x80 ? 0 : alignscan_wide_letter(s, n);
}

/* The end of the word-like token starting at p (a word character):
 * letters and digits, '-' between a word character and the next,
 * , . : / between two digits. *letters says whether it holds a letter. */
static inline size_t alignscan_word_end(const unsigned char *s, size_t p,
                                        size_t end, bool *letters)
{
    bool let = false;
    for (;;) {
        unsigned char c = s[p];
        if (alignscan_ascii_letter(c)) {
            let = true;
            p++;
        } else if (alignscan_digit(c)) {
            p++;
        } else {
            size_t len = c < 0x80 ? 0 : alignscan_wide_letter(s + p, end - p);
            if (len) {
                let = true;
                p += len;
            } else {
                /* a joiner? scan_word's test, in its order; p is past
                 * the token's first character, so s[p - 1] is in it */
                bool joins =
                    p + 1 < end &&
                    ((c == '-' &&
                      alignscan_word_char(s + p + 1, end - p - 1) > 0) ||
                     (alignscan_digit(s[p - 1]) && alignscan_digit(s[p + 1]) &&
                      (c == ',' || c == '.' || c == ':' || c == '/')));
                if (!joins)
                    break;
                p++;
                continue;
            }
        }
        if (p >= end)
            break;
    }
    *letters = let;
    return p;
}

/* Cut the next token of text[*p..end) into *t and advance *p past it;
 * false, with *p at end, when only spaces are left. */
static inline bool alignscan_next(const char *text, size_t *p, size_t end,
                                  struct alignscan_tok *t)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t q = *p;
    while (q < end) {
        unsigned char c = s[q];
        if (c == ' ') {
            q++;
            continue;
        }
        if (alignscan_ascii_letter(c) || alignscan_digit(c) ||
            (c >= 0x80 && alignscan_wide_letter(s + q, end - q) > 0)) {
            bool letters;
            size_t e = alignscan_word_end(s, q, end, &letters);
            *t = (struct alignscan_tok){q, e,
                                        letters ? ALIGNSCAN_WORD
                                                : ALIGNSCAN_NUMBER,
                                        c >= 'A' && c <= 'Z'};
            *p = e;
            return true;
        }
        uint32_t cp;
        size_t len = utf8_decode(text + q, end - q, &cp);
        if (len == 0)
            len = 1; /* a stray byte: punctuation, as scan_tokens has it */
        if (!utf8_is_space(cp)) {
            *t = (struct alignscan_tok){q, q + len, ALIGNSCAN_PUNCT, false};
            *p = q + len;
            return true;
        }
        q += len;
    }
    *p = end;
    return false;
}

#endif
