/* load.c - read inputs, repair text, find metadata, mark boilerplate.
 *
 * Plain text stays byte for byte what the file holds, so every span the
 * tool prints is an offset into the file. HTML is handed to html.c and the
 * extracted article becomes the text. Both then go through the same line
 * cues (rules/boilerplate.tsv) and the same metadata finders.
 */
#include "claimdiff/load.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"
#include "claimdiff/html.h"
#include "claimdiff/rules.h"
#include "claimdiff/rxset.h"
#include "claimdiff/utf8.h"
#include "swar.h"

/* Lines longer than this are body text, never furniture: cue patterns are
 * not run on them, which also keeps a 100 MB single line linear. */
#define MAX_CUE_LINE 2000
/* Directory levels followed below one command-line directory. */
#define MAX_DIR_DEPTH 64

enum cue_kind { CUE_LINE, CUE_TAIL };

struct cue {
    enum cue_kind kind;
    const char *why; /* owned by the rules */
};

/* The cues and the source patterns are tried on every line, and nearly
 * every line is body text: each list is an rxset, whose one combined run
 * rules a line out before the patterns are tried one by one. */
struct loader {
    struct cue *cues;
    struct rxset *cue_rx; /* member i is cue i's pattern */
    size_t ncues;
    struct rxset *source_rx;
    size_t nsource;
    struct html_extractor *html;
};

/* Compile field col of the first n rows of t into one rxset. */
static enum cd_err compile_set(const struct rule_table *t, size_t n,
                               size_t col, struct rxset **out, struct diag *d)
{
    const char **pats = xcalloc(n + 1, sizeof *pats);
    const struct rule_row **rows = xcalloc(n + 1, sizeof *rows);
    for (size_t i = 0; i < n; i++) {
        pats[i] = t->rows[i].fields[col];
        rows[i] = &t->rows[i];
    }
    enum cd_err err = rxset_new(pats, rows, n, out, d);
    free(pats);
    free(rows);
    return err;
}

/* ---- loader lifecycle ------------------------------------------------- */

static enum cd_err compile_cues(struct loader *l, const struct rules *r,
                                struct diag *d)
{
    const struct rule_table *t = rules_get(r, "boilerplate");
    enum cd_err err = rules_check_fields(t, 3, 3, d);
    if (err)
        return err;
    /* Rows up to the first of an unknown kind are compiled as one set:
     * the error reported is the first bad row's, kind or pattern, in file
     * order, as when each row was compiled in turn. */
    size_t good = 0;
    l->cues = xcalloc(t->nrows + 1, sizeof *l->cues);
    for (; good < t->nrows; good++) {
        const struct rule_row *row = &t->rows[good];
        struct cue *c = &l->cues[good];
        if (strcmp(row->fields[0], "line") == 0)
            c->kind = CUE_LINE;
        else if (strcmp(row->fields[0], "tail") == 0)
            c->kind = CUE_TAIL;
        else
            break;
        c->why = row->fields[2];
    }
    err = compile_set(t, good, 1, &l->cue_rx, d);
    if (err)
        return err;
    if (good < t->nrows)
        return diag_set(d, CD_ERR_RULE, t->rows[good].file,
                        t->rows[good].line, 1,
                        "unknown cue kind '%s' (line or tail)",
                        t->rows[good].fields[0]);
    l->ncues = t->nrows;
    return CD_OK;
}

static enum cd_err compile_metadata(struct loader *l, const struct rules *r,
                                    struct diag *d)
{
    const struct rule_table *t = rules_get(r, "metadata");
    enum cd_err err = rules_check_fields(t, 2, 2, d);
    if (err)
        return err;
    size_t good = 0; /* as in compile_cues: first bad row wins */
    while (good < t->nrows && strcmp(t->rows[good].fields[0], "source") == 0)
        good++;
    err = compile_set(t, good, 1, &l->source_rx, d);
    if (err)
        return err;
    if (good < t->nrows)
        return diag_set(d, CD_ERR_RULE, t->rows[good].file,
                        t->rows[good].line, 1,
                        "unknown metadata field '%s' (source)",
                        t->rows[good].fields[0]);
    l->nsource = t->nrows;
    return CD_OK;
}

