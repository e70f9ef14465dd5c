/* expect.c - expectation files: parse, match comparisons, list drifts.
 *
 * The run is checked as JSON, through the very object report_json prints,
 * so a saved `--format json` output holds by construction and nothing here
 * re-derives how a value is rendered. cJSON is used here as in report.c:
 * reading the contract's JSON is this module's whole job.
 */
#include "claimdiff/expect.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/report.h"

/* A document reference that names no document, or several, of the run. */
#define NO_DOC ((size_t)-1)
#define SEVERAL_DOCS ((size_t)-2)

struct expect {
    cJSON *root;
    bool full; /* it has "documents": a whole saved output, not a subset */
};

/* ---- string index: sorted (key, position) pairs ------------------------ */

struct key {
    const char *s;
    size_t i;
};

struct keys {
    struct key *v;
    size_t n;
};

/* Ties keep position order, so the first of equal keys is the earliest. */
static int key_cmp(const void *pa, const void *pb)
{
    const struct key *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    if (c)
        return c;
    return (a->i > b->i) - (a->i < b->i);
}

static void keys_init(struct keys *k, struct arena *a, size_t cap)
{
    k->v = arena_alloc(a, (cap ? cap : 1) * sizeof *k->v);
    k->n = 0;
}

/* The first position of s in k (sorted), or k->n when s is absent. */
static size_t keys_find(const struct keys *k, const char *s)
{
    size_t lo = 0, hi = k->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(k->v[mid].s, s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < k->n && !strcmp(k->v[lo].s, s) ? lo : k->n;
}

static void keys_sort(struct keys *k)
{
    qsort(k->v, k->n, sizeof *k->v, key_cmp);
}

/* ---- text built piece by piece ------------------------------------------- */

/* A growing heap string: a comparison may hold a value for each of
 * thousands of documents, so its lines are appended, not re-printed. */
struct text {
    char *s;
    size_t n, cap;
};

static void text_add(struct text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void text_add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return; /* an encoding error: nothing appended */
    t->s = xgrow(t->s, &t->cap, t->n + (size_t)len + 1, 1);
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, (size_t)len + 1, fmt, ap);
    va_end(ap);
    t->n += (size_t)len;
}

/* The text as an arena string; t is emptied. */
static const char *text_done(struct text *t, struct arena *a)
{
    const char *s = arena_strndup(a, t->s ? t->s : "", t->n);
    free(t->s);
    memset(t, 0, sizeof *t);
    return s;
}

/* ---- one side: the run's output or the expectation --------------------- */

struct value {
    const char *ref;  /* the document as written: an id or a path */
    size_t doc;       /* the run's document index, NO_DOC or SEVERAL_DOCS */
    const cJSON *v;   /* the value; NULL when the field is absent */
};

struct comp {
    const char *topic;
    const char *event; /* the topic without its slot */
    const char *verdict; /* NULL: absent, not checked */
    const char *note;
    struct value *values;
    size_t nvalues;
    size_t match; /* expectation: the run's comparison, or NO_DOC if gone */
    bool taken;   /* run: matched by an expected comparison */
    bool sorted;  /* run: values in document order, as compare.h makes them */
};

struct side {
    const char **paths; /* documents[].path */
    size_t ndocs;
    struct keys doc_ids;  /* documents[].id -> index */
    struct keys names;    /* file name of each path -> index */
    const cJSON **ents;   /* entities[] */
    struct keys ent_ids;  /* entities[].id -> index */
    struct comp *comps;
    size_t ncomps;
    struct keys topics; /* topic -> comparison index */
    struct keys events; /* event title (topic before its slot) -> index */
};

static const char *string_of(const cJSON *obj, const char *field)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, field);
    return cJSON_IsString(it) ? it->valuestring : NULL;
}

/* obj's array field and its length; NULL and 0 when it is not an array
 * (a run's output is read without the checks an expectation gets). */
