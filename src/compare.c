/* compare.c - stories, events, slots and verdicts.
 *
 * Three sorts do the grouping: claims are sorted by (story, class, thing)
 * to see which things a class speaks of, by day to split one thing's
 * events, and by slot to line up the values each document gives. A claim
 * that names no thing joins the one thing its class speaks of in that
 * story, but only "weakly": a weak value that disagrees is dropped from
 * its slot rather than reported as a conflict, since it may well be about
 * another event (a wrong conflict costs the reader more than a missed one).
 */
#include "claimdiff/compare.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/align.h"
#include "claimdiff/arena.h"
#include "claimdiff/bearing.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/fate.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/rules.h"
#include "claimdiff/rsort.h"
#include "claimdiff/strpool.h"
#include "claimdiff/tag.h"
#include "scan.h"
#include "unionfind.h"

/* Parent links followed before giving up (and loops are cut). */
#define CHAIN_MAX 8
/* Dice similarity of content stems: below it two statements are about
 * different things; at or above the second they say the same. */
#define STATEMENT_MIN_SIM 0.30
#define STATEMENT_AGREE_SIM 0.80
/* Values a representative is weighed against, and distinct values a
 * slot's verdict compares pairwise: bounds keep a slot of 10,000
 * documents linear. */
#define SAMPLE 32
#define DISTINCT_MAX 64
/* Values a note lists before "and N more": a slot of thousands of
 * sources must not make a note of thousands of values. */
#define NOTE_VALUES 16
/* How many later statements of one speaker each statement meets. */
#define STATEMENT_PAIR_CAP 400
/* Two measures further apart than this ratio are not one quantity told
 * two ways (see judge_measures). */
#define MEASURE_RATIO 1.5
/* Relative rounding a measure converted from another unit may carry. */
#define MEASURE_ROUNDING 0.005

static const char *const verdict_names[] = {"conflict", "partial", "agree",
                                            "single"};

const char *verdict_name(enum verdict v)
{
    return (unsigned)v <= VERDICT_SINGLE ? verdict_names[v] : "single";
}

struct comparer {
    struct arena *arena;
    struct scan_map *names; /* folded name -> id */
    const char **parent;    /* per id: the wider place or class */
    size_t nparent;
    struct scan_map *agentive; /* classes whose actors can conflict */
    struct scan_map *ranks;    /* claims/role_words ranks: left out of roles */
    struct scan_map *shares;   /* claims/shares: counts of an unnamed whole */
    struct aligner *aligner;   /* statements told in other words */
    struct scan_map *surface_words; /* claims/surfaces: word -> id */
    struct scan_map *surface_names; /* gazetteer name -> id */
    unsigned char *surface;         /* per id of either map: 1 water, 2 land */
    size_t nsurface, capsurface;
    size_t surface_base; /* first id of surface_names in surface */
};

/* ---- water or land ------------------------------------------------------- */

/* Record that key (a claims/surfaces word, or a gazetteer name) in map m
 * is on surface kind (1 water, 2 land). The two maps share one id space
 * through an offset: words are stored first, so names take ids after. */
static void put_surface(struct comparer *c, struct scan_map *m, size_t base,
                        const char *key, unsigned char kind)
{
    int id = scan_map_put(m, key, strlen(key));
    if (id < 0)
        return;
    size_t at = base + (size_t)id;
    if (at >= c->capsurface) {
        size_t old = c->capsurface;
        c->surface = xgrow(c->surface, &c->capsurface, at + 1,
                           sizeof *c->surface);
        memset(c->surface + old, 0, c->capsurface - old);
    }
    if (at >= c->nsurface)
        c->nsurface = at + 1;
    if (!c->surface[at])
        c->surface[at] = kind;
}

/* The surfaces of claims/surfaces, and of every gazetteer place whose
 * type is one of its words (names and aliases). */
static enum cd_err load_surfaces(struct comparer *c, const struct rules *r,
                                 struct diag *d)
{
    const struct rule_table *t = rules_get(r, "claims/surfaces");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    if (err)
        return err;
    c->surface_words = scan_map_new();
    c->surface_names = scan_map_new();
    for (size_t i = 0; i < t->nrows; i++) {
        const char *k = t->rows[i].fields[1];
        if (strcmp(k, "water") && strcmp(k, "land"))
            return diag_set(d, CD_ERR_RULE, t->rows[i].file, t->rows[i].line,
                            0, "surface '%s' is not water or land", k);
        put_surface(c, c->surface_words, 0, t->rows[i].fields[0],
                    !strcmp(k, "water") ? 1 : 2);
    }
    size_t base = t->nrows; /* word ids stay below it */
    c->surface_base = base;
    const struct rule_table *g = rules_get(r, "gazetteer/places");
    for (size_t i = 0; i < g->nrows; i++) {
        const struct rule_row *row = &g->rows[i];
        int w = row->nfields > 1
                    ? scan_map_get(c->surface_words, row->fields[1],
                                   strlen(row->fields[1]))
                    : -1;
        if (w < 0)
            continue;
        unsigned char kind = c->surface[w];
        put_surface(c, c->surface_names, base, row->fields[0], kind);
        if (row->nfields < 4 || !strcmp(row->fields[3], "-"))
            continue;
        char *aliases = xstrdup(row->fields[3]);
        char *save = NULL;
        for (char *a = strtok_r(aliases, "|", &save); a;
             a = strtok_r(NULL, "|", &save))
            put_surface(c, c->surface_names, base, a, kind);
        free(aliases);
    }
    return CD_OK;
}

/* The surface of the place named name: its gazetteer type's, else that
 * of its last one or two words ("Kelbar air base"); 0 unknown. */
static unsigned char surface_of(const struct comparer *c, const char *name)
{
    size_t base = c->surface_base;
    int id = scan_map_get(c->surface_names, name, strlen(name));
    if (id >= 0 && base + (size_t)id < c->nsurface)
        return c->surface[base + (size_t)id];
    size_t len = strlen(name), spaces = 0;
    for (size_t i = len; i > 0; i--) {
        if (name[i - 1] != ' ')
            continue;
        id = scan_map_get(c->surface_words, name + i, len - i);
        if (id >= 0)
            return c->surface[id];
        if (++spaces == 2)
            break;
    }
    return 0;
}

/* ---- containment facts --------------------------------------------------- */

static void add_parent(struct comparer *c, const char *name, const char *parent)
{
    if (!parent || !*parent || !strcmp(parent, "-") ||
        !strcasecmp(name, parent))
        return;
    int id = scan_map_put(c->names, name, strlen(name));
    if (id < 0)
        return;
    if ((size_t)id >= c->nparent) {
        size_t old = c->nparent;
        c->parent = xgrow(c->parent, &c->nparent, (size_t)id + 1,
                          sizeof *c->parent);
        memset(c->parent + old, 0, (c->nparent - old) * sizeof *c->parent);
    }
    if (!c->parent[id])
        c->parent[id] = arena_strdup(c->arena, parent);
}

static const char *parent_of(const struct comparer *c, const char *name)
{
    int id = scan_map_get(c->names, name, strlen(name));
    return id >= 0 && (size_t)id < c->nparent ? c->parent[id] : NULL;
}

bool compare_contains(const struct comparer *c, const char *outer,
                      const char *inner)
{
    const char *x = inner;
    for (int i = 0; i < CHAIN_MAX && x; i++) {
        x = parent_of(c, x);
        if (x && !strcasecmp(x, outer))
            return true;
    }
    return false;
}

static enum cd_err load_gazetteer(struct comparer *c, const struct rules *r,
                                  const char *name, struct diag *d)
{
    const struct rule_table *t = rules_get(r, name);
    enum cd_err err = rules_check_fields(t, 3, 4, d);
    if (err)
        return err;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *parent = row->fields[2];
        add_parent(c, row->fields[0], parent);
        if (row->nfields < 4 || !strcmp(row->fields[3], "-"))
            continue;
        char *aliases = xstrdup(row->fields[3]);
        char *save = NULL;
        for (char *a = strtok_r(aliases, "|", &save); a;
             a = strtok_r(NULL, "|", &save))
            add_parent(c, a, parent);
        free(aliases);
    }
    return CD_OK;
}

enum cd_err compare_new(const struct rules *r, struct comparer **out,
                        struct diag *d)
{
    static const char *const gazetteers[] = {
        "gazetteer/countries", "gazetteer/places", "gazetteer/groups",
        "gazetteer/organizations"};
    struct comparer *c = xcalloc(1, sizeof *c);
    c->arena = arena_new();
    c->names = scan_map_new();
    enum cd_err err = CD_OK;
    for (size_t i = 0; !err && i < sizeof gazetteers / sizeof *gazetteers; i++)
        err = load_gazetteer(c, r, gazetteers[i], d);
    if (!err)
        err = scan_map_load(r, "claims/agentive", &c->agentive, d);
    const struct rule_table *rw = rules_get(r, "claims/role_words");
    if (!err)
        err = rules_check_fields(rw, 2, 2, d);
    c->ranks = scan_map_new();
    for (size_t i = 0; !err && i < rw->nrows; i++) {
        if (strcmp(rw->rows[i].fields[1], "rank"))
            err = diag_set(d, CD_ERR_RULE, rw->rows[i].file, rw->rows[i].line,
                           0, "kind '%s' is not rank", rw->rows[i].fields[1]);
        else
            scan_map_put(c->ranks, rw->rows[i].fields[0],
                         strlen(rw->rows[i].fields[0]));
    }
    if (!err)
        err = scan_map_load(r, "claims/shares", &c->shares, d);
    const struct rule_table *t = rules_get(r, "claims/classes");
    if (!err)
        err = rules_check_fields(t, 2, 2, d);
    for (size_t i = 0; !err && i < t->nrows; i++)
        add_parent(c, t->rows[i].fields[0], t->rows[i].fields[1]);
    if (!err)
        err = load_surfaces(c, r, d);
    if (!err)
        err = align_new(r, &c->aligner, d);
    if (err) {
        compare_free(c);
        *out = NULL;
        return err;
    }
    *out = c;
    return CD_OK;
}

void compare_free(struct comparer *c)
{
    if (!c)
        return;
    scan_map_free(c->names);
    scan_map_free(c->agentive);
    scan_map_free(c->ranks);
    scan_map_free(c->shares);
    align_free(c->aligner);
    scan_map_free(c->surface_words);
    scan_map_free(c->surface_names);
    free(c->surface);
    free(c->parent);
    arena_free(c->arena);
    free(c);
}

/* ---- document pairs ------------------------------------------------ */

struct pair {
    unsigned a, b;
};

