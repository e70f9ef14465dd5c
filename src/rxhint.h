/* rxhint.h - private: what a PCRE2 pattern's text promises about every
 * match, so that rules_rx_find can skip text no match can touch (not part
 * of the public API; lives in src/ on purpose).
 *
 * The analysis reads a conservative subset of PCRE2 syntax (literals,
 * classes, \d \w \s \b, groups, alternation, lookaround, quantifiers, a
 * leading (?i)) and gives up on anything else (other inline options,
 * verbs, back references, \Q..\E, ...), which then gets an empty hint:
 * the full search runs as before. A hint never claims more than is certain, so a search that uses
 * it finds exactly the matches the full search finds. Plain data; nothing
 * is allocated.
 */
#ifndef CLAIMDIFF_RXHINT_H
#define CLAIMDIFF_RXHINT_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Most strings in one factor set, and the longest one; a pattern whose
 * factors would need more simply gets none. */
#define RXHINT_MAX_FACTORS 16
#define RXHINT_MAX_FACTOR_LEN 32

/* A byte count with no limit known. */
#define RXHINT_UNBOUNDED ((size_t)-1)

struct rxhint {
    /* has_start: every match begins with a byte b with start[b] != 0.
     * Only lead bytes and ASCII are ever set, never UTF-8 continuation
     * bytes, so a byte in the set is always a character start. */
    bool has_start;
    unsigned char start[256];
    /* Every match contains (consumes, outside any lookaround) at least
     * one of these byte strings; nfactors 0: nothing known. */
    size_t nfactors;
    char factor[RXHINT_MAX_FACTORS][RXHINT_MAX_FACTOR_LEN];
    size_t factor_len[RXHINT_MAX_FACTORS];
    /* How the factors are searched: by the byte of each that is rarest in
     * running text (factor_rare[k], an offset into factor k), one memchr
     * pass per distinct such byte. Pass g looks for rare_byte[g] and
     * verifies the rare_n[g] factors listed in rare_list[g]. Only speed
     * depends on the choice. */
    unsigned char factor_rare[RXHINT_MAX_FACTORS];
    size_t nrare;
    unsigned char rare_byte[RXHINT_MAX_FACTORS];
    /* A factor whose rarest byte is still common is searched by a pair
     * of adjacent bytes instead: pass g with rare_pair[g] stops only
     * where rare_byte[g] is followed by rare_next[g], and factor_rare[k]
     * is the offset of the pair's first byte. */
    bool rare_pair[RXHINT_MAX_FACTORS];
    unsigned char rare_next[RXHINT_MAX_FACTORS];
    unsigned char rare_n[RXHINT_MAX_FACTORS];
    unsigned char rare_list[RXHINT_MAX_FACTORS][RXHINT_MAX_FACTORS];
    /* With factors: every match contains one of them starting at most
     * factor_lead bytes after the match's own start ("(?<!x)\\b[Aa]irline":
     * 4, one character), so a match can begin only just before a factor.
     * RXHINT_UNBOUNDED when not known ("[a-z]+ Army"). */
    size_t factor_lead;
    /* No match consumes a '\n' byte (lookaround may still look past one),
     * so every match lies within one line. */
    bool no_newline;
};

/* Analyse pattern (UTF-8, compiled with PCRE2_UTF | PCRE2_UCP, caseless
 * if so). Fills *h; a pattern outside the understood subset gets an empty
 * hint (has_start false, nfactors 0). Caseless patterns (the flag or a
 * leading "(?i)") get a start set but no factors. */
void rxhint_analyse(const char *pattern, bool caseless, struct rxhint *h);

/* False only if no factor of h occurs in s[0..n): then no match of the
 * pattern lies inside s[0..n). True when h has no factors. */
bool rxhint_may_match(const struct rxhint *h, const char *s, size_t n);

/* The offset of the first place in s[0..n) where some factor of h starts
 * (whole, inside s[0..n)), or n if there is none. h must have factors. */
size_t rxhint_next_factor(const struct rxhint *h, const char *s, size_t n);

/* What the search passes of a hint have found so far in one subject, so
 * that a run of rxhint_next_factor_at calls over it reads each byte about
 * once. Plain data; rxhint_cursor_init before the first call. */
struct rxhint_cursor {
    /* pass g's first factor start at or after from[g] is at[g] */
    size_t from[RXHINT_MAX_FACTORS];
    size_t at[RXHINT_MAX_FACTORS];
};

void rxhint_cursor_init(struct rxhint_cursor *c);

/* The first place at or after `from` in s[0..n) where some factor of h
 * starts (whole, inside s[0..n)), or n if there is none. Every call with
 * one cursor must pass the same h, s and n; `from` may go up or down
 * (going down costs a fresh search). h must have factors. */
size_t rxhint_next_factor_at(const struct rxhint *h, struct rxhint_cursor *c,
                             const char *s, size_t n, size_t from);

#endif
