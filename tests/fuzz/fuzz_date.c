/* fuzz_date.c - the date parser on arbitrary text: on the sentences of a
 * segmented document, and on the raw text (date_run's fallback when no
 * segmentation exists); also the loader's dateline parser on the bytes. */
#include "fuzz.h"

#include <stdlib.h>

#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/load.h"
#include "claimdiff/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fuzz_pipeline *p = fuzz_pipeline();
    char iso[11];
    struct doc *doc = fuzz_text_doc(data, size);
    if (!doc)
        return 0;
    (void)load_parse_dateline(doc->text, doc->len, iso);
    date_run(p->dater, doc); /* no sentences yet: the fallback path */
    fuzz_check_doc(doc);
    free(doc->dates);
    doc->dates = NULL;
    doc->ndates = doc->capdates = 0;
    segment_run(p->segmenter, doc);
    date_run(p->dater, doc);
    fuzz_check_doc(doc);
    doc_free(doc);
    return 0;
}