static int cmp_pair(const void *x, const void *y)
{
    const struct pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

/* Days of an ISO value with year and month ("2016-08-01", "2016-08"). */
static bool iso_days(const char *v, long *out, bool *has_day)
{
    size_t len = v ? strlen(v) : 0;
    if (len < 7 || v[4] != '-')
        return false;
    for (size_t i = 0; i < len; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
            return false;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 +
            (v[3] - '0');
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    int dd = len >= 10 && v[7] == '-' ? (v[8] - '0') * 10 + (v[9] - '0') : 0;
    if (m < 1 || m > 12)
        return false;
    *has_day = dd >= 1 && dd <= 31;
    *out = date_days(y, m, *has_day ? dd : 15);
    return true;
}

/* ---- items: claims with their grouping keys --------------------------------- */

/* An item's day when it has none. Days are those of four-digit years
 * (iso_days): an int holds them. */
#define NO_DAY INT_MAX

/* One per claim compared, all held through judging: 36 bytes (the day an
 * int beside the indices; the strings as names, below). */
struct item {
    unsigned doc, claim;
    unsigned story;
    int day;           /* the event's day, NO_DAY unknown */
    /* Names (see name_items): while a list is collected, the ids
     * name_add gave; after, the strings' ranks in strcmp order, equal
     * strings sharing one, so that the sorts read them as they are and
     * a test for equal strings is one compare. NAME_NONE is "". */
    unsigned cls;      /* the class, "" outside events */
    unsigned thing;    /* event thing key, "" none */
    unsigned slot;     /* slot key within the event */
    unsigned entity;   /* role/statement: the entity (1-based) */
    bool weak;         /* joined its thing by default, not by evidence */
    signed char polarity; /* an event: 1 stated, -1 denied (see
                             settle_territory); 0 for other kinds */
};

/* Which things are one: a flight and the aircraft type named in one
 * sentence ("flight 9525, an Airbus A320") are the same machine. */
struct things {
    struct scan_map *ids; /* thing key -> id */
    const char **key;     /* per id: the key */
    unsigned *uf;         /* per id: union-find parent */
    size_t n, cap;
    struct pair *named;   /* (doc, root id) of every thing a doc names */
    size_t nnamed, capnamed;
};

/* The rank of "": no string orders before it, and it is added first. */
#define NAME_NONE 0u

struct ctx {
    const struct comparer *cmp;
    struct corpus *c;
    /* The items' strings: by address as added, ranked by name_items. */
    struct rsort_rank *names;
    const char **name; /* by rank: one of the strings of that rank */
    size_t capname;
    unsigned blame_id; /* the id of CLAIM_CLASS_BLAME */
    unsigned blame;    /* and its rank */
    /* Topics and notes repeat ("killed: how many", "stated in 3
     * sources"): kept once, they took a third of the corpus arena. */
    struct strpool *pool;
    unsigned *story;
    struct things th;
    struct item *v;
    size_t n, cap;
    unsigned events;
};

/* ---- things ------------------------------------------------------------------ */

static unsigned thing_id(struct things *t, const char *key)
{
    int id = scan_map_put(t->ids, key, strlen(key));
    if (id < 0)
        return (unsigned)-1;
    if ((size_t)id >= t->n) {
        if ((size_t)id >= t->cap) {
            size_t cap = t->cap;
            t->key = xgrow(t->key, &cap, (size_t)id + 1, sizeof *t->key);
            t->uf = xgrow(t->uf, &t->cap, (size_t)id + 1, sizeof *t->uf);
        }
        t->key[id] = key;
        t->uf[id] = (unsigned)id;
        t->n = (size_t)id + 1;
    }
    return (unsigned)id;
}

/* The key standing for every key joined with this one. */
static const char *thing_root(const struct ctx *x, const char *key)
{
    if (!key || !*key)
        return "";
    int id = scan_map_get(x->th.ids, key, strlen(key));
    if (id < 0)
        return key;
    return x->th.key[uf_find(x->th.uf, (unsigned)id)];
}

static bool doc_names(const struct ctx *x, unsigned doc, const char *key)
{
    int id = scan_map_get(x->th.ids, key, strlen(key));
    if (id < 0)
        return false;
    struct pair want = {doc, uf_find(x->th.uf, (unsigned)id)};
    return bsearch(&want, x->th.named, x->th.nnamed, sizeof want, cmp_pair) !=
           NULL;
}

/* A document names a thing also where it writes the identifier without
 * the head noun the claim stage needs ("the Xk-31, which has ..."), once
 * another document has made it a thing: the identifier alone is no
 * thing of its own, but it is enough to say which one the document
 * speaks of. Read from the text, so that a run from extracted records
 * finds the same. */
struct bare_ctx {
    struct ctx *x;
    unsigned doc;
    struct scan_toks toks;
};

static void bare_chunk(struct bare_ctx *b, size_t start, size_t end)
{
    struct things *t = &b->x->th;
    const char *text = b->x->c->docs[b->doc]->text;
    b->toks.n = 0;
    scan_tokens(text, start, end, &b->toks);
    for (size_t i = 0; i < b->toks.n; i++) {
        const struct scan_tok *tk = &b->toks.v[i];
        size_t len = tk->end - tk->start, o = 0;
        char key[16];
        if (tk->kind != SCAN_MIXED || len > 12 ||
            !isalpha((unsigned char)text[tk->start]))
            continue;
        for (size_t k = tk->start; k < tk->end; k++)
            if (isalnum((unsigned char)text[k]))
                key[o++] = (char)tolower((unsigned char)text[k]);
        int id = scan_map_get(t->ids, key, o);
        if (id < 0)
            continue;
        if (t->nnamed == t->capnamed)
            t->named = xgrow(t->named, &t->capnamed, t->nnamed + 1,
                             sizeof *t->named);
        t->named[t->nnamed++] =
            (struct pair){b->doc, uf_find(t->uf, (unsigned)id)};
    }
}

static bool ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does any of the 8 bytes of w hold an ASCII digit? Digits XOR '0' are
 * the bytes below 10; the test for "some byte below n" (n <= 128) is
 * exact for the word as a whole. */
static bool word_has_digit(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    uint64_t t = w ^ ones * '0';
    return ((t - ones * 10) & ~t & ones * 0x80) != 0;
}

/* An identifier has a digit (a SCAN_MIXED token), and no token reaches
 * across ASCII white space: so only the white-space-delimited stretches
 * holding a digit are tokenised, not the whole run. Most text has no
 * digit in eight bytes running: those are skipped a word at a time. */
static void bare_run(void *p, size_t start, size_t end)
{
    struct bare_ctx *b = p;
    const char *text = b->x->c->docs[b->doc]->text;
    for (size_t i = start; i < end;) {
        uint64_t w;
        if (end - i >= 8 && (memcpy(&w, text + i, 8), !word_has_digit(w))) {
            i += 8;
            continue;
        }
        if ((unsigned char)(text[i] - '0') > 9) {
            i++;
            continue;
        }
        size_t a = i, z = i;
        while (a > start && !ascii_space(text[a - 1]))
            a--;
        while (z < end && !ascii_space(text[z]))
            z++;
        bare_chunk(b, a, z);
        i = z + 1;
    }
}

static void name_bare_things(struct ctx *x)
{
    if (!x->th.n)
        return;
    struct bare_ctx b = {x, 0, {NULL, 0, 0}};
    for (unsigned di = 0; di < x->c->ndocs; di++) {
        b.doc = di;
        if (x->c->docs[di]->text)
            scan_runs(x->c->docs[di], bare_run, &b);
    }
    scan_toks_free(&b.toks);
}

static void collect_things(struct ctx *x)
{
    struct things *t = &x->th;
    t->ids = scan_map_new();
    for (unsigned di = 0; di < x->c->ndocs; di++) {
        const struct doc *d = x->c->docs[di];
        unsigned flight = (unsigned)-1, craft = (unsigned)-1, sent = 0;
        for (size_t k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            if (cl->kind != CLAIM_THING || !cl->thing)
                continue;
            if (cl->sentence != sent)
                flight = craft = (unsigned)-1;
            sent = cl->sentence;
            unsigned id = thing_id(t, cl->thing);
            if (id == (unsigned)-1)
                continue;
            bool is_flight = cl->slot && !strcmp(cl->slot, "flight");
            bool is_craft = cl->slot && !strcmp(cl->slot, "aircraft");
            if (is_flight && flight == (unsigned)-1)
                flight = id;
            if (is_craft && craft == (unsigned)-1)
                craft = id;
            if (flight != (unsigned)-1 && craft != (unsigned)-1)
                uf_union(t->uf, flight, craft);
        }
    }
    for (unsigned di = 0; di < x->c->ndocs; di++) {
        const struct doc *d = x->c->docs[di];
        for (size_t k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            int id;
            if (cl->kind != CLAIM_THING || !cl->thing ||
                (id = scan_map_get(t->ids, cl->thing, strlen(cl->thing))) < 0)
                continue;
            if (t->nnamed == t->capnamed)
                t->named = xgrow(t->named, &t->capnamed, t->nnamed + 1,
                                 sizeof *t->named);
            t->named[t->nnamed++] = (struct pair){di, uf_find(t->uf, (unsigned)id)};
        }
    }
    name_bare_things(x);
    if (t->nnamed)
        qsort(t->named, t->nnamed, sizeof *t->named, cmp_pair);
}

static void free_things(struct things *t)
{
    scan_map_free(t->ids);
    free(t->key);
    free(t->uf);
    free(t->named);
}

static const struct claim *claim_of(const struct ctx *x, const struct item *it)
{
    return &x->c->docs[it->doc]->claims[it->claim];
}

static const struct doc *doc_of(const struct ctx *x, const struct item *it)
{
    return x->c->docs[it->doc];
}

static unsigned entity_of(const struct doc *d, int mention)
{
    return mention >= 0 && (size_t)mention < d->nmentions
               ? d->mentions[mention].entity : 0;
}

static const char *s0(const char *s)
{
    return s ? s : "";
}

/* ---- names ------------------------------------------------------------------- */

/* The id of string s among the names (by address: most are the rules'
 * own strings, shared by every item). Items hold ids until name_items. */
static unsigned name_add(struct ctx *x, const char *s)
{
    return rsort_rank_add(x->names, (uint64_t)(uintptr_t)s);
}

/* The string of a name rank. */
static const char *name_of(const struct ctx *x, unsigned rank)
{
    return x->name[rank];
}

/* Rank every name added so far and turn the ids of the items collected
 * since the list started into ranks. Done once per list, not per sort:
 * the settle passes only move a name from one item to another (a thing,
 * a day) or set CLAIM_CLASS_BLAME, whose rank is kept. */
static void name_items(struct ctx *x)
{
    rsort_rank_order(x->names);
    size_t n = rsort_rank_count(x->names);
    if (n > x->capname)
        x->name = xgrow(x->name, &x->capname, n, sizeof *x->name);
    const unsigned *rank = rsort_rank_all(x->names);
    for (unsigned id = 0; id < n; id++)
        x->name[rank[id]] =
            (const char *)(uintptr_t)rsort_rank_value(x->names, id);
    for (size_t i = 0; i < x->n; i++) {
        struct item *it = &x->v[i];
        it->cls = rank[it->cls];
        it->thing = rank[it->thing];
        it->slot = rank[it->slot];
    }
    x->blame = rank[x->blame_id];
}

/* Do two items belong to one story, class and thing? */
static bool same_event_keys(const struct item *a, const struct item *b)
{
    return a->story == b->story && a->cls == b->cls && a->thing == b->thing;
}

/* ---- item sorts -------------------------------------------------------------- */

/* The three orders the item array is sorted in, six times in a run. */
enum item_order { BY_THING, BY_DAY, BY_SLOT };

/* The fields an order sorts by, most significant first; every order
 * ends with (doc, claim), which no two items share. */
enum item_field { F_STORY, F_CLS, F_THING, F_DAY, F_ENTITY, F_SLOT, F_DOC,
                  F_CLAIM, F_END };

static const enum item_field order_fields[][F_END + 1] = {
    [BY_THING] = {F_STORY, F_CLS, F_THING, F_DOC, F_CLAIM, F_END},
    [BY_DAY] = {F_STORY, F_CLS, F_THING, F_DAY, F_DOC, F_CLAIM, F_END},
    [BY_SLOT] = {F_STORY, F_CLS, F_THING, F_DAY, F_ENTITY, F_SLOT, F_DOC,
                 F_CLAIM, F_END},
};

/* Every field of an item as an unsigned number in the field's order,
 * by enum item_field. A day has its sign bit flipped; NO_DAY (the
 * largest int) comes out as UINT_MAX. */
static void fields_of(const struct item *it, unsigned *f)
{
    f[F_STORY] = it->story;
    f[F_CLS] = it->cls;
    f[F_THING] = it->thing;
    f[F_DAY] = (unsigned)it->day ^ 0x80000000u;
    f[F_ENTITY] = it->entity;
    f[F_SLOT] = it->slot;
    f[F_DOC] = it->doc;
    f[F_CLAIM] = it->claim;
}

/* Bits needed for values up to top. */
static unsigned bits_for(unsigned top)
{
    unsigned b = 0;
    while (b < 32 && top >> b)
        b++;
    return b;
}

/* Append v, `bits` wide, below what key holds (0 < bits <= 32, v fits). */
static void pack_field(struct rsort_key *key, unsigned bits, unsigned v)
{
    key->hi = key->hi << bits | key->lo >> (64 - bits);
    key->lo = key->lo << bits | v;
}

/* A field's values in one sort: the least, and the bits the rest need
 * above it. A day's NO_DAY is not counted in: it takes the value after
 * the latest day, so that unknown days do not widen the key. */
struct field_span {
    enum item_field f;
    unsigned lo, w;
};

/* Sort the items stably by the fields sp[0..nf) (each of nonzero
 * width, `bits` in all, at most 128), each less its least value. */
static void sort_by_fields(struct ctx *x, const struct field_span *sp,
                           size_t nf, unsigned no_day, unsigned bits)
{
    struct rsort_key *k = xmalloc(x->n * sizeof *k);
    for (size_t i = 0; i < x->n; i++) {
        struct rsort_key key = {0, 0, i};
        unsigned v[F_END];
        fields_of(&x->v[i], v);
        v[F_DAY] = v[F_DAY] == UINT_MAX ? no_day : v[F_DAY];
        for (size_t j = 0; j < nf; j++)
            pack_field(&key, sp[j].w, v[sp[j].f] - sp[j].lo);
        k[i] = key;
    }
    rsort_keys(k, x->n, bits);
    rsort_apply(x->v, x->n, sizeof *x->v, k);
    free(k);
}

/* The least and largest value of every field over the items, but a
 * day's largest leaves NO_DAY out; *no_day is the value NO_DAY then
 * takes: the one after the latest day, so that unknown days do not
 * widen the key. */
static void field_bounds(const struct ctx *x, unsigned *lo, unsigned *hi,
                         unsigned *no_day)
{
    unsigned v[F_END], day_hi = 0;
    bool day = false;
    for (size_t i = 0; i < x->n; i++) {
        fields_of(&x->v[i], v);
        if (!i) {
            memcpy(lo, v, sizeof v);
            memcpy(hi, v, sizeof v);
        }
        for (int f = 0; f < F_END; f++) {
            lo[f] = v[f] < lo[f] ? v[f] : lo[f];
            hi[f] = v[f] > hi[f] ? v[f] : hi[f];
        }
        if (v[F_DAY] != UINT_MAX) {
            day_hi = day && day_hi > v[F_DAY] ? day_hi : v[F_DAY];
            day = true;
        }
    }
    *no_day = day ? day_hi + 1 : UINT_MAX;
    if (day && hi[F_DAY] == UINT_MAX)
        hi[F_DAY] = *no_day;
}

/* Sort the items as a stable sort by the order's fields does, by
 * integer keys: each field less its least value, as wide as the rest
 * needs, fields equal in every item left out (the names are ranks
 * already, so nothing is ranked here). When the fields need more than
 * 128 bits, the less significant ones are sorted by first, then the
 * more significant ones, stably: the same order. */
static void sort_all_items(struct ctx *x, enum item_order order)
{
    if (x->n < 2)
        return;
    unsigned lo[F_END], hi[F_END], no_day;
    field_bounds(x, lo, hi, &no_day);
    struct field_span sp[F_END];
    size_t nf = 0;
    for (const enum item_field *f = order_fields[order]; *f != F_END; f++)
        if (hi[*f] != lo[*f])
            sp[nf++] = (struct field_span){*f, lo[*f], bits_for(hi[*f] - lo[*f])};
    size_t end = nf;
    while (end) {
        size_t start = end;
        unsigned bits = 0;
        while (start && bits + sp[start - 1].w <= 128)
            bits += sp[--start].w;
        sort_by_fields(x, sp + start, end - start, no_day, bits);
        end = start;
    }
}

/* Does a come before b in the order? The fields compared as the sort
 * keys hold them (a day's NO_DAY, flipped, is the largest). */
static bool item_before(const struct item *a, const struct item *b,
                        enum item_order order)
{
    unsigned va[F_END], vb[F_END];
    fields_of(a, va);
    fields_of(b, vb);
    for (const enum item_field *f = order_fields[order]; *f != F_END; f++)
        if (va[*f] != vb[*f])
            return va[*f] < vb[*f];
    return false;
}

/* Are the items in the order already? A settle pass that moved no item
 * (or kept the order itself, as settle_days does) leaves them so, and
 * checking costs a tenth of sorting. */
static bool items_sorted(const struct ctx *x, enum item_order order)
{
    for (size_t i = 1; i < x->n; i++)
        if (!item_before(&x->v[i - 1], &x->v[i], order))
            return false;
    return true;
}

/* Every order sorts by story first and ends with (doc, claim), which no
 * two items share: a list already in story order sorts as one story's
 * run after another, each alone, and the sort keys of the largest story
 * are all that is held besides the items (those of the whole list,
 * twice, were the peak of the run at 5,000 articles). */
static void sort_items(struct ctx *x, enum item_order order)
{
    if (items_sorted(x, order))
        return;
    for (size_t i = 1; i < x->n; i++)
        if (x->v[i].story < x->v[i - 1].story) {
            sort_all_items(x, order);
            return;
        }
    struct item *v = x->v;
    size_t n = x->n;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && v[j].story == v[i].story)
            j++;
        x->v = v + i;
        x->n = j - i;
        sort_all_items(x, order);
        i = j;
    }
    x->v = v;
    x->n = n;
}

/* An empty item list with a fresh array: the events' array, as large as
 * every event claim of the corpus and its pages all touched, goes back
 * before roles and statements, which list far fewer, take their turn
 * (judging them was the peak of the run at 5,000 articles). */
static void restart_items(struct ctx *x)
{
    free(x->v);
    x->n = 0;
    x->cap = 16; /* never NULL, so that sorting an empty list is defined */
    x->v = xmalloc(x->cap * sizeof *x->v);
}

static void push(struct ctx *x, struct item it)
{
    if (x->n == x->cap)
        x->v = xgrow(x->v, &x->cap, x->n + 1, sizeof *x->v);
    x->v[x->n++] = it;
}

/* The day of each frame of doc d, from its date claim (day-precise and
 * with a year), NO_DAY where none. */
static int *frame_days(const struct doc *d, unsigned *nframes)
{
    unsigned max = 0;
    for (size_t k = 0; k < d->nclaims; k++)
        if (d->claims[k].frame > max)
            max = d->claims[k].frame;
    int *days = xmalloc((max + 1) * sizeof *days);
    for (unsigned f = 0; f <= max; f++)
        days[f] = NO_DAY;
    for (size_t k = 0; k < d->nclaims; k++) {
        const struct claim *cl = &d->claims[k];
        long day;
        bool has_day;
        if (cl->kind == CLAIM_DATE && cl->frame && cl->date_idx >= 0 &&
            iso_days(d->dates[cl->date_idx].value, &day, &has_day) && has_day)
            days[cl->frame] = (int)day;
    }
    *nframes = max;
    return days;
}

static bool is_measure(const struct claim *cl)
{
    return cl->kind == CLAIM_COUNT && cl->scale > 0 && cl->slot;
}

static const char *event_slot(const struct claim *cl)
{
    switch (cl->kind) {
    case CLAIM_EVENT: return "happened";
    case CLAIM_COUNT: return s0(cl->slot);
    case CLAIM_DATE: return "when";
    case CLAIM_PLACE: return cl->slot ? cl->slot : "where";
    case CLAIM_ACTOR: return cl->slot ? cl->slot : "who";
    case CLAIM_TIME: return "at what time";
    default: return "";
    }
}

static int cmp_doc_story(const void *p, const void *q)
{
    const unsigned *a = p, *b = q;
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return (a[1] > b[1]) - (a[1] < b[1]);
}

/* The documents in story order (by document within a story), so that
 * the events come out in story order and sort_items sorts them story by
 * story. */
