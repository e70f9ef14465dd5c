/* bearing.c - where a place lies within its country, told per document
 * and compared across sources.
 *
 * News places a city for readers who do not know it: "the northwestern
 * city of X", "X, in eastern Y", "X, a stronghold in the east of the
 * country". Two sources that put one city in opposite corners of its
 * country disagree on a checkable fact. Only a direction relative to a
 * country counts: "eastern X" or "the east of the city" speak of a part
 * of X, so every pattern here needs a country (named, or "the country")
 * or a settlement noun whose "of" names the place itself. Nothing parses
 * syntax: the patterns are short runs of tokens around a compass word.
 */
#include "claimdiff/bearing.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/wordfilter.h"
#include "claimdiff/wordmask.h"
#include "scan.h"

/* Words of an apposition between a place and its "in <direction>":
 * "X, an opposition stronghold in ...", "X, a city of two million in". */
#define BEARING_APPOS_WORDS 6
/* Gazetteer parents followed from a place up to its country ("city" in
 * "state" in "country"); more is a loop in the rules. */
#define BEARING_PARENT_DEPTH 4
/* Bearings are multiples of 45 degrees: eight names. */
#define BEARING_N 8

static const char *const bearing_names[BEARING_N] = {
    "north", "north-east", "east", "south-east",
    "south", "south-west", "west", "north-west",
};

enum noun_kind { NK_SETTLEMENT, NK_AREA, NK_COUNTRY, NK_LINK };

static const char *const noun_kind_names[] = {"settlement", "area",
                                              "country", "link"};

/* A gazetteer place: its kind and its parent's id, -1 for none. */
struct gplace {
    bool settlement; /* "city" or "town" */
    bool country;
    int parent;
};

struct bearer {
    struct scan_map *compass; /* "northern", "north west" -> id */
    /* the compass words' first words ("north" of "north west"): a word
     * token it rules out starts no compass word (compass_may) */
    struct wordfilter compass_first;
    /* the same first words, NUL after each, for bearing_index */
    char *firsts;
    size_t nfirsts, capfirsts; /* bytes */
    uint32_t bit; /* their bit in the token masks (bearing_index), or 0 */
    int *degrees;             /* per compass id: 0, 45, ... 315 */
    struct scan_map *nouns;   /* bearing_nouns words -> id */
    unsigned char *noun_kind; /* per noun id: enum noun_kind */
    struct scan_map *places;  /* gazetteer names, places and countries */
    struct gplace *place;     /* per place id */
    size_t nplace;
};

bool bearing_is_claim(const struct claim *cl)
{
    return cl && cl->kind == CLAIM_ROLE && cl->slot &&
           !strcmp(cl->slot, CLAIM_SLOT_BEARING);
}

/* ---- rules --------------------------------------------------------------- */

/* Set v[id] (growing v, of *cap elements of size) for id; false when the
 * key could not be stored (empty or too long for a scan_map). */
static bool put_id(struct scan_map *m, const char *key, void **v, size_t *cap,
                   size_t size, int *id)
{
    *id = scan_map_put(m, key, strlen(key));
    if (*id < 0)
        return false;
    if ((size_t)*id >= *cap) {
        size_t old = *cap;
        *v = xgrow(*v, cap, (size_t)*id + 1, size);
        memset((char *)*v + old * size, 0, (*cap - old) * size);
    }
    return true;
}

static enum cd_err load_compass(struct bearer *b, const struct rules *r,
                                struct diag *d)
{
    const struct rule_table *t = rules_get(r, "claims/bearings");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    size_t cap = 0;
    for (size_t i = 0; !err && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        char *end = NULL;
        long deg = strtol(row->fields[1], &end, 10);
        int id;
        if (*end || end == row->fields[1] || deg < 0 || deg >= 360 ||
            deg % 45)
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "bearing '%s' is not 0, 45, ... 315",
                            row->fields[1]);
        if (!put_id(b->compass, row->fields[0], (void **)&b->degrees, &cap,
                    sizeof *b->degrees, &id))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "compass word '%s' is empty or too long",
                            row->fields[0]);
        b->degrees[id] = (int)deg;
        const char *w = row->fields[0];
        const char *sp = strchr(w, ' ');
        size_t len = sp ? (size_t)(sp - w) : strlen(w);
        wordfilter_add(&b->compass_first, w, len);
        if (b->nfirsts + len + 1 > b->capfirsts)
            b->firsts = xgrow(b->firsts, &b->capfirsts,
                              b->nfirsts + len + 1, 1);
        memcpy(b->firsts + b->nfirsts, w, len);
        b->firsts[b->nfirsts + len] = '\0';
        b->nfirsts += len + 1;
    }
    return err;
}

