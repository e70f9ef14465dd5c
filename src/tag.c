/* tag.c - people, organisations, groups, countries and places.
 *
 * The tagger works on a word list of its own (built from the text outside
 * boilerplate; sentence starts come from doc->sents when the segmenter has
 * run, from punctuation and line breaks otherwise). Several generators
 * propose candidate mentions over word ranges:
 *
 *   gazetteer   known names and aliases (countries, places, organisations,
 *               groups), looked up through one hash of folded phrases;
 *   titles      "U.S. Secretary of state John Kerry", "Mr Putin";
 *   given names "Maria Angela Holguin" (a known first name + capitals);
 *   frames      "said Lavrov", "Lavrov added";
 *   org heads   "Syrian Center for Policy Research", "the defence ministry";
 *   place cues  "the village of Fatisah", "Idlib province", "Lake Assad";
 *   patterns    PCRE2 shapes from lexicon/entity_patterns ("10th Brigade").
 *
 * Overlaps are resolved (people first, then the longest, then priority),
 * surnames seen alone are joined to the full names of the same document,
 * and the survivors become doc->mentions in text order. Capitalisation
 * alone never makes an entity: every mention needs a list or a cue.
 */
#include "claimdiff/tag.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/utf8.h"
#include "keyhash.h"
#include "scan.h"
#include "tagplain.h"

/* Longest phrase, in words, looked up in any table. */
#define MAX_PHRASE_WORDS 8
/* Longest name run ("Maria Angela de la Holguin"). */
#define MAX_NAME_WORDS 5
/* Longest "of ..." chain after a title or organisation head. */
#define MAX_TAIL_WORDS 20

/* ------------------------------------------------------------------ */
/* Growable strings and a string-keyed hash                            */

struct buf {
    char *s;
    size_t n, cap;
};

static void buf_reserve(struct buf *b, size_t n)
{
    if (b->n + n + 1 > b->cap)
        b->s = xgrow(b->s, &b->cap, b->n + n + 1, 1);
}

static void buf_put(struct buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void buf_putc(struct buf *b, char c)
{
    buf_reserve(b, 1);
    b->s[b->n++] = c;
    b->s[b->n] = '\0';
}

/* Open addressing, values ints. Every key is a table prefix letter and a
 * folded phrase; lookups pass the two apart so that no key has to be
 * assembled per query. Each slot keeps its key's hash and length, so a
 * probe that misses costs one integer compare and never a string
 * compare. The keys are copied back to back into one buffer of the map
 * (one allocation per regrowth, not one per key), which also lets
 * map_clear empty a per-document map for the next document without
 * freeing anything. */
struct map {
    size_t *offs; /* 1 + offset of the key in bytes; 0: empty slot */
    uint64_t *hashes;
    size_t *lens;
    int *vals;
    size_t cap, n;
    struct buf bytes; /* the keys */
};

/* A key as a lookup sees it: an optional one-letter table prefix (npre
 * 0 or 1) and the phrase k[0..n). */
struct mkey {
    char pre;
    size_t npre;
    const char *k;
    size_t n;
    uint64_t h; /* see mkey_of */
};

/* The phrase is hashed by keyhash_of, the prefix mixed in after. Keys
 * compare exactly; no map is iterated in slot order, so the hash decides
 * nothing in the output. */
static struct mkey mkey_of(char pre, size_t npre, const char *k, size_t n)
{
    struct mkey q = {pre, npre, k, n, 0};
    uint64_t h = keyhash_of(k, n);
    if (npre) {
        h = (h ^ (unsigned char)pre) * 0x9E3779B97F4A7C15u;
        h ^= h >> 32;
    }
    q.h = h;
    return q;
}

/* Slot of the key q, or the empty slot where it goes. */
static size_t map_find(const struct map *m, const struct mkey *q)
{
    size_t i = q->h & (m->cap - 1);
    while (m->offs[i]) {
        const char *key = m->bytes.s + m->offs[i] - 1;
        if (m->hashes[i] == q->h && m->lens[i] == q->npre + q->n &&
            (!q->npre || key[0] == q->pre) &&
            keyhash_same(key + q->npre, q->k, q->n))
            break;
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

static void map_grow(struct map *m)
{
    struct map old = *m;
    m->cap = old.cap ? old.cap * 2 : 16; /* per-document maps are small */
    m->offs = xcalloc(m->cap, sizeof *m->offs);
    m->hashes = xcalloc(m->cap, sizeof *m->hashes);
    m->lens = xcalloc(m->cap, sizeof *m->lens);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.offs[i])
            continue;
        size_t j = old.hashes[i] & (m->cap - 1);
        while (m->offs[j])
            j = (j + 1) & (m->cap - 1);
        m->offs[j] = old.offs[i];
        m->hashes[j] = old.hashes[i];
        m->lens[j] = old.lens[i];
        m->vals[j] = old.vals[i];
    }
    free(old.offs);
    free(old.hashes);
    free(old.lens);
    free(old.vals);
}

/* Insert k -> v (k[0] is the table prefix); an existing key keeps its
 * value unless replace. */
static void map_put(struct map *m, const char *k, size_t n, int v,
                    bool replace)
{
    if (2 * (m->n + 1) > m->cap)
        map_grow(m);
    struct mkey q = mkey_of(k[0], n > 0, k + (n > 0), n - (n > 0));
    size_t i = map_find(m, &q);
    if (m->offs[i]) {
        if (replace)
            m->vals[i] = v;
        return;
    }
    m->offs[i] = m->bytes.n + 1;
    buf_put(&m->bytes, k, n);
    m->hashes[i] = q.h;
    m->lens[i] = n;
    m->vals[i] = v;
    m->n++;
}

/* The value of prefix + k[0..n) into *v; false (v untouched) if absent. */
static bool map_get2(const struct map *m, char prefix, const char *k,
                     size_t n, int *v)
{
    if (!m->cap)
        return false;
    struct mkey q = mkey_of(prefix, 1, k, n);
    size_t i = map_find(m, &q);
    if (!m->offs[i])
        return false;
    *v = m->vals[i];
    return true;
}

/* The value of the whole key k[0..n) (k[0] the prefix), as map_get2. */
static bool map_get(const struct map *m, const char *k, size_t n, int *v)
{
    if (!m->cap)
        return false;
    struct mkey q = mkey_of(k[0], n > 0, k + (n > 0), n - (n > 0));
    size_t i = map_find(m, &q);
    if (!m->offs[i])
        return false;
    *v = m->vals[i];
    return true;
}

static void map_free(struct map *m)
{
    free(m->offs);
    free(m->hashes);
    free(m->lens);
    free(m->vals);
    free(m->bytes.s);
    *m = (struct map){0};
}

/* Most slots a per-document map keeps for the next document: clearing
 * costs a pass over the slots, so one document with thousands of
 * mentions does not make every later one pay for them. */
#define MAP_KEEP_SLOTS 1024

/* Empty m for reuse: no key, its buffers kept unless large. */
static void map_clear(struct map *m)
{
    if (m->cap > MAP_KEEP_SLOTS) {
        map_free(m);
        return;
    }
    if (m->n)
        memset(m->offs, 0, m->cap * sizeof *m->offs);
    m->n = 0;
    m->bytes.n = 0;
}

/* ------------------------------------------------------------------ */
/* Folding: the key two spellings of one name share                   */

/* ASCII for U+00C0..U+00FF (NULL: not a letter). */
static const char *const latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
    "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u",
    "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e",
    "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
    "o", "u", "u", "u", "u", "y", "th", "y"};

/* Base letter of U+0100..U+017F, in code point order. */
static const char latin_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof latin_ext_a == 0x80 + 1, "one letter per code point");

static bool is_upper_wide(uint32_t cp);

/* ASCII answered inline: nearly every character a document has. */
static inline bool is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return is_upper_wide(cp);
}

static bool is_upper_wide(uint32_t cp)
{
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return cp % 2 == 0;
    if (cp == 0x178)
        return true;
    if (cp >= 0x179 && cp <= 0x17E)
        return cp % 2 == 1;
    return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
           cp == '`';
}

static bool is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* Letters of s as lower-case ASCII where a Latin base exists; '-' marks a
 * hyphen, ' ' any other break; apostrophes and dots vanish ("U.S." -> us,
 * "Da'esh" -> daesh). */
static void fold_letters(const char *s, size_t n, struct buf *out)
{
    /* No character folds to more bytes than it has, so one reservation
     * covers the word and the loop writes straight into the buffer. */
    buf_reserve(out, n);
    char *o = out->s + out->n;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                *o++ = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '-')
                *o++ = (char)c;
            else if (c != '.' && c != '\'' && c != '`')
                *o++ = ' ';
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            k = 1;
        if (cp >= 0xC0 && cp <= 0xFF && latin1_fold[cp - 0xC0]) {
            for (const char *f = latin1_fold[cp - 0xC0]; *f; f++)
                *o++ = *f;
        } else if (cp >= 0x100 && cp <= 0x17F) {
            *o++ = latin_ext_a[cp - 0x100];
        } else if (is_dash(cp)) {
            *o++ = '-';
        } else if (is_apostrophe(cp)) {
            /* vanish */
        } else if (utf8_is_space(cp) || (cp >= 0x2000 && cp < 0x2070) ||
                   cp == 0xAB || cp == 0xBB) {
            *o++ = ' ';
        } else {
            memcpy(o, s + i, k); /* Cyrillic, Greek, ...: as is */
            o += k;
        }
        i += k;
    }
    out->n = (size_t)(o - out->s);
    out->s[out->n] = '\0';
}

/* Arabic articles written with a hyphen ("an-Nusra", "ad-Dawla"): the
 * assimilated forms all mean al-. */