static unsigned *docs_by_story(const struct ctx *x)
{
    size_t n = x->c->ndocs;
    unsigned *pair = xmalloc((2 * n + 1) * sizeof *pair);
    for (size_t i = 0; i < n; i++) {
        pair[2 * i] = x->story[i];
        pair[2 * i + 1] = (unsigned)i;
    }
    qsort(pair, n, 2 * sizeof *pair, cmp_doc_story);
    for (size_t i = 0; i < n; i++)
        pair[i] = pair[2 * i + 1];
    return pair;
}

static void collect_events(struct ctx *x)
{
    unsigned *order = docs_by_story(x);
    for (size_t o = 0; o < x->c->ndocs; o++) {
        unsigned di = order[o];
        const struct doc *d = x->c->docs[di];
        unsigned nf;
        int *days = frame_days(d, &nf);
        for (unsigned k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            bool measure = is_measure(cl);
            if ((!cl->cls && !measure) ||
                (cl->kind > CLAIM_ACTOR && cl->kind != CLAIM_TIME))
                continue;
            if (cl->negated && cl->kind != CLAIM_EVENT)
                continue;
            /* Being aboard is a state, not a happening: what sources
             * say of it is how many, never whether. */
            if (cl->kind == CLAIM_EVENT && !strcmp(cl->cls, "aboard"))
                continue;
            /* A measure is an event of its own kind ("altitude"), on
             * no day: the altitude of a flight is one thing to compare
             * whatever the verbs around it. */
            struct item it = {
                .doc = di, .claim = k, .story = x->story[di],
                .day = cl->frame && cl->frame <= nf && !measure
                           ? days[cl->frame] : NO_DAY,
                .cls = name_add(x, measure ? cl->slot : cl->cls),
                .thing = name_add(x, thing_root(x, cl->thing)),
                .slot = name_add(x, event_slot(cl)),
                .weak = cl->subset};
            if (cl->kind == CLAIM_EVENT)
                it.polarity = cl->negated ? -1 : 1;
            push(x, it);
        }
        free(days);
    }
    free(order);
    name_items(x);
}

/* A claim naming no thing joins a thing its class speaks of in the
 * story: the one its own document names (firmly), else the one most
 * claims name (weakly: it may be about something else). */
static void settle_things(struct ctx *x)
{
    sort_items(x, BY_THING);
    for (size_t i = 0; i < x->n;) {
        size_t j = i, runs = 0;
        unsigned top = NAME_NONE;
        size_t topn = 0;
        while (j < x->n && x->v[j].story == x->v[i].story &&
               x->v[j].cls == x->v[i].cls) {
            size_t k = j;
            while (k < x->n && same_event_keys(&x->v[j], &x->v[k]))
                k++;
            if (x->v[j].thing != NAME_NONE) {
                runs++;
                if (k - j > topn) {
                    top = x->v[j].thing;
                    topn = k - j;
                }
            }
            j = k;
        }
        /* the block's distinct things, once */
        unsigned *things = xmalloc((runs + 1) * sizeof *things);
        size_t nt = 0;
        for (size_t m = i; m < j; m++)
            if (x->v[m].thing != NAME_NONE &&
                (!nt || things[nt - 1] != x->v[m].thing))
                things[nt++] = x->v[m].thing;
        for (size_t k = i; top != NAME_NONE && k < j; k++) {
            struct item *it = &x->v[k];
            if (it->thing != NAME_NONE)
                continue;
            unsigned own = NAME_NONE;
            size_t owned = 0;
            for (size_t t = 0; t < nt; t++)
                if (doc_names(x, it->doc, name_of(x, things[t]))) {
                    own = things[t];
                    owned++;
                }
            it->thing = owned == 1 ? own : top;
            it->weak = it->weak || owned != 1;
        }
        free(things);
        i = j;
    }
}

/* Is a before b by (doc, claim)? */
static bool doc_claim_before(const struct item *a, const struct item *b)
{
    return a->doc != b->doc ? a->doc < b->doc : a->claim < b->claim;
}

/* Give the undated items of one event's block v[i..j) (sorted by day,
 * so they are its tail) the day `top`, and keep the block sorted by
 * day: they are merged by (doc, claim) into the run of that day, so
 * that the next sort by day finds nothing to do (it was a fifth of the
 * sorting). */
static void rejoin_undated(struct ctx *x, size_t i, size_t j, int top)
{
    struct item *v = x->v;
    size_t t = j, p = i, q;
    while (t > i && v[t - 1].day == NO_DAY)
        t--;
    if (t == j)
        return;
    while (p < t && v[p].day < top)
        p++;
    for (q = p; q < t && v[q].day == top; q++)
        ;
    for (size_t k = t; k < j; k++)
        v[k].day = top;
    /* v[p..q) and v[t..j), merged; then the later days v[q..t) */
    struct item *tmp = xmalloc((j - p) * sizeof *tmp);
    size_t a = p, b = t, o = 0;
    while (a < q && b < j)
        tmp[o++] = doc_claim_before(&v[b], &v[a]) ? v[b++] : v[a++];
    while (a < q)
        tmp[o++] = v[a++];
    while (b < j)
        tmp[o++] = v[b++];
    memcpy(tmp + o, v + q, (t - q) * sizeof *tmp);
    memcpy(v + p, tmp, (j - p) * sizeof *tmp);
    free(tmp);
}

/* Undated claims of an event join its most common day. Which day a
 * claim without a date of its own speaks of is a guess, but a safe one:
 * an event on another day is kept apart by its own dated claims. */
static void settle_days(struct ctx *x)
{
    sort_items(x, BY_DAY);
    for (size_t i = 0; i < x->n;) {
        size_t j = i, topn = 0;
        int top = NO_DAY;
        while (j < x->n && same_event_keys(&x->v[i], &x->v[j])) {
            size_t k = j;
            while (k < x->n && same_event_keys(&x->v[j], &x->v[k]) &&
                   x->v[k].day == x->v[j].day)
                k++;
            if (x->v[j].day != NO_DAY) {
                if (k - j > topn) {
                    top = x->v[j].day;
                    topn = k - j;
                }
            }
            j = k;
        }
        if (top != NO_DAY)
            rejoin_undated(x, i, j, top);
        i = j;
    }
}

/* Blame for a happening its words name ("blamed X for the downing":
 * CLAIM_BLAME_FOR "shootdown") is blame for what the story is about
 * when its class is a main one: told by at least half as many event
 * claims of the story as the most told class. Blame with no happening
 * named ("held X responsible for this incident") is for that too. Blame
 * for anything else (a late warning, a broken truce) stays an event of
 * its own, so that parties blamed for different happenings are never
 * set against each other. */
static size_t class_events(const struct ctx *x, size_t i, size_t *end)
{
    size_t k = i, events = 0;
    while (k < x->n && x->v[k].story == x->v[i].story &&
           x->v[k].cls == x->v[i].cls) {
        events += claim_of(x, &x->v[k])->kind == CLAIM_EVENT;
        k++;
    }
    *end = k;
    return events;
}

static void settle_blame(struct ctx *x)
{
    sort_items(x, BY_THING);
    size_t plen = strlen(CLAIM_BLAME_FOR);
    for (size_t i = 0; i < x->n;) {
        size_t j = i, most = 0, end;
        while (j < x->n && x->v[j].story == x->v[i].story) {
            size_t events = class_events(x, j, &end);
            most = events > most ? events : most;
            j = end;
        }
        /* the items are sorted by class within the story: a blame item's
         * class is looked up by a second walk over the class runs */
        for (size_t k = i; k < j; k++) {
            const char *cls = name_of(x, x->v[k].cls);
            if (strncmp(cls, CLAIM_BLAME_FOR, plen))
                continue;
            for (size_t c = i; c < j; c = end) {
                size_t events = class_events(x, c, &end);
                if (!strcmp(name_of(x, x->v[c].cls), cls + plen)) {
                    if (most && 2 * events >= most)
                        x->v[k].cls = x->blame;
                    break;
                }
            }
        }
        i = j;
    }
}

/* ---- another period ------------------------------------------------------------ */

/* A frame's own dates: whether one fixes a day, and the days [lo, hi)
 * its coarser dates (a year, a month, a decade) leave open. */
struct period {
    long lo, hi;
    bool day;
};

/* The days [lo, hi) of a year ("2019"), a decade ("195X") or a month
 * ("2019-05"); false for anything else (a day, an open or empty value). */
static bool coarse_days(const char *v, long *lo, long *hi)
{
    size_t len = strlen(v);
    if (len < 4 || !isdigit((unsigned char)v[0]) ||
        !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[2]))
        return false;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10;
    if (len == 4 && v[3] == 'X') {
        *lo = date_days(y, 1, 1);
        *hi = date_days(y + 10, 1, 1);
        return true;
    }
    if (!isdigit((unsigned char)v[3]))
        return false;
    y += v[3] - '0';
    if (len == 4) {
        *lo = date_days(y, 1, 1);
        *hi = date_days(y + 1, 1, 1);
        return true;
    }
    long first;
    bool has_day;
    if (len != 7 || !iso_days(v, &first, &has_day) || has_day)
        return false;
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    *lo = date_days(y, m, 1);
    *hi = m == 12 ? date_days(y + 1, 1, 1) : date_days(y, m + 1, 1);
    return true;
}

/* The period of every frame of every document, indexed base[doc] +
 * frame; base has ndocs + 1 entries. Free both. */
static struct period *frame_periods(const struct corpus *c, size_t **basep)
{
    size_t *base = xmalloc((c->ndocs + 1) * sizeof *base);
    base[0] = 0;
    for (size_t di = 0; di < c->ndocs; di++) {
        const struct doc *d = c->docs[di];
        unsigned max = 0;
        for (size_t k = 0; k < d->nclaims; k++)
            if (d->claims[k].frame > max)
                max = d->claims[k].frame;
        base[di + 1] = base[di] + max + 1;
    }
    struct period *p = xmalloc((base[c->ndocs] + 1) * sizeof *p);
    for (size_t i = 0; i < base[c->ndocs]; i++)
        p[i] = (struct period){LONG_MIN, LONG_MAX, false};
    for (size_t di = 0; di < c->ndocs; di++) {
        const struct doc *d = c->docs[di];
        for (size_t k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            if (cl->kind != CLAIM_DATE || !cl->frame || cl->date_idx < 0 ||
                (d->dates[cl->date_idx].flags & DATEF_PAGE_STAMP))
                continue;
            const char *v = d->dates[cl->date_idx].value;
            struct period *f = &p[base[di] + cl->frame];
            long lo, hi;
            bool has_day;
            if (iso_days(v, &lo, &has_day) && has_day)
                f->day = true;
            else if (coarse_days(v, &lo, &hi)) {
                f->lo = lo > f->lo ? lo : f->lo;
                f->hi = hi < f->hi ? hi : f->hi;
            }
        }
    }
    *basep = base;
    return p;
}

/* settle_days gave a claim without a day of its own its event's day. But
 * a frame dated only to a year, a month or a decade that leaves that day
 * out ("last year a fire killed 40", "kidnapped in May") tells of
 * another happening: the claim leaves the event rather than clash with
 * what the event's day holds. Claims of frames that fix a day keep it. */
static void settle_periods(struct ctx *x)
{
    size_t *base;
    struct period *p = frame_periods(x->c, &base);
    size_t out = 0;
    for (size_t i = 0; i < x->n; i++) {
        const struct item *it = &x->v[i];
        unsigned frame = claim_of(x, it)->frame;
        if (it->day != NO_DAY && frame) {
            const struct period *f = &p[base[it->doc] + frame];
            if (!f->day && (it->day < f->lo || it->day >= f->hi))
                continue;
        }
        x->v[out++] = *it;
    }
    x->n = out;
    free(p);
    free(base);
}

/* ---- whose territory ----------------------------------------------------------- */

/* A violation frame's slot names the area: "into X" for an incursion
 * ("violated Turkish airspace"), "in X" for a presence ("the jet was over
 * Syria"); see claims/territory. The country that most documents say
 * was entered (or was not) is the one in dispute. Against it, a presence
 * in another country is a counter-assertion, a denial in other words
 * ("it remained over Syria" vs "it violated Turkish airspace"); a
 * presence in it asserts the incursion. A presence that meets no
 * disputed country says nothing of a violation and leaves the event. */
static const char *area_country(const char *slot, bool *into)
{
    if (!slot)
        return NULL;
    *into = !strncmp(slot, "into ", 5);
    if (*into)
        return slot + 5;
    return !strncmp(slot, "in ", 3) ? slot + 3 : NULL;
}

/* The "into" country of an item, or NULL. */
static const char *entered_country(const struct ctx *x, const struct item *it)
{
    bool into = false;
    const char *c =
        it->polarity ? area_country(claim_of(x, it)->slot, &into) : NULL;
    return c && into ? c : NULL;
}

/* The country most documents of v[0..n) (sorted by document) name as
 * entered (a denied entry names it too), NULL when none leads. At most
 * DISTINCT_MAX countries are weighed. */
static const char *disputed_country(const struct ctx *x, const struct item *v,
                                    size_t n)
{
    const char *seen[DISTINCT_MAX], *best = NULL;
    size_t nseen = 0, bestn = 0;
    bool tie = false;
    for (size_t i = 0; i < n && nseen < DISTINCT_MAX; i++) {
        const char *ci = entered_country(x, &v[i]);
        bool done = !ci;
        for (size_t k = 0; k < nseen && !done; k++)
            done = !strcasecmp(seen[k], ci);
        if (done)
            continue;
        seen[nseen++] = ci;
        size_t docs = 0;
        unsigned last = UINT_MAX;
        for (size_t j = i; j < n; j++) {
            const char *cj = entered_country(x, &v[j]);
            if (cj && v[j].doc != last && !strcasecmp(ci, cj)) {
                docs++;
                last = v[j].doc;
            }
        }
        if (docs > bestn) {
            best = ci;
            bestn = docs;
            tie = false;
        } else if (docs == bestn) {
            tie = true;
        }
    }
    return tie ? NULL : best;
}

/* The polarity of an event item against the disputed country t; 0 when
 * it speaks of something else. */
static signed char territory_polarity(const struct ctx *x,
                                      const struct item *it, const char *t)
{
    bool into = false;
    const char *c = area_country(claim_of(x, it)->slot, &into);
    if (!c)
        return it->polarity;
    bool same = t && (!strcasecmp(c, t) || compare_contains(x->cmp, t, c));
    if (into)
        return !t || same ? it->polarity : 0;
    if (!t)
        return 0;
    if (same)
        return it->polarity;
    /* "over Syria" denies "into Turkey"; "not over Syria" says nothing */
    return it->polarity > 0 && !compare_contains(x->cmp, c, t) ? -1 : 0;
}

/* Does the frame of event item it carry a date of a month other than
 * its event's day ("intrusions last month")? Then it tells of another
 * occasion, which settle_days could not see: it fixes no day. */
static bool other_month(const struct ctx *x, const struct item *it)
{
    const struct doc *d = doc_of(x, it);
    const struct claim *ev = claim_of(x, it);
    if (it->day == NO_DAY || !ev->frame)
        return false;
    for (size_t k = 0; k < d->nclaims; k++) {
        const struct claim *cl = &d->claims[k];
        long first;
        bool has_day;
        if (cl->kind != CLAIM_DATE || cl->frame != ev->frame ||
            cl->date_idx < 0 ||
            !iso_days(d->dates[cl->date_idx].value, &first, &has_day) ||
            has_day)
            continue;
        const char *v = d->dates[cl->date_idx].value;
        /* iso_days checked the shape: "YYYY-MM" */
        int y = (int)strtol(v, NULL, 10), m = (int)strtol(v + 5, NULL, 10);
        first = date_days(y, m, 1);
        long next = m == 12 ? date_days(y + 1, 1, 1) : date_days(y, m + 1, 1);
        if (it->day < first || it->day >= next)
            return true;
    }
    return false;
}

