/* scan.c - private word scanner and word table (see scan.h). */
#include "scan.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/utf8.h"
#include "claimdiff/wordfilter.h"
#include "swar.h"

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

/* Inline: once per token, and gcc outlines it otherwise (its register
 * saves cost more than its stores). */
__attribute__((always_inline)) static inline void
push(struct scan_toks *out, size_t start, size_t end, unsigned char kind,
     unsigned char flags, uint32_t hash)
{
    if (out->n == out->cap)
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n].start = start;
    out->v[out->n].end = end;
    out->v[out->n].kind = kind;
    out->v[out->n].flags = flags;
    out->v[out->n].hash = hash;
    out->n++;
}

/* Scan one word-like token at p; returns its end. Joiners stay inside only
 * between two word characters: '-' anywhere ("Mi-8", "twenty-one"),
 * , . : / only between digits ("25,000", "26.10.2016", "10:47"). ASCII
 * letters and digits are taken inline; word_char sees the rest. A letter
 * outside ASCII counts as lower case. */
static size_t scan_word(const unsigned char *s, size_t p, size_t end,
                        unsigned char *kind, unsigned char *flags)
{
    bool letters = false, digits = false, lower = false, hyphen = false;
    size_t nupper = 0, start = p;
    for (;;) {
        unsigned char c = s[p];
        size_t len = 1;
        if (c >= 'a' && c <= 'z') {
            letters = lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            letters = true;
            nupper++;
        } else if (is_digit(c)) {
            digits = true;
        } else {
            bool letter;
            len = c < 0x80 ? 0 : word_char(s + p, end - p, &letter);
            if (len == 0) {
                bool prev_digit = p > start && is_digit(s[p - 1]);
                bool joins =
                    p + 1 < end &&
                    ((c == '-' && word_char(s + p + 1, end - p - 1,
                                            &letter) > 0) ||
                     (prev_digit && is_digit(s[p + 1]) &&
                      (c == ',' || c == '.' || c == ':' || c == '/')));
                if (!joins)
                    break;
                hyphen = hyphen || c == '-';
                p++;
                continue;
            }
            letters = lower = true; /* word_char: only letters past ASCII */
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
    if (hyphen) /* every '-' of a token is a joiner taken here */
        *flags |= SCANF_HYPHEN;
    return p;
}

int scan_next_slow(const char *text, size_t *pos, size_t end,
                   struct scan_tok *t)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t p = *pos;
    unsigned char c = s[p];
    bool letter;
    if (is_alpha(c) || is_digit(c) ||
        (c >= 0x80 && word_char(s + p, end - p, &letter) > 0)) {
        unsigned char kind, flags;
        size_t q = scan_word(s, p, end, &kind, &flags);
        *t = (struct scan_tok){p, q, kind, flags, 0};
        *pos = q;
        return 1;
    }
    uint32_t cp;
    size_t len = utf8_decode(text + p, end - p, &cp);
    if (len == 0)
        len = 1; /* a stray byte: step over it as punctuation */
    *pos = p + len;
    if (utf8_is_space(cp))
        return 0;
    *t = (struct scan_tok){p, p + len, SCAN_PUNCT, 0, 0};
    return 1;
}

/* Append t, a token of text, with its hash when it is a word. */
__attribute__((always_inline)) static inline void
push_tok(const char *text, struct scan_toks *out, const struct scan_tok *t)
{
    push(out, t->start, t->end, t->kind, t->flags,
         t->kind == SCAN_WORD
             ? wordfilter_hash(text + t->start, t->end - t->start)
             : 0);
}

void scan_tokens(const char *text, size_t start, size_t end,
                 struct scan_toks *out)
{
    size_t p = start;
    struct scan_tok t;
    while (scan_next(text, &p, end, &t))
        push_tok(text, out, &t);
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

/* Keys are stored lower-cased with their hash and length, so a probe
 * that misses costs an integer compare, and the hash of a word reads it
 * eight bytes at a time, folding ASCII capitals on the way. The map is
 * never iterated, so the hash decides no output order. */
struct map_slot {
    uint64_t hash;
    char *key; /* NULL: empty slot */
    int id;
    unsigned char len;
};

struct scan_map {
    struct map_slot *slots; /* open addressing */
    size_t cap;             /* power of two */
    size_t n;
};

static uint64_t load8(const char *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
    return v;
}

static uint64_t load4(const char *s)
{
    uint32_t v;
    memcpy(&v, s, 4);
    return v;
}

/* Setting bit 0x20 of every byte maps 'A' and 'a' alike (and a few other
 * pairs, such as '@' and '`', which the key compare then tells apart): a
 * case-folded hash in one instruction per eight bytes. */
#define CASE_BITS 0x2020202020202020u
#define MUL 0x9E3779B97F4A7C15u

static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ (v | CASE_BITS)) * MUL;
    return h ^ (h >> 32); /* the slot index takes low bits */
}

