/* scan.c - private word scanner and word table (see scan.h). */
#include "scan.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/utf8.h"

/* ---- characters ------------------------------------------------------- */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Letters outside ASCII (accented names, other scripts) belong in words;
 * spaces, dashes, quotes and symbols do not. */
static bool is_wide_letter(uint32_t c)
{
    if (c < 0xC0 || c == 0xD7 || c == 0xF7)
        return false;
    if (c >= 0x2000 && c <= 0x2BFF)
        return false; /* general punctuation, arrows, symbols */
    if (c >= 0x3000 && c <= 0x303F)
        return false;
    return c != 0xFEFF;
}

/* Length of the word character at s, or 0 if it is none. *letter says
 * whether it is a letter (else a digit). */
static size_t word_char(const unsigned char *s, size_t n, bool *letter)
{
    if (is_digit(s[0])) {
        *letter = false;
        return 1;
    }
    if (is_alpha(s[0])) {
        *letter = true;
        return 1;
    }
    if (s[0] < 0x80)
        return 0;
    uint32_t c;
    size_t len = utf8_decode((const char *)s, n, &c);
    *letter = true;
    return len > 0 && is_wide_letter(c) ? len : 0;
}

/* ---- tokens ----------------------------------------------------------- */

static void push(struct scan_toks *out, size_t start, size_t end,
                 unsigned char kind, unsigned char flags)
{
    if (out->n == out->cap)
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n].start = start;
    out->v[out->n].end = end;
    out->v[out->n].kind = kind;
    out->v[out->n].flags = flags;
    out->n++;
}

/* Scan one word-like token at p; returns its end. Joiners stay inside only
 * between two word characters: '-' anywhere ("Mi-8", "twenty-one"),
 * , . : / only between digits ("25,000", "26.10.2016", "10:47"). */
static size_t scan_word(const unsigned char *s, size_t p, size_t end,
                        unsigned char *kind, unsigned char *flags)
{
    bool letters = false, digits = false, lower = false;
    size_t nupper = 0, start = p;
    for (;;) {
        bool letter;
        size_t len = word_char(s + p, end - p, &letter);
        if (len == 0) {
            unsigned char c = s[p];
            bool prev_digit = p > start && is_digit(s[p - 1]);
            bool joins = p + 1 < end &&
                         ((c == '-' && word_char(s + p + 1, end - p - 1,
                                                 &letter) > 0) ||
                          (prev_digit && is_digit(s[p + 1]) &&
                           (c == ',' || c == '.' || c == ':' || c == '/')));
            if (p >= end || !joins)
                break;
            p++;
            continue;
        }
        if (letter) {
            letters = true;
            if (s[p] >= 'A' && s[p] <= 'Z')
                nupper++;
            else
                lower = true;
        } else {
            digits = true;
        }
        p += len;
        if (p >= end)
            break;
    }
    *kind = letters && digits ? SCAN_MIXED : letters ? SCAN_WORD : SCAN_NUM;
    *flags = 0;
    if (s[start] >= 'A' && s[start] <= 'Z')
        *flags |= SCANF_CAP;
    if (nupper >= 2 && !lower)
        *flags |= SCANF_ALLCAPS;
    return p;
}

void scan_tokens(const char *text, size_t start, size_t end,
                 struct scan_toks *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t p = start;
    while (p < end) {
        bool letter;
        if (word_char(s + p, end - p, &letter) > 0) {
            unsigned char kind, flags;
            size_t q = scan_word(s, p, end, &kind, &flags);
            push(out, p, q, kind, flags);
            p = q;
            continue;
        }
        uint32_t c;
        size_t len = utf8_decode(text + p, end - p, &c);
        if (len == 0)
            len = 1; /* a stray byte: step over it as punctuation */
        if (!utf8_is_space(c))
            push(out, p, p + len, SCAN_PUNCT, 0);
        p += len;
    }
}

