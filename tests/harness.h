/* harness.h - the whole pipeline for the cmocka tests of the claim,
 * compare and align stages: every engine built from the built-in rules
 * once per test group, and texts run through the stages in main.c's
 * order. */
#ifndef CLAIMDIFF_TESTS_HARNESS_H
#define CLAIMDIFF_TESTS_HARNESS_H
#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "claimdiff/doc.h"

struct claim;
struct wordmask;
struct wordmask_doc;

struct fixture {
    struct rules *rules;
    struct segmenter *seg;
    struct tagger *tag;
    struct dater *dater;
    struct counter *counter;
    struct quoter *quoter;
    struct claimer *claimer;
    struct linker *linker;
    struct comparer *comparer;
};

/* Every engine built from the built-in rules and the user rules below
 * user_dir (NULL for none); NULL, after printing why, when one fails.
 * Release it with harness_teardown. */
struct fixture *harness_fixture_new(const char *user_dir);

/* cmocka group setup and teardown: *state is the fixture. */
int harness_setup(void **state);
int harness_teardown(void **state);

/* The per-document stages of doc. */
void harness_process(const struct fixture *f, struct doc *doc);

/* A document of text with segment and tag run: the tokens the claims
 * stage reads. The caller frees it with doc_free. */
struct doc *harness_tagged(const struct fixture *f, const char *text);

/* doc's tokens looked up in wm as claim_run looks them up: per token the
 * mask wm gives a word and 0 for every other, per sentence their or and
 * its first token. Release it with harness_masks_free. */
struct wordmask_doc *harness_masks(const struct wordmask *wm,
                                   const struct doc *doc);

/* Release m and its arrays. */
void harness_masks_free(struct wordmask_doc *m);

/* A random text of n words drawn from words[0..nwords) with a generator seeded by *seed,
 * each in lower, capitalised or upper case, with commas and full stops
 * between some of them and a headline first. The caller frees it. */
char *harness_random_text(const char *const *words, size_t nwords, size_t n,
                          unsigned *seed);

/* Do a[0..n) and b[0..n) say the same (every field, strings compared by
 * content)? Prints the first difference to stderr. */
bool harness_same_claims(const struct claim *a, const struct claim *b,
                         size_t n);

/* The per-corpus stages of c. */
void harness_finish(const struct fixture *f, struct corpus *c);

/* A corpus of the NULL-terminated texts with every stage run; the
 * caller frees it with corpus_free. */
struct corpus *harness_pipeline(const struct fixture *f,
                                const char *const *texts);
#endif
