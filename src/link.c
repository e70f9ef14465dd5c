/* link.c - one entity per referent across the documents of a corpus.
 *
 * The tagger already grouped each document's mentions into local
 * entities and gave every mention a folded key (case, diacritics,
 * articles and transliteration folded; organisations as sorted words with
 * their country after '@'). Here local entities of all documents are
 * joined with a union-find:
 *
 *   places, countries, organisations, groups
 *       same key, same gazetteer name, same vowel skeleton or the same
 *       words in another order ("al-Nusra Dzhebhat" = "dzhebhat an-Nusra");
 *       a bare "defense ministry" joins the one qualified form
 *       ("defense ministry@russia") when the corpus has exactly one;
 *       a short form joins the one long form it truncates ("Center for
 *       reconciliation" / "center for conciliation of the parties");
 *   persons
 *       same surname (by skeleton) and compatible given names ("Sergey" /
 *       "Sergei", "S." / "Sergei"); a surname alone joins its full name
 *       only when the corpus has one person of that surname, so two
 *       people who share a surname stay apart.
 *
 * Entities come out in order of first mention, so output is stable.
 */
#include "claimdiff/link.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/docpair.h"
#include "claimdiff/hash.h"
#include "claimdiff/rsort.h"
#include "claimdiff/rules.h"
#include "claimdiff/wordfilter.h"
#include "adjlist.h"
#include "recent.h"
#include "scan.h"
#include "unionfind.h"

struct linker {
    /* Words that are capitalised without naming anything a story owns
     * (see plain_tables); story grouping passes over them. */
    struct scan_map *plain;
};

/* The tables whose words, capitalised in running text, tell no story
 * from another: calendar words, titles, function words and sentence
 * openers, given names (strangers share them), demonyms and generic
 * organisation words (every story of a country or of a kind has them),
 * agencies and photo credits (they carry every story), the words that
 * make place names ("Lake", "Island"), and the generic capitalised words
 * of lexicon/plain_capitals. */
static const char *const plain_tables[] = {
    "lexicon/months",        "lexicon/weekdays",
    "lexicon/date_words",    "lexicon/titles",
    "lexicon/not_names",     "lexicon/sentence_starters",
    "claims/stopwords",      "lexicon/given_names",
    "lexicon/demonyms",      "lexicon/org_words",
    "lexicon/org_heads",     "lexicon/quote_channels",
    "lexicon/photo_credits", "lexicon/place_cues",
    "lexicon/plain_capitals",
};

/* Put w[0..n) into m, and its plural too if plural. */
static void add_plain_word(struct scan_map *m, const char *w, size_t n,
                           bool plural)
{
    if (!n || n >= SCAN_MAX_KEY)
        return;
    (void)scan_map_put(m, w, n);
    if (plural) {
        char buf[SCAN_MAX_KEY + 1];
        memcpy(buf, w, n);
        buf[n] = 's';
        (void)scan_map_put(m, buf, n + 1);
    }
}

/* Put the one-word first fields of table name into m; demonyms also in
 * their plural ("Russians"), as the tagger reads them; and every word of
 * a title ("Prime" of "Prime Minister"), which is capitalised only as
 * part of the title. */
static void add_plain_table(struct scan_map *m, const struct rules *r,
                            const char *name)
{
    const struct rule_table *t = rules_get(r, name);
    bool plural = !strcmp(name, "lexicon/demonyms");
    bool split = !strcmp(name, "lexicon/titles");
    for (size_t i = 0; i < t->nrows; i++) {
        const char *w = t->rows[i].fields[0];
        if (!strchr(w, ' ')) {
            add_plain_word(m, w, strlen(w), plural);
            continue;
        }
        while (split && *w) {
            size_t n = strcspn(w, " ");
            add_plain_word(m, w, n, false);
            w += n + strspn(w + n, " ");
        }
    }
}

enum cd_err link_new(const struct rules *r, struct linker **out,
                     struct diag *d)
{
    (void)d;
    struct linker *l = xcalloc(1, sizeof *l);
    l->plain = scan_map_new();
    for (size_t i = 0; i < sizeof plain_tables / sizeof *plain_tables; i++)
        add_plain_table(l->plain, r, plain_tables[i]);
    *out = l;
    return CD_OK;
}

void link_free(struct linker *l)
{
    if (!l)
        return;
    scan_map_free(l->plain);
    free(l);
}

/* One local entity: the mentions of one referent in one document. */
struct loc {
    unsigned doc;
    unsigned first;   /* its first mention in that document */
    enum ent_type type;
    const char *key;  /* of its fullest mention */
    const char *canonical;
    const char *name; /* its fullest mention as written (into the text) */
    size_t namelen;
    size_t parent;    /* union-find */
};

static size_t find(struct loc *l, size_t i)
{
    while (l[i].parent != i) {
        l[i].parent = l[l[i].parent].parent;
        i = l[i].parent;
    }
    return i;
}

/* Union keeping the root that was seen first, so roots follow the order
 * of first mention. */
static void unite(struct loc *l, size_t a, size_t b)
{
    a = find(l, a);
    b = find(l, b);
    if (a == b)
        return;
    if (a < b)
        l[b].parent = a;
    else
        l[a].parent = b;
}

/* ------------------------------------------------------------------ */
/* Key forms                                                          */

/* key with every run of vowels made one 'a', into s (room for
 * strlen(key) + 1 bytes). Returns the length written. */
static size_t skeleton_into(const char *key, char *s)
{
    size_t o = 0;
    bool vow = false;
    for (const char *p = key; *p; p++) {
        char c = *p;
        bool v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        if (v && vow)
            continue;
        s[o++] = v ? 'a' : c;
        vow = v;
    }
    s[o] = '\0';
    return o;
}

static char *skeleton(const char *key)
{
    char *s = xmalloc(strlen(key) + 1);
    (void)skeleton_into(key, s);
    return s;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* sorted_words' arrays, kept from one call to the next. */
struct words_scratch {
    char *copy;
    size_t capcopy;
    char **w;
    size_t capw;
};

/* The words of s[0..len) sorted and joined by spaces, into out (room for
 * len + 1 bytes). */
static void sorted_words(const char *s, size_t len, char *out,
                         struct words_scratch *x)
{
    if (len + 1 > x->capcopy)
        x->copy = xgrow(x->copy, &x->capcopy, len + 1, 1);
    memcpy(x->copy, s, len + 1);
    size_t n = 0;
    for (char *p = x->copy; *p;) {
        if (n == x->capw)
            x->w = xgrow(x->w, &x->capw, n + 1, sizeof *x->w);
        x->w[n++] = p;
        char *sp = strchr(p, ' ');
        if (!sp)
            break;
        *sp = '\0';
        p = sp + 1;
    }
    qsort(x->w, n, sizeof *x->w, cmp_cstr);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            out[o++] = ' ';
        size_t k = strlen(x->w[i]);
        memcpy(out + o, x->w[i], k);
        o += k;
    }
    out[o] = '\0';
}