void scan_toks_free(struct scan_toks *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

int scan_is_char(const char *text, const struct scan_tok *t, char c)
{
    return t->kind == SCAN_PUNCT && t->end == t->start + 1 &&
           text[t->start] == c;
}

long scan_digits(const char *text, const struct scan_tok *t)
{
    if (t->kind != SCAN_NUM || t->end - t->start > 9)
        return -1;
    long v = 0;
    for (size_t i = t->start; i < t->end; i++) {
        if (!is_digit((unsigned char)text[i]))
            return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

/* ---- runs ------------------------------------------------------------- */

void scan_runs(const struct doc *doc,
               void (*fn)(void *ctx, size_t start, size_t end), void *ctx)
{
    if (doc->nsents > 0) {
        size_t i = 0;
        while (i < doc->nsents) {
            if (doc->sents[i].flags & SENT_BOILERPLATE) {
                i++;
                continue;
            }
            size_t j = i;
            while (j + 1 < doc->nsents &&
                   !(doc->sents[j + 1].flags & SENT_BOILERPLATE))
                j++;
            fn(ctx, doc->sents[i].span.start, doc->sents[j].span.end);
            i = j + 1;
        }
        return;
    }
    size_t at = 0;
    for (size_t i = 0; i < doc->nboiler; i++) {
        if (doc->boiler[i].span.start > at)
            fn(ctx, at, doc->boiler[i].span.start);
        if (doc->boiler[i].span.end > at)
            at = doc->boiler[i].span.end;
    }
    if (at < doc->len)
        fn(ctx, at, doc->len);
}

/* ---- word table ------------------------------------------------------- */

struct scan_map {
    char **keys;  /* open addressing; NULL = empty slot */
    int *ids;
    size_t cap;   /* power of two */
    size_t n;
};

static uint32_t hash_fold(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static bool same_folded(const char *key, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if ((unsigned char)key[i] != c)
            return false;
    }
    return key[len] == '\0';
}

static size_t slot_of(const struct scan_map *m, const char *s, size_t len)
{
    size_t i = hash_fold(s, len) & (m->cap - 1);
    while (m->keys[i] && !same_folded(m->keys[i], s, len))
        i = (i + 1) & (m->cap - 1);
    return i;
}

struct scan_map *scan_map_new(void)
{
    struct scan_map *m = xcalloc(1, sizeof *m);
    m->cap = 64;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->ids = xcalloc(m->cap, sizeof *m->ids);
    return m;
}

void scan_map_free(struct scan_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->ids);
    free(m);
}

static void grow(struct scan_map *m)
{
    struct scan_map big = {xcalloc(m->cap * 2, sizeof *m->keys),
                           xcalloc(m->cap * 2, sizeof *m->ids), m->cap * 2,
                           m->n};
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(&big, m->keys[i], strlen(m->keys[i]));
        big.keys[j] = m->keys[i];
        big.ids[j] = m->ids[i];
    }
    free(m->keys);
    free(m->ids);
    *m = big;
}

int scan_map_put(struct scan_map *m, const char *word, size_t len)
{
    if (len == 0 || len > SCAN_MAX_KEY)
        return -1;
    size_t i = slot_of(m, word, len);
    if (m->keys[i])
        return m->ids[i];
    if (2 * (m->n + 1) > m->cap) {
        grow(m);
        i = slot_of(m, word, len);
    }
    char *key = xstrndup(word, len);
    for (char *k = key; *k; k++)
        if (*k >= 'A' && *k <= 'Z')
            *k = (char)(*k - 'A' + 'a');
    m->keys[i] = key;
    m->ids[i] = (int)m->n++;
    return m->ids[i];
}

int scan_map_get(const struct scan_map *m, const char *s, size_t len)
{
    if (len == 0 || len > SCAN_MAX_KEY)
        return -1;
    size_t i = slot_of(m, s, len);
    return m->keys[i] ? m->ids[i] : -1;
}