static enum cd_err load_nouns(struct bearer *b, const struct rules *r,
                              struct diag *d)
{
    const struct rule_table *t = rules_get(r, "claims/bearing_nouns");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    size_t cap = 0, nk = sizeof noun_kind_names / sizeof *noun_kind_names;
    for (size_t i = 0; !err && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        size_t k = 0;
        int id;
        while (k < nk && strcmp(noun_kind_names[k], row->fields[1]))
            k++;
        if (k == nk)
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "kind '%s' is not settlement, area, country or "
                            "link", row->fields[1]);
        if (!put_id(b->nouns, row->fields[0], (void **)&b->noun_kind, &cap,
                    sizeof *b->noun_kind, &id))
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "word '%s' is empty or too long", row->fields[0]);
        b->noun_kind[id] = (unsigned char)k;
    }
    return err;
}

/* The id of a gazetteer name, adding it; -1 if it cannot be a key. */
static int place_id(struct bearer *b, const char *name, size_t *cap)
{
    int id;
    if (!put_id(b->places, name, (void **)&b->place, cap, sizeof *b->place,
                &id))
        return -1;
    if ((size_t)id >= b->nplace) {
        for (size_t i = b->nplace; i <= (size_t)id; i++)
            b->place[i].parent = -1;
        b->nplace = (size_t)id + 1;
    }
    return id;
}

/* Kinds and parents of gazetteer/places and gazetteer/countries: whether
 * "The city," may refer to a place, and which country a place lies in.
 * Rows too short to say are the tagger's to reject; skipped here. */
static void load_places(struct bearer *b, const struct rules *r)
{
    static const char *const tables[] = {"gazetteer/countries",
                                         "gazetteer/places"};
    size_t cap = 0;
    for (size_t ti = 0; ti < 2; ti++) {
        const struct rule_table *t = rules_get(r, tables[ti]);
        for (size_t i = 0; i < t->nrows; i++) {
            const struct rule_row *row = &t->rows[i];
            if (row->nfields < 3)
                continue;
            int id = place_id(b, row->fields[0], &cap);
            if (id < 0)
                continue;
            const char *kind = row->fields[1];
            b->place[id].settlement =
                !strcmp(kind, "city") || !strcmp(kind, "town");
            b->place[id].country = !strcmp(kind, "country");
            if (strcmp(row->fields[2], "-")) {
                int p = place_id(b, row->fields[2], &cap);
                b->place[id].parent = p;
            }
        }
    }
}

enum cd_err bearing_new(const struct rules *r, struct bearer **out,
                        struct diag *d)
{
    struct bearer *b = xcalloc(1, sizeof *b);
    b->compass = scan_map_new();
    b->nouns = scan_map_new();
    b->places = scan_map_new();
    enum cd_err err = load_compass(b, r, d);
    if (!err)
        err = load_nouns(b, r, d);
    if (err) {
        bearing_free(b);
        *out = NULL;
        return err;
    }
    load_places(b, r);
    *out = b;
    return CD_OK;
}

void bearing_free(struct bearer *b)
{
    if (!b)
        return;
    scan_map_free(b->compass);
    scan_map_free(b->nouns);
    scan_map_free(b->places);
    free(b->degrees);
    free(b->firsts);
    free(b->noun_kind);
    free(b->place);
    free(b);
}

/* ---- one document -------------------------------------------------------- */

