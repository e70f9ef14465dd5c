/* fuzz_load_html.c - the loader on arbitrary bytes read as HTML: libxml2's
 * parser, article extraction, then the loader's own line cues. */
#include "fuzz.h"

#include "claimdiff/doc.h"
#include "claimdiff/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    struct doc *doc;
    struct diag d;
    if (load_buffer(p->loader, "fuzz.html", (const char *)data, size,
                    LOAD_HTML, &doc, &d) != CD_OK)
        return 0;
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
