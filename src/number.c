/* number.c - quantities: digits, number words, qualifiers, counted nouns.
 *
 * Walks the tokens of scan.h once. A count is digits ("25,000", "3.5"),
 * number words ("two thousand", "twenty-one", "a dozen"), an ordinal
 * ("third", "8th") or a vague plural ("dozens"); a qualifier just before
 * it ("some", "at least") widens it into a range; the counted noun is the
 * first word after it that is not a modifier. Digits that belong to
 * something else are left alone: dates (doc->dates, so date_run goes
 * first), clock times, years, designations ("Mi-8", "flight 9525").
 *
 * Open ranges: "at least 5" is [5, HUGE_VAL] (HUGE_VAL is +inf under IEEE
 * 754); the qualifier table says which bound is open.
 */
#include "claimdiff/number.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "claimdiff/wordfilter.h"
#include "scan.h"

/* Most words in one qualifier phrase ("no fewer than"). */
#define NUMBER_MAX_QUAL_WORDS 4

enum ctx_bit {
    CTX_STOP = 1 << 0,
    CTX_ADJ = 1 << 1,
    CTX_IDPREFIX = 1 << 2,
    CTX_TIME = 1 << 3,
    CTX_DEMONYM = 1 << 4, /* from lexicon/demonyms: a modifier */
    CTX_YEARLEAD = 1 << 5,
};

struct nword {
    double card;  /* cardinal value, 0 none */
    double mult;  /* multiplier ("thousand"), 0 none */
    int ord;      /* ordinal value, 0 none */
    double vague_low, vague_high; /* "dozens": 24..99; 0 none */
    unsigned ctx; /* enum ctx_bit */
};

struct qual {
    int ids[NUMBER_MAX_QUAL_WORDS]; /* word ids, in order */
    size_t nwords;
    double low, high; /* factors; high may be HUGE_VAL */
    char *text;       /* the phrase as written in the table (owned) */
};

struct counter {
    struct scan_map *map;
    struct wordfilter keys; /* the words of map: most tokens are not */
    struct scan_index index; /* map by the scanner's token hash */
    struct nword *w;
    size_t nw, capw;
    struct qual *quals;
    size_t nquals, capquals;
};

/* ---- building --------------------------------------------------------- */

static struct nword *entry(struct counter *c, const char *s, size_t len,
                           int *id_out)
{
    int id = scan_map_put(c->map, s, len);
    if (id < 0)
        return NULL;
    wordfilter_add(&c->keys, s, len);
    if ((size_t)id >= c->nw) {
        c->w = xgrow(c->w, &c->capw, (size_t)id + 1, sizeof *c->w);
        memset(c->w + c->nw, 0, ((size_t)id + 1 - c->nw) * sizeof *c->w);
        c->nw = (size_t)id + 1;
    }
    if (id_out)
        *id_out = id;
    return &c->w[id];
}

static bool num_field(const char *s, double *out)
{
    char *end;
    errno = 0;
    if (strcmp(s, "inf") == 0) {
        *out = HUGE_VAL;
        return true;
    }
    double v = strtod(s, &end);
    if (errno || end == s || *end || v < 0)
        return false;
    *out = v;
    return true;
}

static enum cd_err bad_row(const struct rule_row *row, const char *what,
                           struct diag *d)
{
    return diag_set(d, CD_ERR_RULE, row->file, row->line, 0, "%s", what);
}

static enum cd_err load_number_words(struct counter *c, const struct rules *r,
                                     struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/number_words");
    enum cd_err err = rules_check_fields(t, 3, 4, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        const char *kind = row->fields[1];
        double v, high = 0;
        struct nword *w = entry(c, row->fields[0], strlen(row->fields[0]),
                                NULL);
        bool vague = strcmp(kind, "vague") == 0;
        if (!w || !num_field(row->fields[2], &v) ||
            (vague != (row->nfields == 4)) ||
            (vague && !num_field(row->fields[3], &high)))
            return bad_row(row, "want: word, card|ord|mult|vague, value, "
                                "[high for vague]", d);
        if (strcmp(kind, "card") == 0)
            w->card = v;
        else if (strcmp(kind, "ord") == 0)
            w->ord = (int)v;
        else if (strcmp(kind, "mult") == 0)
            w->mult = v;
        else if (vague)
            w->vague_low = v, w->vague_high = high;
        else
            return bad_row(row, "kind must be card, ord, mult or vague", d);
    }
    return err;
}

