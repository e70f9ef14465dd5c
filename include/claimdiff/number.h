/* number.h - quantities: digits, number words, qualifiers, counted nouns.
 *
 * Per-document stage after segment: fills doc->numbers with each count as
 * a range (low, high) widened by its qualifier ("some", "at least", ...)
 * and the noun or unit it counts. Strings live in doc->arena; a counter is
 * read-only after number_new and may be shared by threads.
 */
#ifndef CLAIMDIFF_NUMBER_H
#define CLAIMDIFF_NUMBER_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct counter;
struct scan_doc;

struct number {
    struct span span;      /* the number with its qualifier */
    double value;          /* the number as written */
    double low, high;      /* the range the qualifier allows */
    const char *qualifier; /* "some", "at least", ... or NULL (arena) */
    const char *noun;      /* the counted noun, lower case, or NULL (arena) */
    struct span noun_span; /* where it is, {0,0} if none */
    bool ordinal;          /* "third", "8th" */
};

CD_NODISCARD enum cd_err number_new(const struct rules *r,
                                    struct counter **out, struct diag *d);

void number_free(struct counter *c);

void number_run(const struct counter *c, struct doc *doc);

/* number_run over tokens already cut by scan_doc_build(doc, sd)
 * (src/scan.h), shared with the date stage: same result as number_run.
 * sd is only read. */
void number_run_scanned(const struct counter *c, struct doc *doc,
                        const struct scan_doc *sd);

#endif
