/* report.c - JSON per CONTRACT.md, the text report, text dumps.
 *
 * JSON goes out item by item through jsonw, which prints what cJSON_Print
 * printed for the whole tree the reports used to build: the bytes are the
 * same, but the memory is a buffer, not a tree several times the size of
 * the output. */
#include "claimdiff/report.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/align.h"
#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/jsonw.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "report_shared.h"

/* ---- JSON helpers ------------------------------------------------------ */

/* Strings from the input (paths from the command line, spans of a text)
 * may be neither valid UTF-8 nor NUL-free: invalid bytes go out as '?',
 * and a string ends at a NUL, as it did when cJSON copied C strings. */
static void json_text(struct jsonw *w, const char *s, size_t n)
{
    jsonw_string_utf8(w, s, n);
}

static void json_string_or_null(struct jsonw *w, const char *s)
{
    if (s)
        json_text(w, s, strlen(s));
    else
        jsonw_null(w);
}

/* "%c%zu" of prefix and index + 1, without snprintf: ids are a fifth of
 * what the JSON report writes, and snprintf was a third of its time. An
 * index of an array in memory is far below JSONW_INT_LIMIT. */
static void json_id(struct jsonw *w, char prefix, size_t index)
{
    char buf[1 + JSONW_INT_MAX + 1];
    buf[0] = prefix;
    *jsonw_put_int(buf + 1, (int64_t)index + 1) = '\0';
    jsonw_string(w, buf);
}

/* Where the items of a section go: into the section's array of the
 * CONTRACT object, or, for JSON Lines, each on a compact line of its own
 * that starts with its "type" and names the path of every document it
 * refers to, so that one line can be read without the others. */
struct sink {
    struct jsonw *w;
    bool lines;       /* JSON Lines rather than the CONTRACT object */
    const char *type; /* JSON Lines: the value of "type" */
};

static void item_begin(const struct sink *s)
{
    jsonw_object(s->w);
    if (s->lines) {
        JSONW_KEY(s->w, "type");
        jsonw_string(s->w, s->type);
    }
}

static void item_end(const struct sink *s)
{
    jsonw_end(s->w);
    if (s->lines)
        jsonw_newline(s->w);
}

/* ---- fixed-shape members ---------------------------------------------- */

/* The sections with many items (claims, compared values, located
 * mentions, dates, quotes) write each item's members themselves: a
 * member's separator, indent and name are prepared once per section
 * (jsonw_key_frame), and the numbers, ids and nulls between two strings
 * go into one reservation. Through a jsonw call per key and value each
 * piece cost a call, a separator test and a length count, as much as its
 * bytes. The values are exactly those the calls wrote. */

/* One member's frame (jsonw_key_frame), heap: at least FRAME_COPY
 * bytes, the frame's n and then padding. */
struct frame {
    char *b;
    size_t n;
};

/* Frames up to this long (all of the report's: ",\n", five tabs and
 * "attributed_to" take 24) are copied as one block of this size, which
 * compiles to two moves instead of a memcpy call. Every reservation that
 * frames go into has this many bytes more than it counts. */
#define FRAME_COPY 32

static struct frame frame_new(const struct jsonw *w, const char *key,
                              size_t n, bool comma)
{
    struct frame f;
    f.b = jsonw_key_frame(w, key, n, comma, &f.n);
    if (f.n < FRAME_COPY) {
        f.b = xrealloc(f.b, FRAME_COPY);
        memset(f.b + f.n, 0, FRAME_COPY - f.n);
    }
    return f;
}

/* jsonw_room with FRAME_COPY bytes more than the n counted. */
static char *room_for_members(struct jsonw *w, size_t n)
{
    return jsonw_room(w, n + FRAME_COPY);
}

/* Only a string literal compiles as the key. */
#define FRAME(w, lit, comma) frame_new((w), "" lit "", sizeof(lit) - 1, (comma))

static char *put_frame(char *p, const struct frame *f)
{
    if (f->n <= FRAME_COPY)
        memcpy(p, f->b, FRAME_COPY); /* padding lands in the slack */
    else
        memcpy(p, f->b, f->n);
    return p + f->n;
}

/* Most bytes of an id as a JSON string ("D12"): quotes, prefix, digits.
 * Also the most an entity reference (an id or null) takes. */
#define ID_MAX (3 + JSONW_INT_MAX)

/* "%c%zu" of prefix and index + 1, quoted: json_id's bytes. */
static char *put_id(char *p, char prefix, size_t index)
{
    *p++ = '"';
    *p++ = prefix;
    p = jsonw_put_int(p, (int64_t)index + 1);
    *p++ = '"';
    return p;
}

/* Most bytes of a span: brackets, ", " and two numbers. */
#define SPAN_MAX (4 + 2 * JSONW_INT_MAX)

/* [start, end] as jsonw_array and two jsonw_number wrote it; spans are
 * 32-bit, far below JSONW_INT_LIMIT. */
static char *put_span(char *p, struct span s, bool pretty)
{
    *p++ = '[';
    p = jsonw_put_int(p, s.start);
    *p++ = ',';
    if (pretty)
        *p++ = ' ';
    p = jsonw_put_int(p, s.end);
    *p++ = ']';
    return p;
}

static char *put_null(char *p)
{
    memcpy(p, "null", 4);
    return p + 4;
}

/* json_entity_ref's bytes: ID_MAX at most. */
static char *put_entity_ref(char *p, const struct doc *doc, int mention)
{
    if (mention < 0 || (size_t)mention >= doc->nmentions ||
        doc->mentions[mention].entity == 0)
        return put_null(p);
    return put_id(p, 'E', doc->mentions[mention].entity - 1);
}