static enum cd_err load_context(struct counter *c, const struct rules *r,
                                struct diag *d)
{
    static const struct {
        const char *name;
        unsigned bit;
    } roles[] = {{"stop", CTX_STOP},
                 {"adj", CTX_ADJ},
                 {"idprefix", CTX_IDPREFIX},
                 {"time", CTX_TIME},
                 {"yearlead", CTX_YEARLEAD}};
    const struct rule_table *t = rules_get(r, "lexicon/number_context");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        unsigned bit = 0;
        for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
            if (strcmp(row->fields[1], roles[k].name) == 0)
                bit = roles[k].bit;
        struct nword *w = entry(c, row->fields[0], strlen(row->fields[0]),
                                NULL);
        if (!w || !bit)
            return bad_row(row,
                           "want: word, stop|adj|idprefix|time|yearlead", d);
        w->ctx |= bit;
    }
    return err;
}

/* The demonyms table belongs to the tagger; only its first column is
 * read here. */
static enum cd_err load_demonyms(struct counter *c, const struct rules *r,
                                 struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/demonyms");
    for (size_t i = 0; i < t->nrows; i++) {
        const char *w = t->rows[i].fields[0];
        struct nword *e = entry(c, w, strlen(w), NULL);
        if (!e)
            return bad_row(&t->rows[i], "demonym too long", d);
        e->ctx |= CTX_DEMONYM;
    }
    return CD_OK;
}

static enum cd_err load_qualifiers(struct counter *c, const struct rules *r,
                                   struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/qualifiers");
    enum cd_err err = rules_check_fields(t, 3, 3, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        struct qual q = {{0}, 0, 0, 0, NULL};
        if (!num_field(row->fields[1], &q.low) ||
            !num_field(row->fields[2], &q.high) || q.low > q.high)
            return bad_row(row, "want: phrase, low factor, high factor", d);
        const char *s = row->fields[0];
        while (*s) {
            size_t len = strcspn(s, " ");
            if (len > 0) {
                if (q.nwords == NUMBER_MAX_QUAL_WORDS ||
                    !entry(c, s, len, &q.ids[q.nwords]))
                    return bad_row(row, "qualifier phrase too long", d);
                q.nwords++;
            }
            s += len + (s[len] == ' ');
        }
        if (!q.nwords)
            return bad_row(row, "empty qualifier", d);
        q.text = xstrdup(row->fields[0]);
        if (c->nquals == c->capquals)
            c->quals = xgrow(c->quals, &c->capquals, c->nquals + 1,
                             sizeof *c->quals);
        c->quals[c->nquals++] = q;
    }
    return err;
}

/* ---- token helpers ---------------------------------------------------- */

struct parse {
    const struct counter *c;
    struct doc *doc;
    const char *text;
    const struct scan_tok *t;
    size_t n;
    size_t floor; /* first token not taken by an earlier number */
    const int *ids; /* per token: its word id, -1 if none (number_span) */
};

static int id_of(const struct parse *p, size_t i)
{
    return i < p->n ? p->ids[i] : -1;
}

static const struct nword *word_at(const struct parse *p, size_t i)
{
    int id = id_of(p, i);
    return id < 0 ? NULL : &p->c->w[id];
}

static const struct nword *word_of(const struct parse *p, size_t start,
                                   size_t end)
{
    int id = wordfilter_may(&p->c->keys, p->text + start, end - start)
                 ? scan_map_get(p->c->map, p->text + start, end - start)
                 : -1;
    return id < 0 ? NULL : &p->c->w[id];
}

static bool ctx(const struct nword *w, unsigned bit)
{
    return w && (w->ctx & bit);
}

static bool is_char(const struct parse *p, size_t i, char ch)
{
    return i < p->n && scan_is_char(p->text, &p->t[i], ch);
}

