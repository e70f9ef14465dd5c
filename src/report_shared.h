/* report_shared.h - private helpers shared by the report writers
 * (report.c for text and JSON, report_html.c for HTML); not part of the
 * public API, so it lives in src/ like scan.h.
 *
 * They decide what a report shows and in which order, so that every
 * format shows the same comparisons and the same summary. Results are
 * heap arrays owned by the caller; the corpus is only read.
 */
#ifndef CLAIMDIFF_REPORT_SHARED_H
#define CLAIMDIFF_REPORT_SHARED_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "claimdiff/compare.h" /* enum verdict, struct comparison */

struct corpus;
struct report_opts;

/* Does the report show comparison k under o (--all, --only)? */
bool report_shown(const struct comparison *k, const struct report_opts *o);

/* The shown comparisons in report order: events with a conflict first,
 * then partial, then agree; within an event, conflicts first, then the
 * comparator's order. */
struct report_order {
    size_t *index; /* into c->comparisons; heap, n entries */
    size_t n;
    size_t events;                      /* distinct events among them */
    size_t counts[VERDICT_SINGLE + 1]; /* shown comparisons per verdict */
};

/* Fill r for c under o. Release with report_order_free. */
void report_order_new(const struct corpus *c, const struct report_opts *o,
                      struct report_order *r);

/* Free r->index and empty r. */
void report_order_free(struct report_order *r);

/* How many documents the event of entry i of r has: the most values any
 * of its shown comparisons holds. i must be the event's first entry. */
size_t report_event_docs(const struct corpus *c, const struct report_order *r,
                         size_t i);

/* The slot part of k->topic ("where" of "Mi-8 killed: where"). Points
 * into k->topic. */
const char *report_slot(const struct comparison *k);

/* "24 events, 0 conflicts, 8 partial, 18 agree" (", N single" with all).
 * Returns a malloc'd string the caller frees. */
char *report_summary(const struct report_order *r, bool all);

/* One reported quotation (scare quotes left out), for grouping by
 * speaker. */
struct report_said {
    size_t entity; /* entity index + 1; 0 = no speaker named */
    size_t doc;    /* index into c->docs */
    size_t quote;  /* index into that doc's quotes */
};

/* Every reported quotation of c, named speakers in entity order and the
 * unattributed last, then by document and position. Returns a malloc'd
 * array of *n entries (NULL when there are none); the caller frees it. */
struct report_said *report_said_list(const struct corpus *c, size_t *n);

/* How many bytes of t[0..n) to show when at most max may be: n itself if
 * it fits, else a cut before a space and never inside a UTF-8 sequence
 * (the caller then adds "..."). */
size_t report_cut(const char *t, size_t n, size_t max);

/* Longest quotation a report shows whole. */
#define REPORT_QUOTE_SHOWN 160

#endif
