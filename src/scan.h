/* scan.h - private word scanner and word table for the date and number
 * stages (not part of the public API; lives in src/ on purpose).
 *
 * The scanner cuts the non-boilerplate text of a document into light
 * tokens that keep dates and designations whole ("26.10.2016", "Mi-8",
 * "22nd"); the word table maps lower-cased words to small integers. Token
 * arrays are the caller's (scan_toks_free); a scan_map owns its keys.
 */
#ifndef CLAIMDIFF_SCAN_H
#define CLAIMDIFF_SCAN_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint64_t */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "swar.h"           /* swar_letters_end, for scan_next */

struct rules;

struct doc;

enum scan_kind {
    SCAN_WORD,  /* letters, with inner hyphens ("twenty-one") */
    SCAN_NUM,   /* digits, with inner , . : / - between digits ("25,000") */
    SCAN_MIXED, /* letters and digits ("Mi-8", "22nd", "1950s", "2-mile") */
    SCAN_PUNCT, /* one punctuation character, possibly multibyte */
};

enum scan_flag {
    SCANF_CAP = 1 << 0,     /* starts with an ASCII capital */
    SCANF_ALLCAPS = 1 << 1, /* two or more letters, all capitals */
    SCANF_HYPHEN = 1 << 2,  /* holds a '-' ("twenty-one", "Mi-8") */
};

struct scan_tok {
    size_t start, end; /* byte span in the document text */
    unsigned char kind;
    unsigned char flags;
    /* SCAN_WORD: wordfilter_hash of the word, taken once here so that
     * the stages that look every word up (dates, numbers) do not each
     * hash it again (scan_index_get); 0 for other kinds. Fits the
     * padding: the token stays 24 bytes. */
    uint32_t hash;
};

struct scan_toks {
    struct scan_tok *v;
    size_t n, cap;
};

/* Append the tokens of text[start..end) to out. Spaces separate tokens
 * and make none. */
void scan_tokens(const char *text, size_t start, size_t end,
                 struct scan_toks *out);

/* ---- one token at a time ----------------------------------------------
 *
 * The token rules, once: scan_tokens and scan_doc_build cut with
 * scan_next, and so do the stages that re-read sentences (align, link),
 * which need no hash and no array. The common tokens (ASCII words and
 * numbers that nothing joins to the next byte, ASCII punctuation and
 * white space) are cut inline here; anything else (joiners, UTF-8)
 * goes to scan_next_slow. */

/* Out of line part of scan_next: text[*pos] (*pos < end) is not ASCII
 * white space. Cuts the token there into *t and returns 1, or steps
 * over a space past ASCII and returns 0; *pos is moved past either. */
int scan_next_slow(const char *text, size_t *pos, size_t end,
                   struct scan_tok *t);

/* Cut the next token of text[*pos..end) into *t (hash 0: scan_tokens
 * adds it) and move *pos to its end; false, with *pos at end, when only
 * spaces are left. Gives exactly scan_tokens' tokens, in order, reading
 * only text[*pos..end). Nothing is allocated. Always inline: it runs
 * once a token, and a call costs about as much as the common token.
 *
 *     size_t p = start;
 *     struct scan_tok t;
 *     while (scan_next(text, &p, end, &t))
 *         use(text + t.start, t.end - t.start);
 */
__attribute__((always_inline)) static inline bool
scan_next(const char *text, size_t *pos, size_t end, struct scan_tok *t)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t p = *pos;
    for (;;) {
        if (p >= end) {
            *pos = end;
            return false;
        }
        unsigned char c = s[p];
        if (c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t') {
            p++;
            continue;
        }
        size_t q = p + 1;
        if ((unsigned char)((c | 0x20) - 'a') < 26) {
            q = swar_letters_end(s, q, end);
            /* after a letter only a letter, a digit, a hyphen or a byte
             * past ASCII continues or joins the word (, . : / need a
             * digit before them) */
            unsigned char n = q < end ? s[q] : ' ';
            if (!(n >= 0x80 || n == '-' || (unsigned char)(n - '0') < 10)) {
                unsigned char flags = 0;
                if (c <= 'Z') {
                    size_t k = p + 1;
                    while (k < q && s[k] <= 'Z')
                        k++;
                    flags = SCANF_CAP |
                            (k == q && q - p >= 2 ? SCANF_ALLCAPS : 0);
                }
                *t = (struct scan_tok){p, q, SCAN_WORD, flags, 0};
                *pos = q;
                return true;
            }
        } else if ((unsigned char)(c - '0') < 10) {
            while (q < end && (unsigned char)(s[q] - '0') < 10)
                q++;
            /* a letter, a hyphen or a byte past ASCII continues a
             * number, and so does , . : / before a digit */
            unsigned char n = q < end ? s[q] : ' ';
            bool joins = n >= 0x80 || n == '-' ||
                         (unsigned char)((n | 0x20) - 'a') < 26 ||
                         ((n == ',' || n == '.' || n == ':' || n == '/') &&
                          q + 1 < end &&
                          (unsigned char)(s[q + 1] - '0') < 10);
            if (!joins) {
                *t = (struct scan_tok){p, q, SCAN_NUM, 0, 0};
                *pos = q;
                return true;
            }
        } else if (c < 0x80) {
            /* any other ASCII byte is one punctuation token */
            *t = (struct scan_tok){p, q, SCAN_PUNCT, 0, 0};
            *pos = q;
            return true;
        }
        /* copies whose address the call may keep, so that p and *t
         * stay in registers on the inline paths */
        size_t sp = p;
        struct scan_tok st;
        bool got = scan_next_slow(text, &sp, end, &st) != 0;
        p = sp;
        if (got) {
            *t = st;
            *pos = p;
            return true;
        }
    }
}