static bool is_word(const struct parse *p, size_t i, const char *s)
{
    if (i >= p->n || p->t[i].kind != SCAN_WORD)
        return false;
    size_t len = p->t[i].end - p->t[i].start;
    return strlen(s) == len && strncasecmp(p->text + p->t[i].start, s, len) == 0;
}

/* Does the text right before token i end in a possessive ("Kelvia's",
 * "Kelvia\u2019s")? */
static bool after_possessive(const struct parse *p, size_t i)
{
    size_t e = p->t[i].start;
    while (e > 0 && p->text[e - 1] == ' ')
        e--;
    if (e < 2 || (p->text[e - 1] != 's' && p->text[e - 1] != 'S'))
        return false;
    if (p->text[e - 2] == '\'')
        return true;
    return e >= 4 && !memcmp(p->text + e - 4, "\xe2\x80\x99", 3);
}

/* Is the year-shaped number at token i a year naming the singular noun
 * after it ("the 2016 election", "Kelvia's 2022 budget") rather than a
 * count of it ("1500 troops")? A count above one takes a plural; after
 * a determiner or possessive (number_context "yearlead") a year-shaped
 * number before a singular noun is its year. Nouns in -ss, -is, -us are
 * singular ("crisis", "census"). */
static bool year_of_noun(const struct parse *p, size_t i)
{
    if (i == 0 || i + 1 >= p->n)
        return false;
    if (!ctx(word_at(p, i - 1), CTX_YEARLEAD) && !after_possessive(p, i))
        return false;
    const struct scan_tok *n = &p->t[i + 1];
    size_t len = n->end - n->start;
    const char *w = p->text + n->start;
    if (len < 2 || w[len - 1] != 's')
        return true;
    return w[len - 2] == 's' || w[len - 2] == 'i' || w[len - 2] == 'u';
}

/* True if token i overlaps a date the date stage found. */
static bool in_date(const struct parse *p, size_t i)
{
    const struct doc *doc = p->doc;
    size_t lo = 0, hi = doc->ndates;
    while (lo < hi) { /* first date ending after the token's start */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->dates[mid].span.end <= p->t[i].start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->ndates && doc->dates[lo].span.start < p->t[i].end;
}

/* Digits with thousands commas and one decimal point: "25,000", "3.5".
 * False for anything else ("10:47", "1,00"). */
static bool parse_digits(const char *s, size_t len, double *out, bool *plain)
{
    double v = 0, scale = 0;
    size_t group = 0;
    bool comma = false;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            if (scale > 0) {
                scale /= 10;
                v += (ch - '0') * scale;
            } else {
                v = v * 10 + (ch - '0');
            }
            group++;
        } else if (ch == ',' && scale == 0 && (comma ? group == 3 : group <= 3)) {
            comma = true;
            group = 0;
        } else if (ch == '.' && scale == 0 && (!comma || group == 3)) {
            scale = 1;
        } else {
            return false;
        }
    }
    if (comma && scale == 0 && group != 3)
        return false;
    *out = v;
    *plain = !comma && scale == 0;
    return true;
}

/* A name or code right before a number makes it a designation ("MIG 29",
 * "Boeing 737", "Europe 1"): an all-capitals word, or a capitalised one
 * inside a sentence (after a word, not after punctuation). */
static bool designator(const struct parse *p, size_t j)
{
    const struct scan_tok *t = &p->t[j];
    if (t->kind != SCAN_WORD || !(t->flags & SCANF_CAP) || word_at(p, j))
        return false; /* known words ("About 50") are no names */
    return (t->flags & SCANF_ALLCAPS) ||
           (j > 0 && p->t[j - 1].kind == SCAN_WORD);
}

/* A clock time follows: "11 p.m.", "10.53 am", "9 GMT". */
static bool time_follows(const struct parse *p, size_t i)
{
    if (ctx(word_at(p, i), CTX_TIME))
        return true;
    return (is_word(p, i, "a") || is_word(p, i, "p")) && is_char(p, i + 1, '.') &&
           is_word(p, i + 2, "m");
}

/* ---- the count itself ------------------------------------------------- */

