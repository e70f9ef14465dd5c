/* rxhint.c - what a pattern's text promises about its matches (see
 * rxhint.h).
 *
 * A recursive descent over the pattern computes, for every fragment, the
 * bytes a non-empty match of it may begin with, whether it may match the
 * empty string, the finite set of strings it matches when that set is
 * small, and a set of strings one of which every match contains (its
 * "factors"). Everything is an over-approximation of what PCRE2 accepts:
 * with PCRE2_UCP any class escape may match any non-ASCII character, so
 * those add every UTF-8 lead byte.
 */
#include "rxhint.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h> /* the pair search, sixteen bytes a step */
#endif

/* Deepest group nesting analysed; deeper patterns get no hint. */
#define MAX_DEPTH 8
/* Factors shorter than this are too common to be worth a search. */
#define MIN_FACTOR_LEN 2
/* Most bytes one character takes in UTF-8: what any single-character atom
 * (a literal, a class, '.', a class escape) may consume, caseless or not. */
#define CHAR_MAX_BYTES 4

struct strset {
    bool ok; /* false: unknown (too many or too long strings) */
    size_t n;
    char s[RXHINT_MAX_FACTORS][RXHINT_MAX_FACTOR_LEN];
    size_t len[RXHINT_MAX_FACTORS];
};

struct frag {
    unsigned char first[256]; /* bytes a non-empty match may begin with */
    bool nullable;            /* may match the empty string */
    bool finite;              /* lits holds every string it matches */
    struct strset lits;
    struct strset req; /* every match contains one; quality 0: none */
    /* Most bytes a match consumes (RXHINT_UNBOUNDED: no limit known). */
    size_t maxlen;
    /* Every match contains a string of req starting at most req_lead bytes
     * after the match's start (RXHINT_UNBOUNDED: no limit known). */
    size_t req_lead;
    bool newline; /* a match may consume a '\n' */
};

struct parser {
    const unsigned char *p;
    bool bad; /* outside the understood subset: no hint */
    bool caseless;
    int depth;
};

/* ---- byte counts ------------------------------------------------------ */

/* a + b, or RXHINT_UNBOUNDED when either is or the sum overflows. */
static size_t add_len(size_t a, size_t b)
{
    if (a == RXHINT_UNBOUNDED || b == RXHINT_UNBOUNDED ||
        b > RXHINT_UNBOUNDED - 1 - a)
        return RXHINT_UNBOUNDED;
    return a + b;
}

/* a * k, or RXHINT_UNBOUNDED when a is or the product overflows. */
static size_t mul_len(size_t a, unsigned long k)
{
    if (a == RXHINT_UNBOUNDED || (k && a > (RXHINT_UNBOUNDED - 1) / k))
        return RXHINT_UNBOUNDED;
    return a * k;
}

static size_t max_len(size_t a, size_t b)
{
    return a > b ? a : b;
}

/* ---- string sets ------------------------------------------------------ */

static void set_none(struct strset *s)
{
    s->ok = false;
    s->n = 0;
}

static void set_one(struct strset *s, const unsigned char *b, size_t n)
{
    set_none(s);
    if (n > RXHINT_MAX_FACTOR_LEN)
        return;
    s->ok = true;
    s->n = 1;
    memcpy(s->s[0], b, n);
    s->len[0] = n;
}

static bool set_has(const struct strset *s, const char *b, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->len[i] == n && memcmp(s->s[i], b, n) == 0)
            return true;
    return false;
}

static void set_add(struct strset *s, const char *b, size_t n)
{
    if (!s->ok || set_has(s, b, n))
        return;
    if (s->n == RXHINT_MAX_FACTORS || n > RXHINT_MAX_FACTOR_LEN) {
        set_none(s);
        return;
    }
    memcpy(s->s[s->n], b, n);
    s->len[s->n++] = n;
}

/* dst |= src */
static void set_union(struct strset *dst, const struct strset *src)
{
    if (!src->ok) {
        set_none(dst);
        return;
    }
    for (size_t i = 0; i < src->n && dst->ok; i++)
        set_add(dst, src->s[i], src->len[i]);
}

