/* fuzz_segment.c - paragraphs, sentences and tokens of arbitrary text (as
 * the loader hands it on: repaired UTF-8, no NUL), run twice on one doc
 * since segment_run promises to replace an earlier segmentation. */
#include "fuzz.h"

#include "claimdiff/doc.h"
#include "claimdiff/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    struct doc *doc = fuzz_text_doc(data, size);
    if (!doc)
        return 0;
    segment_run(p->segmenter, doc);
    size_t nsents = doc->nsents, ntoks = doc->ntoks;
    segment_run(p->segmenter, doc);
    if (doc->nsents != nsents || doc->ntoks != ntoks)
        __builtin_trap(); /* the same text must segment the same way */
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
