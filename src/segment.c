/* segment.c - placeholder until the segmenter lands. */
#include "claimdiff/segment.h"

#include <stdlib.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"

struct segmenter {
    int unused;
};

enum cd_err segment_new(const struct rules *r, struct segmenter **out,
                        struct diag *d)
{
    (void)r;
    (void)d;
    *out = xcalloc(1, sizeof **out);
    return CD_OK;
}

void segment_free(struct segmenter *s)
{
    free(s);
}

void segment_run(const struct segmenter *s, struct doc *doc)
{
    (void)s;
    (void)doc;
}
