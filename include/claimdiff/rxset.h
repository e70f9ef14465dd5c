/* rxset.h - a list of rule patterns asked "could any of them match?" at once.
 *
 * The loader tries every boilerplate cue on every line, and almost no line
 * is furniture. An rxset compiles its patterns one by one (as rules_rx_new
 * would) and also as alternations of all of them, so a line no pattern
 * matches costs one or two regex runs instead of one per pattern (and
 * none for the ^-anchored ones when their literal prefixes and required
 * bytes, read off the patterns, rule the line out); only on a hit does
 * the caller try the patterns in order. Everything belongs to the
 * set and lives until rxset_free; a set is read-only after rxset_new and
 * may be shared by threads (each with its own rules_rx_scratch).
 */
#ifndef CLAIMDIFF_RXSET_H
#define CLAIMDIFF_RXSET_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint64_t */

#include "claimdiff/diag.h"  /* enum cd_err, struct diag, CD_NODISCARD */
#include "claimdiff/rules.h" /* struct rule_row, rules_rx, scratch */

struct rxset;

/* Compile patterns[0..n) (UTF-8, UCP, as rules_rx_new with no flags);
 * rows[i] (rows may be NULL) names where pattern i came from. On error
 * returns CD_ERR_RULE for the first bad pattern, exactly as rules_rx_new
 * would report it, and *out is NULL. Patterns whose meaning could change
 * inside an alternation (back references, named groups, verbs, options
 * other than (?i), \Q) leave the set without a prefilter: rxset_any then
 * always answers true. The alternations are compiled on their first run
 * (thread-safe); one PCRE2 refuses answers "may match" from then on. */
CD_NODISCARD enum cd_err rxset_new(const char *const *patterns,
                                   const struct rule_row *const *rows,
                                   size_t n, struct rxset **out,
                                   struct diag *d);

/* Release the set and its patterns. NULL is a no-op. */
void rxset_free(struct rxset *set);

/* Pattern i as compiled on its own (i < the n given to rxset_new). */
const struct rules_rx *rxset_member(const struct rxset *set, size_t i);

/* False only if no pattern of the set matches anywhere in
 * subject[0..len); true if one may. subject must be valid UTF-8. */
bool rxset_any(const struct rxset *set, struct rules_rx_scratch *s,
               const char *subject, size_t len);

/* As rxset_any, but the ^-anchored members (and the floating ones, when
 * each has a required factor) are answered from the line hints alone,
 * without a regex run: false only if no member matches, true more often
 * than rxset_any. Cheaper when the caller tries the members one by one
 * (each with rxset_member_may) after a yes anyway. */
bool rxset_may(const struct rxset *set, struct rules_rx_scratch *s,
               const char *subject, size_t len);

/* The members that may match subject[0..len), for a caller that tries
 * them one by one: bit i clear only if member i cannot match (every
 * member rxset_member_may admits after rxset_may said yes has its bit,
 * and maybe fewer, since the required factors are asked too); 0 exactly
 * when rxset_may says no. A set of more than 64 members gets all bits or
 * none: ask rxset_member_may for each then. subject must be valid UTF-8. */
uint64_t rxset_may_members(const struct rxset *set, struct rules_rx_scratch *s,
                           const char *subject, size_t len);

/* False only if member i (< the n given to rxset_new) cannot match
 * subject[0..len): a cheap look at its line hint, true when it has none.
 * For trying the members one by one after rxset_any said yes.
 * subject must be valid UTF-8. */
bool rxset_member_may(const struct rxset *set, size_t i, const char *subject,
                      size_t len);

/* True if the set has its prefilter (see rxset_new), i.e. rxset_any can
 * answer false. For tests. */
bool rxset_filters(const struct rxset *set);

#endif
