/* wordmask.c - one lookup per word for all of a stage's word tables.
 *
 * Each distinct whole word and each distinct prefix has an id, and each
 * id the mask of the tables that added it. Half the tokens of an article
 * begin a phrase of some claims table ("the", "to", "by"), so whole
 * words are found through a bucket array and one folded compare;
 * prefixes, rarer, through a bucket array keyed by their first
 * WORDFILTER_HEAD bytes, whose chain holds every prefix with such a
 * head: one folded compare each, no hashing per prefix length.
 *
 * Each word and prefix keeps its first eight folded bytes as one integer
 * (its head), and which of them are letters (its case bits). A token's
 * first eight bytes are loaded once (one load where eight bytes are
 * readable); both buckets are a multiply of that integer, and most
 * compares are an or and one integer test rather than a byte loop. Only
 * words longer than eight bytes compare their tail byte by byte.
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

/* 2^WORD_BUCKET_BITS buckets: a few times the words the claims tables
 * begin with, so that most words not held meet an empty bucket. */
#define WORD_BUCKET_BITS 14

/* A whole word, its id its index in words[]. Keys are folded as
 * scan_map folds them (ASCII capitals only), so the two agree. */
struct word {
    uint64_t head; /* its first eight bytes folded, zero past its end */
    uint64_t cases; /* case_bits of head */
    uint32_t key;   /* offset of its folded bytes in keys[] */
    uint32_t len;
    uint32_t next; /* the next word of its bucket, + 1; 0 ends */
    uint32_t unused; /* 32 bytes: an index is a shift */
};

/* 2^HEAD_BUCKET_BITS head buckets (head_bucket). */
#define HEAD_BUCKET_BITS 12
#define HEAD_BUCKETS ((size_t)1 << HEAD_BUCKET_BITS)

/* A prefix in the chain of its head's bucket; id is its scan_map id. */
struct prefix {
    uint64_t head, cases; /* as struct word's */
    uint32_t key;         /* offset of its folded bytes in keys[] */
    uint32_t len;
    uint32_t next; /* the next prefix of its head bucket, + 1; 0 ends */
    uint32_t id;
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
    uint32_t *head; /* first prefix of each head bucket, + 1; 0 if empty */
    struct prefix *prefixes;
    size_t nprefixes, capprefixes;
};

struct wordmask *wordmask_new(void)
{
    struct wordmask *wm = xcalloc(1, sizeof *wm);
    wm->prefix = scan_map_new();
    wm->bucket = xcalloc((size_t)1 << WORD_BUCKET_BITS, sizeof *wm->bucket);
    wm->head = xcalloc(HEAD_BUCKETS, sizeof *wm->head);
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
    free(wm->head);
    free(wm->prefixes);
    free(wm);
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}


/* ---- eight bytes at a time ------------------------------------------- */

#define HEAD_BYTES 8

/* The case bit (0x20) of every byte of a folded head that is a letter
 * 'a'..'z', 0 elsewhere. A text byte t folds to such a letter c exactly
 * when t | 0x20 == c (t is c or its capital); to any other byte c
 * exactly when t == c (a capital would fold to a letter). So the text's
 * raw bytes x match head h when (x | case_bits(h)) == h: no folding of
 * the text at all. */
static uint64_t case_bits(uint64_t h)
{
    unsigned char b[HEAD_BYTES];
    memcpy(b, &h, sizeof b);
    for (size_t k = 0; k < HEAD_BYTES; k++)
        b[k] = b[k] >= 'a' && b[k] <= 'z' ? 0x20 : 0;
    uint64_t m;
    memcpy(&m, b, sizeof m);
    return m;
}

/* The integer whose first n bytes in memory are 0xff, the rest 0
 * (0 <= n <= 8): a load rather than a shift, so byte order does not
 * matter. */
