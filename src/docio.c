/* docio.c - document records: struct doc to one JSON line and back.
 *
 * The writer keeps every byte: strings are written as they are (no UTF-8
 * repair, which would move nothing in the text but could change a path),
 * and numbers that JSON cannot hold (an open range's +inf) are written as
 * strings. The reader trusts nothing: every span must lie in the text,
 * every index in its array and every enum in its range, so a damaged line
 * is refused with its file and line rather than read into a document that
 * a later stage would index out of bounds. Enums are written as their
 * numbers; DOCIO_FORMAT changes whenever their meaning does.
 */
#include "claimdiff/docio.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/jsonw.h"
#include "claimdiff/load.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/report.h"
#include "claimdiff/tag.h"
#include "swar.h"

/* ---- writing ---------------------------------------------------------- */

/* Records are the bytes cJSON_PrintUnformatted printed for the tree this
 * code once built, keys in the order the reader has always seen them. A
 * record is ~7.5x its input and mostly keys and small integers, so each
 * object is laid out here from its literal keys (quotes, colon and comma
 * included) and integers are put straight into one reservation per run
 * between two strings; jsonw escapes the strings. */

/* Room every run of literals and integers between two strings or array
 * items needs: the longest (a claim's tail, 14 keys and 7 integers) takes
 * under 300. A reservation holds several runs (RUN_ROOM bytes), and short
 * plain strings (at most STR_INLINE bytes) go into it too, so most items
 * and strings need no new one. */
#define RUN_MAX 512
#define RUN_ROOM 4096
#define STR_INLINE 256

/* The most room reserved up front for a record, whatever its text. */
#define RECORD_GUESS_MAX ((size_t)1 << 20)

/* A record being written: w's buffer with p the place of the next byte,
 * inside a reservation ending at lim (between run_open and run_close). */
struct rec {
    struct jsonw *w;
    char *p, *lim;
};

static void run_open(struct rec *r)
{
    r->p = jsonw_room(r->w, RUN_ROOM);
    r->lim = r->p + RUN_ROOM;
}

static void run_close(struct rec *r)
{
    jsonw_wrote(r->w, r->p);
}

/* At least need bytes left in the reservation: a new one if not. */
static void run_need(struct rec *r, size_t need)
{
    if ((size_t)(r->lim - r->p) < need) {
        run_close(r);
        run_open(r);
    }
}

/* The literal s (a string literal: its size is known) at r->p. */
#define LIT(r, s) lit((r), (s), sizeof(s) - 1)

static void lit(struct rec *r, const char *s, size_t n)
{
    memcpy(r->p, s, n);
    r->p += n;
}

/* Integers print as jsonw_number printed them once converted to double:
 * plain digits below JSONW_INT_LIMIT, else through jsonw itself. */
static void num_big(struct rec *r, double v)
{
    run_close(r);
    jsonw_put_number(r->w, v);
    run_open(r);
}

/* num and span_head write two of every three values of a record, most
 * of them offsets and indexes below SWAR_SMALL_LIMIT, which
 * swar_put_small writes in line where jsonw_put_int is a call. Kept in
 * line themselves (gcc leaves them out of line for their many call
 * sites), they save ~0.6 M instructions per 100 documents of call
 * overhead. */
__attribute__((always_inline)) static inline void num(struct rec *r,
                                                      int64_t v)
{
    if (v >= 0 && v < (int64_t)SWAR_SMALL_LIMIT)
        r->p = swar_put_small(r->p, (uint32_t)v);
    else if (v > -JSONW_INT_LIMIT && v < JSONW_INT_LIMIT)
        r->p = jsonw_put_int(r->p, v);
    else
        num_big(r, (double)v);
}

static void num_size(struct rec *r, size_t v)
{
    if (v < SWAR_SMALL_LIMIT)
        r->p = swar_put_small(r->p, (uint32_t)v);
    else if (v < (uint64_t)JSONW_INT_LIMIT)
        r->p = jsonw_put_int(r->p, (int64_t)v);
    else
        num_big(r, (double)v);
}

static void boolean(struct rec *r, bool v)
{
    if (v)
        LIT(r, "true");
    else
        LIT(r, "false");
}

/* "[start,end" */
__attribute__((always_inline)) static inline void span_head(struct rec *r,
                                                            struct span s)
{
    if (s.start < SWAR_SMALL_LIMIT && s.end < SWAR_SMALL_LIMIT) {
        char *p = r->p;
        *p++ = '[';
        p = swar_put_small(p, (uint32_t)s.start);
        *p++ = ',';
        r->p = swar_put_small(p, (uint32_t)s.end);
        return;
    }
    LIT(r, "[");
    num_size(r, s.start);
    LIT(r, ",");
    num_size(r, s.end);
}

/* "[start,end]" */
static void span(struct rec *r, struct span s)
{
    span_head(r, s);
    LIT(r, "]");
}