static const cJSON *array_of(const cJSON *obj, const char *field, size_t *n)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, field);
    *n = cJSON_IsArray(it) ? (size_t)cJSON_GetArraySize(it) : 0;
    return *n ? it : NULL;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "Mi-8 shootdown: where" -> "Mi-8 shootdown": compare.c writes every
 * topic as "<event or entity>: <slot>", and slots hold no ": ". */
static const char *event_of(struct arena *a, const char *topic)
{
    const char *sep = NULL;
    for (const char *p = strstr(topic, ": "); p; p = strstr(p + 1, ": "))
        sep = p;
    return sep ? arena_strndup(a, topic, (size_t)(sep - topic)) : topic;
}

static void read_documents(struct side *s, const cJSON *root, struct arena *a)
{
    size_t n;
    const cJSON *docs = array_of(root, "documents", &n);
    const cJSON *it;
    s->paths = arena_alloc(a, (n ? n : 1) * sizeof *s->paths);
    keys_init(&s->doc_ids, a, n);
    keys_init(&s->names, a, n);
    s->ndocs = 0;
    cJSON_ArrayForEach(it, docs)
    {
        const char *path = string_of(it, "path");
        const char *id = string_of(it, "id");
        size_t i = s->ndocs++;
        s->paths[i] = path ? path : "";
        if (id)
            s->doc_ids.v[s->doc_ids.n++] = (struct key){id, i};
        s->names.v[s->names.n++] = (struct key){base_name(s->paths[i]), i};
    }
    keys_sort(&s->doc_ids);
    keys_sort(&s->names);
}

static void read_entities(struct side *s, const cJSON *root, struct arena *a)
{
    size_t n;
    const cJSON *ents = array_of(root, "entities", &n);
    const cJSON *it;
    size_t i = 0;
    s->ents = arena_alloc(a, (n ? n : 1) * sizeof *s->ents);
    keys_init(&s->ent_ids, a, n);
    cJSON_ArrayForEach(it, ents)
    {
        const char *id = string_of(it, "id");
        s->ents[i] = it;
        if (id)
            s->ent_ids.v[s->ent_ids.n++] = (struct key){id, i};
        i++;
    }
    keys_sort(&s->ent_ids);
}

static void read_values(struct comp *k, const cJSON *obj, struct arena *a)
{
    size_t n;
    const cJSON *vals = array_of(obj, "values", &n);
    const cJSON *it;
    k->values = arena_alloc(a, (n ? n : 1) * sizeof *k->values);
    k->nvalues = 0;
    cJSON_ArrayForEach(it, vals)
    {
        const char *ref = string_of(it, "doc");
        struct value *v = &k->values[k->nvalues++];
        v->ref = ref ? ref : "";
        v->doc = NO_DOC;
        v->v = cJSON_GetObjectItemCaseSensitive(it, "value");
    }
}

/* Fill s from a parsed output or expectation. Tolerant of anything
 * missing: expect_parse has already refused wrong types in expectations,
 * and for the run's JSON a missing field only means nothing matches. */
static void side_read(struct side *s, const cJSON *root, struct arena *a)
{
    size_t n;
    const cJSON *comps = array_of(root, "comparisons", &n);
    const cJSON *it;
    memset(s, 0, sizeof *s);
    read_documents(s, root, a);
    read_entities(s, root, a);
    s->comps = arena_alloc(a, (n ? n : 1) * sizeof *s->comps);
    keys_init(&s->topics, a, n);
    keys_init(&s->events, a, n);
    cJSON_ArrayForEach(it, comps)
    {
        size_t i = s->ncomps++;
        struct comp *k = &s->comps[i];
        const char *topic = string_of(it, "topic");
        k->topic = topic ? topic : "";
        k->event = event_of(a, k->topic);
        k->verdict = string_of(it, "verdict");
        k->note = string_of(it, "note");
        k->match = NO_DOC;
        read_values(k, it, a);
        s->topics.v[s->topics.n++] = (struct key){k->topic, i};
        s->events.v[s->events.n++] = (struct key){k->event, i};
    }
    keys_sort(&s->topics);
    keys_sort(&s->events);
}