/* json_string_or_null's bytes, with no separator. */
static void put_text_or_null(struct jsonw *w, const char *s)
{
    if (s) {
        jsonw_put_string_utf8(w, s, strlen(s));
    } else {
        jsonw_wrote(w, put_null(room_for_members(w, 4)));
    }
}

/* After the "doc" member at p: on a line of its own the document's
 * "path" too (a string, so the reservation ends there and a new one of
 * more bytes starts). Returns where the next member goes, with room for
 * more bytes either way (the caller's reservation covers them when no
 * path is written). */
static char *put_path(struct jsonw *w, char *p, const struct frame *path,
                      const struct sink *s, const struct doc *doc,
                      size_t more)
{
    if (!s->lines)
        return p;
    jsonw_wrote(w, put_frame(p, path));
    put_text_or_null(w, doc->path);
    return room_for_members(w, more);
}

/* The frames of the evidence fields every located item shares: doc,
 * text, span, line (and path on a line of its own). */
struct located_shape {
    bool ready;
    struct frame doc, path, text, span, line;
};

/* Made at the first item, at its object's depth; comma: "doc" is not
 * the object's first member. */
static void located_shape_init(struct located_shape *sh, const struct jsonw *w,
                               bool comma)
{
    if (sh->ready)
        return;
    sh->ready = true;
    sh->doc = FRAME(w, "doc", comma);
    sh->path = FRAME(w, "path", true);
    sh->text = FRAME(w, "text", true);
    sh->span = FRAME(w, "span", true);
    sh->line = FRAME(w, "line", true);
}

static void located_shape_free(struct located_shape *sh)
{
    free(sh->doc.b);
    free(sh->path.b);
    free(sh->text.b);
    free(sh->span.b);
    free(sh->line.b);
}

/* doc, text, span, line: the evidence fields every located item shares.
 * di is the document's index in c. */
static void add_located(const struct sink *sk, struct located_shape *sh,
                        const struct corpus *c, size_t di, struct span s)
{
    struct jsonw *w = sk->w;
    const struct doc *doc = c->docs[di];
    char *p = room_for_members(w, sh->doc.n + ID_MAX + sh->path.n + sh->text.n);
    p = put_frame(p, &sh->doc);
    p = put_id(p, 'D', di);
    p = put_path(w, p, &sh->path, sk, doc, sh->text.n);
    jsonw_wrote(w, put_frame(p, &sh->text));
    jsonw_put_string_utf8(w, doc->text + s.start, s.end - s.start);
    p = room_for_members(w, sh->span.n + SPAN_MAX + sh->line.n + JSONW_INT_MAX);
    p = put_frame(p, &sh->span);
    p = put_span(p, s, !sk->lines);
    p = put_frame(p, &sh->line);
    jsonw_wrote(w, jsonw_put_int(p, doc_line_of(doc, s.start)));
    jsonw_had_members(w);
}

/* ---- JSON sections -------------------------------------------------- */

static void json_documents(const struct corpus *c, const struct sink *s)
{
    struct jsonw *w = s->w;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        item_begin(s);
        JSONW_KEY(w, "id");
        json_id(w, 'D', i);
        JSONW_KEY(w, "path");
        json_string_or_null(w, doc->path);
        JSONW_KEY(w, "source");
        json_string_or_null(w, doc->source);
        JSONW_KEY(w, "title");
        json_string_or_null(w, doc->title);
        JSONW_KEY(w, "published");
        json_string_or_null(w, doc->published);
        JSONW_KEY(w, "bytes");
        jsonw_number(w, (double)doc->len);
        JSONW_KEY(w, "warnings");
        jsonw_array(w);
        for (size_t k = 0; k < doc->nwarnings; k++)
            json_string_or_null(w, doc->warnings[k]);
        jsonw_end(w);
        item_end(s);
    }
}

static void json_strings(struct jsonw *w, const char *const *v, size_t n)
{
    jsonw_array(w);
    for (size_t i = 0; i < n; i++)
        json_string_or_null(w, v[i]);
    jsonw_end(w);
}

static void json_entities(const struct corpus *c, const struct sink *s)
{
    struct jsonw *w = s->w;
    struct located_shape sh = {0};
    for (size_t i = 0; i < c->nentities; i++) {
        const struct entity *e = &c->entities[i];
        item_begin(s);
        JSONW_KEY(w, "id");
        json_id(w, 'E', i);
        /* On a line, "type" says what the line is ("entity"), so the
         * entity's own type moves to "entity_type". */
        jsonw_key(w, s->lines ? "entity_type" : "type");
        jsonw_string(w, tag_type_name(e->type));
        JSONW_KEY(w, "name");
        json_string_or_null(w, e->name);
        JSONW_KEY(w, "aliases");
        json_strings(w, e->aliases, e->naliases);
        JSONW_KEY(w, "roles");
        json_strings(w, e->roles, e->nroles);
        JSONW_KEY(w, "mentions");
        jsonw_array(w);
        for (size_t k = 0; k < e->nmentions; k++) {
            const struct entity_mention *em = &e->mentions[k];
            const struct doc *doc = c->docs[em->doc];
            jsonw_object(w);
            located_shape_init(&sh, w, false);
            add_located(s, &sh, c, em->doc, doc->mentions[em->mention].span);
            jsonw_end(w);
        }
        jsonw_end(w);
        item_end(s);
    }
    located_shape_free(&sh);
}

static const char *basis_name(enum date_basis b)
{
    switch (b) {
    case DATE_EXPLICIT:
        return "explicit";
    case DATE_ANCHORED:
        return "anchored";
    case DATE_UNANCHORED:
        return "unanchored";
    }
    return "unanchored";
}

