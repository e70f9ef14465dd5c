/* html.c - main content and metadata of an HTML page.
 *
 * The only file that includes libxml2 (and, for JSON-LD, cJSON here too).
 * The page is parsed into libxml2's DOM, then:
 *
 *   1. one iterative walk over the tree gives every element a record in a
 *      preorder array (struct info): tag, class/id hint weight, visible
 *      text length, link text, commas and counts of paragraphs, list items,
 *      images and inputs in its subtree. Scripts, styles, navigation,
 *      hidden elements and furniture named by rules/html/hints.tsv are cut
 *      off here; metadata (<meta>, JSON-LD, <title>, <time>) is read on
 *      the way;
 *   2. paragraph-like blocks score their ancestors (readability's scheme:
 *      commas and length, shared out over five levels), scores are damped
 *      by link density, and the best candidate plus its fitting siblings
 *      become the article;
 *   3. a second walk over the article writes the text, cleaning nested
 *      containers that look like link lists or forms, and records
 *      captions and furniture phrases (rules/html/boiler.tsv) as
 *      boilerplate spans.
 *
 * Neither walk recurses, so nesting depth costs heap, never stack.
 */
#include "claimdiff/html.h"

#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/hash.h"
#include "claimdiff/utf8.h"
#include "claimdiff/rules.h"

/* htmlReadMemory takes an int length; we stay well below it. */
#define HTML_MAX_BYTES (256u * 1024 * 1024)
/* How far into the page we look for <meta charset>; HTML5 says 1024 bytes,
 * real pages put long <head>s first, so we look further. */
#define CHARSET_SCAN 8192
/* JSON-LD nesting we follow; deeper objects are ignored, not an error. */
#define JSONLD_DEPTH 12
/* A paragraph shorter than this (code points) scores nothing. */
#define MIN_PARA_TEXT 25
/* Most a class or id attribute adds to an element's score (half again as
 * much the other way). */
#define MAX_ATTR_WEIGHT 25
/* Ancestors that share a paragraph's score. */
#define SCORE_LEVELS 5

/* ------------------------------------------------------------------------
 * Tags
 * --------------------------------------------------------------------- */

enum tag {
    TAG_OTHER,
    TAG_A,
    TAG_ARTICLE,
    TAG_BLOCKQUOTE,
    TAG_BODY,
    TAG_BR,
    TAG_DIV,
    TAG_FIGCAPTION,
    TAG_FIGURE,
    TAG_FORM,
    TAG_H1,
    TAG_HEAD,
    TAG_HTML,
    TAG_IMG,
    TAG_INPUT,
    TAG_LI,
    TAG_MAIN,
    TAG_META,
    TAG_OL,
    TAG_P,
    TAG_PRE,
    TAG_SCRIPT,
    TAG_SECTION,
    TAG_TABLE,
    TAG_TD,
    TAG_TIME,
    TAG_TITLE,
    TAG_TR,
    TAG_UL,
    TAG_HEADING, /* h2..h6 */
    TAG_LIST,    /* dl, dd, dt, address */
    TAG_CONTAINER, /* header, fieldset, center, details */
};

enum tag_flag {
    TF_DROP = 1 << 0,  /* never text: scripts, navigation, widgets */
    TF_BLOCK = 1 << 1, /* starts and ends a paragraph */
    TF_PARA = 1 << 2,  /* scored as a paragraph */
    TF_CELL = 1 << 3,  /* separated from its neighbours by a space */
    TF_FURNITURE = 1 << 4, /* nav, aside, footer: dropped unless prose */
};

struct tag_def {
    const char *name;
    unsigned char tag;
    unsigned char flags;
};

/* Sorted by name for bsearch. */
static const struct tag_def tag_defs[] = {
    {"a", TAG_A, 0},
    {"address", TAG_LIST, TF_BLOCK},
    {"applet", TAG_OTHER, TF_DROP},
    {"article", TAG_ARTICLE, TF_BLOCK},
    {"aside", TAG_OTHER, TF_FURNITURE | TF_BLOCK},
    {"audio", TAG_OTHER, TF_DROP},
    {"blockquote", TAG_BLOCKQUOTE, TF_BLOCK},
    {"body", TAG_BODY, TF_BLOCK},
    {"br", TAG_BR, 0},
    {"button", TAG_OTHER, TF_DROP},
    {"canvas", TAG_OTHER, TF_DROP},
    {"caption", TAG_OTHER, TF_BLOCK},
    {"center", TAG_CONTAINER, TF_BLOCK},
    {"dd", TAG_LIST, TF_BLOCK},
    {"details", TAG_CONTAINER, TF_BLOCK},
    {"dialog", TAG_OTHER, TF_DROP},
    {"div", TAG_DIV, TF_BLOCK},
    {"dl", TAG_LIST, TF_BLOCK},
    {"dt", TAG_LIST, TF_BLOCK},
    {"embed", TAG_OTHER, TF_DROP},
    {"fieldset", TAG_CONTAINER, TF_BLOCK},
    {"figcaption", TAG_FIGCAPTION, TF_BLOCK},
    {"figure", TAG_FIGURE, TF_BLOCK},
    {"footer", TAG_OTHER, TF_FURNITURE | TF_BLOCK},
    {"form", TAG_FORM, TF_BLOCK},
    {"frame", TAG_OTHER, TF_DROP},
    {"frameset", TAG_OTHER, TF_DROP},
    {"h1", TAG_H1, TF_BLOCK},
    {"h2", TAG_HEADING, TF_BLOCK},
    {"h3", TAG_HEADING, TF_BLOCK},
    {"h4", TAG_HEADING, TF_BLOCK},
    {"h5", TAG_HEADING, TF_BLOCK},
    {"h6", TAG_HEADING, TF_BLOCK},
    {"head", TAG_HEAD, TF_BLOCK}, /* body content can spill in */
    {"header", TAG_CONTAINER, TF_BLOCK},
    {"hr", TAG_OTHER, TF_BLOCK},
    {"html", TAG_HTML, TF_BLOCK},
    {"iframe", TAG_OTHER, TF_DROP},
    {"img", TAG_IMG, 0},
    {"input", TAG_INPUT, TF_DROP},
    {"li", TAG_LI, TF_BLOCK},
    {"link", TAG_OTHER, TF_DROP},
    {"main", TAG_MAIN, TF_BLOCK},
    {"map", TAG_OTHER, TF_DROP},
    {"math", TAG_OTHER, TF_DROP},
    {"menu", TAG_OTHER, TF_FURNITURE | TF_BLOCK},
    {"meta", TAG_META, TF_DROP},
    {"nav", TAG_OTHER, TF_FURNITURE | TF_BLOCK},
    {"noscript", TAG_OTHER, TF_FURNITURE}, /* blogs put posts there */
    {"object", TAG_OTHER, TF_DROP},
    {"ol", TAG_OL, TF_BLOCK},
    {"option", TAG_OTHER, TF_DROP},
    {"p", TAG_P, TF_BLOCK | TF_PARA},
    {"picture", TAG_OTHER, TF_DROP},
    {"pre", TAG_PRE, TF_BLOCK | TF_PARA},
    {"script", TAG_SCRIPT, TF_DROP},
    {"section", TAG_SECTION, TF_BLOCK},
    {"select", TAG_OTHER, TF_DROP},
    {"style", TAG_OTHER, TF_DROP},
    {"summary", TAG_OTHER, TF_BLOCK},
    {"svg", TAG_OTHER, TF_DROP},
    {"table", TAG_TABLE, TF_BLOCK},
    {"td", TAG_TD, TF_CELL | TF_PARA},
    {"template", TAG_OTHER, TF_DROP},
    {"textarea", TAG_OTHER, TF_DROP},
    {"th", TAG_TD, TF_CELL},
    {"time", TAG_TIME, 0},
    {"title", TAG_TITLE, TF_DROP},
    {"tr", TAG_TR, TF_BLOCK},
    {"ul", TAG_UL, TF_BLOCK},
    {"video", TAG_OTHER, TF_DROP},
};