/* Most strings of a record are short (names, keys, classes: half under
 * eight bytes, nine in ten under 24), and for those checking and copying
 * a byte at a time up to the NUL costs less than strlen and then
 * jsonw_put_plain's pass. Longer ones take that way after STR_SHORT. */
#define STR_SHORT 24

/* s's first bytes as jsonw_put_plain writes them, quotes included, at p
 * (which has STR_SHORT + 2 bytes of room) when s is shorter than
 * STR_SHORT and needs no escape; returns the end, or NULL (anything
 * written does not count). Reads no byte past s's NUL. */
#define CARE8(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1, \
                 [b + 4] = 1, [b + 5] = 1, [b + 6] = 1, [b + 7] = 1

/* The bytes a JSON string escapes (below 0x20, '"', '\\'), NUL among them:
 * one look-up a byte. */
static const unsigned char care[256] = {CARE8(0), CARE8(8), CARE8(16),
                                        CARE8(24), ['"'] = 1, ['\\'] = 1};

static char *put_short(char *p, const char *s)
{
    *p++ = '"';
    for (size_t i = 0; i < STR_SHORT; i++) {
        unsigned char c = (unsigned char)s[i];
        if (care[c]) {
            if (c)
                return NULL;
            p[i] = '"';
            return p + i + 1;
        }
        p[i] = (char)c;
    }
    return NULL;
}

/* A string (or null) between two runs: a short plain one inside the
 * reservation, with RUN_MAX bytes left after it. */
static void str(struct rec *r, const char *s)
{
    if (!s) {
        LIT(r, "null");
        return;
    }
    run_need(r, STR_SHORT + 2 + RUN_MAX);
    char *e = put_short(r->p, s);
    if (e) {
        r->p = e;
        return;
    }
    size_t n = strlen(s);
    if (n <= STR_INLINE) {
        run_need(r, n + 2 + RUN_MAX);
        e = jsonw_put_plain(r->p, s, n);
        if (e) {
            r->p = e;
            return;
        }
    }
    run_close(r);
    jsonw_put_string(r->w, s);
    run_open(r);
}

/* Fractions with at most two decimals print without snprintf below this
 * magnitude (their digits then number at most 14). */
#define HUNDREDTHS_LIMIT 1e12

/* v (not whole) as jsonw_put_number prints it, when v is the double
 * nearest to k / 100 for an integer k: the integer part, a dot and one or
 * two digits. v is then within 2^-53 of that decimal (relative), well
 * inside half a unit of its 15th significant digit, so "%1.15g" rounds v
 * back to exactly that decimal and the round-trip check keeps it ("4.25",
 * "-0.05", "2.5"). Returns the end, or NULL for any other v (nothing
 * written). */
static char *put_hundredths(char *p, double v)
{
    if (!(v > -HUNDREDTHS_LIMIT && v < HUNDREDTHS_LIMIT))
        return NULL;
    double scaled = v * 100;
    int64_t k = (int64_t)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
    if ((double)k / 100 != v)
        return NULL;
    uint64_t u = k < 0 ? 0 - (uint64_t)k : (uint64_t)k;
    /* k % 100 != 0: v is not whole */
    unsigned c = (unsigned)(u % 100);
    if (k < 0)
        *p++ = '-';
    p = jsonw_put_int(p, (int64_t)(u / 100));
    *p++ = '.';
    *p++ = (char)('0' + c / 10);
    if (c % 10)
        *p++ = (char)('0' + c % 10);
    return p;
}

/* A double that may be whole (the usual case: put as jsonw_put_number
 * would), fractional, infinite or NaN, which JSON numbers cannot be. */
static void real(struct rec *r, double v)
{
    if (v > -(double)JSONW_INT_LIMIT && v < (double)JSONW_INT_LIMIT &&
        v == floor(v) && !(v == 0 && signbit(v))) {
        r->p = jsonw_put_int(r->p, (int64_t)v);
    } else if (isnan(v)) {
        LIT(r, "\"nan\"");
    } else if (isinf(v)) {
        if (v > 0)
            LIT(r, "\"inf\"");
        else
            LIT(r, "\"-inf\"");
    } else {
        char *e = put_hundredths(r->p, v);
        if (e)
            r->p = e;
        else
            num_big(r, v);
    }
}

static void mention_json(struct rec *r, const struct mention *m)
{
    LIT(r, "{\"span\":");
    span(r, m->span);
    LIT(r, ",\"type\":");
    num(r, m->type);
    LIT(r, ",\"canonical\":");
    str(r, m->canonical);
    LIT(r, ",\"key\":");
    str(r, m->key);
    LIT(r, ",\"role\":");
    str(r, m->role);
    LIT(r, ",\"role_span\":");
    span(r, m->role_span);
    LIT(r, ",\"local\":");
    num(r, m->local);
    LIT(r, "}");
}