/* ---- documents: by path, never by id ----------------------------------- */

/* How many trailing path components a and b share ("x/seeds/1.txt" and
 * "/ci/seeds/1.txt" share 2). */
static size_t common_tail(const char *a, const char *b)
{
    size_t i = strlen(a), j = strlen(b), n = 0;
    while (i && j) {
        size_t si = i, sj = j;
        while (si && a[si - 1] != '/')
            si--;
        while (sj && b[sj - 1] != '/')
            sj--;
        if (i - si != j - sj || memcmp(a + si, b + sj, i - si))
            break;
        n++;
        if (!si || !sj)
            break;
        i = si - 1;
        j = sj - 1;
    }
    return n;
}

/* The run's document that path names: same file name, and among several
 * such the one sharing the most trailing directories with path. Paths
 * differ between machines and working directories; file names do not. */
static size_t find_doc(const struct side *run, const char *path)
{
    size_t at = keys_find(&run->names, base_name(path));
    size_t best = NO_DOC, best_tail = 0;
    bool tie = false;
    for (; at < run->names.n && !strcmp(run->names.v[at].s, base_name(path));
         at++) {
        size_t i = run->names.v[at].i;
        size_t tail = common_tail(run->paths[i], path);
        if (tail > best_tail) {
            best = i;
            best_tail = tail;
            tie = false;
        } else if (tail == best_tail) {
            tie = true;
        }
    }
    return tie ? SEVERAL_DOCS : best;
}

/* An expected value's document: its ref is a document id when the
 * expectation is a whole output (it has "documents"), otherwise a path. */
static void resolve_expected(struct side *exp, const struct side *run,
                             bool full)
{
    for (size_t i = 0; i < exp->ncomps; i++) {
        struct comp *k = &exp->comps[i];
        for (size_t j = 0; j < k->nvalues; j++) {
            struct value *v = &k->values[j];
            size_t at = full ? keys_find(&exp->doc_ids, v->ref) : NO_DOC;
            if (full && at < exp->doc_ids.n)
                v->ref = exp->paths[exp->doc_ids.v[at].i];
            v->doc = find_doc(run, v->ref);
        }
    }
}

static void resolve_run(struct side *run)
{
    for (size_t i = 0; i < run->ncomps; i++) {
        struct comp *k = &run->comps[i];
        k->sorted = true;
        for (size_t j = 0; j < k->nvalues; j++) {
            size_t at = keys_find(&run->doc_ids, k->values[j].ref);
            if (at < run->doc_ids.n)
                k->values[j].doc = run->doc_ids.v[at].i;
            if (j && k->values[j].doc <= k->values[j - 1].doc)
                k->sorted = false;
        }
    }
}

/* ---- values -------------------------------------------------------------- */

/* The entity a value names, when it is one of this side's entity ids. */
static const cJSON *entity_of(const struct side *s, const cJSON *v)
{
    if (!cJSON_IsString(v))
        return NULL;
    size_t at = keys_find(&s->ent_ids, v->valuestring);
    return at < s->ent_ids.n ? s->ents[s->ent_ids.v[at].i] : NULL;
}

/* Shortest text that reads back as x, as cJSON prints numbers. */
static const char *number_text(struct arena *a, double x)
{
    char *s = arena_printf(a, "%.15g", x);
    if (strtod(s, NULL) != x)
        s = arena_printf(a, "%.17g", x);
    return s;
}

/* How a value reads: entity ids become the entity's name, numbers their
 * shortest form. NULL for an absent value. */