struct count {
    double value, low, high;
    bool ordinal, vague;
    size_t end;           /* token after the count */
    struct span noun;     /* a noun inside the token ("2-mile"), or {0,0} */
};

/* Number words from i: "five", "twenty-one", "two thousand", "a dozen",
 * "one hundred and fifty". */
static bool words_count(const struct parse *p, size_t i, struct count *k)
{
    double total = 0, cur = 0;
    bool any = false;
    size_t j = i;
    while (j < p->n && p->t[j].kind == SCAN_WORD) {
        const struct nword *w = word_at(p, j);
        bool is_a = is_word(p, j, "a");
        if (w && w->card > 0 && !(is_a && any)) {
            if (is_a) {
                const struct nword *nx = word_at(p, j + 1);
                if (!nx || !(nx->mult > 0 || (nx->card == 12)))
                    break; /* "a" counts only in "a dozen", "a thousand" */
            }
            if (w->card == 12 && any) {
                cur = (cur ? cur : 1) * 12; /* "two dozen" */
            } else {
                cur += w->card;
            }
            any = true;
        } else if (w && w->mult > 0 && any) {
            cur = (cur ? cur : 1) * w->mult;
            if (w->mult >= 1000) {
                total += cur;
                cur = 0;
            }
        } else if (any && is_word(p, j, "and") && word_at(p, j + 1) &&
                   word_at(p, j + 1)->card > 0 && !is_word(p, j + 1, "a")) {
            /* "one hundred and fifty" */
        } else {
            break;
        }
        j++;
    }
    if (!any)
        return false;
    k->value = k->low = k->high = total + cur;
    k->end = j;
    return true;
}

/* A hyphenated word whose parts are number words: "twenty-one",
 * "thirty-first", or a count glued to its unit: "twelve-hour". */
static bool hyphen_count(const struct parse *p, size_t i, struct count *k)
{
    const struct scan_tok *t = &p->t[i];
    const char *s = p->text + t->start;
    const char *dash = memchr(s, '-', t->end - t->start);
    if (!dash)
        return false;
    size_t a_end = t->start + (size_t)(dash - s);
    const struct nword *a = word_of(p, t->start, a_end);
    if (!a || !(a->card > 0) || a_end - t->start < 2)
        return false; /* "a-list" is no count */
    size_t b_start = a_end + 1;
    const char *rest = p->text + b_start;
    if (memchr(rest, '-', t->end - b_start))
        return false; /* "one-on-one" */
    const struct nword *b = word_of(p, b_start, t->end);
    k->end = i + 1;
    if (b && b->card > 0 && b->card < 10 && a->card >= 20) {
        k->value = a->card + b->card;
    } else if (b && b->ord > 0 && b->ord < 10 && a->card >= 20) {
        k->value = a->card + b->ord;
        k->ordinal = true;
    } else if (!b || !(b->card > 0 || b->ord > 0 || b->mult > 0)) {
        k->value = a->card;
        k->noun = (struct span){b_start, t->end};
    } else {
        return false;
    }
    k->low = k->high = k->value;
    return true;
}

