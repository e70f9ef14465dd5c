/* report.h - render what the pipeline decided: JSON, text, dumps.
 *
 * Last stage. Reads the corpus and writes to the stream it is given; it
 * changes nothing. JSON follows CONTRACT.md exactly and is deterministic
 * (same input, same bytes). The only module besides main.c that writes
 * to a stream, and the only one that uses cJSON.
 */
#ifndef CLAIMDIFF_REPORT_H
#define CLAIMDIFF_REPORT_H

#include <stdbool.h> /* bool */
#include <stdio.h>   /* FILE */

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

/* Each document's text. With body_only, boilerplate is left out (exactly
 * what later stages read); otherwise boilerplate regions are kept and
 * marked "[[boilerplate: why]]" ... "[[/boilerplate]]" (dim on a colour
 * terminal). With
 * more than one document, each is headed by "==> path <==". */
void report_dump_text(FILE *out, const struct corpus *c, bool body_only,
                      bool color);

#endif