static bool is_particle(const char *w, size_t n)
{
    static const char *const p[] = {"al", "el", "an", "ad", "as", "ash",
                                    "ar", "at", "az", "ed", "en", "er",
                                    "es", "ul", "ur", "ez"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (strlen(p[i]) == n && memcmp(p[i], w, n) == 0)
            return true;
    return false;
}

static bool starts(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

/* Transliteration and spelling variants of one lower-case word, appended
 * to out: dzh->j, kh->h, ph->f, our->or, ou->u, ee->i, initial ye->e,
 * y->i, doubled letters once, -ence->-ense, -tre->-ter. Both sides of a
 * comparison go through here, so the rules only need to be consistent. */
static void fold_word(const char *w, size_t n, struct buf *out)
{
    char tmp[256];
    size_t t = 0;
    if (n > sizeof tmp - 8) { /* no real word is this long */
        buf_put(out, w, n);
        return;
    }
    for (size_t i = 0; i < n;) {
        const char *p = w + i;
        size_t left = n - i;
        /* only d k p o e y start a rule: one switch, no string compares
         * for the other letters */
        switch (*p) {
        case 'd':
            if (starts(p, left, "dzh")) {
                tmp[t++] = 'j';
                i += 3;
                continue;
            }
            break;
        case 'k':
        case 'p':
            if (left >= 2 && p[1] == 'h') {
                tmp[t++] = *p == 'k' ? 'h' : 'f';
                i += 2;
                continue;
            }
            break;
        case 'o':
            if (starts(p, left, "our")) {
                tmp[t++] = 'o';
                tmp[t++] = 'r';
                i += 3;
                continue;
            }
            if (left >= 2 && p[1] == 'u') {
                tmp[t++] = 'u';
                i += 2;
                continue;
            }
            break;
        case 'e':
            if (left >= 2 && p[1] == 'e') {
                tmp[t++] = 'i';
                i += 2;
                continue;
            }
            break;
        case 'y':
            if (i == 0 && starts(p, left, "ye") && n > 3) {
                tmp[t++] = 'e';
                i += 2;
                continue;
            }
            break;
        default:
            break;
        }
        tmp[t++] = *p == 'y' ? 'i' : *p;
        i++;
    }
    size_t u = 0;
    for (size_t i = 0; i < t; i++)
        if (u == 0 || tmp[i] != tmp[u - 1] || (tmp[i] >= '0' && tmp[i] <= '9'))
            tmp[u++] = tmp[i];
    if (u > 5 && memcmp(tmp + u - 4, "ence", 4) == 0)
        tmp[u - 2] = 's';
    else if (u > 4 && memcmp(tmp + u - 3, "tre", 3) == 0)
        memcpy(tmp + u - 3, "ter", 3);
    buf_put(out, tmp, u);
}

/* The key of s[0..n): words folded as above, joined by one space,
 * hyphenated Arabic articles written "al". An article is kept: "the West"
 * is a name where "West" is not. */
static void fold_key(const char *s, size_t n, struct buf *out, struct buf *tmp)
{
    tmp->n = 0;
    fold_letters(s, n, tmp);
    size_t start = out->n;
    const char *p = tmp->s ? tmp->s : "";
    size_t len = tmp->n, i = 0;
    while (i < len) {
        while (i < len && (p[i] == ' ' || p[i] == '-'))
            i++;
        size_t ws = i;
        while (i < len && p[i] != ' ' && p[i] != '-')
            i++;
        size_t wn = i - ws;
        if (wn == 0)
            break;
        bool hyphen = i < len && p[i] == '-';
        if (out->n > start)
            buf_putc(out, ' ');
        if (hyphen && is_particle(p + ws, wn))
            buf_put(out, "al", 2);
        else
            fold_word(p + ws, wn, out);
    }
    if (out->n == start && !out->s)
        buf_put(out, "", 0);
}

/* Vowel runs to one 'a': "jabhat"/"jebhat", "ahmed"/"ahmad". Only used
 * for phrases of two words or more, where a collision is unlikely. */
static void skeleton(const char *key, size_t n, struct buf *out)
{
    bool vow = false;
    buf_reserve(out, n); /* never longer than key */
    char *o = out->s + out->n;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        bool v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        if (v && vow)
            continue;
        *o++ = v ? 'a' : c;
        vow = v;
    }
    out->n = (size_t)(o - out->s);
    out->s[out->n] = '\0';
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct wspan {
    const char *s;
    size_t n;
};

/* strcmp order of two words that hold no NUL */
static bool wspan_less(struct wspan a, struct wspan b)
{
    int c = memcmp(a.s, b.s, a.n < b.n ? a.n : b.n);
    return c < 0 || (c == 0 && a.n < b.n);
}

/* Words of key sorted, so inverted aliases meet ("al nusra jabhat").
 * At most MAX_PHRASE_WORDS * 3 words are kept; a key with more loses its
 * tail (no alias is that long). Phrases are a few words, so an insertion
 * sort on spans beats copying the key for qsort. */
static void bag(const char *key, size_t n, struct buf *out)
{
    struct wspan words[MAX_PHRASE_WORDS * 3];
    size_t nw = 0;
    const char *p = key, *end = key + n;
    while (p < end && *p && nw < sizeof words / sizeof *words) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        const char *we = sp ? sp : end;
        struct wspan w = {p, (size_t)(we - p)};
        size_t j = nw++;
        for (; j > 0 && wspan_less(w, words[j - 1]); j--)
            words[j] = words[j - 1];
        words[j] = w;
        if (!sp)
            break;
        p = sp + 1;
    }
    for (size_t i = 0; i < nw; i++) {
        if (i)
            buf_putc(out, ' ');
        buf_put(out, words[i].s, words[i].n);
    }
}

/* ------------------------------------------------------------------ */
/* The tagger                                                          */

struct gaz_entry {
    const char *name; /* canonical (tagger arena) */
    const char *key;  /* folded canonical */
    enum ent_type type;
};

struct pattern {
    struct rules_rx *rx;
    enum ent_type type;
};

/* Value bits of org heads. */
enum { HEAD_LOWER = 1, HEAD_GROUP = 2 };
/* Title kinds. */
enum { TITLE_ROLE = 1, TITLE_PREFIX = 2, TITLE_HONORIFIC = 3 };

/* Size of the gazetteer's word-pair filter: 2^18 bits (32 KiB) keeps
 * false hits rare for tens of thousands of pairs. */
#define GAZ_PAIR_BITS (1u << 18)

struct memo_pool;
static struct memo_pool *pool_new(void);
static void pool_free(struct memo_pool *p);

struct tagger {
    struct arena *arena;
    struct map map; /* every lookup, keyed by a one-letter table prefix */
    struct gaz_entry *gaz;
    size_t ngaz, capgaz;
    struct pattern *pats;
    size_t npats;
    /* Bit gaz_pair_bit(a, b) is set for every two words a, b (their
     * skeletons) of one multi-word alias; see gaz_pairs_may. */
    uint64_t gaz_pairs[GAZ_PAIR_BITS / 64];
    /* Longest phrase of each table in words, by its prefix (note_len):
     * every phrase match asks, so it is an index, not a map lookup. */
    size_t max_words[128];
    bool plain; /* tests only: no skips (tagplain.h) */
    /* The one part of a tagger that changes after tag_new: scratches
     * for tag_run to borrow (see struct scratch), under a mutex. */
    struct memo_pool *pool;
    /* Key buffers of add_phrase and add_alias while tag_new loads (each
     * call empties them before use), freed when it returns: thousands
     * of rows need not allocate their own. */
    struct buf lkey, ltmp, lkb, lsk, lbg;
};

/* Table prefixes in t->map. */
#define K_GAZ 'g'      /* folded alias -> entry */
#define K_GAZCAPS 'G'  /* alias in capitals (NATO): text must be too */
#define K_GAZSKEL 's'  /* skeleton of a multi-word alias -> entry */
#define K_GAZBAG 'b'   /* sorted skeleton words -> entry */
#define K_GAZWORD 'w'  /* skeleton of any alias word -> 1 */
#define K_TITLE 'T'    /* title phrase -> kind */
#define K_HEAD 'H'     /* organisation head -> HEAD_* bits */
#define K_ORGWORD 'O'  /* lower-case organisation vocabulary */
#define K_CUEPRE 'B'   /* place cue before the name -> 1 + include */
#define K_CUEPOST 'A'  /* place cue after the name -> 1 + include */
#define K_FRAMEPRE 'F' /* person frame before the name */
#define K_FRAMEPOST 'f'
#define K_GIVEN 'N'   /* given name */
#define K_NOTNAME 'X' /* never a name on its own */
#define K_DEMONYM 'D' /* demonym -> gazetteer entry of its country, or -1 */
#define K_FIRST '^'   /* "^" + table prefix + first word: a phrase of that
                         table may start here (saves folding phrases) */

/* Per-word summary: for the tables of info_bit, whether a word starts
 * one of their phrases and whether it is a one-word entry. One lookup per
 * word of a document then answers most questions the generators ask. */
#define K_WORDINFO '#'
#define INFO_FIRST_BITS 0x555555 /* even bits: starts a phrase */
#define INFO_WHOLE_BITS 0xAAAAAA /* odd bits: is an entry */

/* K_WORDINFO bit of the name particles' keys ("bin", "al", "van", see
 * name_particles): above the tables' 24 bits, exact (not a filter). */
#define INFO_PARTICLE (1 << 24)

/* Lower-case words that join the parts of a person's name. */
static const char *const name_particles[] = {
    "bin", "ibn", "al", "el", "van", "von", "der", "de", "del",
    "della", "da", "di", "dos", "du", "la", "le", "abu", "ben"};

/* The K_WORDINFO bit of table prefix (0: the table has none). At most 12
 * tables: two bits each in 24 bits. A switch rather than a table search:
 * callers pass constants, so this folds to one. */
static inline int info_bit(char prefix, bool whole)
{
    int i;
    switch (prefix) {
    case K_TITLE: i = 0; break;
    case K_HEAD: i = 1; break;
    case K_CUEPRE: i = 2; break;
    case K_CUEPOST: i = 3; break;
    case K_FRAMEPRE: i = 4; break;
    case K_FRAMEPOST: i = 5; break;
    case K_GIVEN: i = 6; break;
    case K_NOTNAME: i = 7; break;
    case K_ORGWORD: i = 8; break;
    case K_DEMONYM: i = 9; break;
    case K_GAZ: i = 10; break;
    case K_GAZCAPS: i = 11; break;
    default: return 0;
    }
    return 1 << (2 * i + whole);
}

static bool lookup(const struct tagger *t, char prefix, const char *s,
                   size_t n, int *v, struct buf *kb)
{
    (void)kb;
    return map_get2(&t->map, prefix, s, n, v);
}

static void put_key(struct tagger *t, char prefix, const char *key, size_t n,
                    int v, struct buf *kb, bool replace)
{
    kb->n = 0;
    buf_putc(kb, prefix);
    buf_put(kb, key, n);
    map_put(&t->map, kb->s, kb->n, v, replace);
}

static size_t count_words(const char *key)
{
    size_t n = *key ? 1 : 0;
    for (; *key; key++)
        n += *key == ' ';
    return n;
}

/* Remember the longest phrase of a table for the matchers' loops.
 * Table prefixes are ASCII (the K_ defines). */
static void note_len(struct tagger *t, char prefix, size_t words)
{
    size_t *m = &t->max_words[(unsigned char)prefix & 127];
    if (words > *m)
        *m = words;
}

static size_t max_len(const struct tagger *t, char prefix)
{
    size_t v = t->max_words[(unsigned char)prefix & 127];
    return v < MAX_PHRASE_WORDS ? v : MAX_PHRASE_WORDS;
}

static void or_info(struct tagger *t, const char *k, size_t n, int bits,
                    struct buf *kb)
{
    int old = 0;
    kb->n = 0;
    buf_putc(kb, K_WORDINFO);
    buf_put(kb, k, n);
    map_get(&t->map, kb->s, kb->n, &old);
    map_put(&t->map, kb->s, kb->n, old | bits, true);
}

/* Note in the word summary that key (folded) is in table prefix: its
 * first word starts a phrase of it, and key itself, when it is one word
 * of the text (which may fold to several: "al-Qaeda" -> "al qaeda"), is
 * an entry. */
static void mark_words(struct tagger *t, char prefix, const char *key,
                       struct buf *kb)
{
    if (!info_bit(prefix, false))
        return;
    or_info(t, key, strcspn(key, " "), info_bit(prefix, false), kb);
    or_info(t, key, strlen(key), info_bit(prefix, true), kb);
}

/* Add phrase (any spelling) to table prefix with value v. */
static void add_phrase(struct tagger *t, char prefix, const char *phrase,
                       int v, bool replace)
{
    struct buf *key = &t->lkey, *tmp = &t->ltmp, *kb = &t->lkb;
    key->n = 0;
    fold_key(phrase, strlen(phrase), key, tmp);
    if (key->n) {
        char first[2] = {K_FIRST, prefix};
        put_key(t, prefix, key->s, key->n, v, kb, replace);
        note_len(t, prefix, count_words(key->s));
        tmp->n = 0;
        buf_put(tmp, first, 2);
        buf_put(tmp, key->s, strcspn(key->s, " "));
        map_put(&t->map, tmp->s, tmp->n, 1, false);
        mark_words(t, prefix, key->s, kb);
    }
}

static bool all_caps(const char *s)
{
    size_t letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return false;
        letters += *s >= 'A' && *s <= 'Z';
    }
    return letters >= 2;
}

/* The hash of one word of a skeleton, for the pair filter. */
static uint32_t skel_hash(const char *s, size_t n)
{
    return (uint32_t)scan_hash(s, n);
}

/* Bit of the unordered pair of skeleton words with hashes a and b. */
static uint32_t gaz_pair_bit(uint32_t a, uint32_t b)
{
    uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
    uint32_t h = lo * 0x9E3779B1u ^ (hi + 0x7F4A7C15u) * 0x85EBCA6Bu;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return h % GAZ_PAIR_BITS;
}

/* Record every two words (at two positions) of the skeleton sk[0..n) of
 * a multi-word alias. */
static void note_pairs(struct tagger *t, const char *sk, size_t n)
{
    uint32_t *h = NULL;
    size_t nh = 0, caph = 0;
    const char *p = sk, *end = sk + n;
    for (;;) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        const char *we = sp ? sp : end;
        if (nh == caph)
            h = xgrow(h, &caph, nh + 1, sizeof *h);
        h[nh++] = skel_hash(p, (size_t)(we - p));
        if (!sp)
            break;
        p = sp + 1;
    }
    for (size_t a = 0; a < nh; a++)
        for (size_t b = a + 1; b < nh; b++) {
            uint32_t bit = gaz_pair_bit(h[a], h[b]);
            t->gaz_pairs[bit / 64] |= (uint64_t)1 << (bit % 64);
        }
    free(h);
}

static void add_alias(struct tagger *t, const char *alias, int entry)
{
    struct buf *key = &t->lkey, *tmp = &t->ltmp, *kb = &t->lkb;
    struct buf *sk = &t->lsk, *bg = &t->lbg;
    key->n = sk->n = bg->n = 0;
    fold_key(alias, strlen(alias), key, tmp);
    if (!key->n)
        return;
    size_t words = count_words(key->s);
    put_key(t, all_caps(alias) ? K_GAZCAPS : K_GAZ, key->s, key->n, entry,
            kb, false);
    mark_words(t, all_caps(alias) ? K_GAZCAPS : K_GAZ, key->s, kb);
    note_len(t, K_GAZ, words);
    skeleton(key->s, key->n, sk);
    if (words >= 2) {
        note_pairs(t, sk->s, sk->n);
        put_key(t, K_GAZSKEL, sk->s, sk->n, entry, kb, false);
        bag(sk->s, sk->n, bg);
        put_key(t, K_GAZBAG, bg->s, bg->n, entry, kb, false);
    }
    /* every word of the alias, for the cheap "could a phrase start or go
     * on here" test */
    for (char *p = sk->s; p && *p;) {
        char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        put_key(t, K_GAZWORD, p, n, 1, kb, false);
        p = sp ? sp + 1 : NULL;
    }
}

static enum ent_type gaz_type(const char *type)
{
    if (strcmp(type, "country") == 0)
        return ENT_COUNTRY;
    if (strcmp(type, "organization") == 0 || strcmp(type, "outlet") == 0)
        return ENT_ORGANIZATION;
    if (strcmp(type, "group") == 0)
        return ENT_GROUP;
    if (strcmp(type, "person") == 0)
        return ENT_PERSON;
    return ENT_PLACE; /* city, region, province, sea, ... */
}

