/* fuzz_pipeline.c - the whole per-document half on one document, as
 * src/main.c drives it: load -> segment -> tag -> date -> number -> quote
 * -> claim, with the loader guessing text or HTML from the bytes. */
#include "fuzz.h"

#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/load.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    struct doc *doc;
    struct diag d;
    /* LOAD_AUTO: bytes that start like an HTML page (the .html seeds do)
     * go through html.c, anything else is text. */
    if (load_buffer(p->loader, "fuzz", (const char *)data, size, LOAD_AUTO,
                    &doc, &d) != CD_OK)
        return 0;
    segment_run(p->segmenter, doc);
    tag_run(p->tagger, doc);
    date_run(p->dater, doc);
    number_run(p->counter, doc);
    quote_run(p->quoter, doc);
    claim_run(p->claimer, doc);
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