static void settle_territory(struct ctx *x)
{
    sort_items(x, BY_DAY);
    size_t out = 0;
    for (size_t i = 0; i < x->n;) {
        size_t j = i;
        while (j < x->n && same_event_keys(&x->v[i], &x->v[j]) &&
               x->v[j].day == x->v[i].day)
            j++;
        const char *t = disputed_country(x, x->v + i, j - i);
        for (size_t k = i; k < j; k++) {
            struct item it = x->v[k];
            const char *slot = claim_of(x, &it)->slot;
            if (it.polarity && slot && !strcmp(slot, "unreal")) {
                /* "hope to find survivors", "does not need to attack":
                 * the event is spoken of, neither told nor denied; it may
                 * agree with those who tell it, never contradict */
                it.polarity = 1;
                it.weak = true;
            } else if (it.polarity) {
                bool into = false;
                it.polarity = territory_polarity(x, &it, t);
                if (!it.polarity || other_month(x, &it))
                    continue;
                /* the disputed country pins the incident as firmly as a
                 * named thing would */
                if (t && area_country(slot, &into))
                    it.weak = false;
            }
            x->v[out++] = it;
        }
        i = j;
    }
    x->n = out;
}

/* ---- relations between two values ------------------------------------------- */

enum rel {
    REL_SAME,
    REL_COMPAT,
    REL_CLASH,
};

static const struct entity *entity_at(const struct ctx *x, unsigned e)
{
    return e && e <= x->c->nentities ? &x->c->entities[e - 1] : NULL;
}

static enum rel entity_rel(const struct ctx *x, unsigned ea, unsigned eb,
                           bool clash_allowed)
{
    const struct entity *a = entity_at(x, ea), *b = entity_at(x, eb);
    if (!a || !b)
        return REL_COMPAT;
    if (ea == eb)
        return REL_SAME;
    if (compare_contains(x->cmp, a->name, b->name) ||
        compare_contains(x->cmp, b->name, a->name))
        return REL_COMPAT;
    return clash_allowed && a->type == b->type ? REL_CLASH : REL_COMPAT;
}

static const struct number *number_of(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    return &doc_of(x, it)->numbers[cl->number_idx];
}

/* The range a count or measure allows, a measure in its base unit. */
static void count_range(const struct ctx *x, const struct item *it,
                        double *lo, double *hi)
{
    const struct number *n = number_of(x, it);
    double scale = claim_of(x, it)->scale > 0 ? claim_of(x, it)->scale : 1;
    *lo = n->low * scale;
    *hi = n->high * scale;
    /* A converted unit is rounded ("6,000 metres (19,685 feet)"): a
     * measure in a unit other than its base allows the rounding. */
    if (scale != 1) {
        *lo *= 1 - MEASURE_ROUNDING;
        *hi *= 1 + MEASURE_ROUNDING;
    }
}

static const char *date_value(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    return doc_of(x, it)->dates[cl->date_idx].value;
}

static enum rel date_rel(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return REL_SAME;
    size_t la = strlen(a), lb = strlen(b);
    /* "XXXX-07-28" and "2016-07-28": the year is only left open */
    if (la == lb && la > 4 && !strcmp(a + 4, b + 4) &&
        (!strncmp(a, "XXXX", 4) || !strncmp(b, "XXXX", 4)))
        return REL_COMPAT;
    if (!strncmp(a, b, la < lb ? la : lb))
        return REL_COMPAT;
    long da, db;
    bool ha, hb;
    if (iso_days(a, &da, &ha) && iso_days(b, &db, &hb) && ha && hb)
        return REL_CLASH;
    return REL_COMPAT;
}

/* A relative date no anchor resolved ("on Tuesday" in an undated
 * article) still says something: the same words agree, and a weekday
 * agrees with a day that falls on it. Anything else is left open:
 * without its week it can contradict nothing. */
static enum rel date_item_rel(const struct ctx *x, const struct item *a,
                              const struct item *b)
{
    const struct date *da = &doc_of(x, a)->dates[claim_of(x, a)->date_idx];
    const struct date *db = &doc_of(x, b)->dates[claim_of(x, b)->date_idx];
    if (*da->value && *db->value)
        return date_rel(da->value, db->value);
    if (!*da->value && !*db->value)
        return da->rel == db->rel && da->amount == db->amount &&
                       da->weekday == db->weekday && da->weekday
                   ? REL_SAME : REL_COMPAT;
    const struct date *open = *da->value ? db : da;
    const struct date *fixed = *da->value ? da : db;
    long days;
    bool has_day;
    if (open->weekday && iso_days(fixed->value, &days, &has_day) && has_day &&
        date_weekday(days) == open->weekday)
        return REL_SAME;
    return REL_COMPAT;
}

/* Does the class noun cls ("rebel") take in the entity named name
 * (al-Nusra Front is one of the "rebels")? Class nouns are singular in
 * claims/descriptors and often plural in the class chain. */
static bool class_takes(const struct ctx *x, const char *cls, const char *name)
{
    if (compare_contains(x->cmp, cls, name))
        return true;
    char *plural = arena_printf(x->c->arena, "%ss", cls);
    return compare_contains(x->cmp, plural, name);
}

/* Who holds the ground: a named holder or a class noun. Sources often
 * name the holder at different levels ("al-Nusra" / "rebels"), and an
 * area may be held by several, so two holders are never a conflict. */
static enum rel holder_rel(const struct ctx *x, const struct item *a,
                           const struct item *b)
{
    const struct claim *ca = claim_of(x, a), *cb = claim_of(x, b);
    unsigned ea = entity_of(doc_of(x, a), ca->mention_idx);
    unsigned eb = entity_of(doc_of(x, b), cb->mention_idx);
    if (ea && eb)
        return ea == eb ? REL_SAME : REL_COMPAT;
    if (!ea && !eb)
        return ca->text && cb->text && !strcmp(ca->text, cb->text)
                   ? REL_SAME : REL_COMPAT;
    return REL_COMPAT;
}

/* The holder's words for a note: an entity's name or a class noun. */
static const char *holder_name(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    const struct entity *e = entity_at(x, entity_of(doc_of(x, it),
                                                    cl->mention_idx));
    return e ? e->name : cl->text;
}

/* Where a thing was lost (CLAIM_CLASS_LOST), one place on water and
 * one on land, both given plainly, neither inside the other: they
 * cannot both be right. Countries have no surface of their own. */
static bool lost_apart(const struct ctx *x, const struct claim *ca,
                       const struct claim *cb, const struct entity *pa,
                       const struct entity *pb)
{
    if (!pa || !pb || ca->near || cb->near || !ca->cls ||
        strcmp(ca->cls, CLAIM_CLASS_LOST) || pa->type == ENT_COUNTRY ||
        pb->type == ENT_COUNTRY)
        return false;
    unsigned char sa = surface_of(x->cmp, pa->name);
    unsigned char sb = surface_of(x->cmp, pb->name);
    return sa && sb && sa != sb &&
           !compare_contains(x->cmp, pa->name, pb->name) &&
           !compare_contains(x->cmp, pb->name, pa->name);
}

static enum rel rel_of(const struct ctx *x, const struct item *a,
                       const struct item *b)
{
    const struct claim *ca = claim_of(x, a), *cb = claim_of(x, b);
    switch (ca->kind) {
    case CLAIM_EVENT:
        /* "no warning" against "a warning" contradicts only when both
         * speak of one named thing: without it, the two may be about
         * different warnings. */
        if (a->polarity == b->polarity)
            return REL_SAME;
        return a->thing != NAME_NONE && b->thing != NAME_NONE ? REL_CLASH
                                                              : REL_COMPAT;
    case CLAIM_COUNT: {
        double alo, ahi, blo, bhi;
        count_range(x, a, &alo, &ahi);
        count_range(x, b, &blo, &bhi);
        if (alo == blo && ahi == bhi)
            return REL_SAME;
        return alo <= bhi && blo <= ahi ? REL_COMPAT : REL_CLASH;
    }
    case CLAIM_DATE:
        return date_item_rel(x, a, b);
    case CLAIM_PLACE: {
        unsigned ea = entity_of(doc_of(x, a), ca->mention_idx);
        unsigned eb = entity_of(doc_of(x, b), cb->mention_idx);
        const struct entity *pa = entity_at(x, ea), *pb = entity_at(x, eb);
        bool countries = pa && pb && pa->type == ENT_COUNTRY &&
                         pb->type == ENT_COUNTRY;
        if (lost_apart(x, ca, cb, pa, pb))
            return REL_CLASH;
        return entity_rel(x, ea, eb, countries && !ca->near && !cb->near);
    }
    case CLAIM_TIME:
        /* Clocks differ (local time, GMT) and reports round: two times
         * of one event are never held to contradict. */
        return !strcmp(s0(ca->text), s0(cb->text)) && ca->near == cb->near
                   ? REL_SAME
                   : REL_COMPAT;
    case CLAIM_ACTOR:
        if (ca->slot)
            return holder_rel(x, a, b);
        return entity_rel(x, entity_of(doc_of(x, a), ca->mention_idx),
                          entity_of(doc_of(x, b), cb->mention_idx),
                          ca->cls && scan_map_get(x->cmp->agentive, ca->cls,
                                                  strlen(ca->cls)) >= 0);
    default:
        return REL_COMPAT;
    }
}

/* ---- comparisons -------------------------------------------------------------- */

static const char *value_words(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    const struct doc *d = doc_of(x, it);
    switch (cl->kind) {
    case CLAIM_COUNT: {
        const struct number *n = &d->numbers[cl->number_idx];
        size_t end = cl->scale > 0 && n->noun_span.end > n->span.end
                         ? n->noun_span.end : n->span.end;
        /* as "%.*s" would, without printf's cost (3,600 a value) */
        const char *s = d->text + n->span.start;
        return arena_strndup(x->c->arena, s, strnlen(s, end - n->span.start));
    }
    case CLAIM_DATE: {
        const struct date *dt = &d->dates[cl->date_idx];
        if (*dt->value)
            return dt->value;
        return arena_printf(x->c->arena, "%.*s (unresolved)",
                            (int)(dt->span.end - dt->span.start),
                            d->text + dt->span.start);
    }
    case CLAIM_PLACE:
    case CLAIM_ACTOR: {
        const struct entity *e = entity_at(x, entity_of(d, cl->mention_idx));
        return e ? e->name : cl->text ? cl->text : "?";
    }
    case CLAIM_EVENT:
        return cl->negated ? "denied" : "stated";
    case CLAIM_TIME:
        return cl->near ? arena_printf(x->c->arena, "around %s", s0(cl->text))
                        : s0(cl->text);
    default:
        return cl->text ? cl->text : "";
    }
}

static struct comparison *new_comparison(struct ctx *x)
{
    struct corpus *c = x->c;
    if (c->ncomparisons == c->capcomparisons)
        c->comparisons = xgrow(c->comparisons, &c->capcomparisons,
                               c->ncomparisons + 1, sizeof *c->comparisons);
    struct comparison *k = &c->comparisons[c->ncomparisons++];
    memset(k, 0, sizeof *k);
    return k;
}

static bool in_headline(const struct ctx *x, const struct item *it);

/* Pick one item per document from v[0..n) (sorted by document): the one
 * most documents agree with, strong before weak, then a value of the
 * body before one of the headline (the body states who, where, when
 * with their context: "the council met" over "NATO Meets"). Returns how
 * many. */
static size_t representatives(const struct ctx *x, const struct item *v,
                              size_t n, const struct item **out)
{
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].doc == v[i].doc)
            j++;
        const struct item *best = NULL;
        long bestscore = -1;
        /* A sample of this document's values against a sample of the
         * other documents': enough to find the value most agree with,
         * and linear in the slot's size. */
        for (size_t k = i; k < j && k < i + SAMPLE; k++) {
            /* weights: each agreeing document 4, firm 2, body 1. That
             * an event happened is told as well by a headline. */
            long body = claim_of(x, &v[k])->kind != CLAIM_EVENT &&
                        !in_headline(x, &v[k]);
            long score = (v[k].weak ? 0 : 2) + body;
            for (size_t o = 0, seen = 0; o < n && seen < SAMPLE; o++) {
                if (o == i)
                    o = j; /* skip this document's own values */
                if (o >= n)
                    break;
                seen++;
                if (rel_of(x, &v[k], &v[o]) != REL_CLASH)
                    score += 4;
            }
            if (score > bestscore) {
                best = &v[k];
                bestscore = score;
            }
        }
        out[m++] = best;
        i = j;
    }
    return m;
}

static const char *slot_label(const struct claim *cl)
{
    switch (cl->kind) {
    case CLAIM_EVENT: return "happened";
    case CLAIM_DATE: return "when";
    case CLAIM_TIME: return "at what time";
    case CLAIM_PLACE: return cl->slot ? cl->slot : "where";
    case CLAIM_ACTOR:
        if (!cl->slot)
            return "by whom";
        if (!strcmp(cl->slot, CLAIM_SLOT_SAID_BY))
            return "who says so";
        if (!strcmp(cl->slot, CLAIM_SLOT_REPORTED_BY))
            return "reported by";
        if (!strcmp(cl->slot, CLAIM_SLOT_BLAMED))
            return "who is to blame";
        if (!strcmp(cl->slot, CLAIM_SLOT_WEAPON))
            return "with what";
        return "area held by";
    default: return NULL;
    }
}

/* "A vs B vs C" of word(x, r[i]) for i < m, at most NOTE_VALUES of them,
 * built in one pass (appending to a growing string would be quadratic). */
static const char *values_vs(const struct ctx *x, const struct item **r,
                             size_t m,
                             const char *(*word)(const struct ctx *,
                                                 const struct item *))
{
    size_t shown = m < NOTE_VALUES ? m : NOTE_VALUES, len = 0;
    const char **w = xmalloc(shown * sizeof *w);
    for (size_t i = 0; i < shown; i++) {
        w[i] = word(x, r[i]);
        len += strlen(w[i]) + 4; /* " vs " */
    }
    char more[48] = ""; /* " and 18446744073709551615 more" fits */
    if (shown < m)
        snprintf(more, sizeof more, " and %zu more", m - shown);
    char *s = arena_strbuf(x->c->arena, len + strlen(more) + 1), *p = s;
    for (size_t i = 0; i < shown; i++) {
        if (i) {
            memcpy(p, " vs ", 4);
            p += 4;
        }
        size_t n = strlen(w[i]);
        memcpy(p, w[i], n);
        p += n;
    }
    memcpy(p, more, strlen(more) + 1);
    free(w);
    return s;
}

