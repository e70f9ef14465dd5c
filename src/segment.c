/* segment.c - paragraphs, sentences and tokens.
 *
 * One pass over the lines finds paragraphs; each paragraph is tokenized
 * into doc->toks and its tokens are then grouped into sentences. Every
 * loop advances a cursor and never rescans what it has passed, except for
 * look-ahead bounded by a named constant or by the next whitespace run
 * (which the main loop then skips), so the whole stage is linear in the
 * text: a 100 MB line or a 1 MB paragraph without a full stop is no
 * special case. The only allocations are the doc's three result arrays.
 *
 * Offsets are bytes; "characters" in this file are code points, counted
 * where line widths matter (hard-wrap detection).
 */
#include "claimdiff/segment.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/hash.h"
#include "claimdiff/utf8.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "swar.h"

/* Longest abbreviation the lexicon may hold, in bytes. The tokenizer
 * looks this far ahead at every word, so it bounds the cost per word. */
#define SEG_MAX_ABBREV 15

/* Longest starter or credit word; longer tokens are never looked up. */
#define SEG_MAX_LEXWORD 31

/* Hard-wrap detection. A text is hard-wrapped when its longest line has
 * between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH characters, it has at least
 * WRAP_MIN_LINES non-blank lines, and at least WRAP_FULL_PERCENT of them
 * come within WRAP_NEAR characters of the longest. */
#define WRAP_MIN_WIDTH 40
#define WRAP_MAX_WIDTH 100
#define WRAP_MIN_LINES 3
#define WRAP_NEAR 12
#define WRAP_FULL_PERCENT 40

/* Outside hard-wrapped text, a line this long (characters) that ends
 * without sentence punctuation and is followed by a line starting in lower
 * case is the same paragraph broken in two. */
#define JOIN_MIN_CHARS 50

/* A headline is one sentence of at most this many words and bytes. */
#define HEADLINE_MAX_WORDS 30
#define HEADLINE_MAX_BYTES 300

/* A trailing bracketed credit "(AFP)" is at most this long, and a dash
 * credit "- Reuters pic" has at most CREDIT_MAX_TOKENS tokens after the
 * dash. A caption paragraph has at most CAPTION_MAX_SENTS sentences. */
#define CREDIT_MAX_BYTES 80
#define CREDIT_MAX_TOKENS 4
#define CAPTION_MAX_SENTS 3

/* ------------------------------------------------------------------ */
/* Lexicon sets                                                       */
/* ------------------------------------------------------------------ */

enum abbrev_class {
    AB_NONE = 0,
    AB_INNER,   /* never ends a sentence */
    AB_FINAL,   /* may end one before a sentence starter */
    AB_NUMERIC, /* an abbreviation only before a number */
};

struct lex_slot {
    const char *key; /* NULL: empty slot */
    size_t len;
    unsigned char val;
};

/* Open addressing, power-of-two size, at most half full. Most look-ups
 * miss (a word before a full stop is rarely an abbreviation), so a bit
 * per (length, first and last two bytes) hash, set for every key, rules
 * out most misses before the key is hashed and compared. */
#define LEX_FILTER_WORDS 64

struct lexset {
    struct lex_slot *slots;
    size_t mask;
    uint64_t filter[LEX_FILTER_WORDS];
};

/* Byte classes for the tokenizer's fast path (ASCII_* bits). */
enum {
    ASCII_UPPER = 1,
    ASCII_LOWER = 2,
    ASCII_DIGIT = 4,
    BYTE_HIGH = 8, /* part of a multibyte sequence: decode it */
    /* Ends no plain word: ". @ : - _ '" (addresses, abbreviations,
     * joins) and every byte of a multibyte sequence. */
    WORD_GLUE = 16,
    /* An ASCII letter that may start a word on plain_word's fast path
     * (all of them, unless segment_set_fast_words turned it off). */
    FAST_WORD = 32,
};

struct segmenter {
    unsigned char bytes[256]; /* ASCII_*, BYTE_HIGH, WORD_GLUE of each byte */
    struct arena *arena; /* keys of the three sets */
    struct lexset abbrevs;  /* "U.S." -> enum abbrev_class, case kept */
    struct lexset starters; /* lower-case words */
    struct lexset credits;  /* lower-case words */
    bool fast_chars; /* count_chars eight bytes a step (segment_set_fast_words) */
};

static void lexset_init(struct lexset *set, size_t nkeys)
{
    size_t cap = 8;
    while (cap < 2 * nkeys + 2)
        cap *= 2;
    set->slots = xcalloc(cap, sizeof *set->slots);
    set->mask = cap - 1;
}

/* The filter bit of key (len > 0): a multiplicative hash of its length
 * and first and last two bytes, top bits. */
static unsigned lex_filter_bit(const char *key, size_t len)
{
    const unsigned char *k = (const unsigned char *)key;
    uint64_t x = (uint64_t)len | (uint64_t)k[0] << 16 |
                 (uint64_t)k[len - 1] << 24 |
                 (uint64_t)k[len > 1 ? len - 2 : 0] << 32;
    return (unsigned)((x * UINT64_C(0x9E3779B97F4A7C15)) >> 52);
}

static bool lex_filter_may(const struct lexset *set, const char *key,
                           size_t len)
{
    unsigned b = lex_filter_bit(key, len);
    return set->filter[b / 64] >> (b % 64) & 1;
}

static void lex_filter_add(struct lexset *set, const char *key, size_t len)
{
    if (len) {
        unsigned b = lex_filter_bit(key, len);
        set->filter[b / 64] |= UINT64_C(1) << (b % 64);
    }
}

static struct lex_slot *lexset_slot(const struct lexset *set, const char *key,
                                    size_t len)
{
    size_t i = (size_t)hash_bytes(key, len) & set->mask;
    while (set->slots[i].key) {
        if (set->slots[i].len == len && memcmp(set->slots[i].key, key, len) == 0)
            break;
        i = (i + 1) & set->mask;
    }
    return &set->slots[i];
}

/* Add key (copied into a); a later row with the same key wins, so a user
 * rule file can reclassify a built-in abbreviation. */
static void lexset_put(struct lexset *set, struct arena *a, const char *key,
                       size_t len, unsigned char val)
{
    struct lex_slot *slot = lexset_slot(set, key, len);
    if (!slot->key) {
        slot->key = arena_strndup(a, key, len);
        slot->len = len;
    }
    slot->val = val;
    lex_filter_add(set, key, len);
}

/* The value stored for key, or 0 when absent. */
static unsigned char lexset_get(const struct lexset *set, const char *key,
                                size_t len)
{
    if (len && !lex_filter_may(set, key, len))
        return 0;
    const struct lex_slot *slot = lexset_slot(set, key, len);
    return slot->key ? slot->val : 0;
}

/* ------------------------------------------------------------------ */
/* Characters                                                         */
/* ------------------------------------------------------------------ */

enum cclass { C_SPACE, C_LETTER, C_DIGIT, C_PUNCT };

/* The code point at s[i] (i < n) and its length in *len. An invalid or
 * truncated sequence reads as U+FFFD of length 1, so scans always move. */
static uint32_t decode(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    uint32_t cp;
    size_t k = utf8_decode((const char *)s + i, n - i, &cp);
    *len = k ? k : 1;
    return cp;
}

