/* harness.c - see harness.h. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/anchor.h"
#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"

struct fixture *harness_fixture_new(const char *user_dir)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    struct diag d;
    memset(&d, 0, sizeof d);
    if (rules_new(user_dir, &f->rules, &d) != CD_OK ||
        segment_new(f->rules, &f->seg, &d) != CD_OK ||
        tag_new(f->rules, &f->tag, &d) != CD_OK ||
        date_new(f->rules, &f->dater, &d) != CD_OK ||
        number_new(f->rules, &f->counter, &d) != CD_OK ||
        quote_new(f->rules, &f->quoter, &d) != CD_OK ||
        claim_new(f->rules, &f->claimer, &d) != CD_OK ||
        link_new(f->rules, &f->linker, &d) != CD_OK ||
        compare_new(f->rules, &f->comparer, &d) != CD_OK) {
        fprintf(stderr, "setup: %s:%u: %s\n", d.file, d.line, d.msg);
        void *state = f;
        harness_teardown(&state);
        return NULL;
    }
    return f;
}

int harness_setup(void **state)
{
    *state = harness_fixture_new(NULL);
    return *state ? 0 : -1;
}

int harness_teardown(void **state)
{
    struct fixture *f = *state;
    compare_free(f->comparer);
    link_free(f->linker);
    claim_free(f->claimer);
    quote_free(f->quoter);
    number_free(f->counter);
    date_free(f->dater);
    tag_free(f->tag);
    segment_free(f->seg);
    rules_free(f->rules);
    free(f);
    return 0;
}

void harness_process(const struct fixture *f, struct doc *doc)
{
    segment_run(f->seg, doc);
    tag_run(f->tag, doc);
    date_run(f->dater, doc);
    number_run(f->counter, doc);
    quote_run(f->quoter, doc);
    claim_run(f->claimer, doc);
}

void harness_finish(const struct fixture *f, struct corpus *c)
{
    link_run(f->linker, c);
    anchor_run(c);
    compare_run(f->comparer, c);
}

struct corpus *harness_pipeline(const struct fixture *f,
                                const char *const *texts)
{
    struct corpus *c = corpus_new();
    for (size_t i = 0; texts[i]; i++) {
        size_t len = strlen(texts[i]);
        struct doc *doc = doc_new("test.txt", xstrndup(texts[i], len), len);
        harness_process(f, doc);
        corpus_add(c, doc);
    }
    harness_finish(f, c);
    return c;
}
