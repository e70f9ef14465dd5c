/* rxset.c - several rule patterns and the alternation that prefilters them.
 *
 * "(?n)(?:A)|(?:B)|..." matches a subject exactly when A or B or ...
 * matches it, provided each pattern means the same inside a group as on
 * its own: no group numbers (back references, recursion, conditions), no
 * option change other than (?i) (whose scope a group bounds just as the
 * pattern's end does), no verbs or \Q that could reach past the group.
 * (?n) turns the members' capturing groups into plain ones, so the
 * alternation never needs more groups than the match data holds.
 * Patterns that start with ^ go into one alternation PCRE2 sees as
 * anchored (one attempt per line); the rest into a second one.
 *
 * Most lines are prose, and even one anchored attempt costs a few thousand
 * instructions, so each anchored pattern also gets a line hint read off
 * its text: the literal prefixes one of which every match starts with
 * (compared ignoring ASCII case) and a set of bytes one of which every
 * match contains. A line no anchored pattern's hint admits skips that
 * alternation. Floating patterns, and anchored ones without a prefix,
 * get a required factor (a literal every match holds), looked for in one
 * pass; a line holding none of the floating ones skips the floating
 * alternation. Hints only ever admit more than the pattern (anything not
 * understood means "may match"), so the answers stay exact.
 */
#include "claimdiff/rxset.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/utf8.h"

/* Line hints: at most this many prefixes of at most this many bytes per
 * pattern (more: no prefix hint), for at most HINT_MAX_MEMBERS anchored
 * patterns (more: no hints at all). */
#define HINT_PREFIXES 32
#define HINT_PREFIX_LEN 8
#define HINT_MAX_MEMBERS 64
#define HINT_REQ_FEW 4

/* In a prefix: some character beyond ASCII (0xFF never occurs in UTF-8). */
#define HINT_HIGH 0xFF

struct prefix {
    unsigned char b[HINT_PREFIX_LEN]; /* ASCII letters in lower case */
    unsigned char len;
    bool open; /* what follows in the pattern may still extend it */
    /* Set by seal() once the prefix is complete, for comparing eight
     * bytes at once (byte i of each word stands for b[i]): a subject
     * word x with no byte >= 0x80 where ascii has 0x80 starts with the
     * prefix iff ((x | fold) & mask) == val. slow: b holds HINT_HIGH. */
    uint64_t val, mask, fold, ascii;
    bool slow;
};

struct pset {
    size_t n;
    struct prefix p[HINT_PREFIXES];
};

/* Bytes one of which every match of a pattern contains. */
struct bset {
    bool in[256];
    size_t n;
};

/* What a line must look like for one anchored pattern to match it. */
struct hint {
    struct pset pre;  /* n 0: no prefix known */
    bool has_req;
    struct bset req;
    /* req's bytes when there are at most HINT_REQ_FEW of them (nfew 0:
     * more), looked for with memchr: most lines hold none. */
    unsigned char few[4];
    unsigned nfew;
    /* Bit c (c ASCII, letters in lower case): some prefix admits a line
     * whose first two bytes are ASCII and the second is c. All set when
     * there are no prefixes or a prefix of one byte. */
    uint64_t second[2];
    int fac; /* without a prefix: its required factor's index, or -1 */
};

/* Required factors: a member's factor is a literal of FACTOR_MIN to
 * HINT_PREFIX_LEN bytes every match contains (a struct prefix, compared
 * as prefix_admits compares). At most FACTOR_MAX per set, one bit each of
 * the mask factors_in returns. */
#define FACTOR_MIN 4
#define FACTOR_MAX 64
#define FACTOR_RUN 64 /* the longest literal run read off a pattern */

/* A two-byte block, caseless for ASCII letters: the two bytes as one
 * 16-bit number with bit 5 of each (the case bit) set. */
#define BLOCK_BITS 16

/* Factors found in a line by one Wu-Manber pass over two-byte blocks:
 * skip[k] is how far the window of m bytes may move when block k ends it
 * (m - 1 when no factor's first m bytes hold k). */
struct fgroup {
    size_t n;
    struct prefix *fac;
    size_t m;
    unsigned char *skip;
};

/* An alternation compiled on its first run. The hints and factors decide
 * nearly every line, and the loader asks no alternation at all when every
 * member has a hint or factor, so compiling both at start-up (a third of
 * what the loader's sets cost a run) was mostly wasted. Threads share the
 * set: the first to need it compiles, a thread that loses the race frees
 * its copy; PCRE2 refusing the text (state LAZY_FAILED) means "may
 * match". */
enum { LAZY_UNTRIED, LAZY_READY, LAZY_FAILED };

struct lazy_rx {
    char *pattern; /* the alternation's text; owned */
    _Atomic(struct rules_rx *) rx;
    atomic_int state;
};