struct brun {
    const struct bearer *b;
    struct doc *doc;
    const char *text;
    const uint32_t *tmask; /* bearing_claims' m->tok, or NULL */
    int *mention_at;   /* per token: the mention starting there, -1 */
    size_t *mention_end; /* per mention: one past its last token */
    size_t a, e;       /* the sentence's tokens */
    struct claim *out; /* claims found, in sentence order */
    size_t nout, capout;
};

static size_t tok_len(const struct brun *r, size_t k)
{
    return r->doc->toks[k].span.end - r->doc->toks[k].span.start;
}

static bool tok_is(const struct brun *r, size_t k, const char *w)
{
    const struct token *t = &r->doc->toks[k];
    return k < r->e && tok_len(r, k) == strlen(w) &&
           !strncasecmp(r->text + t->span.start, w, strlen(w));
}

static bool tok_punct(const struct brun *r, size_t k, char c)
{
    return k < r->e && r->doc->toks[k].kind == TOK_PUNCT &&
           tok_len(r, k) == 1 && r->text[r->doc->toks[k].span.start] == c;
}

/* The noun kind of token k, or -1. */
static int noun_at(const struct brun *r, size_t k)
{
    if (k >= r->e || r->doc->toks[k].kind != TOK_WORD)
        return -1;
    int id = scan_map_get(r->b->nouns, r->text + r->doc->toks[k].span.start,
                          tok_len(r, k));
    return id < 0 ? -1 : r->b->noun_kind[id];
}

/* May a compass word start at word token k (k < r->e)? Its key is the
 * token alone, or the token, spaces and the next token; either way the
 * key's first word is the token's text, since word tokens hold no space
 * (the segmenter splits at spaces). False means compass_at(k) is -1. */
static inline bool compass_may(const struct brun *r, size_t k)
{
    /* exact: the bit is set when the token is one of those first words */
    if (r->tmask)
        return r->tmask[k] & r->b->bit;
    const struct token *t = &r->doc->toks[k];
    return t->kind == TOK_WORD &&
           wordfilter_may(&r->b->compass_first, r->text + t->span.start,
                          t->span.end - t->span.start);
}

/* The bearing of a compass word at k (one token, or two apart by spaces
 * only: "north west"), its tokens in *n; -1 if none. */
static int compass_at(const struct brun *r, size_t k, size_t *n)
{
    const struct token *t = r->doc->toks;
    if (k >= r->e || !compass_may(r, k))
        return -1;
    if (k + 1 < r->e && t[k + 1].kind == TOK_WORD) {
        size_t len = t[k + 1].span.end - t[k].span.start;
        bool spaces = true;
        for (size_t p = t[k].span.end; p < t[k + 1].span.start; p++)
            spaces = spaces && r->text[p] == ' ';
        int id = spaces && len <= SCAN_MAX_KEY
                     ? scan_map_get(r->b->compass, r->text + t[k].span.start,
                                    len)
                     : -1;
        if (id >= 0) {
            *n = 2;
            return r->b->degrees[id];
        }
    }
    int id = scan_map_get(r->b->compass, r->text + t[k].span.start,
                          tok_len(r, k));
    *n = 1;
    return id < 0 ? -1 : r->b->degrees[id];
}

static const struct mention *mention(const struct brun *r, int m)
{
    return &r->doc->mentions[m];
}

/* The mention of type ty starting at token k, or -1. */
static int mention_of(const struct brun *r, size_t k, enum ent_type ty)
{
    if (k >= r->e || r->mention_at[k] < 0)
        return -1;
    return mention(r, r->mention_at[k])->type == ty ? r->mention_at[k] : -1;
}

/* A possessive "'s" (or with a typographic apostrophe) right after
 * mention m, inside its last token ("Syria's"). */
static bool possessive_after(const struct brun *r, int m)
{
    const char *p = r->text + mention(r, m)->span.end;
    size_t last = r->mention_end[m] - 1;
    size_t room = r->doc->toks[last].span.end - mention(r, m)->span.end;
    return (room == 2 && !strncasecmp(p, "'s", 2)) ||
           (room == 4 && !strncasecmp(p, "\xe2\x80\x99s", 4));
}

/* The gazetteer id of a mention's canonical name, or -1. */
static int gaz_of(const struct brun *r, int m)
{
    const char *name = mention(r, m)->canonical;
    return name ? scan_map_get(r->b->places, name, strlen(name)) : -1;
}

