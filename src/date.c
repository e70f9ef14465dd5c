/* date.c - temporal expressions: absolute, partial and relative dates.
 *
 * A hand-written scanner over the tokens of scan.h: each position is tried
 * against a few small grammars (numeric dates, weekday, month first, day
 * first, "the ..." phrases, relative words, counts, years) and the first
 * that matches wins; the scan resumes after it. Every word it knows comes
 * from the rules/lexicon tables and is looked up in one hash table built by
 * date_new, so a document costs one pass over its tokens.
 */
#include "claimdiff/date.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/rules.h"
#include "scan.h"

/* Kinds of lexicon/date_words rows (a word may have several). */
enum wkind {
    WK_DAY,
    WK_SHIFT,
    WK_ANAPHOR,
    WK_UNIT,
    WK_PART,
    WK_LEAD,
    WK_AGO,
    WK_LATER,
    WK_HABIT,
    WK_NKINDS
};

static const char *const wkind_names[WK_NKINDS] = {
    "day", "shift", "anaphor", "unit", "part", "lead", "ago", "later", "habit"};

enum month_use { MU_NONE, MU_FREE, MU_GUARDED, MU_ABBR };

/* Everything the lexicons say about one word. */
struct word {
    unsigned char month;     /* 1..12, 0 none */
    unsigned char month_use; /* enum month_use */
    unsigned char weekday;   /* 1..7, 0 none */
    bool weekday_abbr;
    bool credit; /* a photo credit word */
    unsigned kinds; /* bits of enum wkind */
    int amount[WK_NKINDS];
    int card; /* cardinal value of a number word, 0 none */
};

struct dater {
    struct scan_map *map; /* word -> index into w */
    struct scan_index index; /* map by the scanner's token hash */
    struct word *w;
    size_t nw, capw;
};

/* ---- building the lexicon --------------------------------------------- */

static struct word *entry(struct dater *dt, const char *s)
{
    int id = scan_map_put(dt->map, s, strlen(s));
    if (id < 0)
        return NULL;
    if ((size_t)id >= dt->nw) {
        dt->w = xgrow(dt->w, &dt->capw, (size_t)id + 1, sizeof *dt->w);
        memset(dt->w + dt->nw, 0, ((size_t)id + 1 - dt->nw) * sizeof *dt->w);
        dt->nw = (size_t)id + 1;
    }
    return &dt->w[id];
}

static enum cd_err bad_row(const struct rule_row *row, const char *what,
                           struct diag *d)
{
    return diag_set(d, CD_ERR_RULE, row->file, row->line, 0, "%s", what);
}