static void date_json(struct rec *r, const struct date *dt)
{
    LIT(r, "{\"span\":");
    span(r, dt->span);
    LIT(r, ",\"year\":");
    num(r, dt->year);
    LIT(r, ",\"month\":");
    num(r, dt->month);
    LIT(r, ",\"day\":");
    num(r, dt->day);
    LIT(r, ",\"rel\":");
    num(r, dt->rel);
    LIT(r, ",\"amount\":");
    num(r, dt->amount);
    LIT(r, ",\"weekday\":");
    num(r, dt->weekday);
    LIT(r, ",\"flags\":");
    num(r, dt->flags);
    LIT(r, ",\"value\":");
    str(r, dt->value);
    LIT(r, ",\"basis\":");
    num(r, dt->basis);
    LIT(r, "}");
}

static void number_json(struct rec *r, const struct number *n)
{
    LIT(r, "{\"span\":");
    span(r, n->span);
    LIT(r, ",\"value\":");
    real(r, n->value);
    LIT(r, ",\"low\":");
    real(r, n->low);
    LIT(r, ",\"high\":");
    real(r, n->high);
    LIT(r, ",\"qualifier\":");
    str(r, n->qualifier);
    LIT(r, ",\"noun\":");
    str(r, n->noun);
    LIT(r, ",\"noun_span\":");
    span(r, n->noun_span);
    LIT(r, ",\"ordinal\":");
    boolean(r, n->ordinal);
    LIT(r, "}");
}

static void quote_json(struct rec *r, const struct quote *q)
{
    LIT(r, "{\"span\":");
    span(r, q->span);
    LIT(r, ",\"kind\":");
    num(r, q->kind);
    LIT(r, ",\"speaker\":");
    num(r, q->speaker);
    LIT(r, ",\"speaker_span\":");
    span(r, q->speaker_span);
    LIT(r, ",\"continues\":");
    num(r, q->continues);
    LIT(r, "}");
}

static void claim_json(struct rec *r, const struct claim *cl)
{
    LIT(r, "{\"span\":");
    span(r, cl->span);
    LIT(r, ",\"kind\":");
    num(r, cl->kind);
    LIT(r, ",\"sentence\":");
    num(r, cl->sentence);
    LIT(r, ",\"frame\":");
    num(r, cl->frame);
    LIT(r, ",\"cls\":");
    str(r, cl->cls);
    LIT(r, ",\"slot\":");
    str(r, cl->slot);
    LIT(r, ",\"thing\":");
    str(r, cl->thing);
    LIT(r, ",\"text\":");
    str(r, cl->text);
    LIT(r, ",\"subject\":");
    num(r, cl->subject);
    LIT(r, ",\"object\":");
    num(r, cl->object);
    LIT(r, ",\"attributed_to\":");
    num(r, cl->attributed_to);
    LIT(r, ",\"number_idx\":");
    num(r, cl->number_idx);
    LIT(r, ",\"date_idx\":");
    num(r, cl->date_idx);
    LIT(r, ",\"mention_idx\":");
    num(r, cl->mention_idx);
    LIT(r, ",\"quote_idx\":");
    num(r, cl->quote_idx);
    LIT(r, ",\"negated\":");
    boolean(r, cl->negated);
    LIT(r, ",\"near\":");
    boolean(r, cl->near);
    LIT(r, ",\"subset\":");
    boolean(r, cl->subset);
    LIT(r, ",\"scale\":");
    real(r, cl->scale);
    LIT(r, "}");
}

/* Before element i of an array: room for a new run (an element may take
 * up to RUN_MAX between its strings) and the comma. In line, like num
 * (21 k calls per 100 documents). */
__attribute__((always_inline)) static inline void item(struct rec *r,
                                                       size_t i)
{
    run_need(r, RUN_MAX);
    if (i)
        LIT(r, ",");
}

static void record_head(struct rec *r, const struct doc *doc,
                        const char *rules)
{
    LIT(r, "{\"type\":\"record\",\"format\":");
    str(r, DOCIO_FORMAT);
    LIT(r, ",\"version\":");
    str(r, CLAIMDIFF_VERSION);
    LIT(r, ",\"rules\":");
    str(r, rules);
    LIT(r, ",\"path\":");
    str(r, doc->path);
    LIT(r, ",\"html\":");
    boolean(r, doc->is_html);
    LIT(r, ",\"bytes\":");
    num_size(r, doc->len);
    LIT(r, ",\"text\":");
    /* docio_format has checked the text holds no NUL: all of it goes. */
    run_close(r);
    jsonw_put_string_n(r->w, doc->text, doc->len);
    run_open(r);
    LIT(r, ",\"source\":");
    str(r, doc->source);
    LIT(r, ",\"title\":");
    str(r, doc->title);
    LIT(r, ",\"published\":");
    str(r, doc->published);
    LIT(r, ",\"title_span\":");
    span(r, doc->title_span);
    LIT(r, ",\"published_span\":");
    span(r, doc->published_span);
    LIT(r, ",\"warnings\":[");
    for (size_t i = 0; i < doc->nwarnings; i++) {
        item(r, i);
        str(r, doc->warnings[i]);
    }
    LIT(r, "]");
}