/* Does the gazetteer put place p inside country c (mention indexes)?
 * Unknown places or countries pass: only a known mismatch ("X, in
 * northern Z" of a city the rules put in Y) fails. */
static bool lies_in(const struct brun *r, int p, int c)
{
    if (c < 0)
        return true;
    int gp = gaz_of(r, p), gc = gaz_of(r, c);
    if (gp < 0 || gc < 0)
        return true;
    int up = r->b->place[gp].parent;
    for (int i = 0; up >= 0 && i < BEARING_PARENT_DEPTH; i++) {
        if (up == gc)
            return true;
        up = r->b->place[up].parent;
    }
    return false;
}

static void add_bearing(struct brun *r, int place, int country, int deg,
                        struct span span, unsigned sentence)
{
    if (!lies_in(r, place, country))
        return;
    if (r->nout == r->capout)
        r->out = xgrow(r->out, &r->capout, r->nout + 1, sizeof *r->out);
    struct claim *cl = &r->out[r->nout++];
    memset(cl, 0, sizeof *cl);
    cl->span = span;
    cl->kind = CLAIM_ROLE;
    cl->sentence = sentence;
    cl->slot = CLAIM_SLOT_BEARING;
    cl->text = bearing_names[deg / 45];
    cl->subject = cl->attributed_to = -1;
    cl->number_idx = cl->date_idx = cl->quote_idx = -1;
    cl->mention_idx = place;
    cl->object = country;
}

static struct span tok_span(const struct brun *r, size_t from, size_t to)
{
    return (struct span){r->doc->toks[from].span.start,
                         r->doc->toks[to - 1].span.end};
}

/* A direction within a country at token k, after "in": "<dir> Y",
 * "the <dir> of Y", "the <dir> of the country", "Y's <dir>". The
 * bearing, or -1; the country mention (or -1 for "the country") in *c
 * and the phrase's end token in *end. */
static int country_direction(const struct brun *r, size_t k, int *c,
                             size_t *end)
{
    size_t n;
    int deg = compass_at(r, k, &n);
    *c = -1;
    if (deg >= 0) {
        *c = mention_of(r, k + n, ENT_COUNTRY);
        if (*c < 0)
            return -1;
        *end = r->mention_end[*c];
        return deg;
    }
    if (tok_is(r, k, "the")) {
        deg = compass_at(r, k + 1, &n);
        if (deg < 0 || !tok_is(r, k + 1 + n, "of"))
            return -1;
        size_t y = k + 2 + n;
        *c = mention_of(r, y, ENT_COUNTRY);
        if (*c >= 0) {
            *end = r->mention_end[*c];
            return deg;
        }
        if (tok_is(r, y, "the") && noun_at(r, y + 1) == NK_COUNTRY) {
            *end = y + 2;
            return deg;
        }
        return -1;
    }
    *c = mention_of(r, k, ENT_COUNTRY);
    if (*c < 0 || !possessive_after(r, *c))
        return -1;
    deg = compass_at(r, r->mention_end[*c], &n);
    *end = r->mention_end[*c] + n;
    return deg;
}

/* After a place that ends at token k: "[,] [lies|is located] in <dir>",
 * or ", a/an/the <words> in <dir>" (an apposition). Adds the claim of
 * place p. */
static void direction_after(struct brun *r, int p, size_t k, unsigned si)
{
    if (noun_at(r, k) == NK_SETTLEMENT || noun_at(r, k) == NK_AREA)
        k++; /* "X province, in northern Y" */
    bool comma = tok_punct(r, k, ',');
    k += comma;
    if (comma && (tok_is(r, k, "a") || tok_is(r, k, "an") ||
                  tok_is(r, k, "the"))) {
        size_t lim = k + 1 + BEARING_APPOS_WORDS;
        k++;
        while (k < r->e && k < lim && r->doc->toks[k].kind == TOK_WORD &&
               r->mention_at[k] < 0 && !tok_is(r, k, "in"))
            k++;
    } else {
        while (noun_at(r, k) == NK_LINK)
            k++;
    }
    if (!tok_is(r, k, "in"))
        return;
    int c;
    size_t end;
    int deg = country_direction(r, k + 1, &c, &end);
    if (deg >= 0)
        add_bearing(r, p, c, deg, tok_span(r, k, end), si);
}

