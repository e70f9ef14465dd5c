/* wordmask.c - one lookup per word for all of a stage's word tables.
 *
 * Each distinct whole word and each distinct prefix has an id, and each
 * id the mask of the tables that added it. Half the tokens of an article
 * begin a phrase of some claims table ("the", "to", "by"), so whole
 * words are found through a bucket array keyed by wordfilter_hash (a
 * hash of the length and three bytes, no pass over the word) and one
 * folded compare; prefixes, rarer, through wordfilters of their first
 * bytes and of each length before a scan_map.
 */
#include "claimdiff/wordmask.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/wordfilter.h"
#include "scan.h"

_Static_assert(WORDMASK_MAX_LEN == SCAN_MAX_KEY, "the maps' longest key");
_Static_assert(WORDMASK_PREFIX_MIN >= WORDFILTER_HEAD,
               "prefix heads need WORDMASK_PREFIX_MIN bytes");
_Static_assert(WORDMASK_MAX_LEN < 64, "prefix_lens has a bit per length");

/* 2^WORD_BUCKET_BITS buckets: a few times the words the claims tables
 * begin with, so that most words not held meet an empty bucket. */
#define WORD_BUCKET_BITS 14

/* A whole word, its id its index in words[]. Keys are folded as
 * scan_map folds them (ASCII capitals only), so the two agree. */
struct word {
    uint32_t key;  /* offset of its folded bytes in keys[] */
    uint32_t len;
    uint32_t next; /* the next word of its bucket, + 1; 0 ends */
};

struct wordmask {
    struct scan_map *prefix;
    uint32_t *bucket; /* first word of each bucket, + 1; 0 if empty */
    struct word *words;
    size_t nwords, capwords;
    char *keys; /* the words' folded bytes, back to back */
    size_t nkeys, capkeys;
    uint32_t *exact_mask, *prefix_mask; /* per id of exact / prefix */
    size_t capexact, capprefix;
    uint64_t prefix_lens; /* bit l set: some prefix is l bytes long */
    struct wordfilter prefix_keys, prefix_heads;
};

struct wordmask *wordmask_new(void)
{
    struct wordmask *wm = xcalloc(1, sizeof *wm);
    wm->prefix = scan_map_new();
    wm->bucket = xcalloc((size_t)1 << WORD_BUCKET_BITS, sizeof *wm->bucket);
    return wm;
}