/* Start of the code point that ends at i (lo < i). */
static size_t prev_start(const unsigned char *s, size_t lo, size_t i)
{
    size_t j = i - 1;
    while (j > lo && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    size_t len;
    decode(s, i, j, &len);
    return j + len == i ? j : i - 1;
}

/* Whitespace, including the invisible ones that pasted web text carries:
 * no-break space, BOM, zero-width space, narrow no-break space. */
/* is_space_cp of an ASCII byte, inline: the line trims ask it of the
 * first and last byte of every line. */
static inline bool is_ascii_space(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

static bool is_space_cp(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) ||
           (c >= 0x6F0 && c <= 0x6F9) || (c >= 0x966 && c <= 0x96F);
}

/* Punctuation and symbols outside ASCII. Every other non-space code point
 * counts as a letter (combining marks and joiners included, so they stay
 * inside their word); a full Unicode table is not needed to keep words of
 * any script whole. */
static bool is_punct_cp(uint32_t c)
{
    if (c < 0x100)
        return (c >= 0x80 && c <= 0xBF && c != 0xAA && c != 0xB5 &&
                c != 0xBA && c != 0xAD) ||
               c == 0xD7 || c == 0xF7;
    if (c < 0x2000)
        return c == 0x37E || c == 0x387 || (c >= 0x55A && c <= 0x55F) ||
               c == 0x589 || c == 0x58A || c == 0x5BE || c == 0x5C0 ||
               c == 0x5C3 || c == 0x5C6 || c == 0x5F3 || c == 0x5F4 ||
               (c >= 0x600 && c <= 0x60F) || c == 0x61B ||
               (c >= 0x61D && c <= 0x61F) || (c >= 0x66A && c <= 0x66D) ||
               c == 0x6D4 || c == 0x964 || c == 0x965;
    if (c <= 0x2BFF) /* general punctuation .. misc symbols and arrows */
        return c != 0x200C && c != 0x200D && c != 0x2060;
    return (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFE10 && c <= 0xFE19) ||
           (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65) || c >= 0xFFF0 ||
           (c >= 0x1F000 && c <= 0x1FAFF);
}

static enum cclass classify(uint32_t c)
{
    if (c < 0x80) {
        if ((c | 32) - 'a' < 26)
            return C_LETTER;
        if (c - '0' < 10)
            return C_DIGIT;
        return is_space_cp(c) ? C_SPACE : C_PUNCT;
    }
    if (is_space_cp(c))
        return C_SPACE;
    if (is_digit_cp(c))
        return C_DIGIT;
    return is_punct_cp(c) ? C_PUNCT : C_LETTER;
}

/* 1 upper case, -1 lower case, 0 no case (or not known). Covers ASCII,
 * Latin-1, Latin Extended-A, the regular parts of Latin Extended-B and
 * Additional, Greek, Cyrillic and Armenian. */
static int case_of(uint32_t c)
{
    if (c < 0x80)
        return c - 'A' < 26 ? 1 : c - 'a' < 26 ? -1 : 0;
    if (c < 0x100)
        return c >= 0xC0 && c <= 0xDE && c != 0xD7   ? 1
               : c >= 0xDF && c != 0xF7               ? -1
               : c == 0xAA || c == 0xB5 || c == 0xBA ? -1
                                                       : 0;
    if (c <= 0x137)
        return c % 2 ? -1 : 1;
    if (c == 0x138 || c == 0x149 || c == 0x17F)
        return -1;
    if (c <= 0x148)
        return c % 2 ? 1 : -1;
    if (c <= 0x177)
        return c % 2 ? -1 : 1;
    if (c == 0x178)
        return 1;
    if (c <= 0x17E)
        return c % 2 ? 1 : -1;
    if (c >= 0x1CD && c <= 0x1DC)
        return c % 2 ? 1 : -1;
    if (c >= 0x1DE && c <= 0x1EF)
        return c % 2 ? -1 : 1;
    if (c >= 0x200 && c <= 0x24F)
        return c % 2 ? -1 : 1;
    if (c >= 0x180 && c <= 0x2AF)
        return -1;
    if (c == 0x386 || (c >= 0x388 && c <= 0x38F) || (c >= 0x391 && c <= 0x3AB))
        return 1;
    if (c >= 0x3AC && c <= 0x3CE)
        return -1;
    if (c >= 0x400 && c <= 0x42F)
        return 1;
    if (c >= 0x430 && c <= 0x45F)
        return -1;
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
        (c >= 0x4D0 && c <= 0x52F))
        return c % 2 ? -1 : 1;
    if (c == 0x4C0)
        return 1;
    if (c >= 0x4C1 && c <= 0x4CE)
        return c % 2 ? 1 : -1;
    if (c >= 0x531 && c <= 0x556)
        return 1;
    if (c >= 0x561 && c <= 0x587)
        return -1;
    if (c >= 0x1E00 && c <= 0x1EFF)
        return (c >= 0x1E96 && c <= 0x1E9D) ? -1 : c % 2 ? -1 : 1;
    if (c >= 0xFF21 && c <= 0xFF3A)
        return 1;
    if (c >= 0xFF41 && c <= 0xFF5A)
        return -1;
    return 0;
}

/* Characters that end a sentence. */
static bool is_stop_cp(uint32_t c)
{
    return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == 0x203C ||
           (c >= 0x2047 && c <= 0x2049) || c == 0x3002 || c == 0xFF01 ||
           c == 0xFF0E || c == 0xFF1F || c == 0x61F || c == 0x6D4 ||
           c == 0x964 || c == 0x965;
}

/* Closing quotes and brackets that stay with the sentence they follow. */
static bool is_closer_cp(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
           c == 0x2019 || c == 0x201D || c == 0xBB || c == 0x203A ||
           c == 0x300D || c == 0x300F;
}

static bool is_opener_cp(uint32_t c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
           c == 0x2018 || c == 0x201C || c == 0x201E || c == 0x201A ||
           c == 0xAB || c == 0x2039 || c == 0x300C || c == 0x300E;
}

/* Punctuation after a full stop that shows the sentence goes on. */
static bool is_continuation_cp(uint32_t c)
{
    return c == ',' || c == ';' || c == ':' || c == '%' || c == '-' ||
           c == '/' || c == '&' || c == 0x2013 || c == 0x2014 ||
           is_closer_cp(c);
}

