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
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/report.h"
#include "claimdiff/tag.h"

/* ---- writing ---------------------------------------------------------- */

/* Records are written with jsonw, which prints what cJSON_PrintUnformatted
 * printed for the tree this code once built: no tree, no second copy of
 * the line. Keys in the order the reader has always seen them. */

static void str_or_null(struct jsonw *w, const char *s)
{
    if (s)
        jsonw_string(w, s);
    else
        jsonw_null(w);
}

static void key_num(struct jsonw *w, const char *key, double v)
{
    jsonw_key(w, key);
    jsonw_number(w, v);
}

static void key_str(struct jsonw *w, const char *key, const char *s)
{
    jsonw_key(w, key);
    str_or_null(w, s);
}

static void key_bool(struct jsonw *w, const char *key, bool v)
{
    jsonw_key(w, key);
    jsonw_bool(w, v);
}

/* A double that may be infinite or NaN, which JSON numbers cannot be. */
static void key_real(struct jsonw *w, const char *key, double v)
{
    jsonw_key(w, key);
    if (isnan(v))
        jsonw_string(w, "nan");
    else if (isinf(v))
        jsonw_string(w, v > 0 ? "inf" : "-inf");
    else
        jsonw_number(w, v);
}

static void key_span(struct jsonw *w, const char *key, struct span s)
{
    jsonw_key(w, key);
    jsonw_array(w);
    jsonw_number(w, (double)s.start);
    jsonw_number(w, (double)s.end);
    jsonw_end(w);
}

static void mention_json(struct jsonw *w, const struct mention *m)
{
    jsonw_object(w);
    key_span(w, "span", m->span);
    key_num(w, "type", m->type);
    key_str(w, "canonical", m->canonical);
    key_str(w, "key", m->key);
    key_str(w, "role", m->role);
    key_span(w, "role_span", m->role_span);
    key_num(w, "local", m->local);
    jsonw_end(w);
}

static void date_json(struct jsonw *w, const struct date *dt)
{
    jsonw_object(w);
    key_span(w, "span", dt->span);
    key_num(w, "year", dt->year);
    key_num(w, "month", dt->month);
    key_num(w, "day", dt->day);
    key_num(w, "rel", dt->rel);
    key_num(w, "amount", dt->amount);
    key_num(w, "weekday", dt->weekday);
    key_num(w, "flags", dt->flags);
    key_str(w, "value", dt->value);
    key_num(w, "basis", dt->basis);
    jsonw_end(w);
}

static void number_json(struct jsonw *w, const struct number *n)
{
    jsonw_object(w);
    key_span(w, "span", n->span);
    key_real(w, "value", n->value);
    key_real(w, "low", n->low);
    key_real(w, "high", n->high);
    key_str(w, "qualifier", n->qualifier);
    key_str(w, "noun", n->noun);
    key_span(w, "noun_span", n->noun_span);
    key_bool(w, "ordinal", n->ordinal);
    jsonw_end(w);
}

static void quote_json(struct jsonw *w, const struct quote *q)
{
    jsonw_object(w);
    key_span(w, "span", q->span);
    key_num(w, "kind", q->kind);
    key_num(w, "speaker", q->speaker);
    key_span(w, "speaker_span", q->speaker_span);
    key_num(w, "continues", q->continues);
    jsonw_end(w);
}

static void claim_json(struct jsonw *w, const struct claim *cl)
{
    jsonw_object(w);
    key_span(w, "span", cl->span);
    key_num(w, "kind", cl->kind);
    key_num(w, "sentence", cl->sentence);
    key_num(w, "frame", cl->frame);
    key_str(w, "cls", cl->cls);
    key_str(w, "slot", cl->slot);
    key_str(w, "thing", cl->thing);
    key_str(w, "text", cl->text);
    key_num(w, "subject", cl->subject);
    key_num(w, "object", cl->object);
    key_num(w, "attributed_to", cl->attributed_to);
    key_num(w, "number_idx", cl->number_idx);
    key_num(w, "date_idx", cl->date_idx);
    key_num(w, "mention_idx", cl->mention_idx);
    key_num(w, "quote_idx", cl->quote_idx);
    key_bool(w, "negated", cl->negated);
    key_bool(w, "near", cl->near);
    key_bool(w, "subset", cl->subset);
    key_num(w, "scale", cl->scale);
    jsonw_end(w);
}

/* Paragraphs, sentences and boilerplate are many and uniform: compact
 * arrays [start, end, ...] rather than objects. */
static void tuple(struct jsonw *w, struct span s, double a, bool with_b,
                  double b)
{
    jsonw_array(w);
    jsonw_number(w, (double)s.start);
    jsonw_number(w, (double)s.end);
    jsonw_number(w, a);
    if (with_b)
        jsonw_number(w, b);
    jsonw_end(w);
}

static void record_head(struct jsonw *w, const struct doc *doc,
                        const char *rules)
{
    key_str(w, "type", "record");
    key_str(w, "format", DOCIO_FORMAT);
    key_str(w, "version", CLAIMDIFF_VERSION);
    key_str(w, "rules", rules);
    key_str(w, "path", doc->path);
    key_bool(w, "html", doc->is_html);
    key_num(w, "bytes", (double)doc->len);
    key_str(w, "text", doc->text);
    key_str(w, "source", doc->source);
    key_str(w, "title", doc->title);
    key_str(w, "published", doc->published);
    key_span(w, "title_span", doc->title_span);
    key_span(w, "published_span", doc->published_span);
    jsonw_key(w, "warnings");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nwarnings; i++)
        jsonw_string(w, doc->warnings[i]);
    jsonw_end(w);
}

static void record_structure(struct jsonw *w, const struct doc *doc)
{
    jsonw_key(w, "boilerplate");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nboiler; i++) {
        jsonw_array(w);
        jsonw_number(w, (double)doc->boiler[i].span.start);
        jsonw_number(w, (double)doc->boiler[i].span.end);
        str_or_null(w, doc->boiler[i].why);
        jsonw_end(w);
    }
    jsonw_end(w);
    jsonw_key(w, "paragraphs");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nparas; i++)
        tuple(w, doc->paras[i].span, doc->paras[i].boilerplate, false, 0);
    jsonw_end(w);
    jsonw_key(w, "sentences");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nsents; i++)
        tuple(w, doc->sents[i].span, doc->sents[i].paragraph, true,
              doc->sents[i].flags);
    jsonw_end(w);
}

static void record_findings(struct jsonw *w, const struct doc *doc)
{
    jsonw_key(w, "mentions");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nmentions; i++)
        mention_json(w, &doc->mentions[i]);
    jsonw_end(w);
    jsonw_key(w, "dates");
    jsonw_array(w);
    for (size_t i = 0; i < doc->ndates; i++)
        date_json(w, &doc->dates[i]);
    jsonw_end(w);
    jsonw_key(w, "numbers");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nnumbers; i++)
        number_json(w, &doc->numbers[i]);
    jsonw_end(w);
    jsonw_key(w, "quotes");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nquotes; i++)
        quote_json(w, &doc->quotes[i]);
    jsonw_end(w);
    jsonw_key(w, "claims");
    jsonw_array(w);
    for (size_t i = 0; i < doc->nclaims; i++)
        claim_json(w, &doc->claims[i]);
    jsonw_end(w);
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
    jsonw_object(w);
    record_head(w, doc, rules);
    record_structure(w, doc);
    record_findings(w, doc);
    jsonw_end(w);
    jsonw_newline(w);
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