/* Parse field as an integer in [lo, hi]. */
static bool int_field(const char *field, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(field, &end, 10);
    if (errno || end == field || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static enum cd_err load_months(struct dater *dt, const struct rules *r,
                               struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/months");
    enum cd_err err = rules_check_fields(t, 3, 3, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        long m;
        static const char *const uses[] = {"", "free", "guarded", "abbr"};
        unsigned use = 0;
        for (unsigned u = 1; u < 4; u++)
            if (strcmp(row->fields[2], uses[u]) == 0)
                use = u;
        struct word *w = entry(dt, row->fields[0]);
        if (!w || !int_field(row->fields[1], 1, 12, &m) || !use)
            return bad_row(row, "want: name, month 1-12, free|guarded|abbr", d);
        w->month = (unsigned char)m;
        w->month_use = (unsigned char)use;
    }
    return err;
}

static enum cd_err load_weekdays(struct dater *dt, const struct rules *r,
                                 struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/weekdays");
    enum cd_err err = rules_check_fields(t, 3, 3, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        long wd;
        bool abbr = strcmp(row->fields[2], "abbr") == 0;
        struct word *w = entry(dt, row->fields[0]);
        if (!w || !int_field(row->fields[1], 1, 7, &wd) ||
            (!abbr && strcmp(row->fields[2], "free") != 0))
            return bad_row(row, "want: name, weekday 1-7, free|abbr", d);
        w->weekday = (unsigned char)wd;
        w->weekday_abbr = abbr;
    }
    return err;
}

static enum cd_err load_date_words(struct dater *dt, const struct rules *r,
                                   struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/date_words");
    enum cd_err err = rules_check_fields(t, 2, 3, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        long amount = 0;
        int kind = -1;
        for (int k = 0; k < WK_NKINDS; k++)
            if (strcmp(row->fields[1], wkind_names[k]) == 0)
                kind = k;
        struct word *w = entry(dt, row->fields[0]);
        if (!w || kind < 0 ||
            (row->nfields > 2 &&
             !int_field(row->fields[2], -1000, 1000, &amount)))
            return bad_row(row, "want: word, kind (see header), amount", d);
        w->kinds |= 1u << kind;
        w->amount[kind] = (int)amount;
    }
    return err;
}

/* Only the cardinals of lexicon/number_words matter here ("two days ago");
 * the number stage checks the rest of the table. */
static enum cd_err load_cardinals(struct dater *dt, const struct rules *r,
                                  struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/number_words");
    enum cd_err err = rules_check_fields(t, 3, 4, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        long v;
        if (strcmp(row->fields[1], "card") != 0)
            continue;
        struct word *w = entry(dt, row->fields[0]);
        if (!w || !int_field(row->fields[2], 0, 1000, &v))
            return bad_row(row, "want: word, card, value", d);
        w->card = (int)v;
    }
    return err;
}

static enum cd_err load_credits(struct dater *dt, const struct rules *r,
                                struct diag *d)
{
    const struct rule_table *t = rules_get(r, "lexicon/photo_credits");
    enum cd_err err = rules_check_fields(t, 1, 1, d);
    for (size_t i = 0; err == CD_OK && i < t->nrows; i++) {
        struct word *w = entry(dt, t->rows[i].fields[0]);
        if (!w)
            return bad_row(&t->rows[i], "word too long", d);
        w->credit = true;
    }
    return err;
}

/* ---- token helpers ---------------------------------------------------- */

struct parse {
    const struct dater *dt;
    struct doc *doc;
    const char *text;
    const struct scan_tok *t;
    const int *ids; /* lexicon id of each token, -1 if none */
    size_t n;
    size_t floor; /* first token not taken by an earlier match */
    size_t last_year_end; /* token after the last bare year, or SIZE_MAX */
};

static const struct word *word_at(const struct parse *p, size_t i)
{
    if (i >= p->n || p->ids[i] < 0)
        return NULL;
    return &p->dt->w[p->ids[i]];
}

static bool has(const struct word *w, enum wkind k)
{
    return w && (w->kinds & (1u << k));
}

static bool is_char(const struct parse *p, size_t i, char c)
{
    return i < p->n && scan_is_char(p->text, &p->t[i], c);
}

/* Token i is the word s (ASCII case-insensitive). */
__attribute__((always_inline)) static inline bool
is_word(const struct parse *p, size_t i, const char *s)
{
    if (i >= p->n || p->t[i].kind != SCAN_WORD)
        return false;
    const char *w = p->text + p->t[i].start;
    size_t len = p->t[i].end - p->t[i].start;
    /* Asked of nearly every token, and nearly always false on the first
     * letter: an equal word has an equal first letter but for case. */
    if ((w[0] | 32) != (s[0] | 32))
        return false;
    return strlen(s) == len && strncasecmp(w, s, len) == 0;
}

static bool is_cap(const struct parse *p, size_t i)
{
    return i < p->n && (p->t[i].flags & SCANF_CAP);
}

/* A day of the month: "7", "29", "22nd". 0 if none. */
static int day_at(const struct parse *p, size_t i)
{
    if (i >= p->n)
        return 0;
    const struct scan_tok *t = &p->t[i];
    long v = -1;
    if (t->kind == SCAN_NUM && t->end - t->start <= 2) {
        v = scan_digits(p->text, t);
    } else if (t->kind == SCAN_MIXED && t->end - t->start >= 3 &&
               t->end - t->start <= 4) {
        const char *s = p->text + t->start;
        size_t nd = 0;
        while (nd < 2 && s[nd] >= '0' && s[nd] <= '9')
            nd++;
        const char *suf = s + nd;
        size_t rest = t->end - t->start - nd;
        if (nd > 0 && rest == 2 &&
            (!strncmp(suf, "st", 2) || !strncmp(suf, "nd", 2) ||
             !strncmp(suf, "rd", 2) || !strncmp(suf, "th", 2)))
            v = nd == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
    }
    return v >= 1 && v <= 31 ? (int)v : 0;
}

/* A four-digit year in [lo, hi], or 0. */
static int year_at(const struct parse *p, size_t i, int lo, int hi)
{
    if (i >= p->n || p->t[i].end - p->t[i].start != 4)
        return 0;
    long v = scan_digits(p->text, &p->t[i]);
    return v >= lo && v <= hi ? (int)v : 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && year != 0 &&
        !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 28;
    return days[month - 1];
}

static bool valid_ymd(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Move first left over words that belong in a relative date's span
 * ("Earlier on Sunday", "late Monday"), never into an earlier match. */
static size_t extend_left(const struct parse *p, size_t first)
{
    for (int steps = 0; steps < 2 && first > p->floor; steps++) {
        const struct word *w = word_at(p, first - 1);
        if (!has(w, WK_LEAD) || w->amount[WK_LEAD] != 1)
            break;
        first--;
    }
    return first;
}

/* ---- grammars: each returns the token after the match, 0 for none ----- */

/* "2018-09-18", "26.10.2016", "9/18/2018". Dots are read day first (the
 * European habit), slashes month first unless the first part exceeds 12. */
static size_t match_numeric(const struct parse *p, size_t i, struct date *d)
{
    const struct scan_tok *t = &p->t[i];
    if (t->kind != SCAN_NUM)
        return 0;
    int g[3] = {0, 0, 0}, len[3] = {0, 0, 0}, ng = 0;
    char sep = 0;
    for (size_t k = t->start; k < t->end; k++) {
        char c = p->text[k];
        if (c >= '0' && c <= '9') {
            if (len[ng] >= 4)
                return 0;
            g[ng] = g[ng] * 10 + (c - '0');
            len[ng]++;
            continue;
        }
        if ((sep && c != sep) || ng == 2)
            return 0;
        sep = c;
        ng++;
    }
    if (ng != 2)
        return 0;
    int y, m, day;
    if (sep == '-' && len[0] == 4) {
        y = g[0], m = g[1], day = g[2];
    } else if ((sep == '.' || sep == '/') && len[2] == 4 && len[0] <= 2 &&
               len[1] <= 2) {
        bool day_first = sep == '.' ? g[1] <= 12 : g[0] > 12;
        y = g[2];
        m = day_first ? g[1] : g[0];
        day = day_first ? g[0] : g[1];
    } else {
        return 0;
    }
    if (y < 1000 || !valid_ymd(y, m, day))
        return 0;
    d->year = y, d->month = m, d->day = day;
    return i + 1;
}

/* Month first: "May 7, 2016", "July 29", "Sept 18", "March 2011",
 * "September". A bare month must be a capitalised free name not followed
 * by a capitalised word ("April Smith"), or follow a leading preposition
 * ("in May"); an abbreviation needs a day or a year. */
static size_t match_month_first(const struct parse *p, size_t i,
                                struct date *d)
{
    const struct word *w = word_at(p, i);
    if (!w || !w->month || !is_cap(p, i))
        return 0;
    size_t j = i + 1;
    if (w->month_use == MU_ABBR && is_char(p, j, '.'))
        j++;
    int day = day_at(p, j);
    if (day && valid_ymd(0, w->month, day)) {
        d->month = w->month;
        d->day = day;
        size_t k = j + 1 + is_char(p, j + 1, ',');
        int y = year_at(p, k, 1000, 2999);
        if (y && valid_ymd(y, w->month, day)) {
            d->year = y;
            return k + 1;
        }
        return j + 1;
    }
    int y = year_at(p, j, 1000, 2999);
    if (y) {
        d->month = w->month;
        d->year = y;
        return j + 1;
    }
    if (w->month_use == MU_ABBR || (p->t[i].flags & SCANF_ALLCAPS))
        return 0;
    bool lead = i > 0 && has(word_at(p, i - 1), WK_LEAD);
    if (!lead && (w->month_use == MU_GUARDED ||
                  (i + 1 < p->n && p->t[i + 1].kind == SCAN_WORD &&
                   is_cap(p, i + 1))))
        return 0;
    d->month = w->month;
    return i + 1;
}

/* Day first: "28 July", "23 October 2020", "22nd of October". */
static size_t match_day_first(const struct parse *p, size_t i, struct date *d)
{
    int day = day_at(p, i);
    if (!day)
        return 0;
    size_t j = i + 1 + is_word(p, i + 1, "of");
    const struct word *w = word_at(p, j);
    if (!w || !w->month || !is_cap(p, j) || !valid_ymd(0, w->month, day))
        return 0;
    j++;
    if (w->month_use == MU_ABBR && is_char(p, j, '.'))
        j++;
    d->month = w->month;
    d->day = day;
    size_t k = j + is_char(p, j, ',');
    int y = year_at(p, k, 1000, 2999);
    if (y && valid_ymd(y, w->month, day)) {
        d->year = y;
        return k + 1;
    }
    return j;
}

/* A full or partial calendar date starting at i, of any of the shapes
 * above. */
static size_t match_calendar(const struct parse *p, size_t i, struct date *d)
{
    size_t e;
    if ((e = match_numeric(p, i, d)) || (e = match_month_first(p, i, d)) ||
        (e = match_day_first(p, i, d)))
        return e;
    return 0;
}

/* "Thursday, November 26, 2015", "Wednesday (Mar 25)", else a relative
 * weekday: "on Monday night", "Earlier on Sunday", "last Friday". */
static size_t match_weekday(const struct parse *p, size_t i, struct date *d,
                            size_t *first)
{
    const struct word *w = word_at(p, i);
    if (!w || !w->weekday || !is_cap(p, i))
        return 0;
    size_t j = i + 1 + is_char(p, i + 1, ',');
    if (w->weekday_abbr && is_char(p, i + 1, '.'))
        j = i + 2 + is_char(p, i + 2, ',');
    bool paren = is_char(p, j, '(');
    struct date full = {0};
    size_t e = j + paren < p->n ? match_calendar(p, j + paren, &full) : 0;
    if (e && full.day && (!paren || is_char(p, e, ')'))) {
        *d = full;
        d->weekday = w->weekday;
        return e + paren;
    }
    if (w->weekday_abbr || (i > 0 && has(word_at(p, i - 1), WK_HABIT)))
        return 0;
    d->rel = DREL_WEEKDAY;
    d->weekday = w->weekday;
    *first = i;
    const struct word *shift = i > p->floor ? word_at(p, i - 1) : NULL;
    if (has(shift, WK_SHIFT)) {
        d->amount = shift->amount[WK_SHIFT];
        *first = i - 1;
    }
    *first = extend_left(p, *first);
    return i + 1 + has(word_at(p, i + 1), WK_PART);
}

/* "the evening of the 22nd", "until the 22nd": a day whose month comes
 * from the previous date. The ordinal must end the phrase, so "the 10th
 * Brigade" is not a date. */
static size_t match_ordinal_day(const struct parse *p, size_t i,
                                struct date *d, size_t *first)
{
    int day = day_at(p, i + 1);
    if (!day || p->t[i + 1].kind != SCAN_MIXED)
        return 0;
    if (i + 2 < p->n && p->t[i + 2].kind != SCAN_PUNCT)
        return 0;
    if (i >= 2 && is_word(p, i - 1, "of") && i - 2 >= p->floor &&
        has(word_at(p, i - 2), WK_PART)) {
        *first = i - 2;
        if (i >= 3 && i - 3 >= p->floor && is_word(p, i - 3, "the"))
            *first = i - 3;
    } else if (!(i > 0 && has(word_at(p, i - 1), WK_LEAD))) {
        return 0;
    }
    d->rel = DREL_ORDINAL_DAY;
    d->day = day;
    return i + 2;
}

/* "the next day", "the same day", "the following morning", "the day
 * before": dates counted from the previous date in the text. */
static size_t match_the_day(const struct parse *p, size_t i, struct date *d,
                            size_t *first)
{
    const struct word *a = word_at(p, i + 1);
    const struct word *u = word_at(p, i + 2);
    size_t e = 0;
    if (has(a, WK_ANAPHOR) &&
        (has(u, WK_PART) || (has(u, WK_UNIT) && u->amount[WK_UNIT] == 1))) {
        d->amount = a->amount[WK_ANAPHOR];
        e = i + 3;
    } else if (is_word(p, i + 1, "day") &&
               (is_word(p, i + 2, "before") || is_word(p, i + 2, "after")) &&
               (i + 3 >= p->n || p->t[i + 3].kind == SCAN_PUNCT)) {
        d->amount = is_word(p, i + 2, "before") ? -1 : 1;
        e = i + 3;
    }
    if (!e)
        return 0;
    d->rel = DREL_PREV_DAY;
    *first = extend_left(p, i);
    return e;
}

/* "over the weekend", "at the weekend". */
static size_t match_the_weekend(const struct parse *p, size_t i,
                                struct date *d, size_t *first)
{
    const struct word *u = word_at(p, i + 1);
    if (!has(u, WK_UNIT) || u->amount[WK_UNIT] != 2 || i == 0 ||
        !has(word_at(p, i - 1), WK_LEAD))
        return 0;
    d->rel = DREL_WEEKEND;
    *first = extend_left(p, i);
    return i + 2;
}

/* "Earlier in the day", "later that day", "on that day". */
static size_t match_that_day(const struct parse *p, size_t i, struct date *d,
                             size_t *first)
{
    size_t e = 0;
    if (is_word(p, i, "that") && i > p->floor) {
        const struct word *lead = word_at(p, i - 1);
        const struct word *u = word_at(p, i + 1);
        if (has(lead, WK_LEAD) && lead->amount[WK_LEAD] == 1 &&
            (has(u, WK_PART) || (has(u, WK_UNIT) && u->amount[WK_UNIT] == 1)))
            e = i + 2;
    } else if (has(word_at(p, i), WK_LATER) && is_word(p, i + 1, "in") &&
               is_word(p, i + 2, "the") && is_word(p, i + 3, "day")) {
        e = i + 4;
    }
    if (!e)
        return 0;
    d->rel = DREL_PREV_DAY;
    *first = extend_left(p, i);
    return e;
}

/* "today", "yesterday morning", "late yesterday". "Today" after a
 * capitalised word is a name ("USA Today"). */
static size_t match_day_word(const struct parse *p, size_t i, struct date *d,
                             size_t *first)
{
    const struct word *w = word_at(p, i);
    if (!has(w, WK_DAY))
        return 0;
    if (is_cap(p, i) && i > 0 && p->t[i - 1].kind == SCAN_WORD &&
        is_cap(p, i - 1) && !has(word_at(p, i - 1), WK_LEAD))
        return 0;
    d->rel = DREL_DAY;
    d->amount = w->amount[WK_DAY];
    *first = extend_left(p, i);
    return i + 1 + has(word_at(p, i + 1), WK_PART);
}

static enum date_rel rel_of_unit(int days)
{
    switch (days) {
    case 1:
        return DREL_DAY;
    case 2:
        return DREL_WEEKEND;
    case 7:
        return DREL_WEEK;
    case 30:
        return DREL_MONTH;
    case 365:
        return DREL_YEAR;
    }
    return DREL_NONE;
}

/* "last week", "this year", "next month", "earlier this week". */
static size_t match_shift_unit(const struct parse *p, size_t i,
                               struct date *d, size_t *first)
{
    const struct word *s = word_at(p, i);
    const struct word *u = word_at(p, i + 1);
    if (!has(s, WK_SHIFT) || !has(u, WK_UNIT))
        return 0;
    enum date_rel rel = rel_of_unit(u->amount[WK_UNIT]);
    if (rel == DREL_NONE || rel == DREL_DAY)
        return 0;
    /* Plural units count, they do not shift: "the last three years". */
    if (p->text[p->t[i + 1].end - 1] == 's')
        return 0;
    d->rel = rel;
    d->amount = s->amount[WK_SHIFT];
    *first = extend_left(p, i);
    return i + 2;
}

/* "two days ago", "a week ago", "three days later". */
static size_t match_count(const struct parse *p, size_t i, struct date *d)
{
    long n = p->t[i].kind == SCAN_NUM && p->t[i].end - p->t[i].start <= 3
                 ? scan_digits(p->text, &p->t[i])
                 : 0;
    const struct word *w = word_at(p, i);
    if (w && w->card)
        n = w->card;
    const struct word *u = word_at(p, i + 1);
    const struct word *dir = word_at(p, i + 2);
    if (n <= 0 || !has(u, WK_UNIT))
        return 0;
    enum date_rel rel = rel_of_unit(u->amount[WK_UNIT]);
    if (rel == DREL_NONE || rel == DREL_WEEKEND)
        return 0;
    if (has(dir, WK_AGO)) {
        d->rel = rel;
        d->amount = -(int)n;
    } else if (has(dir, WK_LATER) && rel == DREL_DAY) {
        d->rel = DREL_PREV_DAY;
        d->amount = (int)n * dir->amount[WK_LATER];
    } else {
        return 0;
    }
    return i + 3;
}

/* A bare year needs a leading word ("in 2012", "since 2012") or to
 * continue a range ("2011 and 2013"), and must not count a plural noun
 * ("in 1500 troops"). "the 1950s" is a decade. */
static size_t match_year(const struct parse *p, size_t i, struct date *d)
{
    const struct scan_tok *t = &p->t[i];
    if (t->kind == SCAN_MIXED && t->end - t->start == 5 &&
        p->text[t->end - 1] == 's' && p->text[t->end - 2] == '0') {
        struct scan_tok four = *t;
        four.end--;
        four.kind = SCAN_NUM;
        long y = scan_digits(p->text, &four);
        if (y < 1000 || y > 2090)
            return 0;
        d->year = (int)y;
        d->flags |= DATEF_DECADE;
        return i + 1;
    }
    int y = year_at(p, i, 1800, 2099);
    if (!y || i == 0)
        return 0;
    bool lead = has(word_at(p, i - 1), WK_LEAD);
    bool range = p->last_year_end == i - 1 &&
                 (is_word(p, i - 1, "and") || is_word(p, i - 1, "or") ||
                  is_char(p, i - 1, '-'));
    if (!lead && !range)
        return 0;
    if (i + 1 < p->n && p->t[i + 1].kind == SCAN_WORD && !is_cap(p, i + 1)) {
        const char *s = p->text + p->t[i + 1].start;
        size_t len = p->t[i + 1].end - p->t[i + 1].start;
        if (len > 3 && s[len - 1] == 's' && !is_word(p, i + 1, "this"))
            return 0;
    }
    d->year = y;
    return i + 1;
}

/* Could any grammar of match_at match with token i where it looks
 * first? Each asks token i to be a number or a mixed token, a word of
 * the date tables (ids[i] >= 0), or "the" (ordinal day, "the next day",
 * "the weekend") or "that" ("later that day") before a token that can
 * go on; no other word, and no punctuation, anchors a date. Most tokens
 * are such words, so match_at and its dozen tests are skipped for
 * them. */
static bool may_anchor(const struct parse *p, size_t i)
{
    const struct scan_tok *t = &p->t[i];
    if (t->kind == SCAN_NUM || t->kind == SCAN_MIXED)
        return true;
    if (t->kind != SCAN_WORD)
        return false;
    if (p->ids[i] >= 0)
        return true;
    /* both begin with t: most words are out without a call */
    if (((unsigned char)p->text[t->start] | 32) != 't' ||
        !(is_word(p, i, "the") || is_word(p, i, "that")))
        return false;
    /* A grammar that starts at either (outside the tables) reads the next
     * token as a word of the tables ("the next day", "that day", "the
     * weekend"), an ordinal ("the 22nd") or "day" ("the day before"):
     * "the" before any other token, most of them, starts nothing. */
    return i + 1 < p->n && (p->ids[i + 1] >= 0 ||
                            p->t[i + 1].kind == SCAN_MIXED ||
                            is_word(p, i + 1, "day"));
}

/* Try every grammar at token i; the first that matches wins. */
static size_t match_at(struct parse *p, size_t i, struct date *d,
                       size_t *first)
{
    size_t e;
    *first = i;
    memset(d, 0, sizeof *d);
    if (p->t[i].kind == SCAN_PUNCT)
        return 0;
    if ((e = match_weekday(p, i, d, first)))
        return e;
    memset(d, 0, sizeof *d);
    *first = i;
    if ((e = match_calendar(p, i, d)))
        return e;
    memset(d, 0, sizeof *d);
    if (is_word(p, i, "the") &&
        ((e = match_ordinal_day(p, i, d, first)) ||
         (e = match_the_day(p, i, d, first)) ||
         (e = match_the_weekend(p, i, d, first))))
        return e;
    if ((e = match_that_day(p, i, d, first)) ||
        (e = match_day_word(p, i, d, first)) ||
        (e = match_shift_unit(p, i, d, first)) ||
        (e = match_count(p, i, d)) || (e = match_year(p, i, d)))
        return e;
    return 0;
}

/* ---- values and captions ---------------------------------------------- */

/* The value the text alone fixes (see struct date). */
static void provisional_value(struct date *d)
{
    d->value[0] = '\0';
    d->basis = DATE_UNANCHORED;
    if (d->rel == DREL_ORDINAL_DAY) {
        snprintf(d->value, sizeof d->value, "XXXX-XX-%02d", d->day);
        return;
    }
    if (d->rel != DREL_NONE)
        return;
    if (d->flags & DATEF_DECADE) {
        snprintf(d->value, sizeof d->value, "%03dX", d->year / 10);
        d->basis = DATE_EXPLICIT;
        return;
    }
    char year[8] = "XXXX";
    if (d->year)
        snprintf(year, sizeof year, "%04d", d->year);
    if (d->day)
        snprintf(d->value, sizeof d->value, "%s-%02d-%02d", year, d->month,
                 d->day);
    else if (d->month)
        snprintf(d->value, sizeof d->value, "%s-%02d", year, d->month);
    else
        snprintf(d->value, sizeof d->value, "%s", year);
    if (d->year)
        d->basis = DATE_EXPLICIT;
}

/* Captions are short: a line that runs on past this is body text. Bounding
 * the look-ahead keeps a single-line document linear. */
#define MAX_CAPTION_LINE 1000

/* A caption line ends in a parenthesised credit: "... (AFP)". */
static bool credit_line(const struct dater *dt, const struct doc *doc,
                        size_t at)
{
    size_t room = doc->len - at;
    if (room > MAX_CAPTION_LINE)
        room = MAX_CAPTION_LINE;
    const char *nl = memchr(doc->text + at, '\n', room);
    if (!nl && at + room < doc->len)
        return false;
    size_t end = nl ? (size_t)(nl - doc->text) : doc->len;
    while (end > at && (doc->text[end - 1] == ' ' ||
                        doc->text[end - 1] == '\t' || doc->text[end - 1] == '\r'))
        end--;
    if (end == at || doc->text[end - 1] != ')')
        return false;
    size_t open = end - 1;
    while (open > at && doc->text[open] != '(' && end - open < 64)
        open--;
    if (doc->text[open] != '(')
        return false;
    struct scan_toks toks = {0};
    scan_tokens(doc->text, open + 1, end - 1, &toks);
    bool credit = false;
    for (size_t k = 0; k < toks.n && !credit; k++) {
        int id = scan_map_get(dt->map, doc->text + toks.v[k].start,
                              toks.v[k].end - toks.v[k].start);
        credit = id >= 0 && dt->w[id].credit;
    }
    scan_toks_free(&toks);
    return credit;
}

static bool in_caption(const struct dater *dt, const struct doc *doc,
                       struct span s)
{
    size_t lo = 0, hi = doc->nsents;
    while (lo < hi) { /* first sentence ending after s.start */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sents[mid].span.end <= s.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < doc->nsents && doc->sents[lo].span.start <= s.start &&
        (doc->sents[lo].flags & SENT_CAPTION))
        return true;
    return credit_line(dt, doc, s.end);
}

/* ---- driver ----------------------------------------------------------- */

struct run_ctx {
    const struct dater *dt;
    struct doc *doc;
    struct scan_toks toks;
    int *ids; /* parallel to toks, see struct parse */
    size_t capids;
    bool dateline; /* reading a dateline region: boilerplate, but read */
};

static void emit(struct parse *p, struct date *d, size_t first, size_t end,
                 bool dateline)
{
    struct doc *doc = p->doc;
    d->span.start = p->t[first].start;
    d->span.end = p->t[end - 1].end;
    if (dateline)
        d->flags |= DATEF_DATELINE;
    else if (doc_in_boilerplate(doc, d->span))
        return;
    if (in_caption(p->dt, doc, d->span))
        d->flags |= DATEF_CAPTION;
    provisional_value(d);
    if (doc->ndates == doc->capdates)
        doc->dates = xgrow(doc->dates, &doc->capdates, doc->ndates + 1,
                           sizeof *doc->dates);
    doc->dates[doc->ndates++] = *d;
}

/* Find the dates among the n tokens at v (one run of text). */
static void date_toks(struct run_ctx *rc, const struct scan_tok *v, size_t n)
{
    /* Look every word up once: the grammars ask about the same tokens
     * many times. */
    if (n > rc->capids)
        rc->ids = xgrow(rc->ids, &rc->capids, n, sizeof *rc->ids);
    for (size_t k = 0; k < n; k++)
        rc->ids[k] = scan_index_get(&rc->dt->index, rc->doc->text, &v[k]);
    struct parse p = {rc->dt, rc->doc, rc->doc->text, v, rc->ids,
                      n, 0, (size_t)-1};
    size_t i = 0;
    while (i < p.n) {
        struct date d;
        size_t first;
        size_t e = may_anchor(&p, i) ? match_at(&p, i, &d, &first) : 0;
        if (!e) {
            i++;
            continue;
        }
        bool bare_year = d.rel == DREL_NONE && d.year && !d.month &&
                         !(d.flags & DATEF_DECADE);
        emit(&p, &d, first, e, rc->dateline);
        p.last_year_end = bare_year ? e : (size_t)-1;
        p.floor = e;
        i = e;
    }
}

static void date_span(struct run_ctx *rc, size_t start, size_t end)
{
    rc->toks.n = 0;
    scan_tokens(rc->doc->text, start, end, &rc->toks);
    date_toks(rc, rc->toks.v, rc->toks.n);
}

enum cd_err date_new(const struct rules *r, struct dater **out,
                     struct diag *d)
{
    struct dater *dt = xcalloc(1, sizeof *dt);
    dt->map = scan_map_new();
    enum cd_err err = load_months(dt, r, d);
    if (err == CD_OK)
        err = load_weekdays(dt, r, d);
    if (err == CD_OK)
        err = load_date_words(dt, r, d);
    if (err == CD_OK)
        err = load_cardinals(dt, r, d);
    if (err == CD_OK)
        err = load_credits(dt, r, d);
    if (err == CD_OK)
        scan_index_build(&dt->index, dt->map);
    if (err != CD_OK) {
        date_free(dt);
        dt = NULL;
    }
    *out = dt;
    return err;
}

void date_free(struct dater *dt)
{
    if (!dt)
        return;
    scan_index_free(&dt->index);
    scan_map_free(dt->map);
    free(dt->w);
    free(dt);
}

static int by_start(const void *a, const void *b)
{
    const struct date *x = a, *y = b;
    return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

void date_run_scanned(const struct dater *dt, struct doc *doc,
                      const struct scan_doc *sd)
{
    struct run_ctx rc = {dt, doc, {0}, NULL, 0, false};
    size_t before = doc->ndates;
    /* runs with no tokens leave toks.v NULL: no offset is taken from it */
    for (size_t r = 0; sd->toks.v && r < sd->nruns; r++)
        date_toks(&rc, sd->toks.v + sd->first[r],
                  sd->first[r + 1] - sd->first[r]);
    rc.dateline = true;
    for (size_t i = 0; i < doc->nboiler; i++)
        if (doc->boiler[i].why && strcmp(doc->boiler[i].why, "dateline") == 0)
            date_span(&rc, doc->boiler[i].span.start, doc->boiler[i].span.end);
    scan_toks_free(&rc.toks);
    free(rc.ids);
    /* Datelines were read last; spans never overlap, so this is a total
     * order and the result does not depend on qsort's stability. */
    if (doc->ndates - before > 1)
        qsort(doc->dates + before, doc->ndates - before, sizeof *doc->dates,
              by_start);
}

void date_run(const struct dater *dt, struct doc *doc)
{
    struct scan_doc sd = {0};
    scan_doc_build(doc, &sd);
    date_run_scanned(dt, doc, &sd);
    scan_doc_free(&sd);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm: exact for every year, no tables). */
long date_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* 1970-01-01 was a Thursday. */
int date_weekday(long days)
{
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w) + 1;
}