/* "8th", "22nd", "2-mile", "28-year"; other mixed tokens are designations. */
static bool mixed_count(const struct parse *p, size_t i, struct count *k)
{
    const struct scan_tok *t = &p->t[i];
    const char *s = p->text + t->start;
    size_t len = t->end - t->start, nd = 0;
    while (nd < len && s[nd] >= '0' && s[nd] <= '9')
        nd++;
    if (nd == 0 || nd > 9)
        return false;
    double v = strtod(s, NULL);
    const char *suf = s + nd;
    if (len - nd == 2 && (!strncmp(suf, "st", 2) || !strncmp(suf, "nd", 2) ||
                          !strncmp(suf, "rd", 2) || !strncmp(suf, "th", 2))) {
        k->ordinal = true;
    } else if (suf[0] == '-' && nd + 1 < len) {
        for (size_t q = nd + 1; q < len; q++)
            if (!((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z')))
                return false;
        k->noun = (struct span){t->start + nd + 1, t->end};
    } else {
        return false;
    }
    k->value = k->low = k->high = v;
    k->end = i + 1;
    return true;
}

/* A count starting at token i, or false. */
static bool count_at(const struct parse *p, size_t i, struct count *k)
{
    const struct scan_tok *t = &p->t[i];
    /* Most tokens are punctuation or words that are no number word and
     * hold no hyphen, which every branch below turns down: out before
     * the memset (k is only read after a true). */
    if (t->kind == SCAN_PUNCT ||
        (t->kind == SCAN_WORD && p->ids[i] < 0 && !(t->flags & SCANF_HYPHEN)))
        return false;
    memset(k, 0, sizeof *k);
    if (t->kind == SCAN_MIXED)
        return !in_date(p, i) && mixed_count(p, i, k);
    if (t->kind == SCAN_NUM) {
        bool plain;
        if (in_date(p, i) ||
            !parse_digits(p->text + t->start, t->end - t->start, &k->value,
                          &plain))
            return false;
        if (i > 0 && (ctx(word_at(p, i - 1), CTX_IDPREFIX) ||
                      p->t[i - 1].kind == SCAN_MIXED || is_char(p, i - 1, '#') ||
                      designator(p, i - 1)))
            return false; /* "flight 9525", "4U 9525", "MIG 29" */
        if (time_follows(p, i + 1))
            return false;
        /* A plain four-digit number in year range is a year unless a
         * lower-case noun follows ("1500 troops"). */
        bool noun_next = i + 1 < p->n && p->t[i + 1].kind == SCAN_WORD &&
                         !(p->t[i + 1].flags & SCANF_CAP) &&
                         !ctx(word_at(p, i + 1), CTX_STOP);
        if (plain && t->end - t->start == 4 && k->value >= 1800 &&
            k->value <= 2099 && (!noun_next || year_of_noun(p, i)))
            return false;
        k->end = i + 1;
        const struct nword *m = word_at(p, i + 1);
        if (m && m->mult > 0) { /* "1.5 million" */
            k->value *= m->mult;
            k->end = i + 2;
        }
        k->low = k->high = k->value;
        return true;
    }
    if (t->kind != SCAN_WORD)
        return false;
    const struct nword *w = word_at(p, i);
    if (w && w->vague_low > 0) {
        k->value = k->low = w->vague_low;
        k->high = w->vague_high;
        k->vague = true;
        k->end = i + 1 + is_word(p, i + 1, "of");
        return true;
    }
    if (w && w->ord > 0) {
        if (i > 0 && p->t[i - 1].kind == SCAN_NUM)
            return false; /* "one second" is a unit, not an ordinal */
        k->value = k->low = k->high = w->ord;
        k->ordinal = true;
        k->end = i + 1;
        return true;
    }
    if (w && w->card > 0) {
        /* "no one", "any one", "the one": pronouns, not counts. */
        if (is_word(p, i, "one") && i > 0 &&
            (is_word(p, i - 1, "no") || is_word(p, i - 1, "any") ||
             is_word(p, i - 1, "every") || is_word(p, i - 1, "the") ||
             is_word(p, i - 1, "this") || is_word(p, i - 1, "that")))
            return false;
        return words_count(p, i, k);
    }
    return (t->flags & SCANF_HYPHEN) && hyphen_count(p, i, k);
}

/* The longest qualifier phrase ending just before token i; NULL if none. */
static const struct qual *qualifier_before(const struct parse *p, size_t i,
                                           size_t *first)
{
    const struct qual *best = NULL;
    for (size_t q = 0; q < p->c->nquals; q++) {
        const struct qual *cand = &p->c->quals[q];
        if (cand->nwords > i - p->floor || (best && best->nwords >= cand->nwords))
            continue;
        size_t start = i - cand->nwords;
        bool ok = true;
        for (size_t w = 0; w < cand->nwords && ok; w++)
            ok = id_of(p, start + w) == cand->ids[w];
        if (ok) {
            best = cand;
            *first = start;
        }
    }
    return best;
}

/* A capitalised modifier such as a demonym ("Russian", "Israeli",
 * "Spanish", "Chinese") in front of another word: listed in
 * lexicon/demonyms, or shaped like one. */
static bool demonym_like(const struct parse *p, size_t j)
{
    const struct scan_tok *t = &p->t[j];
    if (!(t->flags & SCANF_CAP) || j + 1 >= p->n ||
        p->t[j + 1].kind == SCAN_PUNCT)
        return false;
    const char *s = p->text + t->start;
    size_t len = t->end - t->start;
    if (p->t[j + 1].kind == SCAN_NUM)
        return false;
    if (ctx(word_at(p, j), CTX_DEMONYM))
        return true;
    return (len > 3 && s[len - 2] == 'a' && s[len - 1] == 'n') ||
           (len > 4 && !strncmp(s + len - 3, "ese", 3)) ||
           (len > 4 && !strncmp(s + len - 3, "ish", 3)) ||
           (len > 3 && s[len - 1] == 'i');
}

/* Does a line break separate token j from the token before it? A noun
 * phrase never runs over one: a headline's "rises to 38" does not count
 * the dateline's "ATHENS" below it. */
static bool line_break_before(const struct parse *p, size_t j)
{
    if (j == 0 || j >= p->n)
        return false;
    size_t from = p->t[j - 1].end, to = p->t[j].start;
    return to > from && memchr(p->text + from, '\n', to - from) != NULL;
}

/* The counted noun after token j: the first word that is not a modifier,
 * unless a function word, adverb, participle or punctuation comes first.
 * "%" and "per cent" count percent. *fixed gets a canonical noun when the
 * text's own word is not one. */
static struct span noun_after(const struct parse *p, size_t j,
                              const char **fixed)
{
    struct span none = {0, 0};
    *fixed = NULL;
    if (is_char(p, j, '%') || (is_word(p, j, "per") && is_word(p, j + 1, "cent"))) {
        *fixed = "percent";
        return (struct span){p->t[j].start, p->t[j + !is_char(p, j, '%')].end};
    }
    /* A modifier passed on the way is the noun if no better word follows
     * ("one civilian died"). */
    struct span fallback = none;
    for (size_t steps = 0; steps < 4 && j < p->n; steps++, j++) {
        const struct scan_tok *t = &p->t[j];
        if (line_break_before(p, j))
            return fallback;
        bool next_word = j + 1 < p->n && (p->t[j + 1].kind == SCAN_WORD ||
                                          p->t[j + 1].kind == SCAN_MIXED) &&
                         !line_break_before(p, j + 1);
        if (t->kind == SCAN_MIXED) { /* "four F-16 jets", "two F-16s" */
            fallback = (struct span){t->start, t->end};
            if (next_word)
                continue;
            return fallback;
        }
        if (t->kind == SCAN_WORD && t->end - t->start <= 2 &&
            (t->flags & SCANF_CAP) && is_char(p, j + 1, '.')) {
            j++; /* "U.S.": an abbreviation modifies */
            while (j + 2 < p->n && p->t[j + 1].kind == SCAN_WORD &&
                   p->t[j + 1].end - p->t[j + 1].start <= 2 &&
                   is_char(p, j + 2, '.'))
                j += 2;
            continue;
        }
        if (t->kind != SCAN_WORD)
            return fallback;
        const struct nword *w = word_at(p, j);
        const char *s = p->text + t->start;
        size_t len = t->end - t->start;
        if (ctx(w, CTX_STOP) || (w && (w->card > 0 || w->mult > 0)))
            return fallback;
        if (len > 4 && !strncmp(s + len - 2, "ly", 2))
            return fallback; /* "150 people probably died" stops earlier */
        if (len > 3 && !strncmp(s + len - 2, "ed", 2) && !ctx(w, CTX_ADJ))
            return fallback; /* "the 49 cited by" */
        if ((ctx(w, CTX_ADJ) || demonym_like(p, j)) && next_word) {
            fallback = (struct span){t->start, t->end};
            continue;
        }
        return (struct span){t->start, t->end};
    }
    return fallback;
}

/* ---- driver ----------------------------------------------------------- */

static const char *lower_dup(struct arena *a, const char *s, size_t n)
{
    char *out = arena_strndup(a, s, n);
    for (char *q = out; *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q - 'A' + 'a');
    return out;
}

static void emit(struct parse *p, size_t first, const struct count *k,
                 const struct qual *q)
{
    struct doc *doc = p->doc;
    struct number num;
    memset(&num, 0, sizeof num);
    num.span.start = p->t[first].start;
    num.span.end = p->t[k->end - 1].end;
    if (k->vague && is_word(p, k->end - 1, "of"))
        num.span.end = p->t[k->end - 2].end; /* "dozens of" -> "dozens" */
    num.value = k->value;
    num.low = k->low;
    num.high = k->high;
    num.ordinal = k->ordinal;
    if (q && !k->vague && !k->ordinal) {
        num.low = k->value * q->low;
        num.high = q->high == HUGE_VAL ? HUGE_VAL : k->value * q->high;
    }
    if (q)
        num.qualifier = arena_strdup(doc->arena, q->text);
    const char *fixed = NULL;
    struct span noun = k->noun;
    if (noun.end == noun.start)
        noun = noun_after(p, k->end, &fixed);
    if (noun.end > noun.start) {
        num.noun_span = noun;
        num.noun = fixed ? fixed
                         : lower_dup(doc->arena, doc->text + noun.start,
                                     noun.end - noun.start);
    }
    if (doc->nnumbers == doc->capnumbers)
        doc->numbers = xgrow(doc->numbers, &doc->capnumbers,
                             doc->nnumbers + 1, sizeof *doc->numbers);
    doc->numbers[doc->nnumbers++] = num;
}

struct run_ctx {
    const struct counter *c;
    struct doc *doc;
    int *ids; /* per token of the run being read */
    size_t capids;
};

/* Find the counts among the n tokens at v (one run of text). */
static void number_toks(struct run_ctx *rc, const struct scan_tok *v,
                        size_t n)
{
    /* Look every word up once, and only past the filter: the grammars ask
     * about the same tokens many times, and few are number words. */
    if (n > rc->capids)
        rc->ids = xgrow(rc->ids, &rc->capids, n, sizeof *rc->ids);
    for (size_t k = 0; k < n; k++)
        rc->ids[k] = scan_index_get(&rc->c->index, rc->doc->text, &v[k]);
    struct parse p = {rc->c, rc->doc, rc->doc->text, v, n, 0, rc->ids};
    size_t i = 0;
    while (i < p.n) {
        struct count k;
        if (!count_at(&p, i, &k)) {
            i++;
            continue;
        }
        size_t first = i;
        const struct qual *q = qualifier_before(&p, i, &first);
        emit(&p, first, &k, q);
        p.floor = k.end;
        i = k.end;
    }
}

enum cd_err number_new(const struct rules *r, struct counter **out,
                       struct diag *d)
{
    struct counter *c = xcalloc(1, sizeof *c);
    c->map = scan_map_new();
    enum cd_err err = load_number_words(c, r, d);
    if (err == CD_OK)
        err = load_context(c, r, d);
    if (err == CD_OK)
        err = load_qualifiers(c, r, d);
    if (err == CD_OK)
        err = load_demonyms(c, r, d);
    if (err == CD_OK)
        scan_index_build(&c->index, c->map);
    if (err != CD_OK) {
        number_free(c);
        c = NULL;
    }
    *out = c;
    return err;
}

void number_free(struct counter *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nquals; i++)
        free(c->quals[i].text);
    free(c->quals);
    free(c->w);
    scan_index_free(&c->index);
    scan_map_free(c->map);
    free(c);
}

void number_run_scanned(const struct counter *c, struct doc *doc,
                        const struct scan_doc *sd)
{
    struct run_ctx rc = {c, doc, NULL, 0};
    /* runs with no tokens leave toks.v NULL: no offset is taken from it */
    for (size_t r = 0; sd->toks.v && r < sd->nruns; r++)
        number_toks(&rc, sd->toks.v + sd->first[r],
                    sd->first[r + 1] - sd->first[r]);
    free(rc.ids);
}

void number_run(const struct counter *c, struct doc *doc)
{
    struct scan_doc sd = {0};
    scan_doc_build(doc, &sd);
    number_run_scanned(c, doc, &sd);
    scan_doc_free(&sd);
}