/* out = every a followed by every b (out may not alias a or b) */
static void set_cross(struct strset *out, const struct strset *a,
                      const struct strset *b)
{
    char cat[2 * RXHINT_MAX_FACTOR_LEN];
    out->ok = a->ok && b->ok;
    out->n = 0;
    for (size_t i = 0; i < a->n && out->ok; i++)
        for (size_t j = 0; j < b->n && out->ok; j++) {
            memcpy(cat, a->s[i], a->len[i]);
            memcpy(cat + a->len[i], b->s[j], b->len[j]);
            set_add(out, cat, a->len[i] + b->len[j]);
        }
}

/* How much a factor set narrows the search: its shortest string's
 * length, 0 when unusable. */
static size_t quality(const struct strset *s)
{
    if (!s->ok || s->n == 0)
        return 0;
    size_t q = s->len[0];
    for (size_t i = 1; i < s->n; i++)
        if (s->len[i] < q)
            q = s->len[i];
    return q;
}

/* Keep the better of best and cand in best, and the lead (see struct
 * frag) of the one kept in *best_lead. */
static void consider(struct strset *best, size_t *best_lead,
                     const struct strset *cand, size_t cand_lead)
{
    size_t qb = quality(best), qc = quality(cand);
    if (qc > qb || (qc == qb && qc > 0 && cand->n < best->n)) {
        *best = *cand;
        *best_lead = cand_lead;
    }
}

/* ---- fragments -------------------------------------------------------- */

static void frag_init(struct frag *f)
{
    memset(f->first, 0, sizeof f->first);
    f->nullable = false;
    f->finite = false;
    set_none(&f->lits);
    set_none(&f->req);
    f->maxlen = CHAR_MAX_BYTES; /* the atoms that start here: one character */
    f->req_lead = RXHINT_UNBOUNDED;
    f->newline = false;
}

/* Assertions (\b, ^, lookaround) consume nothing. */
static void frag_zero_width(struct frag *f)
{
    frag_init(f);
    f->nullable = true;
    f->finite = true;
    set_one(&f->lits, (const unsigned char *)"", 0);
    f->maxlen = 0;
}

/* Every UTF-8 lead byte (and the bytes valid text never has): where a
 * non-ASCII character may begin. Never a continuation byte. */
static void add_non_ascii(unsigned char *set)
{
    memset(set + 0xC0, 1, 0x40);
}

static void add_range(unsigned char *set, unsigned lo, unsigned hi)
{
    for (unsigned c = lo; c <= hi; c++)
        set[c] = 1;
}

static void add_any(unsigned char *set)
{
    add_range(set, 0, 0x7F);
    add_non_ascii(set);
}

/* Length of the UTF-8 character at p (1 for ASCII and stray bytes). */
static size_t char_len(const unsigned char *p)
{
    size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return i;
    return n;
}

/* Under PCRE2_CASELESS | PCRE2_UCP a letter also matches its other case,
 * and k and s match characters past ASCII (KELVIN SIGN, LONG S), as a
 * character past ASCII may match ASCII ones: widen set accordingly. */