/* "the <dir> [Adjective] city of X" at compass word k, and "<dir> Y's X". */
static void direction_before(struct brun *r, size_t k, unsigned si)
{
    size_t n;
    int deg = compass_at(r, k, &n);
    if (deg < 0)
        return;
    size_t from = k > r->a && tok_is(r, k - 1, "the") ? k - 1 : k;
    size_t j = k + n;
    int y = mention_of(r, j, ENT_COUNTRY);
    if (y >= 0 && possessive_after(r, y)) {
        int p = mention_of(r, r->mention_end[y], ENT_PLACE);
        if (p >= 0)
            add_bearing(r, p, y, deg, tok_span(r, from, r->mention_end[p]),
                        si);
        return;
    }
    /* one capitalised adjective may stand between: "the northern Syrian
     * city of X"; it is not a name of its own */
    if (noun_at(r, j) < 0 && j < r->e && r->mention_at[j] < 0 &&
        (r->doc->toks[j].flags & TOKF_CAP))
        j++;
    int kind = noun_at(r, j);
    if ((kind != NK_SETTLEMENT && kind != NK_AREA) || !tok_is(r, j + 1, "of"))
        return;
    int p = mention_of(r, j + 2, ENT_PLACE);
    if (p >= 0)
        add_bearing(r, p, -1, deg, tok_span(r, from, r->mention_end[p]), si);
}

/* Is mention m a city or town: the gazetteer says so, or the text calls
 * it one ("the city of X", "X city")? */
static bool settlement(const struct brun *r, int m, size_t sa)
{
    int g = gaz_of(r, m);
    if (g >= 0 && r->b->place[g].settlement)
        return true;
    size_t k;
    for (k = sa; k < r->e && r->mention_at[k] != m; k++)
        ;
    return (k >= sa + 2 && tok_is(r, k - 1, "of") &&
            noun_at(r, k - 2) == NK_SETTLEMENT) ||
           noun_at(r, r->mention_end[m]) == NK_SETTLEMENT;
}

/* The one city or town the tokens [a, e) name (several mentions of one
 * local entity count once), or -1 when none or more than one. */
static int sole_settlement(struct brun *r, size_t a, size_t e)
{
    size_t save = r->e;
    int found = -1;
    r->e = e;
    for (size_t k = a; k < e; k++) {
        int m = mention_of(r, k, ENT_PLACE);
        if (m < 0 || !settlement(r, m, a))
            continue;
        if (found >= 0 && mention(r, found)->local != mention(r, m)->local) {
            found = -1;
            break;
        }
        if (found < 0)
            found = m;
    }
    r->e = save;
    return found;
}

static void bearing_sentence(struct brun *r, unsigned si, size_t pa,
                             size_t pe)
{
    /* every bearing is told with a compass word of this sentence (all of
     * compass_at's tokens lie in [r->a, r->e)) */
    size_t k0 = r->a;
    while (k0 < r->e && !compass_may(r, k0))
        k0++;
    if (k0 == r->e)
        return;
    /* "The city, ... in the east of the country": the city of the
     * sentence before */
    if (tok_is(r, r->a, "the") && noun_at(r, r->a + 1) == NK_SETTLEMENT &&
        tok_punct(r, r->a + 2, ',') && pe > pa) {
        int m = sole_settlement(r, pa, pe);
        if (m >= 0)
            direction_after(r, m, r->a + 2, si);
    }
    for (size_t k = r->a; k < r->e; k++) {
        int p = mention_of(r, k, ENT_PLACE);
        if (p >= 0)
            direction_after(r, p, r->mention_end[p], si);
        direction_before(r, k, si);
    }
}

/* The token index whose span starts at pos, or ntoks. */
static size_t tok_starting(const struct doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->ntoks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->toks[mid].span.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->ntoks && doc->toks[lo].span.start == pos ? lo
                                                              : doc->ntoks;
}