static enum cd_err load_gazetteer(struct tagger *t, const struct rules *r,
                                  const char *name, struct diag *d)
{
    const struct rule_table *tab = rules_get(r, name);
    enum cd_err err = rules_check_fields(tab, 4, 4, d);
    if (err)
        return err;
    for (size_t i = 0; i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        const char *aliases = row->fields[3];
        if (strstr(aliases, "||") || aliases[0] == '|' ||
            (*aliases && aliases[strlen(aliases) - 1] == '|'))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "empty alias in '%s'", aliases);
        if (t->ngaz == t->capgaz)
            t->gaz = xgrow(t->gaz, &t->capgaz, t->ngaz + 1, sizeof *t->gaz);
        struct gaz_entry *e = &t->gaz[t->ngaz];
        struct buf key = {0}, tmp = {0};
        fold_key(row->fields[0], strlen(row->fields[0]), &key, &tmp);
        e->name = arena_strdup(t->arena, row->fields[0]);
        e->key = arena_strdup(t->arena, key.s ? key.s : "");
        e->type = gaz_type(row->fields[1]);
        free(key.s);
        free(tmp.s);
        int idx = (int)t->ngaz++;
        add_alias(t, row->fields[0], idx);
        if (strcmp(aliases, "-") == 0)
            continue;
        char *copy = xstrdup(aliases);
        for (char *p = copy; p;) {
            char *bar = strchr(p, '|');
            if (bar)
                *bar = '\0';
            add_alias(t, p, idx);
            p = bar ? bar + 1 : NULL;
        }
        free(copy);
    }
    return CD_OK;
}

/* A one- or two-column lexicon: every first field into table prefix. */
static enum cd_err load_list(struct tagger *t, const struct rules *r,
                             const char *name, char prefix, struct diag *d)
{
    const struct rule_table *tab = rules_get(r, name);
    enum cd_err err = rules_check_fields(tab, 1, 0, d);
    if (err)
        return err;
    for (size_t i = 0; i < tab->nrows; i++)
        add_phrase(t, prefix, tab->rows[i].fields[0], 1, false);
    return CD_OK;
}

static enum cd_err bad_value(const struct rule_row *row, size_t field,
                             const char *want, struct diag *d)
{
    return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                    "field %zu is '%s'; expected %s", field + 1,
                    row->fields[field], want);
}

static enum cd_err load_titles(struct tagger *t, const struct rules *r,
                               struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/titles");
    enum cd_err err = rules_check_fields(tab, 2, 2, d);
    for (size_t i = 0; !err && i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        const char *k = row->fields[1];
        int v = strcmp(k, "title") == 0       ? TITLE_ROLE
                : strcmp(k, "prefix") == 0    ? TITLE_PREFIX
                : strcmp(k, "honorific") == 0 ? TITLE_HONORIFIC
                                              : 0;
        if (!v)
            return bad_value(row, 1, "title, prefix or honorific", d);
        add_phrase(t, K_TITLE, row->fields[0], v, false);
    }
    return err;
}

static enum cd_err load_heads(struct tagger *t, const struct rules *r,
                              struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/org_heads");
    enum cd_err err = rules_check_fields(tab, 3, 3, d);
    for (size_t i = 0; !err && i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        int v = 0;
        if (strcmp(row->fields[1], "yes") == 0)
            v |= HEAD_LOWER;
        else if (strcmp(row->fields[1], "no") != 0)
            return bad_value(row, 1, "yes or no", d);
        if (strcmp(row->fields[2], "group") == 0)
            v |= HEAD_GROUP;
        else if (strcmp(row->fields[2], "organization") != 0)
            return bad_value(row, 2, "organization or group", d);
        add_phrase(t, K_HEAD, row->fields[0], v, true);
    }
    return err;
}

static enum cd_err load_cues(struct tagger *t, const struct rules *r,
                             struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/place_cues");
    enum cd_err err = rules_check_fields(tab, 4, 4, d);
    for (size_t i = 0; !err && i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        bool before = strcmp(row->fields[1], "before") == 0;
        if (!before && strcmp(row->fields[1], "after") != 0)
            return bad_value(row, 1, "before or after", d);
        bool incl = strcmp(row->fields[2], "include") == 0;
        if (!incl && strcmp(row->fields[2], "exclude") != 0)
            return bad_value(row, 2, "include or exclude", d);
        int v = 1 + incl + 2 * (gaz_type(row->fields[3]) == ENT_COUNTRY);
        add_phrase(t, before ? K_CUEPRE : K_CUEPOST, row->fields[0], v, false);
    }
    return err;
}

static enum cd_err load_frames(struct tagger *t, const struct rules *r,
                               struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/person_frames");
    enum cd_err err = rules_check_fields(tab, 2, 2, d);
    for (size_t i = 0; !err && i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        bool before = strcmp(row->fields[1], "before") == 0;
        if (!before && strcmp(row->fields[1], "after") != 0)
            return bad_value(row, 1, "before or after", d);
        add_phrase(t, before ? K_FRAMEPRE : K_FRAMEPOST, row->fields[0], 1,
                   false);
    }
    return err;
}

static enum cd_err load_demonyms(struct tagger *t, const struct rules *r,
                                 struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/demonyms");
    enum cd_err err = rules_check_fields(tab, 2, 2, d);
    struct buf kb = {0}, key = {0}, tmp = {0};
    for (size_t i = 0; !err && i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        int country = -1;
        if (strcmp(row->fields[1], "-") != 0) {
            key.n = 0;
            fold_key(row->fields[1], strlen(row->fields[1]), &key, &tmp);
            if (!lookup(t, K_GAZ, key.s, key.n, &country, &kb) ||
                t->gaz[country].type != ENT_COUNTRY) {
                err = bad_value(row, 1, "a country of gazetteer/countries",
                                d);
                break;
            }
        }
        add_phrase(t, K_DEMONYM, row->fields[0], country, false);
        char *plural = arena_printf(t->arena, "%ss", row->fields[0]);
        add_phrase(t, K_DEMONYM, plural, country, false);
    }
    free(kb.s);
    free(key.s);
    free(tmp.s);
    return err;
}

static enum cd_err load_patterns(struct tagger *t, const struct rules *r,
                                 struct diag *d)
{
    const struct rule_table *tab = rules_get(r, "lexicon/entity_patterns");
    enum cd_err err = rules_check_fields(tab, 2, 2, d);
    if (err)
        return err;
    t->pats = xcalloc(tab->nrows + 1, sizeof *t->pats);
    for (size_t i = 0; i < tab->nrows; i++) {
        const struct rule_row *row = &tab->rows[i];
        static const char *const names[ENT_NTYPES] = {
            "person", "organization", "group", "country", "place"};
        size_t ty = 0;
        while (ty < ENT_NTYPES && strcmp(names[ty], row->fields[0]) != 0)
            ty++;
        if (ty == ENT_NTYPES)
            return bad_value(row, 0, "an entity type", d);
        struct pattern *p = &t->pats[t->npats];
        err = rules_rx_new(row->fields[1], 0, row, &p->rx, d);
        if (err)
            return err;
        p->type = (enum ent_type)ty;
        t->npats++;
    }
    return CD_OK;
}

/* Gazetteer tables read, in priority order: an alias already taken keeps
 * its first entry. "gazetteer/persons" and "gazetteer/local" are empty
 * by default and exist for --rules directories. */
static const char *const gazetteers[] = {
    "gazetteer/countries", "gazetteer/places", "gazetteer/organizations",
    "gazetteer/groups", "gazetteer/persons", "gazetteer/local"};

enum cd_err tag_new(const struct rules *r, struct tagger **out,
                    struct diag *d)
{
    struct tagger *t = xcalloc(1, sizeof *t);
    t->arena = arena_new();
    t->pool = pool_new();
    enum cd_err err = CD_OK;
    *out = NULL;
    for (size_t i = 0; !err && i < sizeof gazetteers / sizeof *gazetteers;
         i++)
        err = load_gazetteer(t, r, gazetteers[i], d);
    if (!err)
        err = load_titles(t, r, d);
    if (!err)
        err = load_heads(t, r, d);
    if (!err)
        err = load_cues(t, r, d);
    if (!err)
        err = load_frames(t, r, d);
    if (!err)
        err = load_demonyms(t, r, d);
    if (!err)
        err = load_list(t, r, "lexicon/given_names", K_GIVEN, d);
    if (!err)
        err = load_list(t, r, "lexicon/org_words", K_ORGWORD, d);
    if (!err)
        err = load_list(t, r, "lexicon/not_names", K_NOTNAME, d);
    if (!err)
        err = load_list(t, r, "lexicon/sentence_starters", K_NOTNAME, d);
    if (!err)
        err = load_list(t, r, "lexicon/months", K_NOTNAME, d);
    if (!err)
        err = load_list(t, r, "lexicon/weekdays", K_NOTNAME, d);
    if (!err)
        err = load_patterns(t, r, d);
    for (size_t i = 0; i < sizeof name_particles / sizeof *name_particles; i++)
        or_info(t, name_particles[i], strlen(name_particles[i]),
                INFO_PARTICLE, &t->lkb);
    struct buf *loadbufs[] = {&t->lkey, &t->ltmp, &t->lkb, &t->lsk, &t->lbg};
    for (size_t i = 0; i < sizeof loadbufs / sizeof *loadbufs; i++) {
        free(loadbufs[i]->s);
        *loadbufs[i] = (struct buf){0};
    }
    if (err) {
        tag_free(t);
        return err;
    }
    *out = t;
    return CD_OK;
}

void tag_free(struct tagger *t)
{
    if (!t)
        return;
    map_free(&t->map);
    pool_free(t->pool);
    for (size_t i = 0; i < t->npats; i++)
        rules_rx_free(t->pats[i].rx);
    free(t->pats);
    free(t->gaz);
    arena_free(t->arena);
    free(t);
}

void tag_set_plain(struct tagger *t, bool plain)
{
    t->plain = plain;
}

const char *tag_type_name(enum ent_type t)
{
    static const char *const names[ENT_NTYPES] = {
        "person", "organization", "group", "country", "place"};
    return (unsigned)t < ENT_NTYPES ? names[t] : "unknown";
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

enum word_flag {
    W_CAP = 1 << 0,     /* starts with a capital (or al-Capital) */
    W_ALLCAPS = 1 << 1, /* two or more letters, all capitals */
    W_START = 1 << 2,   /* first of a sentence or in a headline: its
                           capital is no evidence */
    W_PUNCT = 1 << 3,   /* one punctuation character */
    W_POSS = 1 << 4,    /* followed by 's, which is not part of it */
    W_NL = 1 << 5,      /* a line break comes before it */
    W_INITIAL = 1 << 6, /* "J." */
    W_USED = 1 << 7,    /* covered by an accepted mention */
};

/* 32 bytes (a power of two: indexing is a shift), written once per word and read by every generator: the
 * array is the tagger's largest. Offsets fit 32 bits because a document
 * has at most CD_MAX_DOC_BYTES (load.h, 1 GiB) and a word's key is never
 * longer than its bytes (fold_letters, fold_word), so work.folds never
 * holds more than the document's length either. */
struct word {
    uint32_t start, end;  /* its bytes in the document text */
    uint32_t fold, nfold; /* its key in work.folds (see fold_of) */
    uint32_t skh;         /* if one: skel_hash of its key's skeleton */
    int info;             /* K_WORDINFO bits of its key */
    unsigned flags;       /* enum word_flag */
    bool gazword;         /* may be part of a gazetteer alias */
    bool one;             /* its key is one word (no space, not empty) */
    bool cached;          /* fold is in the word cache's bytes instead */
};
_Static_assert(sizeof(struct word) == 32, "struct word stays 32 bytes");

struct cand {
    size_t w0, w1; /* words [w0, w1) */
    size_t r0, r1; /* role words, r0 == r1 for none */
    enum ent_type type;
    int prio;
    size_t len; /* words that count for overlaps (see cand_len) */
    int gaz;    /* gazetteer entry or -1 */
    bool name; /* a person with given name and surname */
};

enum {
    PRIO_FRAME = 1,
    PRIO_PATTERN = 2,
    PRIO_ORG = 3,
    PRIO_CUE = 4,
    PRIO_GAZ = 5,
    PRIO_GIVEN = 6,
    PRIO_TITLE = 7,
};

/* ------------------------------------------------------------------ */
/* The word cache                                                      */

/* What add_word derives from a word depends on its bytes alone, and
 * words repeat, within a document ("the", "said", its names) and across
 * the documents of a run. A cache maps a word's bytes to its fold, word
 * summary and gazetteer-word bit; tag_run borrows one from the tagger's
 * pool for each document, so each thread keeps one warm without locking
 * per word. A hit gives exactly what deriving gives, so output never
 * depends on what is cached. */

/* Most words one cache keeps (about 2 MB); later new words are derived
 * every time. */
#define MEMO_MAX_WORDS 32768
/* Longest word cached, in bytes. */
#define MEMO_MAX_LEN 255

struct memo_slot {
    uint32_t h;           /* low bits of keyhash_of of the bytes */
    uint32_t key, fold;   /* offsets in memo.bytes */
    uint16_t nkey, nfold; /* nkey 0: empty slot */
    int info;
    bool gazword, one;
    uint32_t skh;
};

struct memo {
    struct memo_slot *slots; /* open addressing, at most half full */
    size_t cap, n;
    struct buf bytes; /* keys and folds */
};

/* Everything tag_run uses per document but the document: the word
 * cache, the word and candidate arrays, key buffers, the pattern
 * scratch and the maps of the per-document passes. A tagger keeps a
 * pool of them; tag_run borrows one per document and gives it back
 * emptied but with its buffers kept, so a thread's documents reuse the
 * same memory instead of allocating and freeing it per document (and
 * per map key). Each pass empties what it uses before use, so nothing
 * a document leaves in a scratch reaches the next one. */
struct scratch {
    struct memo memo;
    struct word *w;
    size_t capw;
    struct cand *c;
    size_t capc;
    size_t *starts;
    size_t capstarts;
    struct buf folds, key, tmp, kb, aux, sk;
    struct rules_rx_scratch *rx;
    struct map surnames, orgs, quals, first, last, locals;
};

/* Largest array (in bytes) a scratch keeps after a document: a rare
 * huge document's arrays are freed rather than held for the rest of the
 * run. */
#define SCRATCH_KEEP_BYTES ((size_t)8 << 20)

struct memo_pool {
    pthread_mutex_t lock;
    struct scratch **v; /* scratches not in use */
    size_t n, cap;
};

static struct memo_pool *pool_new(void)
{
    struct memo_pool *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->lock, NULL);
    return p;
}

