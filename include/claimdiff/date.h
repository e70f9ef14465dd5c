/* date.h - temporal expressions: absolute, partial and relative dates.
 *
 * Per-document stage after segment: fills doc->dates, in text order, with
 * what each expression fixes (year, month, day) and what it leaves open (a
 * relative offset, a weekday). The value is completed later, per corpus,
 * by the anchor stage (anchor.h). A dater is read-only after date_new and
 * may be shared by threads; it keeps pointers into nothing, and the dates
 * it finds live in the document's own array.
 */
#ifndef CLAIMDIFF_DATE_H
#define CLAIMDIFF_DATE_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct dater;
struct scan_doc;

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
    DREL_WEEKEND,  /* the weekend nearest before the anchor ("over the
                      weekend"); amount +1 "next weekend" */
};

/* Facts about where a date stands that the anchor stage weighs. */
enum date_flag {
    DATEF_CAPTION = 1 << 0, /* in a photo caption: dates the photo, so it is
                               never an anchor for the story */
    DATEF_DECADE = 1 << 1,  /* "the 1950s": year holds the decade's first */
    DATEF_DATELINE = 1 << 2, /* in the loader's "dateline" region: when the
                                loader found no publication date, this one
                                is it */
    DATEF_PAGE_STAMP = 1 << 3, /* a dateline that anchor_run found far from
                                  the story: the page's timestamp, not a date
                                  the story speaks of; reports leave it out */
};

struct date {
    struct span span;
    int year, month, day; /* as the text fixes them; 0 = open */
    enum date_rel rel;
    int amount;           /* see enum date_rel */
    int weekday;          /* 1 Mon..7 Sun when the text names one, else 0 */
    unsigned flags;       /* enum date_flag bits */
    /* ISO value: "2016-07-28", "2016-07", "2016", "195X" for a decade,
     * XXXX for an open year ("XXXX-07-28", "XXXX-XX-22" for "the 22nd"),
     * "" for a relative date not (yet) resolved. Weeks are written as the
     * month their Monday falls in ("last week" -> "2016-07"): the output
     * contract has no week form. */
    char value[16];
    enum date_basis basis;
};

/* Build a dater from the tables lexicon/months, lexicon/weekdays,
 * lexicon/date_words, lexicon/number_words and lexicon/photo_credits of r
 * (copied: r may be freed afterwards). On a malformed row returns
 * CD_ERR_RULE with its file and line in d, and *out is NULL. Release with
 * date_free. */
CD_NODISCARD enum cd_err date_new(const struct rules *r, struct dater **out,
                                  struct diag *d);

/* Days since 1970-01-01 of a proleptic Gregorian date; exact for every
 * year. */
long date_days(int y, int m, int d);

/* ISO weekday of a day since 1970-01-01: 1 Monday .. 7 Sunday. */
int date_weekday(long days);

/* Release the dater. NULL is a no-op. */
void date_free(struct dater *dt);

/* Find dates in doc, outside boilerplate, and append them to doc->dates in
 * text order. The one exception to "outside boilerplate" is a region the
 * loader set aside as a dateline: its date is read and flagged
 * DATEF_DATELINE, as it states when the story was published. Uses doc->sents when segment_run has filled them (skipping
 * SENT_BOILERPLATE ones), else the text between boilerplate regions.
 * Values are filled from what the text fixes: DATE_EXPLICIT when the year
 * is given, else DATE_UNANCHORED with XXXX or ""; anchor_run completes
 * them. Example: "on 28 July" gives span "28 July", value "XXXX-07-28". */
void date_run(const struct dater *dt, struct doc *doc);

/* date_run over tokens already cut by scan_doc_build(doc, sd) (src/scan.h),
 * so that the number stage can read the same ones: same result as
 * date_run. sd is only read. */
void date_run_scanned(const struct dater *dt, struct doc *doc,
                      const struct scan_doc *sd);

#endif