/* Index every mention by its first token and find its last. */
static void index_mentions(struct brun *r)
{
    const struct doc *doc = r->doc;
    r->mention_at = xmalloc((doc->ntoks + 1) * sizeof *r->mention_at);
    r->mention_end = xcalloc(doc->nmentions + 1, sizeof *r->mention_end);
    for (size_t k = 0; k < doc->ntoks; k++)
        r->mention_at[k] = -1;
    for (size_t m = 0; m < doc->nmentions; m++) {
        size_t k = tok_starting(doc, doc->mentions[m].span.start);
        if (k == doc->ntoks || r->mention_at[k] >= 0)
            continue;
        size_t e = k;
        while (e < doc->ntoks &&
               doc->toks[e].span.start < doc->mentions[m].span.end)
            e++;
        r->mention_at[k] = (int)m;
        r->mention_end[m] = e;
    }
}

bool bearing_index(struct bearer *b, struct wordmask *wm, unsigned table)
{
    if (table >= WORDMASK_TABLES)
        return false;
    b->bit = (uint32_t)1 << table;
    for (size_t at = 0; at < b->nfirsts;) {
        size_t len = strlen(b->firsts + at);
        wordmask_add(wm, table, b->firsts + at, len, false);
        at += len + 1;
    }
    return true;
}

void bearing_claims(const struct bearer *b, struct doc *doc,
                    const struct wordmask_doc *m)
{
    struct brun r = {.b = b, .doc = doc, .text = doc->text,
                     .tmask = m ? m->tok : NULL};
    index_mentions(&r);
    size_t t = 0, pa = 0, pe = 0;
    for (unsigned si = 0; si < doc->nsents; si++) {
        size_t a;
        wordmask_sentence(m, doc, si, &a, &t);
        if (doc->sents[si].flags & (SENT_BOILERPLATE | SENT_CAPTION)) {
            pa = pe = 0; /* "The city," never reaches across furniture */
            continue;
        }
        r.a = a;
        r.e = t;
        /* no compass word: bearing_sentence would find none either */
        if (!m || (m->sent[si] & b->bit))
            bearing_sentence(&r, si, pa, pe);
        pa = a;
        pe = t;
    }
    claim_merge(doc, r.out, r.nout);
    free(r.out);
    free(r.mention_at);
    free(r.mention_end);
}

/* ---- comparing ----------------------------------------------------------- */

struct bitem {
    unsigned story, entity; /* the place's linked entity (index + 1) */
    unsigned doc, claim;
};

static int cmp_bitem(const void *x, const void *y)
{
    const struct bitem *a = x, *b = y;
    if (a->story != b->story)
        return (a->story > b->story) - (a->story < b->story);
    if (a->entity != b->entity)
        return (a->entity > b->entity) - (a->entity < b->entity);
    if (a->doc != b->doc)
        return (a->doc > b->doc) - (a->doc < b->doc);
    return (a->claim > b->claim) - (a->claim < b->claim);
}

static const struct claim *bclaim(const struct corpus *c,
                                  const struct bitem *it)
{
    return &c->docs[it->doc]->claims[it->claim];
}

/* The bearing in degrees of a claim's name. */
static int degrees_of(const struct claim *cl)
{
    for (int i = 0; i < BEARING_N; i++)
        if (!strcmp(cl->text, bearing_names[i]))
            return i * 45;
    return 0;
}

/* Degrees between two bearings, 0..180. */
static int apart(int a, int b)
{
    int d = abs(a - b) % 360;
    return d > 180 ? 360 - d : d;
}

/* The linked entity of mention m of doc, 0 for none. */
static unsigned entity_at(const struct doc *doc, int m)
{
    return m < 0 || (size_t)m >= doc->nmentions ? 0
                                                : doc->mentions[m].entity;
}

/* One value per document of v[0..n) (one place, sorted by doc): its first
 * claim, unless the document gives the place bearings 90 or more degrees
 * apart. The values go to out; returns how many. */