static const char *value_text(struct arena *a, const struct side *s,
                              const cJSON *v)
{
    const cJSON *ent;
    if (!v)
        return NULL;
    ent = entity_of(s, v);
    if (ent && string_of(ent, "name"))
        return string_of(ent, "name");
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsNumber(v))
        return number_text(a, v->valuedouble);
    if (cJSON_IsNull(v))
        return "null";
    char *p = cJSON_PrintUnformatted(v);
    const char *s2 = arena_strdup(a, p);
    cJSON_free(p);
    return s2;
}

/* A number written as a number or as a string ("5"); false otherwise. */
static bool as_number(const cJSON *v, double *out)
{
    char *end;
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return true;
    }
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return false;
    errno = 0;
    *out = strtod(v->valuestring, &end);
    return !*end && !errno;
}

/* Does the run's value `got` meet the expected `want`? Absent: yes. Entity
 * values match by the entity's name or any alias, numbers by value. */
static bool value_holds(struct arena *a, const struct side *exp,
                        const cJSON *want, const struct side *run,
                        const cJSON *got)
{
    double x, y;
    if (!want)
        return true;
    if (!got || cJSON_IsNull(want) || cJSON_IsNull(got))
        return got && cJSON_IsNull(want) && cJSON_IsNull(got);
    if (as_number(want, &x) && as_number(got, &y))
        return x == y;
    const char *w = value_text(a, exp, want);
    const cJSON *ent = entity_of(run, got);
    if (ent) {
        const cJSON *alias;
        const char *name = string_of(ent, "name");
        if (name && !strcmp(name, w))
            return true;
        cJSON_ArrayForEach(alias,
                           cJSON_GetObjectItemCaseSensitive(ent, "aliases"))
        {
            if (cJSON_IsString(alias) && !strcmp(alias->valuestring, w))
                return true;
        }
        return false;
    }
    return !strcmp(w, value_text(a, run, got));
}

/* ---- matching ------------------------------------------------------------ */

/* The run's value of doc in k, or NULL. Binary search when the values are
 * in document order: one comparison may span thousands of documents. */