/* Paragraphs, sentences and boilerplate are many and uniform: compact
 * arrays [start, end, ...] rather than objects. */
static void record_structure(struct rec *r, const struct doc *doc)
{
    LIT(r, ",\"boilerplate\":[");
    for (size_t i = 0; i < doc->nboiler; i++) {
        item(r, i);
        span_head(r, doc->boiler[i].span);
        LIT(r, ",");
        str(r, doc->boiler[i].why);
        LIT(r, "]");
    }
    LIT(r, "],\"paragraphs\":[");
    for (size_t i = 0; i < doc->nparas; i++) {
        item(r, i);
        span_head(r, doc->paras[i].span);
        LIT(r, ",");
        num(r, doc->paras[i].boilerplate);
        LIT(r, "]");
    }
    LIT(r, "],\"sentences\":[");
    for (size_t i = 0; i < doc->nsents; i++) {
        item(r, i);
        span_head(r, doc->sents[i].span);
        LIT(r, ",");
        num(r, doc->sents[i].paragraph);
        LIT(r, ",");
        num(r, doc->sents[i].flags);
        LIT(r, "]");
    }
    LIT(r, "]");
}

/* key, then fn of each of arr[0..n) as an array. */
#define EACH(r, key, n, arr, fn)                                               \
    do {                                                                       \
        LIT(r, key);                                                           \
        for (size_t i_ = 0; i_ < (n); i_++) {                                  \
            item(r, i_);                                                       \
            fn(r, &(arr)[i_]);                                                 \
        }                                                                      \
        LIT(r, "]");                                                           \
    } while (0)

static void record_findings(struct rec *r, const struct doc *doc)
{
    EACH(r, ",\"mentions\":[", doc->nmentions, doc->mentions, mention_json);
    EACH(r, ",\"dates\":[", doc->ndates, doc->dates, date_json);
    EACH(r, ",\"numbers\":[", doc->nnumbers, doc->numbers, number_json);
    EACH(r, ",\"quotes\":[", doc->nquotes, doc->quotes, quote_json);
    EACH(r, ",\"claims\":[", doc->nclaims, doc->claims, claim_json);
}

char *docio_format(const struct doc *doc, const char *rules, size_t *len,
                   struct diag *d)
{
    /* The only string that could: the loader refuses NUL bytes, and every
     * other string is a C string to begin with. */
    if (memchr(doc->text, '\0', doc->len))
        return diag_set(d, CD_ERR_BINARY, doc->path, 0, 0,
                        "the text holds a NUL byte; no record written"),
               NULL;
    struct jsonw *w = jsonw_new(NULL, false);
    struct rec r = {w, NULL, NULL};
    /* A record is ~7.5x its text: room for that at once (up to
     * RECORD_GUESS_MAX) spares the buffer's doublings and their copies. */
    size_t guess = doc->len < RECORD_GUESS_MAX / 8 ? 8 * doc->len
                                                  : RECORD_GUESS_MAX;
    jsonw_wrote(w, jsonw_room(w, guess + RUN_ROOM));
    run_open(&r);
    record_head(&r, doc, rules);
    record_structure(&r, doc);
    record_findings(&r, doc);
    LIT(&r, "}\n");
    run_close(&r);
    char *line = jsonw_take(w, len);
    jsonw_free(w);
    return line;
}

/* ---- reading: one line ---------------------------------------------- */

struct docio_reader {
    FILE *in;
    const char *name;  /* for messages */
    const char *rules; /* expected rules version */
    unsigned line;     /* 1-based number of the last line read */
    char *buf;
    size_t cap;
    bool failed;       /* a read error: nothing more follows */
};

struct docio_reader *docio_reader_new(FILE *in, const char *name,
                                      const char *rules)
{
    struct docio_reader *r = xcalloc(1, sizeof *r);
    r->in = in;
    r->name = strcmp(name, "-") ? name : "<stdin>";
    r->rules = rules;
    return r;
}

void docio_reader_free(struct docio_reader *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r);
}

enum line_status { LINE_OK, LINE_EOF, LINE_TRUNCATED, LINE_TOOBIG, LINE_IO };

/* Read one line into r->buf (without its '\n', NUL-terminated) and its
 * length into *len. A line over DOCIO_MAX_LINE is read to its end but not
 * kept. */