static int compare_tag(const void *key, const void *def)
{
    return strcmp(key, ((const struct tag_def *)def)->name);
}

static const struct tag_def *tag_lookup(const xmlChar *name)
{
    static const struct tag_def other = {"", TAG_OTHER, 0};
    const struct tag_def *t;
    if (!name)
        return &other;
    t = bsearch(name, tag_defs, sizeof tag_defs / sizeof *tag_defs,
                sizeof *tag_defs, compare_tag);
    return t ? t : &other;
}

/* ------------------------------------------------------------------------
 * The extractor: hints, furniture phrases and meta keys from rules/html/
 * --------------------------------------------------------------------- */

enum hint_action {
    HINT_SCORE,
    HINT_DROP,
    HINT_BOILER,
    HINT_VETO,
};

struct hint {
    const char *word; /* lower case; owned by the rules */
    size_t len;
    int weight;
    unsigned char action; /* enum hint_action */
    bool prefix;          /* also matches words that start with it */
    bool token;           /* matches whole class tokens only, not parts */
};

struct phrase {
    const char *text; /* lower case; owned by the rules */
    size_t len;
    size_t maxlen;
    const char *why;
    bool anywhere; /* else only at the start of the paragraph */
};

enum meta_field {
    META_TITLE,
    META_SOURCE,
    META_PUBLISHED,
    META_AUTHOR,
    META_NFIELDS,
};

struct meta_key {
    const char *key;
    unsigned char field; /* enum meta_field */
    int rank;
};

/* Ranks of the evidence that is not a <meta> tag; see rules/html/meta.tsv. */
#define RANK_JSONLD 5
#define RANK_TIME 40
#define RANK_H1 50
#define RANK_TITLE 60

/* Hints are looked up per class word, so they live in an open-addressing
 * hash keyed by the word (prefix hints are found by hashing each prefix
 * of a class word). */
struct html_extractor {
    struct hint *hints;
    size_t nhints;
    size_t *slots; /* index + 1 into hints, 0 empty; power-of-two size */
    size_t nslots;
    size_t max_prefix; /* longest prefix hint, bounds the prefix probes */
    struct phrase *phrases;
    size_t nphrases;
    size_t max_phrase; /* largest maxlen: longer paragraphs are prose */
    struct meta_key *keys;
    size_t nkeys;
    /* cJSON_Parse resets a global error position on every call; threads
     * sharing this extractor take turns through this lock. The one part
     * of the extractor that changes after html_new. */
    pthread_mutex_t *cjson_lock;
};

static const struct hint *hint_find(const struct html_extractor *h,
                                    const char *w, size_t n)
{
    size_t mask = h->nslots - 1;
    for (size_t i = hash_bytes(w, n) & mask;; i = (i + 1) & mask) {
        size_t s = h->slots[i];
        if (s == 0)
            return NULL;
        const struct hint *ht = &h->hints[s - 1];
        if (ht->len == n && memcmp(ht->word, w, n) == 0)
            return ht;
    }
}

static bool is_lower_word(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return false;
    return true;
}

static enum cd_err bad_row(struct diag *d, const struct rule_row *row,
                           const char *what)
{
    return diag_set(d, CD_ERR_RULE, row->file, row->line, 0, "%s", what);
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static enum cd_err load_hints(struct html_extractor *h, const struct rules *r,
                              struct diag *d)
{
    const struct rule_table *t = rules_get(r, "html/hints");
    enum cd_err err = rules_check_fields(t, 4, 4, d);
    if (err)
        return err;
    h->hints = xcalloc(t->nrows + 1, sizeof *h->hints);
    h->nslots = 16;
    while (h->nslots < 2 * t->nrows + 2)
        h->nslots *= 2;
    h->slots = xcalloc(h->nslots, sizeof *h->slots);
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        struct hint *ht = &h->hints[h->nhints];
        long w;
        if (!is_lower_word(row->fields[0]) || !row->fields[0][0])
            return bad_row(d, row, "hint word must be lower case");
        if (!parse_int(row->fields[1], -1000, 1000, &w))
            return bad_row(d, row, "weight must be an integer in -1000..1000");
        ht->word = row->fields[0];
        ht->len = strlen(ht->word);
        ht->weight = (int)w;
        if (strcmp(row->fields[2], "score") == 0)
            ht->action = HINT_SCORE;
        else if (strcmp(row->fields[2], "drop") == 0)
            ht->action = HINT_DROP;
        else if (strcmp(row->fields[2], "boiler") == 0)
            ht->action = HINT_BOILER;
        else if (strcmp(row->fields[2], "veto") == 0)
            ht->action = HINT_VETO;
        else
            return bad_row(d, row,
                           "action must be score, drop, boiler or veto");
        if (strcmp(row->fields[3], "prefix") == 0)
            ht->prefix = true;
        else if (strcmp(row->fields[3], "token") == 0)
            ht->token = true;
        else if (strcmp(row->fields[3], "word") != 0)
            return bad_row(d, row, "match must be word, prefix or token");
        if (hint_find(h, ht->word, ht->len))
            return bad_row(d, row, "hint word listed twice");
        if (ht->prefix && ht->len > h->max_prefix)
            h->max_prefix = ht->len;
        size_t mask = h->nslots - 1;
        size_t j = hash_bytes(ht->word, ht->len) & mask;
        while (h->slots[j])
            j = (j + 1) & mask;
        h->slots[j] = ++h->nhints;
    }
    return CD_OK;
}

static enum cd_err load_phrases(struct html_extractor *h,
                                const struct rules *r, struct diag *d)
{
    const struct rule_table *t = rules_get(r, "html/boiler");
    enum cd_err err = rules_check_fields(t, 3, 4, d);
    if (err)
        return err;
    h->phrases = xcalloc(t->nrows + 1, sizeof *h->phrases);
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *where = row->nfields > 3 ? row->fields[3] : "start";
        long maxlen;
        if (!is_lower_word(row->fields[0]) || !row->fields[0][0])
            return bad_row(d, row, "phrase must be lower case");
        if (!parse_int(row->fields[1], 1, 100000, &maxlen))
            return bad_row(d, row, "maxlen must be an integer in 1..100000");
        if (strcmp(where, "start") != 0 && strcmp(where, "any") != 0)
            return bad_row(d, row, "where must be start or any");
        h->phrases[i] = (struct phrase){row->fields[0], strlen(row->fields[0]),
                                        (size_t)maxlen, row->fields[2],
                                        where[0] == 'a'};
        if ((size_t)maxlen > h->max_phrase)
            h->max_phrase = (size_t)maxlen;
    }
    h->nphrases = t->nrows;
    return CD_OK;
}

static enum cd_err load_keys(struct html_extractor *h, const struct rules *r,
                             struct diag *d)
{
    static const char *const fields[META_NFIELDS] = {"title", "source",
                                                     "published", "author"};
    const struct rule_table *t = rules_get(r, "html/meta");
    enum cd_err err = rules_check_fields(t, 3, 3, d);
    if (err)
        return err;
    h->keys = xcalloc(t->nrows + 1, sizeof *h->keys);
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        struct meta_key *k = &h->keys[i];
        long rank;
        size_t f = 0;
        while (f < META_NFIELDS && strcmp(fields[f], row->fields[1]) != 0)
            f++;
        if (f == META_NFIELDS)
            return bad_row(d, row,
                           "field must be title, source, published or author");
        if (!parse_int(row->fields[2], 0, 1000, &rank))
            return bad_row(d, row, "rank must be an integer in 0..1000");
        if (!is_lower_word(row->fields[0]))
            return bad_row(d, row, "meta key must be lower case");
        *k = (struct meta_key){row->fields[0], (unsigned char)f, (int)rank};
    }
    h->nkeys = t->nrows;
    return CD_OK;
}