static bool is_dash_cp(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

static bool is_bullet_cp(uint32_t c)
{
    return c == '*' || c == '-' || c == 0x2013 || c == 0x2014 ||
           c == 0xB7 || c == 0x2022 || c == 0x2023 || c == 0x2043 ||
           c == 0x2219 || c == 0x25AA || c == 0x25AB || c == 0x25CF ||
           c == 0x25CB || c == 0x25E6 || c == 0x25A0 || c == 0x25A1 ||
           c == 0x25BA || c == 0x25B6 || c == 0x25C6 || c == 0x25C7 ||
           c == 0x2666 || c == 0x2192 || c == 0x2713 || c == 0x2714 ||
           c == 0x27A2 || c == 0x27A4;
}

/* Inner hyphens and apostrophes that may join two parts of a word. */
static bool is_hyphen_cp(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

static bool is_apostrophe_cp(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

/* ------------------------------------------------------------------ */
/* The state of one segment_run                                       */
/* ------------------------------------------------------------------ */

struct run {
    const struct segmenter *seg;
    struct doc *doc;
    const unsigned char *s;
    size_t n;
    /* Cached positions of the next '\n' and '\r' (n when none), so that
     * finding line ends stays linear when one of them never occurs. */
    size_t next_nl, next_cr;
    /* No e-mail address or domain starts before this offset: set after a
     * failed check so that "a.b.c.d..." is not rescanned at every word. */
    size_t url_checked_until;
    /* The first boilerplate region that ends after the paragraph being
     * segmented (paragraphs and their sentences come in text order). */
    size_t boiler_next;
    bool wrapped;      /* the text is hard-wrapped */
    size_t wrap_width; /* its longest line, in characters */
};

static uint32_t cp_at(const struct run *r, size_t i, size_t end, size_t *len)
{
    return decode(r->s, end, i, len);
}

/* The first code point of a token. */
static uint32_t tok_cp(const struct run *r, const struct token *t)
{
    size_t len;
    return decode(r->s, t->span.end, t->span.start, &len);
}

static size_t tok_len(const struct token *t)
{
    return t->span.end - t->span.start;
}

/* Characters in s[start..end), counting no further than cap: the count,
 * or cap + 1 when there are more. A line of more than 4 * (cap + 1)
 * bytes has more (a character takes at most four); a shorter one is
 * counted eight bytes a step (those that are no UTF-8 continuation
 * byte, 10xxxxxx) when r->seg->fast_chars, else byte by byte. */
static size_t count_chars(const struct run *r, size_t start, size_t end,
                          size_t cap)
{
    const unsigned char *s = r->s;
    size_t c = 0, i = start;
    if (r->seg->fast_chars) {
        if (end - start > 4 * (cap + 1))
            return cap + 1;
        for (; end - i >= 8; i += 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            uint64_t cont = x & ~(x << 1) & EVERY_BYTE(0x80);
            c += 8 - (size_t)__builtin_popcountll(cont);
        }
        if (c > cap)
            return cap + 1;
    }
    for (; i < end && c <= cap; i++)
        c += (s[i] & 0xC0) != 0x80;
    return c;
}

/* ------------------------------------------------------------------ */
/* Lines and paragraphs                                               */
/* ------------------------------------------------------------------ */

struct line {
    size_t start, end; /* trimmed of whitespace; start == end when blank */
    size_t next;       /* where the next line starts */
};

/* Start a pass over the lines from offset 0. */
static void lines_rewind(struct run *r)
{
    const unsigned char *p = memchr(r->s, '\n', r->n);
    r->next_nl = p ? (size_t)(p - r->s) : r->n;
    p = memchr(r->s, '\r', r->n);
    r->next_cr = p ? (size_t)(p - r->s) : r->n;
}

/* The line at pos. Calls in one pass must come with increasing pos. */
static struct line line_at(struct run *r, size_t pos)
{
    struct line l;
    size_t eol;
    if (r->next_nl < pos) {
        const unsigned char *p = memchr(r->s + pos, '\n', r->n - pos);
        r->next_nl = p ? (size_t)(p - r->s) : r->n;
    }
    if (r->next_cr < pos) {
        const unsigned char *p = memchr(r->s + pos, '\r', r->n - pos);
        r->next_cr = p ? (size_t)(p - r->s) : r->n;
    }
    eol = r->next_nl < r->next_cr ? r->next_nl : r->next_cr;
    l.next = eol;
    if (eol < r->n) {
        l.next = eol + 1;
        if (r->s[eol] == '\r' && l.next < r->n && r->s[l.next] == '\n')
            l.next++;
    }
    l.start = pos;
    l.end = eol;
    while (l.start < l.end) {
        size_t len = 1;
        unsigned char b = r->s[l.start];
        if (b >= 0x80 ? !is_space_cp(cp_at(r, l.start, l.end, &len))
                      : !is_ascii_space(b))
            break;
        l.start += len;
    }
    while (l.end > l.start) {
        /* Most lines end on an ASCII byte: no decoding backwards then. */
        unsigned char b = r->s[l.end - 1];
        size_t p = b < 0x80 ? l.end - 1 : prev_start(r->s, l.start, l.end);
        size_t len;
        if (b < 0x80 ? !is_ascii_space(b)
                     : !is_space_cp(cp_at(r, p, l.end, &len)))
            break;
        l.end = p;
    }
    return l;
}

/* A list item: a bullet sign, or a number of up to three digits with "."
 * or ")", followed by whitespace. */
static bool line_is_bullet(const struct run *r, size_t start, size_t end)
{
    size_t len, i = start;
    uint32_t c = cp_at(r, i, end, &len);
    if (is_bullet_cp(c)) {
        i += len;
    } else {
        while (i < end && i - start < 3 && r->s[i] >= '0' && r->s[i] <= '9')
            i++;
        if (i == start || i >= end || (r->s[i] != '.' && r->s[i] != ')'))
            return false;
        i++;
    }
    return i < end && is_space_cp(cp_at(r, i, end, &len));
}

/* The line's last character, looking through closing quotes and brackets,
 * is sentence punctuation. */
static bool line_ends_sentence(const struct run *r, const struct line *l)
{
    size_t e = l->end;
    while (e > l->start) {
        size_t p = prev_start(r->s, l->start, e);
        size_t len;
        uint32_t c = cp_at(r, p, e, &len);
        if (!is_closer_cp(c))
            return is_stop_cp(c);
        e = p;
    }
    return false;
}

static bool line_starts_lower(const struct run *r, const struct line *l)
{
    size_t len;
    return case_of(cp_at(r, l->start, l->end, &len)) < 0;
}

/* Characters up to the first whitespace (capped). */
static size_t first_word_chars(const struct run *r, const struct line *l)
{
    size_t i = l->start, c = 0;
    while (i < l->end && c <= WRAP_MAX_WIDTH) {
        size_t len;
        if (is_space_cp(cp_at(r, i, l->end, &len)))
            break;
        i += len;
        c++;
    }
    return c;
}

/* Decide once per document whether single newlines are wrapping. */
static void detect_wrap(struct run *r)
{
    size_t hist[WRAP_MAX_WIDTH + 1] = {0};
    size_t nonblank = 0, width = 0, full = 0;
    r->wrapped = false;
    lines_rewind(r);
    for (size_t pos = 0; pos < r->n;) {
        struct line l = line_at(r, pos);
        pos = l.next;
        if (l.start == l.end)
            continue;
        size_t c = count_chars(r, l.start, l.end, WRAP_MAX_WIDTH);
        if (c > WRAP_MAX_WIDTH)
            return; /* a long line: not wrapped; no need to look further */
        hist[c]++;
        nonblank++;
        if (c > width)
            width = c;
    }
    if (width < WRAP_MIN_WIDTH || nonblank < WRAP_MIN_LINES)
        return;
    for (size_t c = width - WRAP_NEAR; c <= width; c++)
        full += hist[c];
    r->wrapped = full * 100 >= nonblank * WRAP_FULL_PERCENT;
    r->wrap_width = width;
}

/* Whether line b continues the paragraph of the line a just before it. */
static bool lines_join(const struct run *r, const struct line *a,
                       const struct line *b)
{
    if (line_is_bullet(r, b->start, b->end))
        return false;
    size_t alen = count_chars(r, a->start, a->end, WRAP_MAX_WIDTH + 1);
    /* A greedy wrapper breaks a line when the next word does not fit. */
    if (r->wrapped && alen + 1 + first_word_chars(r, b) >= r->wrap_width)
        return true;
    return alen >= JOIN_MIN_CHARS && !line_ends_sentence(r, a) &&
           line_starts_lower(r, b);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                             */
/* ------------------------------------------------------------------ */

/* Letter counts of a word, for TOKF_CAP and TOKF_ALLCAPS. */
struct wstat {
    unsigned upper, lower, letters;
};

static bool is_alpha_byte(unsigned char b)
{
    return (unsigned)((b | 32) - 'a') < 26;
}

static bool is_digit_byte(unsigned char b)
{
    return (unsigned)(b - '0') < 10;
}

static void note_letter(struct wstat *w, uint32_t c)
{
    int k = case_of(c);
    w->letters++;
    if (k > 0)
        w->upper++;
    else if (k < 0)
        w->lower++;
}

/* ASCII words eight bytes a step (needs the first byte in the lowest bits
 * of a loaded word). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SEG_SWAR 1
#else
#define SEG_SWAR 0
#endif

/* Eight ASCII bytes x (the first in the lowest bits): adds their leading
 * letters to the counts and returns how many leading letters and digits
 * there are (8: all of them). */
static unsigned alnum_word(uint64_t x, unsigned *upper, unsigned *lower)
{
    uint64_t up = swar_bytes_in(x, 'A', 'Z'), lo = swar_bytes_in(x, 'a', 'z');
    uint64_t stop = ~(up | lo | swar_bytes_in(x, '0', '9')) & EVERY_BYTE(0x80);
    unsigned k = 8;
    if (stop) {
        k = (unsigned)__builtin_ctzll(stop) / 8;
        uint64_t keep = k ? ~UINT64_C(0) >> (64 - 8 * k) : 0;
        up &= keep;
        lo &= keep;
    }
    *upper += swar_count_top(up);
    *lower += swar_count_top(lo);
    return k;
}

/* Letters and digits from pos; returns the end. This is the hottest loop
 * of the stage: the counts stay in locals because stores through w could
 * alias the text (both are char-sized) and force reloads. Where eight
 * ASCII bytes lie ahead they are classified at once; a multibyte
 * character, and the last few bytes, go one at a time. */
static size_t alnum_run(const struct run *r, size_t pos, size_t end,
                        struct wstat *w)
{
    const unsigned char *s = r->s;
    const unsigned char *cls = r->seg->bytes;
    unsigned upper = 0, lower = 0, other = 0;
    while (pos < end) {
        if (SEG_SWAR && end - pos >= 8) {
            uint64_t x;
            memcpy(&x, s + pos, 8);
            if (!(x & EVERY_BYTE(0x80))) {
                unsigned k = alnum_word(x, &upper, &lower);
                pos += k;
                if (k < 8)
                    break;
                continue;
            }
        }
        unsigned k = cls[s[pos]];
        if (k & (ASCII_UPPER | ASCII_LOWER | ASCII_DIGIT)) {
            upper += k & ASCII_UPPER;
            lower += (k & ASCII_LOWER) >> 1;
            pos++;
            continue;
        }
        if (!(k & BYTE_HIGH))
            break;
        size_t len;
        uint32_t c = decode(s, end, pos, &len);
        enum cclass kc = classify(c);
        if (kc == C_LETTER) {
            int cs = case_of(c);
            upper += cs > 0;
            lower += cs < 0;
            other += cs == 0;
        } else if (kc != C_DIGIT) {
            break;
        }
        pos += len;
    }
    w->letters += upper + lower + other;
    w->upper += upper;
    w->lower += lower;
    return pos;
}

/* Digits only (ASCII or other scripts' digits). */
static size_t digit_run(const struct run *r, size_t pos, size_t end)
{
    while (pos < end) {
        if (is_digit_byte(r->s[pos])) {
            pos++;
            continue;
        }
        size_t len;
        if (r->s[pos] < 0x80 || !is_digit_cp(cp_at(r, pos, end, &len)))
            break;
        pos += len;
    }
    return pos;
}

/* Extend a word at pos over inner hyphens and apostrophes: "al-Nusra",
 * "Russia's", "one-on-one", "Mi-8". A hyphen needs a letter or digit
 * after it, an apostrophe a letter. When digits_only_left is set (the word
 * so far is a number), a hyphen joins only a part holding a letter, so
 * "28-year" is one word but "2015-2016" stays three tokens. */
static size_t join_parts_at(const struct run *r, size_t pos, size_t end,
                            struct wstat *w, bool digits_only_left)
{
    while (pos < end) {
        size_t len, len2;
        unsigned char b = r->s[pos];
        if (b != '-' && b != '\'' && b != 0xE2)
            break; /* fast exit: no joiner starts with this byte */
        uint32_t c = cp_at(r, pos, end, &len);
        bool hyphen = is_hyphen_cp(c);
        if (!hyphen && !is_apostrophe_cp(c))
            break;
        size_t q = pos + len;
        if (q >= end)
            break;
        enum cclass k = classify(cp_at(r, q, end, &len2));
        if (k != C_LETTER && !(hyphen && k == C_DIGIT))
            break;
        struct wstat w2 = *w;
        size_t e = alnum_run(r, q, end, &w2);
        if (hyphen && digits_only_left && w2.letters == w->letters)
            break;
        *w = w2;
        pos = e;
        digits_only_left = false;
    }
    return pos;
}

/* join_parts_at, with the usual answer (no joiner follows) decided
 * inline: it is asked at the end of every word. */
static inline size_t join_parts(const struct run *r, size_t pos, size_t end,
                                struct wstat *w, bool digits_only_left)
{
    if (pos >= end ||
        (r->s[pos] != '-' && r->s[pos] != '\'' && r->s[pos] != 0xE2))
        return pos;
    return join_parts_at(r, pos, end, w, digits_only_left);
}

static void set_word_flags(struct token *t, uint32_t first, const struct wstat *w)
{
    t->kind = TOK_WORD;
    t->flags = 0;
    if (case_of(first) > 0)
        t->flags |= TOKF_CAP;
    if (w->upper >= 2 && w->lower == 0)
        t->flags |= TOKF_ALLCAPS;
}

static bool has_prefix_ci(const unsigned char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k || (s[0] | 32) != (unsigned char)p[0])
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 32) != (unsigned char)p[i])
            return false;
    return true;
}

/* Generic top-level domains accepted besides any two-letter country code.
 * A format property of domain names rather than a lexicon, hence here. */
static bool is_tld(const unsigned char *s, size_t n)
{
    static const char *const generic[] = {
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz",
        "name", "news", "online", "site", "media", "io", "tv",
    };
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    if (n == 2)
        return true;
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
        if (strlen(generic[i]) == n && memcmp(generic[i], s, n) == 0)
            return true;
    return false;
}

/* Labels of letters, digits and inner hyphens joined by single dots, at
 * least two, the last a top-level domain: "antiwar.com", "co.uk". */
static bool is_domain(const unsigned char *s, size_t n)
{
    size_t labels = 0, i = 0, last = 0;
    while (i < n) {
        size_t ls = i;
        while (i < n && (is_alpha_byte(s[i]) || is_digit_byte(s[i]) ||
                         s[i] == '-'))
            i++;
        if (i == ls || s[ls] == '-' || s[i - 1] == '-')
            return false;
        labels++;
        last = ls;
        if (i == n)
            break;
        if (s[i] != '.')
            return false;
        i++;
        if (i == n)
            return false;
    }
    return labels >= 2 && is_tld(s + last, n - last);
}

/* End of a URL body from pos: everything up to whitespace or a quote or
 * angle bracket, then without trailing punctuation. */
static size_t url_body_end(const struct run *r, size_t pos, size_t end)
{
    size_t start = pos;
    while (pos < end) {
        size_t len;
        uint32_t c = cp_at(r, pos, end, &len);
        if (is_space_cp(c) || c == '"' || c == '<' || c == '>' ||
            c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB ||
            c == 0x2018 || c == 0x2019)
            break;
        pos += len;
    }
    while (pos > start && strchr(".,;:!?')]}", r->s[pos - 1]))
        pos--;
    return pos;
}

/* A URL, e-mail address or bare domain starting at pos (a letter or
 * digit); returns its end, or pos when there is none. */
static size_t scan_url(struct run *r, size_t pos, size_t end)
{
    const unsigned char *s = r->s + pos;
    size_t n = end - pos;
    if (has_prefix_ci(s, n, "http://") || has_prefix_ci(s, n, "https://") ||
        has_prefix_ci(s, n, "ftp://") || has_prefix_ci(s, n, "www.")) {
        size_t e = url_body_end(r, pos, end);
        return e > pos + 4 ? e : pos;
    }
    if (pos < r->url_checked_until)
        return pos;
    /* The longest run of characters an address may hold. */
    size_t q = pos, at = 0;
    bool dot = false;
    while (q < end) {
        unsigned char b = r->s[q];
        if (b == '.')
            dot = true;
        else if (b == '@' && !at)
            at = q;
        else if (!is_alpha_byte(b) && !is_digit_byte(b) && b != '-' &&
                 b != '_' && b != '%' && b != '+')
            break;
        q++;
    }
    r->url_checked_until = q;
    if (!dot)
        return pos;
    while (q > pos && (r->s[q - 1] == '.' || r->s[q - 1] == '-'))
        q--;
    if (at) {
        if (at == pos || at >= q || !is_domain(r->s + at + 1, q - at - 1))
            return pos;
        return q;
    }
    if (!is_domain(s, q - pos))
        return pos;
    if (q < end && r->s[q] == '/')
        return url_body_end(r, q, end);
    return q;
}

/* A lexicon abbreviation at pos ("Gen.", "Lt.-Gen.", "U.S."): its end, or
 * pos. The longest entry wins. A numeric-class entry counts only when a
 * number follows. */
static size_t scan_abbrev(const struct run *r, size_t pos, size_t end)
{
    size_t best = pos;
    unsigned char cls = AB_NONE;
    for (size_t i = pos; i < end && i - pos < SEG_MAX_ABBREV; i++) {
        unsigned char b = r->s[i];
        if (b == '.') {
            unsigned char k = lexset_get(&r->seg->abbrevs,
                                         (const char *)r->s + pos, i + 1 - pos);
            if (k) {
                best = i + 1;
                cls = k;
            }
        } else if (!(b >= 0x80 || is_alpha_byte(b) || b == '-')) {
            break;
        }
    }
    if (best == pos)
        return pos;
    if (best < end) {
        size_t len;
        enum cclass k = classify(cp_at(r, best, end, &len));
        if (k == C_LETTER || k == C_DIGIT)
            return pos;
    }
    if (cls == AB_NUMERIC) {
        size_t i = best, len;
        while (i < end && is_space_cp(cp_at(r, i, end, &len)))
            i += len;
        if (i >= end || !is_digit_byte(r->s[i]))
            return pos;
    }
    return best;
}

/* A single letter at i not followed by another letter or digit: its end,
 * or i. */
static size_t single_letter(const struct run *r, size_t i, size_t end,
                            uint32_t *cp)
{
    size_t len, len2;
    if (i >= end)
        return i;
    *cp = cp_at(r, i, end, &len);
    if (classify(*cp) != C_LETTER)
        return i;
    if (i + len < end) {
        enum cclass k = classify(cp_at(r, i + len, end, &len2));
        if (k == C_LETTER || k == C_DIGIT)
            return i;
    }
    return i + len;
}

/* Initials with dots: "U.S.", "D.C.", "a.m.", "J.R.R."; at least two
 * letters, the last dot optional ("U.S-led" is rare but "U.S" occurs). */
static size_t scan_initialism(const struct run *r, size_t pos, size_t end,
                              struct wstat *w)
{
    size_t q = pos, last = pos;
    unsigned n = 0;
    struct wstat ws = {0, 0, 0};
    for (;;) {
        uint32_t c;
        size_t e = single_letter(r, q, end, &c);
        if (e == q)
            break;
        note_letter(&ws, c);
        n++;
        q = e;
        last = q;
        if (q >= end || r->s[q] != '.')
            break;
        q++;
        last = q;
    }
    if (n < 2)
        return pos;
    *w = ws;
    return last;
}

/* A capital letter, a dot, whitespace, then a capital: "John F. Kennedy".
 * Returns the end of "F." or pos. */
static size_t scan_initial(const struct run *r, size_t pos, size_t end)
{
    uint32_t c;
    size_t e = single_letter(r, pos, end, &c), len;
    if (e == pos || case_of(c) <= 0 || e + 1 >= end || r->s[e] != '.')
        return pos;
    size_t i = e + 1;
    if (!is_space_cp(cp_at(r, i, end, &len)))
        return pos;
    while (i < end && is_space_cp(cp_at(r, i, end, &len)))
        i += len;
    if (i >= end || case_of(cp_at(r, i, end, &len)) <= 0)
        return pos;
    return e + 1;
}

/* A word starting with a letter at pos. The plain run of letters and
 * digits comes first; only a run stopped by one of ". @ : - _" can be the
 * start of a URL, abbreviation or initial, which keeps the common word on
 * the fast path. */
static size_t scan_word(struct run *r, size_t pos, size_t end, struct token *t)
{
    struct wstat w = {0, 0, 0};
    size_t len = 1, e;
    uint32_t first = r->s[pos] < 0x80 ? r->s[pos] : cp_at(r, pos, end, &len);
    size_t run_end = alnum_run(r, pos, end, &w);
    unsigned char stop = run_end < end ? r->s[run_end] : 0;
    if (first < 0x80 && (stop == '.' || stop == '@' || stop == ':' ||
                         stop == '-' || stop == '_')) {
        e = scan_url(r, pos, end);
        if (e > pos) {
            t->kind = TOK_WORD;
            t->flags = case_of(first) > 0 ? TOKF_CAP : 0;
            /* "antiwar.com's": keep a possessive with its domain. */
            return join_parts(r, e, end, &w, false);
        }
    }
    e = run_end;
    if (stop == '.') {
        size_t ab = scan_abbrev(r, pos, end);
        if (ab > pos) {
            /* Count the letters of "U.S." or "Lt.-Gen." part by part. */
            for (size_t i = run_end; i < ab; i++)
                if (r->s[i] == '.' || r->s[i] == '-')
                    alnum_run(r, i + 1, ab, &w);
            e = ab;
        } else if (run_end == pos + len) {
            struct wstat wi = {0, 0, 0};
            ab = scan_initialism(r, pos, end, &wi);
            if (ab > pos)
                w = wi;
            else
                ab = scan_initial(r, pos, end);
            if (ab > pos)
                e = ab;
        }
    }
    e = join_parts(r, e, end, &w, false);
    set_word_flags(t, first, &w);
    return e;
}

/* A number starting with a digit at pos: digits with inner "." and
 * thousands ",": 3.5, 10,000, 26.10.2016. Glued to letters it becomes a
 * word: 17th, 1950s, 4U9525, 28-year. */
static size_t scan_number(struct run *r, size_t pos, size_t end,
                          struct token *t)
{
    size_t e = digit_run(r, pos, end);
    for (;;) {
        if (e + 1 < end && r->s[e] == '.' && is_digit_byte(r->s[e + 1])) {
            e = digit_run(r, e + 1, end);
        } else if (e + 3 < end && r->s[e] == ',' &&
                   is_digit_byte(r->s[e + 1]) && is_digit_byte(r->s[e + 2]) &&
                   is_digit_byte(r->s[e + 3]) &&
                   (e + 4 == end || !is_digit_byte(r->s[e + 4]))) {
            e += 4;
        } else {
            break;
        }
    }
    struct wstat w = {0, 0, 0};
    size_t w_end = alnum_run(r, e, end, &w);
    w_end = join_parts(r, w_end, end, &w, w.letters == 0);
    t->flags = 0;
    if (w.letters == 0) {
        t->kind = TOK_NUMBER;
        return e;
    }
    size_t len;
    set_word_flags(t, cp_at(r, pos, end, &len), &w);
    return w_end;
}

/* One punctuation character; a run of ASCII dots is one ellipsis token. */
static size_t scan_punct(const struct run *r, size_t pos, size_t end,
                         struct token *t)
{
    size_t len;
    t->kind = TOK_PUNCT;
    t->flags = 0;
    if (r->s[pos] == '.') {
        size_t e = pos + 1;
        while (e < end && r->s[e] == '.')
            e++;
        return e;
    }
    cp_at(r, pos, end, &len);
    return pos + len;
}

/* Where the word [pos, p) of ASCII letters (letters_only) or letters and
 * digits, followed by '.', would end in scan_word when that dot is no
 * part of it: the dot is followed by the paragraph's end or a byte that
 * no address continues with (so scan_url finds a single label, no
 * domain), the word is no "www" (a URL prefix), no single letter (an
 * initial) and, with the dot, no abbreviation of the lexicon (which
 * scan_abbrev looks up only for letters-only words shorter than
 * SEG_MAX_ABBREV). Returns pos when scan_word must decide. */
static size_t word_before_dot(const struct run *r, size_t pos, size_t p,
                              size_t end, bool letters_only)
{
    const unsigned char *s = r->s;
    if (p + 1 < end) {
        unsigned char b = s[p + 1];
        if (b >= 0x80 || is_alpha_byte(b) || is_digit_byte(b) || b == '-' ||
            b == '_' || b == '%' || b == '+' || b == '.' || b == '@')
            return pos;
    }
    if (p - pos < 2 ||
        (p - pos == 3 && (s[pos] | 32) == 'w' && (s[pos + 1] | 32) == 'w' &&
         (s[pos + 2] | 32) == 'w'))
        return pos;
    if (letters_only && p - pos < SEG_MAX_ABBREV &&
        lexset_get(&r->seg->abbrevs, (const char *)s + pos, p + 1 - pos))
        return pos;
    return p;
}

/* The common word: ASCII letters and digits from pos (an ASCII letter)
 * ended by the paragraph's end, by an ASCII byte that neither continues
 * nor joins it (not one of ". @ : - _ '"), by a ':' that starts no URL's
 * "://", or by a '.' that is no part of it (word_before_dot). Then
 * scan_word would take its plain path, and this gives its end and flags
 * at a fraction of the cost; otherwise returns pos and scan_word decides.
 * cap is whether s[pos] is upper case: a word starting in lower case can
 * be no TOKF_ALLCAPS, so its copy of the loop counts nothing. The eight-
 * byte steps take letters only (a digit in a word is rare); from a digit
 * on, and where fewer than eight bytes lie ahead, one byte at a time. */
static inline __attribute__((always_inline)) size_t
plain_word_as(const struct run *r, size_t pos, size_t end, struct token *t,
              bool cap)
{
    const unsigned char *s = r->s;
    const unsigned char *cls = r->seg->bytes;
    unsigned upper = 0;
    bool lower = false, digits = false;
    size_t p = pos;
    while (SEG_SWAR && end - p >= 8) {
        uint64_t x;
        memcpy(&x, s + p, 8);
        /* | 0x20 maps exactly A-Z onto a-z among ASCII bytes; & ~x drops
         * the bytes past ASCII, which stop the run (the fallback decides
         * what they are). */
        uint64_t letter = swar_bytes_in((x | EVERY_BYTE(0x20)) &
                                            EVERY_BYTE(0x7F),
                                        'a', 'z') &
                          ~x;
        uint64_t stop = ~letter & EVERY_BYTE(0x80);
        /* The letters before the first stop: the bits below its own
         * (all of them when there is none). */
        uint64_t before = stop - 1;
        if (cap) {
            /* A letter with bit 5 clear (moved to bit 7) is upper case. */
            uint64_t up = letter & ~(x << 2) & before;
            upper += swar_count_top(up);
            lower |= ((letter ^ up) & before) != 0;
        }
        if (!stop) {
            p += 8;
            continue;
        }
        p += (unsigned)__builtin_ctzll(stop) / 8;
        if (!is_digit_byte(s[p]))
            goto stopped;
        break;
    }
    for (; p < end; p++) {
        unsigned c = cls[s[p]];
        if (!(c & (ASCII_UPPER | ASCII_LOWER | ASCII_DIGIT)))
            break;
        if (cap) {
            upper += c & ASCII_UPPER;
            lower |= (c & ASCII_LOWER) != 0;
        }
        digits |= (c & ASCII_DIGIT) != 0;
    }
stopped:
    if (p < end && (cls[s[p]] & WORD_GLUE)) {
        if (s[p] == '.') {
            p = word_before_dot(r, pos, p, end, !digits);
            if (p == pos)
                return pos;
        } else if (s[p] != ':' || (p + 1 < end && s[p + 1] == '/')) {
            /* "said: " ends at its colon (scan_url stops at any colon
             * but that of a URL's "://"); other glue is scan_word's. */
            return pos;
        }
    }
    t->kind = TOK_WORD;
    t->flags = (cap ? TOKF_CAP | (upper >= 2 && !lower ? TOKF_ALLCAPS : 0)
                    : 0) |
               (digits ? 0 : TOKF_PLAIN);
    return p;
}

static size_t plain_word(const struct run *r, size_t pos, size_t end,
                         struct token *t)
{
    return r->s[pos] <= 'Z' ? plain_word_as(r, pos, end, t, true)
                            : plain_word_as(r, pos, end, t, false);
}

/* Tokenize [pos, end) into doc->toks. Each token is scanned straight
 * into its slot of the array. The next slot and the array's end stay in
 * locals: kept in doc, they were reloaded after every token, since the
 * tokens' byte-sized stores may alias them. The tokens' sentence numbers
 * are left to split_sentences, which sets every one. */
static void tokenize(struct run *r, size_t pos, size_t end)
{
    struct doc *doc = r->doc;
    const unsigned char *s = r->s;
    struct token *t = doc->toks + doc->ntoks;
    const struct token *limit = doc->toks + doc->captoks;
    while (pos < end) {
        size_t len = 1;
        unsigned char b = s[pos];
        enum cclass k;
        if (b < 0x80) {
            if ((unsigned)((b | 32) - 'a') < 26)
                k = C_LETTER;
            else if (b == ' ' || b == '\n')
                k = C_SPACE;
            else
                k = classify(b);
        } else {
            k = classify(decode(s, end, pos, &len));
        }
        if (k == C_SPACE) {
            pos += len;
            continue;
        }
        if (t == limit) {
            size_t n = (size_t)(t - doc->toks);
            doc->toks = xgrow(doc->toks, &doc->captoks, n + 1,
                              sizeof *doc->toks);
            t = doc->toks + n;
            limit = doc->toks + doc->captoks;
        }
        size_t e;
        if (k == C_LETTER) {
            e = r->seg->bytes[b] & FAST_WORD ? plain_word(r, pos, end, t)
                                             : pos;
            if (e == pos)
                e = scan_word(r, pos, end, t);
        }
        else if (k == C_DIGIT)
            e = scan_number(r, pos, end, t);
        else
            e = scan_punct(r, pos, end, t);
        t->span.start = pos;
        t->span.end = e;
        t++;
        /* The usual separator, one space, without a turn of the loop. */
        pos = e < end && s[e] == ' ' ? e + 1 : e;
    }
    doc->ntoks = (size_t)(t - doc->toks);
}

/* ------------------------------------------------------------------ */
/* Sentences                                                          */
/* ------------------------------------------------------------------ */

enum term {
    TERM_NONE,  /* not a sentence end */
    TERM_NEVER, /* an abbreviation that never ends a sentence */
    TERM_ABBR,  /* an abbreviation or initial that may end one */
    TERM_STOP,  /* . ? ! ... */
};

static enum term term_of(const struct run *r, const struct token *t)
{
    if (t->kind == TOK_PUNCT)
        return is_stop_cp(tok_cp(r, t)) ? TERM_STOP : TERM_NONE;
    if (t->kind != TOK_WORD || r->s[t->span.end - 1] != '.')
        return TERM_NONE;
    unsigned char k = lexset_get(&r->seg->abbrevs,
                                 (const char *)r->s + t->span.start, tok_len(t));
    return k == AB_INNER || k == AB_NUMERIC ? TERM_NEVER : TERM_ABBR;
}

/* Copy a token lower-cased (ASCII) into buf; false when too long. */
static bool tok_lower(const struct run *r, const struct token *t,
                      char buf[SEG_MAX_LEXWORD + 1], size_t *n)
{
    *n = tok_len(t);
    if (*n > SEG_MAX_LEXWORD)
        return false;
    for (size_t i = 0; i < *n; i++) {
        unsigned char b = r->s[t->span.start + i];
        buf[i] = (char)(b >= 'A' && b <= 'Z' ? b | 32 : b);
    }
    return true;
}

static bool tok_in(const struct run *r, const struct lexset *set,
                   const struct token *t)
{
    char buf[SEG_MAX_LEXWORD + 1];
    size_t n;
    return t->kind == TOK_WORD && tok_lower(r, t, buf, &n) &&
           lexset_get(set, buf, n);
}

static bool word_starts_lower(const struct run *r, const struct token *t)
{
    return case_of(tok_cp(r, t)) < 0;
}

/* Whether a sentence ending in a token of kind term is followed by a new
 * one starting at toks[j]. toks[j + 1] is looked at when j + 1 < t1. */
static bool starts_new_sentence(const struct run *r, enum term term,
                                const struct token *tk, size_t j, size_t t1)
{
    const struct token *nx = &tk[j];
    const struct token *nx2 = j + 1 < t1 ? &tk[j + 1] : NULL;
    if (term == TERM_ABBR) {
        /* "the U.S. The next day" splits; "the U.S. State Department",
         * "John F. Kennedy" and "Sept. 18" do not. */
        if (nx->kind == TOK_WORD)
            return (nx->flags & TOKF_CAP) &&
                   tok_in(r, &r->seg->starters, nx);
        if (nx->kind == TOK_PUNCT && nx2 && nx2->kind == TOK_WORD) {
            uint32_t c = tok_cp(r, nx);
            return is_opener_cp(c) && c != '(' && c != '[' && c != '{' &&
                   (nx2->flags & TOKF_CAP);
        }
        return false;
    }
    if (nx->kind == TOK_WORD)
        return !word_starts_lower(r, nx);
    if (nx->kind == TOK_NUMBER)
        return true;
    uint32_t c = tok_cp(r, nx);
    if (is_stop_cp(c))
        return false; /* ". . ." spaced out */
    if (is_opener_cp(c))
        return !(nx2 && nx2->kind == TOK_WORD && word_starts_lower(r, nx2));
    return !is_continuation_cp(c);
}

/* Record tokens [a, b) as sentence number doc->nsents. split_sentences
 * has already given each token its sentence number and marked the first
 * word, in its one pass over the tokens. */
static void emit_sentence(struct run *r, size_t para, size_t a, size_t b)
{
    struct doc *doc = r->doc;
    if (doc->nsents == doc->capsents)
        doc->sents = xgrow(doc->sents, &doc->capsents, doc->nsents + 1,
                           sizeof *doc->sents);
    struct sentence *s = &doc->sents[doc->nsents];
    s->span.start = doc->toks[a].span.start;
    s->span.end = doc->toks[b - 1].span.end;
    s->paragraph = (unsigned)para;
    s->flags = 0;
    doc->nsents++;
}

/* Tokens [a, b) are a bracketed group without a sentence end inside:
 * "(AFP)", "(Photo: AFP/DPA)". */
static bool is_bracket_tail(const struct run *r, size_t a, size_t b)
{
    const struct token *tk = r->doc->toks;
    if (b - a < 3 || tk[b - 1].span.end - tk[a].span.start > CREDIT_MAX_BYTES)
        return false;
    if (tok_cp(r, &tk[a]) != '(' || tok_cp(r, &tk[b - 1]) != ')')
        return false;
    for (size_t k = a + 1; k + 1 < b; k++)
        if (term_of(r, &tk[k]) == TERM_STOP)
            return false;
    return true;
}

static bool any_credit(const struct run *r, size_t a, size_t b);
static bool all_credit(const struct run *r, size_t a, size_t b);

/* Tokens [a, b) are a dash and up to CREDIT_MAX_TOKENS credit words:
 * "— AFP", "- Reuters pic". */
static bool is_dash_credit(const struct run *r, size_t a, size_t b)
{
    const struct token *tk = r->doc->toks;
    return b - a >= 2 && b - a <= CREDIT_MAX_TOKENS + 1 &&
           tk[a].kind == TOK_PUNCT && is_dash_cp(tok_cp(r, &tk[a])) &&
           all_credit(r, a + 1, b);
}

/* Add tokens [a, b) to the sentence before them (they were numbered as
 * the next one, and their first word marked as its start). */
static void extend_last_sentence(struct run *r, size_t a, size_t b)
{
    struct doc *doc = r->doc;
    struct sentence *s = &doc->sents[doc->nsents - 1];
    s->span.end = doc->toks[b - 1].span.end;
    for (size_t k = a; k < b; k++) {
        doc->toks[k].sentence = (unsigned)(doc->nsents - 1);
        doc->toks[k].flags &= (unsigned char)~TOKF_SENT_START;
    }
}

/* Group the paragraph's tokens [t0, t1) into sentences. */
static void split_sentences(struct run *r, size_t para, size_t t0, size_t t1)
{
    struct token *tk = r->doc->toks;
    size_t a = t0, i = t0;
    bool has_word = false;
    /* Each token is numbered as the sentence being built, and the first
     * word of each marked, on the way: the sentence is emitted once its
     * end is known (a bracketed tail is moved back to the one before). */
    unsigned sent = (unsigned)r->doc->nsents;
    while (i < t1) {
        tk[i].sentence = sent;
        /* Most tokens are words not ending in '.': no sentence end, and
         * term_of would say so after a call. */
        enum term term = TERM_NONE;
        if (tk[i].kind == TOK_WORD) {
            if (!has_word)
                tk[i].flags |= TOKF_SENT_START;
            has_word = true;
            /* A plain word (letters only) ends in no dot: its text is
             * not read. */
            if (!(tk[i].flags & TOKF_PLAIN) && r->s[tk[i].span.end - 1] == '.')
                term = term_of(r, &tk[i]);
        } else if (tk[i].kind == TOK_PUNCT) {
            /* An ASCII sign is a stop exactly when is_stop_cp says so,
             * without decoding it. */
            unsigned char b = r->s[tk[i].span.start];
            if (b >= 0x80)
                term = term_of(r, &tk[i]);
            else if (b == '.' || b == '?' || b == '!')
                term = TERM_STOP;
        }
        if (term == TERM_NONE || term == TERM_NEVER) {
            i++;
            continue;
        }
        /* Closing quotes, brackets and further stops glued to the stop
         * stay with this sentence: `act.”)`, `?!`. */
        size_t j = i + 1;
        while (j < t1 && tk[j].span.start == tk[j - 1].span.end &&
               tk[j].kind == TOK_PUNCT &&
               (is_closer_cp(tok_cp(r, &tk[j])) ||
                term_of(r, &tk[j]) == TERM_STOP)) {
            tk[j].sentence = sent;
            j++;
        }
        /* A sentence needs a word ("1." of a list is none), and a new one
         * needs whitespace before it ("Syria.The" is a typo, not a split). */
        if (j < t1 && has_word && tk[j].span.start > tk[j - 1].span.end &&
            (starts_new_sentence(r, term, tk, j, t1) ||
             (term == TERM_STOP && is_dash_credit(r, j, t1)))) {
            emit_sentence(r, para, a, j);
            a = j;
            has_word = false;
            sent++;
        }
        i = j;
    }
    if (a > t0 && is_bracket_tail(r, a, t1))
        extend_last_sentence(r, a, t1);
    else
        emit_sentence(r, para, a, t1);
}

/* ------------------------------------------------------------------ */
/* Paragraph kinds: bullets, captions, headlines                      */
/* ------------------------------------------------------------------ */

static bool para_is_bullet(const struct run *r, size_t t0, size_t t1)
{
    const struct token *tk = r->doc->toks;
    return t1 - t0 >= 2 &&
           line_is_bullet(r, tk[t0].span.start, tk[t1 - 1].span.end);
}

static bool any_credit(const struct run *r, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (tok_in(r, &r->seg->credits, &r->doc->toks[k]))
            return true;
    return false;
}

/* Every word in tokens [a, b) is a credit word, and there is one. */
static bool all_credit(const struct run *r, size_t a, size_t b)
{
    bool any = false;
    for (size_t k = a; k < b; k++) {
        if (r->doc->toks[k].kind == TOK_PUNCT)
            continue;
        if (!tok_in(r, &r->seg->credits, &r->doc->toks[k]))
            return false;
        any = true;
    }
    return any;
}

/* "... (AFP)", "... 2016. (Photo: AFP/DPA/Marius Becker)", "... 2006 -
 * Reuters pic", "Photo: Reuters". A bracket followed by a full stop is
 * left out on purpose: "... Agence France-Presse (AFP)." is a sentence. */
static bool para_is_caption(const struct run *r, size_t t0, size_t t1)
{
    const struct token *tk = r->doc->toks;
    const size_t last = t1 - 1;
    if (tok_cp(r, &tk[last]) == ')') {
        size_t k = last;
        while (k > t0 && tok_cp(r, &tk[k]) != '(' &&
               tk[last].span.end - tk[k].span.start <= CREDIT_MAX_BYTES)
            k--;
        if (tok_cp(r, &tk[k]) == '(' &&
            tk[last].span.end - tk[k].span.start <= CREDIT_MAX_BYTES &&
            any_credit(r, k + 1, last))
            return true;
    }
    /* A dash credit after a full stop ("said. - AFP") is the story's
     * credit line, split off as a sentence of its own; glued to text
     * ("in 2006- Reuters pic") it credits a photo. */
    for (size_t k = last; k > t0 && t1 - k <= CREDIT_MAX_TOKENS + 1; k--) {
        if (tk[k].kind == TOK_PUNCT && is_dash_cp(tok_cp(r, &tk[k]))) {
            if (term_of(r, &tk[k - 1]) == TERM_NONE && all_credit(r, k + 1, t1))
                return true;
            break;
        }
    }
    return t1 - t0 >= 3 && tok_cp(r, &tk[t0 + 1]) == ':' &&
           tok_in(r, &r->seg->credits, &tk[t0]);
}

/* Most longer words capitalised, as in "Russia Must Restrain Itself". */
static bool is_title_case(const struct run *r, size_t t0, size_t t1)
{
    const struct token *tk = r->doc->toks;
    size_t words = 0, caps = 0;
    for (size_t k = t0; k < t1; k++) {
        if (tk[k].kind != TOK_WORD || tok_len(&tk[k]) < 4)
            continue;
        words++;
        caps += (tk[k].flags & TOKF_CAP) != 0;
    }
    return words > 0 && caps * 5 >= words * 3;
}

/* One short sentence whose end is no sentence punctuation (an
 * abbreviation ending a title-case line, "..., Says U.S.", is allowed).
 * The document's last paragraph must be in title case: there, a sentence
 * without a stop is mostly text cut off by whoever saved the page. */
static bool para_is_headline(const struct run *r, size_t t0, size_t t1,
                             bool last_para)
{
    const struct token *tk = r->doc->toks;
    size_t words = 0, k = t1 - 1;
    bool letters = false;
    if (tk[t1 - 1].span.end - tk[t0].span.start > HEADLINE_MAX_BYTES)
        return false;
    for (size_t i = t0; i < t1; i++) {
        if (tk[i].kind == TOK_PUNCT)
            continue;
        letters |= tk[i].kind == TOK_WORD;
        if (++words > HEADLINE_MAX_WORDS)
            return false;
    }
    if (!letters)
        return false;
    while (k > t0 && tk[k].kind == TOK_PUNCT && is_closer_cp(tok_cp(r, &tk[k])))
        k--;
    if (tk[k].kind == TOK_PUNCT) {
        uint32_t c = tok_cp(r, &tk[k]);
        return !is_stop_cp(c) && c != ',' && c != ';' && c != ':';
    }
    if (last_para || term_of(r, &tk[k]) != TERM_NONE)
        return is_title_case(r, t0, t1);
    return true;
}

/* Whether span, which starts no earlier than any span asked before in
 * this run, has a byte in a boilerplate region: doc_in_boilerplate's
 * answer by a cursor over the sorted regions instead of a search. */
static bool in_boilerplate(struct run *r, struct span span)
{
    const struct doc *doc = r->doc;
    size_t i = r->boiler_next;
    while (i < doc->nboiler && doc->boiler[i].span.end <= span.start)
        i++;
    r->boiler_next = i;
    return i < doc->nboiler && doc->boiler[i].span.start < span.end;
}

/* Segment one paragraph [start, end), both ends on non-space text. */
static void finish_paragraph(struct run *r, size_t start, size_t end,
                             bool last_para)
{
    struct doc *doc = r->doc;
    size_t para = doc->nparas;
    if (doc->nparas == doc->capparas)
        doc->paras = xgrow(doc->paras, &doc->capparas, doc->nparas + 1,
                           sizeof *doc->paras);
    struct paragraph *p = &doc->paras[doc->nparas++];
    p->span.start = start;
    p->span.end = end;
    p->boilerplate = in_boilerplate(r, p->span);

    size_t t0 = doc->ntoks, s0 = doc->nsents;
    tokenize(r, start, end);
    size_t t1 = doc->ntoks;
    split_sentences(r, para, t0, t1);
    size_t s1 = doc->nsents;

    unsigned flags = 0;
    if (para_is_bullet(r, t0, t1))
        flags = SENT_BULLET;
    else if (s1 - s0 <= CAPTION_MAX_SENTS && para_is_caption(r, t0, t1))
        flags = SENT_CAPTION;
    else if (s1 - s0 == 1 && para_is_headline(r, t0, t1, last_para))
        flags = SENT_HEADLINE;
    for (size_t i = s0; i < s1; i++) {
        doc->sents[i].flags = flags;
        if (p->boilerplate && in_boilerplate(r, doc->sents[i].span))
            doc->sents[i].flags |= SENT_BOILERPLATE;
    }
    /* A credit line split off the last sentence: "... said. - AFP". */
    if (s1 - s0 >= 2 && !(flags & SENT_CAPTION)) {
        size_t a = t1;
        /* No further back than a dash credit can reach: a longer last
         * sentence is none. */
        while (a > t0 && t1 - a <= CREDIT_MAX_TOKENS + 1 &&
               doc->toks[a - 1].sentence == s1 - 1)
            a--;
        if (is_dash_credit(r, a, t1))
            doc->sents[s1 - 1].flags |= SENT_CAPTION;
    }
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

void segment_run(const struct segmenter *seg, struct doc *doc)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.seg = seg;
    r.doc = doc;
    r.s = (const unsigned char *)doc->text;
    r.n = doc->len;
    doc->nparas = 0;
    doc->nsents = 0;
    doc->ntoks = 0;
    if (r.n == 0)
        return;

    /* Room for the tokens up front (prose has about one per five and a
     * half bytes; the array still grows by doubling past the guess): most
     * documents then never copy their tokens, and one that would have
     * doubled from an eighth holds less. */
    size_t guess = r.n / 5 + 16;
    if (doc->captoks < guess)
        doc->toks = xgrow(doc->toks, &doc->captoks, guess, sizeof *doc->toks);
    /* Likewise the sentences (news prose has one per 60 to 150 bytes)
     * and paragraphs (one per 100 to 400): without a guess, growing from
     * eight by doubling copied each array three or four times. */
    guess = r.n / 64 + 8;
    if (doc->capsents < guess)
        doc->sents = xgrow(doc->sents, &doc->capsents, guess,
                           sizeof *doc->sents);
    guess = r.n / 128 + 8;
    if (doc->capparas < guess)
        doc->paras = xgrow(doc->paras, &doc->capparas, guess,
                           sizeof *doc->paras);
    detect_wrap(&r);
    lines_rewind(&r);
    bool open = false;
    size_t para_start = 0, para_end = 0, pos = 0;
    struct line prev = {0, 0, 0};
    while (pos < r.n) {
        struct line l = line_at(&r, pos);
        pos = l.next;
        if (l.start == l.end) {
            if (open)
                finish_paragraph(&r, para_start, para_end, false);
            open = false;
            continue;
        }
        if (open && lines_join(&r, &prev, &l)) {
            para_end = l.end;
        } else {
            if (open)
                finish_paragraph(&r, para_start, para_end, false);
            para_start = l.start;
            para_end = l.end;
            open = true;
        }
        prev = l;
    }
    if (open)
        finish_paragraph(&r, para_start, para_end, true);
}

static enum cd_err bad_row(struct diag *d, const struct rule_row *row,
                           const char *why)
{
    return diag_set(d, CD_ERR_RULE, row->file, row->line, 1, "%s: '%s'", why,
                    row->fields[0]);
}

/* Fill set with the lower-cased first field of every row of table. */
static enum cd_err load_words(struct segmenter *seg, struct lexset *set,
                              const struct rules *r, const char *table,
                              struct diag *d)
{
    const struct rule_table *t = rules_get(r, table);
    char buf[SEG_MAX_LEXWORD + 1];
    enum cd_err err = rules_check_fields(t, 1, 2, d);
    if (err)
        return err;
    lexset_init(set, t->nrows);
    for (size_t i = 0; i < t->nrows; i++) {
        const char *w = t->rows[i].fields[0];
        size_t n = strlen(w);
        if (n == 0 || n > SEG_MAX_LEXWORD)
            return bad_row(d, &t->rows[i], "word empty or longer than 31 bytes");
        for (size_t k = 0; k < n; k++) {
            if (w[k] == ' ')
                return bad_row(d, &t->rows[i], "word holds a space");
            buf[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] | 32 : w[k]);
        }
        lexset_put(set, seg->arena, buf, n, 1);
    }
    return CD_OK;
}