static void json_dates(const struct corpus *c, const struct sink *s)
{
    struct jsonw *w = s->w;
    struct located_shape sh = {0};
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->ndates; k++) {
            const struct date *dt = &doc->dates[k];
            if (dt->flags & DATEF_PAGE_STAMP)
                continue;
            item_begin(s);
            located_shape_init(&sh, w, s->lines);
            add_located(s, &sh, c, i, dt->span);
            JSONW_KEY(w, "value");
            if (dt->value[0])
                jsonw_string(w, dt->value);
            else
                jsonw_null(w);
            JSONW_KEY(w, "basis");
            jsonw_string(w, basis_name(dt->basis));
            item_end(s);
        }
    }
    located_shape_free(&sh);
}

static void json_entity_ref(struct jsonw *w, const struct doc *doc,
                            int mention)
{
    if (mention < 0 || (size_t)mention >= doc->nmentions ||
        doc->mentions[mention].entity == 0)
        jsonw_null(w);
    else
        json_id(w, 'E', doc->mentions[mention].entity - 1);
}

static void json_quotes(const struct corpus *c, const struct sink *s)
{
    struct jsonw *w = s->w;
    struct located_shape sh = {0};
    size_t next_id = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        /* Quote ids skip scare quotes, so map each index to its id. */
        size_t *ids = xcalloc(doc->nquotes + 1, sizeof *ids);
        for (size_t k = 0; k < doc->nquotes; k++) {
            const struct quote *q = &doc->quotes[k];
            if (q->kind == QUOTE_SCARE)
                continue;
            ids[k] = ++next_id;
            item_begin(s);
            JSONW_KEY(w, "id");
            json_id(w, 'Q', ids[k] - 1);
            located_shape_init(&sh, w, true);
            add_located(s, &sh, c, i, q->span);
            JSONW_KEY(w, "speaker");
            json_entity_ref(w, doc, q->speaker);
            JSONW_KEY(w, "speaker_text");
            if (q->speaker_span.end > q->speaker_span.start)
                json_text(w, doc->text + q->speaker_span.start,
                          q->speaker_span.end - q->speaker_span.start);
            else
                jsonw_null(w);
            if (q->continues >= 0 && (size_t)q->continues < k &&
                ids[q->continues]) {
                JSONW_KEY(w, "continues");
                json_id(w, 'Q', ids[q->continues] - 1);
            }
            item_end(s);
        }
        free(ids);
    }
    located_shape_free(&sh);
}

/* Claim ids run over all documents: C1 is the first claim of D1. */
static size_t *claim_offsets(const struct corpus *c)
{
    size_t *off = xmalloc((c->ndocs + 1) * sizeof *off);
    off[0] = 0;
    for (size_t i = 0; i < c->ndocs; i++)
        off[i + 1] = off[i] + claim_count(c->docs[i]);
    return off;
}

static const char *claim_kind_label(const struct claim *cl)
{
    return cl->kind == CLAIM_EVENT && cl->cls ? cl->cls
                                              : claim_kind_name(cl->kind);
}

/* The checkable value of a claim: a number, an ISO date, an entity id or
 * a string; as a member's value, with no separator. */
static void put_claim_value(struct jsonw *w, const struct doc *doc,
                            const struct claim *cl)
{
    switch (cl->kind) {
    case CLAIM_COUNT:
        jsonw_put_number(w, doc->numbers[cl->number_idx].value);
        return;
    case CLAIM_DATE:
        jsonw_put_string(w, doc->dates[cl->date_idx].value);
        return;
    case CLAIM_PLACE:
    case CLAIM_ACTOR:
        if (cl->mention_idx < 0 && cl->text) {
            jsonw_put_string(w, cl->text); /* a class noun: "rebel" */
        } else {
            char *p = room_for_members(w, ID_MAX);
            jsonw_wrote(w, put_entity_ref(p, doc, cl->mention_idx));
        }
        return;
    case CLAIM_EVENT:
    case CLAIM_THING:
    case CLAIM_ROLE:
    case CLAIM_FATE:
    case CLAIM_TIME:
        put_text_or_null(w, cl->text);
        return;
    case CLAIM_STATEMENT:
        break;
    }
    jsonw_wrote(w, put_null(room_for_members(w, 4)));
}

/* The frames of a claim's members. */
struct claim_shape {
    struct frame id, doc, path, span, line, text, kind, subject, object, value,
        attributed_to, negated;
};

/* At the first claim's depth; comma: "id" is not the first member. */
static void claim_shape_init(struct claim_shape *sh, const struct jsonw *w,
                             bool comma)
{
    sh->id = FRAME(w, "id", comma);
    sh->doc = FRAME(w, "doc", true);
    sh->path = FRAME(w, "path", true);
    sh->span = FRAME(w, "span", true);
    sh->line = FRAME(w, "line", true);
    sh->text = FRAME(w, "text", true);
    sh->kind = FRAME(w, "kind", true);
    sh->subject = FRAME(w, "subject", true);
    sh->object = FRAME(w, "object", true);
    sh->value = FRAME(w, "value", true);
    sh->attributed_to = FRAME(w, "attributed_to", true);
    sh->negated = FRAME(w, "negated", true);
}

static void claim_shape_free(struct claim_shape *sh)
{
    struct frame *f[] = {&sh->id,      &sh->doc,     &sh->path,
                         &sh->span,    &sh->line,    &sh->text,
                         &sh->kind,    &sh->subject, &sh->object,
                         &sh->value,   &sh->attributed_to, &sh->negated};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        free(f[i]->b);
}

/* One claim's members: id, doc, span, line, text, kind, subject, object,
 * value, attributed_to, negated. */