static void add_other_cases(unsigned char *set)
{
    for (unsigned b = 0xC0; b <= 0xFF; b++)
        if (set[b]) {
            add_any(set); /* its other case may be anything */
            return;
        }
    for (unsigned c = 'a'; c <= 'z'; c++)
        if (set[c] || set[c - 32])
            set[c] = set[c - 32] = 1;
    if (set['k'] || set['s'])
        add_non_ascii(set);
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* The first bytes of the class escape \e (d, w, s, and their negations
 * and relatives). False if e is none. */
static bool class_escape(unsigned char e, unsigned char *set)
{
    switch (e) {
    case 'd':
        add_range(set, '0', '9');
        add_non_ascii(set);
        return true;
    case 'w':
        add_range(set, '0', '9');
        add_range(set, 'a', 'z');
        add_range(set, 'A', 'Z');
        set['_'] = 1;
        add_non_ascii(set);
        return true;
    case 's':
        add_range(set, '\t', '\r');
        set[' '] = 1;
        add_non_ascii(set);
        return true;
    case 'D': case 'W': case 'S': case 'h': case 'H': case 'v': case 'V':
        add_any(set);
        return true;
    default:
        return false;
    }
}

/* The byte a simple escape \e stands for, or -1. */
static int literal_escape(unsigned char e)
{
    if (e == 'n')
        return '\n';
    if (e == 't')
        return '\t';
    if (e == 'r')
        return '\r';
    if (e < 0x80 && !is_alnum(e))
        return e;
    return -1;
}

/* ---- parser ----------------------------------------------------------- */

static void parse_alt(struct parser *ps, struct frag *out);

/* Most members of a class that still counts as a few literal strings:
 * "[Uu]nit" is then the factors "Unit" and "unit", longer than "nit". */
#define MAX_CLASS_LITS 4

/* A class of at most MAX_CLASS_LITS ASCII bytes (and nothing that may
 * match past ASCII) matches exactly those one-byte strings. Not for
 * caseless classes, whose other cases are not all ASCII. */
static void small_class_lits(struct frag *x)
{
    size_t n = 0;
    for (unsigned b = 0; b < 256; b++)
        if (x->first[b] && (b >= 0x80 || ++n > MAX_CLASS_LITS))
            return;
    set_none(&x->lits);
    x->lits.ok = true;
    for (unsigned b = 0; b < 0x80; b++)
        if (x->first[b]) {
            char c = (char)b;
            set_add(&x->lits, &c, 1);
        }
    x->finite = true;
}

/* [...] at ps->p. */
static void parse_class(struct parser *ps, struct frag *x)
{
    const unsigned char *p = ps->p + 1;
    bool negated = *p == '^';
    frag_init(x);
    if (negated)
        p++;
    if (*p == ']') { /* a leading ']' is a member */
        x->first[']'] = 1;
        p++;
    }
    while (*p != ']') {
        int lit;
        if (*p == '\0' || (*p == '[' && (p[1] == ':' || p[1] == '=' ||
                                         p[1] == '.'))) {
            ps->bad = true;
            return;
        }
        if (*p == '\\') {
            if (class_escape(p[1], x->first)) {
                p += 2;
                if (*p == '-' && p[1] != ']') {
                    ps->bad = true; /* a range from a class */
                    return;
                }
                continue;
            }
            lit = literal_escape(p[1]);
            if (lit < 0) {
                ps->bad = true;
                return;
            }
            p += 2;
        } else if (*p >= 0x80) {
            x->first[*p] = 1;
            p += char_len(p);
            if (*p == '-' && p[1] != ']') {
                ps->bad = true; /* a range of non-ASCII characters */
                return;
            }
            continue;
        } else {
            lit = *p++;
        }
        if (*p == '-' && p[1] != ']' && p[1] != '\0') {
            unsigned char hi = p[1];
            if (hi == '\\' || hi == '[' || hi >= 0x80 || hi < (unsigned)lit) {
                ps->bad = true;
                return;
            }
            add_range(x->first, (unsigned)lit, hi);
            p += 2;
        } else {
            x->first[lit] = 1;
        }
    }
    ps->p = p + 1;
    if (negated) {
        memset(x->first, 0, sizeof x->first);
        add_any(x->first);
    }
    if (ps->caseless)
        add_other_cases(x->first);
    else
        small_class_lits(x);
}

/* (...) at ps->p: a group or a lookaround. */
static void parse_group(struct parser *ps, struct frag *x)
{
    const unsigned char *p = ps->p + 1;
    bool zero = false;
    if (*p == '?') {
        if (p[1] == ':') {
            p += 2;
        } else if (p[1] == '=' || p[1] == '!') {
            zero = true;
            p += 2;
        } else if (p[1] == '<' && (p[2] == '=' || p[2] == '!')) {
            zero = true;
            p += 3;
        } else if (p[1] == '<' || p[1] == '\'' || (p[1] == 'P' && p[2] == '<')) {
            p += p[1] == 'P' ? 3 : 2;
            while (is_alnum(*p) || *p == '_')
                p++;
            if (*p != '>' && *p != '\'') {
                ps->bad = true;
                return;
            }
            p++;
        } else {
            ps->bad = true; /* options, atomic groups, conditions, ... */
            return;
        }
    } else if (*p == '*') {
        ps->bad = true; /* backtracking verbs change how a search moves */
        return;
    }
    if (ps->depth >= MAX_DEPTH) {
        ps->bad = true;
        return;
    }
    ps->p = p;
    ps->depth++;
    parse_alt(ps, x);
    ps->depth--;
    if (ps->bad || *ps->p != ')') {
        ps->bad = true;
        return;
    }
    ps->p++;
    if (zero)
        frag_zero_width(x);
}

/* One atom at ps->p (parse_atom adds the newline flag). */
static void parse_single(struct parser *ps, struct frag *x)
{
    const unsigned char *p = ps->p;
    frag_init(x);
    switch (*p) {
    case '(':
        parse_group(ps, x);
        return;
    case '[':
        parse_class(ps, x);
        return;
    case '.':
        add_any(x->first);
        ps->p++;
        return;
    case '^':
    case '$':
        frag_zero_width(x);
        ps->p++;
        return;
    case '*':
    case '+':
    case '?':
    case '{':
        ps->bad = true;
        return;
    case '\\': {
        int lit;
        if (p[1] == 'b' || p[1] == 'B' || p[1] == 'A' || p[1] == 'z' ||
            p[1] == 'Z') {
            frag_zero_width(x);
        } else if (class_escape(p[1], x->first)) {
            /* first set filled */
        } else if ((lit = literal_escape(p[1])) >= 0) {
            unsigned char b = (unsigned char)lit;
            x->first[b] = 1;
            x->finite = true;
            set_one(&x->lits, &b, 1);
            if (ps->caseless)
                add_other_cases(x->first);
        } else {
            ps->bad = true; /* \G, \K, \Q, \x, \p, back references, ... */
            return;
        }
        ps->p += 2;
        return;
    }
    default: {
        size_t n = char_len(p);
        x->first[*p] = 1;
        x->finite = true;
        set_one(&x->lits, p, n);
        if (ps->caseless)
            add_other_cases(x->first);
        ps->p += n;
        return;
    }
    }
}

/* One atom at ps->p. A group's newline flag comes from its items; any
 * other atom consumes one character, which may be a '\n' if its first
 * byte may be (a character past ASCII never holds that byte). */
static void parse_atom(struct parser *ps, struct frag *x)
{
    bool group = *ps->p == '(';
    parse_single(ps, x);
    if (!group)
        x->newline = x->first['\n'] != 0;
}

static bool parse_count(const unsigned char **pp, unsigned long *v)
{
    const unsigned char *p = *pp;
    if (*p < '0' || *p > '9')
        return false;
    *v = 0;
    while (*p >= '0' && *p <= '9' && *v < 100000)
        *v = *v * 10 + (unsigned long)(*p++ - '0');
    *pp = p;
    return true;
}

/* An atom and its quantifier. */
static void parse_item(struct parser *ps, struct frag *x)
{
    unsigned long min = 1, max = 1;
    bool unbounded = false; /* no upper count: max says only "more than 1" */
    parse_atom(ps, x);
    if (ps->bad)
        return;
    const unsigned char *p = ps->p;
    if (*p == '?' || *p == '*' || *p == '+') {
        min = *p == '+';
        max = *p == '?' ? 1 : 2; /* 2: "more than one" is all that matters */
        unbounded = *p != '?';
        p++;
    } else if (*p == '{') {
        p++;
        if (!parse_count(&p, &min)) {
            ps->bad = true;
            return;
        }
        max = min;
        if (*p == ',') {
            p++;
            max = 2 + min;
            unbounded = *p == '}';
            if (*p != '}' && !parse_count(&p, &max)) {
                ps->bad = true;
                return;
            }
        }
        if (*p != '}') {
            ps->bad = true;
            return;
        }
        p++;
    } else {
        return;
    }
    if (*p == '?' || *p == '+')
        p++; /* lazy or possessive: the same strings */
    ps->p = p;
    /* A match of the repetition starts with one of x, so x's factor
     * keeps its lead; one of x's own strings would lead with 0. */
    x->maxlen = unbounded ? RXHINT_UNBOUNDED : mul_len(x->maxlen, max);
    if (min == 0) {
        x->nullable = true;
        x->finite = false;
        set_none(&x->req);
        x->req_lead = RXHINT_UNBOUNDED;
    } else if (min != 1 || max != 1) {
        if (x->finite)
            consider(&x->req, &x->req_lead, &x->lits, 0);
        x->finite = false;
    }
}

/* Items up to '|', ')' or the end. */
static void parse_seq(struct parser *ps, struct frag *out)
{
    struct frag x;
    struct strset run, tmp;
    /* at: most bytes the items so far consume, i.e. the latest offset in
     * a match at which the next item starts; run_at: that of the run's
     * first item. */
    size_t at = 0, run_at = 0;
    frag_zero_width(out); /* the empty sequence */
    run = out->lits;
    while (!ps->bad && *ps->p && *ps->p != '|' && *ps->p != ')') {
        parse_item(ps, &x);
        if (ps->bad)
            return;
        if (out->nullable)
            for (size_t b = 0; b < 256; b++)
                out->first[b] |= x.first[b];
        out->nullable = out->nullable && x.nullable;
        out->newline = out->newline || x.newline;
        if (out->finite && x.finite) {
            set_cross(&tmp, &out->lits, &x.lits);
            out->finite = tmp.ok;
            if (tmp.ok)
                out->lits = tmp;
        } else {
            out->finite = false;
        }
        /* consecutive fixed strings join into one longer factor */
        if (x.finite) {
            set_cross(&tmp, &run, &x.lits);
            if (!tmp.ok) {
                consider(&out->req, &out->req_lead, &run, run_at);
                tmp = x.lits;
                run_at = at;
            }
            run = tmp;
        } else {
            consider(&out->req, &out->req_lead, &run, run_at);
            set_one(&run, (const unsigned char *)"", 0);
            run_at = add_len(at, x.maxlen);
        }
        consider(&out->req, &out->req_lead, &x.req, add_len(at, x.req_lead));
        at = add_len(at, x.maxlen);
    }
    consider(&out->req, &out->req_lead, &run, run_at);
    out->maxlen = at;
}

/* Alternatives separated by '|' up to ')' or the end. */
static void parse_alt(struct parser *ps, struct frag *out)
{
    struct frag alt;
    parse_seq(ps, out);
    while (!ps->bad && *ps->p == '|') {
        ps->p++;
        parse_seq(ps, &alt);
        if (ps->bad)
            return;
        for (size_t b = 0; b < 256; b++)
            out->first[b] |= alt.first[b];
        out->nullable = out->nullable || alt.nullable;
        out->newline = out->newline || alt.newline;
        out->maxlen = max_len(out->maxlen, alt.maxlen);
        if (out->finite && alt.finite)
            set_union(&out->lits, &alt.lits);
        out->finite = out->finite && alt.finite && out->lits.ok;
        /* every match contains a factor of whichever branch matched */
        if (quality(&out->req) && quality(&alt.req)) {
            set_union(&out->req, &alt.req);
            out->req_lead = max_len(out->req_lead, alt.req_lead);
        } else {
            set_none(&out->req);
            out->req_lead = RXHINT_UNBOUNDED;
        }
    }
}

/* ---- the hint -------------------------------------------------------- */

/* How common byte b is in running text (English news, HTML stripped),
 * roughly in occurrences per thousand bytes. Only the speed of the
 * factor search depends on these figures: a memchr pass for a byte stops
 * at each of its occurrences, so each factor is searched by its rarest
 * byte. */
static unsigned byte_freq(unsigned char b)
{
    /* lower-case letters, most common first, with their rough rates */
    static const char order[] = "etaonisrhldcumfpgwybvkxjqz";
    static const unsigned char rate[] = {95, 68, 65, 60, 57, 56, 52, 50, 40,
                                         33, 32, 23, 22, 20, 17, 15, 16, 16,
                                         14, 12, 8,  6,  2,  1,  1,  1};
    if (b >= 'a' && b <= 'z')
        return rate[strchr(order, b) - order];
    if (b == ' ')
        return 170;
    if ((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ',' ||
        b == '.' || b == '\n')
        return 4 + 6 * (b == ',' || b == '.');
    return 1;
}

/* A factor whose rarest byte is at least this common (per thousand,
 * byte_freq) is searched by a pair of adjacent bytes: a memchr pass for
 * 'l' or 'c' stops every thirty or forty bytes, and each stop costs more
 * than reading a block of sixteen for the pair. */
#define PAIR_MIN_FREQ 14

/* The offset of factor k's adjacent pair of bytes least likely together
 * (the product of their rates). Of equally rare pairs the first is
 * taken, so the factor holds its pair nowhere before (see pass_next). */
static size_t rarest_pair(const struct rxhint *h, size_t k)
{
    const unsigned char *f = (const unsigned char *)h->factor[k];
    size_t best = 0;
    unsigned best_rate = byte_freq(f[0]) * byte_freq(f[1]);
    for (size_t i = 1; i + 1 < h->factor_len[k]; i++) {
        unsigned rate = byte_freq(f[i]) * byte_freq(f[i + 1]);
        if (rate < best_rate) {
            best = i;
            best_rate = rate;
        }
    }
    return best;
}

/* Pick each factor's rarest byte (or pair of bytes, PAIR_MIN_FREQ) and
 * group the factors by it. Of equally rare bytes the first is taken, so
 * no factor has its pass's byte before factor_rare[k] (see pass_next). */
static void plan_rare(struct rxhint *h)
{
    h->nrare = 0;
    for (size_t k = 0; k < h->nfactors; k++) {
        size_t best = 0;
        for (size_t i = 1; i < h->factor_len[k]; i++)
            if (byte_freq((unsigned char)h->factor[k][i]) <
                byte_freq((unsigned char)h->factor[k][best]))
                best = i;
        bool pair = h->factor_len[k] >= 2 &&
                    byte_freq((unsigned char)h->factor[k][best]) >=
                        PAIR_MIN_FREQ;
        if (pair)
            best = rarest_pair(h, k);
        h->factor_rare[k] = (unsigned char)best;
        unsigned char b = (unsigned char)h->factor[k][best];
        unsigned char next = pair ? (unsigned char)h->factor[k][best + 1] : 0;
        size_t g = 0;
        while (g < h->nrare &&
               !(h->rare_byte[g] == b && h->rare_pair[g] == pair &&
                 h->rare_next[g] == next))
            g++;
        if (g == h->nrare) {
            h->nrare++;
            h->rare_byte[g] = b;
            h->rare_pair[g] = pair;
            h->rare_next[g] = next;
            h->rare_n[g] = 0;
        }
        h->rare_list[g][h->rare_n[g]++] = (unsigned char)k;
    }
}

void rxhint_analyse(const char *pattern, bool caseless, struct rxhint *h)
{
    struct parser ps = {(const unsigned char *)pattern, false, caseless, 0};
    struct frag f;
    memset(h, 0, sizeof *h);
    h->factor_lead = RXHINT_UNBOUNDED;
    if (strncmp(pattern, "(?i)", 4) == 0) { /* the one inline option read */
        ps.caseless = true;
        ps.p += 4;
    }
    parse_alt(&ps, &f);
    if (ps.bad || *ps.p != '\0')
        return;
    h->no_newline = !f.newline;
    if (!f.nullable) {
        h->has_start = true;
        memcpy(h->start, f.first, sizeof h->start);
    }
    /* caseless factors would need Unicode case folding to search for */
    if (!ps.caseless && quality(&f.req) >= MIN_FACTOR_LEN) {
        h->nfactors = f.req.n;
        for (size_t i = 0; i < f.req.n; i++) {
            memcpy(h->factor[i], f.req.s[i], f.req.len[i]);
            h->factor_len[i] = f.req.len[i];
        }
        h->factor_lead = f.req_lead;
        plan_rare(h);
    }
}

/* ---- searching for factors ------------------------------------------ */

/* Does factor k start at s[i], whole inside s[0..n)? Its first and
 * last bytes are compared inline: most candidates fail there. */
static bool factor_at(const struct rxhint *h, size_t k, const char *s,
                      size_t n, size_t i)
{
    size_t len = h->factor_len[k];
    const char *f = h->factor[k];
    return len <= n - i && s[i] == f[0] && s[i + len - 1] == f[len - 1] &&
           memcmp(s + i + 1, f + 1, len - 1) == 0;
}

/* The first place in [p, end) where byte a is followed by byte b (the
 * pair whole inside [p, end)), or NULL. */
static const char *pair_find(const char *p, const char *end, unsigned char a,
                             unsigned char b)
{
#ifdef __SSE2__
    /* Sixteen places a step: both bytes compared in one block each. */
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    while (end - p >= 17) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(y, vb)));
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (end - p >= 2) {
        p = memchr(p, a, (size_t)(end - p - 1));
        if (!p)
            return NULL;
        if ((unsigned char)p[1] == b)
            return p;
        p++;
    }
    return NULL;
}