static enum cd_err load_abbrevs(struct segmenter *seg, const struct rules *r,
                                struct diag *d)
{
    static const struct {
        const char *name;
        unsigned char cls;
    } classes[] = {{"inner", AB_INNER}, {"final", AB_FINAL},
                   {"numeric", AB_NUMERIC}};
    const struct rule_table *t = rules_get(r, "lexicon/abbreviations");
    enum cd_err err = rules_check_fields(t, 2, 3, d);
    if (err)
        return err;
    lexset_init(&seg->abbrevs, t->nrows);
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *a = row->fields[0];
        size_t n = strlen(a);
        unsigned char cls = AB_NONE;
        if (n < 2 || n > SEG_MAX_ABBREV || a[n - 1] != '.')
            return bad_row(d, row,
                           "abbreviation must end in '.' and have 2 to 15 bytes");
        if (strpbrk(a, " \t"))
            return bad_row(d, row, "abbreviation holds a space");
        for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
            if (strcmp(row->fields[1], classes[k].name) == 0)
                cls = classes[k].cls;
        if (cls == AB_NONE)
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "unknown class '%s' (inner, final or numeric)",
                            row->fields[1]);
        lexset_put(&seg->abbrevs, seg->arena, a, n, cls);
    }
    return CD_OK;
}