static inline uint64_t head_mask(size_t n)
{
    static const unsigned char ff[2 * HEAD_BYTES] = {0xff, 0xff, 0xff, 0xff,
                                                     0xff, 0xff, 0xff, 0xff};
    uint64_t m;
    memcpy(&m, ff + HEAD_BYTES - n, sizeof m);
    return m;
}

/* The first min(len, 8) bytes of s as they are, zero past them. avail
 * bytes from s are readable (avail >= len): one load when there are
 * eight. */
static inline uint64_t head_of(const char *s, size_t len, size_t avail)
{
    uint64_t x = 0;
    size_t n = len < HEAD_BYTES ? len : HEAD_BYTES;
    if (avail >= HEAD_BYTES) {
        memcpy(&x, s, sizeof x);
        return x & head_mask(n);
    }
    unsigned char b[HEAD_BYTES] = {0};
    for (size_t k = 0; k < n; k++)
        b[k] = (unsigned char)s[k];
    memcpy(&x, b, sizeof x);
    return x;
}

/* head_of a word being added: folded. */
static uint64_t folded_head(const char *w, size_t len)
{
    unsigned char b[HEAD_BYTES] = {0};
    for (size_t k = 0; k < len && k < HEAD_BYTES; k++)
        b[k] = fold((unsigned char)w[k]);
    uint64_t x;
    memcpy(&x, b, sizeof x);
    return x;
}

/* Whether s[HEAD_BYTES..n) folds to key[HEAD_BYTES..n): the part the
 * heads leave out (nothing for n <= 8). */
static inline bool tail_eq(const char *s, const char *key, size_t n)
{
    for (size_t k = HEAD_BYTES; k < n; k++)
        if (fold((unsigned char)s[k]) != (unsigned char)key[k])
            return false;
    return true;
}

/* The bucket of a word of len bytes whose raw head (head_of) is h:
 * the case bit of every byte set, so that all cases of a word share it;
 * words that differ only past their eighth byte share it too (rare). A
 * multiply, not wordfilter_hash's three byte loads: the head is loaded
 * already. */
static inline size_t bucket_of(uint64_t h, size_t len)
{
    h = (h | 0x2020202020202020u) ^ len;
    return (size_t)((h * 0x9E3779B97F4A7C15u) >> (64 - WORD_BUCKET_BITS));
}

/* The bucket of the prefixes a word may begin with: a hash of its first
 * WORDFILTER_HEAD bytes, from its raw head h (head_of, or a folded one),
 * case bits set as in bucket_of. */
static inline size_t head_bucket(uint64_t h)
{
    h = (h & head_mask(WORDFILTER_HEAD)) | 0x2020202020202020u;
    return (size_t)((h * 0x9E3779B97F4A7C15u) >> (64 - HEAD_BUCKET_BITS));
}

/* The id of the whole word s[0..len) (1 <= len <= WORDMASK_MAX_LEN),
 * whose raw head (head_of) is h, or -1 if it was never added, in any ASCII
 * case. Inline: once per token (left to itself gcc calls it, as
 * put_word uses it too). */
__attribute__((always_inline)) static inline int
word_id(const struct wordmask *wm, const char *s, size_t len, uint64_t h)
{
    for (uint32_t e = wm->bucket[bucket_of(h, len)]; e;
         e = wm->words[e - 1].next) {
        const struct word *w = &wm->words[e - 1];
        if (w->len != len || (h | w->cases) != w->head)
            continue;
        if (len <= HEAD_BYTES || tail_eq(s, wm->keys + w->key, len))
            return (int)(e - 1);
    }
    return -1;
}

/* Append w[0..len) folded to keys[]; returns its offset. */
static uint32_t put_key(struct wordmask *wm, const char *w, size_t len)
{
    if (wm->nkeys + len > wm->capkeys)
        wm->keys = xgrow(wm->keys, &wm->capkeys, wm->nkeys + len, 1);
    uint32_t at = (uint32_t)wm->nkeys;
    for (size_t k = 0; k < len; k++)
        wm->keys[wm->nkeys++] = (char)fold((unsigned char)w[k]);
    return at;
}