static enum line_status read_line(struct docio_reader *r, size_t *len)
{
    size_t n = 0;
    bool toobig = false;
    int c;
    for (;;) {
        c = getc(r->in);
        if (c == EOF || c == '\n')
            break;
        if (toobig)
            continue;
        if (n + 1 >= r->cap)
            r->buf = xgrow(r->buf, &r->cap, n + 2, 1);
        r->buf[n++] = (char)c;
        if (n > DOCIO_MAX_LINE)
            toobig = true;
    }
    if (c == EOF && ferror(r->in))
        return LINE_IO;
    if (c == EOF && n == 0 && !toobig)
        return LINE_EOF;
    r->line++;
    if (toobig)
        return LINE_TOOBIG;
    if (!r->buf)
        r->buf = xgrow(r->buf, &r->cap, 1, 1);
    r->buf[n] = '\0';
    *len = n;
    return c == EOF ? LINE_TRUNCATED : LINE_OK;
}

/* ---- reading: fields -------------------------------------------------- */

/* The state of parsing one record: the first problem wins, and every
 * getter does nothing once there is one. */
struct rd {
    const struct docio_reader *r;
    struct diag *d;
    enum cd_err err;
    struct doc *doc; /* the document being filled; spans lie in its text */
};

/* Record the first problem of the line (later ones are consequences). */
__attribute__((format(printf, 2, 3))) static bool bad(struct rd *x,
                                                      const char *fmt, ...)
{
    char msg[CD_DIAG_MSG];
    va_list ap;
    if (x->err)
        return false;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    x->err = diag_set(x->d, CD_ERR_PARSE, x->r->name, x->r->line, 0,
                      "bad record: %s", msg);
    return false;
}

static const cJSON *field(struct rd *x, const cJSON *o, const char *key)
{
    if (x->err)
        return NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        bad(x, "no \"%s\"", key);
    return v;
}

/* An integer in [min, max]. JSON numbers are doubles: exact to 2^53. */
static bool get_int(struct rd *x, const cJSON *v, const char *what,
                    double min, double max, double *out)
{
    if (x->err || !v)
        return false;
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
        v->valuedouble < min || v->valuedouble > max)
        return bad(x, "\"%s\" must be an integer from %.0f to %.0f", what,
                   min, max);
    *out = v->valuedouble;
    return true;
}

static int field_int(struct rd *x, const cJSON *o, const char *key, int min,
                     int max)
{
    double v = 0;
    get_int(x, field(x, o, key), key, min, max, &v);
    return (int)v;
}

static unsigned field_uint(struct rd *x, const cJSON *o, const char *key,
                           unsigned max)
{
    double v = 0;
    get_int(x, field(x, o, key), key, 0, max, &v);
    return (unsigned)v;
}

static bool field_bool(struct rd *x, const cJSON *o, const char *key)
{
    const cJSON *v = field(x, o, key);
    if (v && !cJSON_IsBool(v))
        bad(x, "\"%s\" must be true or false", key);
    return v && cJSON_IsTrue(v);
}

static double field_real(struct rd *x, const cJSON *o, const char *key)
{
    const cJSON *v = field(x, o, key);
    if (!v)
        return 0;
    if (cJSON_IsNumber(v))
        return v->valuedouble;
    if (cJSON_IsString(v) && !strcmp(v->valuestring, "inf"))
        return HUGE_VAL;
    if (cJSON_IsString(v) && !strcmp(v->valuestring, "-inf"))
        return -HUGE_VAL;
    if (cJSON_IsString(v) && !strcmp(v->valuestring, "nan"))
        return NAN;
    bad(x, "\"%s\" must be a number", key);
    return 0;
}

/* A string copied into the document's arena, or NULL for JSON null. */
static const char *get_str(struct rd *x, const cJSON *v, const char *what,
                           bool nullable)
{
    if (x->err || !v)
        return NULL;
    if (nullable && cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v))
        return bad(x, "\"%s\" must be a string%s", what,
                   nullable ? " or null" : ""),
               NULL;
    return arena_strdup(x->doc->arena, v->valuestring);
}

static const char *field_str(struct rd *x, const cJSON *o, const char *key,
                             bool nullable)
{
    return get_str(x, field(x, o, key), key, nullable);
}

/* start, end: integers with start <= end <= the text's length. */
static struct span span_of(struct rd *x, const cJSON *a, const cJSON *b,
                           const char *what)
{
    struct span s = {0, 0};
    double lo = 0, hi = 0;
    get_int(x, a, what, 0, (double)x->doc->len, &lo);
    get_int(x, b, what, 0, (double)x->doc->len, &hi);
    if (!x->err && lo > hi)
        bad(x, "a span of \"%s\" ends before it starts", what);
    s.start = (size_t)lo;
    s.end = (size_t)hi;
    return s;
}

/* [start, end] */
static struct span get_span(struct rd *x, const cJSON *v, const char *what)
{
    struct span s = {0, 0};
    if (x->err || !v)
        return s;
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2) {
        bad(x, "\"%s\" must be a span [start, end]", what);
        return s;
    }
    return span_of(x, cJSON_GetArrayItem(v, 0), cJSON_GetArrayItem(v, 1),
                   what);
}

