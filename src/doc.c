/* doc.c - the document record: ownership, warnings, boilerplate, lines. */
#include "claimdiff/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/tag.h"

/* Append offset to the line index of doc. */
static void add_line(struct doc *doc, size_t *cap, size_t offset)
{
    if (doc->nlines == *cap)
        doc->line_starts = xgrow(doc->line_starts, cap, doc->nlines + 1,
                                 sizeof *doc->line_starts);
    doc->line_starts[doc->nlines++] = (uint32_t)offset;
}

/* Lines expected in len bytes: news text has about one per 50 bytes
 * (blank lines between paragraphs included). Reserving for one per 48
 * spares most documents the doubling from one (seven copies for a page);
 * a denser text still doubles. */
static size_t lines_guess(size_t len)
{
    return len / 48 + 8;
}

static void index_lines(struct doc *doc)
{
    size_t cap = 0;
    doc->line_starts = xgrow(NULL, &cap, lines_guess(doc->len),
                             sizeof *doc->line_starts);
    add_line(doc, &cap, 0);
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        add_line(doc, &cap, (size_t)(p - doc->text) + 1);
}

struct doc *doc_new(const char *path, char *text, size_t len)
{
    struct doc *doc = xcalloc(1, sizeof *doc);
    /* A document's arena ends up holding about half to one and a half
     * times its text (names, keys, claim texts); chunks of an eighth of
     * the text leave at most that much unused, where chunks doubling from
     * 2 KiB left 45 % of the doc arenas of a corpus empty. */
    doc->arena = arena_new_sized(len / 8);
    doc->path = arena_strdup(doc->arena, path);
    doc->text = text;
    doc->len = len;
    index_lines(doc);
    return doc;
}

void doc_free(struct doc *doc)
{
    if (!doc)
        return;
    free(doc->text);
    free(doc->warnings);
    free(doc->boiler);
    free(doc->line_starts);
    free(doc->paras);
    free(doc->sents);
    free(doc->toks);
    free(doc->mentions);
    free(doc->dates);
    free(doc->numbers);
    free(doc->quotes);
    free(doc->claims);
    free(doc->aligned);
    arena_free(doc->arena);
    free(doc);
}

/* An array of n elements of size bytes cut to exactly n (freed when n is
 * 0); *cap follows. A shrinking realloc keeps the data and frees the
 * tail for the next document's allocations. */
static void *fit(void *p, size_t n, size_t size, size_t *cap)
{
    if (n == 0) {
        free(p);
        *cap = 0;
        return NULL;
    }
    if (*cap > n) {
        p = xrealloc(p, n * size);
        *cap = n;
    }
    return p;
}

#define FIT(doc, arr, n, cap) \
    ((doc)->arr = fit((doc)->arr, (doc)->n, sizeof *(doc)->arr, &(doc)->cap))

void doc_compact(struct doc *doc, unsigned keep)
{
    if (!doc)
        return;
    free(doc->toks);
    doc->toks = NULL;
    doc->ntoks = doc->captoks = 0;
    free(doc->paras);
    doc->paras = NULL;
    doc->nparas = doc->capparas = 0;
    doc->line_starts = xrealloc(doc->line_starts,
                                doc->nlines * sizeof *doc->line_starts);
    FIT(doc, warnings, nwarnings, capwarnings);
    FIT(doc, boiler, nboiler, capboiler);
    if (!(keep & DOC_KEEP_SENTENCES)) {
        free(doc->sents);
        doc->sents = NULL;
        doc->nsents = doc->capsents = 0;
    }
    FIT(doc, sents, nsents, capsents);
    FIT(doc, mentions, nmentions, capmentions);
    FIT(doc, dates, ndates, capdates);
    FIT(doc, numbers, nnumbers, capnumbers);
    FIT(doc, quotes, nquotes, capquotes);
    FIT(doc, claims, nclaims, capclaims);
}

