/* report.c - JSON per CONTRACT.md, the text report, text dumps. */
#include "claimdiff/report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/align.h"
#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/tag.h"
#include "claimdiff/utf8.h"
#include "report_shared.h"

/* ---- JSON helpers ------------------------------------------------------ */

/* cJSON wants NUL-terminated UTF-8; paths from the command line may be
 * neither valid UTF-8 nor safe to trust, so strings go through here. */
static cJSON *json_string_n(const char *s, size_t n)
{
    char *tmp = xstrndup(s, n);
    utf8_repair(tmp, n);
    cJSON *j = cJSON_CreateString(tmp);
    free(tmp);
    return j;
}

static cJSON *json_string_or_null(const char *s)
{
    return s ? json_string_n(s, strlen(s)) : cJSON_CreateNull();
}

static void add(cJSON *obj, const char *key, cJSON *val)
{
    cJSON_AddItemToObject(obj, key, val);
}

static cJSON *json_span(struct span s)
{
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber((double)s.start));
    cJSON_AddItemToArray(a, cJSON_CreateNumber((double)s.end));
    return a;
}

static cJSON *json_id(char prefix, size_t index)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%c%zu", prefix, index + 1);
    return cJSON_CreateString(buf);
}

/* Where the items of a section go: into the section's array of the
 * CONTRACT object, or, for JSON Lines, each on a compact line of its own
 * that starts with its "type" and names the path of every document it
 * refers to, so that one line can be read without the others. */
struct sink {
    cJSON *arr;       /* JSON: the section's array; NULL for lines */
    FILE *out;        /* JSON Lines: the stream; NULL for JSON */
    const char *type; /* JSON Lines: the value of "type" */
};

static cJSON *item_new(const struct sink *s)
{
    cJSON *o = cJSON_CreateObject();
    if (s->out)
        add(o, "type", cJSON_CreateString(s->type));
    return o;
}

/* Hand the finished item o to the sink, which takes ownership. */
static void item_put(const struct sink *s, cJSON *o)
{
    if (!s->out) {
        cJSON_AddItemToArray(s->arr, o);
        return;
    }
    char *line = cJSON_PrintUnformatted(o);
    fputs(line, s->out);
    fputc('\n', s->out);
    cJSON_free(line);
    cJSON_Delete(o);
}

/* "doc": the document's id, and on a line of its own its "path" too. */
static void add_doc_ref(cJSON *obj, const struct sink *s,
                        const struct corpus *c, size_t index)
{
    add(obj, "doc", json_id('D', index));
    if (s->out)
        add(obj, "path", json_string_or_null(c->docs[index]->path));
}

/* doc, text, span, line: the evidence fields every located item shares.
 * di is the document's index in c. */
static void add_located(cJSON *obj, const struct sink *sk,
                        const struct corpus *c, size_t di, struct span s)
{
    const struct doc *doc = c->docs[di];
    add_doc_ref(obj, sk, c, di);
    add(obj, "text", json_string_n(doc->text + s.start, s.end - s.start));
    add(obj, "span", json_span(s));
    add(obj, "line", cJSON_CreateNumber(doc_line_of(doc, s.start)));
}

/* ---- JSON sections -------------------------------------------------- */

static void json_documents(const struct corpus *c, const struct sink *s)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        cJSON *o = item_new(s);
        add(o, "id", json_id('D', i));
        add(o, "path", json_string_or_null(doc->path));
        add(o, "source", json_string_or_null(doc->source));
        add(o, "title", json_string_or_null(doc->title));
        add(o, "published", json_string_or_null(doc->published));
        add(o, "bytes", cJSON_CreateNumber((double)doc->len));
        cJSON *w = cJSON_CreateArray();
        for (size_t k = 0; k < doc->nwarnings; k++)
            cJSON_AddItemToArray(w, json_string_or_null(doc->warnings[k]));
        add(o, "warnings", w);
        item_put(s, o);
    }
}