static void put_claim(const struct sink *s, const struct claim_shape *sh,
                      const struct corpus *c, size_t di, const struct claim *cl,
                      size_t id)
{
    struct jsonw *w = s->w;
    const struct doc *doc = c->docs[di];
    size_t more = sh->span.n + SPAN_MAX + sh->line.n + JSONW_INT_MAX +
                  sh->text.n;
    char *p = room_for_members(w, sh->id.n + ID_MAX + sh->doc.n + ID_MAX +
                                sh->path.n + more);
    p = put_frame(p, &sh->id);
    p = put_id(p, 'C', id);
    p = put_frame(p, &sh->doc);
    p = put_id(p, 'D', di);
    p = put_path(w, p, &sh->path, s, doc, more);
    p = put_frame(p, &sh->span);
    p = put_span(p, cl->span, !s->lines);
    p = put_frame(p, &sh->line);
    p = jsonw_put_int(p, doc_line_of(doc, cl->span.start));
    jsonw_wrote(w, put_frame(p, &sh->text));
    jsonw_put_string_utf8(w, doc->text + cl->span.start,
                          cl->span.end - cl->span.start);
    jsonw_wrote(w, put_frame(room_for_members(w, sh->kind.n), &sh->kind));
    jsonw_put_string(w, claim_kind_label(cl));
    p = room_for_members(w, sh->subject.n + ID_MAX + sh->object.n + ID_MAX +
                          sh->value.n);
    p = put_frame(p, &sh->subject);
    p = put_entity_ref(p, doc,
                       cl->kind == CLAIM_ROLE ? cl->mention_idx : cl->subject);
    p = put_frame(p, &sh->object);
    p = put_entity_ref(p, doc, cl->object);
    jsonw_wrote(w, put_frame(p, &sh->value));
    put_claim_value(w, doc, cl);
    p = room_for_members(w, sh->attributed_to.n + ID_MAX + sh->negated.n + 5);
    p = put_frame(p, &sh->attributed_to);
    p = put_entity_ref(p, doc, cl->attributed_to);
    p = put_frame(p, &sh->negated);
    if (cl->negated) {
        memcpy(p, "true", 4);
        p += 4;
    } else {
        memcpy(p, "false", 5);
        p += 5;
    }
    jsonw_wrote(w, p);
    jsonw_had_members(w);
}

static void json_claims(const struct corpus *c, const struct sink *s)
{
    struct claim_shape sh;
    bool ready = false;
    size_t id = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < claim_count(doc); k++) {
            item_begin(s);
            if (!ready)
                claim_shape_init(&sh, s->w, s->lines);
            ready = true;
            put_claim(s, &sh, c, i, claim_nth(doc, k), id++);
            item_end(s);
        }
    }
    if (ready)
        claim_shape_free(&sh);
}

/* The frames of a compared value's members. */
struct value_shape {
    bool ready;
    struct frame doc, path, claim, value, text, span;
};

static void value_shape_init(struct value_shape *sh, const struct jsonw *w)
{
    if (sh->ready)
        return;
    sh->ready = true;
    sh->doc = FRAME(w, "doc", false);
    sh->path = FRAME(w, "path", true);
    sh->claim = FRAME(w, "claim", true);
    sh->value = FRAME(w, "value", true);
    sh->text = FRAME(w, "text", true);
    sh->span = FRAME(w, "span", true);
}

static void value_shape_free(struct value_shape *sh)
{
    free(sh->doc.b);
    free(sh->path.b);
    free(sh->claim.b);
    free(sh->value.b);
    free(sh->text.b);
    free(sh->span.b);
}

/* One compared value's members: doc, claim, value, text, span. claim_id
 * is the claim's index over all documents. */
static void put_compared(const struct sink *s, const struct value_shape *sh,
                         const struct corpus *c, const struct cmp_value *v,
                         size_t claim_id)
{
    struct jsonw *w = s->w;
    const struct doc *doc = c->docs[v->doc];
    const struct claim *cl = claim_nth(doc, v->claim);
    size_t more = sh->claim.n + ID_MAX + sh->value.n;
    char *p = room_for_members(w, sh->doc.n + ID_MAX + sh->path.n + more);
    p = put_frame(p, &sh->doc);
    p = put_id(p, 'D', v->doc);
    p = put_path(w, p, &sh->path, s, doc, more);
    p = put_frame(p, &sh->claim);
    p = put_id(p, 'C', claim_id);
    jsonw_wrote(w, put_frame(p, &sh->value));
    put_claim_value(w, doc, cl);
    jsonw_wrote(w, put_frame(room_for_members(w, sh->text.n), &sh->text));
    jsonw_put_string_utf8(w, doc->text + cl->span.start,
                          cl->span.end - cl->span.start);
    p = room_for_members(w, sh->span.n + SPAN_MAX);
    p = put_frame(p, &sh->span);
    jsonw_wrote(w, put_span(p, cl->span, !s->lines));
    jsonw_had_members(w);
}

static void json_comparisons(const struct corpus *c,
                             const struct report_opts *o, const struct sink *s)
{
    struct jsonw *w = s->w;
    struct value_shape sh = {0};
    size_t *off = claim_offsets(c), id = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (!report_shown(k, o))
            continue;
        item_begin(s);
        JSONW_KEY(w, "id");
        json_id(w, 'K', id++);
        JSONW_KEY(w, "topic");
        json_string_or_null(w, k->topic);
        JSONW_KEY(w, "verdict");
        jsonw_string(w, verdict_name(k->verdict));
        JSONW_KEY(w, "values");
        jsonw_array(w);
        for (size_t v = 0; v < k->nvalues; v++) {
            const struct cmp_value *cv = &k->values[v];
            jsonw_object(w);
            value_shape_init(&sh, w);
            put_compared(s, &sh, c, cv, off[cv->doc] + cv->claim);
            jsonw_end(w);
        }
        jsonw_end(w);
        JSONW_KEY(w, "note");
        json_string_or_null(w, k->note);
        if (o->explain) {
            JSONW_KEY(w, "why");
            json_string_or_null(w, k->why);
        }
        item_end(s);
    }
    value_shape_free(&sh);
    free(off);
}

