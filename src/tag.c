/* tag.c - placeholder until this stage lands. */
#include "claimdiff/tag.h"

#include <stdlib.h>

#include "claimdiff/arena.h"
#include "claimdiff/doc.h"

struct tagger {
    int unused;
};

enum cd_err tag_new(const struct rules *r, struct tagger **out,
                        struct diag *d)
{
    (void)r;
    (void)d;
    *out = xcalloc(1, sizeof **out);
    return CD_OK;
}

void tag_free(struct tagger *x)
{
    free(x);
}

void tag_run(const struct tagger *x, struct doc *doc)
{
    (void)x;
    (void)doc;
}

const char *tag_type_name(enum ent_type t)
{
    static const char *const names[ENT_NTYPES] = {
        "person", "organization", "group", "country", "place"};
    return (unsigned)t < ENT_NTYPES ? names[t] : "unknown";
}