static cJSON *json_strings(const char *const *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(a, json_string_or_null(v[i]));
    return a;
}

static void json_entities(const struct corpus *c, const struct sink *s)
{
    for (size_t i = 0; i < c->nentities; i++) {
        const struct entity *e = &c->entities[i];
        cJSON *o = item_new(s);
        add(o, "id", json_id('E', i));
        /* On a line, "type" says what the line is ("entity"), so the
         * entity's own type moves to "entity_type". */
        add(o, s->out ? "entity_type" : "type",
            cJSON_CreateString(tag_type_name(e->type)));
        add(o, "name", json_string_or_null(e->name));
        add(o, "aliases", json_strings(e->aliases, e->naliases));
        add(o, "roles", json_strings(e->roles, e->nroles));
        cJSON *ms = cJSON_CreateArray();
        for (size_t k = 0; k < e->nmentions; k++) {
            const struct entity_mention *em = &e->mentions[k];
            const struct doc *doc = c->docs[em->doc];
            cJSON *m = cJSON_CreateObject();
            add_located(m, s, c, em->doc, doc->mentions[em->mention].span);
            cJSON_AddItemToArray(ms, m);
        }
        add(o, "mentions", ms);
        item_put(s, o);
    }
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
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->ndates; k++) {
            const struct date *dt = &doc->dates[k];
            if (dt->flags & DATEF_PAGE_STAMP)
                continue;
            cJSON *o = item_new(s);
            add_located(o, s, c, i, dt->span);
            add(o, "value", dt->value[0] ? cJSON_CreateString(dt->value)
                                         : cJSON_CreateNull());
            add(o, "basis", cJSON_CreateString(basis_name(dt->basis)));
            item_put(s, o);
        }
    }
}

static cJSON *json_entity_ref(const struct doc *doc, int mention)
{
    if (mention < 0 || (size_t)mention >= doc->nmentions ||
        doc->mentions[mention].entity == 0)
        return cJSON_CreateNull();
    return json_id('E', doc->mentions[mention].entity - 1);
}

static void json_quotes(const struct corpus *c, const struct sink *s)
{
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
            cJSON *o = item_new(s);
            add(o, "id", json_id('Q', ids[k] - 1));
            add_located(o, s, c, i, q->span);
            add(o, "speaker", json_entity_ref(doc, q->speaker));
            add(o, "speaker_text",
                q->speaker_span.end > q->speaker_span.start
                    ? json_string_n(doc->text + q->speaker_span.start,
                                    q->speaker_span.end - q->speaker_span.start)
                    : cJSON_CreateNull());
            if (q->continues >= 0 && (size_t)q->continues < k &&
                ids[q->continues])
                add(o, "continues", json_id('Q', ids[q->continues] - 1));
            item_put(s, o);
        }
        free(ids);
    }
}

/* Claim ids run over all documents: C1 is the first claim of D1. */
static size_t *claim_offsets(const struct corpus *c)
{
    size_t *off = xmalloc((c->ndocs + 1) * sizeof *off);
    off[0] = 0;
    for (size_t i = 0; i < c->ndocs; i++)
        off[i + 1] = off[i] + c->docs[i]->nclaims;
    return off;
}

static const char *claim_kind_label(const struct claim *cl)
{
    return cl->kind == CLAIM_EVENT && cl->cls ? cl->cls
                                              : claim_kind_name(cl->kind);
}

/* The checkable value of a claim: a number, an ISO date, an entity id or
 * a string. */
static cJSON *json_claim_value(const struct doc *doc, const struct claim *cl)
{
    switch (cl->kind) {
    case CLAIM_COUNT:
        return cJSON_CreateNumber(doc->numbers[cl->number_idx].value);
    case CLAIM_DATE:
        return cJSON_CreateString(doc->dates[cl->date_idx].value);
    case CLAIM_PLACE:
    case CLAIM_ACTOR:
        if (cl->mention_idx < 0 && cl->text)
            return cJSON_CreateString(cl->text); /* a class noun: "rebel" */
        return json_entity_ref(doc, cl->mention_idx);
    case CLAIM_EVENT:
    case CLAIM_THING:
    case CLAIM_ROLE:
        return json_string_or_null(cl->text);
    case CLAIM_STATEMENT:
        break;
    }
    return cJSON_CreateNull();
}