static const char *note_for(const struct ctx *x, const struct item **r,
                            size_t m, enum verdict v)
{
    struct arena *a = x->c->arena;
    const struct claim *c0 = claim_of(x, r[0]);
    /* the relation named is found among the first SAMPLE values: pairs of
     * all of them would be quadratic in the sources */
    size_t ms = m < SAMPLE ? m : SAMPLE;
    if (c0->kind == CLAIM_PLACE || c0->kind == CLAIM_ACTOR) {
        for (size_t i = 0; i < ms; i++)
            for (size_t j = 0; j < ms; j++) {
                const struct entity *
                    ei = entity_at(x, entity_of(doc_of(x, r[i]),
                                                claim_of(x, r[i])->mention_idx)),
                   *ej = entity_at(x, entity_of(doc_of(x, r[j]),
                                                claim_of(x, r[j])->mention_idx));
                if (ei && ej && ei != ej &&
                    compare_contains(x->cmp, ej->name, ei->name))
                    return arena_printf(a, "%s %s %s", ei->name,
                                        c0->kind == CLAIM_PLACE ? "lies in"
                                                                : "is one of the",
                                        ej->name);
            }
    }
    if (c0->kind == CLAIM_ACTOR && c0->slot) {
        for (size_t i = 0; i < ms; i++)
            for (size_t j = 0; j < ms; j++) {
                const struct claim *ci = claim_of(x, r[i]),
                                   *cj = claim_of(x, r[j]);
                const char *name = holder_name(x, r[i]);
                if (ci->mention_idx >= 0 && cj->mention_idx < 0 && name &&
                    cj->text && class_takes(x, cj->text, name))
                    return arena_printf(a, "%s is one of the %ss", name,
                                        cj->text);
            }
    }
    if (c0->kind == CLAIM_EVENT && v == VERDICT_CONFLICT)
        return "stated by some sources, denied by others";
    return values_vs(x, r, m, value_words);
}

static const char *why_of(enum verdict v, const struct claim *c0)
{
    if (v == VERDICT_SINGLE)
        return "one document only";
    switch (c0->kind) {
    case CLAIM_COUNT:
        return v == VERDICT_AGREE ? "the same number"
             : v == VERDICT_PARTIAL ? "ranges that overlap"
                                    : "ranges that do not overlap";
    case CLAIM_DATE:
        return v == VERDICT_AGREE ? "the same date"
             : v == VERDICT_PARTIAL ? "compatible dates of different precision"
                                    : "different days";
    case CLAIM_PLACE:
    case CLAIM_ACTOR:
        return v == VERDICT_AGREE ? "one linked entity"
             : v == VERDICT_PARTIAL ? "one contains or classifies the other, or they may both hold"
                                    : "two different entities of one kind";
    case CLAIM_EVENT:
        return v == VERDICT_CONFLICT ? "asserted and negated" : "asserted alike";
    case CLAIM_ROLE:
        return v == VERDICT_AGREE ? "the same words" : "different wording";
    case CLAIM_STATEMENT:
        return v == VERDICT_AGREE ? "near-identical content words"
                                  : "overlapping content words";
    case CLAIM_THING:
        return "the same identifier";
    case CLAIM_FATE:
        break; /* fate_compare says why itself */
    case CLAIM_TIME:
        return v == VERDICT_AGREE
                   ? "the same clock time"
                   : "clock times that may both hold (rounded, or another "
                     "time zone)";
    }
    return "";
}

/* Record the comparison of the values r[0..m), one per document. */
static void add_comparison(struct ctx *x, const struct item **r, size_t m,
                           enum verdict verdict, const char *event,
                           unsigned event_id, const char *topic)
{
    struct comparison *k = new_comparison(x);
    k->topic = topic;
    k->event = event;
    k->event_id = event_id;
    k->kind = claim_of(x, r[0])->kind;
    k->verdict = verdict;
    k->why = why_of(verdict, claim_of(x, r[0]));
    k->note = strpool_keep(x->pool, note_for(x, r, m, verdict));
    k->values = arena_alloc(x->c->arena, m * sizeof *k->values);
    for (size_t i = 0; i < m; i++)
        k->values[i] = (struct cmp_value){.doc = r[i]->doc,
                                          .claim = r[i]->claim,
                                          .stance = r[i]->polarity};
    k->nvalues = m;
}

/* Do two values say the same thing in the same words of the data:
 * one number range, one date, one entity, one polarity? */
static bool same_value(const struct ctx *x, const struct item *a,
                       const struct item *b)
{
    const struct claim *ca = claim_of(x, a), *cb = claim_of(x, b);
    if (a->weak != b->weak)
        return false;
    switch (ca->kind) {
    case CLAIM_COUNT: {
        double alo, ahi, blo, bhi;
        count_range(x, a, &alo, &ahi);
        count_range(x, b, &blo, &bhi);
        return alo == blo && ahi == bhi;
    }
    case CLAIM_DATE: {
        const char *va = date_value(x, a), *vb = date_value(x, b);
        if (*va || *vb)
            return !strcmp(va, vb);
        return date_item_rel(x, a, b) == REL_SAME;
    }
    case CLAIM_PLACE:
    case CLAIM_ACTOR:
        if (ca->mention_idx < 0 || cb->mention_idx < 0)
            return ca->mention_idx == cb->mention_idx && ca->text &&
                   cb->text && !strcmp(ca->text, cb->text);
        return ca->near == cb->near &&
               entity_of(doc_of(x, a), ca->mention_idx) ==
                   entity_of(doc_of(x, b), cb->mention_idx);
    case CLAIM_EVENT:
        return a->polarity == b->polarity && a->thing == b->thing;
    case CLAIM_TIME:
        return rel_of(x, a, b) == REL_SAME;
    default:
        return false;
    }
}

/* The distinct values among r[0..m), at most DISTINCT_MAX of them (a slot
 * with more distinct values than that is judged on the first ones). */
static size_t distinct_values(const struct ctx *x, const struct item **r,
                              size_t m, const struct item **u)
{
    size_t nu = 0;
    for (size_t i = 0; i < m && nu < DISTINCT_MAX; i++) {
        bool seen = false;
        for (size_t k = 0; k < nu && !seen; k++)
            seen = same_value(x, r[i], u[k]);
        if (!seen)
            u[nu++] = r[i];
    }
    return nu;
}

/* Judge the slot v[0..n) and add its comparison. */
static bool sentence_names(const struct ctx *x, const struct item *it,
                           unsigned e);
static size_t first_mention_from(const struct doc *d, size_t pos);

/* Do the sentences of a and b (of two documents) name a party in common,
 * other than the linked entities skip1 and skip2 (0: none)? */
static bool share_a_party(const struct ctx *x, const struct item *a,
                          const struct item *b, unsigned skip1, unsigned skip2)
{
    const struct doc *d = doc_of(x, a);
    struct span sp = d->sents[claim_of(x, a)->sentence].span;
    for (size_t m = first_mention_from(d, sp.start);
         m < d->nmentions && d->mentions[m].span.start < sp.end; m++) {
        unsigned e = d->mentions[m].entity;
        if (e && e != skip1 && e != skip2 && sentence_names(x, b, e))
            return true;
    }
    return false;
}

/* Does some firm item of v[0..n) name the event's thing ("the Xk-31")? */
static bool firm_thing(const struct item *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].thing != NAME_NONE && !v[i].weak)
            return true;
    return false;
}

/* Is count claim cl a share of an unnamed whole (claims/shares): its
 * slot's noun ("decrease/percent") one of the share categories? */
static bool is_share(const struct ctx *x, const struct claim *cl)
{
    const char *noun = cl->slot ? strchr(cl->slot, '/') : NULL;
    return noun && scan_map_get(x->cmp->shares, noun + 1, strlen(noun + 1)) >= 0;
}

/* Can two clashing counts a and b of the slot v[0..n) be one quantity?
 * A count of people or warnings names what it counts; a share does not
 * (claims/shares): two shares are one quantity only when the event names
 * its thing firmly ("the Xk-31"), or their sentences name a party in
 * common. A bare "fell 2 percent" and "declined by 16.1%" are two
 * shares of whatever each sentence speaks of. */
static bool one_counted(const struct ctx *x, const struct item *v, size_t n,
                        const struct item *a, const struct item *b)
{
    if (claim_of(x, a)->kind != CLAIM_COUNT || !is_share(x, claim_of(x, a)))
        return true;
    return firm_thing(v, n) || share_a_party(x, a, b, 0, 0);
}

/* Can two clashing places or actors a and b of the slot v[0..n) be of
 * one happening? A class joins whatever of its kind a story tells
 * ("prices rose in Greece", "exports rose in Italy"), so without a thing
 * that names the happening firmly, two countries or two agents are one
 * scene's rival versions only when their sentences name a party in
 * common besides the two values; otherwise they are two scenes. */
static bool one_scene(const struct ctx *x, const struct item *v, size_t n,
                      const struct item *a, const struct item *b)
{
    enum claim_kind kind = claim_of(x, a)->kind;
    if (kind != CLAIM_PLACE && kind != CLAIM_ACTOR)
        return true;
    if (firm_thing(v, n))
        return true;
    /* The values themselves are no common party: "the US acted in
     * Syria" and "income grew in the U.S." share only a value. */
    unsigned ea = entity_of(doc_of(x, a), claim_of(x, a)->mention_idx);
    unsigned eb = entity_of(doc_of(x, b), claim_of(x, b)->mention_idx);
    return share_a_party(x, a, b, ea, eb);
}

static void judge(struct ctx *x, const struct item *v, size_t n,
                  const char *event, unsigned event_id, const char *topic)
{
    const struct item **r = xmalloc(n * sizeof *r);
    size_t m = representatives(x, v, n, r);
    /* A weak value that clashes with a strong one is likely about another
     * event: leave it out. */
    size_t keep = 0;
    for (size_t i = 0; i < m; i++) {
        bool drop = false;
        for (size_t j = 0, seen = 0; r[i]->weak && j < m && seen < SAMPLE; j++)
            if (!r[j]->weak) {
                seen++;
                if (rel_of(x, r[i], r[j]) == REL_CLASH)
                    drop = true;
            }
        if (!drop)
            r[keep++] = r[i];
    }
    m = keep;
    enum verdict verdict = m < 2 ? VERDICT_SINGLE : VERDICT_AGREE;
    /* Pairwise over distinct values only: documents stating one value
     * agree among themselves. */
    const struct item **u = xmalloc((m + 1) * sizeof *u);
    size_t nu = distinct_values(x, r, m, u);
    for (size_t i = 0; m >= 2 && i < nu; i++)
        for (size_t j = i + 1; j < nu; j++) {
            enum rel rl = rel_of(x, u[i], u[j]);
            if (rl == REL_CLASH && (u[i]->weak || u[j]->weak))
                rl = REL_COMPAT;
            if (rl == REL_CLASH && !one_counted(x, v, n, u[i], u[j]))
                rl = REL_COMPAT;
            if (rl == REL_CLASH && !one_scene(x, v, n, u[i], u[j]))
                rl = REL_COMPAT;
            if (rl == REL_CLASH)
                verdict = VERDICT_CONFLICT;
            else if (rl == REL_COMPAT && verdict == VERDICT_AGREE)
                verdict = VERDICT_PARTIAL;
        }
    free(u);
    if (m == 0) {
        free(r);
        return;
    }
    add_comparison(x, r, m, verdict, event, event_id, topic);
    free(r);
}

/* ---- measures ------------------------------------------------------------------ */

/* A document often gives several altitudes or durations of one flight
 * (cruising, then the last radar contact), and which is which is rarely
 * said in words the comparator can read. So a measure slot is judged by
 * clusters: values whose ranges chain into one another are one reading
 * and agree (or partly agree) among themselves. Two documents that each
 * give one value only, for the same predicate class, and land in
 * different clusters, conflict: nothing else could they be about. */
struct mval {
    const struct item *it;
    double lo, hi;
    double dlo, dhi; /* its document's reading of its cluster */
    size_t cluster;
    bool conflict;
};

static int cmp_mval_lo(const void *p, const void *q)
{
    const struct mval *a = p, *b = q;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->it->doc != b->it->doc)
        return a->it->doc < b->it->doc ? -1 : 1;
    return (a->it->claim > b->it->claim) - (a->it->claim < b->it->claim);
}

static int cmp_mval_doc(const void *p, const void *q)
{
    const struct mval *a = p, *b = q;
    if (a->it->doc != b->it->doc)
        return a->it->doc < b->it->doc ? -1 : 1;
    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    return (a->it->claim > b->it->claim) - (a->it->claim < b->it->claim);
}

static int cmp_mval_cluster(const void *p, const void *q)
{
    const struct mval *a = p, *b = q;
    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    return cmp_mval_doc(p, q);
}

/* For qsort: positions in r, by document, body before headline, then
 * position. */
struct by_doc {
    const struct item *const *r;
    size_t pos;
    bool headline;
};

static int cmp_by_doc(const void *p, const void *q)
{
    const struct by_doc *a = p, *b = q;
    unsigned da = a->r[a->pos]->doc, db = b->r[b->pos]->doc;
    if (da != db)
        return da < db ? -1 : 1;
    if (a->headline != b->headline)
        return a->headline ? 1 : -1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Does the item's claim lie in its document's headline? */
static bool in_headline(const struct ctx *x, const struct item *it)
{
    const struct doc *d = doc_of(x, it);
    struct span h = d->title_span, c = claim_of(x, it)->span;
    return h.end > h.start && c.start >= h.start && c.end <= h.end;
}

/* Keep one value of each document in r[0..m), in order: the first
 * outside the headline, which states the value with its context and
 * source, else the first. */
static size_t first_per_doc(const struct ctx *x, const struct item **r,
                            size_t m)
{
    struct by_doc *o = xmalloc((m + 1) * sizeof *o);
    bool *keep = xmalloc((m + 1) * sizeof *keep);
    for (size_t i = 0; i < m; i++)
        o[i] = (struct by_doc){r, i, in_headline(x, r[i])};
    qsort(o, m, sizeof *o, cmp_by_doc);
    for (size_t i = 0; i < m; i++)
        keep[o[i].pos] = i == 0 || r[o[i].pos]->doc != r[o[i - 1].pos]->doc;
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (keep[i])
            r[k++] = r[i];
    free(keep);
    free(o);
    return k;
}

/* Add the comparison of r[0..m) (one per document) if two documents or
 * more are in it: agree when every range is the same, else partial. */
static void add_cluster(struct ctx *x, const struct item **r, size_t m,
                        const char *event, unsigned id, const char *topic)
{
    if (m < 2)
        return;
    enum verdict v = VERDICT_AGREE;
    for (size_t i = 1; i < m; i++)
        if (rel_of(x, r[0], r[i]) != REL_SAME)
            v = VERDICT_PARTIAL;
    add_comparison(x, r, m, v, event, id, topic);
}

/* One measure cluster: its range, whether a document anchors it, and
 * the highest low and lowest high of the documents' readings of it. */
struct mcluster {
    double lo, hi;
    double doc_lo, doc_hi;
    bool anchored, clash;
};

/* Chain values whose ranges overlap into clusters; mv sorted by low. */
static size_t chain_clusters(struct mval *mv, size_t n, struct mcluster *cl)
{
    size_t nclusters = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || mv[i].lo > cl[nclusters - 1].hi)
            cl[nclusters++] = (struct mcluster){mv[i].lo, mv[i].hi, 0,
                                                HUGE_VAL, false, false};
        else if (mv[i].hi > cl[nclusters - 1].hi)
            cl[nclusters - 1].hi = mv[i].hi;
        mv[i].cluster = nclusters - 1;
    }
    return nclusters;
}

/* Per document (mv sorted by document): one whose values all fall in
 * one cluster anchors it. Returns how many clusters are anchored and
 * sets *one_class when every anchor's predicate class is the same. */
static size_t mark_anchors(const struct ctx *x, const struct mval *mv,
                           size_t n, struct mcluster *cl, bool *one_class)
{
    size_t nanchors = 0;
    const char *cls = NULL;
    *one_class = true;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && mv[j].it->doc == mv[i].it->doc)
            j++;
        if (mv[i].cluster == mv[j - 1].cluster) {
            const char *c = claim_of(x, mv[i].it)->cls;
            if (!c || (cls && strcmp(c, cls)))
                *one_class = false;
            cls = c;
            nanchors += !cl[mv[i].cluster].anchored;
            cl[mv[i].cluster].anchored = true;
        }
        i = j;
    }
    return nanchors;
}

/* Each document's reading of each cluster as one range (mv sorted by
 * document, then cluster), kept on its values and folded into the
 * cluster's narrowest high and widest low. */