/* The next stop of pass g at or after p: its byte, or its pair. */
static const char *pass_stop(const struct rxhint *h, size_t g, const char *p,
                             const char *end)
{
    if (h->rare_pair[g])
        return pair_find(p, end, h->rare_byte[g], h->rare_next[g]);
    return memchr(p, h->rare_byte[g], (size_t)(end - p));
}

/* The first start at or after `from` and before `limit` of a factor of
 * pass g, or limit if none. Every factor of the pass has the pass's byte
 * (or pair) factor_rare[k] bytes after its start and none before
 * (plan_rare), so an occurrence starting at i is found at the first stop
 * at or after i that it covers: stops are met in the order of the starts
 * they give, and the first verified one is the answer. */
static size_t pass_next(const struct rxhint *h, size_t g, const char *s,
                        size_t n, size_t from, size_t limit)
{
    size_t best = limit;
    const char *p = s + from;
    const char *end = s + n;
    while (p < end) {
        p = pass_stop(h, g, p, end);
        if (!p)
            break;
        size_t at = (size_t)(p - s);
        if (at >= best)
            break;
        for (size_t i = 0; i < h->rare_n[g]; i++) {
            size_t k = h->rare_list[g][i];
            size_t off = h->factor_rare[k];
            if (at >= from + off && at - off < best &&
                factor_at(h, k, s, n, at - off))
                best = at - off;
        }
        p++;
    }
    return best;
}

