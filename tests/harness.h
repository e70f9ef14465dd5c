/* harness.h - the whole pipeline for the cmocka tests of the claim,
 * compare and align stages: every engine built from the built-in rules
 * once per test group, and texts run through the stages in main.c's
 * order. */
#ifndef CLAIMDIFF_TESTS_HARNESS_H
#define CLAIMDIFF_TESTS_HARNESS_H
#include "claimdiff/doc.h"

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

/* The per-corpus stages of c. */
void harness_finish(const struct fixture *f, struct corpus *c);

/* A corpus of the NULL-terminated texts with every stage run; the
 * caller frees it with corpus_free. */
struct corpus *harness_pipeline(const struct fixture *f,
                                const char *const *texts);
#endif