enum cd_err load_new(const struct rules *r, struct loader **out,
                     struct diag *d)
{
    struct loader *l = xcalloc(1, sizeof *l);
    enum cd_err err = compile_cues(l, r, d);
    if (!err)
        err = compile_metadata(l, r, d);
    if (!err)
        err = html_new(r, &l->html, d);
    if (err) {
        load_free(l);
        *out = NULL;
        return err;
    }
    *out = l;
    return CD_OK;
}

void load_free(struct loader *l)
{
    if (!l)
        return;
    free(l->cues);
    rxset_free(l->cue_rx);
    rxset_free(l->source_rx);
    html_free(l->html);
    free(l);
}

static bool all_space(const char *s, size_t n);

/* ---- lines -------------------------------------------------------------- */

struct line {
    struct span span; /* trimmed of white space (ASCII, NBSP, BOM) */
};

struct lines {
    struct line *v;
    size_t n, cap;
};

static bool space_at(const char *s, size_t n, size_t *len)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    if (k && utf8_is_space(cp)) {
        *len = k;
        return true;
    }
    return false;
}

static struct span trim_span(const char *text, struct span s)
{
    size_t k;
    while (s.start < s.end && space_at(text + s.start, s.end - s.start, &k))
        s.start += k;
    /* Walk back over trailing white space one byte at a time: every space
     * we know ends in 0x20, 0x09-0x0D, 0xA0, 0x8B/0xAF/0x9F/0x80 (U+20xx,
     * U+3000) or 0xBF (BOM), and we re-check from its lead byte. */
    while (s.end > s.start) {
        size_t b = s.end - 1;
        while (b > s.start && ((unsigned char)text[b] & 0xC0) == 0x80 &&
               s.end - b < 4)
            b--;
        if (!space_at(text + b, s.end - b, &k) || b + k != s.end)
            break;
        s.end = b;
    }
    return s;
}

/* The doc's lines (doc_new found them), trimmed. */
static void split_lines(const struct doc *doc, struct lines *out)
{
    out->v = xgrow(out->v, &out->cap, doc->nlines, sizeof *out->v);
    for (size_t i = 0; i < doc->nlines; i++)
        out->v[out->n++].span = trim_span(doc->text, doc_line(doc, i));
}