enum cd_err segment_new(const struct rules *r, struct segmenter **out,
                        struct diag *d)
{
    struct segmenter *seg = xcalloc(1, sizeof *seg);
    enum cd_err err;
    *out = NULL;
    for (unsigned b = 0; b < 256; b++)
        seg->bytes[b] = b >= 0x80                ? BYTE_HIGH
                        : b >= 'A' && b <= 'Z'   ? ASCII_UPPER
                        : b >= 'a' && b <= 'z'   ? ASCII_LOWER
                        : b >= '0' && b <= '9'   ? ASCII_DIGIT
                                                 : 0;
    for (const char *g = ".@:-_'"; *g; g++)
        seg->bytes[(unsigned char)*g] |= WORD_GLUE;
    for (unsigned b = 0x80; b < 256; b++)
        seg->bytes[b] |= WORD_GLUE;
    segment_set_fast_words(seg, true);
    seg->arena = arena_new();
    err = load_abbrevs(seg, r, d);
    if (!err)
        err = load_words(seg, &seg->starters, r, "lexicon/sentence_starters", d);
    if (!err)
        err = load_words(seg, &seg->credits, r, "lexicon/photo_credits", d);
    if (err) {
        segment_free(seg);
        return err;
    }
    *out = seg;
    return CD_OK;
}

/* The set's filter: every key's bit (on), or every bit (off, so each
 * look-up goes to the table). */
static void lexset_set_filter(struct lexset *set, bool on)
{
    memset(set->filter, on ? 0 : 0xFF, sizeof set->filter);
    for (size_t i = 0; on && set->slots && i <= set->mask; i++)
        if (set->slots[i].key)
            lex_filter_add(set, set->slots[i].key, set->slots[i].len);
}

void segment_set_fast_words(struct segmenter *s, bool on)
{
    for (unsigned b = 0; b < 0x80; b++)
        if (s->bytes[b] & (ASCII_UPPER | ASCII_LOWER))
            s->bytes[b] = (unsigned char)(on ? s->bytes[b] | FAST_WORD
                                             : s->bytes[b] & ~FAST_WORD);
    lexset_set_filter(&s->abbrevs, on);
    lexset_set_filter(&s->starters, on);
    lexset_set_filter(&s->credits, on);
    s->fast_chars = on;
}

void segment_free(struct segmenter *s)
{
    if (!s)
        return;
    free(s->abbrevs.slots);
    free(s->starters.slots);
    free(s->credits.slots);
    arena_free(s->arena);
    free(s);
}