struct rxset {
    struct rules_rx **members;
    size_t n;
    bool filters;               /* the members are safe in an alternation */
    struct lazy_rx *anchored;   /* members starting with ^; or NULL */
    struct lazy_rx *floating;   /* the others; or NULL */
    /* Line hints of the anchored members (hinted: they are valid). Bit i
     * of by_first[b]: anchored member i may match a line starting with
     * byte b. */
    bool hinted;
    size_t nhints;
    struct hint *hints;
    int *hint_of; /* member -> its hint's index, or -1 (hinted only) */
    uint64_t by_first[256];
    /* Required factors (see FACTOR_MIN) of the floating members and of
     * the anchored members without a prefix, looked for in every line by
     * one scan (float_mask: the floating members' bits, valid when
     * float_fac: every floating member has a factor). A prefix rules out
     * most lines at once already; scanning for those members' factors
     * too cost more than the regex runs it saved. */
    struct fgroup facs;
    bool float_fac;
    uint64_t float_mask;
    /* For rxset_may_members, in sets of at most 64 members: each hint's
     * member as a bit (hinted only); the floating members whose factor
     * is factor k (fac_members[k]), and those without one. */
    uint64_t *hint_member;
    uint64_t fac_members[FACTOR_MAX];
    uint64_t float_free;
};

static void seal(struct prefix *p);
static bool prefix_admits(const struct prefix *p, const unsigned char *s,
                          size_t len);

/* ---- building ---------------------------------------------------------- */

/* True if p keeps its meaning as one branch of a larger alternation. Errs
 * on the side of false: a false here only costs speed. p compiled on its
 * own, so its parentheses balance. */
static bool branch_safe(const char *p)
{
    for (size_t i = 0; p[i]; i++) {
        if (p[i] == '\\') {
            char c = p[i + 1];
            /* \1 \g \k: group numbers; \Q: quoting that may not end;
             * \K \G: match-start games; \c: eats the next character. */
            if (c == '\0' || (c >= '0' && c <= '9') || strchr("gkQEKGc", c))
                return false;
            i++;
            continue;
        }
        if (p[i] != '(')
            continue;
        if (p[i + 1] == '*')
            return false; /* (*VERB), (*UTF) */
        if (p[i + 1] != '?')
            continue;
        const char *q = p + i + 2;
        if (*q == ':' || *q == '=' || *q == '!' || strncmp(q, "<=", 2) == 0 ||
            strncmp(q, "<!", 2) == 0 || strncmp(q, "i)", 2) == 0 ||
            strncmp(q, "i:", 2) == 0)
            continue;
        return false; /* named groups, (?x), (?-n), (?R), (?(, (?| ... */
    }
    return true;
}

/* Leading (?i) settings aside, does p open with ^? Only decides which
 * alternation p joins, so a wrong guess costs speed, not answers. */
static bool opens_anchored(const char *p)
{
    while (strncmp(p, "(?i)", 4) == 0)
        p += 4;
    return *p == '^';
}

/* "(?n)(?:p)|(?:q)..." of the patterns with opens_anchored == anchored;
 * NULL when there are none. Caller frees. */
static char *alternation(const char *const *patterns, size_t n, bool anchored)
{
    size_t len = 4, count = 0;
    for (size_t i = 0; i < n; i++) {
        if (opens_anchored(patterns[i]) != anchored)
            continue;
        len += strlen(patterns[i]) + 5; /* "(?:" ")" "|" */
        count++;
    }
    if (count == 0)
        return NULL;
    char *out = xmalloc(len + 1), *w = out;
    memcpy(w, "(?n)", 4);
    w += 4;
    for (size_t i = 0; i < n; i++) {
        if (opens_anchored(patterns[i]) != anchored)
            continue;
        size_t k = strlen(patterns[i]);
        if (w != out + 4)
            *w++ = '|';
        memcpy(w, "(?:", 3);
        memcpy(w + 3, patterns[i], k);
        w[3 + k] = ')';
        w += k + 4;
    }
    *w = '\0';
    return out;
}

/* The alternation of the members with opens_anchored == anchored, to be
 * compiled on first use; NULL when there are none. */
static struct lazy_rx *lazy_alternation(const char *const *patterns, size_t n,
                                        bool anchored)
{
    char *alt = alternation(patterns, n, anchored);
    if (!alt)
        return NULL;
    struct lazy_rx *l = xcalloc(1, sizeof *l);
    l->pattern = alt;
    atomic_init(&l->rx, NULL);
    atomic_init(&l->state, LAZY_UNTRIED);
    return l;
}

static void lazy_free(struct lazy_rx *l)
{
    if (!l)
        return;
    rules_rx_free(atomic_load(&l->rx));
    free(l->pattern);
    free(l);
}

/* The compiled alternation, or NULL if PCRE2 refuses it. */
static const struct rules_rx *lazy_get(struct lazy_rx *l)
{
    int state = atomic_load_explicit(&l->state, memory_order_acquire);
    if (state == LAZY_UNTRIED) {
        struct rules_rx *rx = NULL, *none = NULL;
        struct diag ignored;
        memset(&ignored, 0, sizeof ignored);
        if (rules_rx_new(l->pattern, 0, NULL, &rx, &ignored) != CD_OK) {
            atomic_store_explicit(&l->state, LAZY_FAILED,
                                  memory_order_release);
            return NULL;
        }
        if (!atomic_compare_exchange_strong(&l->rx, &none, rx))
            rules_rx_free(rx); /* another thread was first */
        atomic_store_explicit(&l->state, LAZY_READY, memory_order_release);
        return atomic_load(&l->rx);
    }
    return state == LAZY_READY ? atomic_load(&l->rx) : NULL;
}

/* True if the alternation l matches subject[0..len) or cannot be
 * compiled. */
static bool lazy_find(struct lazy_rx *l, struct rules_rx_scratch *s,
                      const char *subject, size_t len)
{
    struct rules_rx_match m;
    const struct rules_rx *rx = lazy_get(l);
    return !rx || rules_rx_find(rx, s, subject, len, 0, &m);
}