static size_t span_len(struct span s)
{
    return s.end - s.start;
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t' || (unsigned char)s[i] == 0xA0;
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* ---- datelines ------------------------------------------------------ */

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/* Letters of each name in month_names. */
static const unsigned char month_lens[12] = {7, 8, 5, 5, 3, 4,
                                             4, 6, 9, 7, 8, 8};

static int month_at(const char *s, size_t n, size_t *len)
{
    if (n < 3)
        return 0;
    /* Called at every word start of a short line: most words fail on the
     * first letter, which costs one compare per month here. */
    char first = (char)(s[0] | 32);
    for (int m = 0; m < 12; m++) {
        if (month_names[m][0] != first)
            continue;
        size_t full = month_lens[m];
        if (n >= full && strncasecmp(s, month_names[m], full) == 0 &&
            (n == full || !((s[full] | 32) >= 'a' && (s[full] | 32) <= 'z'))) {
            *len = full;
            return m + 1;
        }
        if (n >= 3 && strncasecmp(s, month_names[m], 3) == 0 &&
            (n == 3 || s[3] == '.' || s[3] == ' ' || s[3] == ',')) {
            *len = s[3] == '.' ? 4 : 3;
            return m + 1;
        }
    }
    return 0;
}

static int read_int(const char *s, size_t n, size_t *pos, int maxdigits)
{
    int v = 0, k = 0;
    while (*pos < n && k < maxdigits && s[*pos] >= '0' && s[*pos] <= '9') {
        v = v * 10 + (s[*pos] - '0');
        (*pos)++;
        k++;
    }
    return k ? v : -1;
}

static bool plausible(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* YYYY-MM-DD of a plausible date; digits by hand as the ranges are known. */
static void iso_date(char out[11], int y, int m, int d)
{
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* Try the formats at s[pos..n); on success write out and return the end. */
static size_t date_at(const char *s, size_t n, size_t pos, char out[11])
{
    size_t p = pos, ml;
    int a = read_int(s, n, &p, 4), b, c, m;
    if (a >= 0) {
        size_t digits = p - pos;
        if (digits <= 2 && p < n && (s[p] == '.' || s[p] == '/')) {
            char sep = s[p++]; /* DD.MM.YYYY */
            b = read_int(s, n, &p, 2);
            if (b < 0 || p >= n || s[p++] != sep)
                return 0;
            c = read_int(s, n, &p, 4);
            if (!plausible(c, b, a))
                return 0;
            iso_date(out, c, b, a);
            return p;
        }
        if (digits == 4 && p < n && s[p] == '-') { /* YYYY-MM-DD */
            p++;
            b = read_int(s, n, &p, 2);
            if (b < 0 || p >= n || s[p++] != '-')
                return 0;
            c = read_int(s, n, &p, 2);
            if (!plausible(a, b, c))
                return 0;
            iso_date(out, a, b, c);
            return p;
        }
        if (digits <= 2) { /* 23 October 2020 */
            while (p < n && s[p] == ' ')
                p++;
            m = month_at(s + p, n - p, &ml);
            if (!m)
                return 0;
            p += ml;
            while (p < n && (s[p] == ' ' || s[p] == ','))
                p++;
            c = read_int(s, n, &p, 4);
            if (!plausible(c, m, a))
                return 0;
            iso_date(out, c, m, a);
            return p;
        }
        return 0;
    }
    m = month_at(s + p, n - p, &ml); /* October 23, 2020 */
    if (!m)
        return 0;
    p += ml;
    while (p < n && s[p] == ' ')
        p++;
    b = read_int(s, n, &p, 2);
    if (b < 0)
        return 0;
    while (p < n && (s[p] == ' ' || s[p] == ','))
        p++;
    c = read_int(s, n, &p, 4);
    if (!plausible(c, m, b))
        return 0;
    iso_date(out, c, m, b);
    return p;
}

int load_parse_dateline(const char *s, size_t len, char out[11])
{
    for (size_t i = 0; i < len; i++) {
        bool boundary = i == 0 || !((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z');
        /* "GMT23 October": a date may follow letters when it starts with a
         * digit, as scraped datelines glue the zone to the day. */
        bool digit = s[i] >= '0' && s[i] <= '9';
        if ((boundary || digit) && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
            date_at(s, len, i, out))
            return 1;
    }
    return 0;
}

/* A line that is only a date, perhaps with a time and zone and weekday:
 * "26.10.2016", "03:55 GMT23 October 2020", "Monday, 1 August 2016". */

/* ASCII letters and digits among s[0, n), eight bytes a step (the order
 * of the bytes in a loaded word does not matter to a count). Bytes beyond
 * ASCII are neither. */
static void count_letters_digits(const char *s, size_t n, size_t *letters,
                                 size_t *digits)
{
    size_t i = 0, l = 0, d = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t high = x & EVERY_BYTE(0x80);
        uint64_t x7 = x ^ high;
        l += swar_count_top(swar_bytes_in(x7 | EVERY_BYTE(0x20), 'a', 'z') & ~high);
        d += swar_count_top(swar_bytes_in(x7, '0', '9') & ~high);
    }
    for (; i < n; i++) {
        l += (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z';
        d += s[i] >= '0' && s[i] <= '9';
    }
    *letters = l;
    *digits = d;
}

static bool is_dateline(const char *s, size_t n, char out[11])
{
    size_t letters, digits;
    if (n == 0 || n > 60)
        return false;
    count_letters_digits(s, n, &letters, &digits);
    /* month name + weekday + zone: a prose line has far more letters;
     * every date form has a year in digits. These counts are cheap, so
     * they go before the search for a date (out is only read after
     * true). */
    return letters <= 24 && digits > 0 && count_words(s, n) <= 7 &&
           load_parse_dateline(s, n, out);
}

/* "date 2018-09-18 ...", "Published: March 26, 2015 ...": a line that
 * opens with a labelled date. The rest of the line may be anything. */
static bool leading_dateline(const char *s, size_t n, char out[11])
{
    static const char *const labels[] = {"date", "published", "updated",
                                         "posted", "last updated", NULL};
    size_t p = 0;
    for (int i = 0; labels[i]; i++) {
        size_t k = strlen(labels[i]);
        if (n > k && strncasecmp(s, labels[i], k) == 0 &&
            (s[k] == ' ' || s[k] == ':')) {
            p = k;
            break;
        }
    }
    if (p == 0)
        return false;
    while (p < n && (s[p] == ' ' || s[p] == ':' || s[p] == '\t'))
        p++;
    return date_at(s, n, p, out) != 0;
}

/* ---- boilerplate ---------------------------------------------------- */

/* Whether member c of set, among those in may (rxset_may_members), may
 * match the line s. */
static bool member_may(const struct rxset *set, uint64_t may, size_t c,
                       const char *text, struct span s)
{
    if (c >= 64)
        return rxset_member_may(set, c, text + s.start, span_len(s));
    return may >> c & 1;
}

static bool cue_matches(const struct loader *l, uint64_t may, size_t c,
                        struct rules_rx_scratch *sc, const char *text,
                        struct span s)
{
    struct rules_rx_match m;
    return member_may(l->cue_rx, may, c, text, s) &&
           rules_rx_find(rxset_member(l->cue_rx, c), sc, text + s.start,
                         span_len(s), 0, &m);
}

/* Title Case: most words of four letters or more start upper case. */
static bool title_case(const char *s, size_t n)
{
    size_t long_words = 0, caps = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        size_t start = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t letters = 0;
        for (size_t k = start; k < i; k++)
            if ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z')
                letters++;
        if (letters >= 4) {
            long_words++;
            if (s[start] >= 'A' && s[start] <= 'Z')
                caps++;
        }
    }
    return long_words > 0 && caps * 10 >= long_words * 7;
}

/* "airstrikes, Syria, United States, Russia": a list of tags. */
static bool tag_list(const char *s, size_t n)
{
    size_t commas = 0, words = count_words(s, n);
    for (size_t i = 0; i < n; i++)
        commas += s[i] == ',';
    return commas >= 2 && words <= 3 * (commas + 1) && s[n - 1] != '.';
}

/* Short line of site furniture after the body ends: a related headline, a
 * tag list, a button label. */
static bool furniture_line(const char *s, size_t n)
{
    size_t words = count_words(s, n);
    char last = s[n - 1];
    if (last == '.' || last == ':' || last == ';' || words > 16)
        return false;
    return words <= 3 || title_case(s, n) || tag_list(s, n);
}

static void mark(struct doc *doc, struct span s, const char *why,
                 const char **first_why)
{
    doc_add_boilerplate(doc, s, why);
    if (!*first_why)
        *first_why = why;
}

static void mark_boilerplate(const struct loader *l, struct doc *doc,
                             const struct lines *ls)
{
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    const char *why = NULL;
    char iso[11];
    size_t i;
    for (i = 0; i < ls->n; i++) {
        struct span s = ls->v[i].span;
        if (span_len(s) == 0 || span_len(s) > MAX_CUE_LINE)
            continue;
        if (is_dateline(doc->text + s.start, span_len(s), iso)) {
            mark(doc, s, "dateline", &why);
            continue;
        }
        uint64_t may = rxset_may_members(l->cue_rx, sc, doc->text + s.start,
                                         span_len(s));
        if (!may)
            continue;
        for (size_t c = 0; c < l->ncues; c++) {
            const struct cue *cue = &l->cues[c];
            if (!cue_matches(l, may, c, sc, doc->text, s))
                continue;
            if (cue->kind == CUE_TAIL && s.start * 2 >= doc->len) {
                mark(doc, (struct span){s.start, doc->len}, cue->why, &why);
                i = ls->n; /* nothing after a tail is body */
            } else if (cue->kind == CUE_LINE) {
                mark(doc, s, cue->why, &why);
            } else {
                continue;
            }
            break;
        }
    }
    /* Walk back from the end over short furniture lines (related
     * headlines, tag lists), never into the first half of the text. */
    for (i = ls->n; i-- > 0;) {
        struct span s = ls->v[i].span;
        if (span_len(s) == 0 || doc_in_boilerplate(doc, s))
            continue;
        if (s.start * 2 < doc->len ||
            !furniture_line(doc->text + s.start, span_len(s)))
            break;
        mark(doc, s, "related links", &why);
    }
    rules_rx_scratch_free(sc);
}

/* Regions of one kind separated only by blank lines are one stretch of
 * furniture: join them so the warning names it once. */
static void join_regions(struct doc *doc)
{
    size_t i = 0;
    while (i + 1 < doc->nboiler) {
        struct region *a = &doc->boiler[i], *b = &doc->boiler[i + 1];
        struct span gap = {a->span.end, b->span.start};
        if (strcmp(a->why, b->why) == 0 &&
            all_space(doc->text + gap.start, span_len(gap)))
            doc_add_boilerplate(doc, gap, a->why);
        else
            i++;
    }
}

/* Decimal digits of v at p; returns the end. */
static char *put_uint(char *p, unsigned v)
{
    char digits[16];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    return p;
}

/* "boilerplate set aside: WHY (line A)" or "(lines A-B)", as doc_warn
 * would print it, without printf; a reason too long for the buffer takes
 * doc_warn itself. */
static void warn_region(struct doc *doc, const char *why, unsigned a,
                        unsigned b)
{
    static const char head[] = "boilerplate set aside: ";
    char msg[256];
    size_t wlen = strlen(why);
    /* head, why, " (lines ", two numbers of at most 10 digits, "-)" */
    if (sizeof head - 1 + wlen + 8 + 2 * 10 + 2 > sizeof msg) {
        if (a == b)
            doc_warn(doc, "boilerplate set aside: %s (line %u)", why, a);
        else
            doc_warn(doc, "boilerplate set aside: %s (lines %u-%u)", why, a,
                     b);
        return;
    }
    char *p = msg;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    memcpy(p, why, wlen);
    p += wlen;
    if (a == b) {
        memcpy(p, " (line ", 7);
        p = put_uint(p + 7, a);
    } else {
        memcpy(p, " (lines ", 8);
        p = put_uint(p + 8, a);
        *p++ = '-';
        p = put_uint(p, b);
    }
    *p++ = ')';
    doc_warn_text(doc, msg, (size_t)(p - msg));
}

static void warn_boilerplate(struct doc *doc)
{
    for (size_t i = 0; i < doc->nboiler; i++) {
        const struct region *r = &doc->boiler[i];
        warn_region(doc, r->why, doc_line_of(doc, r->span.start),
                    doc_line_of(doc, r->span.end - 1));
    }
}

/* ---- metadata ---------------------------------------------------------- */

static void find_source(const struct loader *l, struct doc *doc,
                        const struct lines *ls)
{
    struct rules_rx_scratch *sc = rules_rx_scratch_new();
    struct rules_rx_match m;
    for (size_t i = 0; i < ls->n && !doc->source; i++) {
        struct span s = ls->v[i].span;
        if (span_len(s) == 0 || span_len(s) > MAX_CUE_LINE)
            continue;
        uint64_t may = rxset_may_members(l->source_rx, sc,
                                         doc->text + s.start, span_len(s));
        if (!may)
            continue;
        for (size_t k = 0; k < l->nsource; k++) {
            if (member_may(l->source_rx, may, k, doc->text, s) &&
                rules_rx_find(rxset_member(l->source_rx, k), sc,
                              doc->text + s.start,
                              span_len(s), 0, &m) &&
                m.ngroups > 1 && m.start[1] != (size_t)-1) {
                doc->source = arena_strndup(doc->arena,
                                            doc->text + s.start + m.start[1],
                                            m.end[1] - m.start[1]);
                break;
            }
        }
    }
    rules_rx_scratch_free(sc);
}

/* Short, and either without a final stop or in Title Case (a headline may
 * end in an abbreviation: "..., Says U.S."). */
static bool headline_shape(const char *s, size_t n)
{
    char last = s[n - 1];
    size_t words = count_words(s, n);
    if (n > 250 || words < 2 || words > 30 || last == ',' || last == ':' ||
        last == ';')
        return false;
    return last != '.' || title_case(s, n);
}

static void set_title(struct doc *doc, struct span s)
{
    doc->title = arena_strndup(doc->arena, doc->text + s.start, span_len(s));
    doc->title_span = s;
}

/* The headline is the first body line near the top if it is short and
 * without a final period; a dateline may sit above or below it. Some
 * scraped pages instead close with a "headline DD.MM.YYYY" line. */
#define HEAD_LINES 6

static void find_title_and_date(struct doc *doc, const struct lines *ls)
{
    size_t seen = 0, i;
    bool body_seen = false;
    char iso[11];
    for (i = 0; i < ls->n && seen < HEAD_LINES; i++) {
        struct span s = ls->v[i].span;
        if (span_len(s) == 0)
            continue;
        seen++;
        if (is_dateline(doc->text + s.start, span_len(s), iso) ||
            leading_dateline(doc->text + s.start, span_len(s), iso)) {
            if (!doc->published) {
                doc->published = arena_strdup(doc->arena, iso);
                doc->published_span = s;
            }
            continue;
        }
        if (body_seen || doc_in_boilerplate(doc, s))
            continue;
        body_seen = true;
        if (headline_shape(doc->text + s.start, span_len(s)) && i + 1 < ls->n)
            set_title(doc, s);
    }
    for (i = ls->n; i-- > 0;) {
        struct span s = ls->v[i].span;
        if (span_len(s) == 0 || doc_in_boilerplate(doc, s))
            continue;
        const char *t = doc->text + s.start;
        size_t n = span_len(s);
        /* The last body line: "... in Aleppo 26.10.2016". */
        size_t k = n;
        while (k > 0 && t[k - 1] != ' ')
            k--;
        if (!doc->published && k > 0 && is_dateline(t + k, n - k, iso)) {
            doc->published = arena_strdup(doc->arena, iso);
            doc->published_span = (struct span){s.start + k, s.end};
            struct span head = trim_span(doc->text, (struct span){s.start, s.start + k});
            if (!doc->title && span_len(head) &&
                headline_shape(doc->text + head.start, span_len(head)))
                set_title(doc, head);
        }
        break;
    }
}

/* ---- reading ----------------------------------------------------------- */

static enum cd_err read_stream(FILE *f, const char *path, char **out,
                               size_t *outlen, struct diag *d)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536)
            buf = xgrow(buf, &cap, len + 65536 + 1, 1);
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (len > CD_MAX_DOC_BYTES) {
            free(buf);
            return diag_set(d, CD_ERR_TOOBIG, path, 0, 0,
                            "larger than %zu bytes, skipped",
                            (size_t)CD_MAX_DOC_BYTES);
        }
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        return diag_set(d, CD_ERR_IO, path, 0, 0, "%s",
                        e ? strerror(e) : "read error");
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return CD_OK;
}

static enum cd_err read_path(const char *path, char **out, size_t *len,
                             struct diag *d)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, "-", out, len, d);
    if (stat(path, &st) != 0)
        return diag_set(d, CD_ERR_IO, path, 0, 0, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return diag_set(d, CD_ERR_IO, path, 0, 0, "is a directory");
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > CD_MAX_DOC_BYTES)
        return diag_set(d, CD_ERR_TOOBIG, path, 0, 0,
                        "larger than %zu bytes, skipped",
                        (size_t)CD_MAX_DOC_BYTES);
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_set(d, CD_ERR_IO, path, 0, 0, "%s", strerror(errno));
    enum cd_err err = read_stream(f, path, out, len, d);
    fclose(f);
    return err;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcasecmp(s + n - k, suf) == 0;
}