/* One section of the CONTRACT object: its array, filled by fill. */
static void json_section(struct jsonw *w, const char *name,
                         const struct corpus *c,
                         void (*fill)(const struct corpus *,
                                      const struct sink *))
{
    struct sink s = {w, false, NULL};
    jsonw_key(w, name);
    jsonw_array(w);
    fill(c, &s);
    jsonw_end(w);
}

void report_json(FILE *out, const struct corpus *c,
                 const struct report_opts *o)
{
    struct jsonw *w = jsonw_new(out, true);
    jsonw_object(w);
    JSONW_KEY(w, "tool");
    jsonw_object(w);
    JSONW_KEY(w, "name");
    jsonw_string(w, "claimdiff");
    JSONW_KEY(w, "version");
    jsonw_string(w, CLAIMDIFF_VERSION);
    JSONW_KEY(w, "rules");
    jsonw_string(w, rules_version());
    jsonw_end(w);
    json_section(w, "documents", c, json_documents);
    json_section(w, "entities", c, json_entities);
    json_section(w, "dates", c, json_dates);
    json_section(w, "quotes", c, json_quotes);
    json_section(w, "claims", c, json_claims);
    struct sink cmp = {w, false, NULL};
    JSONW_KEY(w, "comparisons");
    jsonw_array(w);
    json_comparisons(c, o, &cmp);
    jsonw_end(w);
    jsonw_end(w);
    jsonw_newline(w);
    jsonw_flush(w);
    jsonw_free(w);
}

/* ---- shared with report_html.c (see report_shared.h) ----------------- */

bool report_shown(const struct comparison *k, const struct report_opts *o)
{
    if (k->verdict == VERDICT_SINGLE && !o->all)
        return false;
    return !o->only || !strcmp(o->only, verdict_name(k->verdict));
}

/* One shown comparison and what orders it: events by their worst
 * verdict, then within an event conflicts first, partial, agree. */
/* 16 bytes (verdicts as bytes): one per comparison shown, and qsort
 * takes a copy as large, at the end of the run's peak. */
struct shown_cmp {
    size_t index;
    unsigned event;
    signed char worst;   /* the event's worst verdict */
    signed char verdict;
    bool told;           /* a statement told in other words (align.h) */
};

_Static_assert(sizeof(struct shown_cmp) <= 16, "shown_cmp grew");

static int compare_shown(const void *pa, const void *pb)
{
    const struct shown_cmp *a = pa, *b = pb;
    /* statements told alike come after every slot of every event: they
     * are looser than the slots and would crowd them */
    if (a->told != b->told)
        return a->told ? 1 : -1;
    if (a->worst != b->worst)
        return a->worst < b->worst ? -1 : 1;
    if (a->event != b->event)
        return a->event < b->event ? -1 : 1;
    if (a->verdict != b->verdict)
        return a->verdict < b->verdict ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

void report_order_new(const struct corpus *c, const struct report_opts *o,
                      struct report_order *r)
{
    struct shown_cmp *v = xmalloc((c->ncomparisons + 1) * sizeof *v);
    unsigned max_event = 0;
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (c->comparisons[i].event_id > max_event)
            max_event = c->comparisons[i].event_id;
    int *worst = xmalloc((max_event + 1) * sizeof *worst);
    for (unsigned e = 0; e <= max_event; e++)
        worst[e] = VERDICT_SINGLE + 1;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (!report_shown(k, o))
            continue;
        if (worst[k->event_id] == VERDICT_SINGLE + 1)
            r->events++;
        if ((int)k->verdict < worst[k->event_id])
            worst[k->event_id] = (int)k->verdict;
        r->counts[k->verdict]++;
        bool told = k->nvalues &&
                    align_told_alike(claim_nth(c->docs[k->values[0].doc],
                                              k->values[0].claim));
        v[r->n++] = (struct shown_cmp){i, k->event_id, 0,
                                       (signed char)k->verdict, told};
    }
    for (size_t i = 0; i < r->n; i++)
        v[i].worst = (signed char)worst[v[i].event];
    qsort(v, r->n, sizeof *v, compare_shown);
    r->index = xmalloc((r->n + 1) * sizeof *r->index);
    for (size_t i = 0; i < r->n; i++)
        r->index[i] = v[i].index;
    free(worst);
    free(v);
}

void report_order_free(struct report_order *r)
{
    free(r->index);
    memset(r, 0, sizeof *r);
}

size_t report_event_docs(const struct corpus *c, const struct report_order *r,
                         size_t i)
{
    unsigned event = c->comparisons[r->index[i]].event_id;
    size_t docs = 0;
    for (size_t j = i; j < r->n; j++) {
        const struct comparison *k = &c->comparisons[r->index[j]];
        if (k->event_id != event)
            break;
        if (k->nvalues > docs)
            docs = k->nvalues;
    }
    return docs;
}

const char *report_slot(const struct comparison *k)
{
    const char *slot = k->topic;
    size_t el = strlen(k->event);
    if (!strncmp(slot, k->event, el) && slot[el] == ':')
        slot += el + 2;
    return slot;
}

char *report_summary(const struct report_order *r, bool all)
{
    const size_t *n = r->counts;
    /* The longest line is far below this: six numbers and fixed words. */
    char buf[256];
    int len = snprintf(buf, sizeof buf,
                       "%zu event%s, %zu conflict%s, %zu partial, %zu agree",
                       r->events, r->events == 1 ? "" : "s",
                       n[VERDICT_CONFLICT], n[VERDICT_CONFLICT] == 1 ? "" : "s",
                       n[VERDICT_PARTIAL], n[VERDICT_AGREE]);
    if (all && len > 0 && (size_t)len < sizeof buf)
        snprintf(buf + len, sizeof buf - (size_t)len, ", %zu single",
                 n[VERDICT_SINGLE]);
    return xstrdup(buf);
}

