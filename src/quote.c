/* quote.c - quotations, their kinds and their speakers.
 *
 * Two passes over a document. The first pairs quotation marks inside each
 * paragraph (a stack per paragraph, so an unbalanced mark can never reach
 * past its paragraph) and yields "found" quotations in text order. The
 * second walks them in order, splits a quotation whose speech frame sits
 * inside it (the dash style of translated news), gives each a kind, and
 * looks for its speaker: a frame after it, a frame before it, else the
 * speaker of the quotation it continues. A running note of who spoke last
 * (fed by every speech verb outside quotations) resolves "he said", "it
 * added" and "the statement said". Every window the frame parser reads is
 * bounded by QUOTE_MAX_FRAME_BYTES, so the cost stays linear in the text.
 */
#include "claimdiff/quote.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h> /* strncasecmp */

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/utf8.h"
#include "claimdiff/wordfilter.h"
#include "markscan.h"
#include "scan.h"

/* How far from its quotation (in bytes) a frame's words may lie. */
#define QUOTE_MAX_FRAME_BYTES 400
/* Longest noun phrase read as a speaker, in words. */
#define QUOTE_MAX_NP_WORDS 14
/* Words before a mention that may describe it ("Secretary of State"). */
#define QUOTE_MAX_CONTEXT_BYTES 160
#define QUOTE_MAX_CONTEXT_WORDS 40
/* Earlier mentions tried when resolving a description or pronoun. */
#define QUOTE_MAX_LOOKBACK 400
/* Paragraphs over which "the minister" or "it" may reach the last speaker. */
#define QUOTE_SPEAKER_REACH 3
/* Paragraphs over which a fragment with no frame of its own carries on
 * the account of the last speaker (see account_frame). */
#define QUOTE_ACCOUNT_REACH 1

/* ---- Word classes ------------------------------------------------------ */

enum wclass {
    W_VERB = 1 << 0,       /* lexicon/speech_verbs */
    W_INVERTS = 1 << 1,    /* "said Kerry" */
    W_PERSON_PRON = 1 << 2,
    W_THING_PRON = 1 << 3,
    W_DOCUMENT = 1 << 4,
    W_AUX = 1 << 5,
    W_CLAUSE = 1 << 6,
    W_NP_STOP = 1 << 7,
    W_QUOTING = 1 << 8,
    W_DETERMINER = 1 << 9,
    W_ABBREV = 1 << 10,  /* lexicon/abbreviations: a dot after it goes on */
    W_DEMONYM = 1 << 11, /* lexicon/demonyms: capitalised, names no one */
};

static const struct {
    const char *name;
    unsigned bit;
} frame_classes[] = {
    {"person_pronoun", W_PERSON_PRON}, {"thing_pronoun", W_THING_PRON},
    {"document", W_DOCUMENT},          {"aux", W_AUX},
    {"clause", W_CLAUSE},              {"np_stop", W_NP_STOP},
    {"quoting", W_QUOTING},            {"determiner", W_DETERMINER},
};

struct pword {
    const char *s; /* lower case, arena */
    size_t len;
};

struct pseq {
    const struct pword *w;
    size_t n;
};

enum phrase_kind { PH_DESC, PH_CHANNEL };

/* A description or channel phrase, chained by its last word. */
struct phrase {
    struct pseq words;
    enum phrase_kind kind;
    enum ent_type type;     /* PH_DESC: the referent's type */
    const struct pseq *alts; /* PH_DESC: what the referent was called */
    size_t nalts;
    int next; /* next phrase with the same last word, -1 */
};

struct quoter {
    struct arena *arena;    /* phrase words and arrays */
    struct scan_map *words; /* word -> id into cls and last */
    struct wordfilter keys; /* the words of words: most tokens are not */
    struct wordfilter verbs; /* the W_VERB words: scan_to asks every word */
    /* The W_VERB words again, by first and last letter (ASCII, folded):
     * bit n (n < 32) of verb_ends[first][last] says a verb of n bytes has
     * them, bit 0 one of 32 bytes or more. Cheaper than the filter for
     * the words that start and end with a letter (nearly all), and it
     * rules out more of them ("that" is no "told"). */
    uint32_t verb_ends[26][26];
    unsigned *cls;          /* enum wclass bits per word id */
    int *last;              /* first phrase ending in that word, -1 */
    size_t nids, capids;
    struct phrase *phrases;
    size_t nphrases, capphrases;
};

/* ---- Building the quoter ----------------------------------------------- */

static int word_id(struct quoter *q, const char *s, size_t len)
{
    int id = scan_map_put(q->words, s, len);
    if (id < 0)
        return -1;
    wordfilter_add(&q->keys, s, len);
    while ((size_t)id >= q->nids) {
        if (q->nids == q->capids) {
            size_t cap = q->capids;
            q->cls = xgrow(q->cls, &q->capids, q->nids + 1, sizeof *q->cls);
            q->last = xgrow(q->last, &cap, q->nids + 1, sizeof *q->last);
        }
        q->cls[q->nids] = 0;
        q->last[q->nids] = -1;
        q->nids++;
    }
    return id;
}

static void add_class(struct quoter *q, const char *s, size_t len,
                      unsigned bits)
{
    int id = word_id(q, s, len);
    if (id >= 0)
        q->cls[id] |= bits;
}

/* Split s on spaces into lower-case words in the arena. */
static struct pseq split_words(struct quoter *q, const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        n++;
        while (*p && *p != ' ')
            p++;
    }
    struct pword *w = arena_alloc(q->arena, (n ? n : 1) * sizeof *w);
    size_t k = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && *p != ' ')
            p++;
        char *lw = arena_strndup(q->arena, b, (size_t)(p - b));
        for (char *c = lw; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        w[k].s = lw;
        w[k].len = (size_t)(p - b);
        k++;
    }
    return (struct pseq){w, n};
}

static enum cd_err add_phrase(struct quoter *q, const struct rule_row *row,
                              enum phrase_kind kind, struct diag *d)
{
    struct phrase ph = {.kind = kind, .next = -1};
    ph.words = split_words(q, row->fields[0]);
    if (ph.words.n == 0)
        return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                        "empty phrase");
    if (kind == PH_DESC) {
        const char *type = row->fields[1];
        if (strcmp(type, "person") == 0)
            ph.type = ENT_PERSON;
        else if (strcmp(type, "organization") == 0)
            ph.type = ENT_ORGANIZATION;
        else
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "type '%s' is neither person nor organization",
                            type);
        const char *alts = row->fields[2];
        size_t n = 1;
        for (const char *p = alts; *p; p++)
            n += *p == '|';
        struct pseq *v = arena_alloc(q->arena, n * sizeof *v);
        size_t k = 0;
        for (const char *p = alts;;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            char *one = arena_strndup(q->arena, p, len);
            v[k] = split_words(q, one);
            if (v[k].n > 0)
                k++;
            if (!bar)
                break;
            p = bar + 1;
        }
        ph.alts = v;
        ph.nalts = k;
    }
    const struct pword *lastw = &ph.words.w[ph.words.n - 1];
    int id = word_id(q, lastw->s, lastw->len);
    if (id < 0)
        return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                        "word too long");
    ph.next = q->last[id];
    if (q->nphrases == q->capphrases)
        q->phrases = xgrow(q->phrases, &q->capphrases, q->nphrases + 1,
                           sizeof *q->phrases);
    q->last[id] = (int)q->nphrases;
    q->phrases[q->nphrases++] = ph;
    return CD_OK;
}

/* The index of ASCII letter c in verb_ends (either case), or -1. */
static inline int letter_index(unsigned char c)
{
    unsigned i = (unsigned)(c | 32) - 'a';
    return i < 26 ? (int)i : -1;
}

/* The bit of a word of n bytes in a verb_ends mask. */
static inline uint32_t length_bit(size_t n)
{
    return n < 32 ? (uint32_t)1 << n : 1u;
}

/* Note verb s[0..n) in q->verb_ends. A verb that does not start and end
 * with a letter needs no bit: only words that do are asked there. */
static void add_verb_ends(struct quoter *q, const char *s, size_t n)
{
    if (n == 0)
        return;
    int a = letter_index((unsigned char)s[0]);
    int z = letter_index((unsigned char)s[n - 1]);
    if (a >= 0 && z >= 0)
        q->verb_ends[a][z] |= length_bit(n);
}

/* False if s[0..n) (n > 0) is certainly no speech verb: verb_ends for a
 * word between letters, else the verbs filter. Matching is ASCII
 * case-insensitive and by length (scan_map_get), as both tests are. */