static void build_filter(struct rxset *set, const char *const *patterns,
                         size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!branch_safe(patterns[i]))
            return;
    set->anchored = lazy_alternation(patterns, n, true);
    set->floating = lazy_alternation(patterns, n, false);
    set->filters = true;
}

/* ---- line hints: reading a pattern ----------------------------------------
 *
 * A cursor walks the pattern's text. A reader returns false on syntax it
 * does not know, which leaves the pattern without that hint ("may match"
 * on every line); branch_safe has already refused back references, verbs,
 * \Q and options other than (?i).
 */

static bool is_letter(unsigned c)
{
    return (c | 32) - 'a' < 26;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void bset_add(struct bset *s, unsigned b)
{
    if (!s->in[b]) {
        s->in[b] = true;
        s->n++;
    }
}

static void bset_add_high(struct bset *s)
{
    for (unsigned b = 0x80; b < 256; b++)
        bset_add(s, b);
}

static void bset_union(struct bset *to, const struct bset *from)
{
    /* stops at from's last byte: most sets are a few letters */
    for (size_t b = 0, seen = 0; seen < from->n; b++)
        if (from->in[b]) {
            bset_add(to, (unsigned)b);
            seen++;
        }
}

/* Characters beyond ASCII without case partners under Unicode's simple
 * case folding, which a caseless pattern therefore matches only as
 * themselves: Latin-1 punctuation and symbols but MICRO SIGN, general
 * punctuation, super- and subscripts, currency signs. */
static bool without_case(uint32_t cp)
{
    return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) ||
           (cp >= 0x2000 && cp <= 0x20FF);
}

/* The bytes a character of the pattern may match as (last: the last byte
 * of its UTF-8 form), caseless under Unicode rules: an ASCII letter
 * either case; k and s also KELVIN SIGN and LONG S (non-ASCII); a
 * character without case itself (its last byte stands for it); any other
 * character beyond ASCII some non-ASCII character, or k or s for those
 * two. */
static void add_char(struct bset *s, uint32_t cp, unsigned char last)
{
    if (without_case(cp)) {
        bset_add(s, last);
        return;
    }
    if (cp < 0x80) {
        bset_add(s, cp);
        if (is_letter(cp))
            bset_add(s, cp ^ 32);
        if ((cp | 32) == 'k' || (cp | 32) == 's')
            bset_add_high(s);
        return;
    }
    bset_add_high(s);
    if (cp == 0x212A || cp == 0x17F) {
        unsigned c = cp == 0x212A ? 'k' : 's';
        bset_add(s, c);
        bset_add(s, c ^ 32);
    }
}

/* Past the class "[...]" at *q. */
static bool skip_class(const char **q)
{
    const char *p = *q + 1;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++; /* a leading ']' is a member */
    while (*p && *p != ']') {
        if (p[0] == '\\' && p[1]) {
            p += 2;
        } else if (p[0] == '[' && p[1] == ':') {
            const char *e = strstr(p + 2, ":]");
            if (!e)
                return false;
            p = e + 2;
        } else {
            p++;
        }
    }
    if (*p != ']')
        return false;
    *q = p + 1;
    return true;
}

/* To the '|' or ')' that ends the sequence at *q (or the pattern's end). */
static bool skip_seq(const char **q)
{
    const char *p = *q;
    unsigned depth = 0;
    while (*p) {
        if (*p == '\\') {
            if (!p[1])
                return false;
            p += 2;
            continue;
        }
        if (*p == '[') {
            if (!skip_class(&p))
                return false;
            continue;
        }
        if (*p == '(') {
            depth++;
        } else if (*p == ')' || (*p == '|' && depth == 0)) {
            if (depth == 0)
                break;
            if (*p == ')')
                depth--;
        }
        p++;
    }
    *q = p;
    return true;
}

/* The bytes the class "[...]" at p may match; false when not known. */
static bool class_set(const char *p, struct bset *out)
{
    memset(out, 0, sizeof *out);
    p++;
    if (*p == '^')
        return false;
    bool first = true;
    while (*p && (*p != ']' || first)) {
        first = false;
        if (*p == '\\') {
            char e = p[1];
            if (e == 'd' || e == 's' || e == 'w') {
                bset_add_high(out);
                for (unsigned b = 0; b < 128; b++)
                    if ((e == 'd' && is_digit((char)b)) ||
                        (e == 's' && (b == ' ' || (b >= '\t' && b <= '\r'))) ||
                        (e == 'w' && (is_digit((char)b) || is_letter(b) ||
                                      b == '_')))
                        bset_add(out, b);
            } else if ((unsigned char)e < 0x80 && e && !is_digit(e) &&
                       !is_letter((unsigned char)e)) {
                add_char(out, (unsigned char)e, (unsigned char)e);
            } else {
                return false;
            }
            p += 2;
            continue;
        }
        if (p[0] == '[' && p[1] == ':')
            return false;
        uint32_t cp;
        size_t k = utf8_decode(p, strlen(p), &cp);
        if (k == 0)
            return false;
        if (p[k] == '-' && p[k + 1] != ']') {
            /* a range: ASCII to ASCII only */
            uint32_t hi = (unsigned char)p[k + 1];
            if (cp >= 0x80 || hi >= 0x80 || hi == '\\' || hi < cp)
                return false;
            for (uint32_t c = cp; c <= hi; c++)
                add_char(out, c, (unsigned char)c);
            p += k + 2;
            continue;
        }
        add_char(out, cp, (unsigned char)p[k - 1]);
        p += k;
    }
    return *p == ']';
}

