/* quote.c - placeholder until this stage lands. */
#include "claimdiff/quote.h"

#include <stdlib.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"

struct quoter {
    int unused;
};

enum cd_err quote_new(const struct rules *r, struct quoter **out,
                        struct diag *d)
{
    (void)r;
    (void)d;
    *out = xcalloc(1, sizeof **out);
    return CD_OK;
}

void quote_free(struct quoter *x)
{
    free(x);
}

void quote_run(const struct quoter *x, struct doc *doc)
{
    (void)x;
    (void)doc;
}