void wordmask_free(struct wordmask *wm)
{
    if (!wm)
        return;
    scan_map_free(wm->prefix);
    free(wm->exact_mask);
    free(wm->prefix_mask);
    free(wm->words);
    free(wm->keys);
    free(wm->bucket);
    free(wm);
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static size_t bucket_of(const char *s, size_t len)
{
    return wordfilter_hash(s, len) >> (32 - WORD_BUCKET_BITS);
}

/* The id of the whole word s[0..len) (1 <= len <= WORDMASK_MAX_LEN),
 * or -1 if it was never added, in any ASCII case. Inline: once per
 * token (left to itself gcc calls it, as put_word uses it too). */
__attribute__((always_inline)) static inline int
word_id(const struct wordmask *wm, const char *s, size_t len)
{
    for (uint32_t e = wm->bucket[bucket_of(s, len)]; e;
         e = wm->words[e - 1].next) {
        const struct word *w = &wm->words[e - 1];
        if (w->len != len)
            continue;
        const char *key = wm->keys + w->key;
        /* text is mostly lower case already: fold only on a difference */
        size_t k = 0;
        while (k < len && (s[k] == key[k] ||
                           fold((unsigned char)s[k]) == (unsigned char)key[k]))
            k++;
        if (k == len)
            return (int)(e - 1);
    }
    return -1;
}

/* The id of the whole word w[0..len), added if new (ids 0, 1, ...). */
static int put_word(struct wordmask *wm, const char *w, size_t len)
{
    int id = word_id(wm, w, len);
    if (id >= 0)
        return id;
    if (wm->nwords == wm->capwords)
        wm->words = xgrow(wm->words, &wm->capwords, wm->nwords + 1,
                          sizeof *wm->words);
    if (wm->nkeys + len > wm->capkeys)
        wm->keys = xgrow(wm->keys, &wm->capkeys, wm->nkeys + len, 1);
    struct word *e = &wm->words[wm->nwords];
    e->key = (uint32_t)wm->nkeys;
    e->len = (uint32_t)len;
    for (size_t k = 0; k < len; k++)
        wm->keys[wm->nkeys++] = (char)fold((unsigned char)w[k]);
    size_t b = bucket_of(w, len);
    e->next = wm->bucket[b];
    wm->bucket[b] = (uint32_t)++wm->nwords;
    return (int)(wm->nwords - 1);
}

int wordmask_add(struct wordmask *wm, unsigned table, const char *w,
                 size_t len, bool prefix)
{
    if (table >= WORDMASK_TABLES || (prefix && len < WORDMASK_PREFIX_MIN))
        return -1; /* a short prefix is never matched: leave it out */
    if (len == 0 || len > WORDMASK_MAX_LEN)
        return -1; /* as scan_map_put refuses them */
    uint32_t **mask = prefix ? &wm->prefix_mask : &wm->exact_mask;
    size_t *cap = prefix ? &wm->capprefix : &wm->capexact;
    int id = prefix ? scan_map_put(wm->prefix, w, len) : put_word(wm, w, len);
    if ((size_t)id >= *cap) {
        size_t old = *cap;
        *mask = xgrow(*mask, cap, (size_t)id + 1, sizeof **mask);
        memset(*mask + old, 0, (*cap - old) * sizeof **mask);
    }
    (*mask)[id] |= (uint32_t)1 << table;
    if (!prefix)
        return id;
    wordfilter_add(&wm->prefix_keys, w, len);
    wordfilter_add_head(&wm->prefix_heads, w, len);
    wm->prefix_lens |= (uint64_t)1 << len;
    return id;
}

/* wordmask_get, inline in both its callers. */
__attribute__((always_inline)) static inline uint32_t
get(const struct wordmask *wm, const char *s, size_t len, int *word)
{
    uint32_t m = 0;
    int id = len > 0 && len <= WORDMASK_MAX_LEN ? word_id(wm, s, len) : -1;
    if (id >= 0)
        m = wm->exact_mask[id];
    if (word)
        *word = id;
    if (len == 0)
        return 0;
    if (!wordfilter_may_head(&wm->prefix_heads, s, len))
        return m;
    size_t l = len < WORDMASK_MAX_LEN ? len : WORDMASK_MAX_LEN;
    for (; l >= WORDMASK_PREFIX_MIN; l--) {
        /* a length no prefix has cannot hit: skip its hashing */
        if (!(wm->prefix_lens >> l & 1) ||
            !wordfilter_may(&wm->prefix_keys, s, l))
            continue;
        int pid = scan_map_get(wm->prefix, s, l);
        if (pid >= 0)
            m |= wm->prefix_mask[pid];
    }
    return m;
}

uint32_t wordmask_get(const struct wordmask *wm, const char *s, size_t len,
                      int *word)
{
    return get(wm, s, len, word);
}

uint32_t wordmask_get_tokens(const struct wordmask *wm, const char *text,
                             const struct token *toks, size_t a, size_t b,
                             uint32_t *mask, int *word)
{
    uint32_t all = 0;
    for (size_t k = a; k < b; k++) {
        const struct token *t = &toks[k];
        word[k] = -1;
        mask[k] = t->kind == TOK_WORD
                      ? get(wm, text + t->span.start,
                            t->span.end - t->span.start, &word[k])
                      : 0;
        all |= mask[k];
    }
    return all;
}

void wordmask_sentence(const struct wordmask_doc *m, const struct doc *doc,
                       unsigned si, size_t *first, size_t *end)
{
    if (m) {
        *first = m->first[si];
        *end = m->first[si + 1];
        return;
    }
    size_t t = *end;
    *first = t;
    while (t < doc->ntoks && doc->toks[t].sentence == si)
        t++;
    *end = t;
}
