/* harness.c - see harness.h. */
#include "harness.h"
#include "rulesdir.h"

#include <inttypes.h> /* PRIu32 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h> /* mkdir */
#include <unistd.h>   /* rmdir, unlink */

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
#include "claimdiff/wordmask.h"

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

struct doc *harness_tagged(const struct fixture *f, const char *text)
{
    size_t len = strlen(text);
    struct doc *doc = doc_new("test.txt", xstrndup(text, len), len);
    segment_run(f->seg, doc);
    tag_run(f->tag, doc);
    return doc;
}

struct wordmask_doc *harness_masks(const struct wordmask *wm,
                                   const struct doc *doc)
{
    /* one block, so that harness_masks_free frees one pointer */
    struct wordmask_doc *m = xcalloc(
        1, sizeof *m + (doc->nsents + 1) * sizeof(size_t) +
               (doc->ntoks + doc->nsents + 2) * sizeof(uint32_t));
    size_t *first = (size_t *)(m + 1);
    uint32_t *tok = (uint32_t *)(first + doc->nsents + 1);
    uint32_t *sent = tok + doc->ntoks + 1;
    for (size_t i = 0; i < doc->ntoks; i++) {
        const struct token *t = &doc->toks[i];
        if (t->kind == TOK_WORD)
            tok[i] = wordmask_get(wm, doc->text + t->span.start,
                                  t->span.end - t->span.start, NULL);
    }
    size_t t = 0;
    for (unsigned si = 0; si < doc->nsents; si++) {
        first[si] = t;
        for (; t < doc->ntoks && doc->toks[t].sentence == si; t++)
            sent[si] |= tok[t];
    }
    first[doc->nsents] = t;
    *m = (struct wordmask_doc){tok, sent, first};
    return m;
}

void harness_masks_free(struct wordmask_doc *m)
{
    free(m);
}

/* A small generator of our own: the same texts on every libc. */
static unsigned lcg(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

char *harness_random_text(const char *const *words, size_t nwords, size_t n,
                          unsigned *seed)
{
    size_t cap = 64;
    for (size_t i = 0; i < nwords; i++)
        cap += strlen(words[i]) + 3;
    cap *= n;
    char *out = xmalloc(cap);
    size_t o = (size_t)snprintf(out, cap, "Report from the region\n\n");
    bool cap_next = true;
    for (size_t i = 0; i < n; i++) {
        const char *w = words[(size_t)lcg(seed) % nwords];
        unsigned how = lcg(seed) % 8; /* mostly as written */
        for (size_t k = 0; w[k]; k++) {
            char c = w[k];
            if (how == 7 || (k == 0 && (how == 6 || cap_next)))
                c = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            out[o++] = c;
        }
        cap_next = false;
        unsigned sep = lcg(seed) % 12;
        if (sep == 0) {
            out[o++] = '.';
            cap_next = true;
        } else if (sep == 1) {
            out[o++] = ',';
        }
        out[o++] = ' ';
    }
    out[o++] = '.';
    out[o++] = '\n';
    out[o] = '\0';
    return out;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

bool harness_same_claims(const struct claim *a, const struct claim *b,
                         size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct claim *x = &a[i], *y = &b[i];
        bool same =
            x->span.start == y->span.start && x->span.end == y->span.end &&
            x->sentence == y->sentence && x->frame == y->frame &&
            same_str(x->cls, y->cls) && same_str(x->slot, y->slot) &&
            same_str(x->thing, y->thing) && same_str(x->text, y->text) &&
            x->scale == y->scale && x->subject == y->subject &&
            x->object == y->object && x->attributed_to == y->attributed_to &&
            x->number_idx == y->number_idx && x->date_idx == y->date_idx &&
            x->mention_idx == y->mention_idx &&
            x->quote_idx == y->quote_idx && x->kind == y->kind &&
            x->negated == y->negated && x->near == y->near &&
            x->subset == y->subset;
        if (!same) {
            fprintf(stderr, "claim %zu differs: [%" PRIu32 ",%" PRIu32
                            ") '%s' vs [%" PRIu32 ",%" PRIu32 ") '%s'\n",
                    i, x->span.start, x->span.end, x->text ? x->text : "",
                    y->span.start, y->span.end, y->text ? y->text : "");
            return false;
        }
    }
    return true;
}

/* dir/file, or with folder the folder file sits in (dir/gazetteer);
 * malloc'd. */
static char *rules_path(const char *dir, const char *file, bool folder)
{
    const char *slash = strchr(file, '/');
    int n = folder && slash ? (int)(slash - file) : (int)strlen(file);
    size_t len = strlen(dir) + strlen(file) + 2;
    char *path = xmalloc(len);
    snprintf(path, len, "%s/%.*s", dir, n, file);
    return path;
}

char *harness_rules_dir(const char *file, const char *content)
{
    char tmpl[] = "/tmp/claimdiff-rules-XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return NULL;
    }
    char *dir = xstrdup(tmpl);
    char *folder = rules_path(dir, file, true), *path = rules_path(dir, file, false);
    FILE *fp = NULL;
    bool ok = (!strchr(file, '/') || mkdir(folder, 0700) == 0) &&
              (fp = fopen(path, "w")) != NULL && fputs(content, fp) >= 0;
    if (fp && fclose(fp) != 0)
        ok = false;
    if (!ok) {
        perror(path);
        harness_rules_dir_free(dir, file);
        dir = NULL;
    }
    free(folder);
    free(path);
    return dir;
}

void harness_rules_dir_free(char *dir, const char *file)
{
    if (!dir)
        return;
    char *folder = rules_path(dir, file, true), *path = rules_path(dir, file, false);
    unlink(path);
    if (strchr(file, '/'))
        rmdir(folder);
    rmdir(dir);
    free(folder);
    free(path);
    free(dir);
}
