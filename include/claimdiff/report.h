/* report.h - render what the pipeline decided: JSON, text, dumps.
 *
 * Last stage. Reads the corpus and writes to the stream it is given; it
 * changes nothing. JSON follows CONTRACT.md exactly and is deterministic
 * (same input, same bytes), and so is the HTML page. The only module
 * besides main.c that writes to a stream. JSON is written as it goes
 * (jsonw.h), never built whole in memory; HTML with libxml2's
 * xmlTextWriter (src/report_html.c).
 */
#ifndef CLAIMDIFF_REPORT_H
#define CLAIMDIFF_REPORT_H

#include <stdbool.h> /* bool */
#include <stdio.h>   /* FILE */

#include "claimdiff/diag.h" /* enum cd_err, CD_NODISCARD */

struct corpus;

#define CLAIMDIFF_VERSION "0.1.0"

struct report_opts {
    bool color;   /* ANSI colour (the caller decides: tty, NO_COLOR) */
    bool all;     /* include `single` comparisons */
    bool explain; /* say why each verdict was given */
    const char *only; /* "conflict", "partial" or "agree": show only those
                         comparisons; NULL for all */
};

/* The CONTRACT.md object, pretty-printed, followed by a newline. */
void report_json(FILE *out, const struct corpus *c,
                 const struct report_opts *o);

/* The same items as report_json as JSON Lines: one compact object a line,
 * documents, entities, dates, quotes, claims, comparisons in that order,
 * each starting with "type" ("document", "entity", "date", "quote",
 * "claim", "comparison"). Wherever an item names a document ("doc"), its
 * "path" follows, so each line can be read alone; an entity's own type is
 * "entity_type", since "type" names the line. */
void report_jsonl(FILE *out, const struct corpus *c,
                  const struct report_opts *o);

/* The human report: a header per document, then who, when, quotes and
 * comparisons as far as the pipeline fills them. */
void report_text(FILE *out, const struct corpus *c,
                 const struct report_opts *o);

/* One self-contained HTML page (inline CSS, no script, nothing fetched):
 * the documents and the summary line, a matrix of events and their slots
 * against the sources with each value coloured by verdict (its sentence
 * and file:line on hover and in a <details>), and each speaker's
 * quotations side by side, the versions of one statement marked where
 * their words differ. Every string from the input is escaped. Returns
 * CD_ERR_IO if the page could not be written whole (out may then hold
 * part of it); out is flushed but not closed. */
CD_NODISCARD enum cd_err report_html(FILE *out, const struct corpus *c,
                                     const struct report_opts *o);

/* Each document's text. With body_only, boilerplate is left out (exactly
 * what later stages read); otherwise boilerplate regions are kept and
 * marked "[[boilerplate: why]]" ... "[[/boilerplate]]" (dim on a colour
 * terminal). With
 * more than one document, each is headed by "==> path <==". */
void report_dump_text(FILE *out, const struct corpus *c, bool body_only,
                      bool color);

#endif