static void scratch_free(struct scratch *sc)
{
    free(sc->memo.slots);
    free(sc->memo.bytes.s);
    free(sc->w);
    free(sc->c);
    free(sc->starts);
    free(sc->folds.s);
    free(sc->key.s);
    free(sc->tmp.s);
    free(sc->kb.s);
    free(sc->aux.s);
    free(sc->sk.s);
    rules_rx_scratch_free(sc->rx);
    map_free(&sc->surnames);
    map_free(&sc->orgs);
    map_free(&sc->quals);
    map_free(&sc->first);
    map_free(&sc->last);
    map_free(&sc->locals);
    free(sc);
}

static void pool_free(struct memo_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        scratch_free(p->v[i]);
    free(p->v);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

/* A scratch from the pool, or a new empty one. */
static struct scratch *scratch_take(struct memo_pool *p)
{
    struct scratch *sc = NULL;
    pthread_mutex_lock(&p->lock);
    if (p->n)
        sc = p->v[--p->n];
    pthread_mutex_unlock(&p->lock);
    if (!sc) {
        sc = xcalloc(1, sizeof *sc);
        sc->rx = rules_rx_scratch_new();
    }
    return sc;
}

/* Free the array p of cap elements if it holds more than
 * SCRATCH_KEEP_BYTES. */
#define TRIM(p, cap)                                                       \
    do {                                                                   \
        if ((cap) > SCRATCH_KEEP_BYTES / sizeof *(p)) {                    \
            free(p);                                                       \
            (p) = NULL;                                                    \
            (cap) = 0;                                                     \
        }                                                                  \
    } while (0)

/* Give sc back, its arrays emptied by the next user (see struct
 * scratch) and trimmed here. */
static void scratch_give(struct memo_pool *p, struct scratch *sc)
{
    TRIM(sc->w, sc->capw);
    TRIM(sc->c, sc->capc);
    TRIM(sc->starts, sc->capstarts);
    struct buf *bufs[] = {&sc->folds, &sc->key, &sc->tmp,
                          &sc->kb,    &sc->aux, &sc->sk};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) {
        if (bufs[i]->cap > SCRATCH_KEEP_BYTES) {
            free(bufs[i]->s);
            *bufs[i] = (struct buf){0};
        }
        bufs[i]->n = 0;
    }
    pthread_mutex_lock(&p->lock);
    if (p->n == p->cap)
        p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
    p->v[p->n++] = sc;
    pthread_mutex_unlock(&p->lock);
}

/* The slot holding the bytes s[0..n), or the empty one where they go. */
static struct memo_slot *memo_slot(const struct memo *m, const char *s,
                                   size_t n, uint32_t h)
{
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        struct memo_slot *sl = &m->slots[i];
        if (!sl->nkey || (sl->h == h && sl->nkey == n &&
                          keyhash_same(m->bytes.s + sl->key, s, n)))
            return sl;
    }
}

static void memo_grow(struct memo *m)
{
    struct memo_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap = oldcap ? oldcap * 2 : 1024;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].nkey)
            continue;
        size_t j = old[i].h & (m->cap - 1);
        while (m->slots[j].nkey)
            j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    free(old);
}

struct work {
    const struct tagger *t;
    struct doc *doc;
    struct word *w;
    size_t nw, capw;
    struct scratch *sc; /* borrowed from the tagger's pool */
    struct memo *memo;  /* &sc->memo */
    struct cand *c;
    size_t nc, capc;
    struct buf folds; /* word keys, back to back */
    size_t *starts;   /* words a generator may start at (find_starts) */
    size_t nstarts, capstarts;
    struct buf key, tmp, kb, aux;
};

/* The folded key of word w. A word found in the word cache keeps its key
 * where the cache holds it rather than a copy; the cache may grow (and
 * move) while the document is read, so the pointer is made afresh at
 * each use and not kept across add_word. */
static inline const char *fold_of(const struct work *wk, const struct word *w)
{
    /* Where every word so far was found in the cache, folds holds
     * nothing and has no buffer yet: no offset from NULL (fuzz_pipeline,
     * tests/fuzz/regress/tag-all-cached). */
    const char *base = w->cached ? wk->memo->bytes.s : wk->folds.s;
    return base ? base + w->fold : "";
}

static bool is_word_wide(uint32_t cp);

static inline bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    return is_word_wide(cp);
}

static bool is_word_wide(uint32_t cp)
{
    if (utf8_is_space(cp) || is_dash(cp) || is_apostrophe(cp))
        return false;
    if (cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0xA9 || cp == 0xAE ||
        cp == 0xB0 || cp == 0xD7 || cp == 0xA0)
        return false;
    return !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xFFFD;
}

static uint32_t cp_at(const struct doc *doc, size_t i, size_t end, size_t *k)
{
    uint32_t cp;
    *k = utf8_decode(doc->text + i, end - i, &cp);
    if (*k == 0)
        *k = 1;
    return cp;
}

/* Is every word of the folded word key f (al-Nusra -> "al nusra") in
 * some gazetteer alias, by skeleton? */
static bool gaz_word_key(struct work *wk, const char *f, size_t n)
{
    wk->aux.n = 0;
    skeleton(f, n, &wk->aux);
    const char *p = wk->aux.s, *end = wk->aux.s + wk->aux.n;
    while (p < end) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        size_t k = sp ? (size_t)(sp - p) : (size_t)(end - p);
        int v;
        if (!lookup(wk->t, K_GAZWORD, p, k, &v, &wk->kb))
            return false;
        if (!sp)
            break;
        p = sp + 1;
    }
    return wk->aux.n > 0;
}

/* Fold, summary bits and gazetteer-word bit of word w from its bytes. */
static void derive_word(struct work *wk, struct word *w)
{
    fold_key(wk->doc->text + w->start, w->end - w->start, &wk->folds,
             &wk->tmp);
    w->nfold = (uint32_t)(wk->folds.n - w->fold);
    if (w->nfold == 0)
        return;
    /* "first word" bits live under the first folded token, "entry" bits
     * under the whole fold */
    const char *f = wk->folds.s + w->fold;
    const char *sp = memchr(f, ' ', w->nfold);
    int whole = 0, first = 0;
    lookup(wk->t, K_WORDINFO, f, w->nfold, &whole, &wk->kb);
    if (sp)
        lookup(wk->t, K_WORDINFO, f, (size_t)(sp - f), &first, &wk->kb);
    else
        first = whole;
    w->info = (whole & (INFO_WHOLE_BITS | INFO_PARTICLE)) |
              (first & INFO_FIRST_BITS);
    w->gazword = gaz_word_key(wk, wk->folds.s + w->fold, w->nfold);
    /* gaz_word_key left the key's skeleton in wk->aux */
    w->one = !sp;
    w->skh = w->one ? skel_hash(wk->aux.s, wk->aux.n) : 0;
}

/* Add the word text[s, e); everything but punctuation is derived from its
 * bytes, through the word cache. */
static void add_word(struct work *wk, size_t s, size_t e, unsigned flags)
{
    if (wk->nw == wk->capw)
        wk->w = xgrow(wk->w, &wk->capw, wk->nw + 1, sizeof *wk->w);
    struct word *w = &wk->w[wk->nw++];
    struct memo *m = wk->memo;
    const char *b = wk->doc->text + s;
    size_t n = e - s;
    *w = (struct word){.start = (uint32_t)s, .end = (uint32_t)e,
                       .flags = flags,
                       .fold = (uint32_t)wk->folds.n};
    if (flags & W_PUNCT)
        return;
    if (n > MEMO_MAX_LEN) {
        derive_word(wk, w);
        return;
    }
    if (2 * (m->n + 1) > m->cap && m->n < MEMO_MAX_WORDS)
        memo_grow(m);
    uint32_t h = (uint32_t)keyhash_of(b, n);
    struct memo_slot *sl = memo_slot(m, b, n, h);
    if (sl->nkey) {
        w->fold = sl->fold;
        w->cached = true;
        w->nfold = sl->nfold;
        w->info = sl->info;
        w->gazword = sl->gazword;
        w->one = sl->one;
        w->skh = sl->skh;
        return;
    }
    derive_word(wk, w);
    if (m->n >= MEMO_MAX_WORDS || w->nfold > UINT16_MAX ||
        m->bytes.n + n + w->nfold >= UINT32_MAX)
        return; /* full: derived every time from now on */
    sl->h = h;
    sl->key = (uint32_t)m->bytes.n;
    buf_put(&m->bytes, b, n);
    sl->fold = (uint32_t)m->bytes.n;
    buf_put(&m->bytes, wk->folds.s + w->fold, w->nfold);
    sl->nkey = (uint16_t)n;
    sl->nfold = (uint16_t)w->nfold;
    sl->info = w->info;
    sl->gazword = w->gazword;
    sl->one = w->one;
    sl->skh = w->skh;
    m->n++;
}

/* Flags of the word text[s, e) from its letters; letters and upper
 * count its letters (word characters but digits) and the capitals among
 * them, as word_end found them. */
static unsigned word_shape(const struct doc *doc, size_t s, size_t e,
                           size_t letters, size_t upper, size_t first_dash)
{
    size_t k;
    uint32_t cp = cp_at(doc, s, e, &k);
    unsigned f = 0;
    if (is_upper_cp(cp))
        f |= W_CAP;
    /* only a lower-case start can be an article ("al-"), of at most
     * three bytes: only the first four bytes can hold its dash */
    const char *dash = NULL;
    if (!f && first_dash < 4 && first_dash < e - s)
        dash = doc->text + s + first_dash;
    if (!f && dash && dash - (doc->text + s) <= 3 && dash + 1 < doc->text + e) {
        uint32_t c2;
        size_t k2;
        c2 = cp_at(doc, (size_t)(dash + 1 - doc->text), e, &k2);
        if (is_upper_cp(c2) &&
            is_particle(doc->text + s, (size_t)(dash - (doc->text + s))))
            f |= W_CAP; /* al-Assad */
    }
    if (letters >= 2 && upper == letters)
        f |= W_ALLCAPS;
    if (e - s == 2 && doc->text[e - 1] == '.' && (f & W_CAP))
        f |= W_INITIAL;
    return f;
}

/* End of the word starting at s: letters with inner hyphens and
 * apostrophes, and the dots of "U.S." and "J.". Counts into *nletters and
 * *nupper the letters (word characters but digits) it passes and the
 * capitals among them, and sets *first_dash to the offset from s of its
 * first '-' byte (SIZE_MAX: none), for word_shape. Every '-' byte inside
 * a word is one the hyphen rule below joined: letters are never '-', and
 * the bytes of a multibyte character are all >= 0x80. */
static size_t word_end(const struct doc *doc, size_t s, size_t end,
                       size_t *nletters, size_t *nupper, size_t *first_dash)
{
    size_t i = s, k;
    size_t letters = 0;
    bool dotted = false, has_upper = false;
    /* Counted in locals: stores through the out-parameters could alias
     * doc->text as far as the compiler knows, forcing a reload per byte. */
    const unsigned char *t = (const unsigned char *)doc->text;
    size_t all = 0, up_n = 0, dash_at = SIZE_MAX;
    while (i < end) {
        /* the ASCII letters and digits of a run, the common case */
        size_t i0 = i, u0 = up_n;
        while (i < end) {
            unsigned char c = t[i];
            if (c >= 'a' && c <= 'z') {
                all++;
            } else if (c >= 'A' && c <= 'Z') {
                all++;
                up_n++;
            } else if (!(c >= '0' && c <= '9')) {
                break;
            }
            i++;
        }
        letters += i - i0;
        has_upper = has_upper || up_n > u0;
        if (i >= end)
            break;
        /* ASCII other than the joiners below ends the word: decided
         * without decoding its neighbour, at nearly every word's end */
        if (t[i] < 0x80 && t[i] != '-' && t[i] != '.' && t[i] != '\'' &&
            t[i] != '`')
            break;
        uint32_t cp = cp_at(doc, i, end, &k);
        if (is_word_cp(cp)) { /* past ASCII: never a digit */
            bool wide_up = is_upper_cp(cp);
            has_upper = has_upper || wide_up;
            all++;
            up_n += wide_up;
            i += k;
            letters++;
            continue;
        }
        size_t k2 = 0;
        uint32_t next = i + k < end ? cp_at(doc, i + k, end, &k2) : 0;
        bool next_word = i + k < end && is_word_cp(next);
        if (is_dash(cp) && has_upper && next >= 'a' && next <= 'z')
            break; /* "Russia-backed", "al-Qaeda-affiliated": the name ends */
        if ((is_dash(cp) && cp != 0x2014 && cp != 0x2013 && next_word) ||
            (is_apostrophe(cp) && next_word && letters > 0)) {
            if (cp == '-' && dash_at == SIZE_MAX)
                dash_at = i - s;
            i += k;
            continue;
        }
        if (cp == '.' && (letters == 1 || dotted) &&
            is_upper_cp((unsigned char)doc->text[i - 1])) {
            /* "U.S.", "J." - one letter then a dot */
            i += 1;
            letters = 0;
            dotted = true;
            if (!(next_word && i < end)) break;
            continue;
        }
        break;
    }
    *nletters = all;
    *nupper = up_n;
    *first_dash = dash_at;
    return i;
}