/* A (class, string) form of a local entity; equal forms join. The
 * class keeps kinds of form apart (a key never equals a skeleton); s is
 * the loc's key or canonical name, or lies in join_names' pool. */
struct form {
    const char *s;
    size_t loc;
    char cls;
};

struct forms {
    struct form *v;
    size_t n, cap;
};

static void add_form(struct forms *f, char cls, const char *s, size_t loc)
{
    if (f->n == f->cap)
        f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
    f->v[f->n++] = (struct form){s, loc, cls};
}

/* Equal forms join. Union keeps the smaller root whatever the order of
 * the unions, so joining each form to the first form equal to it, found
 * by hash, gives the same partition (and roots) as sorting the forms and
 * joining neighbours did, without the sort's string compares. */
static void join_equal_forms(struct loc *l, struct forms *f)
{
    if (f->n == 0)
        return;
    size_t cap = 16;
    while (cap < 2 * f->n)
        cap *= 2;
    /* index + 1 into f->v of the first form of each string; 0: empty */
    size_t *slot = xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < f->n; i++) {
        const struct form *x = &f->v[i];
        size_t j = (size_t)hash_more(hash_bytes(&x->cls, 1), x->s,
                                     strlen(x->s)) & (cap - 1);
        while (slot[j] && (f->v[slot[j] - 1].cls != x->cls ||
                           strcmp(f->v[slot[j] - 1].s, x->s) != 0))
            j = (j + 1) & (cap - 1);
        if (slot[j])
            unite(l, x->loc, f->v[slot[j] - 1].loc);
        else
            slot[j] = i + 1;
    }
    free(slot);
}

static char coarse(enum ent_type t)
{
    return t == ENT_COUNTRY || t == ENT_PLACE ? 'L' : 'O';
}

/* Places, countries, organisations and groups. The skeletons and word
 * bags of multi-word keys go into one pool, sized first, rather than a
 * malloc each. */
static void join_names(struct loc *l, size_t n)
{
    size_t need = 0;
    for (size_t i = 0; i < n; i++)
        if (l[i].type != ENT_PERSON && strchr(l[i].key, ' '))
            need += 2 * (strlen(l[i].key) + 1);
    char *pool = xmalloc(need + 1), *at = pool;
    struct words_scratch x = {0};
    struct forms f = {0};
    for (size_t i = 0; i < n; i++) {
        if (l[i].type == ENT_PERSON)
            continue;
        char cls = coarse(l[i].type);
        add_form(&f, cls, l[i].key, i);
        if (l[i].canonical)
            add_form(&f, (char)(cls + 1), l[i].canonical, i);
        if (strchr(l[i].key, ' ')) {
            char *sk = at;
            size_t len = skeleton_into(l[i].key, sk);
            char *bag = sk + len + 1;
            sorted_words(sk, len, bag, &x);
            at = bag + len + 1;
            add_form(&f, (char)(cls + 2), sk, i);
            add_form(&f, (char)(cls + 3), bag, i);
        }
    }
    join_equal_forms(l, &f);
    free(f.v);
    free(x.copy);
    free(x.w);
    free(pool);
}

/* Truncated names. Translations shorten a long organisation name to its
 * head and first complement: "the Russian center for conciliation of
 * conflicting parties" is also "the Russian Center for reconciliation".
 * A name whose words, lower-cased, end where another's go on with "of",
 * "between" or "in" is that one's short form. The last word drops a "re"
 * prefix because translations of one noun vary there (conciliation /
 * reconciliation). Two different long forms of one short form leave the
 * short form alone: it could be either. */
struct stub {
    char *s;
    size_t loc;
    bool whole; /* the name itself, not a truncation */
};

static int cmp_stub(const void *a, const void *b)
{
    const struct stub *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    if (c)
        return c;
    if (x->whole != y->whole)
        return x->whole ? -1 : 1;
    return x->loc < y->loc ? -1 : x->loc > y->loc;
}

/* Lower-cased words of name[0..n) up to byte e, one space apart, with the
 * last word's "re" prefix dropped when at least eight letters remain.
 * Returns NULL when fewer than three words. */
static char *stub_of(const char *name, size_t e)
{
    char *s = xmalloc(e + 1);
    size_t o = 0, words = 0, last = 0;
    for (size_t i = 0; i < e;) {
        while (i < e && (name[i] == ' ' || name[i] == '\n'))
            i++;
        if (i == e)
            break;
        if (o)
            s[o++] = ' ';
        last = o;
        words++;
        while (i < e && name[i] != ' ' && name[i] != '\n') {
            char ch = name[i++];
            s[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
        }
    }
    s[o] = '\0';
    if (words < 3) {
        free(s);
        return NULL;
    }
    if (o - last >= 10 && s[last] == 'r' && s[last + 1] == 'e')
        memmove(s + last, s + last + 2, o - last - 1);
    return s;
}

static void add_stub(struct stub **v, size_t *nv, size_t *cap, char *s,
                     size_t loc, bool whole)
{
    if (!s)
        return;
    if (*nv == *cap)
        *v = xgrow(*v, cap, *nv + 1, sizeof **v);
    (*v)[(*nv)++] = (struct stub){s, loc, whole};
}

static bool complement_word(const char *p, size_t n)
{
    static const char *const words[] = {"of", "between", "in"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && memcmp(p, words[i], n) == 0)
            return true;
    return false;
}

static void join_truncated(struct loc *l, size_t n)
{
    struct stub *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (coarse(l[i].type) != 'O' || l[i].type == ENT_PERSON || !l[i].name)
            continue;
        const char *nm = l[i].name;
        size_t len = l[i].namelen;
        add_stub(&v, &nv, &cap, stub_of(nm, len), i, true);
        for (size_t j = 1; j < len; j++) { /* the first complement only */
            if (nm[j - 1] != ' ')
                continue;
            size_t k = j;
            while (k < len && nm[k] != ' ')
                k++;
            if (k < len && complement_word(nm + j, k - j)) {
                add_stub(&v, &nv, &cap, stub_of(nm, j - 1), i, false);
                break;
            }
        }
    }
    if (nv)
        qsort(v, nv, sizeof *v, cmp_stub);
    for (size_t i = 0; i < nv;) {
        size_t j = i, longs = 0;
        const char *other = NULL;
        while (j < nv && strcmp(v[j].s, v[i].s) == 0) {
            if (!v[j].whole && (!other || strcmp(other, l[v[j].loc].key))) {
                other = l[v[j].loc].key;
                longs++;
            }
            j++;
        }
        if (v[i].whole && longs <= 1)
            for (size_t k = i + 1; k < j; k++)
                unite(l, v[i].loc, v[k].loc);
        i = j;
    }
    for (size_t i = 0; i < nv; i++)
        free(v[i].s);
    free(v);
}