/* One item of a sequence other than a group. */
struct atom {
    enum { ATOM_LIT, ATOM_ZERO, ATOM_OTHER } kind;
    /* ATOM_LIT: the bytes a match has here: an ASCII byte, the UTF-8 form
     * of a character without case, or HINT_HIGH for any other */
    unsigned char lit[4];
    size_t nlit;
    bool has_set; /* set: bytes one of which the atom consumes */
    struct bset set;
};

static bool read_escape(const char **q, struct atom *a)
{
    char e = (*q)[1];
    if (!e || (unsigned char)e >= 0x80)
        return false;
    *q += 2;
    if (e == 'b' || e == 'B') {
        a->kind = ATOM_ZERO;
    } else if (e == 'd' || e == 's') {
        a->has_set = class_set(e == 'd' ? "[\\d]" : "[\\s]", &a->set);
    } else if (!is_digit(e) && !is_letter((unsigned char)e)) {
        a->kind = ATOM_LIT;
        a->lit[0] = (unsigned char)e;
        a->nlit = 1;
        a->has_set = true;
        add_char(&a->set, (unsigned char)e, (unsigned char)e);
    }
    return true; /* any other escape: some character(s) */
}

/* The atom at *q (not a group), moving past it. */
static bool read_atom(const char **q, struct atom *a)
{
    const char *p = *q;
    memset(a, 0, sizeof *a);
    a->kind = ATOM_OTHER;
    if (*p == '\\')
        return read_escape(q, a);
    if (*p == '[') {
        a->has_set = class_set(p, &a->set);
        return skip_class(q);
    }
    if (*p == '^' || *p == '$') {
        a->kind = ATOM_ZERO;
        (*q)++;
        return true;
    }
    if (*p == '.') {
        (*q)++;
        return true;
    }
    if (strchr("()|*+?{", *p))
        return false;
    uint32_t cp;
    size_t k = utf8_decode(p, strlen(p), &cp);
    if (k == 0)
        return false;
    *q += k;
    a->has_set = true;
    add_char(&a->set, cp, (unsigned char)p[k - 1]);
    /* KELVIN SIGN and LONG S match ASCII letters: not a prefix byte. */
    if (cp == 0x212A || cp == 0x17F)
        return true;
    a->kind = ATOM_LIT;
    a->nlit = 1;
    a->lit[0] = HINT_HIGH;
    if (cp < 0x80 || without_case(cp)) {
        memcpy(a->lit, p, k);
        a->nlit = k;
    }
    return true;
}

/* A quantifier at *q, if any: its minimum in *min (1 without one), and
 * whether there was one in *some. Lazy and possessive marks go with it.
 * "?" (at most once) is told apart by the caller. */
static bool read_quant(const char **q, unsigned *min, bool *some)
{
    const char *p = *q;
    *min = 1;
    *some = true;
    if (*p == '?' || *p == '*') {
        *min = 0;
        p++;
    } else if (*p == '+') {
        p++;
    } else if (*p == '{') {
        unsigned m = 0;
        p++;
        if (!is_digit(*p))
            return false; /* "{" as a literal, "{,n}": not read */
        while (is_digit(*p)) {
            m = m * 10 + (unsigned)(*p++ - '0');
            if (m > 65535)
                return false;
        }
        if (*p == ',')
            while (is_digit(*++p))
                ;
        if (*p != '}')
            return false;
        *min = m;
        p++;
    } else {
        *some = false;
        return true;
    }
    if (*p == '?' || *p == '+')
        p++;
    *q = p;
    return true;
}

/* At '(' of a group: past its opening; false for anything but (...) and
 * (?:...). A "(?i)" is passed over whole with *option set. */
static bool group_open(const char **q, bool *option)
{
    const char *p = *q + 1;
    *option = false;
    if (*p == '?') {
        if (p[1] == 'i' && p[2] == ')') {
            *option = true;
            p += 3;
        } else if (p[1] == ':') {
            p += 2;
        } else {
            return false; /* lookaround, named groups */
        }
    }
    *q = p;
    return true;
}

/* ---- line hints: prefixes ------------------------------------------------ */

static bool pset_add(struct pset *s, const struct prefix *p)
{
    if (s->n == HINT_PREFIXES)
        return false;
    s->p[s->n++] = *p;
    return true;
}

static bool pset_union(struct pset *to, const struct pset *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (!pset_add(to, &from->p[i]))
            return false;
    return true;
}

static void close_all(struct pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        s->p[i].open = false;
}

static bool any_open(const struct pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->p[i].open)
            return true;
    return false;
}

/* Every open prefix gains the byte lit (letters in lower case). */
static void extend(struct pset *s, unsigned char lit)
{
    for (size_t i = 0; i < s->n; i++) {
        struct prefix *p = &s->p[i];
        if (!p->open)
            continue;
        if (p->len == HINT_PREFIX_LEN) {
            p->open = false;
            continue;
        }
        p->b[p->len++] = is_letter(lit) ? lit | 32 : lit;
        if (lit == HINT_HIGH)
            p->open = false;
    }
}

static bool pre_seq(const char **q, struct pset *s);

/* Branches up to ')' or the end, each continuing the prefixes of in;
 * their union in out. */