/* The id of the whole word w[0..len), added if new (ids 0, 1, ...). */
static int put_word(struct wordmask *wm, const char *w, size_t len)
{
    int id = word_id(wm, w, len, head_of(w, len, len));
    if (id >= 0)
        return id;
    if (wm->nwords == wm->capwords)
        wm->words = xgrow(wm->words, &wm->capwords, wm->nwords + 1,
                          sizeof *wm->words);
    struct word *e = &wm->words[wm->nwords];
    e->head = folded_head(w, len);
    e->cases = case_bits(e->head);
    e->key = put_key(wm, w, len);
    e->len = (uint32_t)len;
    size_t b = bucket_of(e->head, len);
    e->next = wm->bucket[b];
    wm->bucket[b] = (uint32_t)++wm->nwords;
    return (int)(wm->nwords - 1);
}

/* Chain the new prefix w[0..len) (len >= WORDFILTER_HEAD), scan_map id
 * id, into its head's bucket. */
static void put_prefix(struct wordmask *wm, const char *w, size_t len,
                       uint32_t id)
{
    if (wm->nprefixes == wm->capprefixes)
        wm->prefixes = xgrow(wm->prefixes, &wm->capprefixes,
                             wm->nprefixes + 1, sizeof *wm->prefixes);
    struct prefix *p = &wm->prefixes[wm->nprefixes];
    p->head = folded_head(w, len);
    p->cases = case_bits(p->head);
    p->key = put_key(wm, w, len);
    p->len = (uint32_t)len;
    p->id = id;
    size_t b = head_bucket(p->head);
    p->next = wm->head[b];
    wm->head[b] = (uint32_t)++wm->nprefixes;
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
    if (prefix && (size_t)id == wm->nprefixes)
        put_prefix(wm, w, len, (uint32_t)id);
    return id;
}

/* wordmask_get, inline in both its callers; avail bytes from s are
 * readable (avail >= len). */
__attribute__((always_inline)) static inline uint32_t
get(const struct wordmask *wm, const char *s, size_t len, size_t avail,
    int *word)
{
    uint32_t m = 0;
    if (len == 0) {
        if (word)
            *word = -1;
        return 0;
    }
    uint64_t h = head_of(s, len, avail);
    /* a word too long to be held may still begin with a prefix */
    int id = len <= WORDMASK_MAX_LEN ? word_id(wm, s, len, h) : -1;
    if (id >= 0)
        m = wm->exact_mask[id];
    if (word)
        *word = id;
    if (len < WORDMASK_PREFIX_MIN)
        return m;
    /* every prefix the word may begin with shares its head bucket */
    for (uint32_t e = wm->head[head_bucket(h)]; e;
         e = wm->prefixes[e - 1].next) {
        const struct prefix *p = &wm->prefixes[e - 1];
        if (p->len > len)
            continue;
        /* h holds min(len, 8) >= min(p->len, 8) bytes of the word */
        size_t n = p->len < HEAD_BYTES ? p->len : HEAD_BYTES;
        if (((h | p->cases) & head_mask(n)) == p->head &&
            tail_eq(s, wm->keys + p->key, p->len))
            m |= wm->prefix_mask[p->id];
    }
    return m;
}

uint32_t wordmask_get(const struct wordmask *wm, const char *s, size_t len,
                      int *word)
{
    return get(wm, s, len, len, word);
}

uint32_t wordmask_get_tokens(const struct wordmask *wm, const char *text,
                             size_t text_size, const struct token *toks,
                             size_t a, size_t b, uint32_t *mask, int *word)
{
    uint32_t all = 0;
    for (size_t k = a; k < b; k++) {
        const struct token *t = &toks[k];
        word[k] = -1;
        mask[k] = t->kind == TOK_WORD ? get(wm, text + t->span.start,
                                            t->span.end - t->span.start,
                                            text_size - t->span.start, &word[k])
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