enum cd_err html_new(const struct rules *r, struct html_extractor **out,
                     struct diag *d)
{
    struct html_extractor *h;
    enum cd_err err;
    /* libxml2 sets up its globals on first use unless told to first; done
     * here, on the thread that builds the pipeline, no two loader threads
     * race to do it. Harmless to repeat. */
    xmlInitParser();
    h = xcalloc(1, sizeof *h);
    h->cjson_lock = xmalloc(sizeof *h->cjson_lock);
    pthread_mutex_init(h->cjson_lock, NULL);
    err = load_hints(h, r, d);
    if (!err)
        err = load_phrases(h, r, d);
    if (!err)
        err = load_keys(h, r, d);
    if (err) {
        html_free(h);
        *out = NULL;
        return err;
    }
    *out = h;
    return CD_OK;
}

void html_free(struct html_extractor *h)
{
    if (!h)
        return;
    free(h->hints);
    free(h->slots);
    free(h->phrases);
    free(h->keys);
    pthread_mutex_destroy(h->cjson_lock);
    free(h->cjson_lock);
    free(h);
}

/* ------------------------------------------------------------------------
 * Growing byte buffer
 * --------------------------------------------------------------------- */

struct buf {
    char *p;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->cap - b->len < n + 1)
        b->p = xgrow(b->p, &b->cap, b->len + n + 1, 1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* ------------------------------------------------------------------------
 * Per-element records
 * --------------------------------------------------------------------- */

enum info_flag {
    F_HARD = 1 << 0,      /* dropped tag or hidden: never text */
    F_HINTDROP = 1 << 1,  /* furniture by class/id */
    F_GONE = 1 << 2,      /* F_HARD or F_HINTDROP here or above */
    F_STRONG = 1 << 3,    /* itemprop=articleBody */
    F_HAS_STRONG = 1 << 4, /* subtree holds articleBody or main */
    F_HAS_BLOCK = 1 << 5, /* a child starts a block */
    F_SCORED = 1 << 6,    /* a candidate: some paragraph scored it */
    F_BOILER = 1 << 7,    /* kept but marked as furniture */
    F_DROPHINT = 1 << 8,  /* matched a drop hint */
    F_MAIN = 1 << 9,      /* <main> or role=main */
    F_CHOSEN = 1 << 10,   /* part of the article */
    F_TAGDROP = 1 << 11,  /* nav, aside, footer */
    F_ONPATH = 1 << 12,   /* between the article root and the best block */
    F_INBOILER = 1 << 13, /* in a caption or other kept furniture */
};

#define NO_PARENT UINT32_MAX

struct info {
    xmlNode *node;
    uint32_t parent; /* index of the parent element, NO_PARENT for none */
    uint32_t text;   /* visible code points, white space runs count one */
    uint32_t link;   /* of which inside <a> */
    uint32_t commas;
    uint32_t np, nli, nimg, ninput; /* in the subtree, self included */
    uint32_t raw_text, raw_link, raw_np; /* the same before furniture goes */
    uint32_t itext, icommas; /* own text outside child blocks */
    uint32_t flags;  /* enum info_flag */
    int weight;      /* class/id hints */
    unsigned char tag;
    unsigned char tflags;
    double score;
};

struct meta_val {
    char *val;
    int rank; /* INT_MAX while unset */
};

struct walk {
    const struct html_extractor *h;
    struct info *v;
    size_t n, cap;
    int in_link; /* depth of <a> around the current node */
    struct meta_val meta[META_NFIELDS];
};

static struct info *info_of(const struct walk *w, const xmlNode *n)
{
    uintptr_t i = (uintptr_t)n->_private;
    return i ? &w->v[i - 1] : NULL;
}

static uint32_t index_of(const xmlNode *n)
{
    uintptr_t i = n ? (uintptr_t)n->_private : 0;
    return i ? (uint32_t)(i - 1) : NO_PARENT;
}

/* The value of an attribute as the parser stored it (one text child), or
 * NULL. Avoids xmlGetProp's copy: this runs for every element. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool contains_ci(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return true;
    return false;
}

/* Hidden by markup or an inline style. */
static bool is_hidden(const xmlNode *n)
{
    const char *s;
    if (attr(n, "hidden"))
        return true;
    s = attr(n, "aria-hidden");
    if (s && strcasecmp(s, "true") == 0)
        return true;
    s = attr(n, "style");
    if (s && (contains_ci(s, "display:none") ||
              contains_ci(s, "display: none") ||
              contains_ci(s, "visibility:hidden") ||
              contains_ci(s, "visibility: hidden")))
        return true;
    return false;
}

/* Add the hints matched by word w[0..n) (lower-cased copy) to the element,
 * each hint once: seen[] holds the hints already counted. */
struct hint_acc {
    const struct hint *seen[32];
    size_t nseen;
    int weight;
    bool drop, boiler, positive;
};

static void hint_add(struct hint_acc *acc, const struct hint *ht,
                     bool veto)
{
    for (size_t i = 0; i < acc->nseen; i++)
        if (acc->seen[i] == ht)
            return;
    if (acc->nseen < sizeof acc->seen / sizeof *acc->seen)
        acc->seen[acc->nseen++] = ht;
    acc->weight += ht->weight;
    if (ht->weight > 0)
        acc->positive = true;
    if (ht->action == HINT_DROP && !veto)
        acc->drop = true;
    else if (ht->action == HINT_BOILER)
        acc->boiler = true;
}

/* Call fn for each hint that word w[0..n) matches; whole says whether w is
 * a whole class token or a part of one. */
static void hint_word(const struct html_extractor *h, struct hint_acc *acc,
                      const char *w, size_t n, bool whole, bool *veto,
                      bool add)
{
    const struct hint *ht = hint_find(h, w, n);
    for (size_t k = n;; k--) {
        if (ht && (k < n ? ht->prefix : (whole || !ht->token))) {
            if (!add && ht->action == HINT_VETO)
                *veto = true;
            else if (add)
                hint_add(acc, ht, *veto);
        }
        if (k == n && n > h->max_prefix)
            k = h->max_prefix + 1;
        if (k <= 2)
            break;
        ht = hint_find(h, w, k - 1);
    }
}

/* The hints of one class token and of its '-'/'_' parts. */
static void hint_token(const struct html_extractor *h, struct hint_acc *acc,
                       const char *tok, size_t n, bool *veto, bool add)
{
    size_t start = 0;
    hint_word(h, acc, tok, n, true, veto, add);
    for (size_t i = 0; i <= n; i++) {
        if (i == n || tok[i] == '-' || tok[i] == '_') {
            if (i > start && !(start == 0 && i == n))
                hint_word(h, acc, tok + start, i - start, false, veto, add);
            start = i + 1;
        }
    }
}

/* Split a class or id value into tokens and score each. A token with a
 * veto part ("has-sidebar", "sidebar-layout") names a layout, not
 * furniture: its hints still weigh but cannot drop. Tokens longer than
 * the buffer are skipped: no hint is that long. */
static void hint_scan(const struct html_extractor *h, struct hint_acc *acc,
                      const char *s)
{
    char tok[64];
    while (*s) {
        while (*s && is_space((unsigned char)*s))
            s++;
        size_t n = 0;
        bool fits = true, veto = false;
        while (*s && !is_space((unsigned char)*s)) {
            char c = *s++;
            if (n < sizeof tok)
                tok[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            else
                fits = false;
        }
        if (!fits || n == 0)
            continue;
        hint_token(h, acc, tok, n, &veto, false);
        hint_token(h, acc, tok, n, &veto, true);
    }
}

static const char *const furniture_roles[] = {
    "navigation", "banner", "contentinfo", "complementary",
    "search",     "dialog", "alertdialog", "menu", "menubar",
};

static int clamp_weight(int w)
{
    return w > MAX_ATTR_WEIGHT ? MAX_ATTR_WEIGHT
           : w < -2 * MAX_ATTR_WEIGHT ? -2 * MAX_ATTR_WEIGHT
                                      : w;
}

static void classify(struct walk *w, struct info *in)
{
    const xmlNode *n = in->node;
    struct hint_acc acc = {.nseen = 0};
    const char *s;
    int weight = 0;
    /* Each attribute adds at most one content hint's worth, so a long id
     * such as "slideshow_main_article_images" cannot outvote the text. */
    s = attr(n, "class");
    if (s)
        hint_scan(w->h, &acc, s);
    weight += clamp_weight(acc.weight);
    acc.weight = 0;
    s = attr(n, "id");
    if (s)
        hint_scan(w->h, &acc, s);
    weight += clamp_weight(acc.weight);
    in->weight = weight;
    /* Like readability, any content hint vetoes a furniture hint:
     * "sidebar-fixed article-body" is the article. */
    if (acc.drop && !acc.positive)
        in->flags |= F_DROPHINT;
    if (acc.boiler)
        in->flags |= F_BOILER;
    s = attr(n, "itemprop");
    if (s && contains_ci(s, "articlebody")) {
        in->flags |= F_STRONG | F_HAS_STRONG;
        in->weight += 50;
    }
    s = attr(n, "role");
    if (s) {
        if (strcasecmp(s, "main") == 0 || strcasecmp(s, "article") == 0)
            in->flags |= F_MAIN | F_HAS_STRONG;
        for (size_t i = 0;
             i < sizeof furniture_roles / sizeof *furniture_roles; i++)
            if (strcasecmp(s, furniture_roles[i]) == 0)
                in->flags |= F_HARD;
    }
    if (in->tag == TAG_MAIN)
        in->flags |= F_MAIN | F_HAS_STRONG;
    if (in->tag != TAG_BODY && in->tag != TAG_HTML && is_hidden(n))
        in->flags |= F_HARD;
}

/* Visible text statistics of one text node. */
static void count_text(struct info *in, const unsigned char *s, bool link)
{
    uint32_t n = 0, commas = 0;
    bool sp = true;
    for (; *s; s++) {
        unsigned char c = *s;
        if (is_space(c)) {
            if (!sp)
                n++;
            sp = true;
            continue;
        }
        sp = false;
        if ((c & 0xC0) != 0x80)
            n++;
        if (c == ',')
            commas++;
        else if (c == 0xEF && s[1] == 0xBC && s[2] == 0x8C) /* fullwidth , */
            commas++;
        else if (c == 0xE3 && s[1] == 0x80 && s[2] == 0x81) /* ideographic , */
            commas++;
    }
    in->text += n;
    in->commas += commas;
    in->itext += n;
    in->icommas += commas;
    if (link)
        in->link += n;
}

/* ------------------------------------------------------------------------
 * Metadata
 * --------------------------------------------------------------------- */

/* Collapse white space and trim; NULL if nothing is left. */
static char *clean_string(const char *s, size_t n)
{
    struct buf b = {0};
    bool sp = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c) || (c == 0xC2 && i + 1 < n &&
                            (unsigned char)s[i + 1] == 0xA0)) {
            if (c == 0xC2)
                i++;
            sp = b.len > 0;
            continue;
        }
        if (sp)
            buf_add(&b, " ", 1);
        sp = false;
        buf_add(&b, s + i, 1);
    }
    return b.p;
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "2020-04-10T12:00Z" or "2020/04/10" -> "2020-04-10"; NULL otherwise. */
static char *iso_date(const char *s)
{
    while (*s && is_space((unsigned char)*s))
        s++;
    if (strlen(s) < 10 || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2) || (s[4] != '-' && s[4] != '/') || s[7] != s[4])
        return NULL;
    int mon = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (mon < 1 || mon > 12 || day < 1 || day > 31 || digits(s + 10, 1))
        return NULL;
    char *d = xstrndup(s, 10);
    d[4] = '-';
    d[7] = '-';
    return d;
}