static bool looks_html(const char *bytes, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    const char *lt = memchr(bytes, '<', n);
    for (size_t i = lt ? (size_t)(lt - bytes) : n; i + 5 <= n; i++) {
        if (bytes[i] != '<')
            continue;
        if (strncasecmp(bytes + i, "<html", 5) == 0 ||
            (i + 9 <= n && strncasecmp(bytes + i, "<!doctype", 9) == 0))
            return true;
    }
    return false;
}

static bool all_space(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && space_at(s + i, n - i, &k))
        i += k;
    return i == n;
}

static enum cd_err text_doc(const char *path, const char *bytes, size_t len,
                            struct doc **out)
{
    char *text = xmalloc(len + 1);
    memcpy(text, bytes, len);
    text[len] = '\0';
    size_t bad = utf8_repair(text, len);
    struct doc *doc = doc_new(path, text, len);
    if (bad)
        doc_warn(doc, "invalid UTF-8 repaired: %zu byte%s replaced by '?'",
                 bad, bad == 1 ? "" : "s");
    *out = doc;
    return CD_OK;
}

static enum cd_err html_doc(const struct loader *l, const char *path,
                            const char *bytes, size_t len, struct doc **out,
                            struct diag *d)
{
    struct html_article a;
    enum cd_err err = html_extract(l->html, bytes, len, &a, d);
    if (err) {
        /* html.c does not know the file's name; the message must say it. */
        char msg[CD_DIAG_MSG];
        if (!d)
            return err;
        memcpy(msg, d->msg, sizeof msg);
        return diag_set(d, err, path, 0, 0, "%s", msg);
    }
    /* The text can outgrow the page (a tag becomes a line break); spans
     * are 32-bit, so it is held to the loader's cap like any input. */
    if (a.len > CD_MAX_DOC_BYTES) {
        html_article_clear(&a);
        return diag_set(d, CD_ERR_TOOBIG, path, 0, 0,
                        "text larger than %zu bytes, skipped",
                        (size_t)CD_MAX_DOC_BYTES);
    }
    /* A page of markup alone is refused like a text file of white space,
     * rather than becoming a document without a word. */
    if (all_space(a.text, a.len)) {
        html_article_clear(&a);
        return diag_set(d, CD_ERR_EMPTY, path, 0, 0,
                        "no text (only markup and white space), skipped");
    }
    /* libxml2 produces UTF-8; repair anyway so the invariant never rests on
     * another library's corner cases. */
    utf8_repair(a.text, a.len);
    struct doc *doc = doc_new(path, a.text, a.len);
    a.text = NULL;
    doc->is_html = true;
    if (a.title)
        doc->title = arena_strdup(doc->arena, a.title);
    if (a.source)
        doc->source = arena_strdup(doc->arena, a.source);
    if (a.published)
        doc->published = arena_strdup(doc->arena, a.published);
    for (size_t i = 0; i < a.nboiler; i++)
        doc_add_boilerplate(doc, a.boiler[i],
                            a.boiler_why && a.boiler_why[i]
                                ? arena_strdup(doc->arena, a.boiler_why[i])
                                : "page furniture");
    for (size_t i = 0; i < a.nwarnings; i++)
        doc_warn(doc, "%s", a.warnings[i]);
    html_article_clear(&a);
    *out = doc;
    return CD_OK;
}

