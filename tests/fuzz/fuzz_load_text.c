/* fuzz_load_text.c - the loader on arbitrary bytes read as plain text:
 * repair, line cues, boilerplate, headline, source and dateline. */
#include "fuzz.h"

#include "claimdiff/doc.h"
#include "claimdiff/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    struct doc *doc;
    struct diag d;
    if (load_buffer(p->loader, "fuzz.txt", (const char *)data, size,
                    LOAD_TEXT, &doc, &d) != CD_OK)
        return 0;
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