static bool line_is_headline(const struct doc *doc, size_t s, size_t e)
{
    while (e > s && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\r' ||
                     doc->text[e - 1] == '\t'))
        e--;
    if (e == s)
        return false;
    char last = doc->text[e - 1];
    return !strchr(".!?:;\"')]", last) &&
           !((unsigned char)last >= 0x80 && e - s >= 3 &&
             (memcmp(doc->text + e - 3, "\xe2\x80\x9d", 3) == 0 ||
              memcmp(doc->text + e - 3, "\xe2\x80\x99", 3) == 0));
}

/* Words of text[s, e). start: the first word opens a sentence. Without
 * segmenter sentences, . ! ? and line breaks open one too. */
static void scan_range(struct work *wk, size_t s, size_t e, bool own_sents,
                       bool headline)
{
    const struct doc *doc = wk->doc;
    bool start = true, nl = true;
    size_t line_first = wk->nw, line_start = s;
    size_t i = s, k;
    while (i < e) {
        if (doc->text[i] == ' ') { /* a sixth of the text: no decode */
            i++;
            continue;
        }
        uint32_t cp = cp_at(doc, i, e, &k);
        if (cp == '\n') {
            if (own_sents && line_is_headline(doc, line_start, i))
                for (size_t j = line_first; j < wk->nw; j++)
                    wk->w[j].flags |= W_START;
            line_first = wk->nw;
            line_start = i + 1;
            nl = true;
            if (own_sents)
                start = true;
            i += k;
            continue;
        }
        if (utf8_is_space(cp)) {
            i += k;
            continue;
        }
        if (is_word_cp(cp)) {
            size_t nletters, nupper, first_dash;
            size_t we = word_end(doc, i, e, &nletters, &nupper, &first_dash);
            unsigned f = word_shape(doc, i, we, nletters, nupper, first_dash);
            size_t wend = we;
            if (we - i > 2 && doc->text[we - 1] == 's') {
                /* possessive 's or ’s: not part of the name */
                if (doc->text[we - 2] == '\'') {
                    wend = we - 2;
                    f |= W_POSS;
                } else if (we - i > 4 &&
                           memcmp(doc->text + we - 4, "\xe2\x80\x99", 3) == 0) {
                    wend = we - 4;
                    f |= W_POSS;
                }
            }
            if (start || headline)
                f |= W_START;
            if (nl)
                f |= W_NL;
            add_word(wk, i, wend, f);
            start = nl = false;
            i = we;
            continue;
        }
        add_word(wk, i, i + k, W_PUNCT | (nl ? W_NL : 0));
        if (own_sents && (cp == '.' || cp == '!' || cp == '?')) {
            /* "Mr." and "Gen." do not end a sentence */
            const struct word *prev = wk->nw >= 2 ? &wk->w[wk->nw - 2] : NULL;
            int v;
            bool abbrev = prev && !(prev->flags & W_PUNCT) &&
                          prev->end == i &&
                          lookup(wk->t, K_TITLE, fold_of(wk, prev),
                                 prev->nfold, &v, &wk->kb) &&
                          prev->end - prev->start <= 4;
            if (!abbrev)
                start = true;
        }
        nl = false;
        i += k;
    }
    if (own_sents && line_is_headline(doc, line_start, e) && e == doc->len)
        for (size_t j = line_first; j < wk->nw; j++)
            wk->w[j].flags |= W_START;
}

/* Text has about one word or mark per six bytes: reserving that many
 * words up front spares most documents the array's regrowth (pages of
 * a reservation never filled are never touched). */
#define BYTES_PER_WORD 6

static void build_words(struct work *wk)
{
    struct doc *doc = wk->doc;
    wk->w = xgrow(wk->w, &wk->capw, doc->len / BYTES_PER_WORD + 16,
                  sizeof *wk->w);
    if (doc->nsents > 0) {
        for (size_t i = 0; i < doc->nsents; i++) {
            const struct sentence *s = &doc->sents[i];
            if ((s->flags & SENT_BOILERPLATE) ||
                doc_in_boilerplate(doc, s->span))
                continue;
            scan_range(wk, s->span.start, s->span.end, false,
                       s->flags & SENT_HEADLINE);
        }
        return;
    }
    size_t pos = 0;
    for (size_t i = 0; i <= doc->nboiler; i++) {
        size_t end = i < doc->nboiler ? doc->boiler[i].span.start : doc->len;
        if (end > pos)
            scan_range(wk, pos, end, true, false);
        if (i < doc->nboiler && doc->boiler[i].span.end > pos)
            pos = doc->boiler[i].span.end;
    }
}

/* The words where gen_titles, gen_given_names, gen_apposition,
 * gen_org_heads, gen_place_cues and gen_frames can do anything: each
 * first asks for a capital (a name, an initial), or for a word that
 * starts a phrase of its table (the word summary's first bits). Most
 * words are neither, and six loops over all words cost more than one
 * loop that lists the rest. */
static void find_starts(struct work *wk)
{
    const int first = info_bit(K_TITLE, false) | info_bit(K_FRAMEPRE, false) |
                      info_bit(K_FRAMEPOST, false) | info_bit(K_HEAD, false) |
                      info_bit(K_CUEPRE, false) | info_bit(K_CUEPOST, false);
    wk->starts = xgrow(wk->starts, &wk->capstarts, wk->nw + 1,
                       sizeof *wk->starts);
    for (size_t i = 0; i < wk->nw; i++) {
        const struct word *w = &wk->w[i];
        /* an initial is a capital too (word_shape) */
        if (!(w->flags & W_PUNCT) && ((w->flags & W_CAP) || (w->info & first)))
            wk->starts[wk->nstarts++] = i;
    }
}

/* The first word at or after i where a generator may start (wk->nw if
 * none); *k is the caller's place in wk->starts, rising with i. A plain
 * tagger (tagplain.h) starts everywhere. */
static inline size_t next_start(const struct work *wk, size_t *k, size_t i)
{
    if (wk->t->plain)
        return i < wk->nw ? i : wk->nw;
    while (*k < wk->nstarts && wk->starts[*k] < i)
        (*k)++;
    return *k < wk->nstarts ? wk->starts[*k] : wk->nw;
}

/* ------------------------------------------------------------------ */
/* Word tests                                                          */

static bool is_punct(const struct work *wk, size_t i)
{
    return i >= wk->nw || (wk->w[i].flags & W_PUNCT);
}

static bool punct_is(const struct work *wk, size_t i, char c)
{
    return i < wk->nw && (wk->w[i].flags & W_PUNCT) &&
           wk->doc->text[wk->w[i].start] == c;
}

/* Words [i, i+n) form one phrase: no punctuation or line break inside. */
static bool contiguous(const struct work *wk, size_t i, size_t n)
{
    if (i + n > wk->nw)
        return false;
    for (size_t j = i; j < i + n; j++) {
        if (wk->w[j].flags & W_PUNCT)
            return false;
        if (j > i && ((wk->w[j].flags & W_NL) || (wk->w[j - 1].flags & W_POSS)))
            return false;
    }
    return true;
}

/* With words [i, j] contiguous, are [i, j + 1] too? contiguous's test of
 * the one word it adds, for loops that grow a phrase a word at a time
 * (contiguous itself rereads every word each time). */
static inline bool joins_next(const struct work *wk, size_t j)
{
    return j + 1 < wk->nw && !(wk->w[j + 1].flags & (W_PUNCT | W_NL)) &&
           !(wk->w[j].flags & W_POSS);
}

/* Inline so that info_bit folds to a constant at each call: the summary
 * test answers most calls (66 k per 100 documents) without a lookup. */
static inline bool word_in(struct work *wk, size_t i, char prefix, int *v)
{
    int dummy, bit = info_bit(prefix, true);
    if (i >= wk->nw || (wk->w[i].flags & W_PUNCT))
        return false;
    if (bit && !(wk->w[i].info & bit))
        return false;
    if (bit && !v)
        return true;
    return lookup(wk->t, prefix, fold_of(wk, &wk->w[i]), wk->w[i].nfold,
                  v ? v : &dummy, &wk->kb);
}

/* Inline so that strlen(lit) folds: callers pass literals. */
static inline bool word_is(const struct work *wk, size_t i, const char *lit)
{
    return i < wk->nw && !(wk->w[i].flags & W_PUNCT) &&
           wk->w[i].nfold == strlen(lit) &&
           memcmp(fold_of(wk, &wk->w[i]), lit, wk->w[i].nfold) == 0;
}

/* Folded key of the words [i, i+n) into wk->key: the words' own keys
 * joined by spaces, which is what fold_key gives for words separated by
 * white space; other spans are folded from the text. */
static void phrase_key(struct work *wk, size_t i, size_t n)
{
    wk->key.n = 0;
    if (!contiguous(wk, i, n)) {
        fold_key(wk->doc->text + wk->w[i].start,
                 wk->w[i + n - 1].end - wk->w[i].start, &wk->key, &wk->tmp);
        return;
    }
    for (size_t j = i; j < i + n; j++) {
        if (j > i)
            buf_putc(&wk->key, ' ');
        buf_put(&wk->key, fold_of(wk, &wk->w[j]), wk->w[j].nfold);
    }
}

static size_t match_from(struct work *wk, size_t i, char prefix, int bit,
                         int *v);

/* Longest phrase of table prefix starting at word i; 0 if none. Inline
 * so that the word-summary test, which rejects nearly every word, costs
 * no call. */
static inline size_t match_at(struct work *wk, size_t i, char prefix, int *v)
{
    int bit = info_bit(prefix, false);
    if (is_punct(wk, i) || (bit && !(wk->w[i].info & bit)))
        return 0;
    return match_from(wk, i, prefix, bit, v);
}

static size_t match_from(struct work *wk, size_t i, char prefix, int bit,
                         int *v)
{
    char first[2] = {K_FIRST, prefix};
    if (!bit) {
        /* tables with a word-summary bit were answered just above: the
         * bit is set exactly when the K_FIRST entry exists */
        wk->aux.n = 0;
        buf_put(&wk->aux, first, 2);
        const char *f = fold_of(wk, &wk->w[i]);
        const char *sp = memchr(f, ' ', wk->w[i].nfold);
        buf_put(&wk->aux, f, sp ? (size_t)(sp - f) : wk->w[i].nfold);
        if (!map_get(&wk->t->map, wk->aux.s, wk->aux.n, v))
            return 0;
    }
    /* Once [i, i+n) is not contiguous no longer run is, and the key of a
     * contiguous run is its words' keys joined by spaces (phrase_key):
     * the key of the longest run is built once, and each shorter one is
     * a prefix of it, ending at ends[n - 1]. */
    size_t maxn = max_len(wk->t, prefix);
    size_t top = 0, ends[MAX_PHRASE_WORDS];
    wk->key.n = 0;
    bool plain = wk->t->plain;
    while (top < maxn && (top && !plain ? joins_next(wk, i + top - 1)
                                        : contiguous(wk, i, top + 1))) {
        if (top > 0)
            buf_putc(&wk->key, ' ');
        buf_put(&wk->key, fold_of(wk, &wk->w[i + top]),
                wk->w[i + top].nfold);
        ends[top++] = wk->key.n;
    }
    for (size_t n = top; n >= 1; n--) {
        wk->key.n = ends[n - 1]; /* wk->key as phrase_key(wk, i, n) */
        if (wk->key.n && lookup(wk->t, prefix, wk->key.s, wk->key.n, v,
                                &wk->kb))
            return n;
    }
    return 0;
}

static bool is_connector(struct work *wk, size_t i)
{
    return word_is(wk, i, "of") || word_is(wk, i, "for") ||
           word_is(wk, i, "on") || word_is(wk, i, "and") ||
           word_is(wk, i, "the");
}

/* Lower-case name particles: "bin", "van", "de la". */
/* Is word i a lower-case name particle? Its word summary says whether
 * its key is one (tag_new marks them): no compare with the list. */
static bool is_name_particle(struct work *wk, size_t i)
{
    return i < wk->nw && !(wk->w[i].flags & (W_PUNCT | W_CAP)) &&
           (wk->w[i].info & INFO_PARTICLE);
}

/* Could word i be part of a person's name? Inline: the generators ask
 * about nearly every word, and the flag tests settle most. */
static inline bool nameish(struct work *wk, size_t i)
{
    if (i >= wk->nw || (wk->w[i].flags & W_PUNCT) || !(wk->w[i].flags & W_CAP))
        return false;
    if (wk->w[i].flags & W_ALLCAPS && !(wk->w[i].flags & W_INITIAL) &&
        wk->w[i].end - wk->w[i].start <= 4)
        return false; /* acronyms */
    int v;
    if (word_in(wk, i, K_NOTNAME, NULL) || word_in(wk, i, K_DEMONYM, NULL) ||
        word_in(wk, i, K_HEAD, NULL))
        return false;
    if (word_in(wk, i, K_TITLE, &v) && v != TITLE_PREFIX)
        return false;
    return true;
}

static int gaz_lookup(struct work *wk, size_t i, size_t n);

