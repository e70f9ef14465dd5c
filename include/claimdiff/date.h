/* date.h - temporal expressions: absolute, partial and relative dates.
 *
 * Per-document stage after segment: fills doc->dates with what each
 * expression fixes (year, month, day) and what it leaves open (a relative
 * offset, a weekday). The value is completed later, per corpus, by the
 * anchor stage (anchor.h). A dater is read-only after date_new and may be
 * shared by threads; strings live in doc->arena.
 */
#ifndef CLAIMDIFF_DATE_H
#define CLAIMDIFF_DATE_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct dater;

enum date_basis {
    DATE_EXPLICIT,   /* the text gives the full date */
    DATE_ANCHORED,   /* completed or resolved against an anchor */
    DATE_UNANCHORED, /* year or day could not be fixed */
};

/* How a relative expression moves from its anchor. */
enum date_rel {
    DREL_NONE,     /* absolute (maybe partial: "28 July", "February") */
    DREL_DAY,      /* amount days from the reporting day ("yesterday") */
    DREL_PREV_DAY, /* amount days from the previous date in the text
                      ("the next day", "on the same day") */
    DREL_WEEKDAY,  /* weekday (1 Mon .. 7 Sun) nearest before or at the
                      anchor ("on Monday"); amount -1 "last", +1 "next" */
    DREL_WEEK,     /* amount weeks from the anchor ("last week": -1) */
    DREL_MONTH,    /* amount months ("last month") */
    DREL_YEAR,     /* amount years ("this year": 0) */
    DREL_ORDINAL_DAY, /* "the 22nd": day fixed, month from previous date */
};

struct date {
    struct span span;
    int year, month, day; /* as the text fixes them; 0 = open */
    enum date_rel rel;
    int amount;           /* see enum date_rel */
    int weekday;          /* 1..7 for DREL_WEEKDAY, else 0 */
    char value[16];       /* ISO value after anchoring, "XXXX-07-28" etc. */
    enum date_basis basis;
};

CD_NODISCARD enum cd_err date_new(const struct rules *r, struct dater **out,
                                  struct diag *d);

void date_free(struct dater *dt);

/* Find dates in doc (needs segment_run first). Values are filled from what
 * the text fixes (XXXX where the year is open); anchor_run completes them. */
void date_run(const struct dater *dt, struct doc *doc);

#endif