bool rxhint_may_match(const struct rxhint *h, const char *s, size_t n)
{
    if (h->nfactors == 0)
        return true;
    for (size_t g = 0; g < h->nrare; g++)
        if (pass_next(h, g, s, n, 0, n) < n)
            return true;
    return false;
}

size_t rxhint_next_factor(const struct rxhint *h, const char *s, size_t n)
{
    /* Each pass ends where the first occurrence found so far starts. */
    size_t first = n;
    for (size_t g = 0; g < h->nrare && first > 0; g++)
        first = pass_next(h, g, s, n, 0, first);
    return first;
}

void rxhint_cursor_init(struct rxhint_cursor *c)
{
    for (size_t g = 0; g < RXHINT_MAX_FACTORS; g++) {
        c->from[g] = 1;
        c->at[g] = 0; /* from > at: nothing known */
    }
}

size_t rxhint_next_factor_at(const struct rxhint *h, struct rxhint_cursor *c,
                             const char *s, size_t n, size_t from)
{
    /* A pass's answer for from[g] holds for every offset up to at[g], so
     * each pass is searched to its own next hit, never cut short by the
     * others (a cut answer could not be kept). */
    size_t first = n;
    for (size_t g = 0; g < h->nrare; g++) {
        if (!(c->from[g] <= from && from <= c->at[g])) {
            c->from[g] = from;
            c->at[g] = pass_next(h, g, s, n, from, n);
        }
        if (c->at[g] < first)
            first = c->at[g];
    }
    return first;
}