static const struct value *value_for_doc(const struct comp *k, size_t doc)
{
    size_t lo = 0, hi = k->nvalues;
    while (k->sorted && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (k->values[mid].doc == doc)
            return &k->values[mid];
        if (k->values[mid].doc < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (k->sorted)
        return NULL;
    for (size_t j = 0; j < k->nvalues; j++)
        if (k->values[j].doc == doc)
            return &k->values[j];
    return NULL;
}

/* Pick the run's comparison for e: same topic, not yet taken, sharing the
 * most of e's documents (the first on a tie). Gone if there is none, or if
 * e lists documents and it shares none of them. */
static void match_one(struct comp *e, struct side *run)
{
    size_t at = keys_find(&run->topics, e->topic);
    size_t best = NO_DOC, best_shared = 0;
    for (; at < run->topics.n && !strcmp(run->topics.v[at].s, e->topic);
         at++) {
        struct comp *k = &run->comps[run->topics.v[at].i];
        size_t shared = 0;
        if (k->taken)
            continue;
        for (size_t j = 0; j < e->nvalues; j++)
            shared += e->values[j].doc < run->ndocs &&
                      value_for_doc(k, e->values[j].doc);
        if (best == NO_DOC || shared > best_shared) {
            best = run->topics.v[at].i;
            best_shared = shared;
        }
    }
    if (best != NO_DOC && (e->nvalues == 0 || best_shared > 0)) {
        e->match = best;
        run->comps[best].taken = true;
    }
}

/* ---- drifts ------------------------------------------------------------- */

struct check {
    struct expect_report *r;
    size_t cap;
    struct side exp, run;
    struct arena *scratch;
};

static void add_drift(struct check *x, enum expect_kind kind,
                      const char *topic, const char *doc, const char *want,
                      const char *got, const char *text)
{
    struct expect_report *r = x->r;
    if (r->ndrifts == x->cap)
        r->drifts = xgrow(r->drifts, &x->cap, r->ndrifts + 1,
                          sizeof *r->drifts);
    r->drifts[r->ndrifts++] = (struct expect_drift){kind, topic, doc, want,
                                                    got, text};
}

static const char *doc_name(const struct side *run, const struct value *v)
{
    return v->doc < run->ndocs ? run->paths[v->doc] : v->ref;
}

/* "a.txt 5, b.txt 7": one side's values, for the gone and new blocks. */
static const char *values_line(struct check *x, const struct side *s,
                               const struct comp *k)
{
    struct text line = {0};
    for (size_t j = 0; j < k->nvalues; j++) {
        const struct value *v = &k->values[j];
        const char *t = value_text(x->scratch, s, v->v);
        text_add(&line, "%s%s%s%s", j ? ", " : "",
                 s == &x->run ? doc_name(s, v) : v->ref, t ? " " : "",
                 t ? t : "");
    }
    return text_done(&line, x->scratch);
}

/* Why an expected document is not among the run's, or NULL if it is. */
static const char *doc_problem(const struct value *v)
{
    if (v->doc == SEVERAL_DOCS)
        return "names several documents of this run";
    if (v->doc == NO_DOC)
        return "no document of this run has that name";
    return NULL;
}

static size_t check_verdict(struct check *x, const struct comp *e,
                            const struct comp *k)
{
    const char *got = k->verdict ? k->verdict : "none";
    if (!e->verdict || !strcmp(e->verdict, got))
        return 0;
    add_drift(x, EXPECT_VERDICT, e->topic, NULL, e->verdict, got,
              arena_printf(x->r->arena,
                           "verdict changed: %s\n  want %s, got %s%s%s%s\n",
                           e->topic, e->verdict, got, k->note ? " (" : "",
                           k->note ? k->note : "", k->note ? ")" : ""));
    return 1;
}

static size_t check_values(struct check *x, const struct comp *e,
                           const struct comp *k)
{
    struct arena *a = x->r->arena;
    size_t n = 0;
    for (size_t j = 0; j < e->nvalues; j++) {
        const struct value *w = &e->values[j];
        const struct value *g =
            w->doc < x->run.ndocs ? value_for_doc(k, w->doc) : NULL;
        const char *want = value_text(x->scratch, &x->exp, w->v);
        if (!g) {
            const char *why = doc_problem(w);
            add_drift(x, EXPECT_SOURCE_GONE, e->topic, doc_name(&x->run, w),
                      want, NULL,
                      arena_printf(a, "source gone: %s\n  %s%s%s%s%s%s\n",
                                   e->topic, doc_name(&x->run, w),
                                   why ? ": " : " no longer states it",
                                   why ? why : "", want ? " (want " : "",
                                   want ? want : "", want ? ")" : ""));
            n++;
            continue;
        }
        if (value_holds(x->scratch, &x->exp, w->v, &x->run, g->v))
            continue;
        const char *got = value_text(x->scratch, &x->run, g->v);
        got = got ? got : "nothing";
        add_drift(x, EXPECT_VALUE, e->topic, doc_name(&x->run, w),
                  arena_strdup(a, want), arena_strdup(a, got),
                  arena_printf(a, "value changed: %s\n  %s: want %s, got %s\n",
                               e->topic, doc_name(&x->run, w), want, got));
        n++;
    }
    return n;
}

static bool event_in_run(struct check *x, const char *event)
{
    return keys_find(&x->run.events, event) < x->run.events.n;
}

/* One block for all gone comparisons of an event the run no longer has,
 * written where the first of them stands. */
static void gone_event(struct check *x, size_t i)
{
    struct arena *a = x->r->arena;
    const struct keys *ev = &x->exp.events;
    const char *event = x->exp.comps[i].event;
    struct text slots = {0};
    size_t n = 0;
    /* equal keys are in position order, so the first gone one comes first */
    for (size_t at = keys_find(ev, event);
         at < ev->n && !strcmp(ev->v[at].s, event); at++) {
        const struct comp *e = &x->exp.comps[ev->v[at].i];
        if (e->match != NO_DOC)
            continue;
        if (ev->v[at].i < i) {
            free(slots.s);
            return; /* already written with an earlier comparison */
        }
        text_add(&slots, "  %s\n", e->topic);
        n++;
    }
    add_drift(x, EXPECT_EVENT_GONE, event, NULL, NULL, NULL,
              arena_printf(a, "event gone: %s (%zu comparison%s)\n%s", event,
                           n, n == 1 ? "" : "s", text_done(&slots, a)));
}

static void gone_comparison(struct check *x, size_t i)
{
    const struct comp *e = &x->exp.comps[i];
    struct text problems = {0};
    if (!event_in_run(x, e->event)) {
        gone_event(x, i);
        return;
    }
    for (size_t j = 0; j < e->nvalues; j++) {
        const char *why = doc_problem(&e->values[j]);
        if (why)
            text_add(&problems, "  %s: %s\n", e->values[j].ref, why);
    }
    add_drift(x, EXPECT_COMPARISON_GONE, e->topic, NULL, e->verdict, NULL,
              arena_printf(x->r->arena, "comparison gone: %s\n%s%s%s%s%s%s",
                           e->topic, e->verdict || e->nvalues ? "  want: " : "",
                           e->verdict ? e->verdict : "",
                           e->verdict && e->nvalues ? "; " : "",
                           values_line(x, &x->exp, e),
                           e->verdict || e->nvalues ? "\n" : "",
                           text_done(&problems, x->scratch)));
}

static void new_conflicts(struct check *x)
{
    for (size_t i = 0; i < x->run.ncomps; i++) {
        const struct comp *k = &x->run.comps[i];
        if (k->taken || !k->verdict || strcmp(k->verdict, "conflict"))
            continue;
        add_drift(x, EXPECT_NEW_CONFLICT, k->topic, NULL, NULL, "conflict",
                  arena_printf(x->r->arena, "new conflict: %s\n  %s%s%s%s\n",
                               k->topic, values_line(x, &x->run, k),
                               k->note ? " (" : "", k->note ? k->note : "",
                               k->note ? ")" : ""));
    }
}

static const char *summary(const struct expect_report *r)
{
    if (!r->ndrifts)
        return arena_printf(r->arena, "%zu expectation%s hold%s\n",
                            r->nchecked, r->nchecked == 1 ? "" : "s",
                            r->nchecked == 1 ? "s" : "");
    return arena_printf(r->arena, "%zu drift%s; %zu of %zu expectations hold\n",
                        r->ndrifts, r->ndrifts == 1 ? "" : "s", r->nheld,
                        r->nchecked);
}

static void run_check(struct check *x, bool full)
{
    for (size_t i = 0; i < x->exp.ncomps; i++)
        match_one(&x->exp.comps[i], &x->run);
    x->r->nchecked = x->exp.ncomps;
    for (size_t i = 0; i < x->exp.ncomps; i++) {
        const struct comp *e = &x->exp.comps[i];
        if (e->match == NO_DOC) {
            gone_comparison(x, i);
            continue;
        }
        const struct comp *k = &x->run.comps[e->match];
        size_t n = check_verdict(x, e, k);
        n += check_values(x, e, k);
        x->r->nheld += n == 0;
    }
    if (full)
        new_conflicts(x);
    x->r->summary = summary(x->r);
}

/* ---- parsing and validation --------------------------------------------- */

static enum cd_err parse_json(const char *name, const char *json, size_t len,
                              cJSON **out, struct diag *d)
{
    const char *end = NULL;
    *out = cJSON_ParseWithLengthOpts(json, len, &end, false);
    if (*out && end) {
        while ((size_t)(end - json) < len && *end && strchr(" \t\r\n", *end))
            end++;
        if ((size_t)(end - json) == len)
            return CD_OK;
    }
    /* Line and column of where the parser stopped: on the offending
     * character or, after some tokens, just past it. */
    unsigned line = 1, col = 1;
    size_t stop = end && end >= json ? (size_t)(end - json) : 0;
    for (size_t i = 0; i < stop && i < len; i++) {
        if (json[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    cJSON_Delete(*out);
    *out = NULL;
    return diag_set(d, CD_ERR_PARSE, name, line, col,
                    len ? "not valid JSON" : "empty file, not JSON");
}

static const char *const verdicts[] = {"agree", "partial", "conflict",
                                       "single", NULL};

static bool is_verdict(const char *s)
{
    for (size_t i = 0; verdicts[i]; i++)
        if (!strcmp(s, verdicts[i]))
            return true;
    return false;
}

/* Is field absent, or present with a type check accepts? */
static bool absent_or(const cJSON *obj, const char *field,
                      cJSON_bool (*check)(const cJSON *))
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, field);
    return !it || check(it);
}

static enum cd_err check_values_shape(const char *name, size_t i,
                                      const cJSON *k, struct diag *d)
{
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(k, "values");
    const cJSON *v;
    size_t j = 0;
    if (!absent_or(k, "values", cJSON_IsArray))
        return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                        "comparisons[%zu].values: not an array", i);
    cJSON_ArrayForEach(v, vals)
    {
        if (!cJSON_IsObject(v) || !string_of(v, "doc"))
            return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                            "comparisons[%zu].values[%zu]: needs a \"doc\" "
                            "string (the document's file name)",
                            i, j);
        j++;
    }
    return CD_OK;
}

static enum cd_err check_comparisons(const char *name, const cJSON *root,
                                     struct diag *d)
{
    const cJSON *comps = cJSON_GetObjectItemCaseSensitive(root, "comparisons");
    const cJSON *k;
    size_t i = 0;
    if (!cJSON_IsArray(comps))
        return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                        "no \"comparisons\" array: not an expectation file "
                        "(see docs/expect.md)");
    cJSON_ArrayForEach(k, comps)
    {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(k, "verdict");
        enum cd_err err;
        if (!cJSON_IsObject(k) || !string_of(k, "topic"))
            return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                            "comparisons[%zu]: needs a \"topic\" string", i);
        if (v && (!cJSON_IsString(v) || !is_verdict(v->valuestring)))
            return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                            "comparisons[%zu].verdict: not one of agree, "
                            "partial, conflict, single",
                            i);
        err = check_values_shape(name, i, k, d);
        if (err)
            return err;
        i++;
    }
    return CD_OK;
}