static int compare_said(const void *pa, const void *pb)
{
    const struct report_said *a = pa, *b = pb;
    /* Named speakers in entity order, the unattributed last. */
    size_t ea = a->entity ? a->entity : (size_t)-1;
    size_t eb = b->entity ? b->entity : (size_t)-1;
    if (ea != eb)
        return ea < eb ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return a->quote < b->quote ? -1 : a->quote > b->quote;
}

struct report_said *report_said_list(const struct corpus *c, size_t *n)
{
    struct report_said *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->nquotes; k++) {
            const struct quote *q = &doc->quotes[k];
            if (q->kind == QUOTE_SCARE)
                continue;
            if (*n == cap)
                v = xgrow(v, &cap, *n + 1, sizeof *v);
            v[*n].entity =
                q->speaker >= 0 && (size_t)q->speaker < doc->nmentions
                    ? doc->mentions[q->speaker].entity
                    : 0;
            v[*n].doc = i;
            v[*n].quote = k;
            (*n)++;
        }
    }
    if (*n)
        qsort(v, *n, sizeof *v, compare_said);
    return v;
}

size_t report_cut(const char *t, size_t n, size_t max)
{
    if (n <= max)
        return n;
    n = max;
    while (n > 0 && t[n] != ' ')
        n--;
    /* Never cut inside a UTF-8 sequence. */
    while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
        n--;
    return n;
}

void report_jsonl(FILE *out, const struct corpus *c,
                  const struct report_opts *o)
{
    struct jsonw *w = jsonw_new(out, false);
    json_documents(c, &(struct sink){w, true, "document"});
    json_entities(c, &(struct sink){w, true, "entity"});
    json_dates(c, &(struct sink){w, true, "date"});
    json_quotes(c, &(struct sink){w, true, "quote"});
    json_claims(c, &(struct sink){w, true, "claim"});
    json_comparisons(c, o, &(struct sink){w, true, "comparison"});
    jsonw_flush(w);
    jsonw_free(w);
}

/* ---- text output ------------------------------------------------------- */

/* The text report is written piece by piece (a source name, a quotation,
 * a line number); through stdio each piece paid a call, a lock and, for
 * fprintf, the format's parsing: about 25 instructions an output byte.
 * Pieces go into one buffer instead, which goes out with one fwrite
 * whenever it fills and at the end. Write errors stay in the stream's
 * error flag (ferror), as they did with fprintf. Each writer below puts
 * exactly the bytes of the printf directive named beside it. */

/* Bytes buffered before they go to the stream. */
#define TEXT_FLUSH ((size_t)64 * 1024)

struct text_out {
    FILE *out;
    char *buf; /* TEXT_FLUSH bytes, heap */
    size_t len;
};

static void text_flush(struct text_out *t)
{
    if (t->len)
        fwrite(t->buf, 1, t->len, t->out);
    t->len = 0;
}

