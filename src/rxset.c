/* rxset.c - several rule patterns and the alternation that prefilters them.
 *
 * "(?n)(?:A)|(?:B)|..." matches a subject exactly when A or B or ...
 * matches it, provided each pattern means the same inside a group as on
 * its own: no group numbers (back references, recursion, conditions), no
 * option change other than (?i) (whose scope a group bounds just as the
 * pattern's end does), no verbs or \Q that could reach past the group.
 * (?n) turns the members' capturing groups into plain ones, so the
 * alternation never needs more groups than the match data holds.
 * Patterns that start with ^ go into one alternation PCRE2 sees as
 * anchored (one attempt per line); the rest into a second one.
 */
#include "claimdiff/rxset.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"

struct rxset {
    struct rules_rx **members;
    size_t n;
    bool filters;                 /* the alternations below are valid */
    struct rules_rx *anchored;    /* members starting with ^; or NULL */
    struct rules_rx *floating;    /* the others; or NULL */
};

/* ---- building ---------------------------------------------------------- */

/* True if p keeps its meaning as one branch of a larger alternation. Errs
 * on the side of false: a false here only costs speed. p compiled on its
 * own, so its parentheses balance. */
static bool branch_safe(const char *p)
{
    for (size_t i = 0; p[i]; i++) {
        if (p[i] == '\\') {
            char c = p[i + 1];
            /* \1 \g \k: group numbers; \Q: quoting that may not end;
             * \K \G: match-start games; \c: eats the next character. */
            if (c == '\0' || (c >= '0' && c <= '9') || strchr("gkQEKGc", c))
                return false;
            i++;
            continue;
        }
        if (p[i] != '(')
            continue;
        if (p[i + 1] == '*')
            return false; /* (*VERB), (*UTF) */
        if (p[i + 1] != '?')
            continue;
        const char *q = p + i + 2;
        if (*q == ':' || *q == '=' || *q == '!' || strncmp(q, "<=", 2) == 0 ||
            strncmp(q, "<!", 2) == 0 || strncmp(q, "i)", 2) == 0 ||
            strncmp(q, "i:", 2) == 0)
            continue;
        return false; /* named groups, (?x), (?-n), (?R), (?(, (?| ... */
    }
    return true;
}

/* Leading (?i) settings aside, does p open with ^? Only decides which
 * alternation p joins, so a wrong guess costs speed, not answers. */
static bool opens_anchored(const char *p)
{
    while (strncmp(p, "(?i)", 4) == 0)
        p += 4;
    return *p == '^';
}

/* "(?n)(?:p)|(?:q)..." of the patterns with opens_anchored == anchored;
 * NULL when there are none. Caller frees. */
static char *alternation(const char *const *patterns, size_t n, bool anchored)
{
    size_t len = 4, count = 0;
    for (size_t i = 0; i < n; i++) {
        if (opens_anchored(patterns[i]) != anchored)
            continue;
        len += strlen(patterns[i]) + 5; /* "(?:" ")" "|" */
        count++;
    }
    if (count == 0)
        return NULL;
    char *out = xmalloc(len + 1), *w = out;
    memcpy(w, "(?n)", 4);
    w += 4;
    for (size_t i = 0; i < n; i++) {
        if (opens_anchored(patterns[i]) != anchored)
            continue;
        size_t k = strlen(patterns[i]);
        if (w != out + 4)
            *w++ = '|';
        memcpy(w, "(?:", 3);
        memcpy(w + 3, patterns[i], k);
        w[3 + k] = ')';
        w += k + 4;
    }
    *w = '\0';
    return out;
}

/* Compile one alternation into *out (left NULL when there is nothing to
 * compile). False if PCRE2 refuses it; the set then has no prefilter. */
static bool compile_alternation(const char *const *patterns, size_t n,
                                bool anchored, struct rules_rx **out)
{
    char *alt = alternation(patterns, n, anchored);
    struct diag ignored;
    bool ok = true;
    *out = NULL;
    if (alt) {
        memset(&ignored, 0, sizeof ignored);
        ok = rules_rx_new(alt, 0, NULL, out, &ignored) == CD_OK;
    }
    free(alt);
    return ok;
}

static void build_filter(struct rxset *set, const char *const *patterns,
                         size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!branch_safe(patterns[i]))
            return;
    if (!compile_alternation(patterns, n, true, &set->anchored) ||
        !compile_alternation(patterns, n, false, &set->floating)) {
        rules_rx_free(set->anchored);
        set->anchored = NULL;
        return;
    }
    set->filters = true;
}

/* ---- public ------------------------------------------------------------ */

enum cd_err rxset_new(const char *const *patterns,
                      const struct rule_row *const *rows, size_t n,
                      struct rxset **out, struct diag *d)
{
    struct rxset *set = xcalloc(1, sizeof *set);
    set->members = xcalloc(n ? n : 1, sizeof *set->members);
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        enum cd_err err = rules_rx_new(patterns[i], 0, rows ? rows[i] : NULL,
                                       &set->members[i], d);
        if (err) {
            rxset_free(set);
            return err;
        }
        set->n++;
    }
    build_filter(set, patterns, n);
    *out = set;
    return CD_OK;
}

void rxset_free(struct rxset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        rules_rx_free(set->members[i]);
    free(set->members);
    rules_rx_free(set->anchored);
    rules_rx_free(set->floating);
    free(set);
}

const struct rules_rx *rxset_member(const struct rxset *set, size_t i)
{
    return set->members[i];
}

bool rxset_any(const struct rxset *set, struct rules_rx_scratch *s,
               const char *subject, size_t len)
{
    struct rules_rx_match m;
    if (!set->filters)
        return true;
    return (set->anchored &&
            rules_rx_find(set->anchored, s, subject, len, 0, &m)) ||
           (set->floating &&
            rules_rx_find(set->floating, s, subject, len, 0, &m));
}

bool rxset_filters(const struct rxset *set)
{
    return set->filters;
}