static bool pre_alt(const char **q, const struct pset *in, struct pset *out)
{
    out->n = 0;
    for (;;) {
        struct pset b = *in;
        if (!pre_seq(q, &b) || !pset_union(out, &b))
            return false;
        if (**q != '|')
            return true;
        (*q)++;
    }
}

/* A group at *q continuing the open prefixes of s. */
static bool pre_group(const char **q, struct pset *s)
{
    bool option;
    if (!group_open(q, &option))
        return false;
    if (option)
        return true; /* prefixes are compared caseless anyway */
    struct pset open = {0}, closed = {0}, out;
    for (size_t i = 0; i < s->n; i++)
        pset_add(s->p[i].open ? &open : &closed, &s->p[i]);
    if (!pre_alt(q, &open, &out) || **q != ')')
        return false;
    (*q)++;
    /* "(...)?" is there once or not at all: what follows continues both
     * the group's prefixes and those before it. Other quantifiers end the
     * prefixes the group makes (a repeat is not followed); with a minimum
     * of 0 those before it continue too. */
    bool once = **q == '?' && (*q)[1] != '?' && (*q)[1] != '+';
    unsigned min;
    bool some;
    if (!read_quant(q, &min, &some))
        return false;
    if (some && !once)
        close_all(&out);
    if (min == 0 && !pset_union(&out, &open))
        return false;
    *s = closed;
    return pset_union(s, &out);
}

static bool pre_seq(const char **q, struct pset *s)
{
    while (**q && **q != '|' && **q != ')') {
        if (!any_open(s))
            return skip_seq(q);
        if (**q == '(') {
            if (!pre_group(q, s))
                return false;
            continue;
        }
        struct atom a;
        unsigned min;
        bool some;
        if (!read_atom(q, &a) || !read_quant(q, &min, &some))
            return false;
        if (a.kind == ATOM_ZERO)
            continue;
        for (size_t i = 0; a.kind == ATOM_LIT && min > 0 && i < a.nlit; i++)
            extend(s, a.lit[i]);
        if (a.kind != ATOM_LIT || some)
            close_all(s);
    }
    return true;
}

/* The prefixes one of which every match of the anchored pattern pat
 * starts with; false when none are known. */
static bool member_prefixes(const char *pat, struct pset *out)
{
    const char *p = pat, *t;
    while (strncmp(p, "(?i)", 4) == 0)
        p += 4;
    t = p;
    /* ^ must anchor every match: no alternation outside a group. */
    if (*p != '^' || !skip_seq(&t) || *t)
        return false;
    p++;
    out->n = 1;
    out->p[0] = (struct prefix){.open = true};
    if (!pre_seq(&p, out) || *p)
        return false;
    for (size_t i = 0; i < out->n; i++)
        if (out->p[i].len == 0)
            return false;
    return true;
}

/* ---- line hints: required bytes ------------------------------------------ */

static bool req_seq(const char **q, struct bset *best, bool *known);

/* The union over branches up to ')' or the end; known if each is. */
static bool req_alt(const char **q, struct bset *out, bool *known)
{
    memset(out, 0, sizeof *out);
    *known = true;
    for (;;) {
        struct bset b = {{false}, 0};
        bool k;
        if (!req_seq(q, &b, &k))
            return false;
        if (k)
            bset_union(out, &b);
        else
            *known = false;
        if (**q != '|')
            return true;
        (*q)++;
    }
}

/* The smallest set among the items every match consumes. */
static bool req_seq(const char **q, struct bset *best, bool *known)
{
    *known = false;
    while (**q && **q != '|' && **q != ')') {
        struct bset item = {{false}, 0};
        bool k = false, option;
        if (**q == '(') {
            if (!group_open(q, &option))
                return false;
            if (option)
                continue;
            if (!req_alt(q, &item, &k) || **q != ')')
                return false;
            (*q)++;
        } else {
            struct atom a;
            if (!read_atom(q, &a))
                return false;
            k = a.has_set && a.kind != ATOM_ZERO;
            item = a.set;
        }
        unsigned min;
        bool some;
        if (!read_quant(q, &min, &some))
            return false;
        if (k && min > 0 && (!*known || item.n < best->n)) {
            *best = item;
            *known = true;
        }
    }
    return true;
}

static bool member_required(const char *pat, struct bset *out)
{
    const char *p = pat;
    bool known;
    return req_alt(&p, out, &known) && !*p && known && out->n < 256;
}

/* ---- line hints: building and asking --------------------------------------- */

static void add_first(uint64_t *by_first, uint64_t bit, unsigned char c)
{
    if (c == HINT_HIGH)
        for (unsigned b = 0x80; b < 256; b++)
            by_first[b] |= bit;
    if (c == 'k')
        by_first[0xE2] |= bit; /* KELVIN SIGN */
    if (c == 's')
        by_first[0xC5] |= bit; /* LONG S */
    if (c != HINT_HIGH) {
        by_first[c] |= bit;
        if (is_letter(c))
            by_first[c ^ 32] |= bit;
    }
}

/* A prefix that wants an ASCII byte second admits that byte (a letter in
 * lower case, as lines are folded to ask); one of a single byte admits
 * any; one that wants a byte beyond ASCII second admits no ASCII one. */
static void add_second(struct hint *h, const struct prefix *p)
{
    if (p->len < 2) {
        h->second[0] = h->second[1] = ~UINT64_C(0);
        return;
    }
    unsigned c = p->b[1];
    if (c < 0x80)
        h->second[c >> 6] |= UINT64_C(1) << (c & 63);
}