/* A single word the gazetteer knows as a country, place or body. */
static bool known_place_or_body(struct work *wk, size_t i)
{
    if (is_punct(wk, i))
        return false;
    int e = gaz_lookup(wk, i, 1);
    return e >= 0 && wk->t->gaz[e].type != ENT_PERSON;
}

/* A person's name starting at word i: capitals, initials and particles,
 * up to MAX_NAME_WORDS, stopping after a possessive. Returns its length
 * in words (0: none). */
static size_t name_run(struct work *wk, size_t i)
{
    size_t n = 0;
    while (n < MAX_NAME_WORDS && i + n < wk->nw) {
        size_t j = i + n;
        if (n > 0 && !contiguous(wk, j - 1, 2))
            break;
        if (nameish(wk, j)) {
            n++;
            if (wk->w[j].flags & W_POSS)
                break;
            continue;
        }
        if (n > 0 && is_name_particle(wk, j) && nameish(wk, j + 1) &&
            contiguous(wk, j, 2)) {
            n++;
            continue;
        }
        break;
    }
    /* a name does not end in an initial or particle */
    while (n > 0 && ((wk->w[i + n - 1].flags & W_INITIAL) ||
                     is_name_particle(wk, i + n - 1)))
        n--;
    return n;
}

static void add_cand(struct work *wk, size_t w0, size_t w1, enum ent_type type,
                     int prio, int gaz)
{
    if (w1 <= w0)
        return;
    if (wk->nc == wk->capc)
        wk->c = xgrow(wk->c, &wk->capc, wk->nc + 1, sizeof *wk->c);
    struct cand *c = &wk->c[wk->nc++];
    memset(c, 0, sizeof *c);
    c->w0 = w0;
    c->w1 = w1;
    c->type = type;
    c->prio = prio;
    c->gaz = gaz;
}

/* ------------------------------------------------------------------ */
/* Generators                                                          */

static bool any_cap(const struct work *wk, size_t i, size_t n)
{
    for (size_t j = i; j < i + n; j++)
        if (wk->w[j].flags & W_CAP)
            return true;
    return false;
}

static bool all_caps_words(const struct work *wk, size_t i, size_t n)
{
    for (size_t j = i; j < i + n; j++)
        if (!(wk->w[j].flags & W_ALLCAPS))
            return false;
    return true;
}

/* Gazetteer entry for words [i, i+n), or -1. */
/* Could the contiguous words [i, i+n) be a multi-word alias by any of
 * gaz_lookup's keys? Every key it tries (the fold, its skeleton, the
 * skeleton's sorted words) can equal an alias's only if the phrase's
 * skeleton words are the alias's skeleton words (as a multiset; bag
 * keeps the first MAX_PHRASE_WORDS * 3 words only, so only pairs among
 * those are asked about), so two neighbouring one-word keys must be a
 * pair note_pairs recorded. False: no lookup can hit. */
static bool gaz_pairs_may(const struct work *wk, size_t i, size_t n)
{
    size_t nwords = 0; /* words of the phrase's key so far */
    for (size_t j = i; j < i + n; j++) {
        const struct word *w = &wk->w[j];
        if (w->one) {
            nwords++;
        } else {
            const char *f = fold_of(wk, w);
            nwords++;
            for (size_t k = 0; k < w->nfold; k++)
                nwords += f[k] == ' ';
        }
        if (nwords > MAX_PHRASE_WORDS * 3)
            return true;
        if (j > i && w->one && wk->w[j - 1].one) {
            uint32_t bit = gaz_pair_bit(wk->w[j - 1].skh, w->skh);
            if (!(wk->t->gaz_pairs[bit / 64] >> (bit % 64) & 1))
                return false;
        }
    }
    return true;
}

static int gaz_lookup(struct work *wk, size_t i, size_t n)
{
    int e;
    /* one word: its summary says whether either table has it whole, and
     * most words are in neither; asked first, it spares the two walks
     * below (punctuation has an empty summary) */
    if (n == 1 && i < wk->nw &&
        !(wk->w[i].info & (info_bit(K_GAZ, true) | info_bit(K_GAZCAPS, true))))
        return -1;
    if (!contiguous(wk, i, n) || !any_cap(wk, i, n))
        return -1;
    if (n >= 2 && !gaz_pairs_may(wk, i, n))
        return -1;
    phrase_key(wk, i, n);
    if (!wk->key.n)
        return -1;
    if (lookup(wk->t, K_GAZ, wk->key.s, wk->key.n, &e, &wk->kb))
        return e;
    if (all_caps_words(wk, i, n) &&
        lookup(wk->t, K_GAZCAPS, wk->key.s, wk->key.n, &e, &wk->kb))
        return e;
    if (n < 2)
        return -1;
    wk->aux.n = 0;
    skeleton(wk->key.s, wk->key.n, &wk->aux);
    if (lookup(wk->t, K_GAZSKEL, wk->aux.s, wk->aux.n, &e, &wk->kb))
        return e;
    wk->kb.n = 0;
    bag(wk->aux.s, wk->aux.n, &wk->kb);
    return lookup(wk->t, K_GAZBAG, wk->kb.s, wk->kb.n, &e, NULL) ? e : -1;
}

/* Could word i be inside a gazetteer alias (by skeleton)? */
static bool gaz_word(struct work *wk, size_t i)
{
    return !is_punct(wk, i) && wk->w[i].gazword;
}

static bool is_dash_word(const struct work *wk, size_t i)
{
    uint32_t cp;
    if (i >= wk->nw || !(wk->w[i].flags & W_PUNCT))
        return false;
    utf8_decode(wk->doc->text + wk->w[i].start,
                wk->w[i].end - wk->w[i].start, &cp);
    return is_dash(cp);
}

/* A credit names a photo's or a report's source, not an actor: an
 * outlet inside a bracketed group of capitals and separators ("(AFP)",
 * "(Photo: AFP/DPA)", "(Beta/AP)"), or after a dash at the end of a
 * paragraph ("- AFP", "- Reuters pic"). */
static bool in_credit_brackets(const struct work *wk, size_t w0, size_t w1)
{
    size_t b = w0, a = w1;
    for (size_t k = 0; k < 6 && b > 0; k++) {
        b--;
        if (punct_is(wk, b, '('))
            break;
        if (!(wk->w[b].flags & (W_CAP | W_PUNCT)) || punct_is(wk, b, ')'))
            return false;
    }
    if (!punct_is(wk, b, '('))
        return false;
    for (size_t k = 0; k < 6 && a < wk->nw; k++, a++) {
        if (punct_is(wk, a, ')'))
            return true;
        if (!(wk->w[a].flags & (W_CAP | W_PUNCT)))
            return false;
    }
    return false;
}

static bool is_credit(const struct work *wk, size_t w0, size_t w1)
{
    if (in_credit_brackets(wk, w0, w1))
        return true;
    if (w0 == 0 || !is_dash_word(wk, w0 - 1))
        return false;
    size_t a = w1;
    if (a < wk->nw && !(wk->w[a].flags & (W_NL | W_PUNCT)))
        a++; /* "Reuters pic" */
    return a >= wk->nw || (wk->w[a].flags & W_NL);
}

static void gen_gazetteer(struct work *wk)
{
    size_t maxn = max_len(wk->t, K_GAZ);
    bool plain = wk->t->plain;
    for (size_t i = 0; i < wk->nw; i++) {
        if (!gaz_word(wk, i))
            continue;
        size_t n = 1;
        while (n < maxn &&
               (plain ? contiguous(wk, i, n + 1) : joins_next(wk, i + n - 1)) &&
               gaz_word(wk, i + n))
            n++;
        /* gaz_lookup finds nothing without a capital (any_cap): only the
         * lengths that reach the run's first capital are tried, and in
         * running text most runs have none */
        size_t cap = i;
        while (!plain && cap < i + n && !(wk->w[cap].flags & W_CAP))
            cap++;
        if (!plain && cap == i + n && n < maxn) {
            /* The run ended short of maxn where its words stop joining:
             * a run from any later word of it ends there too, with no
             * capital either. */
            i += n - 1;
            continue;
        }
        for (; n > cap - i; n--) {
            int e = gaz_lookup(wk, i, n);
            if (e < 0)
                continue;
            if (wk->t->gaz[e].type == ENT_ORGANIZATION && is_credit(wk, i, i + n))
                break;
            add_cand(wk, i, i + n, wk->t->gaz[e].type, PRIO_GAZ, e);
            wk->c[wk->nc - 1].name = n >= 2 && wk->t->gaz[e].type == ENT_PERSON;
            break;
        }
    }
}

/* Role words before a title: prefixes ("deputy"), and a country, body or
 * demonym it belongs to ("U.S.", "Russia's", "Pentagon", "Russian"). */
static size_t role_left(struct work *wk, size_t i)
{
    int v;
    while (i > 0 && contiguous(wk, i - 1, 1) && !(wk->w[i].flags & W_NL)) {
        size_t p = i - 1;
        if (word_in(wk, p, K_TITLE, &v) && v == TITLE_PREFIX)
            i = p;
        else if (word_in(wk, p, K_DEMONYM, NULL) || known_place_or_body(wk, p))
            i = p;
        else
            break;
        if (wk->w[p].flags & W_START)
            break;
    }
    return i;
}

/* After a title that ends at word j, an "of ..." chain ("of the General
 * staff of the Armed forces of Russia") whose last capitals may be the
 * name. Returns the end of the chain. */
static size_t title_tail(struct work *wk, size_t j)
{
    size_t t = j, n = 0;
    while (t < wk->nw && n < MAX_TAIL_WORDS) {
        if (is_punct(wk, t) || (t > j && (wk->w[t].flags & W_NL)))
            break;
        if (!(is_connector(wk, t) || (wk->w[t].flags & W_CAP) ||
              word_in(wk, t, K_ORGWORD, NULL)))
            break;
        t++;
        n++;
    }
    return t;
}

/* The name inside [j, t): the last run of capitals before t, less any
 * leading words that are places, bodies or heads. */
static size_t tail_name(struct work *wk, size_t j, size_t t, size_t *len)
{
    size_t s = t;
    while (s > j && (wk->w[s - 1].flags & W_CAP))
        s--;
    while (s < t && (known_place_or_body(wk, s) || !nameish(wk, s)))
        s++;
    *len = 0;
    if (s < t) {
        size_t n = name_run(wk, s);
        if (s + n == t)
            *len = n;
    }
    return s;
}

static void person_with_role(struct work *wk, size_t n0, size_t nlen,
                             size_t r0, size_t r1, int prio)
{
    if (!nlen)
        return;
    if (nlen == 1 && known_place_or_body(wk, n0))
        return;
    int v;
    if (match_at(wk, n0 + nlen, K_CUEPOST, &v) && !word_is(wk, n0 + nlen + 1, "of"))
        return; /* "Sheikh Maqsood neighborhood" is a place */
    add_cand(wk, n0, n0 + nlen, ENT_PERSON, prio, -1);
    wk->c[wk->nc - 1].r0 = r0;
    wk->c[wk->nc - 1].r1 = r1;
    wk->c[wk->nc - 1].name = nlen >= 2;
}

static void gen_titles(struct work *wk)
{
    size_t k = 0;
    for (size_t i = next_start(wk, &k, 0); i < wk->nw;
         i = next_start(wk, &k, i + 1)) {
        int kind;
        if (is_punct(wk, i))
            continue;
        size_t n = match_at(wk, i, K_TITLE, &kind);
        if (!n || kind == TITLE_PREFIX)
            continue;
        size_t j = i + n;
        if (punct_is(wk, j, '.') && wk->w[j].start == wk->w[j - 1].end)
            j++; /* "Mr. Putin" */
        if (kind == TITLE_HONORIFIC) {
            person_with_role(wk, j, name_run(wk, j), 0, 0, PRIO_TITLE);
            continue;
        }
        size_t r0 = role_left(wk, i), nlen = name_run(wk, j);
        if (nlen && (wk->w[j].flags & W_START) && (wk->w[i].flags & W_START) &&
            !word_in(wk, j, K_GIVEN, NULL))
            continue; /* "Pilot Rescued by ..." in a headline */
        if (nlen) {
            person_with_role(wk, j, nlen, r0, i + n, PRIO_TITLE);
            i = j + nlen - 1;
            continue;
        }
        bool of_chain = is_connector(wk, j) || is_connector(wk, j - 1);
        if (!of_chain)
            continue;
        size_t t = title_tail(wk, j);
        size_t s = tail_name(wk, j, t, &nlen);
        if (nlen) {
            person_with_role(wk, s, nlen, r0, s, PRIO_TITLE);
        } else if (punct_is(wk, t, ',') && word_in(wk, t + 1, K_GIVEN, NULL)) {
            /* "the Minister of foreign Affairs of Colombia, Maria ..." */
            person_with_role(wk, t + 1, name_run(wk, t + 1), r0, t,
                             PRIO_TITLE);
        }
    }
}