/* scan_hash, inline here so that scan_map_get makes no call for it. */
static inline uint64_t hash_of(const char *s, size_t len)
{
    uint64_t h = len * 0xFF51AFD7ED558CCDu;
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8)
            h = mix(h, load8(s + i));
        return mix(h, load8(s + len - 8)); /* may overlap: still a function
                                              of the bytes */
    }
    if (len >= 4)
        return mix(h, load4(s) << 32 | load4(s + len - 4));
    if (len > 0)
        return mix(h, (uint64_t)(unsigned char)s[0] << 16 |
                          (uint64_t)(unsigned char)s[len / 2] << 8 |
                          (unsigned char)s[len - 1]);
    return mix(h, 0);
}

uint64_t scan_hash(const char *s, size_t len)
{
    return hash_of(s, len);
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
    return true;
}

static inline size_t slot_of(const struct scan_map *m, const char *s,
                             size_t len, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    const struct map_slot *sl;
    while ((sl = &m->slots[i])->key &&
           (sl->hash != h || sl->len != len || !same_folded(sl->key, s, len)))
        i = (i + 1) & (m->cap - 1);
    return i;
}

struct scan_map *scan_map_new(void)
{
    struct scan_map *m = xcalloc(1, sizeof *m);
    m->cap = 64;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void scan_map_free(struct scan_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

static void grow(struct scan_map *m)
{
    struct map_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key)
            continue;
        size_t j = old[i].hash & (m->cap - 1);
        while (m->slots[j].key)
            j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    free(old);
}

int scan_map_put(struct scan_map *m, const char *word, size_t len)
{
    if (len == 0 || len > SCAN_MAX_KEY)
        return -1;
    uint64_t h = hash_of(word, len);
    size_t i = slot_of(m, word, len, h);
    if (m->slots[i].key)
        return m->slots[i].id;
    if (2 * (m->n + 1) > m->cap) {
        grow(m);
        i = slot_of(m, word, len, h);
    }
    char *key = xstrndup(word, len);
    for (char *k = key; *k; k++)
        if (*k >= 'A' && *k <= 'Z')
            *k = (char)(*k - 'A' + 'a');
    m->slots[i].key = key;
    m->slots[i].hash = h;
    m->slots[i].len = (unsigned char)len;
    m->slots[i].id = (int)m->n++;
    return m->slots[i].id;
}

int scan_map_get_hashed(const struct scan_map *m, const char *s, size_t len,
                        uint64_t h)
{
    if (len == 0 || len > SCAN_MAX_KEY)
        return -1;
    const struct map_slot *sl = &m->slots[slot_of(m, s, len, h)];
    return sl->key ? sl->id : -1;
}

int scan_map_get(const struct scan_map *m, const char *s, size_t len)
{
    if (len == 0 || len > SCAN_MAX_KEY)
        return -1;
    const struct map_slot *sl = &m->slots[slot_of(m, s, len,
                                                  hash_of(s, len))];
    return sl->key ? sl->id : -1;
}

/* ---- the index by token hash ----------------------------------------- */

void scan_index_build(struct scan_index *x, const struct scan_map *m)
{
    scan_index_free(x);
    /* a few buckets per key, so that most words not held meet an empty
     * bucket; at least 2^8 */
    unsigned bits = 8;
    while (((size_t)1 << bits) < 4 * m->n)
        bits++;
    x->shift = 32 - bits;
    x->bucket = xcalloc((size_t)1 << bits, sizeof *x->bucket);
    x->e = xcalloc(m->n ? m->n : 1, sizeof *x->e);
    for (size_t i = 0; i < m->cap; i++) {
        const struct map_slot *sl = &m->slots[i];
        if (!sl->key)
            continue;
        struct scan_index_entry *e = &x->e[x->n];
        e->key = sl->key;
        e->len = sl->len;
        e->id = sl->id;
        /* the key is folded, and the hash folds alike: a token of the
         * key in any case lands in this bucket */
        uint32_t b = wordfilter_hash(sl->key, sl->len) >> x->shift;
        e->next = x->bucket[b];
        x->bucket[b] = (uint32_t)++x->n;
    }
}

void scan_index_free(struct scan_index *x)
{
    free(x->bucket);
    free(x->e);
    memset(x, 0, sizeof *x);
}

/* ---- one tokenisation per document ---------------------------------- */

/* The segmenter has already cut the text into tokens (doc->toks), and
 * most of its words are ours too. A word it marked TOKF_PLAIN (ASCII
 * letters only) and that ends on a byte that neither continues nor joins
 * it is exactly the token scan_word would cut, with the same capitals:
 * it is taken whole, without a look at its letters. */

/* If the segmenter's token t, starting at p, is such a word within the
 * run (ending at end), push it and return true; else push nothing and
 * return false. */
__attribute__((always_inline)) static inline bool
plain_token(const char *text, const struct token *t, size_t end,
            struct scan_toks *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t p = t->span.start, e = t->span.end;
    if (!(t->flags & TOKF_PLAIN) || e > end)
        return false;
    /* After a letter only a letter, a digit, a wide letter or a hyphen
     * before a word character would continue the word (the joiners
     * , . : / need a digit before them). */
    if (e < end && (s[e] >= 0x80 || s[e] == '-' || is_alpha(s[e]) ||
                    is_digit(s[e])))
        return false;
    unsigned char flags = (t->flags & TOKF_CAP ? SCANF_CAP : 0) |
                          (t->flags & TOKF_ALLCAPS ? SCANF_ALLCAPS : 0);
    push(out, p, e, SCAN_WORD, flags, wordfilter_hash(text + p, e - p));
    return true;
}

struct build_ctx {
    const char *text;
    const struct token *toks; /* the segmenter's, in text order */
    size_t ntoks;
    size_t k; /* the first of them not yet passed */
    struct scan_doc *sd;
};

/* scan_tokens(b->text, p, end, out), taking the segmenter's tokens whole
 * where plain_token allows. */
static void scan_hinted(struct build_ctx *b, size_t p, size_t end,
                        struct scan_toks *out)
{
    const unsigned char *s = (const unsigned char *)b->text;
    const struct token *tk = b->toks;
    size_t k = b->k;
    while (p < end) {
        if (s[p] == ' ') {
            p++;
            continue;
        }
        while (k < b->ntoks && tk[k].span.start < p)
            k++;
        if (k < b->ntoks && tk[k].span.start == p &&
            plain_token(b->text, &tk[k], end, out)) {
            p = tk[k].span.end;
            k++;
            continue;
        }
        struct scan_tok t;
        if (!scan_next(b->text, &p, end, &t))
            break;
        push_tok(b->text, out, &t);
    }
    b->k = k;
}

static void add_run(void *ctx, size_t start, size_t end)
{
    struct build_ctx *b = ctx;
    struct scan_doc *sd = b->sd;
    if (sd->nruns + 2 > sd->capfirst)
        sd->first = xgrow(sd->first, &sd->capfirst, sd->nruns + 2,
                          sizeof *sd->first);
    sd->first[sd->nruns++] = sd->toks.n;
    scan_hinted(b, start, end, &sd->toks);
    sd->first[sd->nruns] = sd->toks.n;
}

void scan_doc_build(const struct doc *doc, struct scan_doc *sd)
{
    struct build_ctx b = {doc->text, doc->toks, doc->ntoks, 0, sd};
    sd->toks.n = 0;
    sd->nruns = 0;
    /* The tagger's tokens, when it has run, are about as many as ours:
     * one allocation up front instead of doubling from eight (each
     * doubling copies the array). */
    if (doc->ntoks > sd->toks.cap)
        sd->toks.v = xgrow(sd->toks.v, &sd->toks.cap, doc->ntoks,
                           sizeof *sd->toks.v);
    /* first[0] even without runs: nruns + 1 entries, as promised */
    if (sd->capfirst < 1)
        sd->first = xgrow(sd->first, &sd->capfirst, 1, sizeof *sd->first);
    sd->first[0] = 0;
    scan_runs(doc, add_run, &b);
}

void scan_doc_free(struct scan_doc *sd)
{
    scan_toks_free(&sd->toks);
    free(sd->first);
    sd->first = NULL;
    sd->nruns = sd->capfirst = 0;
}

enum cd_err scan_map_load(const struct rules *r, const char *name,
                          struct scan_map **out, struct diag *d)
{
    const struct rule_table *t = rules_get(r, name);
    enum cd_err err = rules_check_fields(t, 1, 1, d);
    if (err)
        return err;
    *out = scan_map_new();
    for (size_t i = 0; i < t->nrows; i++)
        scan_map_put(*out, t->rows[i].fields[0], strlen(t->rows[i].fields[0]));
    return CD_OK;
}