/* Offer a value for a field; it is kept if it ranks better than what we
 * have. Values are cleaned; dates must parse; author URLs are refused. */
static void meta_offer(struct walk *w, int field, int rank, const char *s)
{
    struct meta_val *m = &w->meta[field];
    char *v;
    if (!s || rank >= m->rank)
        return;
    if (field == META_PUBLISHED)
        v = iso_date(s);
    else
        v = clean_string(s, strlen(s));
    if (!v)
        return;
    if (field == META_AUTHOR &&
        (strncmp(v, "http", 4) == 0 || strchr(v, '@') == v)) {
        free(v);
        return;
    }
    free(m->val);
    m->val = v;
    m->rank = rank;
}

static void meta_tag(struct walk *w, const xmlNode *n)
{
    const char *key = attr(n, "property");
    const char *content = attr(n, "content");
    if (!key)
        key = attr(n, "name");
    if (!key)
        key = attr(n, "itemprop");
    if (!key || !content)
        return;
    for (size_t i = 0; i < w->h->nkeys; i++) {
        const struct meta_key *k = &w->h->keys[i];
        if (strcasecmp(k->key, key) == 0)
            meta_offer(w, k->field, k->rank, content);
    }
}

/* The text of a node's direct text children (script and title content). */
static char *node_text(const xmlNode *n)
{
    struct buf b = {0};
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content)
            buf_add(&b, (const char *)c->content,
                    strlen((const char *)c->content));
    return b.p;
}

static bool jsonld_is_article(const cJSON *o)
{
    static const char *const kinds[] = {"Article", "BlogPosting", "Report",
                                        "LiveBlogPosting", "SocialMediaPosting"};
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
    const cJSON *e;
    if (cJSON_IsString(t)) {
        for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
            if (strstr(t->valuestring, kinds[i]))
                return true;
        return false;
    }
    if (cJSON_IsArray(t))
        cJSON_ArrayForEach(e, t)
        {
            if (cJSON_IsString(e))
                for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
                    if (strstr(e->valuestring, kinds[i]))
                        return true;
        }
    return false;
}

/* The object whose "@id" is id anywhere in the JSON-LD tree, or NULL. */
static const cJSON *jsonld_by_id(const cJSON *j, const char *id, int depth)
{
    const cJSON *e;
    if (depth > JSONLD_DEPTH || !j)
        return NULL;
    if (cJSON_IsObject(j)) {
        const cJSON *i = cJSON_GetObjectItemCaseSensitive(j, "@id");
        if (cJSON_IsString(i) && strcmp(i->valuestring, id) == 0 &&
            cJSON_GetObjectItemCaseSensitive(j, "name"))
            return j;
    }
    if (cJSON_IsObject(j) || cJSON_IsArray(j))
        cJSON_ArrayForEach(e, j)
        {
            const cJSON *f = jsonld_by_id(e, id, depth + 1);
            if (f)
                return f;
        }
    return NULL;
}

/* A name from a string, an object with "name", a reference by "@id", or
 * the first element of an array of those. */
static const char *jsonld_name(const cJSON *root, const cJSON *v)
{
    if (cJSON_IsArray(v))
        v = cJSON_GetArrayItem(v, 0);
    if (cJSON_IsString(v))
        return v->valuestring;
    if (!cJSON_IsObject(v))
        return NULL;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
    if (cJSON_IsString(name))
        return name->valuestring;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(v, "@id");
    if (cJSON_IsString(id)) {
        const cJSON *o = jsonld_by_id(root, id->valuestring, 0);
        name = o ? cJSON_GetObjectItemCaseSensitive(o, "name") : NULL;
        if (cJSON_IsString(name))
            return name->valuestring;
    }
    return NULL;
}