/* ", Russia's foreign minister," after a name: the role words. */
static bool apposition(struct work *wk, size_t i, size_t *r0, size_t *r1)
{
    if (!punct_is(wk, i, ','))
        return false;
    size_t j = i + 1;
    if (word_is(wk, j, "the") || word_is(wk, j, "a") || word_is(wk, j, "an"))
        j++;
    size_t start = j;
    for (size_t k = 0; k < 4 && j < wk->nw; k++) {
        int kind;
        size_t n = match_at(wk, j, K_TITLE, &kind);
        if (n && kind == TITLE_ROLE) {
            *r0 = start;
            *r1 = j + n;
            size_t t = *r1;
            if (is_connector(wk, t)) /* "head of the Kremlin" */
                t = title_tail(wk, t);
            while (t > *r1 && !(wk->w[t - 1].flags & W_CAP) &&
                   !word_in(wk, t - 1, K_ORGWORD, NULL))
                t--;
            *r1 = t;
            return true;
        }
        if (n && kind == TITLE_PREFIX) {
            j += n;
            continue;
        }
        if (word_in(wk, j, K_DEMONYM, NULL) || known_place_or_body(wk, j) ||
            word_in(wk, j, K_ORGWORD, NULL)) {
            j++;
            continue;
        }
        break;
    }
    return false;
}

static void gen_given_names(struct work *wk)
{
    size_t k = 0;
    for (size_t i = next_start(wk, &k, 0); i < wk->nw;
         i = next_start(wk, &k, i + 1)) {
        bool given = word_in(wk, i, K_GIVEN, NULL) && (wk->w[i].flags & W_CAP);
        bool initial = !is_punct(wk, i) && (wk->w[i].flags & W_INITIAL);
        if (!given && !initial)
            continue;
        if (i > 0 && !is_punct(wk, i - 1) && (wk->w[i - 1].flags & W_CAP) &&
            contiguous(wk, i - 1, 2) && !(wk->w[i - 1].flags & W_START) &&
            nameish(wk, i - 1))
            continue; /* inside a longer name: its start will do */
        size_t n = name_run(wk, i);
        if (n < 2)
            continue;
        if (word_in(wk, i + n, K_HEAD, NULL) && contiguous(wk, i + n - 1, 2))
            continue; /* "Jordan Times", "Kennedy School" */
        if (n == 2 && known_place_or_body(wk, i + 1))
            continue; /* "Victoria London" is no name */
        size_t r0 = 0, r1 = 0;
        apposition(wk, i + n, &r0, &r1);
        person_with_role(wk, i, n, r0, r1, PRIO_GIVEN);
        i += n - 1;
    }
}

/* Two or three capitals followed by a role in apposition ("Avigdor
 * Liberman, Israel's defence minister") are a person. */
static void gen_apposition(struct work *wk)
{
    size_t k = 0;
    for (size_t i = next_start(wk, &k, 0); i + 2 < wk->nw;
         i = next_start(wk, &k, i + 1)) {
        if (!nameish(wk, i) || (i > 0 && nameish(wk, i - 1) &&
                                contiguous(wk, i - 1, 2)))
            continue;
        size_t n = name_run(wk, i);
        size_t r0, r1;
        if (n < 2 || n > 3 || known_place_or_body(wk, i))
            continue;
        if (apposition(wk, i + n, &r0, &r1))
            person_with_role(wk, i, n, r0, r1, PRIO_GIVEN);
    }
}

static bool frame_name_ok(struct work *wk, size_t i, size_t n)
{
    for (size_t j = i; j < i + n; j++)
        if (known_place_or_body(wk, j) || word_in(wk, j, K_GAZ, NULL))
            return false;
    return n > 0 && gaz_lookup(wk, i, n) < 0;
}

static void gen_frames(struct work *wk)
{
    size_t k = 0;
    for (size_t i = next_start(wk, &k, 0); i < wk->nw;
         i = next_start(wk, &k, i + 1)) {
        int v;
        size_t n;
        if (is_punct(wk, i))
            continue;
        n = match_at(wk, i, K_FRAMEPRE, &v);
        if (n) {
            size_t len = name_run(wk, i + n);
            if (len > 3)
                len = 0;
            if (frame_name_ok(wk, i + n, len))
                person_with_role(wk, i + n, len, 0, 0, PRIO_FRAME);
        }
        n = match_at(wk, i, K_FRAMEPOST, &v);
        if (n && i > 0) {
            size_t s = i;
            while (s > 0 && i - s < 3 && nameish(wk, s - 1) &&
                   contiguous(wk, s - 1, i - s + 1))
                s--;
            if (s > 0 && is_name_particle(wk, s - 1))
                continue;
            if (s < i && name_run(wk, s) == i - s && frame_name_ok(wk, s, i - s))
                person_with_role(wk, s, i - s, 0, 0, PRIO_FRAME);
        }
    }
}

/* Words left of an organisation head that belong to its name. */
static size_t org_left(struct work *wk, size_t h)
{
    size_t l = h;
    while (l > 0 && contiguous(wk, l - 1, h - l + 1)) {
        size_t p = l - 1;
        if (wk->w[p].flags & W_POSS)
            break;
        if (word_is(wk, p, "the") || word_is(wk, p, "a"))
            break;
        bool cap = (wk->w[p].flags & W_CAP) && !word_in(wk, p, K_NOTNAME, NULL);
        if (!cap && !word_in(wk, p, K_ORGWORD, NULL))
            break;
        l = p;
    }
    return l;
}

/* Words right of a head: an of/for/on chain of capitals ("for Human
 * Rights") or of organisation vocabulary ("on defense and security"), not
 * running from vocabulary into a capital (the next name) nor into a
 * person's given name. */
static size_t org_right(struct work *wk, size_t r)
{
    if (!(word_is(wk, r, "of") || word_is(wk, r, "for") ||
          word_is(wk, r, "on")))
        return r;
    size_t t = r, good = r, n = 0;
    int prev = 0; /* 0 connector, 1 capital, 2 vocabulary */
    while (t < wk->nw && n++ < MAX_TAIL_WORDS) {
        if (is_punct(wk, t) || (wk->w[t].flags & W_NL))
            break;
        if (is_connector(wk, t)) {
            prev = 0;
            t++;
            continue;
        }
        if (wk->w[t].flags & W_CAP) {
            int kind;
            if (prev == 2 || word_in(wk, t, K_GIVEN, NULL))
                break;
            if (word_in(wk, t, K_TITLE, &kind) && kind == TITLE_ROLE &&
                nameish(wk, t + 1))
                break; /* "government of President Bashar al-Assad" */
            prev = 1;
        } else if (word_in(wk, t, K_ORGWORD, NULL)) {
            prev = 2;
        } else {
            break;
        }
        t++;
        good = t;
        if (wk->w[t - 1].flags & W_POSS)
            break;
    }
    return good;
}

/* A word of an organisation name that says what it is: not a joiner,
 * demonym or country ("defense" in "Ministry of defense of Russia"). */
static bool org_content(struct work *wk, size_t j)
{
    int e;
    if (is_connector(wk, j) || word_in(wk, j, K_DEMONYM, NULL))
        return false;
    e = gaz_lookup(wk, j, 1);
    return e < 0 || wk->t->gaz[e].type != ENT_COUNTRY;
}

/* Is [l, r) with head [h, h+hn) a name? Lower-case heads need the
 * vocabulary of lexicon/org_words before them ("the defence ministry")
 * or, for heads that are ordinary nouns, an of-chain with content
 * ("General staff of the Armed forces"); a demonym and a head alone are
 * a name only in capitals ("Turkish Air Force", not "Kurdish forces"). */
static bool org_ok(struct work *wk, size_t l, size_t h, size_t hn, size_t r,
                   int bits)
{
    bool head_cap = wk->w[h].flags & W_CAP;
    bool content = false, tail = false, cap = false, vocab_left = false;
    if (r - l < 2)
        return false;
    for (size_t j = l; j < r; j++) {
        if (j >= h && j < h + hn)
            continue;
        bool c = org_content(wk, j);
        content = content || c;
        tail = tail || (j >= h + hn && c);
        cap = cap || (c && (wk->w[j].flags & W_CAP));
        vocab_left = vocab_left || (j < h && word_in(wk, j, K_ORGWORD, NULL));
    }
    if (head_cap)
        return content || l < h;
    if (bits & HEAD_LOWER)
        return vocab_left || cap;
    return tail && any_cap(wk, l, r - l);
}

static void gen_org_heads(struct work *wk)
{
    size_t k = 0;
    for (size_t h = next_start(wk, &k, 0); h < wk->nw;
         h = next_start(wk, &k, h + 1)) {
        int bits;
        size_t hn = match_at(wk, h, K_HEAD, &bits);
        if (!hn)
            continue;
        size_t l = org_left(wk, h), r = org_right(wk, h + hn);
        if (!org_ok(wk, l, h, hn, r, bits))
            continue;
        add_cand(wk, l, r, (bits & HEAD_GROUP) ? ENT_GROUP : ENT_ORGANIZATION,
                 PRIO_ORG, -1);
        h += hn - 1;
    }
}

static void gen_place_cues(struct work *wk)
{
    size_t k = 0;
    for (size_t i = next_start(wk, &k, 0); i < wk->nw;
         i = next_start(wk, &k, i + 1)) {
        int v;
        if (is_punct(wk, i))
            continue;
        size_t n = match_at(wk, i, K_CUEPRE, &v);
        if (n && (!(v & 1) || (wk->w[i].flags & W_CAP) || n > 1)) {
            size_t s = i + n, len = 0;
            while (len < 3 && nameish(wk, s + len) && contiguous(wk, s, len + 1))
                len++;
            if (len) {
                int e = gaz_lookup(wk, s, len);
                if (e < 0 || wk->t->gaz[e].type == ENT_PERSON ||
                    wk->t->gaz[e].type >= ENT_COUNTRY)
                    add_cand(wk, ((v - 1) & 1) ? i : s, s + len, ENT_PLACE,
                             PRIO_CUE, -1);
            }
        }
        n = match_at(wk, i, K_CUEPOST, &v);
        if (n && !word_is(wk, i + n, "of")) {
            size_t s = i;
            while (s > 0 && i - s < 3 && (wk->w[s - 1].flags & W_CAP) &&
                   contiguous(wk, s - 1, i - s + 1) &&
                   !word_in(wk, s - 1, K_DEMONYM, NULL) &&
                   !word_in(wk, s - 1, K_NOTNAME, NULL))
                s--;
            if (s == i)
                continue;
            int e = gaz_lookup(wk, s, i - s);
            if (e >= 0 && wk->t->gaz[e].type < ENT_COUNTRY)
                continue; /* "the Kremlin area" */
            add_cand(wk, s, ((v - 1) & 1) ? i + n : i, ENT_PLACE, PRIO_CUE, -1);
        }
    }
}