/* Could h's prefixes admit s[0..len) as far as its second byte tells?
 * Asked only when the first two bytes are ASCII: beyond ASCII the bytes
 * need not line up (KELVIN SIGN, LONG S), and prefix_admits decides. */
static bool second_admits(const struct hint *h, const unsigned char *s,
                          size_t len)
{
    if (len < 2 || s[0] >= 0x80 || s[1] >= 0x80)
        return true;
    unsigned c = is_letter(s[1]) ? s[1] | 32u : s[1];
    return h->second[c >> 6] >> (c & 63) & 1;
}

static void build_hints(struct rxset *set, const char *const *patterns,
                        size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += opens_anchored(patterns[i]);
    if (count == 0 || count > HINT_MAX_MEMBERS)
        return;
    set->hints = xcalloc(count, sizeof *set->hints);
    set->hint_of = xcalloc(n, sizeof *set->hint_of);
    set->hint_member = xcalloc(count, sizeof *set->hint_member);
    for (size_t i = 0; i < n; i++) {
        set->hint_of[i] = -1;
        if (!opens_anchored(patterns[i]))
            continue;
        set->hint_of[i] = (int)set->nhints;
        if (n <= 64)
            set->hint_member[set->nhints] = UINT64_C(1) << i;
        struct hint *h = &set->hints[set->nhints];
        uint64_t bit = UINT64_C(1) << set->nhints++;
        if (!member_prefixes(patterns[i], &h->pre))
            h->pre.n = 0;
        h->has_req = member_required(patterns[i], &h->req);
        if (h->has_req && h->req.n <= HINT_REQ_FEW)
            for (unsigned b = 0; b < 256; b++)
                if (h->req.in[b])
                    h->few[h->nfew++] = (unsigned char)b;
        for (size_t k = 0; k < h->pre.n; k++) {
            seal(&h->pre.p[k]);
            add_first(set->by_first, bit, h->pre.p[k].b[0]);
            add_second(h, &h->pre.p[k]);
        }
        if (!h->pre.n)
            h->second[0] = h->second[1] = ~UINT64_C(0);
        if (!h->pre.n)
            for (unsigned b = 0; b < 256; b++)
                set->by_first[b] |= bit;
    }
    set->hinted = true;
}

/* ---- required factors ------------------------------------------------ */

/* Past the group whose '(' is at *q, and any quantifier after it. */
static bool skip_group(const char **q)
{
    const char *p = *q + 1;
    for (;;) {
        if (!skip_seq(&p))
            return false;
        if (*p != '|')
            break;
        p++;
    }
    if (*p != ')')
        return false;
    p++;
    unsigned min;
    bool some;
    if (!read_quant(&p, &min, &some))
        return false;
    *q = p;
    return true;
}

/* The longest window of run[0..n) without a byte that KELVIN SIGN or LONG
 * S could stand for (k, s: a caseless match may hold those characters
 * there, which no byte scan would line up with) and without a character
 * of unknown bytes, up to HINT_PREFIX_LEN bytes; into *best when longer. */
static void best_window(const unsigned char *run, size_t n,
                        struct prefix *best)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && j - i < HINT_PREFIX_LEN && run[j] != HINT_HIGH &&
               run[j] != 'k' && run[j] != 's')
            j++;
        if (j - i > best->len) {
            memcpy(best->b, run + i, j - i);
            best->len = (unsigned char)(j - i);
        }
        i = j == i ? i + 1 : j;
    }
}

/* A literal of FACTOR_MIN bytes or more that every match of pat holds:
 * read off the runs of plain characters in the pattern's top-level
 * sequence (zero-width items do not break a run; groups, classes and
 * quantified items do). False when there is none. */
static bool member_factor(const char *pat, struct prefix *out)
{
    const char *p = pat, *t = pat;
    unsigned char run[FACTOR_RUN];
    size_t n = 0;
    memset(out, 0, sizeof *out);
    if (!skip_seq(&t) || *t)
        return false; /* an alternation outside any group */
    while (*p) {
        if (strncmp(p, "(?i)", 4) == 0) {
            p += 4;
            continue;
        }
        if (*p == '(') {
            if (!skip_group(&p))
                return false;
            best_window(run, n, out);
            n = 0;
            continue;
        }
        struct atom a;
        unsigned min;
        bool some;
        if (!read_atom(&p, &a) || !read_quant(&p, &min, &some))
            return false;
        if (a.kind == ATOM_ZERO)
            continue;
        if (a.kind != ATOM_LIT || some || n + a.nlit > FACTOR_RUN) {
            best_window(run, n, out);
            n = 0;
            continue;
        }
        for (size_t i = 0; i < a.nlit; i++)
            run[n++] = is_letter(a.lit[i]) ? a.lit[i] | 32 : a.lit[i];
    }
    best_window(run, n, out);
    return out->len >= FACTOR_MIN;
}

static unsigned block(const unsigned char *s)
{
    uint16_t x;
    memcpy(&x, s, 2);
    return x | 0x2020u;
}

/* Give pat's factor a place in g if it has one; its index or -1. */
static int add_factor(struct fgroup *g, const char *pat)
{
    struct prefix f;
    if (g->n == FACTOR_MAX || !member_factor(pat, &f))
        return -1;
    if (!g->fac)
        g->fac = xcalloc(FACTOR_MAX, sizeof *g->fac);
    seal(&f);
    g->fac[g->n] = f;
    return (int)g->n++;
}

