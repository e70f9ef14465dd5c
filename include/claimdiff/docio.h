/* docio.h - document records: the per-document half written out and read
 * back, for `claimdiff extract` and `claimdiff compare`.
 *
 * A record is one JSON line holding everything the per-document stages
 * left in a struct doc (text, metadata, warnings, boilerplate, paragraphs,
 * sentences, mentions, dates, numbers, quotes, claims; not the tokens,
 * which no later stage reads), with the record format and the rules
 * version, so that link, anchor and compare over records read back give
 * what they give in one run. Each line is written and read whole; a
 * record line belongs to the caller (free), a document read back too
 * (doc_free). Records are written with jsonw (as they go, no tree) and
 * read with cJSON.
 */
#ifndef CLAIMDIFF_DOCIO_H
#define CLAIMDIFF_DOCIO_H

#include <stddef.h> /* size_t */
#include <stdio.h>  /* FILE */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct doc;

/* The value of every record's "format"; a reader takes only its own. */
#define DOCIO_FORMAT "claimdiff-extract/1"

/* Longest record line read; a longer one is refused, not cut. A record
 * of the largest document (CD_MAX_DOC_BYTES) with every byte escaped
 * fits. */
#define DOCIO_MAX_LINE ((size_t)8 << 30)

/* doc's record as one line ending in '\n', NUL-terminated, its length in
 * *len. rules is the version of the rules that made doc (rules_version).
 * Returns a malloc'd string, or NULL with CD_ERR_BINARY in d when a
 * string of doc holds a NUL byte (JSON text here cannot carry one; the
 * loader never lets one through). doc is not modified. */
char *docio_format(const struct doc *doc, const char *rules, size_t *len,
                   struct diag *d);

struct docio_reader;

/* A reader of the records in `in`, named `name` in messages ("-" is shown
 * as "<stdin>"); expects records made with rules version `rules`. Both
 * strings must outlive the reader; in stays the caller's. Never NULL. */
struct docio_reader *docio_reader_new(FILE *in, const char *name,
                                      const char *rules);

/* Release the reader (not its stream). NULL is a no-op. */
void docio_reader_free(struct docio_reader *r);

/* The next record as a new document in *out; *out is NULL at the end of
 * the stream. Blank lines are skipped. On error *out is NULL, d names the
 * file and line, and the reader stands after the bad line, so the next
 * call goes on with the line after it:
 *   CD_ERR_PARSE   not a record: bad JSON, a missing or wrong field, a
 *                  span or index out of range, a last line without its
 *                  newline (a truncated file);
 *   CD_ERR_USAGE   a record of another format or rules version (extract
 *                  again with this claimdiff), or a line of another kind
 *                  (--format jsonl output);
 *   CD_ERR_TOOBIG  a line longer than DOCIO_MAX_LINE, or a record whose
 *                  "bytes" exceed CD_MAX_DOC_BYTES (load.h);
 *   CD_ERR_IO      the stream could not be read (nothing more follows).
 * Example:
 *   while ((err = docio_read(r, &doc, &d)) != CD_OK || doc) ... */
CD_NODISCARD enum cd_err docio_read(struct docio_reader *r, struct doc **out,
                                    struct diag *d);

#endif
