/* fuzz.h - what the libFuzzer harnesses share.
 *
 * Each harness in tests/fuzz/ drives one stage of the per-document
 * pipeline through its public header, exactly as src/main.c does, on
 * bytes chosen by libFuzzer. The engines are built once per process
 * (fuzz_pipeline) and are read-only afterwards, so reusing them across
 * inputs is what the tool itself does across documents. fuzz_check_doc
 * turns a broken span or index into an abort, so libFuzzer reports an
 * out-of-contract result as a crash, not only memory errors.
 */
#ifndef CLAIMDIFF_FUZZ_H
#define CLAIMDIFF_FUZZ_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t */

struct doc;

/* Every engine of the per-document half. */
struct fuzz_pipeline {
    struct rules *rules;
    struct loader *loader;
    struct segmenter *segmenter;
    struct tagger *tagger;
    struct dater *dater;
    struct counter *counter;
    struct quoter *quoter;
    struct claimer *claimer;
};

/* The engines built from the built-in rules, made on the first call and
 * kept for the process (reachable, so LeakSanitizer does not count them).
 * Aborts if the built-in rules do not compile. */
const struct fuzz_pipeline *fuzz_pipeline(void);

/* A document holding data as the loader would hand it to the later
 * stages: valid UTF-8 (bad bytes repaired to '?') and no NUL byte. Returns
 * NULL for input the loader refuses before any stage sees it (a NUL
 * byte). Free with doc_free. */
struct doc *fuzz_text_doc(const uint8_t *data, size_t size);

/* Abort unless every span and index the stages filled lies inside the
 * document and its arrays; called after the stages under test. */
void fuzz_check_doc(const struct doc *doc);

#endif