static void doc_readings(struct mval *mv, size_t n, struct mcluster *cl)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double lo = mv[i].lo, hi = mv[i].hi;
        for (; j < n && mv[j].it->doc == mv[i].it->doc &&
               mv[j].cluster == mv[i].cluster; j++) {
            lo = mv[j].lo < lo ? mv[j].lo : lo;
            hi = mv[j].hi > hi ? mv[j].hi : hi;
        }
        struct mcluster *k = &cl[mv[i].cluster];
        k->doc_lo = lo > k->doc_lo ? lo : k->doc_lo;
        k->doc_hi = hi < k->doc_hi ? hi : k->doc_hi;
        for (size_t m = i; m < j; m++) {
            mv[m].dlo = lo;
            mv[m].dhi = hi;
        }
        i = j;
    }
}

/* Which values contradict another. A cluster chained through
 * approximate values ("around 5,000", "about 6,000", "6,550") still
 * holds a contradiction between the documents whose readings cannot
 * both be right, when they are close enough to be one quantity; those
 * readings conflict, the ones compatible with both do not. Anchored
 * clusters close to each other (within MEASURE_RATIO) are one quantity
 * read differently, unless one predicate class already says so: far
 * apart, they are likelier two quantities (cruising altitude, last
 * altitude) than one misreported. Returns how many values conflict. */
static size_t mark_conflicts(struct mval *mv, size_t n, struct mcluster *cl,
                             size_t nclusters, size_t nanchors, bool one_class)
{
    size_t prev = nclusters, nclusters_clash = 0;
    for (size_t k = 0; k < nclusters && nanchors >= 2; k++) {
        if (!cl[k].anchored)
            continue;
        if (prev < nclusters &&
            (one_class || cl[k].lo <= cl[prev].hi * MEASURE_RATIO)) {
            nclusters_clash += !cl[prev].clash + !cl[k].clash;
            cl[prev].clash = cl[k].clash = true;
        }
        prev = k;
    }
    size_t nconflict = 0;
    for (size_t i = 0; i < n; i++) {
        const struct mcluster *k = &cl[mv[i].cluster];
        bool inner = k->doc_lo > k->doc_hi &&
                     (one_class || k->doc_lo <= k->doc_hi * MEASURE_RATIO) &&
                     (mv[i].dhi < k->doc_lo || mv[i].dlo > k->doc_hi);
        mv[i].conflict = inner || (k->clash && nclusters_clash >= 2);
        nconflict += mv[i].conflict;
    }
    return nconflict;
}

static void judge_measures(struct ctx *x, const struct item *v, size_t n,
                           const char *event, unsigned id, const char *topic)
{
    struct mval *mv = xmalloc(n * sizeof *mv);
    for (size_t i = 0; i < n; i++) {
        mv[i].it = &v[i];
        count_range(x, &v[i], &mv[i].lo, &mv[i].hi);
    }
    qsort(mv, n, sizeof *mv, cmp_mval_lo);
    struct mcluster *cl = xcalloc(n + 1, sizeof *cl);
    size_t nclusters = chain_clusters(mv, n, cl);
    qsort(mv, n, sizeof *mv, cmp_mval_doc);
    bool one_class;
    size_t nanchors = mark_anchors(x, mv, n, cl, &one_class);
    doc_readings(mv, n, cl);
    size_t nconflict = mark_conflicts(mv, n, cl, nclusters, nanchors,
                                      one_class);
    /* Clusters in order, one value per document within each. */
    qsort(mv, n, sizeof *mv, cmp_mval_cluster);
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    size_t nr = 0;
    for (size_t i = 0; nconflict && i < n; i++)
        if (mv[i].conflict)
            r[nr++] = mv[i].it;
    nr = first_per_doc(x, r, nr);
    if (nr >= 2)
        add_comparison(x, r, nr, VERDICT_CONFLICT, event, id, topic);
    for (size_t i = 0; i < n;) {
        size_t j = i, m = 0;
        for (; j < n && mv[j].cluster == mv[i].cluster; j++)
            if (!mv[j].conflict)
                r[m++] = mv[j].it;
        m = first_per_doc(x, r, m);
        add_cluster(x, r, m, event, id, topic);
        i = j;
    }
    free(r);
    free(cl);
    free(mv);
}

/* ---- who says so ----------------------------------------------------------- */

static bool is_source(const struct claim *cl)
{
    return cl->kind == CLAIM_ACTOR && cl->slot &&
           (!strcmp(cl->slot, CLAIM_SLOT_SAID_BY) ||
            !strcmp(cl->slot, CLAIM_SLOT_REPORTED_BY));
}

/* Do two source claims name one source: one entity, or one outlet
 * described in the same words ("state media")? */
static bool same_source(const struct ctx *x, const struct item *a,
                        const struct item *b)
{
    const struct claim *ca = claim_of(x, a), *cb = claim_of(x, b);
    unsigned ea = entity_of(doc_of(x, a), ca->mention_idx);
    unsigned eb = entity_of(doc_of(x, b), cb->mention_idx);
    if (ea || eb)
        return ea == eb;
    return ca->text && cb->text && !strcasecmp(ca->text, cb->text);
}

/* How a value names its source in a note: the entity, the outlet's
 * words, or "stated as fact" for an event claim no one is said to hold. */
static const char *source_words(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    if (!is_source(cl))
        return "stated as fact";
    const struct entity *e = entity_at(x, entity_of(doc_of(x, it),
                                                    cl->mention_idx));
    return e ? e->name : s0(cl->text);
}

/* One source per document from the slot v[0..n) (sorted by document):
 * the one most other documents name too; weak values (the event joined
 * by default) are left out. Returns how many went to out. */
static size_t pick_sources(const struct ctx *x, const struct item *v, size_t n,
                           const struct item **out)
{
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].doc == v[i].doc)
            j++;
        const struct item *best = NULL;
        long bestscore = -1;
        for (size_t k = i; k < j && k < i + SAMPLE; k++) {
            if (v[k].weak)
                continue;
            long score = 0;
            for (size_t o = 0, seen = 0; o < n && seen < SAMPLE; o++) {
                if (v[o].doc == v[k].doc || v[o].weak)
                    continue;
                seen++;
                score += same_source(x, &v[k], &v[o]);
            }
            if (score > bestscore) {
                best = &v[k];
                bestscore = score;
            }
        }
        if (best)
            out[m++] = best;
        i = j;
    }
    return m;
}

static int cmp_item_doc(const void *p, const void *q)
{
    const struct item *const *a = p, *const *b = q;
    if ((*a)->doc != (*b)->doc)
        return ((*a)->doc > (*b)->doc) - ((*a)->doc < (*b)->doc);
    return ((*a)->claim > (*b)->claim) - ((*a)->claim < (*b)->claim);
}

/* Who says the event happened, per document: the slot v[0..n) of source
 * claims, and for "said by" the documents of the event ev[0..nev) that
 * name no source, with their event claim: they state it as fact. One
 * source agrees; different sources, or a source against a plain
 * statement, are partial. Never a conflict: who says it is not what is
 * said. */
static void judge_sources(struct ctx *x, const struct item *ev, size_t nev,
                          const struct item *v, size_t n, const char *event,
                          unsigned id, const char *topic)
{
    const struct item **r = xmalloc((n + nev + 1) * sizeof *r);
    size_t m = pick_sources(x, v, n, r), named = m;
    if (!m) {
        free(r);
        return;
    }
    if (!strcmp(claim_of(x, &v[0])->slot, CLAIM_SLOT_SAID_BY)) {
        /* ev is sorted by slot, then document: its event claims, first
         * strong one per document, merged against the named documents */
        size_t k = 0;
        for (size_t e = 0; e < nev; e++) {
            const struct claim *cl = claim_of(x, &ev[e]);
            if (cl->kind != CLAIM_EVENT || ev[e].weak ||
                (m > named && r[m - 1]->doc == ev[e].doc))
                continue;
            while (k < named && r[k]->doc < ev[e].doc)
                k++;
            if (k < named && r[k]->doc == ev[e].doc)
                continue;
            r[m++] = &ev[e];
        }
        qsort(r, m, sizeof *r, cmp_item_doc);
    }
    enum verdict verdict = m < 2 ? VERDICT_SINGLE : VERDICT_AGREE;
    for (size_t i = 1; i < m; i++)
        if (!is_source(claim_of(x, r[i])) || !is_source(claim_of(x, r[0])) ||
            !same_source(x, r[0], r[i]))
            verdict = VERDICT_PARTIAL;
    add_comparison(x, r, m, verdict, event, id, topic);
    struct comparison *k = &x->c->comparisons[x->c->ncomparisons - 1];
    k->why = verdict == VERDICT_AGREE ? "the same source"
           : verdict == VERDICT_PARTIAL
               ? "different sources, or a source against a plain statement"
               : "one document only";
    k->note = strpool_keep(x->pool, values_vs(x, r, m, source_words));
    free(r);
}

/* A part of a string pooled_join puts together. */
struct piece {
    const char *s;
    size_t n;
};

#define PIECE(str) {(str), strlen(str)}

/* The pieces p[0..np) joined, kept once in x->pool: what arena_printf
 * with "%s" conversions gives, without its format parsing (~1,800
 * instructions a topic, 10,000 topics per 1,000 articles). */
static const char *pooled_join(struct ctx *x, const struct piece *p, size_t np)
{
    size_t len = 0;
    for (size_t i = 0; i < np; i++)
        len += p[i].n;
    char *d = arena_strbuf(x->c->arena, len + 1), *o = d;
    for (size_t i = 0; i < np; i++) {
        memcpy(o, p[i].s, p[i].n);
        o += p[i].n;
    }
    return strpool_keep(x->pool, d);
}

static const char *event_title(struct ctx *x, const struct item *v, size_t n)
{
    const char *thing = NULL;
    for (size_t i = 0; i < n && !thing; i++) {
        const struct claim *cl = claim_of(x, &v[i]);
        if (cl->kind == CLAIM_EVENT && cl->text)
            thing = cl->text;
    }
    char day[16] = "";
    if (v[0].day != NO_DAY) {
        for (size_t i = 0; i < n; i++) {
            const struct claim *cl = claim_of(x, &v[i]);
            if (cl->kind == CLAIM_DATE) {
                snprintf(day, sizeof day, "%.10s", date_value(x, &v[i]));
                break;
            }
        }
    }
    const char *cls = name_of(x, v[0].cls);
    struct piece p[] = {PIECE(thing ? thing : ""), PIECE(thing ? " " : ""),
                        PIECE(cls), PIECE(day[0] ? ", " : ""), PIECE(day)};
    return pooled_join(x, p, sizeof p / sizeof *p);
}

static const char *slot_topic(struct ctx *x, const char *event,
                              const struct claim *cl)
{
    const char *label = slot_label(cl);
    if (is_measure(cl))
        return event;
    if (label) {
        struct piece p[] = {PIECE(event), PIECE(": "), PIECE(label)};
        return pooled_join(x, p, sizeof p / sizeof *p);
    }
    /* a count: "killed/people" -> "how many people (killed)" */
    const char *slash = strchr(s0(cl->slot), '/');
    if (!slash) {
        struct piece p[] = {PIECE(event), PIECE(": how many")};
        return pooled_join(x, p, sizeof p / sizeof *p);
    }
    struct piece p[] = {PIECE(event), PIECE(": how many "), PIECE(slash + 1),
                        PIECE(" ("), {cl->slot, (size_t)(slash - cl->slot)},
                        PIECE(")")};
    return pooled_join(x, p, sizeof p / sizeof *p);
}

/* ---- who is to blame ----------------------------------------------------- */

/* The parties sources blame for a happening form sides: parties that are
 * one (the same name, or one inside the other: Syria and its president)
 * or that are blamed together (in one paragraph of a document, or by
 * one blamer: "Israel blamed Assad ... Israel also holds Iran
 * accountable") stand on one side. Two sides are two answers to who is
 * to blame, and that is a conflict: the reader must see that Russia
 * blames Israel while Israel blames Syria and Iran. Each side is also
 * shown on its own, its sources agreeing, as stated and denied are. */
static bool is_blamed(const struct claim *cl)
{
    return cl->kind == CLAIM_ACTOR && cl->slot &&
           !strcmp(cl->slot, CLAIM_SLOT_BLAMED);
}

/* The blamed party's name: its entity's, or a demonym's country. */
static const char *party_name(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    const struct entity *e = entity_at(x, entity_of(doc_of(x, it),
                                                    cl->mention_idx));
    return e ? e->name : s0(cl->text);
}

static bool same_party(const struct ctx *x, const char *a, const char *b)
{
    return !strcasecmp(a, b) || compare_contains(x->cmp, a, b) ||
           compare_contains(x->cmp, b, a);
}

/* The party with the blamer that named it, for a note. */
static const char *party_words(const struct ctx *x, const struct item *it)
{
    const struct claim *cl = claim_of(x, it);
    const struct entity *by = entity_at(x, entity_of(doc_of(x, it),
                                                     cl->attributed_to));
    if (!by)
        return party_name(x, it);
    return arena_printf(x->c->arena, "%s (blamed by %s)", party_name(x, it),
                        by->name);
}

struct sides {
    const char *name[DISTINCT_MAX]; /* distinct parties */
    unsigned uf[DISTINCT_MAX];      /* parties of one side share a root */
    size_t n;
    unsigned blamer[DISTINCT_MAX];  /* entity of a blamer seen ... */
    size_t blamer_party[DISTINCT_MAX]; /* ... and the first party it blamed */
    size_t nblamers;
};

/* The index of item it's party in sd, adding it; -1 past DISTINCT_MAX. */
static int side_party(const struct ctx *x, struct sides *sd,
                      const struct item *it)
{
    const char *name = party_name(x, it);
    for (size_t i = 0; i < sd->n; i++)
        if (!strcasecmp(sd->name[i], name))
            return (int)i;
    if (sd->n == DISTINCT_MAX || !*name)
        return -1;
    sd->name[sd->n] = name;
    sd->uf[sd->n] = (unsigned)sd->n;
    for (size_t i = 0; i < sd->n; i++)
        if (same_party(x, sd->name[i], name))
            uf_union(sd->uf, (unsigned)i, (unsigned)sd->n);
    return (int)sd->n++;
}

/* Join the party of item it with those its blamer named before. */
static void join_blamer(const struct ctx *x, struct sides *sd,
                        const struct item *it, int party)
{
    const struct claim *cl = claim_of(x, it);
    unsigned by = entity_of(doc_of(x, it), cl->attributed_to);
    if (!by)
        return;
    for (size_t i = 0; i < sd->nblamers; i++)
        if (sd->blamer[i] == by) {
            uf_union(sd->uf, (unsigned)sd->blamer_party[i], (unsigned)party);
            return;
        }
    if (sd->nblamers < DISTINCT_MAX) {
        sd->blamer[sd->nblamers] = by;
        sd->blamer_party[sd->nblamers++] = (size_t)party;
    }
}

static unsigned paragraph_of(const struct ctx *x, const struct item *it)
{
    return doc_of(x, it)->sents[claim_of(x, it)->sentence].paragraph;
}

/* The side of each item of v[0..n) (sorted by document, then claim) in
 * side[] (a party index's root, -1 for none). Returns how many sides
 * the strong items stand on. */
