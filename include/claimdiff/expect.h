/* expect.h - check a run's comparisons against an expectation file.
 *
 * After compare, instead of report: `claimdiff --expect FILE` reads FILE (a
 * saved --format json output or a hand-written subset, docs/expect.md) and
 * lists every drift. Comparisons are matched by topic and by the documents'
 * paths, never by ids or spans. An expectation owns its parsed file until
 * expect_free; a report owns every string in it until expect_report_free.
 */
#ifndef CLAIMDIFF_EXPECT_H
#define CLAIMDIFF_EXPECT_H

#include <stddef.h> /* size_t */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct arena;
struct corpus;
struct expect;

/* Largest expectation file read; a larger one is refused, not cut. */
#define CD_MAX_EXPECT_BYTES ((size_t)1 << 30)

enum expect_kind {
    EXPECT_VERDICT,         /* the verdict changed */
    EXPECT_VALUE,           /* one document's value changed */
    EXPECT_SOURCE_GONE,     /* a listed document no longer speaks to it */
    EXPECT_COMPARISON_GONE, /* no comparison of that topic and documents */
    EXPECT_EVENT_GONE,      /* every comparison of one event is gone */
    EXPECT_NEW_CONFLICT,    /* a conflict a full expectation does not hold */
};

/* One difference between the expectation and the run. */
struct expect_drift {
    enum expect_kind kind;
    const char *topic; /* the comparison's topic (the event's for EVENT_GONE) */
    const char *doc;   /* VALUE, SOURCE_GONE: the document; else NULL */
    const char *want;  /* expected verdict or value; NULL when none applies */
    const char *got;   /* this run's verdict or value; NULL when none */
    const char *text;  /* the human block: lines, each ending in '\n' */
};

struct expect_report {
    struct expect_drift *drifts; /* in the expectation's order, then new
                                    conflicts in the run's order */
    size_t ndrifts;
    size_t nchecked; /* comparisons the expectation lists */
    size_t nheld;    /* of these, the ones without any drift */
    const char *summary; /* "N expectations hold" or "D drifts; ...", '\n' */
    struct arena *arena; /* holds all of the above */
};

/* Parse an expectation from json[0..len); name is the file name used in
 * messages. On CD_ERR_PARSE (not JSON, or a field of the wrong type) *out
 * is NULL and d says where and why; nothing else is modified. */
CD_NODISCARD enum cd_err expect_parse(const char *name, const char *json,
                                      size_t len, struct expect **out,
                                      struct diag *d);

/* Read and parse the file at path. As expect_parse, plus CD_ERR_IO when the
 * file cannot be read and CD_ERR_TOOBIG beyond CD_MAX_EXPECT_BYTES. */
CD_NODISCARD enum cd_err expect_load(const char *path, struct expect **out,
                                     struct diag *d);

/* Release an expectation. NULL is a no-op. */
void expect_free(struct expect *e);

/* Check run_json, a CONTRACT.md output of this run, against e. On success
 * *out is a new report (expect_report_free); on CD_ERR_PARSE (run_json is
 * not such an output) *out is NULL and d says why. e is not modified. */
CD_NODISCARD enum cd_err expect_check_json(const struct expect *e,
                                           const char *run_json, size_t len,
                                           struct expect_report **out,
                                           struct diag *d);

/* As expect_check_json for the corpus as report_json renders it, with
 * every comparison (single ones too, whatever the report options). */
CD_NODISCARD enum cd_err expect_run(const struct expect *e,
                                      const struct corpus *c,
                                      struct expect_report **out,
                                      struct diag *d);

/* Release a report and its strings. NULL is a no-op. */
void expect_report_free(struct expect_report *r);

#endif