static void add_warning(struct doc *doc, char *msg)
{
    if (doc->nwarnings == doc->capwarnings)
        doc->warnings = xgrow(doc->warnings, &doc->capwarnings,
                              doc->nwarnings + 1, sizeof *doc->warnings);
    doc->warnings[doc->nwarnings++] = msg;
}

void doc_warn(struct doc *doc, const char *fmt, ...)
{
    /* Most warnings fit the local buffer: one formatting pass then. */
    char local[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *msg = arena_alloc(doc->arena, (size_t)n + 1);
    if ((size_t)n < sizeof local) {
        memcpy(msg, local, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    add_warning(doc, msg);
}

void doc_warn_text(struct doc *doc, const char *msg, size_t len)
{
    char *copy = arena_alloc(doc->arena, len + 1);
    memcpy(copy, msg, len);
    copy[len] = '\0';
    add_warning(doc, copy);
}

/* Index of the first region whose end is > offset. */
static size_t first_region_ending_after(const struct doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->nboiler;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->boiler[mid].span.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void doc_add_boilerplate(struct doc *doc, struct span span, const char *why)
{
    if (span.end <= span.start)
        return;
    size_t i = first_region_ending_after(doc, span.start);
    /* Regions from i that start at or before span.end merge with it. */
    size_t j = i;
    while (j < doc->nboiler && doc->boiler[j].span.start <= span.end) {
        if (doc->boiler[j].span.start < span.start)
            span.start = doc->boiler[j].span.start;
        if (doc->boiler[j].span.end > span.end)
            span.end = doc->boiler[j].span.end;
        j++;
    }
    /* Touching on the left counts as overlapping too. */
    if (i > 0 && doc->boiler[i - 1].span.end == span.start) {
        i--;
        span.start = doc->boiler[i].span.start;
    }
    if (j == i) {
        if (doc->nboiler == doc->capboiler)
            doc->boiler = xgrow(doc->boiler, &doc->capboiler,
                                doc->nboiler + 1, sizeof *doc->boiler);
        memmove(doc->boiler + i + 1, doc->boiler + i,
                (doc->nboiler - i) * sizeof *doc->boiler);
        doc->nboiler++;
    } else {
        if (j - i > 1) {
            memmove(doc->boiler + i + 1, doc->boiler + j,
                    (doc->nboiler - j) * sizeof *doc->boiler);
            doc->nboiler -= j - i - 1;
        }
        /* A merged region keeps the reason of its first part. */
        if (doc->boiler[i].why)
            why = doc->boiler[i].why;
    }
    doc->boiler[i].span = span;
    doc->boiler[i].why = why;
}

bool doc_in_boilerplate(const struct doc *doc, struct span span)
{
    size_t i = first_region_ending_after(doc, span.start);
    return i < doc->nboiler && doc->boiler[i].span.start < span.end;
}

unsigned doc_line_of(const struct doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->nlines;
    /* Last line start <= offset. */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (unsigned)lo + 1;
}

struct span doc_line(const struct doc *doc, size_t i)
{
    size_t end = i + 1 < doc->nlines ? doc->line_starts[i + 1] - 1 : doc->len;
    return (struct span){doc->line_starts[i], end};
}

const char *doc_basename(const struct doc *doc)
{
    const char *slash = strrchr(doc->path, '/');
    return slash ? slash + 1 : doc->path;
}

struct corpus *corpus_new(void)
{
    struct corpus *c = xcalloc(1, sizeof *c);
    c->arena = arena_new();
    return c;
}

void corpus_add(struct corpus *c, struct doc *doc)
{
    if (c->ndocs == c->capdocs)
        c->docs = xgrow(c->docs, &c->capdocs, c->ndocs + 1, sizeof *c->docs);
    c->docs[c->ndocs++] = doc;
}

void corpus_free(struct corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ndocs; i++)
        doc_free(c->docs[i]);
    free(c->docs);
    free(c->entities);
    free(c->comparisons);
    arena_free(c->arena);
    free(c);
}
