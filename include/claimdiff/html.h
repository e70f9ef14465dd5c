/* html.h - article text and metadata from an HTML page.
 *
 * Part of the load stage (load.c calls it); the only module that uses
 * libxml2. It picks the main content of the page (article, main,
 * articleBody, else the densest block of paragraphs), keeps paragraph
 * breaks, list items and block quotes, and drops scripts, navigation,
 * comments and other furniture; class/id hints, furniture phrases and
 * meta keys are data in rules/html/. Everything in a struct html_article
 * is malloc'd and owned by it until html_article_clear (the boiler_why
 * strings excepted, see there); the extractor is read-only after html_new
 * (but for an internal lock around cJSON),
 * so threads may share it.
 */
#ifndef CLAIMDIFF_HTML_H
#define CLAIMDIFF_HTML_H

#include <stddef.h> /* size_t */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct html_extractor;

struct html_article {
    char *text; /* UTF-8, NUL-terminated; paragraphs separated by "\n\n" */
    size_t len;
    char *title;     /* og:title, h1, or <title>; NULL if none */
    char *source;    /* og:site_name, JSON-LD publisher; NULL if none */
    char *published; /* ISO date (YYYY-MM-DD) of publication; NULL if none */
    char *author;    /* byline; NULL if none */
    struct span *boiler; /* furniture kept in text but to be skipped;
                            sorted by start, not overlapping */
    const char **boiler_why; /* nboiler reasons ("caption", "share", ...);
                                the array is owned, the strings are static
                                or belong to the rules */
    size_t nboiler;
    char **warnings; /* e.g. "no article found; all visible text kept" */
    size_t nwarnings;
};

/* Compile the tables html/hints, html/boiler and html/meta of r. r must
 * outlive the extractor. On a malformed row returns CD_ERR_RULE with its
 * file and line in d, and *out is NULL. */
CD_NODISCARD enum cd_err html_new(const struct rules *r,
                                  struct html_extractor **out,
                                  struct diag *d);

/* Release the extractor. NULL is a no-op. */
void html_free(struct html_extractor *h);

/* Parse bytes (any charset libxml2 knows; <meta charset> and BOM honoured,
 * Latin-1 and undeclared non-UTF-8 bytes read as windows-1252) and fill
 * out; text is valid UTF-8. A page with no article gives all its visible
 * text and a warning. On CD_ERR_PARSE or CD_ERR_TOOBIG out is left empty.
 * Bounded time and depth on any input: libxml2 stops at 256 levels of
 * nesting, which adds a warning. */
CD_NODISCARD enum cd_err html_extract(const struct html_extractor *h,
                                      const char *bytes, size_t len,
                                      struct html_article *out,
                                      struct diag *d);

/* Free what out holds and zero it. */
void html_article_clear(struct html_article *a);

#endif