static size_t find_sides(const struct ctx *x, const struct item *v, size_t n,
                         struct sides *sd, int *side)
{
    int *party = xmalloc((n + 1) * sizeof *party);
    for (size_t i = 0; i < n; i++) {
        party[i] = side_party(x, sd, &v[i]);
        if (party[i] < 0)
            continue;
        join_blamer(x, sd, &v[i], party[i]);
        if (i > 0 && party[i - 1] >= 0 && v[i - 1].doc == v[i].doc &&
            paragraph_of(x, &v[i - 1]) == paragraph_of(x, &v[i]))
            uf_union(sd->uf, (unsigned)party[i - 1], (unsigned)party[i]);
    }
    bool seen[DISTINCT_MAX] = {false};
    size_t nsides = 0;
    for (size_t i = 0; i < n; i++) {
        side[i] = party[i] < 0 ? -1
                               : (int)uf_find(sd->uf, (unsigned)party[i]);
        if (side[i] >= 0 && !v[i].weak && !seen[side[i]]) {
            seen[side[i]] = true;
            nsides++;
        }
    }
    free(party);
    return nsides;
}

/* Add the comparison of r[0..m): agree when every value names one
 * party, partial when they differ within a side, conflict when want
 * says so; the note names each party and its blamer. */
static void add_blame(struct ctx *x, const struct item **r, size_t m,
                      enum verdict conflict, const char *event, unsigned id,
                      const char *topic)
{
    enum verdict verdict = m < 2 ? VERDICT_SINGLE : VERDICT_AGREE;
    for (size_t i = 1; i < m && verdict == VERDICT_AGREE; i++)
        if (strcasecmp(party_name(x, r[0]), party_name(x, r[i])))
            verdict = VERDICT_PARTIAL;
    if (m >= 2 && conflict == VERDICT_CONFLICT)
        verdict = VERDICT_CONFLICT;
    add_comparison(x, r, m, verdict, event, id, topic);
    struct comparison *k = &x->c->comparisons[x->c->ncomparisons - 1];
    k->why = verdict == VERDICT_CONFLICT ? "different parties blamed"
           : verdict == VERDICT_AGREE    ? "the same party blamed"
           : verdict == VERDICT_PARTIAL
               ? "parties blamed together, or one part of the other"
               : "one document only";
    char *note = arena_strdup(x->c->arena, party_words(x, r[0]));
    for (size_t i = 1; i < m; i++)
        note = arena_printf(x->c->arena, "%s vs %s", note,
                            party_words(x, r[i]));
    k->note = strpool_keep(x->pool, note);
}

/* One side's version: each document's first item on side want (-1: any
 * side), a strong one before a weak one. */
static size_t side_version(const struct item *v, size_t n, const int *side,
                           int want, const struct item **r)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (side[i] < 0 || (want >= 0 && side[i] != want))
            continue;
        if (!m || r[m - 1]->doc != v[i].doc)
            r[m++] = &v[i];
        else if (r[m - 1]->weak && !v[i].weak)
            r[m - 1] = &v[i];
    }
    return m;
}

/* The dispute: each document's last strong item, then, for a side no
 * document's last word stands on, its last item in place of its
 * document's. */
static size_t side_dispute(const struct item *v, size_t n, const int *side,
                           const struct item **r, int *rside)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].weak || side[i] < 0)
            continue;
        if (m && r[m - 1]->doc == v[i].doc)
            m--;
        rside[m] = side[i];
        r[m++] = &v[i];
    }
    for (size_t i = n; i > 0; i--) {
        const struct item *it = &v[i - 1];
        bool shown = false;
        if (it->weak || side[i - 1] < 0)
            continue;
        for (size_t k = 0; k < m && !shown; k++)
            shown = rside[k] == side[i - 1];
        for (size_t k = 0; k < m && !shown; k++) {
            size_t others = 0;
            for (size_t j = 0; j < m; j++)
                others += j != k && rside[j] == rside[k];
            /* replace only a value whose side another document shows */
            if (r[k]->doc == it->doc && others) {
                r[k] = it;
                rside[k] = side[i - 1];
                shown = true;
            }
        }
    }
    return m;
}

static void judge_blame(struct ctx *x, const struct item *v, size_t n,
                        const char *event, unsigned id, const char *topic)
{
    struct sides *sd = xcalloc(1, sizeof *sd);
    int *side = xmalloc((n + 1) * sizeof *side);
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    int *rside = xmalloc((n + 1) * sizeof *rside);
    size_t nsides = find_sides(x, v, n, sd, side);
    if (nsides < 2) {
        size_t m = side_version(v, n, side, -1, r);
        if (m)
            add_blame(x, r, m, VERDICT_AGREE, event, id, topic);
    } else {
        bool done[DISTINCT_MAX] = {false};
        for (size_t i = 0; i < n; i++) {
            if (side[i] < 0 || done[side[i]])
                continue;
            done[side[i]] = true;
            size_t m = side_version(v, n, side, side[i], r);
            add_blame(x, r, m, VERDICT_AGREE, event, id,
                      strpool_keep(x->pool,
                                   arena_printf(x->c->arena, "%s (%s)", topic,
                                                sd->name[side[i]])));
        }
        size_t m = side_dispute(v, n, side, r, rside);
        size_t shown = 0;
        for (size_t i = 0; i < m; i++) {
            bool first = true;
            for (size_t j = 0; j < i; j++)
                first = first && rside[j] != rside[i];
            shown += first;
        }
        if (m >= 2 && shown >= 2)
            add_blame(x, r, m, VERDICT_CONFLICT, event, id, topic);
    }
    free(rside);
    free(r);
    free(side);
    free(sd);
}

/* ---- what it was done with ----------------------------------------------- */

/* A weapon slot (CLAIM_SLOT_WEAPON) holds categories: a missile, guns,
 * or a generic word (fire, air defences). Each document gives its most
 * specific word: its first non-generic value. One category agrees; a
 * generic word against a category is partial; two categories (a missile
 * and anti-aircraft guns for one shot) conflict. A value that joined its
 * thing by default never conflicts and is left out when it would. */
static bool is_weapon(const struct claim *cl)
{
    return cl->kind == CLAIM_ACTOR && cl->slot &&
           !strcmp(cl->slot, CLAIM_SLOT_WEAPON);
}

static bool generic_weapon(const struct ctx *x, const struct item *it)
{
    return !strcmp(s0(claim_of(x, it)->text), "generic");
}

static void judge_weapons(struct ctx *x, const struct item *v, size_t n,
                          const char *event, unsigned id, const char *topic)
{
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && r[m - 1]->doc == v[i].doc) {
            if (generic_weapon(x, r[m - 1]) && !generic_weapon(x, &v[i]))
                r[m - 1] = &v[i];
            continue;
        }
        r[m++] = &v[i];
    }
    /* the strong specific categories; a weak value naming another one
     * likely speaks of another shot */
    const char *firm = NULL;
    bool clash = false, generic = false, differ = false;
    for (size_t i = 0; i < m; i++)
        if (!r[i]->weak && !generic_weapon(x, r[i])) {
            const char *cat = claim_of(x, r[i])->text;
            clash = clash || (firm && strcmp(firm, cat));
            firm = firm ? firm : cat;
        }
    size_t keep = 0;
    for (size_t i = 0; i < m; i++) {
        const char *cat = claim_of(x, r[i])->text;
        bool held = !firm || generic_weapon(x, r[i]);
        for (size_t j = 0; j < m && !held; j++)
            held = !r[j]->weak && !strcmp(s0(claim_of(x, r[j])->text), cat);
        if (r[i]->weak && !held)
            continue;
        generic = generic || generic_weapon(x, r[i]);
        differ = differ || strcmp(cat, claim_of(x, r[0])->text);
        r[keep++] = r[i];
    }
    /* without a named thing, two weapons may well be two shots */
    clash = clash && v[0].thing != NAME_NONE;
    enum verdict verdict = keep < 2  ? VERDICT_SINGLE
                         : clash     ? VERDICT_CONFLICT
                         : differ || generic ? VERDICT_PARTIAL
                                             : VERDICT_AGREE;
    if (keep) {
        add_comparison(x, r, keep, verdict, event, id, topic);
        struct comparison *k = &x->c->comparisons[x->c->ncomparisons - 1];
        k->why = verdict == VERDICT_CONFLICT ? "two kinds of weapon"
               : verdict == VERDICT_AGREE    ? "one kind of weapon"
               : verdict == VERDICT_PARTIAL
                   ? "a generic word against a kind of weapon"
                   : "one document only";
    }
    free(r);
}

/* ---- stated and denied ---------------------------------------------------------- */

/* When sources report both that an event happened and that it did not
 * (the typical story gives each party's version), one verdict per
 * document hides the dispute: each document states both. So the slot is
 * shown three ways: the documents reporting it stated (they agree among
 * themselves), those reporting it denied, and the conflict between the
 * two versions, where each document gives its latest word on the
 * question (its last claim of the slot; news leads with the first
 * version and ends with the most specific). A version held only weakly
 * (its claims joined the event's thing by default) makes no conflict. */
static bool has_strong(const struct item *v, size_t n, signed char pol)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].polarity == pol && !v[i].weak)
            return true;
    return false;
}

/* In how many documents of v[0..n) (sorted by document) polarity pol is
 * held. */
static size_t version_docs(const struct item *v, size_t n, signed char pol)
{
    size_t docs = 0;
    unsigned last = UINT_MAX;
    for (size_t i = 0; i < n; i++)
        if (v[i].polarity == pol && v[i].doc != last) {
            docs++;
            last = v[i].doc;
        }
    return docs;
}

/* One version: each document's first claim of polarity pol, its first
 * firm one if it has one. */
static void add_version(struct ctx *x, const struct item *v, size_t n,
                        signed char pol, const char *event, unsigned id,
                        const char *topic)
{
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].polarity != pol)
            continue;
        if (!m || r[m - 1]->doc != v[i].doc)
            r[m++] = &v[i];
        else if (r[m - 1]->weak && !v[i].weak)
            r[m - 1] = &v[i]; /* a firm claim before one held weakly */
    }
    if (m) {
        add_comparison(x, r, m, m < 2 ? VERDICT_SINGLE : VERDICT_AGREE, event,
                       id,
                       strpool_keep(x->pool,
                                    arena_printf(x->c->arena, "%s (%s)", topic,
                                                 pol > 0 ? "stated"
                                                         : "denied")));
        struct comparison *k = &x->c->comparisons[x->c->ncomparisons - 1];
        k->note = strpool_keep(
            x->pool, arena_printf(x->c->arena, "%s in %zu source%s",
                                  pol > 0 ? "stated" : "denied", m,
                                  m == 1 ? "" : "s"));
    }
    free(r);
}

/* The conflict: each document's last claim, and at least one of each
 * polarity (a document that holds the missing one gives its last). */
static void add_dispute(struct ctx *x, const struct item *v, size_t n,
                        const char *event, unsigned id, const char *topic)
{
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    size_t m = 0;
    bool pos = false, neg = false;
    for (size_t i = 0; i < n; i++) {
        if (v[i].weak)
            continue;
        if (m && r[m - 1]->doc == v[i].doc)
            m--;
        r[m++] = &v[i];
    }
    for (size_t i = 0; i < m; i++) {
        pos = pos || r[i]->polarity > 0;
        neg = neg || r[i]->polarity < 0;
    }
    signed char want = !pos ? 1 : !neg ? -1 : 0;
    for (size_t i = n; want && i > 0; i--) {
        const struct item *it = &v[i - 1];
        if (it->weak || it->polarity != want)
            continue;
        for (size_t k = 0; k < m; k++)
            if (r[k]->doc == it->doc)
                r[k] = it;
        want = 0;
    }
    if (m >= 2) {
        add_comparison(x, r, m, VERDICT_CONFLICT, event, id, topic);
        x->c->comparisons[x->c->ncomparisons - 1].note = "stated vs denied";
    }
    free(r);
}

/* Is polarity pol held firmly in v[0..n) and put in the mouth of a
 * named source ("the navigator claimed Turkey did not give a warning")?
 * A party's own version is a version even when one document alone
 * reports it; an unattributed word in one document may be a misreading
 * and makes no dispute. */
/* The first mention of doc d at or after byte pos (mentions are in text
 * order). */
static size_t first_mention_from(const struct doc *d, size_t pos)
{
    size_t lo = 0, hi = d->nmentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->mentions[mid].span.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does the sentence of item it name linked entity e? */
static bool sentence_names(const struct ctx *x, const struct item *it,
                           unsigned e)
{
    const struct doc *d = doc_of(x, it);
    struct span sp = d->sents[claim_of(x, it)->sentence].span;
    for (size_t m = first_mention_from(d, sp.start);
         m < d->nmentions && d->mentions[m].span.start < sp.end; m++)
        if (d->mentions[m].entity == e)
            return true;
    return false;
}

/* Does the sentence of the denial it name a party (a linked entity, not
 * who denies) that the sentence of some telling of the other polarity
 * in v[0..n) names too, as party or as source? "Moscow said Turkey did
 * not warn the pilot" against "Turkey said it warned the pilot": Turkey.
 * Denials of other happenings of the class ("the johns were not charged"
 * against "an indictment of the movement") share no party. Only tellings of other documents count:
 * one article may well tell of two happenings of a class. At most SAMPLE
 * tellings are read. */
static bool shares_party(const struct ctx *x, const struct item *v, size_t n,
                         const struct item *it)
{
    unsigned denier = entity_of(doc_of(x, it), claim_of(x, it)->attributed_to);
    for (size_t i = 0, seen = 0; i < n && seen < SAMPLE; i++) {
        if (v[i].polarity != -it->polarity || v[i].weak || v[i].doc == it->doc)
            continue;
        seen++;
        if (share_a_party(x, it, &v[i], denier, 0))
            return true;
    }
    return false;
}

static bool named_version(const struct ctx *x, const struct item *v, size_t n,
                          signed char pol)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].polarity == pol && !v[i].weak &&
            claim_of(x, &v[i])->attributed_to >= 0 &&
            shares_party(x, v, n, &v[i]))
            return true;
    return false;
}

/* Does version pol have the documents to stand against the other: two,
 * or, for a denial, one that names who denies and a party of the telling
 * while the telling has two?
 * Only a denial: a lone telling set against denials is as often a
 * different happening that shares the class ("the terms of the
 * disengagement" against "they have not separated them"). */
static bool version_stands(const struct ctx *x, const struct item *v,
                           size_t n, signed char pol)
{
    size_t docs = version_docs(v, n, pol);
    return docs >= 2 || (docs == 1 && pol < 0 &&
                         version_docs(v, n, -pol) >= 2 &&
                         named_version(x, v, n, pol));
}

/* Is the happening of v[0..n) pinned down well enough for its tellings
 * and denials to be about one thing: a thing named firmly ("the Xk-31"),
 * or a denial that names a party some telling names too? Without either,
 * "not on the ballot" and "the 2016 election" are two happenings of a
 * class, not two versions of one. */
static bool one_happening(const struct ctx *x, const struct item *v, size_t n)
{
    if (firm_thing(v, n))
        return true;
    for (size_t i = 0, seen = 0; i < n && seen < SAMPLE; i++)
        if (v[i].polarity < 0 && !v[i].weak) {
            seen++;
            if (shares_party(x, v, n, &v[i]))
                return true;
        }
    return false;
}

/* Judge the "happened" slot v[0..n) (sorted by document). */
static void judge_happened(struct ctx *x, const struct item *v, size_t n,
                           const char *event, unsigned id, const char *topic)
{
    if (!has_strong(v, n, 1) || !has_strong(v, n, -1) ||
        !version_stands(x, v, n, 1) || !version_stands(x, v, n, -1) ||
        !one_happening(x, v, n)) {
        judge(x, v, n, event, id, topic);
        return;
    }
    add_version(x, v, n, 1, event, id, topic);
    add_version(x, v, n, -1, event, id, topic);
    add_dispute(x, v, n, event, id, topic);
}

/* ---- planned and possible ------------------------------------------------ */

static bool is_unreal(const struct ctx *x, const struct item *it)
{
    const char *slot = claim_of(x, it)->slot;
    return slot && !strcmp(slot, "unreal");
}