/* Refuse wrong types now, so that a typo fails loudly (exit 2) instead
 * of silently checking nothing. Absent fields are fine. */
static enum cd_err check_shape(const char *name, const cJSON *root,
                               struct diag *d)
{
    const cJSON *docs = cJSON_GetObjectItemCaseSensitive(root, "documents");
    const cJSON *it;
    size_t i = 0;
    if (!cJSON_IsObject(root))
        return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                        "not an expectation file: the top level is not an "
                        "object");
    if (!absent_or(root, "documents", cJSON_IsArray) ||
        !absent_or(root, "entities", cJSON_IsArray))
        return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                        "\"documents\" and \"entities\" must be arrays");
    cJSON_ArrayForEach(it, docs)
    {
        if (!cJSON_IsObject(it) || !string_of(it, "path"))
            return diag_set(d, CD_ERR_PARSE, name, 0, 0,
                            "documents[%zu]: needs a \"path\" string", i);
        i++;
    }
    return check_comparisons(name, root, d);
}

/* ---- public ------------------------------------------------------------- */

enum cd_err expect_parse(const char *name, const char *json, size_t len,
                         struct expect **out, struct diag *d)
{
    cJSON *root;
    enum cd_err err;
    *out = NULL;
    err = parse_json(name, json, len, &root, d);
    if (!err)
        err = check_shape(name, root, d);
    if (err) {
        cJSON_Delete(root);
        return err;
    }
    struct expect *e = xcalloc(1, sizeof *e);
    e->root = root;
    e->full = cJSON_HasObjectItem(root, "documents");
    *out = e;
    return CD_OK;
}

