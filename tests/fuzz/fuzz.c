/* fuzz.c - the engines and document checks the harnesses share. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/date.h"
#include "claimdiff/diag.h"
#include "claimdiff/doc.h"
#include "claimdiff/load.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"
#include "claimdiff/utf8.h"

static void die(const char *what, const struct diag *d)
{
    char buf[1024];
    diag_format(d, buf, sizeof buf);
    fprintf(stderr, "fuzz: %s: %s\n", what, buf);
    abort();
}

const struct fuzz_pipeline *fuzz_pipeline(void)
{
    /* libFuzzer calls the harness from one thread; the engines live for
     * the process, as in one run of the tool. */
    static struct fuzz_pipeline p;
    static int ready;
    struct diag d;
    if (ready)
        return &p;
    if (rules_new(NULL, &p.rules, &d) != CD_OK)
        die("rules", &d);
    if (load_new(p.rules, &p.loader, &d) != CD_OK)
        die("loader", &d);
    if (segment_new(p.rules, &p.segmenter, &d) != CD_OK)
        die("segmenter", &d);
    if (tag_new(p.rules, &p.tagger, &d) != CD_OK)
        die("tagger", &d);
    if (date_new(p.rules, &p.dater, &d) != CD_OK)
        die("dater", &d);
    if (number_new(p.rules, &p.counter, &d) != CD_OK)
        die("counter", &d);
    if (quote_new(p.rules, &p.quoter, &d) != CD_OK)
        die("quoter", &d);
    if (claim_new(p.rules, &p.claimer, &d) != CD_OK)
        die("claimer", &d);
    ready = 1;
    return &p;
}

struct doc *fuzz_text_doc(const uint8_t *data, size_t size)
{
    if (memchr(data, '\0', size))
        return NULL;
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    utf8_repair(text, size);
    return doc_new("fuzz.txt", text, size);
}

/* ---- checks ---------------------------------------------------------- */

static void fail(const char *what, size_t i)
{
    fprintf(stderr, "fuzz: broken result: %s (element %zu)\n", what, i);
    abort();
}

static void check_span(const struct doc *doc, struct span s, const char *what,
                       size_t i)
{
    if (s.start > s.end || s.end > doc->len)
        fail(what, i);
}

/* An index into an array of n elements, or -1 for none. */
static void check_index(int idx, size_t n, const char *what, size_t i)
{
    if (idx < -1 || (idx >= 0 && (size_t)idx >= n))
        fail(what, i);
}

static void check_layout(const struct doc *doc)
{
    for (size_t i = 0; i < doc->nboiler; i++)
        check_span(doc, doc->boiler[i].span, "boilerplate span", i);
    check_span(doc, doc->title_span, "title span", 0);
    check_span(doc, doc->published_span, "published span", 0);
    for (size_t i = 0; i < doc->nparas; i++)
        check_span(doc, doc->paras[i].span, "paragraph span", i);
    for (size_t i = 0; i < doc->nsents; i++) {
        check_span(doc, doc->sents[i].span, "sentence span", i);
        if (doc->sents[i].paragraph >= doc->nparas)
            fail("sentence paragraph", i);
    }
    for (size_t i = 0; i < doc->ntoks; i++) {
        const struct token *t = &doc->toks[i];
        check_span(doc, t->span, "token span", i);
        if (t->sentence >= doc->nsents)
            fail("token sentence", i);
        if (t->span.start < doc->sents[t->sentence].span.start ||
            t->span.end > doc->sents[t->sentence].span.end)
            fail("token outside its sentence", i);
    }
}

static void check_findings(const struct doc *doc)
{
    for (size_t i = 0; i < doc->nmentions; i++) {
        check_span(doc, doc->mentions[i].span, "mention span", i);
        check_span(doc, doc->mentions[i].role_span, "mention role span", i);
    }
    for (size_t i = 0; i < doc->ndates; i++) {
        const struct date *dt = &doc->dates[i];
        check_span(doc, dt->span, "date span", i);
        if (!memchr(dt->value, '\0', sizeof dt->value))
            fail("date value not terminated", i);
    }
    for (size_t i = 0; i < doc->nnumbers; i++) {
        check_span(doc, doc->numbers[i].span, "number span", i);
        check_span(doc, doc->numbers[i].noun_span, "number noun span", i);
    }
    for (size_t i = 0; i < doc->nquotes; i++) {
        const struct quote *q = &doc->quotes[i];
        check_span(doc, q->span, "quote span", i);
        check_span(doc, q->speaker_span, "quote speaker span", i);
        check_index(q->speaker, doc->nmentions, "quote speaker", i);
        check_index(q->continues, doc->nquotes, "quote continues", i);
    }
    for (size_t i = 0; i < doc->nclaims; i++) {
        const struct claim *c = &doc->claims[i];
        check_span(doc, c->span, "claim span", i);
        if (c->sentence >= doc->nsents)
            fail("claim sentence", i);
        check_index(c->subject, doc->nmentions, "claim subject", i);
        check_index(c->object, doc->nmentions, "claim object", i);
        check_index(c->attributed_to, doc->nmentions, "claim attribution", i);
        check_index(c->mention_idx, doc->nmentions, "claim mention", i);
        check_index(c->number_idx, doc->nnumbers, "claim number", i);
        check_index(c->date_idx, doc->ndates, "claim date", i);
        check_index(c->quote_idx, doc->nquotes, "claim quote", i);
    }
}

void fuzz_check_doc(const struct doc *doc)
{
    if (doc->text[doc->len] != '\0')
        fail("text not terminated", 0);
    if (!utf8_valid(doc->text, doc->len))
        fail("text not valid UTF-8", 0);
    check_layout(doc);
    check_findings(doc);
}