static void jsonld_walk(struct walk *w, const cJSON *root, const cJSON *j,
                        int depth)
{
    const cJSON *e;
    if (depth > JSONLD_DEPTH)
        return;
    if (cJSON_IsObject(j) && jsonld_is_article(j)) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "headline");
        if (cJSON_IsString(v))
            meta_offer(w, META_TITLE, RANK_JSONLD, v->valuestring);
        v = cJSON_GetObjectItemCaseSensitive(j, "datePublished");
        if (cJSON_IsString(v))
            meta_offer(w, META_PUBLISHED, RANK_JSONLD, v->valuestring);
        v = cJSON_GetObjectItemCaseSensitive(j, "author");
        meta_offer(w, META_AUTHOR, RANK_JSONLD, jsonld_name(root, v));
        v = cJSON_GetObjectItemCaseSensitive(j, "publisher");
        meta_offer(w, META_SOURCE, RANK_JSONLD, jsonld_name(root, v));
    }
    if (cJSON_IsArray(j))
        cJSON_ArrayForEach(e, j) jsonld_walk(w, root, e, depth + 1);
    else if (cJSON_IsObject(j)) {
        e = cJSON_GetObjectItemCaseSensitive(j, "@graph");
        if (e)
            jsonld_walk(w, root, e, depth + 1);
        e = cJSON_GetObjectItemCaseSensitive(j, "mainEntity");
        if (e)
            jsonld_walk(w, root, e, depth + 1);
    }
}

static void jsonld_script(struct walk *w, const xmlNode *n)
{
    char *s = node_text(n);
    if (!s)
        return;
    pthread_mutex_lock(w->h->cjson_lock);
    cJSON *j = cJSON_Parse(s);
    pthread_mutex_unlock(w->h->cjson_lock);
    if (j)
        jsonld_walk(w, j, j, 0);
    cJSON_Delete(j);
    free(s);
}

/* Metadata that sits on dropped elements (head, meta, script) is read when
 * the walk meets them. */
static void read_meta(struct walk *w, const xmlNode *n, int tag)
{
    const char *s;
    char *t;
    switch (tag) {
    case TAG_META:
        meta_tag(w, n);
        break;
    case TAG_SCRIPT:
        s = attr(n, "type");
        if (s && contains_ci(s, "ld+json"))
            jsonld_script(w, n);
        break;
    case TAG_TITLE:
        if (w->meta[META_TITLE].rank > RANK_TITLE) {
            t = node_text(n);
            meta_offer(w, META_TITLE, RANK_TITLE, t);
            free(t);
        }
        break;
    case TAG_TIME:
        s = attr(n, "datetime");
        if (s) {
            const char *ip = attr(n, "itemprop");
            bool pub = attr(n, "pubdate") ||
                       (ip && contains_ci(ip, "datePublished"));
            meta_offer(w, META_PUBLISHED, pub ? RANK_TIME - 1 : RANK_TIME, s);
        }
        break;
    default:
        s = attr(n, "itemprop");
        if (s && strcasecmp(s, "datePublished") == 0) {
            const char *c = attr(n, "content");
            meta_offer(w, META_PUBLISHED, RANK_TIME - 2,
                       c ? c : attr(n, "datetime"));
        }
        break;
    }
}

/* ------------------------------------------------------------------------
 * Walk 1: records, statistics, metadata
 * --------------------------------------------------------------------- */

static double link_density(const struct info *in)
{
    return in->text ? (double)in->link / in->text : 0.0;
}

static void enter_element(struct walk *w, xmlNode *n)
{
    const struct tag_def *td = tag_lookup(n->name);
    struct info *in;
    if (w->n == w->cap)
        w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
    in = &w->v[w->n++];
    memset(in, 0, sizeof *in);
    in->node = n;
    in->parent = index_of(n->parent);
    in->tag = td->tag;
    in->tflags = td->flags;
    n->_private = (void *)(uintptr_t)w->n;
    classify(w, in);
    read_meta(w, n, in->tag);
    if (td->flags & TF_DROP)
        in->flags |= F_HARD;
    if (td->flags & TF_FURNITURE)
        in->flags |= F_TAGDROP;
    if (in->tag == TAG_P)
        in->np = 1;
    else if (in->tag == TAG_LI)
        in->nli = 1;
    else if (in->tag == TAG_IMG)
        in->nimg = 1;
    else if (in->tag == TAG_INPUT) {
        const char *type = attr(n, "type");
        in->ninput = !type || strcasecmp(type, "hidden") != 0;
    }
    else if (in->tag == TAG_A)
        w->in_link++;
}

static void leave_element(struct walk *w, xmlNode *n)
{
    if (info_of(w, n)->tag == TAG_A)
        w->in_link--;
}

/* After the walk each record holds its own text only. Sum the subtrees
 * (children come after their parent in preorder, so a backward pass sees
 * every child before its parent), decide which furniture goes, then sum
 * again without it. */
static void settle(struct walk *w)
{
    for (size_t i = w->n; i-- > 0;) {
        struct info *in = &w->v[i];
        in->raw_text += in->text;
        in->raw_link += in->link;
        in->raw_np += in->np;
        if (in->parent == NO_PARENT || (in->flags & F_HARD))
            continue;
        struct info *up = &w->v[in->parent];
        up->raw_text += in->raw_text;
        up->raw_link += in->raw_link;
        up->raw_np += in->raw_np;
        up->flags |= in->flags & F_HAS_STRONG;
        if (in->tflags & TF_BLOCK)
            up->flags |= F_HAS_BLOCK;
    }
    uint32_t page = w->n ? w->v[0].raw_text : 0;
    for (size_t i = 0; i < w->n; i++) {
        struct info *in = &w->v[i];
        double ld = in->raw_text ? (double)in->raw_link / in->raw_text : 0;
        bool strong = in->flags & F_HAS_STRONG;
        /* A drop hint never removes the article body, <main>, or half the
         * page's prose (layout classes such as "has-sidebar" wrap it). */
        if ((in->flags & F_DROPHINT) && in->weight < 0 && !strong &&
            in->tag != TAG_BODY && in->tag != TAG_HTML &&
            !(in->raw_text >= page / 2 && ld < 0.5))
            in->flags |= F_HINTDROP;
        /* libxml2 recovers from an unclosed <nav> or <aside> by nesting
         * the rest of the page in it, so furniture tags that hold the
         * article body or several paragraphs of prose are kept. */
        if ((in->flags & F_TAGDROP) && !strong &&
            !(in->raw_np >= 3 && in->raw_text > 1000 && ld < 0.3))
            in->flags |= F_HINTDROP;
        uint32_t up = in->parent == NO_PARENT ? 0 : w->v[in->parent].flags;
        if ((in->flags & (F_HARD | F_HINTDROP)) || (up & F_GONE))
            in->flags |= F_GONE;
        if ((in->flags & F_BOILER) || in->tag == TAG_FIGCAPTION ||
            (up & F_INBOILER))
            in->flags |= F_INBOILER;
    }
    for (size_t i = w->n; i-- > 0;) {
        struct info *in = &w->v[i];
        if (in->parent == NO_PARENT)
            continue;
        struct info *up = &w->v[in->parent];
        if (in->tag == TAG_INPUT)
            up->ninput += in->ninput;
        if (in->flags & F_GONE)
            continue;
        up->ninput += in->ninput;
        up->text += in->text;
        up->link += in->link;
        up->commas += in->commas;
        up->np += in->np;
        up->nli += in->nli;
        up->nimg += in->nimg;
        if (!(in->tflags & TF_BLOCK)) {
            up->itext += in->itext;
            up->icommas += in->icommas;
        }
    }
}