static struct span field_span(struct rd *x, const cJSON *o, const char *key)
{
    return get_span(x, field(x, o, key), key);
}

/* The array under key, its length in *n; NULL (and *n 0) on error. */
static const cJSON *field_array(struct rd *x, const cJSON *o, const char *key,
                                size_t *n)
{
    const cJSON *v = field(x, o, key);
    *n = 0;
    if (v && !cJSON_IsArray(v))
        return bad(x, "\"%s\" must be an array", key), NULL;
    if (v)
        *n = (size_t)cJSON_GetArraySize(v);
    return v;
}

/* Each element of an array that must be a JSON object. */
static bool is_object(struct rd *x, const cJSON *e, const char *what)
{
    if (x->err)
        return false;
    if (!cJSON_IsObject(e))
        return bad(x, "each of \"%s\" must be an object", what);
    return true;
}

/* A tuple [start, end, n...] of nints integers after the span. */
static bool get_tuple(struct rd *x, const cJSON *e, const char *what,
                      struct span *s, double *ints, int nints, double max)
{
    if (x->err)
        return false;
    if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2 + nints)
        return bad(x, "each of \"%s\" must be an array of %d integers", what,
                   2 + nints);
    *s = span_of(x, cJSON_GetArrayItem(e, 0), cJSON_GetArrayItem(e, 1), what);
    for (int i = 0; i < nints; i++)
        get_int(x, cJSON_GetArrayItem(e, 2 + i), what, 0, max, &ints[i]);
    return !x->err;
}

/* ---- reading: the record ---------------------------------------------- */

static void read_boilerplate(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "boilerplate", &n), *e;
    struct doc *doc = x->doc;
    doc->boiler = xcalloc(n + 1, sizeof *doc->boiler);
    doc->capboiler = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (x->err)
            return;
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 3) {
            bad(x, "each of \"boilerplate\" must be [start, end, why]");
            return;
        }
        struct region *g = &doc->boiler[doc->nboiler++];
        g->span = span_of(x, cJSON_GetArrayItem(e, 0), cJSON_GetArrayItem(e, 1),
                          "boilerplate");
        g->why = get_str(x, cJSON_GetArrayItem(e, 2), "boilerplate", true);
    }
}

static void read_structure(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a, *e;
    double v[2];
    struct doc *doc = x->doc;

    a = field_array(x, o, "paragraphs", &n);
    doc->paras = xcalloc(n + 1, sizeof *doc->paras);
    doc->capparas = n + 1;
    cJSON_ArrayForEach(e, a) {
        struct paragraph *p = &doc->paras[doc->nparas++];
        if (!get_tuple(x, e, "paragraphs", &p->span, v, 1, 1))
            return;
        p->boilerplate = v[0] != 0;
    }
    a = field_array(x, o, "sentences", &n);
    doc->sents = xcalloc(n + 1, sizeof *doc->sents);
    doc->capsents = n + 1;
    cJSON_ArrayForEach(e, a) {
        struct sentence *s = &doc->sents[doc->nsents++];
        if (!get_tuple(x, e, "sentences", &s->span, v, 2, UINT32_MAX))
            return;
        if (v[0] >= (double)doc->nparas) {
            bad(x, "\"sentences\" names a paragraph out of range");
            return;
        }
        s->paragraph = (unsigned)v[0];
        s->flags = (unsigned)v[1];
    }
}

static void read_mentions(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "mentions", &n), *e;
    struct doc *doc = x->doc;
    doc->mentions = xcalloc(n + 1, sizeof *doc->mentions);
    doc->capmentions = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (!is_object(x, e, "mentions"))
            return;
        struct mention *m = &doc->mentions[doc->nmentions++];
        m->span = field_span(x, e, "span");
        m->type = (enum ent_type)field_uint(x, e, "type", ENT_NTYPES - 1);
        m->canonical = field_str(x, e, "canonical", true);
        m->key = field_str(x, e, "key", true);
        m->role = field_str(x, e, "role", true);
        m->role_span = field_span(x, e, "role_span");
        m->local = field_int(x, e, "local", -1, INT32_MAX);
    }
}

static void read_dates(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "dates", &n), *e;
    struct doc *doc = x->doc;
    doc->dates = xcalloc(n + 1, sizeof *doc->dates);
    doc->capdates = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (!is_object(x, e, "dates"))
            return;
        struct date *dt = &doc->dates[doc->ndates++];
        dt->span = field_span(x, e, "span");
        dt->year = field_int(x, e, "year", INT32_MIN, INT32_MAX);
        dt->month = field_int(x, e, "month", 0, 12);
        dt->day = field_int(x, e, "day", 0, 31);
        dt->rel = (enum date_rel)field_uint(x, e, "rel", DREL_WEEKEND);
        dt->amount = field_int(x, e, "amount", INT32_MIN, INT32_MAX);
        dt->weekday = field_int(x, e, "weekday", 0, 7);
        dt->flags = field_uint(x, e, "flags", UINT32_MAX);
        dt->basis = (enum date_basis)field_uint(x, e, "basis", DATE_UNANCHORED);
        const char *v = field_str(x, e, "value", false);
        if (v && strlen(v) >= sizeof dt->value)
            bad(x, "date \"value\" \"%s\" is too long", v);
        else if (v)
            memcpy(dt->value, v, strlen(v) + 1);
    }
}