/* An event spoken of as planned, promised, feared or possible ("the army
 * can begin the assault", "to then attack the rebels") is neither told
 * nor denied, and joins the "happened" slot only weakly, where a firm
 * report of the event in the same document outweighs it. Two sources
 * that both speak of it as to come still meet on that, shown here apart:
 * each document's first such claim, outside the headline where it can.
 * What may come cannot contradict: "may" and "may not" are partial. */
static void judge_unreal(struct ctx *x, const struct item *v, size_t n,
                         const char *event, unsigned id)
{
    const struct item **r = xmalloc((n + 1) * sizeof *r);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_unreal(x, &v[i]))
            continue;
        if (!m || r[m - 1]->doc != v[i].doc)
            r[m++] = &v[i];
        else if (in_headline(x, r[m - 1]) && !in_headline(x, &v[i]))
            r[m - 1] = &v[i];
    }
    if (m >= 2) {
        enum verdict verdict = VERDICT_AGREE;
        for (size_t i = 1; i < m; i++)
            if (claim_of(x, r[i])->negated != claim_of(x, r[0])->negated)
                verdict = VERDICT_PARTIAL;
        add_comparison(x, r, m, verdict, event, id,
                       strpool_keep(x->pool,
                                    arena_printf(x->c->arena,
                                                 "%s: planned or possible",
                                                 event)));
        struct comparison *k = &x->c->comparisons[x->c->ncomparisons - 1];
        k->note = strpool_keep(
            x->pool, arena_printf(x->c->arena,
                                  "spoken of as to come in %zu sources", m));
        k->why = verdict == VERDICT_AGREE
                     ? "planned or possible alike"
                     : "planned or possible, and its opposite";
    }
    free(r);
}

static void judge_events(struct ctx *x)
{
    sort_items(x, BY_SLOT);
    for (size_t i = 0; i < x->n;) {
        size_t j = i;
        while (j < x->n && same_event_keys(&x->v[i], &x->v[j]) &&
               x->v[j].day == x->v[i].day)
            j++;
        const char *title = event_title(x, x->v + i, j - i);
        unsigned id = ++x->events;
        for (size_t a = i; a < j;) {
            size_t b = a;
            while (b < j && x->v[b].slot == x->v[a].slot)
                b++;
            const struct claim *c0 = claim_of(x, &x->v[a]);
            if (c0->kind == CLAIM_EVENT) {
                judge_happened(x, x->v + a, b - a, title, id,
                               slot_topic(x, title, c0));
                judge_unreal(x, x->v + a, b - a, title, id);
            } else if (is_measure(c0))
                judge_measures(x, x->v + a, b - a, title, id,
                               slot_topic(x, title, c0));
            else if (is_weapon(c0))
                judge_weapons(x, x->v + a, b - a, title, id,
                              slot_topic(x, title, c0));
            else if (is_blamed(c0))
                judge_blame(x, x->v + a, b - a, title, id,
                            slot_topic(x, title, c0));
            else if (is_source(c0))
                judge_sources(x, x->v + i, j - i, x->v + a, b - a, title, id,
                              slot_topic(x, title, c0));
            else
                judge(x, x->v + a, b - a, title, id,
                      slot_topic(x, title, c0));
            a = b;
        }
        i = j;
    }
}

/* ---- descriptions and things ---------------------------------------------- */

/* Words of a role, folded: "U.S. Secretary of State" -> {secretary, state,
 * us}; equal sets agree. Returns a sorted, space-joined string. */
static const char *role_key(struct arena *a, const char *role)
{
    size_t n = strlen(role);
    char *w = arena_strbuf(a, n + 2), *o = w;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)role[i];
        if (ch == '.')
            continue;
        *o++ = isalnum(ch) || ch >= 0x80 ? (char)tolower(ch) : ' ';
    }
    *o = '\0';
    return w;
}

/* A role key without its ranks (claims/role_words): "spokesman major
 * general" -> "spokesman". A role of ranks only keeps them. */
static const char *role_core(const struct comparer *cmp, struct arena *a,
                             const char *key)
{
    size_t n = strlen(key), o = 0;
    char *w = arena_strbuf(a, n + 1);
    for (const char *p = key; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q > p && scan_map_get(cmp->ranks, p, (size_t)(q - p)) < 0) {
            if (o)
                w[o++] = ' ';
            memcpy(w + o, p, (size_t)(q - p));
            o += (size_t)(q - p);
        }
        p = q;
    }
    w[o] = '\0';
    return o ? w : key;
}

static bool word_in(const char *word, size_t len, const char *set)
{
    for (const char *p = set; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if ((size_t)(q - p) == len && !strncmp(p, word, len))
            return true;
        p = q;
    }
    return false;
}

/* Every word of a is in b. */
static bool words_within(const char *a, const char *b)
{
    for (const char *p = a; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q > p && !word_in(p, (size_t)(q - p), b))
            return false;
        p = q;
    }
    return true;
}

static void judge_same_words(struct ctx *x, const struct item *v, size_t n,
                             const char *event, const char *topic)
{
    const struct item **r = xmalloc(n * sizeof *r);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || r[m - 1]->doc != v[i].doc)
            r[m++] = &v[i];
    enum verdict verdict = m < 2 ? VERDICT_SINGLE : VERDICT_AGREE;
    struct arena *a = x->c->arena;
    const char *k0 = role_core(x->cmp, a, role_key(a, s0(claim_of(x, r[0])->text)));
    for (size_t i = 1; i < m; i++) {
        const char *ki =
            role_core(x->cmp, a, role_key(a, s0(claim_of(x, r[i])->text)));
        if (!(words_within(k0, ki) && words_within(ki, k0)))
            verdict = VERDICT_PARTIAL;
    }
    add_comparison(x, r, m, verdict, event, ++x->events, topic);
    free(r);
}

static void judge_roles(struct ctx *x)
{
    x->n = 0;
    for (unsigned di = 0; di < x->c->ndocs; di++) {
        const struct doc *d = x->c->docs[di];
        for (unsigned k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            unsigned e = entity_of(d, cl->mention_idx);
            if (cl->kind == CLAIM_ROLE && e && !bearing_is_claim(cl))
                push(x, (struct item){.doc = di, .claim = k, .day = NO_DAY,
                                      .cls = NAME_NONE, .thing = NAME_NONE,
                                      .slot = name_add(x, s0(cl->slot)),
                                      .entity = e});
            else if (cl->kind == CLAIM_ROLE && cl->slot &&
                     !strcmp(cl->slot, CLAIM_SLOT_TERRAIN))
                /* the scene belongs to the story, not to an entity */
                push(x, (struct item){.doc = di, .claim = k,
                                      .story = x->story[di], .day = NO_DAY,
                                      .cls = NAME_NONE, .thing = NAME_NONE,
                                      .slot = name_add(x, CLAIM_SLOT_TERRAIN)});
            else if (cl->kind == CLAIM_THING)
                push(x, (struct item){.doc = di, .claim = k,
                                      .story = x->story[di], .day = NO_DAY,
                                      .cls = NAME_NONE,
                                      .thing = name_add(x, s0(cl->thing)),
                                      .slot = name_add(x, "thing")});
        }
    }
    name_items(x);
    sort_items(x, BY_SLOT);
    for (size_t i = 0; i < x->n;) {
        size_t j = i;
        while (j < x->n && same_event_keys(&x->v[i], &x->v[j]) &&
               x->v[j].entity == x->v[i].entity &&
               x->v[j].slot == x->v[i].slot)
            j++;
        const struct item *it = &x->v[i];
        const struct claim *cl = claim_of(x, it);
        const struct entity *e = entity_at(x, it->entity);
        const char *slot = name_of(x, it->slot);
        bool scene = !strcmp(slot, CLAIM_SLOT_TERRAIN);
        const char *name = e ? e->name : scene ? "the scene" : s0(cl->text);
        const char *topic = strpool_keep(
            x->pool,
            arena_printf(x->c->arena, "%s: %s", name,
                         scene                             ? "terrain"
                         : !e                              ? "type"
                         : !strcmp(slot, "descriptor") ? "what it is"
                                                       : slot));
        judge_same_words(x, x->v + i, j - i, name, topic);
        i = j;
    }
}

/* ---- statements --------------------------------------------------------------- */

struct stems {
    const char **w; /* sorted, distinct */
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static struct stems stems_of(struct arena *a, const char *text)
{
    struct stems s = {NULL, 0};
    char *copy = arena_strdup(a, s0(text));
    size_t cap = 1;
    for (const char *p = copy; *p; p++)
        cap += *p == ' ';
    s.w = arena_alloc(a, cap * sizeof *s.w);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w;
         w = strtok_r(NULL, " ", &save))
        s.w[s.n++] = w;
    qsort(s.w, s.n, sizeof *s.w, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < s.n; i++)
        if (!u || strcmp(s.w[u - 1], s.w[i]))
            s.w[u++] = s.w[i];
    s.n = u;
    return s;
}

static double dice(const struct stems *a, const struct stems *b)
{
    size_t i = 0, j = 0, both = 0;
    if (a->n < 3 || b->n < 3)
        return 0;
    while (i < a->n && j < b->n) {
        int k = strcmp(a->w[i], b->w[j]);
        if (!k) {
            both++;
            i++;
            j++;
        } else if (k < 0) {
            i++;
        } else {
            j++;
        }
    }
    return 2.0 * (double)both / (double)(a->n + b->n);
}

static void judge_statement_group(struct ctx *x, const struct item *v,
                                  size_t n, struct stems *st, unsigned *uf,
                                  double *best)
{
    for (size_t i = 0; i < n; i++) {
        uf[i] = (unsigned)i;
        best[i] = 0;
    }
    /* A speaker with very many statements: each meets only the next
     * STATEMENT_PAIR_CAP ones (in document order), which keeps it linear;
     * the statements of one story lie close together in that order. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && j <= i + STATEMENT_PAIR_CAP; j++) {
            if (v[i].doc == v[j].doc)
                continue;
            double s = dice(&st[i], &st[j]);
            if (s < STATEMENT_MIN_SIM)
                continue;
            uf_union(uf, (unsigned)i, (unsigned)j);
            if (s > best[i])
                best[i] = s;
            if (s > best[j])
                best[j] = s;
        }
    const struct entity *e = entity_at(x, v[0].entity);
    struct item *members = xmalloc(n * sizeof *members);
    double *sims = xmalloc(n * sizeof *sims);
    for (size_t root = 0; root < n; root++) {
        if (uf_find(uf, (unsigned)root) != root)
            continue;
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (uf_find(uf, (unsigned)i) == root && best[i] > 0) {
                members[m] = v[i];
                sims[m++] = best[i];
            }
        if (m < 2)
            continue;
        /* one value per document: its best-matching statement */
        size_t keep = 0;
        double low = 1;
        for (size_t i = 0; i < m; i++) {
            if (keep && members[keep - 1].doc == members[i].doc) {
                if (sims[i] > sims[keep - 1]) {
                    members[keep - 1] = members[i];
                    sims[keep - 1] = sims[i];
                }
                continue;
            }
            members[keep] = members[i];
            sims[keep++] = sims[i];
        }
        for (size_t i = 0; i < keep; i++)
            if (sims[i] < low)
                low = sims[i];
        struct comparison *k = new_comparison(x);
        k->event = e ? e->name : "?";
        k->topic = strpool_keep(
            x->pool, arena_printf(x->c->arena, "%s: statement", k->event));
        k->event_id = ++x->events;
        k->kind = CLAIM_STATEMENT;
        k->verdict = keep < 2 ? VERDICT_SINGLE
                   : low >= STATEMENT_AGREE_SIM ? VERDICT_AGREE
                                                : VERDICT_PARTIAL;
        k->why = why_of(k->verdict, claim_of(x, &members[0]));
        k->note = strpool_keep(
            x->pool,
            arena_printf(x->c->arena, "content-word similarity %.2f", low));
        k->values = arena_alloc(x->c->arena, keep * sizeof *k->values);
        for (size_t i = 0; i < keep; i++)
            k->values[i] = (struct cmp_value){.doc = members[i].doc,
                                              .claim = members[i].claim};
        k->nvalues = keep;
    }
    free(members);
    free(sims);
}

static int cmp_by_speaker(const void *p, const void *q)
{
    const struct item *a = p, *b = q;
    if (a->entity != b->entity)
        return (a->entity > b->entity) - (a->entity < b->entity);
    if (a->doc != b->doc)
        return (a->doc > b->doc) - (a->doc < b->doc);
    return (a->claim > b->claim) - (a->claim < b->claim);
}

static void judge_statements(struct ctx *x)
{
    x->n = 0;
    for (unsigned di = 0; di < x->c->ndocs; di++) {
        const struct doc *d = x->c->docs[di];
        for (unsigned k = 0; k < d->nclaims; k++) {
            const struct claim *cl = &d->claims[k];
            unsigned e = entity_of(d, cl->attributed_to);
            if (cl->kind == CLAIM_STATEMENT && e)
                push(x, (struct item){.doc = di, .claim = k,
                                      .story = x->story[di], .day = NO_DAY,
                                      /* grouped by speaker alone: no
                                       * name of theirs is read */
                                      .cls = NAME_NONE, .thing = NAME_NONE,
                                      .slot = NAME_NONE, .entity = e});
        }
    }
    qsort(x->v, x->n, sizeof *x->v, cmp_by_speaker);
    struct arena *tmp = arena_new();
    for (size_t i = 0; i < x->n;) {
        size_t j = i;
        while (j < x->n && x->v[j].entity == x->v[i].entity)
            j++;
        size_t n = j - i;
        struct stems *st = xmalloc(n * sizeof *st);
        unsigned *uf = xmalloc(n * sizeof *uf);
        double *best = xmalloc(n * sizeof *best);
        for (size_t k = 0; k < n; k++)
            st[k] = stems_of(tmp, claim_of(x, &x->v[i + k])->text);
        judge_statement_group(x, x->v + i, n, st, uf, best);
        free(st);
        free(uf);
        free(best);
        i = j;
    }
    arena_free(tmp);
}

void compare_run(const struct comparer *cmp, struct corpus *c)
{
    struct ctx x;
    memset(&x, 0, sizeof x);
    x.cmp = cmp;
    x.c = c;
    c->ncomparisons = 0;
    x.pool = strpool_new(c->arena);
    x.story = xmalloc((c->ndocs + 1) * sizeof *x.story);
    x.names = rsort_rank_new(RSORT_RANK_STRING);
    (void)name_add(&x, ""); /* so that NAME_NONE, rank 0, is "" */
    /* by its id: two uses of one literal need not share an address */
    x.blame_id = name_add(&x, CLAIM_CLASS_BLAME);
    for (size_t i = 0; i < c->ndocs; i++)
        x.story[i] = c->docs[i]->story;
    /* never NULL, so that sorting an empty list is defined */
    x.cap = 16;
    x.v = xmalloc(x.cap * sizeof *x.v);
    collect_things(&x);
    collect_events(&x);
    settle_blame(&x);
    settle_things(&x);
    settle_days(&x);
    settle_periods(&x);
    settle_territory(&x);
    judge_events(&x);
    restart_items(&x);
    judge_roles(&x);
    judge_statements(&x);
    fate_compare(c, &x.events);
    bearing_compare(c, &x.events);
    /* Nothing below reads the candidates or things: free them before
     * align_run, whose scratch is the peak of the whole run. */
    free(x.v);
    free(x.story);
    rsort_rank_free(x.names);
    free(x.name);
    free_things(&x.th);
    strpool_free(x.pool);
    /* last: it leaves alone the words the comparisons above hold */
    align_run(cmp->aligner, c);
}