enum cd_err expect_load(const char *path, struct expect **out,
                        struct diag *d)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    enum cd_err err = CD_OK;
    *out = NULL;
    if (!f)
        return diag_set(d, CD_ERR_IO, path, 0, 0,
                        "cannot read the expectation: %s", strerror(errno));
    for (;;) {
        if (cap - len < 65536)
            buf = xgrow(buf, &cap, len + 65536, 1);
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len > CD_MAX_EXPECT_BYTES) {
            err = diag_set(d, CD_ERR_TOOBIG, path, 0, 0,
                           "expectation larger than %zu bytes, refused",
                           CD_MAX_EXPECT_BYTES);
            break;
        }
        if (n == 0)
            break;
    }
    if (!err && ferror(f))
        err = diag_set(d, CD_ERR_IO, path, 0, 0,
                       "cannot read the expectation: %s", strerror(errno));
    fclose(f);
    if (!err)
        err = expect_parse(path, buf, len, out, d);
    free(buf);
    return err;
}

void expect_free(struct expect *e)
{
    if (!e)
        return;
    cJSON_Delete(e->root);
    free(e);
}

enum cd_err expect_check_json(const struct expect *e, const char *run_json,
                              size_t len, struct expect_report **out,
                              struct diag *d)
{
    cJSON *run;
    struct check x;
    *out = NULL;
    if (parse_json("(this run's output)", run_json, len, &run, d))
        return CD_ERR_PARSE;
    memset(&x, 0, sizeof x);
    x.scratch = arena_new();
    x.r = xcalloc(1, sizeof *x.r);
    x.r->arena = arena_new();
    side_read(&x.run, run, x.scratch);
    side_read(&x.exp, e->root, x.scratch);
    resolve_run(&x.run);
    resolve_expected(&x.exp, &x.run, e->full);
    run_check(&x, e->full);
    /* Strings the report keeps must outlive both parsed trees. */
    for (size_t i = 0; i < x.r->ndrifts; i++) {
        struct expect_drift *dr = &x.r->drifts[i];
        dr->topic = arena_strdup(x.r->arena, dr->topic);
        dr->doc = dr->doc ? arena_strdup(x.r->arena, dr->doc) : NULL;
        dr->want = dr->want ? arena_strdup(x.r->arena, dr->want) : NULL;
        dr->got = dr->got ? arena_strdup(x.r->arena, dr->got) : NULL;
    }
    arena_free(x.scratch);
    cJSON_Delete(run);
    *out = x.r;
    return CD_OK;
}

enum cd_err expect_run(const struct expect *e, const struct corpus *c,
                         struct expect_report **out, struct diag *d)
{
    struct report_opts ro = {.color = false, .all = true, .explain = false,
                             .only = NULL};
    char *json = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&json, &len);
    *out = NULL;
    if (!m)
        return diag_set(d, CD_ERR_IO, NULL, 0, 0,
                        "cannot render this run for --expect: %s",
                        strerror(errno));
    report_json(m, c, &ro);
    if (fclose(m) != 0) {
        free(json);
        return diag_set(d, CD_ERR_IO, NULL, 0, 0,
                        "cannot render this run for --expect: %s",
                        strerror(errno));
    }
    enum cd_err err = expect_check_json(e, json, len, out, d);
    free(json);
    return err;
}

void expect_report_free(struct expect_report *r)
{
    if (!r)
        return;
    arena_free(r->arena);
    free(r->drifts);
    free(r);
}