static inline bool may_be_verb(const struct quoter *q, const char *s, size_t n)
{
    int a = letter_index((unsigned char)s[0]);
    int z = letter_index((unsigned char)s[n - 1]);
    if (a >= 0 && z >= 0)
        return q->verb_ends[a][z] & length_bit(n);
    return wordfilter_may(&q->verbs, s, n);
}

static enum cd_err load_verbs(struct quoter *q, const struct rules *r,
                              struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/speech_verbs");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    if (err)
        return err;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *inv = row->fields[1];
        unsigned bits = W_VERB;
        if (strcmp(inv, "yes") == 0)
            bits |= W_INVERTS;
        else if (strcmp(inv, "no") != 0)
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "inverts must be yes or no, not '%s'", inv);
        add_class(q, row->fields[0], strlen(row->fields[0]), bits);
        wordfilter_add(&q->verbs, row->fields[0], strlen(row->fields[0]));
        add_verb_ends(q, row->fields[0], strlen(row->fields[0]));
    }
    return CD_OK;
}

static enum cd_err load_frames(struct quoter *q, const struct rules *r,
                               struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/quote_frames");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    if (err)
        return err;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        unsigned bit = 0;
        for (size_t k = 0; k < sizeof frame_classes / sizeof *frame_classes;
             k++)
            if (strcmp(row->fields[1], frame_classes[k].name) == 0)
                bit = frame_classes[k].bit;
        if (!bit)
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "unknown class '%s'", row->fields[1]);
        add_class(q, row->fields[0], strlen(row->fields[0]), bit);
    }
    return CD_OK;
}

/* Words of other stages' tables that the frame parser also needs. */
static void load_shared(struct quoter *q, const struct rules *r)
{
    const struct rule_table *t = rules_get(r, "lexicon/abbreviations");
    for (size_t i = 0; i < t->nrows; i++) {
        const char *a = t->rows[i].fields[0];
        size_t len = strlen(a);
        if (len > 1 && a[len - 1] == '.')
            add_class(q, a, len - 1, W_ABBREV);
    }
    t = rules_get(r, "lexicon/demonyms");
    for (size_t i = 0; i < t->nrows; i++) {
        const char *a = t->rows[i].fields[0];
        add_class(q, a, strlen(a), W_DEMONYM);
    }
}

enum cd_err quote_new(const struct rules *r, struct quoter **out,
                      struct diag *d)
{
    *out = NULL;
    struct quoter *q = xcalloc(1, sizeof *q);
    q->arena = arena_new();
    q->words = scan_map_new();
    enum cd_err err = load_verbs(q, r, d);
    if (!err)
        err = load_frames(q, r, d);
    const struct rule_table *t = rules_get(r, "lexicon/quote_channels");
    if (!err)
        err = rules_check_fields(t, 1, 1, d);
    for (size_t i = 0; !err && i < t->nrows; i++)
        err = add_phrase(q, &t->rows[i], PH_CHANNEL, d);
    t = rules_get(r, "lexicon/speaker_descriptions");
    if (!err)
        err = rules_check_fields(t, 3, 3, d);
    for (size_t i = 0; !err && i < t->nrows; i++)
        err = add_phrase(q, &t->rows[i], PH_DESC, d);
    if (err) {
        quote_free(q);
        return err;
    }
    load_shared(q, r);
    *out = q;
    return CD_OK;
}

void quote_free(struct quoter *q)
{
    if (!q)
        return;
    scan_map_free(q->words);
    free(q->cls);
    free(q->last);
    free(q->phrases);
    arena_free(q->arena);
    free(q);
}

/* ---- Characters ------------------------------------------------------- */

enum family { FAM_NONE, FAM_DOUBLE, FAM_SINGLE };

static enum family mark_family(uint32_t cp)
{
    switch (cp) {
    case '"':
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F:
    case 0x00AB: /* « */
    case 0x00BB: /* » */
        return FAM_DOUBLE;
    case '\'':
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A:
    case 0x2039:
    case 0x203A:
        return FAM_SINGLE;
    default:
        return FAM_NONE;
    }
}

static bool is_dash(uint32_t cp)
{
    return cp >= 0x2010 && cp <= 0x2015;
}

static bool is_punct_cp(uint32_t cp)
{
    if (cp < 0x80)
        return !(cp >= '0' && cp <= '9') && !(cp >= 'a' && cp <= 'z') &&
               !(cp >= 'A' && cp <= 'Z') && cp > ' ';
    return mark_family(cp) != FAM_NONE || is_dash(cp) || cp == 0x2026 ||
           cp == 0x2032 || cp == 0x2033 || cp == 0xFFFD;
}

static inline bool is_word_cp(uint32_t cp)
{
    /* In ASCII, the word characters are exactly the letters and digits:
     * answered without the punctuation and space tables, as the scans
     * below call this once a character. */
    if (cp < 0x80)
        return (cp | 32) - 'a' < 26 || cp - '0' < 10;
    return !utf8_is_space(cp) && !is_punct_cp(cp);
}

/* Code point at i (0 at or past end), its length in *n. Invalid bytes
 * count as one punctuation byte, so scanning always advances. */