static void build_skip(struct fgroup *g)
{
    size_t m = HINT_PREFIX_LEN;
    if (!g->n)
        return;
    for (size_t k = 0; k < g->n; k++)
        if (g->fac[k].len < m)
            m = g->fac[k].len;
    g->m = m;
    g->skip = xmalloc(1u << BLOCK_BITS);
    memset(g->skip, (int)(m - 1), 1u << BLOCK_BITS);
    for (size_t k = 0; k < g->n; k++)
        for (size_t q = 0; q + 1 < m; q++) {
            unsigned char *sk = &g->skip[block(g->fac[k].b + q)];
            if (*sk > m - 2 - q)
                *sk = (unsigned char)(m - 2 - q);
        }
}

/* Bit k set: factor k of g may occur in s[0..len) (never clear when it
 * does). */
static uint64_t factors_in(const struct fgroup *g, const unsigned char *s,
                           size_t len)
{
    const size_t m = g->m;
    uint64_t found = 0;
    size_t i = m - 2;
    while (i + 1 < len) {
        unsigned sh = g->skip[block(s + i)];
        if (sh) {
            i += sh;
            continue;
        }
        size_t w = i - (m - 2);
        for (size_t k = 0; k < g->n; k++)
            if (prefix_admits(&g->fac[k], s + w, len - w))
                found |= UINT64_C(1) << k;
        i++;
    }
    return found;
}

static void build_factors(struct rxset *set, const char *const *patterns,
                          size_t n)
{
    size_t h = 0, nfloat = 0, nfac_float = 0;
    for (size_t i = 0; i < n; i++) {
        if (!opens_anchored(patterns[i])) {
            int f = add_factor(&set->facs, patterns[i]);
            uint64_t bit = n <= 64 ? UINT64_C(1) << i : 0;
            nfloat++;
            if (f >= 0) {
                nfac_float++;
                set->float_mask |= UINT64_C(1) << f;
                set->fac_members[f] |= bit;
            } else {
                set->float_free |= bit;
            }
        } else if (set->hinted) {
            struct hint *hn = &set->hints[h++];
            hn->fac = hn->pre.n ? -1 : add_factor(&set->facs, patterns[i]);
        }
    }
    set->float_fac = nfloat > 0 && nfac_float == nfloat;
    build_skip(&set->facs);
}

static void fgroup_free(struct fgroup *g)
{
    free(g->fac);
    free(g->skip);
}

/* KELVIN SIGN or LONG S at s[0..n): the only characters beyond ASCII
 * that match ASCII letters (k, s) caselessly. */
static bool ascii_partner_at(const unsigned char *s, size_t n)
{
    return (n >= 3 && s[0] == 0xE2 && s[1] == 0x84 && s[2] == 0xAA) ||
           (n >= 2 && s[0] == 0xC5 && s[1] == 0xBF);
}

static void seal(struct prefix *p)
{
    unsigned char val[8] = {0}, mask[8] = {0}, fold[8] = {0}, ascii[8] = {0};
    p->slow = false;
    for (size_t i = 0; i < p->len; i++) {
        unsigned char b = p->b[i];
        p->slow |= b == HINT_HIGH;
        val[i] = b;
        mask[i] = 0xFF;
        fold[i] = is_letter(b) ? 32 : 0;
        ascii[i] = b < 0x80 ? 0x80 : 0;
    }
    memcpy(&p->val, val, 8);
    memcpy(&p->mask, mask, 8);
    memcpy(&p->fold, fold, 8);
    memcpy(&p->ascii, ascii, 8);
}

/* Could a match start with s[0..len) as the prefix p says? Past a
 * character beyond ASCII the bytes no longer line up, so one that may
 * match (p wants one, or it matches k or s) admits the line. Where
 * eight bytes lie ahead and none beyond ASCII stands where p wants an
 * ASCII byte, one masked compare decides (the loop's answer: | 32 turns
 * exactly the letters A-Z into a-z among ASCII bytes, and no other byte
 * into one). */
static bool prefix_admits(const struct prefix *p, const unsigned char *s,
                          size_t len)
{
    _Static_assert(HINT_PREFIX_LEN == 8, "one 64-bit word per prefix");
    if (len >= 8 && !p->slow) {
        uint64_t x;
        memcpy(&x, s, 8);
        if (!(x & p->ascii))
            return ((x | p->fold) & p->mask) == p->val;
    }
    for (size_t i = 0; i < p->len; i++) {
        if (i >= len)
            return false;
        unsigned c = s[i], want = p->b[i];
        if (want >= 0x80 && want != HINT_HIGH) {
            /* a byte of a character without case: as it is */
            if (c != want)
                return false;
            continue;
        }
        if (c >= 0x80)
            return want == HINT_HIGH || ascii_partner_at(s + i, len - i);
        if (want == HINT_HIGH)
            return false;
        if (is_letter(c))
            c |= 32;
        if (c != p->b[i])
            return false;
    }
    return true;
}