static void read_numbers(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "numbers", &n), *e;
    struct doc *doc = x->doc;
    doc->numbers = xcalloc(n + 1, sizeof *doc->numbers);
    doc->capnumbers = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (!is_object(x, e, "numbers"))
            return;
        struct number *nu = &doc->numbers[doc->nnumbers++];
        nu->span = field_span(x, e, "span");
        nu->value = field_real(x, e, "value");
        nu->low = field_real(x, e, "low");
        nu->high = field_real(x, e, "high");
        nu->qualifier = field_str(x, e, "qualifier", true);
        nu->noun = field_str(x, e, "noun", true);
        nu->noun_span = field_span(x, e, "noun_span");
        nu->ordinal = field_bool(x, e, "ordinal");
    }
}

static void read_quotes(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "quotes", &n), *e;
    struct doc *doc = x->doc;
    int nm = (int)doc->nmentions;
    doc->quotes = xcalloc(n + 1, sizeof *doc->quotes);
    doc->capquotes = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (!is_object(x, e, "quotes"))
            return;
        struct quote *q = &doc->quotes[doc->nquotes++];
        q->span = field_span(x, e, "span");
        q->kind = (enum quote_kind)field_uint(x, e, "kind", QUOTE_SCARE);
        q->speaker = field_int(x, e, "speaker", -1, nm - 1);
        q->speaker_span = field_span(x, e, "speaker_span");
        q->continues = field_int(x, e, "continues", -1, (int)n - 1);
    }
}

static void read_claims(struct rd *x, const cJSON *o)
{
    size_t n;
    const cJSON *a = field_array(x, o, "claims", &n), *e;
    struct doc *doc = x->doc;
    int nm = (int)doc->nmentions;
    doc->claims = xcalloc(n + 1, sizeof *doc->claims);
    doc->capclaims = n + 1;
    cJSON_ArrayForEach(e, a) {
        if (!is_object(x, e, "claims"))
            return;
        struct claim *cl = &doc->claims[doc->nclaims++];
        cl->span = field_span(x, e, "span");
        cl->kind = (enum claim_kind)field_uint(x, e, "kind", CLAIM_NKINDS - 1);
        cl->sentence = field_uint(x, e, "sentence",
                                  doc->nsents ? (unsigned)doc->nsents - 1 : 0);
        /* Each frame has its event claim, so frames <= claims; compare
         * sizes a table by the largest. */
        cl->frame = field_uint(x, e, "frame", (unsigned)n);
        cl->cls = field_str(x, e, "cls", true);
        cl->slot = field_str(x, e, "slot", true);
        cl->thing = field_str(x, e, "thing", true);
        cl->text = field_str(x, e, "text", true);
        cl->subject = field_int(x, e, "subject", -1, nm - 1);
        cl->object = field_int(x, e, "object", -1, nm - 1);
        cl->attributed_to = field_int(x, e, "attributed_to", -1, nm - 1);
        cl->number_idx = field_int(x, e, "number_idx", -1,
                                   (int)doc->nnumbers - 1);
        cl->date_idx = field_int(x, e, "date_idx", -1, (int)doc->ndates - 1);
        cl->mention_idx = field_int(x, e, "mention_idx", -1, nm - 1);
        cl->quote_idx = field_int(x, e, "quote_idx", -1, (int)doc->nquotes - 1);
        cl->negated = field_bool(x, e, "negated");
        cl->near = field_bool(x, e, "near");
        cl->subset = field_bool(x, e, "subset");
        cl->scale = field_real(x, e, "scale");
        /* The report reads a count's number and a date claim's date
         * without checking: the claimer always sets them. */
        if (!x->err && ((cl->kind == CLAIM_COUNT && cl->number_idx < 0) ||
                        (cl->kind == CLAIM_DATE && cl->date_idx < 0)))
            bad(x, "a %s claim without its value",
                claim_kind_name(cl->kind));
    }
}

/* The header fields: type, format, rules. A record of another format or
 * rules version is refused with CD_ERR_USAGE. */