/* s[0..n), as it is. A piece larger than the buffer goes on directly. */
static inline void put_n(struct text_out *t, const char *s, size_t n)
{
    if (n > TEXT_FLUSH - t->len) {
        text_flush(t);
        if (n >= TEXT_FLUSH) {
            fwrite(s, 1, n, t->out);
            return;
        }
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

/* A string literal: its length is known where it is written. */
#define PUT_LIT(t, lit) put_n((t), "" lit "", sizeof(lit) - 1)

/* A colour escape, on a terminal only. */
#define PUT_ON(t, o, code)                                                     \
    do {                                                                       \
        if ((o)->color)                                                        \
            PUT_LIT(t, code);                                                  \
    } while (0)

static inline void put_c(struct text_out *t, char c)
{
    if (t->len == TEXT_FLUSH)
        text_flush(t);
    t->buf[t->len++] = c;
}

/* "%s"; glibc prints a NULL string as "(null)". */
static void put_s(struct text_out *t, const char *s)
{
    if (!s)
        s = "(null)";
    put_n(t, s, strlen(s));
}

/* Most digits a size_t has in decimal (2^64 - 1 has 20). */
#define TEXT_UINT_MAX 20

/* v's decimal digits, ending at end; returns where they start. */
static char *uint_digits(char *end, size_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* "%zu" (and "%u") */
static void put_uint(struct text_out *t, size_t v)
{
    char d[TEXT_UINT_MAX], *p = uint_digits(d + sizeof d, v);
    put_n(t, p, (size_t)(d + sizeof d - p));
}

/* "%.*s" of s[0..n): up to the first NUL. */
static void put_bytes(struct text_out *t, const char *s, size_t n)
{
    put_n(t, s, strnlen(s, n));
}

/* Spaces up to width after n bytes written. */
static void put_pad(struct text_out *t, size_t n, size_t width)
{
    static const char spaces[] = "                ";
    while (n < width) {
        size_t k = width - n < sizeof spaces - 1 ? width - n
                                                 : sizeof spaces - 1;
        put_n(t, spaces, k);
        n += k;
    }
}

/* "%-Wzu" */
static void put_uint_left(struct text_out *t, size_t v, size_t width)
{
    char d[TEXT_UINT_MAX], *p = uint_digits(d + sizeof d, v);
    size_t n = (size_t)(d + sizeof d - p);
    put_n(t, p, n);
    put_pad(t, n, width);
}

/* "%-Ws" of s (NULL as "(null)", as glibc prints it) */
static void put_left(struct text_out *t, const char *s, size_t width)
{
    if (!s)
        s = "(null)";
    size_t n = strlen(s);
    put_n(t, s, n);
    put_pad(t, n, width);
}

/* "%-W.Ws" of s */
static void put_padded(struct text_out *t, const char *s, size_t width)
{
    size_t n = strnlen(s, width);
    put_n(t, s, n);
    put_pad(t, n, width);
}

/* ---- text ------------------------------------------------------------- */

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static void text_documents(struct text_out *t, const struct corpus *c,
                           const struct report_opts *o)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        /* "%sD%zu  %s%s  (%zu bytes%s)\n" */
        PUT_ON(t, o, BOLD);
        put_c(t, 'D');
        put_uint(t, i + 1);
        PUT_LIT(t, "  ");
        put_s(t, doc->path);
        PUT_ON(t, o, RESET);
        PUT_LIT(t, "  (");
        put_uint(t, doc->len);
        if (doc->is_html)
            PUT_LIT(t, " bytes, HTML)\n");
        else
            PUT_LIT(t, " bytes)\n");
        if (doc->title) {
            PUT_LIT(t, "    title:     ");
            put_s(t, doc->title);
            put_c(t, '\n');
        }
        if (doc->source) {
            PUT_LIT(t, "    source:    ");
            put_s(t, doc->source);
            put_c(t, '\n');
        }
        if (doc->published) {
            PUT_LIT(t, "    published: ");
            put_s(t, doc->published);
            put_c(t, '\n');
        }
        for (size_t k = 0; k < doc->nwarnings; k++) {
            PUT_LIT(t, "    ");
            PUT_ON(t, o, DIM);
            PUT_LIT(t, "warning:   ");
            put_s(t, doc->warnings[k]);
            PUT_ON(t, o, RESET);
            put_c(t, '\n');
        }
    }
}

/* "\n%s<title>%s\n": a section's heading, bold on a terminal. */
static void put_heading(struct text_out *t, const struct report_opts *o,
                        const char *title)
{
    put_c(t, '\n');
    PUT_ON(t, o, BOLD);
    put_s(t, title);
    PUT_ON(t, o, RESET);
    put_c(t, '\n');
}

static void text_entities(struct text_out *t, const struct corpus *c,
                          const struct report_opts *o)
{
    if (c->nentities == 0)
        return;
    put_heading(t, o, "Who and where");
    for (size_t i = 0; i < c->nentities; i++) {
        const struct entity *e = &c->entities[i];
        /* "  E%-4zu %-12s %s" */
        PUT_LIT(t, "  E");
        put_uint_left(t, i + 1, 4);
        put_c(t, ' ');
        put_left(t, tag_type_name(e->type), 12);
        put_c(t, ' ');
        put_s(t, e->name);
        if (e->nroles) {
            PUT_LIT(t, " (");
            put_s(t, e->roles[0]);
            put_c(t, ')');
        }
        PUT_LIT(t, "  ");
        unsigned last = (unsigned)-1;
        for (size_t k = 0; k < e->nmentions; k++) {
            if (e->mentions[k].doc == last)
                continue;
            last = e->mentions[k].doc;
            PUT_LIT(t, " D");
            put_uint(t, (size_t)last + 1);
        }
        put_c(t, '\n');
    }
}

/* "  %s%s:%u%s\n": where a value stands, dimmed on a terminal. */
static void put_place(struct text_out *t, const struct report_opts *o,
                      const struct doc *doc, size_t offset)
{
    PUT_LIT(t, "  ");
    PUT_ON(t, o, DIM);
    put_s(t, doc_basename(doc));
    put_c(t, ':');
    put_uint(t, doc_line_of(doc, offset));
    PUT_ON(t, o, RESET);
    put_c(t, '\n');
}

static void text_dates(struct text_out *t, const struct corpus *c,
                       const struct report_opts *o)
{
    bool any = false;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->ndates; k++) {
            const struct date *dt = &doc->dates[k];
            if (dt->flags & DATEF_PAGE_STAMP)
                continue;
            if (!any)
                put_heading(t, o, "When");
            any = true;
            /* "  %-10s  %.*s" then the place */
            PUT_LIT(t, "  ");
            put_left(t, dt->value[0] ? dt->value : "relative", 10);
            PUT_LIT(t, "  ");
            put_bytes(t, doc->text + dt->span.start,
                      dt->span.end - dt->span.start);
            put_place(t, o, doc, dt->span.start);
        }
    }
}

/* Longer quotations are cut at a word with "...", the file:line beside
 * them leads to the rest. */
static void print_quotation(struct text_out *t, const struct doc *doc,
                            struct span s)
{
    size_t n = s.end - s.start;
    const char *q = doc->text + s.start;
    size_t shown_len = report_cut(q, n, REPORT_QUOTE_SHOWN);
    put_c(t, '"');
    put_bytes(t, q, shown_len < n ? shown_len : n);
    if (shown_len < n)
        PUT_LIT(t, " ...\"");
    else
        put_c(t, '"');
}

static void text_quotes(struct text_out *t, const struct corpus *c,
                        const struct report_opts *o)
{
    size_t n;
    struct report_said *v = report_said_list(c, &n);
    if (n == 0)
        return;
    put_heading(t, o, "Who said what");
    for (size_t i = 0; i < n; i++) {
        const struct doc *doc = c->docs[v[i].doc];
        const struct quote *q = &doc->quotes[v[i].quote];
        if (i == 0 || v[i].entity != v[i - 1].entity) {
            /* "  %s%s%s\n": the speaker, bold */
            PUT_LIT(t, "  ");
            PUT_ON(t, o, BOLD);
            if (v[i].entity)
                put_s(t, c->entities[v[i].entity - 1].name);
            else
                PUT_LIT(t, "(no speaker named)");
            PUT_ON(t, o, RESET);
            put_c(t, '\n');
        }
        PUT_LIT(t, "    ");
        print_quotation(t, doc, q->span);
        /* "  %s%s%s%s:%u%s\n": source, file and line, dimmed */
        PUT_LIT(t, "  ");
        PUT_ON(t, o, DIM);
        if (doc->source) {
            put_s(t, doc->source);
            PUT_LIT(t, ", ");
        }
        put_s(t, doc_basename(doc));
        put_c(t, ':');
        put_uint(t, doc_line_of(doc, q->span.start));
        PUT_ON(t, o, RESET);
        put_c(t, '\n');
    }
    free(v);
}