static bool hint_admits(const struct hint *h, const unsigned char *s,
                        size_t len)
{
    if (!second_admits(h, s, len))
        return false;
    if (h->pre.n) {
        size_t k = 0;
        while (k < h->pre.n && !prefix_admits(&h->pre.p[k], s, len))
            k++;
        if (k == h->pre.n)
            return false;
    }
    if (h->has_req && h->nfew) {
        for (unsigned k = 0; k < h->nfew; k++)
            if (memchr(s, h->few[k], len))
                return true;
        return false;
    }
    if (h->has_req) {
        for (size_t i = 0; i < len; i++)
            if (h->req.in[s[i]])
                return true;
        return false;
    }
    return true;
}

/* False only if no anchored member can match the line s[0..len). */
static bool anchored_may_match(const struct rxset *set, uint64_t found,
                               const unsigned char *s, size_t len)
{
    if (!set->hinted || len == 0)
        return true;
    for (uint64_t m = set->by_first[s[0]]; m; m &= m - 1) {
        const struct hint *h = &set->hints[__builtin_ctzll(m)];
        if ((h->fac < 0 || (found >> h->fac & 1)) && hint_admits(h, s, len))
            return true;
    }
    return false;
}

/* ---- public ------------------------------------------------------------ */

enum cd_err rxset_new(const char *const *patterns,
                      const struct rule_row *const *rows, size_t n,
                      struct rxset **out, struct diag *d)
{
    struct rxset *set = xcalloc(1, sizeof *set);
    set->members = xcalloc(n ? n : 1, sizeof *set->members);
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        enum cd_err err = rules_rx_new(patterns[i], 0, rows ? rows[i] : NULL,
                                       &set->members[i], d);
        if (err) {
            rxset_free(set);
            return err;
        }
        set->n++;
    }
    build_filter(set, patterns, n);
    if (set->filters) {
        build_hints(set, patterns, n);
        build_factors(set, patterns, n);
    }
    *out = set;
    return CD_OK;
}

void rxset_free(struct rxset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        rules_rx_free(set->members[i]);
    free(set->members);
    lazy_free(set->anchored);
    lazy_free(set->floating);
    free(set->hints);
    free(set->hint_of);
    free(set->hint_member);
    fgroup_free(&set->facs);
    free(set);
}

const struct rules_rx *rxset_member(const struct rxset *set, size_t i)
{
    return set->members[i];
}

/* The prefilter behind rxset_any and rxset_may. exact runs the combined
 * patterns after the hints say yes; otherwise the hints' yes is the
 * answer wherever they are valid (hinted anchors, floating members that
 * each need a factor). */
static bool set_may_match(const struct rxset *set, struct rules_rx_scratch *s,
                          const char *subject, size_t len, bool exact)
{
    const unsigned char *u = (const unsigned char *)subject;
    if (!set->filters)
        return true;
    uint64_t found = set->facs.n ? factors_in(&set->facs, u, len) : 0;
    if (set->anchored && anchored_may_match(set, found, u, len) &&
        ((set->hinted && !exact) ||
         lazy_find(set->anchored, s, subject, len)))
        return true;
    if (!set->floating)
        return false;
    if (set->float_fac && !(found & set->float_mask))
        return false;
    if (set->float_fac && !exact)
        return true;
    return lazy_find(set->floating, s, subject, len);
}

bool rxset_any(const struct rxset *set, struct rules_rx_scratch *s,
               const char *subject, size_t len)
{
    return set_may_match(set, s, subject, len, true);
}

bool rxset_may(const struct rxset *set, struct rules_rx_scratch *s,
               const char *subject, size_t len)
{
    return set_may_match(set, s, subject, len, false);
}

/* The floating members whose factors the bits of found name, and those
 * without a factor. */
static uint64_t floating_members(const struct rxset *set, uint64_t found)
{
    uint64_t may = set->float_free;
    for (uint64_t f = found & set->float_mask; f; f &= f - 1)
        may |= set->fac_members[__builtin_ctzll(f)];
    return may;
}

uint64_t rxset_may_members(const struct rxset *set, struct rules_rx_scratch *s,
                           const char *subject, size_t len)
{
    const unsigned char *u = (const unsigned char *)subject;
    if (set->n > 64 || !set->filters || !set->hinted || len == 0)
        return set_may_match(set, s, subject, len, false) ? ~UINT64_C(0) : 0;
    /* As set_may_match, but every hint the first byte allows is asked
     * (not only up to the first yes), and each yes names its member. */
    uint64_t found = set->facs.n ? factors_in(&set->facs, u, len) : 0;
    uint64_t anchored = 0;
    for (uint64_t h = set->by_first[u[0]]; h; h &= h - 1) {
        const struct hint *hn = &set->hints[__builtin_ctzll(h)];
        if ((hn->fac < 0 || (found >> hn->fac & 1)) &&
            hint_admits(hn, u, len))
            anchored |= set->hint_member[__builtin_ctzll(h)];
    }
    if (!set->floating)
        return anchored;
    uint64_t floating = floating_members(set, found);
    if (anchored || set->float_fac)
        return anchored | floating;
    return lazy_find(set->floating, s, subject, len) ? floating : 0;
}

bool rxset_member_may(const struct rxset *set, size_t i, const char *subject,
                      size_t len)
{
    const unsigned char *u = (const unsigned char *)subject;
    if (!set->hinted || len == 0 || set->hint_of[i] < 0)
        return true;
    int h = set->hint_of[i];
    /* The factor is left out: it would take a scan of the line. */
    return (set->by_first[u[0]] >> h & 1) &&
           hint_admits(&set->hints[h], u, len);
}

bool rxset_filters(const struct rxset *set)
{
    return set->filters;
}