static uint32_t cp_at(const char *t, size_t i, size_t end, size_t *n)
{
    if (i >= end) {
        *n = 0;
        return 0;
    }
    uint32_t cp;
    size_t len = utf8_decode(t + i, end - i, &cp);
    if (len == 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = len;
    return cp;
}

static uint32_t cp_before_wide(const char *t, size_t i, size_t lo,
                               size_t *at);

/* Code point ending at i (0 at or before lo); its first byte in *at.
 * Inline for ASCII, which the backward word scans meet at nearly every
 * step; other bytes go to cp_before_wide. */
static inline uint32_t cp_before(const char *t, size_t i, size_t lo,
                                 size_t *at)
{
    if (i <= lo) {
        *at = lo;
        return 0;
    }
    if ((unsigned char)t[i - 1] < 0x80) {
        *at = i - 1;
        return (unsigned char)t[i - 1];
    }
    return cp_before_wide(t, i, lo, at);
}

/* cp_before for a byte >= 0x80 before i (and i > lo). */
static uint32_t cp_before_wide(const char *t, size_t i, size_t lo,
                               size_t *at)
{
    size_t j = i - 1;
    while (j > lo && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    size_t n;
    uint32_t cp = cp_at(t, j, i, &n);
    if (j + n != i) { /* a stray continuation byte */
        *at = i - 1;
        return 0xFFFD;
    }
    *at = j;
    return cp;
}

/* Letters join across - ' ’ and . inside a word ("al-Nusra", "Russia’s",
 * "U.S"). */
static bool is_joiner(uint32_t cp)
{
    return cp == '-' || cp == '\'' || cp == 0x2019 || cp == '.' ||
           cp == 0x2010 || cp == 0x2011;
}

static bool ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* ---- Per-run state ----------------------------------------------------- */

/* A quotation as its marks delimit it, before it is split and attributed. */
struct found {
    struct span content; /* the words, without the marks */
    size_t open;         /* first byte of the opening mark */
    size_t close_end;    /* one past the closing mark */
    unsigned para;       /* paragraph of the opening mark */
    unsigned last_para;  /* paragraph of the closing mark */
    bool orphan;         /* a closing mark with no opening one */
};

struct mark {
    size_t pos, len;
    unsigned para;
    enum family fam;
};

struct run {
    const struct quoter *q;
    struct doc *doc;
    const char *t;
    struct span *paras;
    size_t nparas, capparas;
    struct found *found;
    size_t nfound, capfound;
    struct mark *stack;
    size_t nstack, capstack;
    bool carry; /* stack[0] of the last paragraph runs on into the next */
    struct mark carried;

    /* who spoke last, for pronouns and descriptions */
    int last_person, last_thing;
    unsigned last_person_para, last_thing_para;
    /* whichever of the two was noted last: the account being reported */
    int last_speaker;
    unsigned last_speaker_para;

    /* the speech-verb scanner that feeds them */
    size_t scan_para, scan_pos, scan_found;

    /* the last reported quotation */
    int prev_q;
    unsigned prev_para;
    size_t prev_close;
    bool prev_awaits; /* its frame closed it: a stray mark ends the rest */
};

/* ---- Words ----------------------------------------------------------- */

/* What the word scans need to know of a byte without decoding: an ASCII
 * word character (is_word_cp), an ASCII joiner (is_joiner), a byte of a
 * wider character (decoded), or other ASCII (0). One load a byte instead
 * of the range tests: next_word reads every byte outside quotations,
 * prev_word most bytes before speech verbs. */
enum { B_LETTER = 1, B_JOINER = 2, B_WIDE = 4 };
#define L B_LETTER
#define J B_JOINER
#define W B_WIDE
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, J, 0, 0, 0, 0, 0, J, J, 0,
    L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0, 0,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
};
#undef L
#undef J
#undef W

/* Where the word whose bytes run up to i (i inside it or at its end)
 * ends, before end: letters, wide word characters and joiners between
 * word characters. */
__attribute__((noinline)) static size_t word_end_at(const struct run *r,
                                                    size_t i, size_t end)
{
    size_t n;
    uint32_t cp;
    const unsigned char *t = (const unsigned char *)r->t;
    while (i < end) {
        unsigned c = byte_class[t[i]];
        if (c & B_LETTER) {
            i++;
            continue;
        }
        /* other ASCII ends the word unless it is a joiner (is_joiner) */
        if (!c)
            break;
        cp = cp_at(r->t, i, end, &n);
        if (is_word_cp(cp)) {
            i += n;
            continue;
        }
        size_t m;
        if (is_joiner(cp) && is_word_cp(cp_at(r->t, i + n, end, &m))) {
            i += n;
            continue;
        }
        break;
    }
    return i;
}

/* next_word from i on, where the bytes may need decoding. */
__attribute__((noinline)) static bool
next_word_wide(const struct run *r, size_t i, size_t end, struct span *w)
{
    size_t n;
    uint32_t cp;
    const unsigned char *t = (const unsigned char *)r->t;
    while (i < end) {
        unsigned c = byte_class[t[i]];
        if (c & B_LETTER)
            break;
        if (!(c & B_WIDE)) { /* ASCII without a decode */
            i++;
            continue;
        }
        cp = cp_at(r->t, i, end, &n);
        if (is_word_cp(cp))
            break;
        i += n;
    }
    if (i >= end)
        return false;
    w->start = i;
    w->end = word_end_at(r, i, end);
    return true;
}

/* The next word at or after *pos and before end. The loops below take
 * plain ASCII (nearly every byte); a wide byte or a joiner hands the
 * rest to next_word_wide or word_end_at, which read it as a whole, so
 * this function keeps few registers to save on each call (35 k calls
 * per 100 documents); kept out of line, they would bring their
 * registers back. */
static bool next_word(const struct run *r, size_t pos, size_t end,
                      struct span *w)
{
    size_t i = pos;
    const unsigned char *t = (const unsigned char *)r->t;
    while (i < end) {
        unsigned c = byte_class[t[i]];
        if (c & B_LETTER)
            break;
        if (c & B_WIDE)
            return next_word_wide(r, i, end, w);
        i++;
    }
    if (i >= end)
        return false;
    w->start = i;
    while (i < end) {
        unsigned c = byte_class[t[i]];
        if (!(c & B_LETTER)) {
            if (c)
                i = word_end_at(r, i, end);
            break;
        }
        i++;
    }
    w->end = i;
    return true;
}

/* The last word ending at or before pos and starting at or after lo. */
static bool prev_word(const struct run *r, size_t pos, size_t lo,
                      struct span *w)
{
    size_t i = pos, at;
    uint32_t cp;
    const unsigned char *t = (const unsigned char *)r->t;
    while (i > lo) {
        unsigned c = byte_class[t[i - 1]];
        if (c & B_LETTER)
            break;
        if (!(c & B_WIDE)) { /* ASCII without a decode */
            i--;
            continue;
        }
        cp = cp_before(r->t, i, lo, &at);
        if (is_word_cp(cp))
            break;
        i = at;
    }
    if (i <= lo)
        return false;
    w->end = i;
    while (i > lo) {
        unsigned c = byte_class[t[i - 1]];
        if (c & B_LETTER) {
            i--;
            continue;
        }
        if (!c) /* ASCII that neither joins nor is a word */
            break;
        cp = cp_before(r->t, i, lo, &at);
        if (is_word_cp(cp)) {
            i = at;
            continue;
        }
        size_t at2;
        if (is_joiner(cp) && is_word_cp(cp_before(r->t, at, lo, &at2))) {
            i = at;
            continue;
        }
        break;
    }
    w->start = i;
    return true;
}

static unsigned word_class(const struct run *r, struct span w)
{
    int id = wordfilter_may(&r->q->keys, r->t + w.start, w.end - w.start)
                 ? scan_map_get(r->q->words, r->t + w.start, w.end - w.start)
                 : -1;
    return id < 0 ? 0 : r->q->cls[id];
}

static bool word_is(const struct run *r, struct span w, const char *s)
{
    size_t n = strlen(s);
    if (w.end - w.start != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = r->t[w.start + i];
        if (ascii_upper(c))
            c = (char)(c - 'A' + 'a');
        if (c != s[i])
            return false;
    }
    return true;
}

/* A dot after w does not end a sentence: "U.S.", "Mr.", "J." */
static bool word_is_abbrev(const struct run *r, struct span w)
{
    if (memchr(r->t + w.start, '.', w.end - w.start))
        return true;
    if (w.end - w.start == 1 && ascii_upper(r->t[w.start]))
        return true;
    return (word_class(r, w) & W_ABBREV) != 0;
}

/* True if the byte at i ('.', '!', '?' or the start of '…') ends a
 * sentence: followed by space (after closing marks) or the end. */
static bool ends_sentence(const struct run *r, size_t i, size_t end)
{
    size_t n;
    uint32_t cp = cp_at(r->t, i, end, &n);
    if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026)
        return false;
    size_t j = i + n, m;
    uint32_t nx = cp_at(r->t, j, end, &m);
    while (m && (mark_family(nx) != FAM_NONE || nx == ')'))
        nx = cp_at(r->t, j += m, end, &m);
    if (m && !utf8_is_space(nx))
        return false;
    struct span w;
    if (cp == '.' && prev_word(r, i, i > 64 ? i - 64 : 0, &w) && w.end == i &&
        word_is_abbrev(r, w))
        return false;
    return true;
}

/* Start of the sentence holding pos, not before lo. */
static size_t sentence_start(const struct run *r, size_t pos, size_t lo)
{
    if (pos > lo + QUOTE_MAX_FRAME_BYTES)
        lo = pos - QUOTE_MAX_FRAME_BYTES;
    for (size_t i = pos; i > lo; i--) {
        char c = r->t[i - 1];
        if ((c == '.' || c == '!' || c == '?') && ends_sentence(r, i - 1, pos))
            return i;
    }
    return lo;
}

/* One past the punctuation that ends the sentence holding pos, or end. */
static size_t sentence_end(const struct run *r, size_t pos, size_t end)
{
    for (size_t i = pos; i < end; i++) {
        char c = r->t[i];
        if ((c == '.' || c == '!' || c == '?') && ends_sentence(r, i, end))
            return i + 1;
    }
    return end;
}

/* True if [a, b) holds punctuation that ends a noun phrase. */
static bool gap_breaks(const struct run *r, size_t a, size_t b)
{
    for (size_t i = a, n; i < b; i += n) {
        uint32_t cp = cp_at(r->t, i, b, &n);
        if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == ')' ||
            cp == '!' || cp == '?' || cp == '.' || cp == 0x2026 ||
            is_dash(cp) || mark_family(cp) == FAM_DOUBLE ||
            (cp == '-' && i > a && i + 1 < b))
            return true;
    }
    return false;
}

/* ---- Mentions -------------------------------------------------------- */