static bool qualified_org(const struct loc *p)
{
    return coarse(p->type) == 'O' && p->type != ENT_PERSON &&
           strchr(p->key, '@') != NULL;
}

/* For qsort: a loc index with its array, so the comparison needs no
 * global. */
struct key_order {
    const struct loc *l;
    size_t i;
};

static int compare_keys(const void *pa, const void *pb)
{
    const struct key_order *a = pa, *b = pb;
    int c = strcmp(a->l[a->i].key, b->l[b->i].key);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* A bare organisation key joins the qualified form "key@country" when all
 * such forms in the corpus are already one entity. The qualified keys are
 * sorted once, so each bare key finds its "key@..." run by binary search:
 * linear-logarithmic in the number of entities, never quadratic. */
static void join_qualified(struct loc *l, size_t n)
{
    struct key_order *q = xcalloc(n + 1, sizeof *q);
    size_t nq = 0;
    for (size_t i = 0; i < n; i++)
        if (qualified_org(&l[i]))
            q[nq++] = (struct key_order){l, i};
    qsort(q, nq, sizeof *q, compare_keys);
    for (size_t i = 0; i < n && nq; i++) {
        if (coarse(l[i].type) != 'O' || l[i].type == ENT_PERSON ||
            strchr(l[i].key, '@'))
            continue;
        size_t kl = strlen(l[i].key), lo = 0, hi = nq, root = n;
        bool unique = true;
        while (lo < hi) { /* first qualified key >= "key@" */
            size_t mid = lo + (hi - lo) / 2;
            const char *k = l[q[mid].i].key;
            int c = strncmp(k, l[i].key, kl);
            if (c < 0 || (c == 0 && (unsigned char)k[kl] < '@'))
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t j = lo; j < nq && unique; j++) {
            const char *k = l[q[j].i].key;
            if (strncmp(k, l[i].key, kl) != 0 || k[kl] != '@')
                break;
            size_t r = find(l, q[j].i);
            if (root != n && root != r)
                unique = false;
            root = r;
        }
        if (unique && root != n)
            unite(l, i, root);
    }
    free(q);
}

/* ------------------------------------------------------------------ */
/* Persons                                                            */

static const char *last_word(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return sp ? sp + 1 : key;
}

/* Given names are compatible when equal by skeleton, or one is an
 * initial or a short form at the start of the other ("Alex"/"Alexander"). */
static bool given_compatible(const char *a, size_t an, const char *b,
                             size_t bn)
{
    if (an == 1 || bn == 1)
        return a[0] == b[0];
    size_t m = an < bn ? an : bn;
    if (m >= 3 && strncmp(a, b, m) == 0)
        return true;
    char *x = xstrndup(a, an), *y = xstrndup(b, bn);
    char *sx = skeleton(x), *sy = skeleton(y);
    bool eq = strcmp(sx, sy) == 0;
    free(x);
    free(y);
    free(sx);
    free(sy);
    return eq;
}

static bool full_name(const struct loc *p)
{
    return strchr(p->key, ' ') != NULL;
}

static bool persons_compatible(const struct loc *a, const struct loc *b)
{
    if (!full_name(a) || !full_name(b))
        return true;
    const char *ga = a->key, *gb = b->key;
    size_t an = strcspn(ga, " "), bn = strcspn(gb, " ");
    return given_compatible(ga, an, gb, bn);
}

struct by_surname {
    char *surname; /* skeleton */
    size_t loc;
};

static int cmp_surname(const void *a, const void *b)
{
    const struct by_surname *x = a, *y = b;
    int c = strcmp(x->surname, y->surname);
    if (c)
        return c;
    return x->loc < y->loc ? -1 : x->loc > y->loc;
}

/* A full name of a surname group and its given name (the first word of
 * its key). */
struct by_given {
    const char *given;
    size_t n;
    size_t loc;
};

/* Order by given name, then index. */
static int cmp_given(const void *pa, const void *pb)
{
    const struct by_given *a = pa, *b = pb;
    int c = memcmp(a->given, b->given, a->n < b->n ? a->n : b->n);
    if (c == 0 && a->n != b->n)
        c = a->n < b->n ? -1 : 1;
    if (c)
        return c;
    return a->loc < b->loc ? -1 : a->loc > b->loc;
}

/* Join the full names of a surname group whose given names are
 * compatible: the connected parts of "persons_compatible". Compatibility
 * depends on the given names only and every name is compatible with
 * itself, so each distinct given name is joined once and only distinct
 * given names are compared pairwise. Comparing every pair of mentions
 * instead made a common surname cost the square of its mentions, which
 * grew the link stage x56-83 from 1,000 to 10,000 documents. The roots
 * do not depend on the order of the unions (unite keeps the smallest). */
static void join_full_names(struct loc *l, const struct by_surname *v,
                            size_t s, size_t e)
{
    struct by_given *f = xmalloc((e - s + 1) * sizeof *f);
    size_t nf = 0;
    for (size_t i = s; i < e; i++) {
        const struct loc *p = &l[v[i].loc];
        if (full_name(p))
            f[nf++] = (struct by_given){p->key, strcspn(p->key, " "),
                                        v[i].loc};
    }
    qsort(f, nf, sizeof *f, cmp_given);
    size_t *rep = xmalloc((nf + 1) * sizeof *rep), nrep = 0;
    for (size_t i = 0; i < nf; i++) {
        if (i > 0 && f[i].n == f[i - 1].n &&
            memcmp(f[i].given, f[i - 1].given, f[i].n) == 0)
            unite(l, rep[nrep - 1], f[i].loc);
        else
            rep[nrep++] = f[i].loc;
    }
    for (size_t i = 0; i < nrep; i++)
        for (size_t j = 0; j < i; j++)
            if (persons_compatible(&l[rep[i]], &l[rep[j]]))
                unite(l, rep[i], rep[j]);
    free(rep);
    free(f);
}

/* Persons within one surname group [s, e) of v. */
static void join_surname_group(struct loc *l, const struct by_surname *v,
                               size_t s, size_t e)
{
    join_full_names(l, v, s, e);
    /* surnames alone: join the one full-name person, or each other */
    size_t root = (size_t)-1;
    bool unique = true, any_full = false;
    for (size_t i = s; i < e; i++) {
        if (!full_name(&l[v[i].loc]))
            continue;
        size_t r = find(l, v[i].loc);
        if (any_full && r != root)
            unique = false;
        root = r;
        any_full = true;
    }
    if (!unique)
        return;
    size_t anchor = any_full ? root : (size_t)-1;
    for (size_t i = s; i < e; i++) {
        if (full_name(&l[v[i].loc]))
            continue;
        if (anchor == (size_t)-1)
            anchor = v[i].loc;
        else
            unite(l, v[i].loc, anchor);
    }
}

static void join_persons(struct loc *l, size_t n)
{
    struct by_surname *v = xmalloc((n + 1) * sizeof *v);
    size_t nv = 0;
    for (size_t i = 0; i < n; i++) {
        if (l[i].type != ENT_PERSON)
            continue;
        v[nv].surname = skeleton(last_word(l[i].key));
        v[nv].loc = i;
        nv++;
    }
    qsort(v, nv, sizeof *v, cmp_surname);
    for (size_t s = 0; s < nv;) {
        size_t e = s + 1;
        while (e < nv && strcmp(v[e].surname, v[s].surname) == 0)
            e++;
        join_surname_group(l, v, s, e);
        s = e;
    }
    for (size_t i = 0; i < nv; i++)
        free(v[i].surname);
    free(v);
}

/* ------------------------------------------------------------------ */
/* Building the entities                                               */

/* Local entities of all documents; *base[d] is the index of document d's
 * local 0. */
static struct loc *collect(const struct corpus *c, size_t *nloc,
                           size_t *base)
{
    size_t n = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        const struct doc *doc = c->docs[d];
        int maxl = -1;
        for (size_t i = 0; i < doc->nmentions; i++)
            if (doc->mentions[i].local > maxl)
                maxl = doc->mentions[i].local;
        base[d] = n;
        n += (size_t)(maxl + 1);
    }
    struct loc *l = xcalloc(n + 1, sizeof *l);
    for (size_t i = 0; i < n; i++) {
        l[i].parent = i;
        l[i].key = NULL;
    }
    for (size_t d = 0; d < c->ndocs; d++) {
        const struct doc *doc = c->docs[d];
        for (size_t i = 0; i < doc->nmentions; i++) {
            const struct mention *m = &doc->mentions[i];
            if (m->local < 0)
                continue;
            struct loc *p = &l[base[d] + (size_t)m->local];
            if (!p->key) {
                p->doc = (unsigned)d;
                p->first = (unsigned)i;
                p->type = m->type;
                p->key = m->key ? m->key : "";
                p->name = doc->text + m->span.start;
                p->namelen = m->span.end - m->span.start;
            } else if (m->key && strlen(m->key) > strlen(p->key)) {
                p->key = m->key;
                p->name = doc->text + m->span.start;
                p->namelen = m->span.end - m->span.start;
            }
            if (m->canonical && !p->canonical)
                p->canonical = m->canonical;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!l[i].key)
            l[i].key = ""; /* a local id no mention uses */
    *nloc = n;
    return l;
}

static bool has_str(const char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return true;
    return false;
}

/* An entity while it is built: heap arrays that grow by doubling, copied
 * into the corpus arena once complete. */
struct draft {
    struct entity_mention *mentions;
    size_t nmentions, capmentions;
    const char **aliases;
    size_t naliases, capaliases;
    const char **roles;
    size_t nroles, caproles;
    const char *name;
    size_t name_words;
};

static size_t words_in(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* The alias of e that reads s[0..n) as a string (to its first NUL, as
 * the copy would), or NULL. */
static const char *find_alias(const struct draft *e, const char *s, size_t n)
{
    const char *nul = memchr(s, '\0', n);
    size_t len = nul ? (size_t)(nul - s) : n;
    for (size_t i = 0; i < e->naliases; i++)
        if (strncmp(e->aliases[i], s, len) == 0 && e->aliases[i][len] == '\0')
            return e->aliases[i];
    return NULL;
}

static void add_mention(struct corpus *c, struct draft *e, unsigned d,
                        unsigned mi)
{
    struct doc *doc = c->docs[d];
    const struct mention *m = &doc->mentions[mi];
    /* Copied only when it is a new alias: most mentions repeat one (a
     * copy per mention was 1.7 MB of the corpus arena on 5,000
     * articles). */
    const char *text = find_alias(e, doc->text + m->span.start,
                                  m->span.end - m->span.start);
    bool is_new = !text;
    if (is_new)
        text = arena_strndup(c->arena, doc->text + m->span.start,
                             m->span.end - m->span.start);
    if (e->nmentions == e->capmentions)
        e->mentions = xgrow(e->mentions, &e->capmentions, e->nmentions + 1,
                            sizeof *e->mentions);
    e->mentions[e->nmentions].doc = d;
    e->mentions[e->nmentions].mention = mi;
    e->nmentions++;
    if (is_new) {
        if (e->naliases == e->capaliases)
            e->aliases = xgrow(e->aliases, &e->capaliases, e->naliases + 1,
                               sizeof *e->aliases);
        e->aliases[e->naliases++] = text;
    }
    if (m->role && !has_str(e->roles, e->nroles, m->role)) {
        if (e->nroles == e->caproles)
            e->roles = xgrow(e->roles, &e->caproles, e->nroles + 1,
                             sizeof *e->roles);
        e->roles[e->nroles++] = arena_strdup(c->arena, m->role);
    }
    /* the fullest form: most words, then most bytes; "the" not counted */
    size_t tw = words_in(text);
    if (strncmp(text, "the ", 4) == 0 || strncmp(text, "The ", 4) == 0)
        tw--;
    if (!e->name || tw > e->name_words ||
        (tw == e->name_words && strlen(text) > strlen(e->name))) {
        e->name = text;
        e->name_words = tw;
    }
}

static void *arena_copy(struct arena *a, const void *v, size_t n,
                        size_t size)
{
    void *out = arena_alloc(a, n * size + 1);
    if (n)
        memcpy(out, v, n * size);
    return out;
}

/* Move a finished draft into e, in the corpus arena. */
static void finish(struct corpus *c, struct draft *d, struct entity *e)
{
    e->mentions = arena_copy(c->arena, d->mentions, d->nmentions,
                             sizeof *d->mentions);
    e->nmentions = d->nmentions;
    e->aliases = arena_copy(c->arena, d->aliases, d->naliases,
                            sizeof *d->aliases);
    e->naliases = d->naliases;
    e->roles = arena_copy(c->arena, d->roles, d->nroles, sizeof *d->roles);
    e->nroles = d->nroles;
    if (!e->name)
        e->name = d->name;
    free(d->mentions);
    free(d->aliases);
    free(d->roles);
}

/* ---- stories ------------------------------------------------------------ */

/* The most days one story's documents may span: a story is told over
 * weeks and months (an offensive, then a truce), unrelated stories of one
 * region lie years apart. */
#define STORY_MAX_DAYS 120
/* Two groups join only if their mean similarity is at least this share
 * of the tighter one's own. */
#define STORY_COHESION 0.5
/* Mean similarity at which a document left alone joins a story. */
#define STORY_ATTACH_SIM 0.05
/* Mean rarity-weighted similarity at which two groups are one story. */
#define STORY_MIN_SIM 0.15
/* An entity in more documents than this tells stories apart no better
 * than "Russia" does, and would cost a quadratic number of pairs. */
#define STORY_DF_CAP 64

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* The middle of the dates a document gives in full (year and month as
 * written, not yet anchored); LONG_MAX if it gives fewer than two, since
 * a lone full date is as often background ("the war began in March
 * 2011") as the story's own. */
static long center_day(const struct doc *d)
{
    long *v = xmalloc((d->ndates + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < d->ndates; i++) {
        const struct date *dt = &d->dates[i];
        if (dt->flags & (DATEF_PAGE_STAMP | DATEF_CAPTION | DATEF_DATELINE) ||
            dt->rel != DREL_NONE || !dt->year || !dt->month)
            continue;
        v[n++] = date_days(dt->year, dt->month, dt->day ? dt->day : 15);
    }
    long mid = LONG_MAX;
    if (n >= 2) {
        qsort(v, n, sizeof *v, cmp_long);
        mid = v[n / 2];
    }
    free(v);
    return mid;
}

/* A candidate merge: the average similarity of clusters a and b as it
 * was when their sizes were na and nb. */
struct cand {
    double avg;
    unsigned a, b, na, nb;
};

struct heap {
    struct cand *v;
    size_t n, cap;
};

static bool cand_before(const struct cand *x, const struct cand *y)
{
    if (x->avg != y->avg)
        return x->avg > y->avg;
    if (x->a != y->a)
        return x->a < y->a;
    return x->b < y->b;
}

static void heap_push(struct heap *h, struct cand c)
{
    if (h->n == h->cap)
        h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
    size_t i = h->n++;
    while (i > 0 && cand_before(&c, &h->v[(i - 1) / 2])) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = c;
}

static struct cand heap_pop(struct heap *h)
{
    struct cand top = h->v[0], last = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= h->n)
            break;
        if (k + 1 < h->n && cand_before(&h->v[k + 1], &h->v[k]))
            k++;
        if (!cand_before(&h->v[k], &last))
            break;
        h->v[i] = h->v[k];
        i = k;
    }
    if (h->n)
        h->v[i] = last;
    return top;
}

struct stories {
    unsigned *uf, *size;
    struct adj_scratch scratch; /* adj_settle's */
    double *inner; /* per root: summed similarity of its pairs */
    long *lo, *hi; /* per root: the story's explicit date range */
    struct adj_list *adj;
    struct heap heap;
};

/* Push a candidate for each neighbour of r close enough to merge with;
 * r's list must be settled. */
static void push_candidates(struct stories *st, unsigned r)
{
    for (size_t i = 0; i < st->adj[r].n; i++) {
        unsigned x = st->adj[r].v[i].to;
        double avg = st->adj[r].v[i].sum / ((double)st->size[r] * st->size[x]);
        unsigned a = r < x ? r : x, b = r < x ? x : r;
        /* Never merged (the loop in link_stories stops at the first
         * such candidate), so never pushed: most pairs of a large corpus
         * share a little and would fill the heap for nothing. */
        if (avg < STORY_MIN_SIM)
            continue;
        heap_push(&st->heap, (struct cand){avg, a, b, st->size[a], st->size[b]});
    }
}

static void push_neighbours(struct stories *st, unsigned r)
{
    adj_settle(&st->adj[r], st->uf, &st->scratch, r);
    push_candidates(st, r);
}

/* Would a and b together span more than STORY_MAX_DAYS? */
static bool too_long(const struct stories *st, unsigned a, unsigned b,
                     long *l2, long *h2)
{
    *l2 = st->lo[a] < st->lo[b] ? st->lo[a] : st->lo[b];
    *h2 = st->hi[a] == LONG_MAX ? st->hi[b]
        : st->hi[b] == LONG_MAX ? st->hi[a]
        : st->hi[a] > st->hi[b] ? st->hi[a] : st->hi[b];
    return *l2 != LONG_MAX && *h2 - *l2 > STORY_MAX_DAYS;
}

/* Mean similarity of the pairs inside story r; -1 for one document. */
static double cohesion(const struct stories *st, unsigned r)
{
    double n = st->size[r];
    return n < 2 ? -1 : st->inner[r] / (n * (n - 1) / 2);
}

static void merge_stories(struct stories *st, unsigned a, unsigned b,
                          double between, long l2, long h2)
{
    uf_union(st->uf, a, b);
    unsigned r = uf_find(st->uf, a), o = r == a ? b : a;
    st->inner[r] += st->inner[o] + between;
    st->size[r] += st->size[o];
    st->lo[r] = l2;
    st->hi[r] = h2;
    adj_append(&st->adj[r], &st->adj[o]);
    free(st->adj[o].v);
    st->adj[o] = (struct adj_list){0};
    push_neighbours(st, r);
}

/* A document left alone after clustering joins the story it is most
 * like on average, if that reaches STORY_ATTACH_SIM: a short report
 * that names little is still part of its story. Singletons are judged
 * against the stories as clustering left them, in document order. */
static void attach_singletons(struct stories *st, size_t nd)
{
    for (size_t i = 0; i < nd; i++) {
        unsigned r = uf_find(st->uf, (unsigned)i);
        if (r != i || st->size[r] != 1)
            continue;
        adj_settle(&st->adj[r], st->uf, &st->scratch, r);
        unsigned to = r;
        double best = STORY_ATTACH_SIM;
        for (size_t k = 0; k < st->adj[r].n; k++) {
            unsigned x = st->adj[r].v[k].to;
            double avg = st->adj[r].v[k].sum / st->size[x];
            if (avg >= best && st->size[x] > 1) {
                best = avg;
                to = x;
            }
        }
        long l2, h2;
        if (to != r && !too_long(st, r, to, &l2, &h2))
            merge_stories(st, r, to, best * st->size[to], l2, h2);
    }
}

/* The things documents name (an "Su-24", a "flight 9525") tell stories
 * apart as well as names do: they weigh and pair like entities. */
static void add_thing_pairs(const struct corpus *c, struct docpair_set *pairs,
                            double *weight)
{
    size_t nd = c->ndocs;
    struct scan_map *ids = scan_map_new();
    struct doc_list {
        unsigned *v;
        size_t n, cap;
    } *lists = NULL;
    size_t nlists = 0, caplists = 0;
    for (size_t d = 0; d < nd; d++) {
        const struct doc *doc = c->docs[d];
        for (size_t k = 0; k < doc->nclaims; k++) {
            const struct claim *cl = &doc->claims[k];
            if (cl->kind != CLAIM_THING || !cl->thing)
                continue;
            int id = scan_map_put(ids, cl->thing, strlen(cl->thing));
            if (id < 0)
                continue;
            while ((size_t)id >= nlists) {
                if (nlists == caplists)
                    lists = xgrow(lists, &caplists, nlists + 1, sizeof *lists);
                lists[nlists++] = (struct doc_list){0};
            }
            struct doc_list *l = &lists[id];
            if (l->n && l->v[l->n - 1] == d)
                continue;
            if (l->n == l->cap)
                l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
            l->v[l->n++] = (unsigned)d;
        }
    }
    for (size_t t = 0; t < nlists; t++) {
        const struct doc_list *l = &lists[t];
        double w = log(1.0 + (double)nd / (double)l->n);
        for (size_t i = 0; i < l->n; i++)
            weight[l->v[i]] += w;
        if (l->n <= STORY_DF_CAP) {
            docpair_feature(pairs, w, false);
            for (size_t i = 0; i < l->n; i++)
                docpair_add(pairs, l->v[i], false);
        }
        free(l->v);
    }
    free(lists);
    scan_map_free(ids);
}

/* ---- unfamiliar names --------------------------------------------------- */

/* What a capitalised word shared by two documents weighs next to a
 * linked entity of the same rarity: a word is a weaker sign than a name
 * the tagger recognised (it may be a common noun in a title, a brand),
 * but a story with names no gazetteer knows ("Port X", "the MV Y") is
 * held together by nothing else. */
#define STORY_CAPITAL_SHARE 0.5
/* Shorter capitalised words are initials, "Mr", "St", "AP": no names. */
#define STORY_CAPITAL_MIN 3

/* The documents each capitalised word is found in, by its id in ids,
 * and the words the corpus also writes in lower case. */
struct word_docs {
    struct scan_map *ids, *lower;
    struct recent *recent; /* lower's words last added: most repeat */
    struct recent_short *recent_short; /* the same for short words */
    struct word_doc_list {
        const char *word; /* its first occurrence (in a document's text) */
        size_t len;
        struct word_doc {
            unsigned doc;
            bool named; /* only ever inside a mention there */
        } *v;
        size_t n, cap;
    } *lists;
    size_t n, cap;
};

static void word_docs_add(struct word_docs *w, int id, unsigned d,
                          bool named, const char *word, size_t len)
{
    while ((size_t)id >= w->n) {
        if (w->n == w->cap)
            w->lists = xgrow(w->lists, &w->cap, w->n + 1, sizeof *w->lists);
        w->lists[w->n++] = (struct word_doc_list){word, len, NULL, 0, 0};
    }
    struct word_doc_list *l = &w->lists[id];
    if (l->n && l->v[l->n - 1].doc == d) {
        /* documents come in order: one entry per document */
        l->v[l->n - 1].named = l->v[l->n - 1].named && named;
        return;
    }
    if (l->n == l->cap)
        l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = (struct word_doc){d, named};
}

/* A mention's span, and whether a gazetteer knows its name. */
struct mspan {
    struct span span;
    bool known;
};

static int cmp_span_start(const void *x, const void *y)
{
    const struct mspan *p = x, *q = y;
    return (p->span.start > q->span.start) - (p->span.start < q->span.start);
}

/* The spans of doc's mentions, sorted by start: words inside them are
 * already counted as entities. *n gets their number. */
static struct mspan *mention_spans(const struct doc *doc, size_t *n)
{
    struct mspan *v = xmalloc((doc->nmentions + 1) * sizeof *v);
    bool sorted = true;
    for (size_t i = 0; i < doc->nmentions; i++) {
        v[i] = (struct mspan){doc->mentions[i].span,
                              doc->mentions[i].canonical != NULL};
        sorted = sorted && (i == 0 || v[i - 1].span.start <= v[i].span.start);
    }
    /* The tagger mostly gives them in order already; a merge sort (glibc
     * qsort) leaves ordered input as it is, so skipping it changes
     * nothing. */
    if (!sorted)
        qsort(v, doc->nmentions, sizeof *v, cmp_span_start);
    *n = doc->nmentions;
    return v;
}

/* The capital-word scan of one document: where it is, and what it
 * knows of the token before. */
struct cap_scan {
    const struct linker *lk;
    const char *text;
    const struct mspan *ms;
    size_t nm, m; /* ms[m] is the first mention that may cover a token */
    unsigned d;
    struct word_docs *w;
};

/* Step cs->m past the mentions that end before a token starting at
 * start. Tokens come in text order, and m stops at the first mention
 * ending after start: stepping at only some tokens, then at a later one,
 * gives the same m as stepping at each. */
static void skip_mentions(struct cap_scan *cs, size_t start)
{
    while (cs->m < cs->nm && cs->ms[cs->m].span.end <= start)
        cs->m++;
}

/* A capitalised word in the middle of its sentence: record it unless a
 * mention of a known name covers it or plain holds it. */
static void capital_word(struct cap_scan *cs, size_t start, size_t end)
{
    skip_mentions(cs, start);
    /* ms is sorted by start; a covering mention starts first */
    bool covered = false, known = false;
    for (size_t j = cs->m; j < cs->nm && cs->ms[j].span.start <= start; j++)
        if (cs->ms[j].span.end >= end) {
            covered = true;
            known = known || cs->ms[j].known;
        }
    const char *word = cs->text + start;
    size_t len = end - start;
    if (known || scan_map_get(cs->lk->plain, word, len) >= 0)
        return;
    int id = scan_map_put(cs->w->ids, word, len);
    if (id >= 0)
        word_docs_add(cs->w, id, cs->d, covered, word, len);
}

/* Add word[0..len), a lower-case word with room to read words beyond
 * its start, to w->lower unless it was just added. A word token holds
 * no NUL byte. */
static void lower_word(struct word_docs *w, const char *word, size_t len,
                       size_t room)
{
    if (len <= RECENT_SHORT_MAX && room >= 8) {
        if (!recent_short_seen(w->recent_short, recent_short_key(word, len)))
            (void)scan_map_put(w->lower, word, len);
        return;
    }
    if (!recent_seen(w->recent, wordfilter_hash(word, len), word,
                     (uint32_t)len))
        (void)scan_map_put(w->lower, word, len);
}

/* Record in w the capitalised words of doc d's running text (sentences
 * that are not boilerplate, headlines or captions, whose capitals are
 * style, not names) that no mention covers and plain does not hold, and
 * the words it writes in lower case anywhere but in boilerplate. A word
 * is capitalised in the middle of its sentence when it is not the first
 * token and the token before is not punctuation other than a comma (an
 * opening quote, a colon, a dash, a bracket): after those a capital may
 * only mean that a sentence starts. */
static void scan_capitals(const struct linker *lk, const struct doc *doc,
                          unsigned d, struct word_docs *w)
{
    size_t nm;
    struct mspan *ms = mention_spans(doc, &nm);
    struct cap_scan cs = {lk, doc->text, ms, nm, 0, d, w};
    for (size_t s = 0; s < doc->nsents; s++) {
        const struct sentence *se = &doc->sents[s];
        if (se->flags & (SENT_BOILERPLATE | SENT_HEADLINE | SENT_CAPTION))
            continue;
        struct scan_tok tk;
        bool mid = false, any = false;
        size_t last = 0, p = se->span.start;
        while (scan_next(doc->text, &p, se->span.end, &tk)) {
            const char *word = doc->text + tk.start;
            size_t len = tk.end - tk.start;
            any = true;
            last = tk.start;
            if (tk.kind == SCAN_PUNCT) {
                mid = len == 1 && *word == ',';
                continue;
            }
            bool prev_mid = mid;
            mid = true;
            if (tk.kind != SCAN_WORD || len < STORY_CAPITAL_MIN)
                continue;
            /* only a word as long as a candidate is ever looked up */
            if (*word >= 'a' && *word <= 'z') {
                lower_word(w, word, len, se->span.end - tk.start);
            } else if ((tk.flags & SCANF_CAP) && prev_mid) {
                capital_word(&cs, tk.start, tk.end);
            }
        }
        /* as if the mentions were stepped past at every token */
        if (any)
            skip_mentions(&cs, last);
    }
    free(ms);
}

/* Names no gazetteer knows ("Velmora", invented for this comment) are
 * often tagged in one document and missed in the next, or not tagged at
 * all; yet the documents of one story repeat them. So the capitalised
 * words of running text that no mention covers weigh and pair like
 * entities, at STORY_CAPITAL_SHARE of an entity's weight. */
static void add_capital_pairs(const struct linker *lk, const struct corpus *c,
                              struct docpair_set *pairs, double *weight)
{
    size_t nd = c->ndocs;
    struct word_docs w = {.ids = scan_map_new(), .lower = scan_map_new(),
                          .recent = xcalloc(1, sizeof *w.recent),
                          .recent_short = xcalloc(1, sizeof *w.recent_short)};
    for (size_t d = 0; d < nd; d++)
        scan_capitals(lk, c->docs[d], (unsigned)d, &w);
    for (size_t t = 0; t < w.n; t++) {
        const struct word_doc_list *l = &w.lists[t];
        double x = STORY_CAPITAL_SHARE * log(1.0 + (double)nd / (double)l->n);
        /* A word the corpus also writes in lower case is a common word
         * capitalised ("Best", "Guide"), not a name; a word of one
         * document pairs nothing, and counting it would only dilute
         * what its document shares with the others. */
        bool common = scan_map_get(w.lower, l->word, l->len) >= 0;
        /* a name tagged wherever it occurs is the entities' business */
        bool missed = false;
        for (size_t i = 0; i < l->n; i++)
            missed = missed || !l->v[i].named;
        common = common || !missed;
        for (size_t i = 0; l->n > 1 && !common && i < l->n; i++)
            weight[l->v[i].doc] += x;
        /* a word feature: two mentions of it are already one entity's
         * pair, so two named documents share nothing through it */
        if (!common && l->n <= STORY_DF_CAP) {
            docpair_feature(pairs, x, true);
            for (size_t i = 0; i < l->n; i++)
                docpair_add(pairs, l->v[i].doc, l->v[i].named);
        }
        free(l->v);
    }
    free(w.lists);
    scan_map_free(w.ids);
    scan_map_free(w.lower);
    free(w.recent);
    free(w.recent_short);
}

/* The weight of the one capitalised word two documents share when they
 * share nothing else; 0 otherwise. One such word ("Bay", "Hollis") is a
 * coincidence as often as a story; two, or one beside a shared name,
 * are not. */
static double lone_word_weight(const struct docpair_sum *sum)
{
    return sum->n == 1 && sum->first_word ? sum->first_w : 0;
}

/* docpair_each's callback: one pair's similarity into both adjacency
 * lists, in the order of (a, b) that the sorted pair list gave. */
struct sim_ctx {
    struct stories *st;
    const double *weight;
};

static void add_similarity(void *ctx, unsigned a, unsigned b,
                           const struct docpair_sum *sum)
{
    struct sim_ctx *x = ctx;
    double shared = sum->shared;
    shared -= lone_word_weight(sum);
    double sim = shared / sqrt(x->weight[a] * x->weight[b]);
    adj_add(&x->st->adj[a], b, sim);
    adj_add(&x->st->adj[b], a, sim);
}

/* Set doc->story by average-linkage clustering of the documents on the
 * entities they share, each weighted by its rarity (log(1 + N/df)): two
 * documents' similarity is the weight they share over the geometric
 * mean of their weights, and two groups join while their mean pairwise
 * similarity reaches STORY_MIN_SIM. "Russia" and "Syria" weigh little;
 * "Il-20" and its crew's commander weigh much. Average, not single,
 * linkage: one document that talks of two stories does not glue them;
 * and two groups much tighter inside than between (STORY_COHESION) stay
 * apart even in a small corpus, where rarity weighs little.
 * A document left alone then joins the story of the document it is most
 * like on average (STORY_ATTACH_SIM). Entities named in very
 * many documents make no pairs, which keeps the pairs linear in
 * practice; stories stay within STORY_MAX_DAYS of explicit dates. */
static void link_stories(const struct linker *lk, struct corpus *c)
{
    size_t nd = c->ndocs;
    struct stories st = {0};
    st.uf = xmalloc((nd + 1) * sizeof *st.uf);
    st.size = xmalloc((nd + 1) * sizeof *st.size);
    st.inner = xcalloc(nd + 1, sizeof *st.inner);
    st.lo = xmalloc((nd + 1) * sizeof *st.lo);
    st.hi = xmalloc((nd + 1) * sizeof *st.hi);
    st.adj = xcalloc(nd + 1, sizeof *st.adj);
    adj_scratch_init(&st.scratch, nd);
    double *weight = xcalloc(nd + 1, sizeof *weight);
    for (size_t i = 0; i < nd; i++) {
        st.uf[i] = (unsigned)i;
        st.size[i] = 1;
        st.lo[i] = st.hi[i] = center_day(c->docs[i]);
    }
    struct docpair_set *pairs = docpair_new(nd);
    unsigned *docs = xmalloc((nd + 1) * sizeof *docs);
    for (size_t e = 0; e < c->nentities; e++) {
        const struct entity *en = &c->entities[e];
        size_t df = 0;
        for (size_t k = 0; k < en->nmentions; k++) {
            unsigned d = en->mentions[k].doc;
            if (!df || docs[df - 1] != d)
                docs[df++] = d;
        }
        double w = log(1.0 + (double)nd / (double)(df ? df : 1));
        for (size_t i = 0; i < df; i++)
            weight[docs[i]] += w;
        if (df <= STORY_DF_CAP) {
            docpair_feature(pairs, w, false);
            for (size_t i = 0; i < df; i++)
                docpair_add(pairs, docs[i], false);
        }
    }
    add_thing_pairs(c, pairs, weight);
    add_capital_pairs(lk, c, pairs, weight);
    free(docs);
    /* Each pair's similarity, once every weight is known. */
    struct sim_ctx sx = {&st, weight};
    docpair_each(pairs, add_similarity, &sx);
    docpair_free(pairs);
    free(weight);
    /* docpair_each gives each list its pairs in document order: nearly
     * every list starts out settled. */
    for (size_t i = 0; i < nd; i++) {
        if (!adj_settled(&st.adj[i], st.uf, (unsigned)i))
            adj_settle(&st.adj[i], st.uf, &st.scratch, (unsigned)i);
        push_candidates(&st, (unsigned)i);
    }
    while (st.heap.n) {
        struct cand k = heap_pop(&st.heap);
        if (k.avg < STORY_MIN_SIM)
            break;
        if (uf_find(st.uf, k.a) != k.a || uf_find(st.uf, k.b) != k.b ||
            st.size[k.a] != k.na || st.size[k.b] != k.nb)
            continue; /* stale: a fresher candidate was pushed */
        /* Two groups each much tighter than they are to each other are
         * two stories of one region, whatever the absolute figure. */
        double ca = cohesion(&st, k.a), cb = cohesion(&st, k.b);
        double tight = ca < 0 ? cb : cb < 0 ? ca : ca < cb ? ca : cb;
        if (tight >= 0 && k.avg < STORY_COHESION * tight)
            continue;
        long l2, h2;
        if (!too_long(&st, k.a, k.b, &l2, &h2))
            merge_stories(&st, k.a, k.b, k.avg * k.na * k.nb, l2, h2);
    }
    attach_singletons(&st, nd);
    for (size_t i = 0; i < nd; i++)
        c->docs[i]->story = uf_find(st.uf, (unsigned)i);
    for (size_t i = 0; i < nd; i++)
        free(st.adj[i].v);
    free(st.adj);
    adj_scratch_free(&st.scratch);
    free(st.heap.v);
    free(st.lo);
    free(st.hi);
    free(st.size);
    free(st.inner);
    free(st.uf);
}

void link_run(const struct linker *lk, struct corpus *c)
{
    size_t *base = xcalloc(c->ndocs + 1, sizeof *base);
    size_t n;
    struct loc *l = collect(c, &n, base);
    join_names(l, n);
    join_qualified(l, n);
    join_truncated(l, n);
    join_persons(l, n);

    /* entity index of each root, in order of first mention */
    size_t *ent = xmalloc((n + 1) * sizeof *ent);
    struct draft *drafts = NULL;
    size_t capdrafts = 0;
    for (size_t i = 0; i < n; i++)
        ent[i] = (size_t)-1;
    c->nentities = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        struct doc *doc = c->docs[d];
        for (size_t i = 0; i < doc->nmentions; i++) {
            struct mention *m = &doc->mentions[i];
            if (m->local < 0)
                continue;
            size_t r = find(l, base[d] + (size_t)m->local);
            if (ent[r] == (size_t)-1) {
                if (c->nentities == c->capentities)
                    c->entities = xgrow(c->entities, &c->capentities,
                                        c->nentities + 1, sizeof *c->entities);
                if (c->nentities == capdrafts)
                    drafts = xgrow(drafts, &capdrafts, c->nentities + 1,
                                   sizeof *drafts);
                struct entity *e = &c->entities[c->nentities];
                memset(e, 0, sizeof *e);
                memset(&drafts[c->nentities], 0, sizeof *drafts);
                e->type = l[r].type;
                /* a gazetteer's name is the canonical form */
                if (l[r].canonical && e->type != ENT_PERSON)
                    e->name = arena_strdup(c->arena, l[r].canonical);
                ent[r] = c->nentities++;
            }
            add_mention(c, &drafts[ent[r]], (unsigned)d, (unsigned)i);
            m->entity = (unsigned)ent[r] + 1;
        }
    }
    for (size_t i = 0; i < c->nentities; i++)
        finish(c, &drafts[i], &c->entities[i]);
    free(drafts);
    free(ent);
    free(l);
    free(base);
    link_stories(lk, c);
}
