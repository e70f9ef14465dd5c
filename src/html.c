/* html.c - placeholder: all text of the page, until extraction lands. */
#include "claimdiff/html.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"

struct html_extractor {
    int unused;
};

enum cd_err html_new(const struct rules *r, struct html_extractor **out,
                     struct diag *d)
{
    (void)r;
    (void)d;
    *out = xcalloc(1, sizeof **out);
    return CD_OK;
}

void html_free(struct html_extractor *h)
{
    free(h);
}

enum cd_err html_extract(const struct html_extractor *h, const char *bytes,
                         size_t len, struct html_article *out, struct diag *d)
{
    (void)h;
    (void)d;
    memset(out, 0, sizeof *out);
    out->text = xstrndup(bytes, len);
    out->len = len;
    return CD_OK;
}

void html_article_clear(struct html_article *a)
{
    free(a->text);
    free(a->title);
    free(a->source);
    free(a->published);
    free(a->author);
    free(a->boiler);
    for (size_t i = 0; i < a->nwarnings; i++)
        free(a->warnings[i]);
    free(a->warnings);
    memset(a, 0, sizeof *a);
}