static void check_header(struct rd *x, const cJSON *o)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "type");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, "format");
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "rules");
    if (!cJSON_IsString(t)) {
        bad(x, "no \"type\": not a line of claimdiff extract");
        return;
    }
    if (strcmp(t->valuestring, "record")) {
        x->err = diag_set(x->d, CD_ERR_USAGE, x->r->name, x->r->line, 0,
                          "a \"%s\" line, not a record: compare reads what "
                          "claimdiff extract writes, not --format jsonl",
                          t->valuestring);
        return;
    }
    if (!cJSON_IsString(f) || !cJSON_IsString(r)) {
        bad(x, "no \"%s\" string", cJSON_IsString(f) ? "rules" : "format");
        return;
    }
    if (strcmp(f->valuestring, DOCIO_FORMAT)) {
        x->err = diag_set(x->d, CD_ERR_USAGE, x->r->name, x->r->line, 0,
                          "record format %s, this claimdiff reads " DOCIO_FORMAT
                          "; run claimdiff extract again",
                          f->valuestring);
        return;
    }
    if (strcmp(r->valuestring, x->r->rules)) {
        x->err = diag_set(x->d, CD_ERR_USAGE, x->r->name, x->r->line, 0,
                          "record made with rules %s, these are rules %s; "
                          "run claimdiff extract again with this claimdiff",
                          r->valuestring, x->r->rules);
    }
}

/* The document of one parsed record, or NULL with x->err set. */
static struct doc *read_record(struct rd *x, const cJSON *o)
{
    check_header(x, o);
    const cJSON *text = field(x, o, "text"), *path = field(x, o, "path");
    double bytes = 0;
    get_int(x, field(x, o, "bytes"), "bytes", 0, (double)SIZE_MAX, &bytes);
    /* Spans are 32-bit (doc.h): a text the loader would have refused is
     * refused here too, before anything points into it. */
    if (!x->err && bytes > (double)CD_MAX_DOC_BYTES)
        x->err = diag_set(x->d, CD_ERR_TOOBIG, x->r->name, x->r->line, 0,
                          "text larger than %zu bytes, skipped",
                          (size_t)CD_MAX_DOC_BYTES);
    if (!x->err && (!cJSON_IsString(text) || !cJSON_IsString(path)))
        bad(x, "\"%s\" must be a string",
            cJSON_IsString(path) ? "text" : "path");
    if (!x->err && strlen(text->valuestring) != (size_t)bytes)
        bad(x, "\"text\" is not \"bytes\" long");
    if (x->err)
        return NULL;
    x->doc = doc_new(path->valuestring, xstrdup(text->valuestring),
                     (size_t)bytes);
    struct doc *doc = x->doc;
    doc->is_html = field_bool(x, o, "html");
    doc->source = field_str(x, o, "source", true);
    doc->title = field_str(x, o, "title", true);
    doc->published = field_str(x, o, "published", true);
    doc->title_span = field_span(x, o, "title_span");
    doc->published_span = field_span(x, o, "published_span");
    size_t n;
    const cJSON *w = field_array(x, o, "warnings", &n), *e;
    cJSON_ArrayForEach(e, w) {
        if (!cJSON_IsString(e))
            bad(x, "each of \"warnings\" must be a string");
        else if (!x->err)
            doc_warn(doc, "%s", e->valuestring);
    }
    read_boilerplate(x, o);
    read_structure(x, o);
    read_mentions(x, o);
    read_dates(x, o);
    read_numbers(x, o);
    read_quotes(x, o);
    read_claims(x, o);
    if (x->err) {
        doc_free(doc);
        x->doc = NULL;
    }
    return x->doc;
}

enum cd_err docio_read(struct docio_reader *r, struct doc **out,
                       struct diag *d)
{
    size_t len = 0;
    enum line_status st;
    *out = NULL;
    if (r->failed)
        return CD_OK;
    do
        st = read_line(r, &len);
    while (st == LINE_OK && strspn(r->buf, " \t\r") == len);
    switch (st) {
    case LINE_EOF:
        return CD_OK;
    case LINE_IO:
        r->failed = true;
        return diag_set(d, CD_ERR_IO, r->name, r->line + 1, 0,
                        "read error");
    case LINE_TOOBIG:
        return diag_set(d, CD_ERR_TOOBIG, r->name, r->line, 0,
                        "line longer than %zu bytes", DOCIO_MAX_LINE);
    case LINE_TRUNCATED:
        return diag_set(d, CD_ERR_PARSE, r->name, r->line, 0,
                        "last line has no newline: the file is cut short");
    case LINE_OK:
        break;
    }
    if (memchr(r->buf, '\0', len))
        return diag_set(d, CD_ERR_PARSE, r->name, r->line, 0,
                        "NUL byte in a record line");
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(r->buf, len, &end, false);
    if (!o || !cJSON_IsObject(o)) {
        size_t col = o ? 1 : (size_t)(end ? end - r->buf : 0) + 1;
        cJSON_Delete(o);
        return diag_set(d, CD_ERR_PARSE, r->name, r->line,
                        col > UINT32_MAX ? 0 : (unsigned)col,
                        "not a JSON object; expected a record line of "
                        "claimdiff extract");
    }
    struct rd x = {r, d, CD_OK, NULL};
    *out = read_record(&x, o);
    cJSON_Delete(o);
    return x.err;
}
