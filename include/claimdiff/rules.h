/* rules.h - rule files (lexicons, gazetteers, patterns) and regexes.
 *
 * Rules are data: tab-separated text files under rules/, compiled into the
 * binary as the default and extended at run time by --rules DIR. A table is
 * named by its path below the rules directory without extension
 * ("lexicon/abbreviations"). Every row remembers its file and line so a
 * consumer can say where a bad rule is. All tables, rows and compiled
 * patterns are owned by the struct rules (or the rx) and live until
 * rules_free (rules_rx_free); nothing here is modified after rules_new, so
 * one rules object may be shared by threads.
 */
#ifndef CLAIMDIFF_RULES_H
#define CLAIMDIFF_RULES_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "claimdiff/diag.h" /* enum cd_err, struct diag, CD_NODISCARD */

/* Longest rule line we accept; longer lines are an error, not a cut. */
#define CD_MAX_RULE_LEN 4096

struct rules;

struct rule_row {
    const char *file;    /* "rules/lexicon/x.tsv" or "<builtin>/lexicon/x.tsv" */
    unsigned line;       /* 1-based */
    size_t nfields;      /* at least 1 */
    const char **fields; /* NUL-terminated strings, trimmed */
};

struct rule_table {
    const char *name;
    size_t nrows;
    const struct rule_row *rows;
};

/* Load the built-in rules, then every *.tsv below user_dir (NULL for none).
 * A user file with the name of a built-in table adds its rows to that table,
 * unless its first line is "%replace", in which case it replaces the table.
 * Blank lines and lines starting with '#' are skipped; fields are split on
 * runs of tabs. On error returns CD_ERR_RULE or CD_ERR_IO with file and line
 * in d, and *out is left NULL. */
CD_NODISCARD enum cd_err rules_new(const char *user_dir, struct rules **out,
                                   struct diag *d);

/* Release everything. NULL is a no-op. */
void rules_free(struct rules *r);

/* The table of that name; an empty table when there is none. Never NULL. */
const struct rule_table *rules_get(const struct rules *r, const char *name);

/* Check every row of t has between min and max fields (max 0: no limit).
 * Returns CD_ERR_RULE naming the first bad row's file and line. */
CD_NODISCARD enum cd_err rules_check_fields(const struct rule_table *t,
                                            size_t min, size_t max,
                                            struct diag *d);

/* A version string for the built-in rules (a hash of their bytes). */
const char *rules_version(void);

/* --- Regular expressions (PCRE2, JIT-compiled once) --------------------- */

struct rules_rx;

enum rules_rx_flag {
    RULES_RX_CASELESS = 1 << 0,
    RULES_RX_ANCHORED = 1 << 1, /* match only at the start offset */
};

#define RULES_RX_MAX_GROUPS 16

struct rules_rx_match {
    size_t start[RULES_RX_MAX_GROUPS]; /* group 0 is the whole match */
    size_t end[RULES_RX_MAX_GROUPS];   /* unset groups have start == end == (size_t)-1 */
    unsigned ngroups;
};

/* Compile pattern (UTF-8, UCP). On error returns CD_ERR_RULE with the
 * pattern offset and PCRE2's message in d; row (may be NULL) names where
 * the pattern came from. The search plan (hints) and the JIT compile
 * wait for the first rules_rx_find (once, thread-safe), so patterns never
 * searched cost only PCRE2's compile. */
CD_NODISCARD enum cd_err rules_rx_new(const char *pattern, unsigned flags,
                                      const struct rule_row *row,
                                      struct rules_rx **out, struct diag *d);

void rules_rx_free(struct rules_rx *rx);

/* Per-thread match workspace. Never NULL. */
struct rules_rx_scratch *rules_rx_scratch_new(void);
void rules_rx_scratch_free(struct rules_rx_scratch *s);

/* Find the first match of rx in subject[0..len) at or after from. Returns
 * true and fills m on a match. subject must be valid UTF-8 (the loader
 * guarantees document text is). */
bool rules_rx_find(const struct rules_rx *rx, struct rules_rx_scratch *s,
                   const char *subject, size_t len, size_t from,
                   struct rules_rx_match *m);

#endif