/* First word at or after byte b, and first word ending at or after b. */
static size_t word_from(const struct work *wk, size_t b)
{
    size_t lo = 0, hi = wk->nw;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (wk->w[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A one-word match that is a demonym or a word never a name: a pattern
 * of the "X flight 123" shape sees "the Russian flight" too. */
static bool common_word(struct work *wk, size_t w0, size_t w1)
{
    return w1 - w0 == 1 && (word_in(wk, w0, K_DEMONYM, NULL) ||
                            word_in(wk, w0, K_NOTNAME, NULL));
}

static void gen_patterns(struct work *wk, struct rules_rx_scratch *scr)
{
    const struct doc *doc = wk->doc;
    for (size_t p = 0; p < wk->t->npats; p++) {
        struct rules_rx_match m;
        size_t from = 0;
        while (from < doc->len &&
               rules_rx_find(wk->t->pats[p].rx, scr, doc->text, doc->len, from,
                             &m)) {
            unsigned g = m.ngroups > 1 && m.start[1] != (size_t)-1 ? 1 : 0;
            size_t w0 = word_from(wk, m.start[g]);
            size_t w1 = word_from(wk, m.end[g]);
            /* the match must cover whole words, none of them boilerplate */
            if (w0 < wk->nw && w1 > w0 && wk->w[w0].start == m.start[g] &&
                wk->w[w1 - 1].end == m.end[g] && !common_word(wk, w0, w1))
                add_cand(wk, w0, w1, wk->t->pats[p].type, PRIO_PATTERN, -1);
            from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Resolution and mentions                                             */

/* Words that count for length: a leading "the" of an alias does not, so
 * "the West Bank" prefers "West Bank" to "the West". */
static size_t cand_len(struct work *wk, const struct cand *c)
{
    size_t n = c->w1 - c->w0;
    if (n > 1 && word_is(wk, c->w0, "the"))
        n--;
    return n;
}

static int cmp_cand(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    bool px = x->type == ENT_PERSON && x->prio >= PRIO_GIVEN;
    bool py = y->type == ENT_PERSON && y->prio >= PRIO_GIVEN;
    if (px != py)
        return px ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    return x->w0 < y->w0 ? -1 : x->w0 > y->w0;
}

static int cmp_start(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    return x->w0 < y->w0 ? -1 : x->w0 > y->w0;
}

/* Put the candidates in text order. They never share a first word here
 * (each covers words no other kept one does), so the order is total and
 * an array already in order, the common case, is left as it is. */
static void sort_by_start(struct work *wk)
{
    for (size_t i = 1; i < wk->nc; i++)
        if (wk->c[i - 1].w0 > wk->c[i].w0) {
            qsort(wk->c, wk->nc, sizeof *wk->c, cmp_start);
            return;
        }
}

/* Keep the best of overlapping candidates; the kept ones in text order. */
static void resolve(struct work *wk)
{
    for (size_t i = 0; i < wk->nc; i++)
        wk->c[i].len = cand_len(wk, &wk->c[i]);
    if (wk->nc == 0)
        return; /* qsort wants a non-NULL base */
    qsort(wk->c, wk->nc, sizeof *wk->c, cmp_cand);
    size_t kept = 0;
    for (size_t i = 0; i < wk->nc; i++) {
        const struct cand *c = &wk->c[i];
        bool free_ = true;
        for (size_t j = c->w0; j < c->w1 && free_; j++)
            free_ = !(wk->w[j].flags & W_USED);
        if (!free_)
            continue;
        for (size_t j = c->w0; j < c->w1; j++)
            wk->w[j].flags |= W_USED;
        wk->c[kept++] = *c;
    }
    wk->nc = kept;
    sort_by_start(wk);
}

/* The folded surname of a person candidate: its last word, article off.
 * Points into the word's key (see fold_of: valid until the next
 * add_word); its length goes to *n. */
static const char *surname_of(const struct work *wk, size_t w, size_t *n)
{
    const char *f = fold_of(wk, &wk->w[w]);
    *n = wk->w[w].nfold;
    if (*n > 3 && memcmp(f, "al ", 3) == 0) {
        f += 3;
        *n -= 3;
    }
    return f;
}

/* A bit of a 64-bit set of keys: no key whose bit is clear is in the set
 * (a filter in front of a map that most lookups miss). */
static inline uint64_t key_bit(const char *k, size_t n)
{
    unsigned b = n ? (unsigned char)k[0] * 7u + (unsigned char)k[n - 1] : 0;
    return (uint64_t)1 << ((b + n) & 63);
}

/* Capitalised words equal to the surname of a full name of this document
 * are that person ("Kerry", "Assad's", "Mr Putin" where no title caught
 * it). Documents have a few full names and thousands of capitalised
 * words: a word whose key_bit no surname has is not looked up. */
static void gen_surnames(struct work *wk)
{
    struct map *surnames = &wk->sc->surnames;
    size_t nfull = wk->nc;
    uint64_t bits = wk->t->plain ? ~(uint64_t)0 : 0;
    map_clear(surnames);
    for (size_t i = 0; i < nfull; i++) {
        const struct cand *c = &wk->c[i];
        if (c->type != ENT_PERSON || !c->name)
            continue;
        size_t n;
        const char *sk = surname_of(wk, c->w1 - 1, &n);
        map_put(surnames, sk, n, (int)i, false);
        bits |= key_bit(sk, n);
    }
    if (!surnames->n)
        return;
    for (size_t i = 0; i < wk->nw; i++) {
        int v;
        size_t n;
        if (is_punct(wk, i) || (wk->w[i].flags & W_USED) ||
            !(wk->w[i].flags & W_CAP))
            continue;
        const char *sk = surname_of(wk, i, &n);
        if (!(bits & key_bit(sk, n)) || !map_get(surnames, sk, n, &v))
            continue;
        add_cand(wk, i, i + 1, ENT_PERSON, PRIO_FRAME, -1);
        wk->w[i].flags |= W_USED;
    }
    sort_by_start(wk);
}

/* A one-word organisation a pattern found ("Skylark flight 702",
 * "budget airline X") is that organisation wherever the document repeats
 * the word: capitalised repeats no other rule took become it, and a
 * speech frame's guess ("X said", no role) yields to it, since a name
 * the text shows to be a company is not a person elsewhere in it. */
static void gen_org_repeats(struct work *wk)
{
    struct map *orgs = &wk->sc->orgs;
    int v;
    size_t nkept = wk->nc;
    map_clear(orgs);
    for (size_t i = 0; i < nkept; i++) {
        const struct cand *c = &wk->c[i];
        if (c->type == ENT_ORGANIZATION && c->prio == PRIO_PATTERN &&
            c->w1 - c->w0 == 1)
            map_put(orgs, fold_of(wk, &wk->w[c->w0]),
                    wk->w[c->w0].nfold, (int)i, false);
    }
    if (!orgs->n)
        return;
    for (size_t i = 0; i < nkept; i++) {
        struct cand *c = &wk->c[i];
        if (c->type == ENT_PERSON && c->prio == PRIO_FRAME &&
            c->w1 - c->w0 == 1 && c->r1 == c->r0 &&
            map_get(orgs, fold_of(wk, &wk->w[c->w0]),
                    wk->w[c->w0].nfold, &v))
            c->type = ENT_ORGANIZATION;
    }
    for (size_t i = 0; i < wk->nw; i++) {
        if (is_punct(wk, i) || (wk->w[i].flags & W_USED) ||
            !(wk->w[i].flags & W_CAP) ||
            !map_get(orgs, fold_of(wk, &wk->w[i]), wk->w[i].nfold, &v))
            continue;
        add_cand(wk, i, i + 1, ENT_ORGANIZATION, PRIO_PATTERN, -1);
        wk->w[i].flags |= W_USED;
    }
    sort_by_start(wk);
}

/* Text of words [w0, w1) in the doc arena. */
static const char *words_text(struct work *wk, size_t w0, size_t w1)
{
    return arena_strndup(wk->doc->arena, wk->doc->text + wk->w[w0].start,
                         wk->w[w1 - 1].end - wk->w[w0].start);
}

/* An organisation's key: its words without joiners, demonyms and country
 * names moved behind an '@' ("defense ministry@russia"), so that
 * "Russian Defense Ministry" and "Ministry of defense of Russia" meet. */
static const char *org_key(struct work *wk, const struct cand *c)
{
    char *words[MAX_TAIL_WORDS * 2 + 8];
    size_t nw = 0;
    const char *country = NULL;
    for (size_t j = c->w0; j < c->w1 && nw < sizeof words / sizeof *words;
         j++) {
        int e;
        if (is_connector(wk, j))
            continue;
        if (word_in(wk, j, K_DEMONYM, &e) ||
            (word_in(wk, j, K_GAZ, &e) && wk->t->gaz[e].type == ENT_COUNTRY)) {
            if (e >= 0 && !country)
                country = wk->t->gaz[e].key;
            if (e >= 0)
                continue;
        }
        words[nw++] = xstrndup(fold_of(wk, &wk->w[j]), wk->w[j].nfold);
    }
    qsort(words, nw, sizeof *words, cmp_str);
    struct buf b = {0};
    for (size_t i = 0; i < nw; i++) {
        if (i)
            buf_putc(&b, ' ');
        buf_put(&b, words[i], strlen(words[i]));
        free(words[i]);
    }
    if (country) {
        buf_putc(&b, '@');
        buf_put(&b, country, strlen(country));
    }
    const char *k = arena_strndup(wk->doc->arena, b.s ? b.s : "", b.n);
    free(b.s);
    return k;
}

static const char *cand_key(struct work *wk, struct cand *c)
{
    if (c->type == ENT_PERSON && c->gaz < 0) {
        /* "President Obama": the gazetteer's Obama, so documents meet */
        int e = gaz_lookup(wk, c->w0, c->w1 - c->w0);
        if (e >= 0 && wk->t->gaz[e].type == ENT_PERSON)
            c->gaz = e;
    }
    if (c->gaz >= 0)
        return wk->t->gaz[c->gaz].key;
    if (c->type == ENT_ORGANIZATION || c->type == ENT_GROUP)
        return org_key(wk, c);
    size_t w0 = c->w0 + (c->w1 - c->w0 > 1 && word_is(wk, c->w0, "the"));
    phrase_key(wk, w0, c->w1 - w0);
    return arena_strndup(wk->doc->arena, wk->key.s ? wk->key.s : "",
                         wk->key.n);
}

/* A bare "Defense Ministry" is the document's qualified one when there
 * is exactly one ("defense ministry@russia"). */
static void qualify_orgs(struct work *wk, struct mention *ms, size_t n)
{
    struct map *quals = &wk->sc->quals; /* bare key -> mention, -1 when
                                           ambiguous */
    map_clear(quals);
    for (size_t i = 0; i < n; i++) {
        const char *at = strchr(ms[i].key, '@');
        int v;
        if (!at || ms[i].type == ENT_PERSON)
            continue;
        size_t bl = (size_t)(at - ms[i].key);
        if (!map_get(quals, ms[i].key, bl, &v))
            map_put(quals, ms[i].key, bl, (int)i, false);
        else if (v >= 0 && strcmp(ms[v].key, ms[i].key) != 0)
            map_put(quals, ms[i].key, bl, -1, true);
    }
    for (size_t i = 0; i < n && quals->n; i++) {
        int v;
        if ((ms[i].type == ENT_ORGANIZATION || ms[i].type == ENT_GROUP) &&
            !strchr(ms[i].key, '@') &&
            map_get(quals, ms[i].key, strlen(ms[i].key), &v) && v >= 0)
            ms[i].key = ms[v].key;
    }
}

/* A lone surname takes the key of the full name it abbreviates: the
 * nearest one before it, else the first after. */
static void join_surnames(struct work *wk, struct mention *ms, size_t n)
{
    struct map *first = &wk->sc->first, *last = &wk->sc->last;
    map_clear(first);
    map_clear(last);
    for (size_t i = 0; i < n; i++) {
        const struct cand *c = &wk->c[i];
        if (c->type == ENT_PERSON && c->name) {
            size_t len;
            const char *sk = surname_of(wk, c->w1 - 1, &len);
            map_put(first, sk, len, (int)i, false);
        }
    }
    for (size_t i = 0; i < n && first->n; i++) {
        const struct cand *c = &wk->c[i];
        int v;
        size_t len;
        if (c->type != ENT_PERSON)
            continue;
        const char *sk = surname_of(wk, c->name ? c->w1 - 1 : c->w0, &len);
        if (c->name)
            map_put(last, sk, len, (int)i, true);
        else if (map_get(last, sk, len, &v) || map_get(first, sk, len, &v))
            ms[i].key = ms[v].key;
    }
}

/* Mentions of one type and key are one local entity. */
static void number_locals(struct work *wk, struct mention *ms, size_t n)
{
    struct map *locals = &wk->sc->locals;
    struct buf *k = &wk->sc->sk;
    int next = 0;
    map_clear(locals);
    for (size_t i = 0; i < n; i++) {
        int v;
        k->n = 0;
        buf_putc(k, (char)('0' + ms[i].type));
        buf_put(k, ms[i].key, strlen(ms[i].key));
        if (!map_get(locals, k->s, k->n, &v)) {
            v = next++;
            map_put(locals, k->s, k->n, v, false);
        }
        ms[i].local = v;
    }
}

static void emit(struct work *wk)
{
    struct doc *doc = wk->doc;
    size_t first = doc->nmentions;
    for (size_t i = 0; i < wk->nc; i++) {
        struct cand *c = &wk->c[i];
        if (doc->nmentions == doc->capmentions)
            doc->mentions = xgrow(doc->mentions, &doc->capmentions,
                                  doc->nmentions + 1, sizeof *doc->mentions);
        struct mention *m = &doc->mentions[doc->nmentions++];
        memset(m, 0, sizeof *m);
        m->span.start = wk->w[c->w0].start;
        m->span.end = wk->w[c->w1 - 1].end;
        m->type = c->type;
        m->key = cand_key(wk, c);
        m->canonical = c->gaz >= 0 ? wk->t->gaz[c->gaz].name : NULL;
        if (c->r1 > c->r0) {
            m->role_span.start = wk->w[c->r0].start;
            m->role_span.end = wk->w[c->r1 - 1].end;
            m->role = words_text(wk, c->r0, c->r1);
        }
    }
    size_t n = doc->nmentions - first;
    if (n == 0)
        return; /* doc->mentions may be NULL: no offset may be added */
    struct mention *ms = doc->mentions + first;
    qualify_orgs(wk, ms, n);
    join_surnames(wk, ms, n);
    number_locals(wk, ms, n);
}

/* Lend the scratch's buffers to wk, emptied. */
static void work_borrow(struct work *wk, struct scratch *sc)
{
    wk->sc = sc;
    wk->memo = &sc->memo;
    wk->w = sc->w;
    wk->capw = sc->capw;
    wk->c = sc->c;
    wk->capc = sc->capc;
    wk->starts = sc->starts;
    wk->capstarts = sc->capstarts;
    wk->folds = sc->folds;
    wk->key = sc->key;
    wk->tmp = sc->tmp;
    wk->kb = sc->kb;
    wk->aux = sc->aux;
    wk->folds.n = wk->key.n = wk->tmp.n = wk->kb.n = wk->aux.n = 0;
}

/* Hand wk's buffers, perhaps regrown, back to its scratch. */
static void work_return(struct work *wk)
{
    struct scratch *sc = wk->sc;
    sc->w = wk->w;
    sc->capw = wk->capw;
    sc->c = wk->c;
    sc->capc = wk->capc;
    sc->starts = wk->starts;
    sc->capstarts = wk->capstarts;
    sc->folds = wk->folds;
    sc->key = wk->key;
    sc->tmp = wk->tmp;
    sc->kb = wk->kb;
    sc->aux = wk->aux;
}

void tag_run(const struct tagger *t, struct doc *doc)
{
    struct work wk = {0};
    wk.t = t;
    wk.doc = doc;
    work_borrow(&wk, scratch_take(t->pool));
    build_words(&wk);
    find_starts(&wk);
    gen_titles(&wk);
    gen_given_names(&wk);
    gen_apposition(&wk);
    gen_gazetteer(&wk);
    gen_org_heads(&wk);
    gen_place_cues(&wk);
    gen_patterns(&wk, wk.sc->rx);
    gen_frames(&wk);
    resolve(&wk);
    gen_surnames(&wk);
    gen_org_repeats(&wk);
    emit(&wk);
    work_return(&wk);
    scratch_give(t->pool, wk.sc);
}