static void walk_tree(struct walk *w, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            enter_element(w, n);
            descend = !(info_of(w, n)->flags & F_HARD);
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) &&
                   n->content && n->parent) {
            struct info *in = info_of(w, n->parent);
            if (in)
                count_text(in, n->content, w->in_link > 0);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* n is finished: close it and every ancestor it was the last child
         * of, then move to the next sibling. */
        for (;;) {
            if (n->type == XML_ELEMENT_NODE)
                leave_element(w, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* ------------------------------------------------------------------------
 * Scoring
 * --------------------------------------------------------------------- */

/* The tag and class evidence added to a candidate's paragraph score. A
 * content hint can at most double what the text says, so a teaser box
 * with class "content" and one line cannot beat the article. */
static double base_score(const struct info *in)
{
    double s = in->weight > 0 && in->weight > in->score ? in->score
                                                         : in->weight;
    switch (in->tag) {
    case TAG_DIV:
        s += 5;
        break;
    case TAG_ARTICLE:
        s += 10;
        break;
    case TAG_PRE:
    case TAG_TD:
    case TAG_BLOCKQUOTE:
        s += 3;
        break;
    case TAG_LIST:
    case TAG_OL:
    case TAG_UL:
    case TAG_LI:
    case TAG_FORM:
        s -= 3;
        break;
    case TAG_H1:
    case TAG_HEADING:
        s -= 5;
        break;
    default:
        break;
    }
    if (in->flags & F_MAIN)
        s += 5;
    return s;
}

static bool is_paragraph(const struct info *in)
{
    if (in->tflags & TF_PARA)
        return true;
    /* A div or section with only inline content is a paragraph too. */
    return (in->tag == TAG_DIV || in->tag == TAG_SECTION ||
            in->tag == TAG_ARTICLE) &&
           !(in->flags & F_HAS_BLOCK);
}

static double para_score(uint32_t text, uint32_t commas)
{
    return 1.0 + commas + (text / 100 > 3 ? 3 : text / 100);
}

/* Give a paragraph's score s to the element at a and its ancestors:
 * all of it to the first, half to the next, then a third of a level's
 * share (readability's scheme). */
static void share_score(struct walk *w, uint32_t a, double s)
{
    for (int level = 0; level < SCORE_LEVELS && a != NO_PARENT; level++) {
        struct info *up = &w->v[a];
        if (up->tag == TAG_HTML)
            break;
        if (!(up->flags & F_SCORED)) {
            up->flags |= F_SCORED;
            up->score = 0;
        }
        up->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        a = up->parent;
    }
}

/* Containers whose loose text reads as paragraphs (table rows and lists
 * hold cells and items, which score on their own). */
static bool holds_prose(const struct info *in)
{
    switch (in->tag) {
    case TAG_DIV:
    case TAG_SECTION:
    case TAG_ARTICLE:
    case TAG_MAIN:
    case TAG_BLOCKQUOTE:
    case TAG_CONTAINER:
        return true;
    default:
        return false;
    }
}

static void score_all(struct walk *w)
{
    for (size_t i = 0; i < w->n; i++) {
        const struct info *in = &w->v[i];
        if (in->flags & (F_GONE | F_INBOILER))
            continue;
        if (is_paragraph(in)) {
            if (in->text >= MIN_PARA_TEXT)
                share_score(w, in->parent, para_score(in->text, in->commas));
        } else if (holds_prose(in) && in->itext >= MIN_PARA_TEXT) {
            /* Text straight in a container beside its blocks ("<div>
             * <div>photo</div> Text<br><br>More text</div>") is a
             * paragraph of that container, as readability's wrapping
             * in <p> makes it. */
            share_score(w, (uint32_t)i, para_score(in->itext, in->icommas));
        }
    }
}

/* The best candidate, or NO_PARENT when no paragraph scored anything. */
static uint32_t pick_top(struct walk *w)
{
    uint32_t best = NO_PARENT;
    double best_score = 0;
    for (size_t i = 0; i < w->n; i++) {
        struct info *in = &w->v[i];
        if (!(in->flags & F_SCORED))
            continue;
        in->score += base_score(in);
        in->score *= 1.0 - link_density(in);
        if (in->flags & F_STRONG)
            in->score += 25;
        if (best == NO_PARENT || in->score > best_score) {
            best = (uint32_t)i;
            best_score = in->score;
        }
    }
    if (best == NO_PARENT)
        return best;
    for (uint32_t a = best; a != NO_PARENT; a = w->v[a].parent)
        w->v[a].flags |= F_ONPATH;
    /* Climb while the parent is the real container: readability's rule
     * that a parent scoring at least a third as much as the child, and
     * more than everything on the way, holds the article. */
    struct info *top = &w->v[best];
    double last = top->score;
    double floor = last / 3;
    for (uint32_t a = top->parent; a != NO_PARENT;) {
        struct info *up = &w->v[a];
        if (up->tag == TAG_BODY || up->tag == TAG_HTML)
            break;
        if (up->flags & F_SCORED) {
            if (up->score < floor)
                break;
            if (up->score > last) {
                best = a;
                break;
            }
            last = up->score;
        }
        a = up->parent;
    }
    /* An only child says nothing its parent does not. */
    for (;;) {
        struct info *in = &w->v[best];
        if (in->parent == NO_PARENT)
            break;
        struct info *up = &w->v[in->parent];
        if (up->tag == TAG_BODY || up->tag == TAG_HTML || up->text != in->text)
            break;
        best = in->parent;
    }
    return best;
}

static bool ends_sentence(const xmlNode *n)
{
    /* Cheap test on the last text child: does the block end like prose? */
    for (const xmlNode *c = n->last; c; c = c->prev) {
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        const char *s = (const char *)c->content;
        size_t k = strlen(s);
        while (k > 0 && is_space((unsigned char)s[k - 1]))
            k--;
        if (k == 0)
            continue;
        return s[k - 1] == '.' || s[k - 1] == '!' || s[k - 1] == '?' ||
               s[k - 1] == '"' || (unsigned char)s[k - 1] == 0x9D;
    }
    return false;
}

/* Mark the top candidate and the siblings that belong with it. */
static void choose(struct walk *w, uint32_t top)
{
    struct info *t = &w->v[top];
    double threshold = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
    const char *tclass = attr(t->node, "class");
    t->flags |= F_CHOSEN;
    if (t->parent == NO_PARENT || t->tag == TAG_BODY)
        return;
    for (xmlNode *c = w->v[t->parent].node->children; c; c = c->next) {
        struct info *s = c->type == XML_ELEMENT_NODE ? info_of(w, c) : NULL;
        if (!s || s == t || (s->flags & F_GONE))
            continue;
        double bonus = 0;
        const char *cl = attr(c, "class");
        if (tclass && cl && tclass[0] && strcmp(tclass, cl) == 0)
            bonus = t->score * 0.2;
        if ((s->flags & F_SCORED) && s->score + bonus >= threshold) {
            s->flags |= F_CHOSEN;
            continue;
        }
        if (s->tag == TAG_P || (is_paragraph(s) && s->tag != TAG_TD)) {
            double ld = link_density(s);
            if (s->text > 80 && ld < 0.25)
                s->flags |= F_CHOSEN;
            else if (s->text > 0 && s->text <= 80 && ld == 0 &&
                     ends_sentence(c))
                s->flags |= F_CHOSEN;
        }
    }
}

/* Readability's conditional cleaning: a nested container that looks like
 * a link list, a form or an empty shell leaves the article. */
static bool clean_away(const struct info *in, uint32_t root_text)
{
    bool list = in->tag == TAG_UL || in->tag == TAG_OL;
    switch (in->tag) {
    case TAG_DIV:
    case TAG_SECTION:
    case TAG_CONTAINER:
    case TAG_ARTICLE:
        if (!(in->flags & F_HAS_BLOCK))
            return false;
        break;
    case TAG_UL:
    case TAG_OL:
    case TAG_TABLE:
    case TAG_FORM:
    case TAG_LIST:
    case TAG_FIGURE:
        break;
    default:
        return false;
    }
    if (in->flags & (F_HAS_STRONG | F_ONPATH))
        return false;
    /* What holds most of the article is the article. */
    if ((uint64_t)in->text * 2 >= root_text)
        return false;
    if (in->weight + in->score < 0)
        return true;
    if (in->commas >= 10)
        return false;
    double ld = link_density(in);
    if (in->tag == TAG_FORM && in->np < 3)
        return true;
    if (in->ninput > 0 && in->ninput * 3 > in->np)
        return true;
    if (!list && in->nli > in->np + 1 && in->tag != TAG_LIST && ld > 0.2)
        return true;
    if (in->weight < 25 && ld > 0.33)
        return true;
    if (in->weight >= 25 && ld > 0.5)
        return true;
    if (in->text < 25 && in->tag != TAG_FIGURE && in->tag != TAG_TABLE &&
        (in->nimg == 0 || in->nimg > 2))
        return true;
    return false;
}

/* ------------------------------------------------------------------------
 * Walk 2: text
 * --------------------------------------------------------------------- */

struct emit {
    struct buf out;
    int brk;    /* pending break: 0 none, 1 "\n", 2 "\n\n" */
    bool space; /* pending space */
    int pre;    /* depth of <pre> */
    bool clean; /* apply hints and conditional cleaning */
    uint32_t root_text; /* text of the article root being written */
    struct region *spans; /* boilerplate found so far, unsorted */
    size_t nspans, capspans;
};

static void emit_break(struct emit *e, int level)
{
    if (level > e->brk)
        e->brk = level;
}

/* Write the pending break or space before the next text; nothing leads
 * the text. */
static void emit_flush(struct emit *e)
{
    if (e->out.len > 0 && e->brk)
        buf_add(&e->out, "\n\n", (size_t)e->brk);
    else if (e->out.len > 0 && e->space)
        buf_add(&e->out, " ", 1);
    e->brk = 0;
    e->space = false;
}

/* Append a text node: white space runs become one space (newlines kept in
 * <pre>), no-break spaces become spaces, invisible characters go. */
static void emit_text(struct emit *e, const unsigned char *s)
{
    while (*s) {
        unsigned char c = *s;
        if (is_space(c)) {
            if (e->pre && c == '\n')
                emit_break(e, 1);
            else
                e->space = true;
            s++;
        } else if (c == 0xC2 && s[1] == 0xA0) {
            e->space = true;
            s += 2;
        } else if (c == 0xC2 && s[1] == 0xAD) { /* soft hyphen */
            s += 2;
        } else if (c == 0xE2 && s[1] == 0x80 && s[2] == 0x8B) { /* ZWSP */
            s += 3;
        } else if (c == 0xEF && s[1] == 0xBB && s[2] == 0xBF) { /* BOM */
            s += 3;
        } else {
            const unsigned char *r = s + 1;
            while (*r > ' ' && *r != 0xC2 && *r != 0xE2 && *r != 0xEF)
                r++;
            emit_flush(e);
            buf_add(&e->out, (const char *)s, (size_t)(r - s));
            s = r;
        }
    }
}

static void add_span(struct emit *e, size_t start, size_t end, const char *why)
{
    while (start < end && is_space((unsigned char)e->out.p[start]))
        start++;
    while (end > start && is_space((unsigned char)e->out.p[end - 1]))
        end--;
    if (start >= end)
        return;
    if (e->nspans == e->capspans)
        e->spans = xgrow(e->spans, &e->capspans, e->nspans + 1,
                         sizeof *e->spans);
    e->spans[e->nspans++] = (struct region){{start, end}, why};
}

static bool skip_element(const struct info *in, const struct emit *e,
                         bool is_root)
{
    if (!in || (in->flags & F_HARD))
        return true;
    if (!e->clean || is_root)
        return false;
    return (in->flags & F_HINTDROP) || clean_away(in, e->root_text);
}

/* Write the text of the subtree at root. Boilerplate elements push their
 * start offset on a small stack and record their span when they close. */
static void emit_tree(struct walk *w, struct emit *e, xmlNode *root)
{
    size_t *marks = NULL, nmarks = 0, capmarks = 0;
    xmlNode *n = root;
    while (n) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            struct info *in = info_of(w, n);
            if (!skip_element(in, e, n == root)) {
                descend = true;
                if (in->tflags & TF_BLOCK)
                    emit_break(e, 2);
                else if (in->tag == TAG_BR)
                    emit_break(e, e->brk + 1 > 2 ? 2 : e->brk + 1);
                else if (in->tflags & TF_CELL)
                    e->space = true;
                if (in->tag == TAG_PRE)
                    e->pre++;
                if (e->clean && ((in->flags & F_BOILER) ||
                                 in->tag == TAG_FIGCAPTION)) {
                    if (nmarks == capmarks)
                        marks = xgrow(marks, &capmarks, nmarks + 1,
                                      sizeof *marks);
                    marks[nmarks++] = e->out.len;
                }
            }
        } else if (n->type == XML_TEXT_NODE ||
                   n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                emit_text(e, n->content);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE) {
                struct info *in = info_of(w, n);
                if (!skip_element(in, e, n == root)) {
                    if (in->tflags & TF_BLOCK)
                        emit_break(e, 2);
                    else if (in->tflags & TF_CELL)
                        e->space = true;
                    if (in->tag == TAG_PRE)
                        e->pre--;
                    if (e->clean && ((in->flags & F_BOILER) ||
                                     in->tag == TAG_FIGCAPTION))
                        add_span(e, marks[--nmarks], e->out.len,
                                 in->tag == TAG_FIGCAPTION ? "caption"
                                                           : "furniture");
                }
            }
            if (n == root)
                goto done;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
done:
    free(marks);
}

/* memmem, which is a GNU extension. */
static bool has_bytes(const char *s, size_t n, const char *w, size_t wn)
{
    for (size_t i = 0; i + wn <= n; i++)
        if (s[i] == w[0] && memcmp(s + i, w, wn) == 0)
            return true;
    return false;
}

/* Short paragraphs that carry a furniture phrase. Each candidate
 * paragraph is lower-cased once so the phrases are plain byte compares. */
static void find_phrases(const struct html_extractor *h, struct emit *e)
{
    const char *t = e->out.p;
    size_t len = e->out.len, start = 0;
    char *low = xmalloc(h->max_phrase + 1);
    while (start < len) {
        const char *nl = strstr(t + start, "\n\n");
        size_t end = nl ? (size_t)(nl - t) : len, n = end - start;
        for (size_t i = 0; n <= h->max_phrase && i < n; i++) {
            char c = t[start + i];
            low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        for (size_t i = 0; n <= h->max_phrase && i < h->nphrases; i++) {
            const struct phrase *p = &h->phrases[i];
            if (n < p->len || n > p->maxlen)
                continue;
            if (p->anywhere ? has_bytes(low, n, p->text, p->len)
                            : memcmp(low, p->text, p->len) == 0) {
                add_span(e, start, end, p->why);
                break;
            }
        }
        start = end + 2;
    }
    free(low);
}

static int compare_region(const void *a, const void *b)
{
    const struct region *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

/* Sort and merge the spans into out->boiler and out->boiler_why. */
static void take_spans(struct emit *e, struct html_article *out)
{
    size_t k = 0;
    if (e->nspans == 0)
        return;
    qsort(e->spans, e->nspans, sizeof *e->spans, compare_region);
    out->boiler = xmalloc(e->nspans * sizeof *out->boiler);
    out->boiler_why = xmalloc(e->nspans * sizeof *out->boiler_why);
    for (size_t i = 0; i < e->nspans; i++) {
        const struct region *r = &e->spans[i];
        if (k && r->span.start <= out->boiler[k - 1].end) {
            if (r->span.end > out->boiler[k - 1].end)
                out->boiler[k - 1].end = r->span.end;
        } else {
            out->boiler[k] = r->span;
            out->boiler_why[k++] = r->why;
        }
    }
    out->nboiler = k;
}

/* ------------------------------------------------------------------------
 * Character sets and UTF-8
 * --------------------------------------------------------------------- */

/* Replace invalid sequences with U+FFFD in place (the buffer may grow). */
static void repair_utf8(char **s, size_t *len)
{
    if (utf8_valid(*s, *len))
        return;
    struct buf b = {0};
    const char *p = *s;
    for (size_t i = 0; i < *len;) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, *len - i, &cp);
        if (k) {
            buf_add(&b, p + i, k);
            i += k;
        } else {
            buf_add(&b, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    free(*s);
    *s = b.p;
    *len = b.len;
}

/* The charset a <meta> in the first bytes declares, in buf; "" if none. */
static void declared_charset(const char *s, size_t n, char *out, size_t outsz)
{
    out[0] = '\0';
    if (n > CHARSET_SCAN)
        n = CHARSET_SCAN;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
            continue;
        const char *gt = memchr(s + i, '>', n - i);
        size_t end = gt ? (size_t)(gt - s) : n;
        for (size_t j = i + 5; j + 8 <= end; j++) {
            if (strncasecmp(s + j, "charset", 7) != 0)
                continue;
            j += 7;
            while (j < end && (is_space((unsigned char)s[j]) || s[j] == '='))
                j++;
            while (j < end && (s[j] == '"' || s[j] == '\''))
                j++;
            size_t k = 0;
            while (j < end && k + 1 < outsz &&
                   (s[j] == '-' || s[j] == '_' || s[j] == '.' ||
                    s[j] == ':' || (s[j] >= '0' && s[j] <= '9') ||
                    ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')))
                out[k++] = s[j++];
            out[k] = '\0';
            if (k)
                return;
        }
    }
}

/* The encoding to hand libxml2. Like a browser: a declared charset wins,
 * Latin-1 means windows-1252, and undeclared bytes that are not UTF-8 are
 * taken as windows-1252. NULL lets libxml2 sniff (UTF-16 BOMs). */
static const char *pick_encoding(const char *s, size_t n, char *decl,
                                 size_t declsz)
{
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1",
                                         "latin1",     "l1",
                                         "us-ascii",   "ascii",
                                         "windows-1252", "cp1252"};
    if (n >= 2 && (((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) ||
                   ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)))
        return NULL;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        return "UTF-8";
    declared_charset(s, n, decl, declsz);
    for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
        if (strcasecmp(decl, latin1[i]) == 0)
            return "windows-1252";
    if (strcasecmp(decl, "utf-8") == 0 || strcasecmp(decl, "utf8") == 0)
        return "UTF-8";
    if (decl[0]) {
        xmlCharEncodingHandlerPtr hd = xmlFindCharEncodingHandler(decl);
        if (hd) {
            xmlCharEncCloseFunc(hd);
            return decl;
        }
    }
    return utf8_valid(s, n) ? "UTF-8" : "windows-1252";
}

/* ------------------------------------------------------------------------
 * Public functions
 * --------------------------------------------------------------------- */

static void add_warning(struct html_article *a, const char *msg)
{
    a->warnings = xrealloc(a->warnings, (a->nwarnings + 1) * sizeof *a->warnings);
    a->warnings[a->nwarnings++] = xstrdup(msg);
}

/* The top candidate and its chosen siblings, in document order. */
static void emit_article(struct walk *w, struct emit *e, uint32_t top)
{
    struct info *t = &w->v[top];
    if (t->parent == NO_PARENT || t->tag == TAG_BODY) {
        e->root_text = t->text;
        emit_tree(w, e, t->node);
        return;
    }
    for (xmlNode *c = w->v[t->parent].node->children; c; c = c->next) {
        struct info *s = c->type == XML_ELEMENT_NODE ? info_of(w, c) : NULL;
        if (s && (s->flags & F_CHOSEN)) {
            e->root_text = s->text;
            emit_break(e, 2);
            emit_tree(w, e, c);
        }
    }
}

/* Title fallbacks that need the article: the first <h1> that is text. */
static void title_from_h1(struct walk *w)
{
    for (size_t i = 0; i < w->n && w->meta[META_TITLE].rank > RANK_H1; i++) {
        const struct info *in = &w->v[i];
        if (in->tag != TAG_H1 || (in->flags & F_GONE) || in->text == 0)
            continue;
        struct emit e = {.clean = false};
        emit_tree(w, &e, in->node);
        if (e.out.p)
            meta_offer(w, META_TITLE, RANK_H1, e.out.p);
        free(e.out.p);
        free(e.spans);
        break;
    }
}

static char *take_meta(struct walk *w, int field)
{
    char *v = w->meta[field].val;
    w->meta[field].val = NULL;
    if (v) {
        size_t n = strlen(v);
        repair_utf8(&v, &n);
    }
    return v;
}

enum cd_err html_extract(const struct html_extractor *h, const char *bytes,
                         size_t len, struct html_article *out, struct diag *d)
{
    char decl[64];
    const char *enc;
    htmlParserCtxtPtr ctxt;
    htmlDocPtr doc;
    xmlNode *root;
    bool stopped;
    struct walk w = {.h = h};
    struct emit e = {.clean = true};

    memset(out, 0, sizeof *out);
    if (len > HTML_MAX_BYTES)
        return diag_set(d, CD_ERR_TOOBIG, "", 0, 0,
                        "HTML page of %zu bytes exceeds the limit of %u",
                        len, HTML_MAX_BYTES);
    enc = pick_encoding(bytes, len, decl, sizeof decl);
    if (enc && len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    /* No HTML_PARSE_HUGE: its unbounded nesting makes libxml2's end-tag
     * matching quadratic. Past 256 levels libxml2 stops, and we say so. */
    ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return diag_set(d, CD_ERR_PARSE, "", 0, 0, "libxml2 parser failed");
    doc = htmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, enc,
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 (enc ? HTML_PARSE_IGNORE_ENC : 0));
    stopped = ctxt->errNo == XML_ERR_INTERNAL_ERROR;
    htmlFreeParserCtxt(ctxt);
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return diag_set(d, CD_ERR_PARSE, "", 0, 0, "no HTML document found");
    }
    if (stopped)
        add_warning(out, "HTML parsing stopped early (nested too deeply); later text lost");
    for (int f = 0; f < META_NFIELDS; f++)
        w.meta[f].rank = INT_MAX;

    walk_tree(&w, root);
    settle(&w);
    score_all(&w);
    uint32_t top = pick_top(&w);
    if (top != NO_PARENT && w.v[top].text >= MIN_PARA_TEXT) {
        choose(&w, top);
        emit_article(&w, &e, top);
        find_phrases(h, &e);
    }
    if (e.out.len == 0) {
        /* No article: keep every visible word rather than nothing. */
        e.clean = false;
        e.nspans = 0;
        emit_tree(&w, &e, root);
        add_warning(out, "no article found; all visible text kept");
    }
    title_from_h1(&w);
    xmlFreeDoc(doc);

    if (!e.out.p)
        buf_add(&e.out, "", 0);
    out->text = e.out.p;
    out->len = e.out.len;
    repair_utf8(&out->text, &out->len);
    if (out->len != e.out.len)
        e.nspans = 0; /* offsets moved; only on broken input */
    out->title = take_meta(&w, META_TITLE);
    out->source = take_meta(&w, META_SOURCE);
    out->published = take_meta(&w, META_PUBLISHED);
    out->author = take_meta(&w, META_AUTHOR);

    take_spans(&e, out);
    free(e.spans);
    for (int f = 0; f < META_NFIELDS; f++)
        free(w.meta[f].val);
    free(w.v);
    return CD_OK;
}

void html_article_clear(struct html_article *a)
{
    free(a->text);
    free(a->title);
    free(a->source);
    free(a->published);
    free(a->author);
    free(a->boiler);
    free(a->boiler_why);
    for (size_t i = 0; i < a->nwarnings; i++)
        free(a->warnings[i]);
    free(a->warnings);
    memset(a, 0, sizeof *a);
}