/* ---- comparisons --------------------------------------------------- */

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define GREEN "\033[32m"

/* A verdict's colour, on a terminal only. */
static void put_verdict_color(struct text_out *t, const struct report_opts *o,
                              enum verdict v)
{
    if (!o->color)
        return;
    if (v == VERDICT_CONFLICT)
        PUT_LIT(t, RED);
    else if (v == VERDICT_PARTIAL)
        PUT_LIT(t, YELLOW);
    else if (v == VERDICT_AGREE)
        PUT_LIT(t, GREEN);
    else
        PUT_LIT(t, DIM);
}

/* Do some sources of k state its event and others deny it? Then each
 * denial is marked, so the reader sees who stands on which side without
 * matching the note's "stated vs denied" to the lines by hand. */
static bool mixes_denials(const struct comparison *k)
{
    bool stated = false, denied = false;
    for (size_t j = 0; j < k->nvalues; j++) {
        stated = stated || k->values[j].stance > 0;
        denied = denied || k->values[j].stance < 0;
    }
    return stated && denied;
}

static void text_value(struct text_out *t, const struct corpus *c,
                       const struct cmp_value *v, bool mark_denial,
                       const struct report_opts *o)
{
    const struct doc *doc = c->docs[v->doc];
    const struct claim *cl = claim_nth(doc, v->claim);
    PUT_LIT(t, "      ");
    put_padded(t, doc->source ? doc->source : doc_basename(doc), 14);
    put_c(t, ' ');
    if (mark_denial && v->stance < 0)
        PUT_LIT(t, "denies ");
    print_quotation(t, doc, cl->span);
    put_place(t, o, doc, cl->span.start);
}

/* "\n  %s%s%s — %zu source%s\n": an event's heading. */
static void put_event_head(struct text_out *t, const struct report_opts *o,
                           const char *event, size_t docs)
{
    PUT_LIT(t, "\n  ");
    PUT_ON(t, o, BOLD);
    put_s(t, event);
    PUT_ON(t, o, RESET);
    PUT_LIT(t, " — ");
    put_uint(t, docs);
    if (docs == 1)
        PUT_LIT(t, " source\n");
    else
        PUT_LIT(t, " sources\n");
}

static void text_comparisons(struct text_out *t, const struct corpus *c,
                             const struct report_opts *o)
{
    struct report_order r;
    report_order_new(c, o, &r);
    put_heading(t, o, "Where the sources agree and differ");
    if (r.n == 0)
        PUT_LIT(t, "  nothing that two sources both state\n");
    for (size_t i = 0; i < r.n; i++) {
        const struct comparison *k = &c->comparisons[r.index[i]];
        if (i == 0 || k->event_id != c->comparisons[r.index[i - 1]].event_id)
            put_event_head(t, o, k->event, report_event_docs(c, &r, i));
        /* "    %s%-8s%s %s" then ": %s" of the note */
        PUT_LIT(t, "    ");
        put_verdict_color(t, o, k->verdict);
        put_left(t, verdict_name(k->verdict), 8);
        PUT_ON(t, o, RESET);
        put_c(t, ' ');
        put_s(t, report_slot(k));
        if (k->note) {
            PUT_LIT(t, ": ");
            put_s(t, k->note);
        }
        put_c(t, '\n');
        bool mark = mixes_denials(k);
        for (size_t j = 0; j < k->nvalues; j++)
            text_value(t, c, &k->values[j], mark, o);
        if (o->explain && k->why) {
            /* "      %swhy: %s%s\n" */
            PUT_LIT(t, "      ");
            PUT_ON(t, o, DIM);
            PUT_LIT(t, "why: ");
            put_s(t, k->why);
            PUT_ON(t, o, RESET);
            put_c(t, '\n');
        }
    }
    char *summary = report_summary(&r, o->all);
    put_c(t, '\n');
    put_s(t, summary);
    put_c(t, '\n');
    free(summary);
    report_order_free(&r);
}

void report_text(FILE *out, const struct corpus *c,
                 const struct report_opts *o)
{
    struct text_out t = {out, xmalloc(TEXT_FLUSH), 0};
    text_documents(&t, c, o);
    text_comparisons(&t, c, o);
    text_entities(&t, c, o);
    text_dates(&t, c, o);
    text_quotes(&t, c, o);
    text_flush(&t);
    free(t.buf);
}

void report_dump_text(FILE *out, const struct corpus *c, bool body_only,
                      bool color)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        size_t pos = 0;
        if (c->ndocs > 1)
            fprintf(out, "%s==> %s <==\n", i ? "\n" : "", doc->path);
        for (size_t k = 0; k <= doc->nboiler; k++) {
            size_t until = k < doc->nboiler ? doc->boiler[k].span.start : doc->len;
            fwrite(doc->text + pos, 1, until - pos, out);
            if (k == doc->nboiler)
                break;
            const struct region *r = &doc->boiler[k];
            if (!body_only) {
                fprintf(out, "%s[[boilerplate: %s]]", color ? DIM : "", r->why);
                fwrite(doc->text + r->span.start, 1,
                       r->span.end - r->span.start, out);
                fprintf(out, "[[/boilerplate]]%s", color ? RESET : "");
            }
            pos = r->span.end;
        }
        if (doc->len && doc->text[doc->len - 1] != '\n')
            fputc('\n', out);
    }
}
