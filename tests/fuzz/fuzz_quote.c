/* fuzz_quote.c - the quote finder on arbitrary text, after the stages it
 * reads (segment for paragraphs, tag for speakers), and once on the bare
 * text, its fallback when there are no paragraphs. */
#include "fuzz.h"

#include "claimdiff/doc.h"
#include "claimdiff/quote.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    struct doc *doc = fuzz_text_doc(data, size);
    if (!doc)
        return 0;
    quote_run(p->quoter, doc);
    fuzz_check_doc(doc);
    segment_run(p->segmenter, doc);
    tag_run(p->tagger, doc);
    quote_run(p->quoter, doc);
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