enum cd_err load_buffer(const struct loader *l, const char *path,
                        const char *bytes, size_t len, enum load_kind kind,
                        struct doc **out, struct diag *d)
{
    struct doc *doc = NULL;
    struct lines ls = {0};
    enum cd_err err;
    *out = NULL;
    if (len > CD_MAX_DOC_BYTES)
        return diag_set(d, CD_ERR_TOOBIG, path, 0, 0,
                        "larger than %zu bytes, skipped",
                        (size_t)CD_MAX_DOC_BYTES);
    if (memchr(bytes, '\0', len))
        return diag_set(d, CD_ERR_BINARY, path, 0, 0, "binary file, skipped");
    if (all_space(bytes, len))
        return diag_set(d, CD_ERR_EMPTY, path, 0, 0,
                        len ? "no text (only white space), skipped"
                            : "empty file, skipped");
    if (kind == LOAD_AUTO)
        kind = has_suffix(path, ".html") || has_suffix(path, ".htm") ||
                       looks_html(bytes, len)
                   ? LOAD_HTML
                   : LOAD_TEXT;
    err = kind == LOAD_HTML ? html_doc(l, path, bytes, len, &doc, d)
                            : text_doc(path, bytes, len, &doc);
    if (err)
        return err;
    split_lines(doc, &ls);
    mark_boilerplate(l, doc, &ls);
    find_source(l, doc, &ls);
    find_title_and_date(doc, &ls);
    join_regions(doc);
    warn_boilerplate(doc);
    free(ls.v);
    *out = doc;
    return CD_OK;
}