static void json_claims(const struct corpus *c, const struct sink *s)
{
    size_t id = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->nclaims; k++) {
            const struct claim *cl = &doc->claims[k];
            cJSON *o = item_new(s);
            add(o, "id", json_id('C', id++));
            add_doc_ref(o, s, c, i);
            add(o, "span", json_span(cl->span));
            add(o, "line", cJSON_CreateNumber(doc_line_of(doc, cl->span.start)));
            add(o, "text", json_string_n(doc->text + cl->span.start,
                                         cl->span.end - cl->span.start));
            add(o, "kind", cJSON_CreateString(claim_kind_label(cl)));
            add(o, "subject", json_entity_ref(doc, cl->kind == CLAIM_ROLE
                                                       ? cl->mention_idx
                                                       : cl->subject));
            add(o, "object", json_entity_ref(doc, cl->object));
            add(o, "value", json_claim_value(doc, cl));
            add(o, "attributed_to", json_entity_ref(doc, cl->attributed_to));
            add(o, "negated", cJSON_CreateBool(cl->negated));
            item_put(s, o);
        }
    }
}

static void json_comparisons(const struct corpus *c,
                             const struct report_opts *o, const struct sink *s)
{
    size_t *off = claim_offsets(c), id = 0;
    for (size_t i = 0; i < c->ncomparisons; i++) {
        const struct comparison *k = &c->comparisons[i];
        if (!report_shown(k, o))
            continue;
        cJSON *obj = item_new(s);
        add(obj, "id", json_id('K', id++));
        add(obj, "topic", json_string_or_null(k->topic));
        add(obj, "verdict", cJSON_CreateString(verdict_name(k->verdict)));
        cJSON *vals = cJSON_CreateArray();
        for (size_t v = 0; v < k->nvalues; v++) {
            const struct doc *doc = c->docs[k->values[v].doc];
            const struct claim *cl = &doc->claims[k->values[v].claim];
            cJSON *val = cJSON_CreateObject();
            add_doc_ref(val, s, c, k->values[v].doc);
            add(val, "claim", json_id('C', off[k->values[v].doc] +
                                               k->values[v].claim));
            add(val, "value", json_claim_value(doc, cl));
            add(val, "text", json_string_n(doc->text + cl->span.start,
                                           cl->span.end - cl->span.start));
            add(val, "span", json_span(cl->span));
            cJSON_AddItemToArray(vals, val);
        }
        add(obj, "values", vals);
        add(obj, "note", json_string_or_null(k->note));
        if (o->explain)
            add(obj, "why", json_string_or_null(k->why));
        item_put(s, obj);
    }
    free(off);
}

/* One section of the CONTRACT object: its array, filled by fill. */
static void add_section(cJSON *root, const char *name, const struct corpus *c,
                        void (*fill)(const struct corpus *, const struct sink *))
{
    struct sink s = {cJSON_CreateArray(), NULL, NULL};
    fill(c, &s);
    add(root, name, s.arr);
}