/* Call fn for each stretch of doc worth reading: the runs of consecutive
 * sentences not flagged SENT_BOILERPLATE when the document has sentences,
 * else the text between boilerplate regions. Runs come in text order. */
void scan_runs(const struct doc *doc,
               void (*fn)(void *ctx, size_t start, size_t end), void *ctx);

/* Release the token array (not the struct). */
void scan_toks_free(struct scan_toks *t);

/* The tokens of every run scan_runs gives, cut once so that the date and
 * the number stages, which read the same runs, do not each tokenise them.
 * Run r's tokens are toks.v[first[r] .. first[r + 1]); nruns + 1 entries
 * of first are set. Zero it to start; scan_doc_free releases the arrays. */
struct scan_doc {
    struct scan_toks toks;
    size_t *first;
    size_t nruns, capfirst;
};

/* Fill sd (emptied first, its arrays reused) with the tokens of doc's
 * runs, in text order: exactly what scan_tokens gives for each run of
 * scan_runs. doc->toks, when set, must be the segmenter's tokens of
 * doc->text (their TOKF_PLAIN words are taken whole, unread); a doc
 * without tokens is scanned byte by byte. */
void scan_doc_build(const struct doc *doc, struct scan_doc *sd);

/* Release sd's arrays (not the struct). */
void scan_doc_free(struct scan_doc *sd);

/* Longest key a scan_map holds; longer words are never found. */
#define SCAN_MAX_KEY 63

struct scan_map;

/* An empty table. Never NULL. */
struct scan_map *scan_map_new(void);

/* Release the table and its keys. NULL is a no-op. */
void scan_map_free(struct scan_map *m);

/* A new table of the first field of every row of the one-column rule
 * table name ("claims/stopwords"), in *out; CD_ERR_RULE with the row in
 * d, and *out untouched, when a row has more fields. */
enum cd_err scan_map_load(const struct rules *r, const char *name,
                          struct scan_map **out, struct diag *d);

/* The id of word (ASCII case-folded), adding it with the next free id
 * (0, 1, ...) if absent. Returns -1, adding nothing, for an empty word or
 * one longer than SCAN_MAX_KEY. */
int scan_map_put(struct scan_map *m, const char *word, size_t len);

/* The id of s[0..len) compared case-insensitively (ASCII), or -1. */
int scan_map_get(const struct scan_map *m, const char *s, size_t len);

/* The hash every scan_map keys s[0..len) by (ASCII capitals folded, so
 * "Said" and "said" hash alike). Compute it once per word and pass it to
 * scan_map_get_hashed for each table the word is looked up in. */
uint64_t scan_hash(const char *s, size_t len);

/* scan_map_get with h == scan_hash(s, len) already computed. */
int scan_map_get_hashed(const struct scan_map *m, const char *s, size_t len,
                        uint64_t h);

/* ---- an index of a scan_map keyed by the tokens' hash ------------------
 *
 * Dates and numbers look up every word token of a document and nearly
 * all miss. Keyed by the hash the scanner already stored in the token, a
 * miss costs one bucket load (most buckets are empty), a hit one folded
 * compare: no hashing per stage and no filter before the map. */

struct scan_index_entry {
    const char *key; /* the map's folded key (the map owns it) */
    uint32_t len;
    uint32_t next; /* the next entry of its bucket, + 1; 0 ends */
    int id;        /* the map's id of the key */
};

struct scan_index {
    uint32_t *bucket; /* first entry of each bucket, + 1; 0 if empty */
    struct scan_index_entry *e;
    size_t n;
    unsigned shift; /* bucket of hash h: h >> shift */
};

/* Fill x (zeroed, or emptied by scan_index_free) with every key of m.
 * x points at m's keys: it answers as m did when built and must be
 * rebuilt after m gains a key, and freed before m. */
void scan_index_build(struct scan_index *x, const struct scan_map *m);

/* Release x's arrays (not the struct, not the map's keys). */
void scan_index_free(struct scan_index *x);

/* scan_map_get(m, text + t->start, t->end - t->start) for a SCAN_WORD
 * token t cut by scan_tokens from text, where x was built from m; -1 for
 * any other kind of token. */
static inline int scan_index_get(const struct scan_index *x, const char *text,
                                 const struct scan_tok *t)
{
    if (t->kind != SCAN_WORD)
        return -1;
    const char *s = text + t->start;
    size_t len = t->end - t->start;
    for (uint32_t i = x->bucket[t->hash >> x->shift]; i;
         i = x->e[i - 1].next) {
        const struct scan_index_entry *e = &x->e[i - 1];
        if (e->len != len)
            continue;
        /* text is mostly lower case already: fold only on a difference */
        size_t k = 0;
        while (k < len &&
               (s[k] == e->key[k] ||
                (s[k] >= 'A' && s[k] <= 'Z' && s[k] + 32 == e->key[k])))
            k++;
        if (k == len)
            return e->id;
    }
    return -1;
}

/* True if token t of text is the single ASCII character c. */
int scan_is_char(const char *text, const struct scan_tok *t, char c);

/* The value of an all-digit token of at most 9 digits, or -1. */
long scan_digits(const char *text, const struct scan_tok *t);

#endif