enum cd_err load_file(const struct loader *l, const char *path,
                      enum load_kind kind, struct doc **out, struct diag *d)
{
    char *bytes;
    size_t len;
    *out = NULL;
    enum cd_err err = read_path(path, &bytes, &len, d);
    if (err)
        return err;
    err = load_buffer(l, path, bytes, len, kind, out, d);
    free(bytes);
    return err;
}

/* ---- paths ---------------------------------------------------------- */

struct visit {
    dev_t dev;
    ino_t ino;
};

/* Every directory listed so far in one expansion. */
struct visited {
    struct visit *v;
    size_t n, cap;
};

static bool wanted_file(const char *name)
{
    return has_suffix(name, ".txt") || has_suffix(name, ".html") ||
           has_suffix(name, ".htm");
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect wanted files below dir. A directory already listed in this
 * expansion, through whatever path, is not listed again: that ends
 * symbolic-link loops, reads no file twice, and keeps links that fan out
 * (two links to the next level, and so on) linear instead of exponential.
 * The linear search is fine for the few thousand directories of a corpus. */
static void walk_dir(const char *dir, struct visited *seen, int depth,
                     struct load_paths *out)
{
    struct stat st;
    if (depth >= MAX_DIR_DEPTH || stat(dir, &st) != 0)
        return;
    for (size_t i = 0; i < seen->n; i++)
        if (seen->v[i].dev == st.st_dev && seen->v[i].ino == st.st_ino)
            return;
    if (seen->n == seen->cap)
        seen->v = xgrow(seen->v, &seen->cap, seen->n + 1, sizeof *seen->v);
    seen->v[seen->n].dev = st.st_dev;
    seen->v[seen->n].ino = st.st_ino;
    seen->n++;
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = xgrow(names, &cap, n + 1, sizeof *names);
        size_t dl = strlen(dir);
        bool slash = dl > 0 && dir[dl - 1] == '/';
        size_t sz = dl + strlen(e->d_name) + 2;
        names[n] = xmalloc(sz);
        snprintf(names[n], sz, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        n++;
    }
    closedir(dh);
    qsort(names, n, sizeof *names, compare_strings);
    for (size_t i = 0; i < n; i++) {
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            walk_dir(names[i], seen, depth + 1, out);
            free(names[i]);
        } else if (wanted_file(names[i])) {
            if (out->n == out->cap)
                out->paths = xgrow(out->paths, &out->cap, out->n + 1,
                                   sizeof *out->paths);
            out->paths[out->n++] = names[i];
        } else {
            free(names[i]);
        }
    }
    free(names);
}

enum cd_err load_expand(const char *arg, struct load_paths *out,
                        struct diag *d)
{
    struct stat st;
    if (strcmp(arg, "-") != 0) {
        if (stat(arg, &st) != 0)
            return diag_set(d, CD_ERR_IO, arg, 0, 0, "%s", strerror(errno));
        if (S_ISDIR(st.st_mode)) {
            struct visited seen = {0};
            size_t before = out->n;
            walk_dir(arg, &seen, 0, out);
            free(seen.v);
            if (out->n == before)
                return diag_set(d, CD_ERR_NOINPUT, arg, 0, 0,
                                "directory holds no .txt, .html or .htm "
                                "file, skipped");
            return CD_OK;
        }
    }
    if (out->n == out->cap)
        out->paths = xgrow(out->paths, &out->cap, out->n + 1,
                           sizeof *out->paths);
    out->paths[out->n++] = xstrdup(arg);
    return CD_OK;
}

void load_paths_clear(struct load_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->paths[i]);
    free(p->paths);
    memset(p, 0, sizeof *p);
}