void report_json(FILE *out, const struct corpus *c,
                 const struct report_opts *o)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *tool = cJSON_CreateObject();
    add(tool, "name", cJSON_CreateString("claimdiff"));
    add(tool, "version", cJSON_CreateString(CLAIMDIFF_VERSION));
    add(tool, "rules", cJSON_CreateString(rules_version()));
    add(root, "tool", tool);
    add_section(root, "documents", c, json_documents);
    add_section(root, "entities", c, json_entities);
    add_section(root, "dates", c, json_dates);
    add_section(root, "quotes", c, json_quotes);
    add_section(root, "claims", c, json_claims);
    struct sink cmp = {cJSON_CreateArray(), NULL, NULL};
    json_comparisons(c, o, &cmp);
    add(root, "comparisons", cmp.arr);
    char *s = cJSON_Print(root);
    fputs(s, out);
    fputc('\n', out);
    cJSON_free(s);
    cJSON_Delete(root);
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
struct shown_cmp {
    size_t index;
    unsigned event;
    int worst;   /* the event's worst verdict */
    int verdict;
    bool told;   /* a statement told in other words (align.h) */
};

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
                    align_told_alike(&c->docs[k->values[0].doc]
                                          ->claims[k->values[0].claim]);
        v[r->n++] = (struct shown_cmp){i, k->event_id, 0, (int)k->verdict,
                                       told};
    }
    for (size_t i = 0; i < r->n; i++)
        v[i].worst = worst[v[i].event];
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
    json_documents(c, &(struct sink){NULL, out, "document"});
    json_entities(c, &(struct sink){NULL, out, "entity"});
    json_dates(c, &(struct sink){NULL, out, "date"});
    json_quotes(c, &(struct sink){NULL, out, "quote"});
    json_claims(c, &(struct sink){NULL, out, "claim"});
    json_comparisons(c, o, &(struct sink){NULL, out, "comparison"});
}

/* ---- text ------------------------------------------------------------- */

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *on(const struct report_opts *o, const char *code)
{
    return o->color ? code : "";
}

static void text_documents(FILE *out, const struct corpus *c,
                           const struct report_opts *o)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        fprintf(out, "%sD%zu  %s%s  (%zu bytes%s)\n", on(o, BOLD), i + 1,
                doc->path, on(o, RESET), doc->len, doc->is_html ? ", HTML" : "");
        if (doc->title)
            fprintf(out, "    title:     %s\n", doc->title);
        if (doc->source)
            fprintf(out, "    source:    %s\n", doc->source);
        if (doc->published)
            fprintf(out, "    published: %s\n", doc->published);
        for (size_t k = 0; k < doc->nwarnings; k++)
            fprintf(out, "    %swarning:   %s%s\n", on(o, DIM),
                    doc->warnings[k], on(o, RESET));
    }
}

static void text_entities(FILE *out, const struct corpus *c,
                          const struct report_opts *o)
{
    if (c->nentities == 0)
        return;
    fprintf(out, "\n%sWho and where%s\n", on(o, BOLD), on(o, RESET));
    for (size_t i = 0; i < c->nentities; i++) {
        const struct entity *e = &c->entities[i];
        fprintf(out, "  E%-4zu %-12s %s", i + 1, tag_type_name(e->type),
                e->name);
        if (e->nroles)
            fprintf(out, " (%s)", e->roles[0]);
        fputs("  ", out);
        unsigned last = (unsigned)-1;
        for (size_t k = 0; k < e->nmentions; k++) {
            if (e->mentions[k].doc == last)
                continue;
            last = e->mentions[k].doc;
            fprintf(out, " D%u", last + 1);
        }
        fputc('\n', out);
    }
}

static void text_dates(FILE *out, const struct corpus *c,
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
                fprintf(out, "\n%sWhen%s\n", on(o, BOLD), on(o, RESET));
            any = true;
            fprintf(out, "  %-10s  %.*s  %s%s:%u%s\n",
                    dt->value[0] ? dt->value : "relative",
                    (int)(dt->span.end - dt->span.start),
                    doc->text + dt->span.start, on(o, DIM), doc_basename(doc),
                    doc_line_of(doc, dt->span.start), on(o, RESET));
        }
    }
}

/* Longer quotations are cut at a word with "...", the file:line beside
 * them leads to the rest. */
static void print_quotation(FILE *out, const struct doc *doc, struct span s)
{
    size_t n = s.end - s.start;
    const char *t = doc->text + s.start;
    size_t shown_len = report_cut(t, n, REPORT_QUOTE_SHOWN);
    if (shown_len < n) {
        fprintf(out, "\"%.*s ...\"", (int)shown_len, t);
        return;
    }
    fprintf(out, "\"%.*s\"", (int)n, t);
}