static size_t doc_values(const struct corpus *c, const struct bitem *v,
                         size_t n, struct cmp_value *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        bool torn = false;
        int d0 = degrees_of(bclaim(c, &v[i]));
        while (j < n && v[j].doc == v[i].doc) {
            torn = torn || apart(d0, degrees_of(bclaim(c, &v[j]))) >= 90;
            j++;
        }
        if (!torn)
            out[m++] = (struct cmp_value){.doc = v[i].doc,
                                          .claim = v[i].claim};
        i = j;
    }
    return m;
}

/* Do two values name different countries? Then they do not locate the
 * place in one frame and are not compared. */
static bool two_countries(const struct corpus *c, const struct cmp_value *v,
                          size_t n)
{
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        const struct doc *doc = c->docs[v[i].doc];
        unsigned e = entity_at(doc, doc->claims[v[i].claim].object);
        if (e && seen && e != seen)
            return true;
        if (e)
            seen = e;
    }
    return false;
}

static const struct claim *vclaim(const struct corpus *c,
                                  const struct cmp_value *v)
{
    return &c->docs[v->doc]->claims[v->claim];
}

/* The distinct bearings of vals in document order: "north-west vs east". */
static const char *bearings_note(struct corpus *c, const struct cmp_value *v,
                                 size_t n)
{
    bool seen[BEARING_N] = {false};
    const char *s = NULL;
    for (size_t i = 0; i < n; i++) {
        int b = degrees_of(vclaim(c, &v[i])) / 45;
        if (seen[b])
            continue;
        seen[b] = true;
        s = s ? arena_printf(c->arena, "%s vs %s", s, bearing_names[b])
              : bearing_names[b];
    }
    return s;
}

static void judge_place(struct corpus *c, const struct bitem *v, size_t n,
                        unsigned *events)
{
    struct cmp_value *vals = xmalloc(n * sizeof *vals);
    size_t m = doc_values(c, v, n, vals);
    if (!m || two_countries(c, vals, m)) {
        free(vals);
        return;
    }
    int worst = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t j = i + 1; j < m; j++) {
            int d = apart(degrees_of(vclaim(c, &vals[i])),
                          degrees_of(vclaim(c, &vals[j])));
            worst = d > worst ? d : worst;
        }
    if (c->ncomparisons == c->capcomparisons)
        c->comparisons = xgrow(c->comparisons, &c->capcomparisons,
                               c->ncomparisons + 1, sizeof *c->comparisons);
    struct comparison *k = &c->comparisons[c->ncomparisons++];
    memset(k, 0, sizeof *k);
    const struct entity *e = &c->entities[v[0].entity - 1];
    k->event = e->name;
    k->topic = arena_printf(c->arena, "%s: where in its country", e->name);
    k->event_id = ++*events;
    k->kind = CLAIM_ROLE;
    k->verdict = m < 2        ? VERDICT_SINGLE
               : worst == 0   ? VERDICT_AGREE
               : worst <= 90  ? VERDICT_PARTIAL
                              : VERDICT_CONFLICT;
    k->why = k->verdict == VERDICT_SINGLE ? "one document only"
           : k->verdict == VERDICT_AGREE  ? "the same bearing"
           : k->verdict == VERDICT_PARTIAL
               ? "bearings 45 or 90 degrees apart: neighbouring parts"
               : "bearings 135 degrees or more apart: opposite parts";
    k->note = bearings_note(c, vals, m);
    k->values = arena_alloc(c->arena, m * sizeof *vals);
    memcpy(k->values, vals, m * sizeof *vals);
    k->nvalues = m;
    free(vals);
}

void bearing_compare(struct corpus *c, unsigned *events)
{
    struct bitem *v = NULL;
    size_t n = 0, cap = 0;
    for (unsigned di = 0; di < c->ndocs; di++) {
        const struct doc *d = c->docs[di];
        for (unsigned k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            unsigned e = entity_at(d, cl->mention_idx);
            if (!bearing_is_claim(cl) || !cl->text || !e || e > c->nentities)
                continue;
            if (n == cap)
                v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = (struct bitem){d->story, e, di, k};
        }
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_bitem);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].story == v[i].story &&
               v[j].entity == v[i].entity)
            j++;
        judge_place(c, v + i, j - i, events);
        i = j;
    }
    free(v);
}