/* Index of the first mention starting at or after pos. */
static size_t mention_at(const struct doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->nmentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->mentions[mid].span.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* True if pos lies inside a quotation the first pass found. */
static bool in_found(const struct run *r, size_t pos)
{
    size_t lo = 0, hi = r->nfound;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->found[mid].open <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && pos < r->found[lo - 1].close_end &&
           !r->found[lo - 1].orphan;
}

/* Words of [a, b), at most max, into w. */
static size_t collect_words(const struct run *r, size_t a, size_t b,
                            struct span *w, size_t max)
{
    size_t n = 0;
    struct span x;
    while (n < max && next_word(r, a, b, &x)) {
        w[n++] = x;
        a = x.end;
    }
    return n;
}

/* True if seq occurs in w[0..n) as consecutive words. */
static bool has_seq(const struct run *r, const struct span *w, size_t n,
                    const struct pseq *seq)
{
    for (size_t i = 0; i + seq->n <= n; i++) {
        size_t k = 0;
        while (k < seq->n) {
            struct span x = w[i + k];
            if (x.end - x.start != seq->w[k].len ||
                strncasecmp(r->t + x.start, seq->w[k].s, seq->w[k].len) != 0)
                break;
            k++;
        }
        if (k == seq->n)
            return true;
    }
    return false;
}

/* The longest phrase of kind ending at one of w[0..n), or -1. */
/* find_phrase for both kinds at once: best[kind] for each enum
 * phrase_kind. classify needs both over the same words, and the word
 * lookups are most of the cost: one pass makes them once. */
static void find_phrases(const struct run *r, const struct span *w, size_t n,
                         int best[2])
{
    size_t bestlen[2] = {0, 0};
    best[PH_DESC] = best[PH_CHANNEL] = -1;
    for (size_t j = 0; j < n; j++) {
        size_t len = w[j].end - w[j].start;
        int id = wordfilter_may(&r->q->keys, r->t + w[j].start, len)
                     ? scan_map_get(r->q->words, r->t + w[j].start, len)
                     : -1;
        for (int p = id < 0 ? -1 : r->q->last[id]; p >= 0;
             p = r->q->phrases[p].next) {
            const struct phrase *ph = &r->q->phrases[p];
            if (ph->words.n > j + 1 || ph->words.n <= bestlen[ph->kind])
                continue;
            if (has_seq(r, w + j + 1 - ph->words.n, ph->words.n, &ph->words)) {
                best[ph->kind] = p;
                bestlen[ph->kind] = ph->words.n;
            }
        }
    }
}

/* The longest phrase of kind ending at a word of w (the first of equals),
 * or -1. */
static int find_phrase(const struct run *r, const struct span *w, size_t n,
                       enum phrase_kind kind)
{
    int best[2];
    find_phrases(r, w, n, best);
    return best[kind];
}

static bool mention_is_channel(const struct run *r, const struct mention *m)
{
    struct span w[8];
    size_t n = collect_words(r, m->span.start, m->span.end, w, 8);
    return find_phrase(r, w, n, PH_CHANNEL) >= 0;
}

/* ---- Who a noun phrase names ------------------------------------------ */

enum who_kind {
    WHO_NONE,
    WHO_MENTION,
    WHO_PERSON_PRONOUN,
    WHO_THING_PRONOUN,
    WHO_DESC,
    WHO_DOCUMENT,
    WHO_CHANNEL,
};

struct who {
    enum who_kind kind;
    int mention; /* WHO_MENTION */
    int phrase;  /* WHO_DESC */
    struct span np;
    bool named; /* holds a capitalised word that may be a name */
};

/* True if w lies inside a mention of the tagger. */
static bool covered(const struct run *r, struct span w)
{
    const struct doc *doc = r->doc;
    size_t i = mention_at(doc, w.start + 1);
    return i > 0 && doc->mentions[i - 1].span.end >= w.end;
}

/* True if mention m is the complement of "of" ("the head of the state
 * Department"): the phrase is about someone else. */
static bool after_of(const struct run *r, const struct mention *m, size_t lo)
{
    struct span w;
    if (!prev_word(r, m->span.start, lo, &w))
        return false;
    if (word_is(r, w, "the") && !prev_word(r, w.start, lo, &w))
        return false;
    return word_is(r, w, "of");
}

static struct who classify(const struct run *r, struct span np)
{
    struct who who = {WHO_NONE, -1, -1, np, false};
    if (np.start >= np.end)
        return who;
    struct span w[QUOTE_MAX_NP_WORDS + 2];
    size_t n = collect_words(r, np.start, np.end, w, QUOTE_MAX_NP_WORDS + 2);
    int best[2];
    find_phrases(r, w, n, best);
    int desc = best[PH_DESC];
    bool channel = best[PH_CHANNEL] >= 0;
    const struct doc *doc = r->doc;
    int person = -1, other = -1;
    for (size_t i = mention_at(doc, np.start);
         i < doc->nmentions && doc->mentions[i].span.start < np.end; i++) {
        const struct mention *m = &doc->mentions[i];
        if (m->span.end > np.end || m->type == ENT_PLACE)
            continue;
        if (mention_is_channel(r, m))
            channel = true;
        else if (m->type == ENT_PERSON)
            person = (int)i;
        else if (desc < 0 || !after_of(r, m, np.start))
            other = (int)i;
    }
    /* A person beats the channel that carried the words ("Reuters
     * correspondent X said"); a body does not ("Russia's Interfax news
     * agency reported"). */
    if (person >= 0 || (other >= 0 && !channel)) {
        who.kind = WHO_MENTION;
        who.mention = person >= 0 ? person : other;
        return who;
    }
    if (channel) {
        who.kind = WHO_CHANNEL;
        return who;
    }
    if (n > 0 && n <= 2) {
        unsigned c = word_class(r, w[n - 1]);
        if (c & W_PERSON_PRON)
            who.kind = WHO_PERSON_PRONOUN;
        else if (c & W_THING_PRON)
            who.kind = WHO_THING_PRONOUN;
        if (who.kind != WHO_NONE)
            return who;
    }
    if (desc >= 0) {
        who.kind = WHO_DESC;
        who.phrase = desc;
        return who;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned c = word_class(r, w[i]);
        if (c & W_DOCUMENT)
            who.kind = WHO_DOCUMENT;
        /* A capital inside the phrase, outside any mention, may be a name
         * the tagger missed; the first word of a sentence proves nothing. */
        if (ascii_upper(r->t[w[i].start]) && !covered(r, w[i]) &&
            !(c & (W_DETERMINER | W_DEMONYM | W_PERSON_PRON | W_THING_PRON)) &&
            sentence_start(r, w[i].start, 0) != w[i].start)
            who.named = true;
    }
    return who;
}

/* True if the only break between word w and pos is the dot of an
 * abbreviation ("U.S. Secretary", "Gen. Konashenkov"). */
static bool abbrev_dot(const struct run *r, struct span w, size_t pos)
{
    return w.end < pos && r->t[w.end] == '.' &&
           !gap_breaks(r, w.end + 1, pos) && word_is_abbrev(r, w);
}

/* The noun phrase that ends at e, read backwards no further than lo. */
static struct span np_before(const struct run *r, size_t lo, size_t e)
{
    struct span np = {e, e}, w;
    size_t pos = e;
    for (int k = 0; k < QUOTE_MAX_NP_WORDS && prev_word(r, pos, lo, &w); k++) {
        if (gap_breaks(r, w.end, pos) && !abbrev_dot(r, w, pos))
            break;
        if (word_class(r, w) & (W_CLAUSE | W_VERB | W_QUOTING))
            break;
        if (k == 0)
            np.end = w.end;
        np.start = w.start;
        pos = w.start;
    }
    return np;
}

/* The noun phrase that starts at s (after an inverted verb), up to hi. */
static struct span np_after(const struct run *r, size_t s, size_t hi)
{
    struct span np = {s, s}, w, prev = {s, s};
    for (int k = 0; k < QUOTE_MAX_NP_WORDS && next_word(r, prev.end, hi, &w);
         k++) {
        if (gap_breaks(r, prev.end, w.start) &&
            !(k > 0 && abbrev_dot(r, prev, w.start)))
            break;
        if (word_class(r, w) & (W_NP_STOP | W_CLAUSE | W_VERB | W_QUOTING))
            break;
        if (k == 0)
            np.start = w.start;
        np.end = w.end;
        prev = w;
    }
    return np;
}

/* Skip back over spaces from i, not before lo. */
static size_t back_space(const struct run *r, size_t i, size_t lo)
{
    size_t at;
    while (i > lo && utf8_is_space(cp_before(r->t, i, lo, &at)))
        i = at;
    return i;
}

/* The speaker of a verb at verb_start, from the words before it. Handles
 * "Kerry also said", "Lavrov (seen below) added" and the appositive of
 * "Fadi Ahmed, a spokesman for X, said" / "the secretary general, Jens
 * Stoltenberg, told". */
static struct who find_subject(const struct run *r, size_t lo,
                               size_t verb_start)
{
    size_t e = back_space(r, verb_start, lo);
    struct span w;
    for (int k = 0; k < 3 && prev_word(r, e, lo, &w) && w.end == e; k++) {
        bool ly = w.end - w.start > 3 && r->t[w.end - 2] == 'l' &&
                  r->t[w.end - 1] == 'y' && !ascii_upper(r->t[w.start]);
        if (!(word_class(r, w) & W_AUX) && !ly)
            break;
        e = back_space(r, w.start, lo);
    }
    if (e > lo && r->t[e - 1] == ')') {
        const char *open = NULL;
        for (size_t i = e - 1; i > lo && e - i < 120; i--)
            if (r->t[i - 1] == '(') {
                open = r->t + i - 1;
                break;
            }
        if (open)
            e = back_space(r, (size_t)(open - r->t), lo);
    }
    if (e > lo && r->t[e - 1] == ',') {
        size_t c2 = e - 1, c1 = c2;
        while (c1 > lo && r->t[c1 - 1] != ',' && c2 - c1 < 200 &&
               !(c1 - 1 > lo && ends_sentence(r, c1 - 1, c2)))
            c1--;
        if (c1 > lo && r->t[c1 - 1] == ',') {
            struct who head = classify(r, np_before(r, lo, c1 - 1));
            if (head.kind == WHO_MENTION)
                return head;
            struct who app =
                classify(r, np_before(r, c1, back_space(r, c2, c1)));
            if (app.kind == WHO_MENTION || head.kind == WHO_NONE)
                return app;
            return head;
        }
        e = back_space(r, c2, lo);
    }
    return classify(r, np_before(r, lo, e));
}

/* ---- Resolving a speaker ---------------------------------------------- */

/* The latest mention before pos, outside quotations and within reach
 * bytes, that is a person (person) or a body that may speak (!person). */
static int nearest_mention(const struct run *r, size_t pos, bool person,
                           size_t reach)
{
    const struct doc *doc = r->doc;
    size_t i = mention_at(doc, pos);
    for (int k = 0; i > 0 && k < QUOTE_MAX_LOOKBACK; k++) {
        const struct mention *m = &doc->mentions[--i];
        if (m->span.start + reach < pos)
            break;
        if (in_found(r, m->span.start) || m->type == ENT_PLACE)
            continue;
        if ((m->type == ENT_PERSON) == person && !mention_is_channel(r, m))
            return (int)i;
    }
    return -1;
}

/* True if the words around mention mi (its role, its words and the words
 * just before it in its sentence, back to the previous mention of the
 * same kind) contain one of the description's alternatives. */
static bool mention_fits(const struct run *r, size_t mi,
                         const struct phrase *ph)
{
    const struct mention *m = &r->doc->mentions[mi];
    size_t a = m->span.start > QUOTE_MAX_CONTEXT_BYTES
                   ? m->span.start - QUOTE_MAX_CONTEXT_BYTES
                   : 0;
    if (m->role_span.end > m->role_span.start && m->role_span.start < a &&
        m->role_span.start + QUOTE_MAX_CONTEXT_BYTES * 2 > m->span.start)
        a = m->role_span.start;
    a = sentence_start(r, m->span.start, a);
    for (size_t j = mi; j > 0 && mi - j < 20; j--) {
        const struct mention *o = &r->doc->mentions[j - 1];
        if ((o->type == ENT_PERSON) == (m->type == ENT_PERSON)) {
            if (o->span.end > a && o->span.end <= m->span.start)
                a = o->span.end;
            break;
        }
    }
    const char *nl = NULL;
    for (size_t i = m->span.start; i > a; i--)
        if (r->t[i - 1] == '\n') {
            nl = r->t + i;
            break;
        }
    if (nl)
        a = (size_t)(nl - r->t);
    size_t b = m->span.end > m->role_span.end ? m->span.end : m->role_span.end;
    struct span w[QUOTE_MAX_CONTEXT_WORDS];
    size_t n = 0;
    /* the last QUOTE_MAX_CONTEXT_WORDS words of the window */
    struct span x;
    for (size_t pos = a; next_word(r, pos, b, &x); pos = x.end) {
        if (n == QUOTE_MAX_CONTEXT_WORDS) {
            memmove(w, w + 1, (n - 1) * sizeof *w);
            n--;
        }
        w[n++] = x;
    }
    for (size_t k = 0; k < ph->nalts; k++)
        if (has_seq(r, w, n, &ph->alts[k]))
            return true;
    return false;
}

static int resolve_desc(const struct run *r, int phrase, size_t pos,
                        unsigned para)
{
    const struct phrase *ph = &r->q->phrases[phrase];
    const struct doc *doc = r->doc;
    size_t i = mention_at(doc, pos);
    for (int k = 0; i > 0 && k < QUOTE_MAX_LOOKBACK; k++) {
        const struct mention *m = &doc->mentions[--i];
        bool person = m->type == ENT_PERSON;
        if (person != (ph->type == ENT_PERSON) || m->type == ENT_PLACE ||
            m->type == ENT_COUNTRY)
            continue;
        if (mention_fits(r, i, ph))
            return (int)i;
    }
    if (ph->type == ENT_PERSON && r->last_person >= 0 &&
        para - r->last_person_para <= QUOTE_SPEAKER_REACH)
        return r->last_person;
    return -1;
}

static int resolve(const struct run *r, const struct who *who, size_t pos,
                   unsigned para)
{
    switch (who->kind) {
    case WHO_MENTION:
        return who->mention;
    case WHO_PERSON_PRONOUN:
        if (r->last_person >= 0)
            return r->last_person;
        return nearest_mention(r, pos, true, 2000);
    case WHO_THING_PRONOUN:
    case WHO_DOCUMENT:
        if (r->last_thing >= 0 &&
            para - r->last_thing_para <= QUOTE_SPEAKER_REACH)
            return r->last_thing;
        return nearest_mention(r, pos, false, 600);
    case WHO_DESC:
        return resolve_desc(r, who->phrase, pos, para);
    case WHO_NONE:
    case WHO_CHANNEL:
        break;
    }
    return -1;
}

static void note_speaker(struct run *r, int m, unsigned para)
{
    if (m < 0)
        return;
    r->last_speaker = m;
    r->last_speaker_para = para;
    if (r->doc->mentions[m].type == ENT_PERSON) {
        r->last_person = m;
        r->last_person_para = para;
    } else {
        r->last_thing = m;
        r->last_thing_para = para;
    }
}

/* ---- Frames ------------------------------------------------------------ */

struct frame {
    bool found;   /* the text gives a frame here */
    int speaker;  /* mention, or -1 */
    struct span words;
};

static struct frame make_frame(const struct run *r, const struct who *who,
                               struct span words, size_t pos, unsigned para)
{
    struct frame f = {true, resolve(r, who, pos, para), words};
    if (f.speaker < 0 && !who->named)
        f.words = (struct span){0, 0};
    return f;
}

/* "the speaker" of a verb found at v, in the words before it or, for a
 * passive ("stated by X") or "quoting X as saying", around it. */
static struct who verb_subject(const struct run *r, size_t lo, struct span v,
                               size_t hi, struct span *words)
{
    struct span nx, pv;
    if (next_word(r, v.end, hi, &nx) && word_is(r, nx, "by") &&
        !gap_breaks(r, v.end, nx.start)) {
        struct who who = classify(r, np_after(r, nx.end, hi));
        *words = (struct span){v.start, who.np.end};
        return who;
    }
    size_t e = v.start;
    if (word_is(r, v, "saying") && prev_word(r, v.start, lo, &pv) &&
        word_is(r, pv, "as"))
        e = pv.start;
    struct who who;
    if (e == v.start)
        who = find_subject(r, lo, e);
    else
        who = classify(r, np_before(r, lo, back_space(r, e, lo)));
    size_t s = who.np.start;
    if (who.kind == WHO_MENTION &&
        r->doc->mentions[who.mention].span.start < s)
        s = r->doc->mentions[who.mention].span.start;
    if (who.np.start >= who.np.end)
        s = v.start;
    *words = (struct span){s, v.end};
    return who;
}

/* "according to X": words and speaker; a document ("a release") is no one
 * in this frame. */
static struct who according(const struct run *r, struct span a, size_t hi,
                            struct span *words)
{
    struct span to;
    struct who who = {WHO_NONE, -1, -1, {a.end, a.end}, false};
    if (!next_word(r, a.end, hi, &to) || !word_is(r, to, "to"))
        return who;
    who = classify(r, np_after(r, to.end, hi));
    if (who.kind == WHO_DOCUMENT)
        who.kind = WHO_NONE;
    *words = (struct span){a.start, who.np.end > to.end ? who.np.end : to.end};
    return who;
}

/* A speaker named without a verb after the quotation, the paragraph's
 * last words: `"...," Russian Defence Ministry spokesman` (a caption, a
 * pull quote, a text cut short). Only a name counts: a bare description
 * there is as likely the start of a sentence the text lost. */
static struct frame bare_frame(const struct run *r, const struct found *f,
                               struct span np, size_t hi)
{
    struct frame none = {false, -1, {0, 0}};
    struct span w;
    if (np.start >= np.end || next_word(r, np.end, hi, &w))
        return none;
    struct who who = classify(r, np);
    if (who.kind != WHO_MENTION)
        return none;
    return make_frame(r, &who, np, f->open, f->para);
}

/* The frame after a quotation: `"...," Kerry said`, `", — said X`,
 * `" – stated in the message`. hi bounds the window. */
static struct frame post_frame(const struct run *r, const struct found *f,
                               size_t hi)
{
    struct frame none = {false, -1, {0, 0}};
    size_t i = f->close_end, n;
    bool linked = false; /* a comma or dash ties the frame to the quote */
    bool capped = hi > i + QUOTE_MAX_FRAME_BYTES;
    if (capped)
        hi = i + QUOTE_MAX_FRAME_BYTES;
    for (; i < hi; i += n) {
        uint32_t cp = cp_at(r->t, i, hi, &n);
        if (cp == ',' || is_dash(cp) || cp == '-') {
            linked = true;
        } else if (cp == '.' && !linked) {
            size_t m, j = i + 1;
            while (j < hi && utf8_is_space(cp_at(r->t, j, hi, &m)))
                j += m;
            uint32_t c2 = cp_at(r->t, j, hi, &m);
            if (!is_dash(c2) && c2 != '-')
                return none;
        } else if (!utf8_is_space(cp)) {
            break;
        }
    }
    struct span w0;
    if (!next_word(r, i, hi, &w0) || w0.start != i)
        return none;
    size_t last;
    uint32_t endcp = cp_before(r->t, back_space(r, f->content.end,
                                                f->content.start),
                               f->content.start, &last);
    bool closed = endcp == '.' || endcp == '!' || endcp == '?';
    if (closed && !linked && ascii_upper(r->t[w0.start]))
        return none;
    size_t send = sentence_end(r, w0.start, hi);
    unsigned c0 = word_class(r, w0);
    struct span words;
    struct who who;
    if (word_is(r, w0, "according")) {
        who = according(r, w0, send, &words);
    } else if (c0 & W_VERB) {
        if (!(c0 & W_INVERTS))
            return none;
        who = classify(r, np_after(r, w0.end, send));
        words = (struct span){w0.start, who.np.end > w0.end ? who.np.end
                                                           : w0.end};
        struct span in, det, doc;
        if (who.kind == WHO_NONE && who.np.start == who.np.end &&
            next_word(r, w0.end, send, &in) && word_is(r, in, "in") &&
            next_word(r, in.end, send, &det) &&
            next_word(r, det.end, send, &doc) &&
            (word_class(r, doc) & W_DOCUMENT)) {
            who.kind = WHO_DOCUMENT;
            words.end = doc.end;
        }
    } else {
        struct span w = w0, v = {0, 0};
        size_t pos = w0.start;
        for (int k = 0; k < QUOTE_MAX_NP_WORDS; k++) {
            if (!next_word(r, pos, send, &w))
                return (linked || endcp == ',') && k > 0 && !capped
                           ? bare_frame(r, f, (struct span){w0.start, pos},
                                        hi)
                           : none;
            unsigned c = word_class(r, w);
            if (c & W_VERB) {
                v = w;
                break;
            }
            if (c & (W_CLAUSE | W_QUOTING))
                return none;
            pos = w.end;
        }
        if (v.end == 0)
            return none;
        who = verb_subject(r, w0.start, v, send, &words);
    }
    if (who.kind == WHO_CHANNEL)
        return none;
    return make_frame(r, &who, words, f->open, f->para);
}

/* The frame before a quotation in its sentence: `Kerry said, "`, `According
 * to Kerry, “`, `the minister added cautiously that "`. */
static struct frame pre_frame(const struct run *r, const struct found *f,
                              size_t lo)
{
    struct frame none = {false, -1, {0, 0}};
    lo = sentence_start(r, f->open, lo);
    struct span w;
    size_t pos = f->open;
    for (int k = 0; k < 30 && prev_word(r, pos, lo, &w); k++) {
        pos = w.start;
        unsigned c = word_class(r, w);
        struct span words;
        struct who who;
        if (word_is(r, w, "according"))
            who = according(r, w, f->open, &words);
        else if (c & W_VERB)
            who = verb_subject(r, lo, w, f->open, &words);
        else
            continue;
        if (who.kind == WHO_CHANNEL)
            return none;
        if (who.kind == WHO_NONE && who.np.start >= who.np.end)
            continue; /* "... and called": the subject is further back */
        return make_frame(r, &who, words, f->open, f->para);
    }
    return none;
}

/* A frame inside the marks, Russian style: `“On the other hand, — said
 * Kerry, — if we ...”` or `“..., — said Kerry,” if we ...”`. On success
 * *first is the words before the frame, *second those after it (empty when
 * the frame runs to the closing mark). */
static bool inner_frame(const struct run *r, const struct found *f,
                        struct span *first, struct span *second,
                        struct frame *fr)
{
    size_t a = f->content.start, b = f->content.end, n;
    for (size_t i = a; i < b; i += n) {
        uint32_t cp = cp_at(r->t, i, b, &n);
        size_t at;
        if (!is_dash(cp) || !utf8_is_space(cp_before(r->t, i, a, &at)))
            continue;
        struct span v;
        if (!next_word(r, i + n, b, &v) || gap_breaks(r, i + n, v.start) ||
            !(word_class(r, v) & W_VERB) || !(word_class(r, v) & W_INVERTS))
            continue;
        struct who who = classify(r, np_after(r, v.end, b));
        size_t j = who.np.end > v.end ? who.np.end : v.end, m;
        uint32_t c = cp_at(r->t, j, b, &m);
        while (j < b && (c == ',' || utf8_is_space(c))) {
            j += m;
            c = cp_at(r->t, j, b, &m);
        }
        *second = (struct span){b, b};
        if (j < b && !is_dash(c))
            continue;
        if (j < b) {
            j += m;
            while (j < b && utf8_is_space(cp_at(r->t, j, b, &m)))
                j += m;
            *second = (struct span){j, b};
        }
        *first = (struct span){a, back_space(r, i, a)};
        *fr = make_frame(r, &who,
                         (struct span){v.start, who.np.end > v.end ? who.np.end
                                                                   : v.end},
                         f->open, f->para);
        return first->end > first->start;
    }
    return false;
}

/* ---- Kinds ----------------------------------------------------------- */

static enum quote_kind kind_of(const struct run *r, struct span s,
                               size_t open, size_t para_start)
{
    struct span w;
    size_t pos = s.start;
    int words = 0;
    while (words < 3 && next_word(r, pos, s.end, &w)) {
        words++;
        pos = w.end;
    }
    if (words < 3)
        return QUOTE_SCARE;
    size_t at;
    uint32_t before = cp_before(r->t, back_space(r, open, para_start),
                                para_start, &at);
    bool sentence_like = before == 0 || before == ':' || before == ',' ||
                         before == '.' || before == '!' || before == '?' ||
                         before == '(' || is_dash(before) ||
                         mark_family(before) != FAM_NONE;
    size_t n;
    uint32_t first = 0;
    for (size_t i = s.start; i < s.end && !is_word_cp(first); i += n)
        first = cp_at(r->t, i, s.end, &n);
    bool capital = first >= 0x80 || (first >= 'A' && first <= 'Z') ||
                   (first >= '0' && first <= '9');
    return sentence_like && capital ? QUOTE_DIRECT : QUOTE_PARTIAL;
}

/* ---- First pass: pairing marks ---------------------------------------- */

static void push_found(struct run *r, struct found f)
{
    if (r->nfound == r->capfound)
        r->found = xgrow(r->found, &r->capfound, r->nfound + 1,
                         sizeof *r->found);
    r->found[r->nfound++] = f;
}

static int cmp_found(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

/* True if paragraph pi opens with a double quotation mark. */
static bool para_opens(const struct run *r, size_t pi)
{
    size_t n;
    if (pi >= r->nparas)
        return false;
    uint32_t cp = cp_at(r->t, r->paras[pi].start, r->paras[pi].end, &n);
    return mark_family(cp) == FAM_DOUBLE;
}

enum flank { FL_NONE, FL_OPEN, FL_CLOSE, FL_EITHER };

/* How a mark at [i, i+n) of paragraph p may act, from its neighbours (as
 * Markdown decides emphasis): a mark before a word opens, one after a
 * word closes. FL_NONE is an apostrophe ("it’s", "Assad’s"). */
static enum flank flank(const struct run *r, struct span p, size_t i, size_t n,
                        enum family fam)
{
    size_t at, m;
    uint32_t prev = cp_before(r->t, i, p.start, &at);
    uint32_t next = cp_at(r->t, i + n, p.end, &m);
    bool prev_space = prev == 0 || utf8_is_space(prev);
    bool next_space = next == 0 || utf8_is_space(next);
    if (fam == FAM_SINGLE && is_word_cp(prev) && is_word_cp(next))
        return FL_NONE;
    bool can_open = !next_space && !is_word_cp(prev);
    bool can_close = !prev_space && !is_word_cp(next);
    if (can_open && !can_close)
        return FL_OPEN;
    if (can_close && !can_open)
        return FL_CLOSE;
    if (fam == FAM_SINGLE)
        return FL_NONE; /* a lone ' between spaces or inside a word */
    return FL_EITHER;
}

static void pair_close(struct run *r, unsigned pi, size_t i, size_t n,
                       enum family fam, size_t *last_close)
{
    size_t k = r->nstack;
    if (fam == FAM_SINGLE) {
        if (k == 0 || r->stack[k - 1].fam != FAM_SINGLE)
            return; /* a plural possessive, not a mark */
        k--;
    } else {
        while (k > 0 && r->stack[k - 1].fam != FAM_DOUBLE)
            k--;
        if (k == 0) {
            if (r->nstack == 0)
                push_found(r, (struct found){{*last_close, i}, *last_close,
                                             i + n, pi, pi, true});
            return;
        }
        k--;
    }
    const struct mark *o = &r->stack[k];
    push_found(r, (struct found){{o->pos + o->len, i}, o->pos, i + n, o->para,
                                 pi, false});
    r->nstack = k;
    if (k == 0)
        *last_close = i + n;
}

/* Pair the marks of paragraph pi; append what it finds, outermost only,
 * sorted. */
static void pair_para(struct run *r, unsigned pi)
{
    struct span p = r->paras[pi];
    size_t first = r->nfound, i = p.start, n, last_close = p.start;
    r->nstack = 0;
    if (r->carry) {
        r->carry = false;
        r->stack = xgrow(r->stack, &r->capstack, 1, sizeof *r->stack);
        r->stack[r->nstack++] = r->carried;
        cp_at(r->t, i, p.end, &n);
        i += n;
    }
    for (; i < p.end; i += n) {
        /* the only ASCII marks are " and ': other ASCII bytes, most of
         * the text, are passed without a decode, many at a time */
        i = markscan_next(r->t, i, p.end);
        if (i >= p.end)
            break;
        uint32_t cp = cp_at(r->t, i, p.end, &n);
        enum family fam = mark_family(cp);
        if (fam == FAM_NONE)
            continue;
        enum flank how = flank(r, p, i, n, fam);
        if (how == FL_NONE)
            continue;
        bool close = how == FL_CLOSE;
        if (how == FL_EITHER) /* a toggle: closes what is open */
            for (size_t k = r->nstack; k > 0 && !close; k--)
                close = r->stack[k - 1].fam == fam;
        if (close) {
            pair_close(r, pi, i, n, fam, &last_close);
            continue;
        }
        if (r->nstack == r->capstack)
            r->stack = xgrow(r->stack, &r->capstack, r->nstack + 1,
                             sizeof *r->stack);
        r->stack[r->nstack++] = (struct mark){i, n, pi, fam};
    }
    if (r->nstack > 0 && r->stack[0].fam == FAM_DOUBLE) {
        struct mark o = r->stack[0];
        if (para_opens(r, pi + 1)) {
            r->carry = true;
            r->carried = o;
        } else if (o.para == pi) {
            /* No closing mark: the quotation ends with its sentence. */
            size_t s = o.pos + o.len;
            size_t e = sentence_end(r, s, p.end);
            push_found(r, (struct found){{s, e}, o.pos, e, pi, pi, false});
        }
    }
    if (r->nfound - first > 1)
        qsort(r->found + first, r->nfound - first, sizeof *r->found,
              cmp_found);
    size_t keep = first, end = 0;
    for (size_t k = first; k < r->nfound; k++) {
        struct found *f = &r->found[k];
        if (keep > first && f->open < end)
            continue; /* nested in the one before */
        if (r->carry && f->open > r->carried.pos && f->para == pi)
            continue; /* nested in the one that runs on */
        end = f->close_end;
        r->found[keep++] = *f;
    }
    r->nfound = keep;
}

/* ---- Paragraphs ------------------------------------------------------ */

static void add_para(struct run *r, size_t s, size_t e)
{
    size_t n, at;
    while (s < e && utf8_is_space(cp_at(r->t, s, e, &n)))
        s += n;
    while (e > s && utf8_is_space(cp_before(r->t, e, s, &at)))
        e = at;
    if (s >= e)
        return;
    if (r->nparas == r->capparas)
        r->paras = xgrow(r->paras, &r->capparas, r->nparas + 1,
                         sizeof *r->paras);
    r->paras[r->nparas++] = (struct span){s, e};
}

/* Add [s, e) minus the boilerplate regions; *bi walks doc->boiler. */
static void add_clipped(struct run *r, size_t s, size_t e, size_t *bi)
{
    const struct doc *doc = r->doc;
    while (*bi < doc->nboiler && doc->boiler[*bi].span.end <= s)
        (*bi)++;
    for (size_t k = *bi; k < doc->nboiler && doc->boiler[k].span.start < e;
         k++) {
        struct span b = doc->boiler[k].span;
        if (b.start > s)
            add_para(r, s, b.start);
        if (b.end > s)
            s = b.end;
    }
    if (s < e)
        add_para(r, s, e);
}

static void gather_paras(struct run *r)
{
    const struct doc *doc = r->doc;
    size_t bi = 0;
    if (doc->nparas > 0) {
        for (size_t i = 0; i < doc->nparas; i++)
            if (!doc->paras[i].boilerplate)
                add_clipped(r, doc->paras[i].span.start,
                            doc->paras[i].span.end, &bi);
        return;
    }
    /* No segmenter output: every line is a paragraph. */
    for (size_t s = 0; s < doc->len;) {
        const char *nl = memchr(r->t + s, '\n', doc->len - s);
        size_t e = nl ? (size_t)(nl - r->t) : doc->len;
        add_clipped(r, s, e, &bi);
        s = e + 1;
    }
}

/* ---- Second pass: speakers ------------------------------------------- */

/* Feed the who-spoke-last note with the speech verbs before pos. */
static void scan_to(struct run *r, size_t pos)
{
    while (r->scan_para < r->nparas) {
        struct span p = r->paras[r->scan_para];
        if (r->scan_pos < p.start)
            r->scan_pos = p.start;
        size_t end = pos < p.end ? pos : p.end;
        while (r->scan_pos < end) {
            while (r->scan_found < r->nfound &&
                   r->found[r->scan_found].close_end <= r->scan_pos)
                r->scan_found++;
            size_t limit = end;
            if (r->scan_found < r->nfound) {
                const struct found *f = &r->found[r->scan_found];
                if (f->open <= r->scan_pos) {
                    r->scan_pos = f->close_end;
                    continue;
                }
                if (f->open < limit)
                    limit = f->open;
            }
            struct span w;
            if (!next_word(r, r->scan_pos, limit, &w)) {
                r->scan_pos = limit;
                continue;
            }
            r->scan_pos = w.end;
            /* only load_verbs gives W_VERB, and it notes each verb for
             * may_be_verb: a word it rules out is no verb, and that is
             * most words (half pass the filter of all classes) */
            if (!may_be_verb(r->q, r->t + w.start, w.end - w.start) ||
                !(word_class(r, w) & W_VERB))
                continue;
            size_t lo = p.start;
            if (r->scan_found > 0 &&
                r->found[r->scan_found - 1].close_end > lo &&
                r->found[r->scan_found - 1].close_end <= w.start)
                lo = r->found[r->scan_found - 1].close_end;
            struct span words;
            struct who who = verb_subject(r, sentence_start(r, w.start, lo),
                                          w, p.end, &words);
            if (who.kind == WHO_MENTION)
                note_speaker(r, who.mention, (unsigned)r->scan_para);
        }
        if (pos < p.end)
            return;
        r->scan_para++;
    }
}

static size_t emit(struct run *r, struct span s, enum quote_kind kind,
                   const struct frame *fr, int continues)
{
    struct doc *doc = r->doc;
    if (doc->nquotes == doc->capquotes)
        doc->quotes = xgrow(doc->quotes, &doc->capquotes, doc->nquotes + 1,
                            sizeof *doc->quotes);
    struct quote *q = &doc->quotes[doc->nquotes];
    q->span = s;
    q->kind = kind;
    q->speaker = fr->speaker;
    q->speaker_span = fr->words;
    q->continues = continues;
    return doc->nquotes++;
}

/* True if the quotation is all its paragraph holds (trailing punctuation
 * aside). */
static bool fills_para(const struct run *r, const struct found *f)
{
    if (f->open != r->paras[f->para].start)
        return false;
    size_t end = r->paras[f->last_para].end, n;
    for (size_t i = f->close_end; i < end; i += n)
        if (is_word_cp(cp_at(r->t, i, end, &n)))
            return false;
    return true;
}

/* The frame for f: after it, before it, else the quotation it continues. */
static struct frame find_frame(struct run *r, const struct found *f, size_t k)
{
    size_t hi = r->paras[f->last_para].end;
    if (k + 1 < r->nfound && r->found[k + 1].open < hi)
        hi = r->found[k + 1].open;
    struct frame fr = post_frame(r, f, hi);
    if (fr.found)
        return fr;
    bool same_para = r->prev_q >= 0 && r->prev_para == f->para;
    size_t lo = r->paras[f->para].start;
    if (same_para && r->prev_close > lo && r->prev_close <= f->open)
        lo = r->prev_close;
    fr = pre_frame(r, f, lo);
    if (fr.found)
        return fr;
    if (r->prev_q >= 0 &&
        (same_para ||
         (fills_para(r, f) && f->para - r->prev_para <= QUOTE_SPEAKER_REACH))) {
        const struct quote *pq = &r->doc->quotes[r->prev_q];
        return (struct frame){true, pq->speaker, pq->speaker_span};
    }
    return (struct frame){false, -1, {0, 0}};
}

static void remember(struct run *r, const struct found *f, size_t qi,
                     bool awaits)
{
    r->prev_q = (int)qi;
    r->prev_para = f->last_para;
    r->prev_close = f->close_end;
    r->prev_awaits = awaits;
    note_speaker(r, r->doc->quotes[qi].speaker, f->last_para);
}

/* The quotation f resumes when only its speech frame stood between them,
 * in one sentence: `"We will act," he said, "and soon."`. Else -1. */
static int interrupted(const struct run *r, const struct found *f)
{
    if (r->prev_q < 0 || r->prev_para != f->para || r->prev_close > f->open)
        return -1;
    const struct quote *pq = &r->doc->quotes[r->prev_q];
    size_t at;
    uint32_t last = cp_before(r->t, back_space(r, pq->span.end, pq->span.start),
                              pq->span.start, &at);
    if (last != ',' || pq->speaker_span.start < r->prev_close ||
        pq->speaker_span.end > f->open)
        return -1;
    /* nothing but the frame and punctuation in between */
    struct span w;
    if (next_word(r, pq->speaker_span.end, f->open, &w))
        return -1;
    for (size_t i = pq->speaker_span.end; i < f->open; i++)
        if (r->t[i] == '.' || r->t[i] == '!' || r->t[i] == '?')
            return -1;
    return r->prev_q;
}

/* A fragment quoted inside the reporter's own sentence, with no frame of
 * its own (`the co-pilot "did not say a word" after ...`), carries on the
 * account of whoever the text last reported speaking, in this paragraph
 * or the one before: the reporter is retelling that account. */
static struct frame account_frame(const struct run *r, const struct found *f)
{
    if (r->last_speaker < 0 ||
        f->para - r->last_speaker_para > QUOTE_ACCOUNT_REACH)
        return (struct frame){false, -1, {0, 0}};
    return (struct frame){true, r->last_speaker, {0, 0}};
}

static void attribute(struct run *r, size_t k)
{
    const struct found *f = &r->found[k];
    size_t para_start = r->paras[f->para].start;
    if (f->orphan) {
        /* The rest of a quotation whose frame closed it: “..., — said
         * Kerry,” if we resolve ... opportunities.” */
        if (!r->prev_awaits || r->prev_para != f->para)
            return;
        struct span s = f->content;
        size_t n;
        while (s.start < s.end && !is_word_cp(cp_at(r->t, s.start, s.end, &n)))
            s.start += n;
        const struct quote *pq = &r->doc->quotes[r->prev_q];
        struct frame fr = {true, pq->speaker, pq->speaker_span};
        size_t qi = emit(r, s, pq->kind, &fr, r->prev_q);
        remember(r, f, qi, false);
        return;
    }
    scan_to(r, f->open);
    struct span first, second;
    struct frame fr;
    if (inner_frame(r, f, &first, &second, &fr)) {
        enum quote_kind kind = kind_of(r, f->content, f->open, para_start);
        size_t qi = emit(r, first, kind == QUOTE_SCARE ? QUOTE_PARTIAL : kind,
                         &fr, -1);
        bool awaits = second.start == second.end;
        if (!awaits)
            qi = emit(r, second, kind, &fr, (int)qi);
        remember(r, f, qi, awaits);
        return;
    }
    enum quote_kind kind = kind_of(r, f->content, f->open, para_start);
    if (kind == QUOTE_SCARE) {
        fr = (struct frame){false, -1, {0, 0}};
        emit(r, f->content, kind, &fr, -1);
        return;
    }
    int continues = interrupted(r, f);
    if (continues >= 0) {
        const struct quote *pq = &r->doc->quotes[continues];
        fr = (struct frame){true, pq->speaker, pq->speaker_span};
    } else {
        fr = find_frame(r, f, k);
        if (!fr.found && kind == QUOTE_PARTIAL)
            fr = account_frame(r, f);
    }
    size_t qi = emit(r, f->content, kind, &fr, continues);
    remember(r, f, qi, false);
}

/* ---- Repeated quotations ---------------------------------------------- */

/* Leading bytes (letters and digits, lower case) that key a quotation in
 * the search for its repeats; a shorter quotation is never matched. */
#define QUOTE_REPEAT_KEY 24

struct qkey {
    char key[QUOTE_REPEAT_KEY + 1];
    size_t qi;
};

static int cmp_qkey(const void *a, const void *b)
{
    const struct qkey *x = a, *y = b;
    int k = strcmp(x->key, y->key);
    if (k)
        return k;
    return (x->qi > y->qi) - (x->qi < y->qi);
}

/* The next letter or digit of t[*i, end), lower case; 0 at the end. */
static char next_alnum(const char *t, size_t *i, size_t end)
{
    while (*i < end) {
        unsigned char c = (unsigned char)t[(*i)++];
        if (c >= 'A' && c <= 'Z')
            return (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            return (char)c;
    }
    return 0;
}

/* Do the letters and digits of one span begin those of the other (the
 * shorter one whole)? Case and punctuation aside. */
static bool same_words(const char *t, struct span a, struct span b)
{
    size_t i = a.start, j = b.start;
    for (;;) {
        char x = next_alnum(t, &i, a.end), y = next_alnum(t, &j, b.end);
        if (!x || !y)
            return true;
        if (x != y)
            return false;
    }
}

/* A quotation printed twice, once framed and once bare (a pull quote
 * above the article, a headline), is one person's words: the bare copy
 * takes the speaker of its framed copies when they all name one. Sorting
 * by key keeps this n log n in the number of quotations. */
static void speak_repeats(struct doc *doc)
{
    struct qkey *k = xmalloc((doc->nquotes + 1) * sizeof *k);
    size_t n = 0;
    for (size_t qi = 0; qi < doc->nquotes; qi++) {
        const struct quote *q = &doc->quotes[qi];
        size_t i = q->span.start, len = 0;
        if (q->kind == QUOTE_SCARE)
            continue;
        for (; len < QUOTE_REPEAT_KEY; len++) {
            char c = next_alnum(doc->text, &i, q->span.end);
            if (!c)
                break;
            k[n].key[len] = c;
        }
        if (len < QUOTE_REPEAT_KEY)
            continue;
        k[n].key[len] = '\0';
        k[n++].qi = qi;
    }
    qsort(k, n, sizeof *k, cmp_qkey);
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && !strcmp(k[a].key, k[b].key))
            b++;
        for (size_t x = a; x < b; x++) {
            struct quote *bare = &doc->quotes[k[x].qi];
            if (bare->speaker >= 0 ||
                bare->speaker_span.end > bare->speaker_span.start)
                continue;
            int who = -1;
            bool one = true;
            for (size_t y = a; y < b; y++) {
                const struct quote *q = &doc->quotes[k[y].qi];
                if (q->speaker < 0 ||
                    !same_words(doc->text, bare->span, q->span))
                    continue;
                if (who >= 0 && doc->mentions[who].local !=
                                    doc->mentions[q->speaker].local)
                    one = false;
                if (who < 0)
                    who = q->speaker;
            }
            if (one)
                bare->speaker = who;
        }
        a = b;
    }
    free(k);
}

void quote_run(const struct quoter *q, struct doc *doc)
{
    struct run r = {.q = q, .doc = doc, .t = doc->text, .last_person = -1,
                    .last_thing = -1, .last_speaker = -1, .prev_q = -1};
    doc->nquotes = 0; /* a rerun replaces, never appends */
    gather_paras(&r);
    for (unsigned i = 0; i < r.nparas; i++)
        pair_para(&r, i);
    for (size_t k = 0; k < r.nfound; k++)
        attribute(&r, k);
    speak_repeats(doc);
    free(r.paras);
    free(r.found);
    free(r.stack);
}
