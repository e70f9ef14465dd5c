/* opts.h - the command line.
 *
 * opts_parse fills a struct opts once; the rest of the program reads it as
 * const. Input paths point into argv and live as long as it does.
 */
#ifndef CLAIMDIFF_OPTS_H
#define CLAIMDIFF_OPTS_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

/* Exit statuses, as CONTRACT.md fixes them. */
enum cd_exit {
    CD_EXIT_OK = 0,
    CD_EXIT_FOUND = 1, /* --fail-on matched, or --expect drifted */
    CD_EXIT_ERROR = 2, /* usage error, or an input could not be read */
};

enum opts_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_JSONL, FORMAT_HTML };
enum opts_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum opts_dump { DUMP_NONE, DUMP_MARKED, DUMP_BODY };
/* --fail-on: the mildest verdict that fails the run (partial: partial or
 * conflict; a newsroom that gates on partial gates on conflict too). */
enum opts_fail_on { FAIL_ON_NONE, FAIL_ON_CONFLICT, FAIL_ON_PARTIAL };

/* The first argument may name a command; without one, both halves run. */
enum opts_command {
    CMD_RUN,     /* claimdiff PATH...: analyse and compare */
    CMD_EXTRACT, /* claimdiff extract PATH...: document records to stdout */
    CMD_COMPARE, /* claimdiff compare FILE...: compare document records */
};

struct opts {
    enum opts_command command;
    enum opts_format format;
    enum opts_color color;
    enum opts_dump dump;
    bool all;
    bool explain;
    enum opts_fail_on fail_on;
    const char *expect;    /* --expect: the expectation file, or NULL */
    const char *only;      /* --only: a verdict name (static), or NULL */
    bool help;
    bool version;
    unsigned jobs;         /* -j: documents at a time; 0 one per processor */
    const char *rules_dir; /* NULL: built-in rules only */
    char **inputs;         /* into argv */
    size_t ninputs;
};

/* Parse argv. On CD_ERR_USAGE d holds the message (naming the option);
 * o is then partly filled and should not be used. Does not print. */
CD_NODISCARD enum cd_err opts_parse(int argc, char **argv, struct opts *o,
                                    struct diag *d);

/* The --help text (fits one screen). */
const char *opts_usage(void);

#endif