static void text_quotes(FILE *out, const struct corpus *c,
                        const struct report_opts *o)
{
    size_t n;
    struct report_said *v = report_said_list(c, &n);
    if (n == 0)
        return;
    fprintf(out, "\n%sWho said what%s\n", on(o, BOLD), on(o, RESET));
    for (size_t i = 0; i < n; i++) {
        const struct doc *doc = c->docs[v[i].doc];
        const struct quote *q = &doc->quotes[v[i].quote];
        if (i == 0 || v[i].entity != v[i - 1].entity) {
            if (v[i].entity)
                fprintf(out, "  %s%s%s\n", on(o, BOLD),
                        c->entities[v[i].entity - 1].name, on(o, RESET));
            else
                fprintf(out, "  %s(no speaker named)%s\n", on(o, BOLD),
                        on(o, RESET));
        }
        fputs("    ", out);
        print_quotation(out, doc, q->span);
        fprintf(out, "  %s%s%s%s:%u%s\n", on(o, DIM),
                doc->source ? doc->source : "", doc->source ? ", " : "",
                doc_basename(doc), doc_line_of(doc, q->span.start),
                on(o, RESET));
    }
    free(v);
}

/* ---- comparisons --------------------------------------------------- */

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define GREEN "\033[32m"

static const char *verdict_color(const struct report_opts *o, enum verdict v)
{
    return on(o, v == VERDICT_CONFLICT ? RED
               : v == VERDICT_PARTIAL ? YELLOW
               : v == VERDICT_AGREE ? GREEN : DIM);
}

static void text_value(FILE *out, const struct corpus *c,
                       const struct cmp_value *v, const struct report_opts *o)
{
    const struct doc *doc = c->docs[v->doc];
    const struct claim *cl = &doc->claims[v->claim];
    fprintf(out, "      %-14.14s ", doc->source ? doc->source : doc_basename(doc));
    print_quotation(out, doc, cl->span);
    fprintf(out, "  %s%s:%u%s\n", on(o, DIM), doc_basename(doc),
            doc_line_of(doc, cl->span.start), on(o, RESET));
}

static void text_comparisons(FILE *out, const struct corpus *c,
                             const struct report_opts *o)
{
    struct report_order r;
    report_order_new(c, o, &r);
    fprintf(out, "\n%sWhere the sources agree and differ%s\n", on(o, BOLD),
            on(o, RESET));
    if (r.n == 0)
        fputs("  nothing that two sources both state\n", out);
    for (size_t i = 0; i < r.n; i++) {
        const struct comparison *k = &c->comparisons[r.index[i]];
        if (i == 0 || k->event_id != c->comparisons[r.index[i - 1]].event_id) {
            size_t docs = report_event_docs(c, &r, i);
            fprintf(out, "\n  %s%s%s — %zu source%s\n", on(o, BOLD), k->event,
                    on(o, RESET), docs, docs == 1 ? "" : "s");
        }
        fprintf(out, "    %s%-8s%s %s", verdict_color(o, k->verdict),
                verdict_name(k->verdict), on(o, RESET), report_slot(k));
        if (k->note)
            fprintf(out, ": %s", k->note);
        fputc('\n', out);
        for (size_t j = 0; j < k->nvalues; j++)
            text_value(out, c, &k->values[j], o);
        if (o->explain && k->why)
            fprintf(out, "      %swhy: %s%s\n", on(o, DIM), k->why, on(o, RESET));
    }
    char *summary = report_summary(&r, o->all);
    fprintf(out, "\n%s\n", summary);
    free(summary);
    report_order_free(&r);
}

void report_text(FILE *out, const struct corpus *c,
                 const struct report_opts *o)
{
    text_documents(out, c, o);
    text_comparisons(out, c, o);
    text_entities(out, c, o);
    text_dates(out, c, o);
    text_quotes(out, c, o);
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
