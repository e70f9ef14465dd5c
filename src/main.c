/* main.c - orchestrate: options, rules, per-document stages, per-corpus
 * stages, report. The only place besides report.c that prints. */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "claimdiff/anchor.h"
#include "claimdiff/arena.h"
#include "claimdiff/batch.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/diag.h"
#include "claimdiff/doc.h"
#include "claimdiff/expect.h"
#include "claimdiff/docio.h"
#include "claimdiff/link.h"
#include "claimdiff/load.h"
#include "claimdiff/number.h"
#include "claimdiff/opts.h"
#include "claimdiff/quote.h"
#include "claimdiff/report.h"
#include "claimdiff/rules.h"
#include "claimdiff/segment.h"
#include "claimdiff/tag.h"
#include "scan.h"

/* Every engine of the per-document and per-corpus stages, built once. */
struct pipeline {
    struct rules *rules;
    struct loader *loader;
    struct segmenter *segmenter;
    struct tagger *tagger;
    struct dater *dater;
    struct counter *counter;
    struct quoter *quoter;
    struct claimer *claimer;
    struct linker *linker;
    struct comparer *comparer;
};

static void complain(const struct diag *d)
{
    char buf[1024];
    diag_format(d, buf, sizeof buf);
    fprintf(stderr, "claimdiff: %s\n", buf);
}

static enum cd_err pipeline_new(struct pipeline *p, const char *rules_dir,
                                struct diag *d)
{
    enum cd_err err;
    memset(p, 0, sizeof *p);
    err = rules_new(rules_dir, &p->rules, d);
    if (!err)
        err = load_new(p->rules, &p->loader, d);
    if (!err)
        err = segment_new(p->rules, &p->segmenter, d);
    if (!err)
        err = tag_new(p->rules, &p->tagger, d);
    if (!err)
        err = date_new(p->rules, &p->dater, d);
    if (!err)
        err = number_new(p->rules, &p->counter, d);
    if (!err)
        err = quote_new(p->rules, &p->quoter, d);
    if (!err)
        err = claim_new(p->rules, &p->claimer, d);
    if (!err)
        err = link_new(p->rules, &p->linker, d);
    if (!err)
        err = compare_new(p->rules, &p->comparer, d);
    return err;
}

static void pipeline_free(struct pipeline *p)
{
    compare_free(p->comparer);
    link_free(p->linker);
    claim_free(p->claimer);
    quote_free(p->quoter);
    number_free(p->counter);
    date_free(p->dater);
    tag_free(p->tagger);
    segment_free(p->segmenter);
    load_free(p->loader);
    rules_free(p->rules);
}

/* The per-document half: everything that sees one document only. */
static void process_document(const struct pipeline *p, struct doc *doc)
{
    segment_run(p->segmenter, doc);
    tag_run(p->tagger, doc);
    /* dates and numbers read the same runs: cut them into tokens once */
    struct scan_doc sd = {0};
    scan_doc_build(doc, &sd);
    date_run_scanned(p->dater, doc, &sd);
    number_run_scanned(p->counter, doc, &sd);
    scan_doc_free(&sd);
    quote_run(p->quoter, doc);
    claim_run(p->claimer, doc);
}

/* With CLAIMDIFF_TIMINGS set, each stage's seconds go to stderr, for
 * make bench; a stopwatch costs nothing when it is off. */
struct stopwatch {
    bool on;
    struct timespec t;
};

static void lap(struct stopwatch *w, const char *stage)
{
    struct timespec now;
    if (!w->on)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (stage)
        fprintf(stderr, "claimdiff: timing %s %.6f\n", stage,
                (double)(now.tv_sec - w->t.tv_sec) +
                    (double)(now.tv_nsec - w->t.tv_nsec) / 1e9);
    w->t = now;
}

/* A progress line on stderr ("12/3000 files, 4.1 MB/s") for long runs at
 * a terminal: only when stderr is one and only once the run has lasted a
 * second, so pipes, logs and quick runs never see it. Redrawn at most ten
 * times a second, erased when done or before any message. */
struct progress {
    bool tty;
    bool shown; /* a line is on the screen */
    struct timespec start, last;
    size_t total, done;
    double bytes;
};

static double seconds_between(const struct timespec *a,
                              const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) +
           (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_start(struct progress *pr, size_t total)
{
    memset(pr, 0, sizeof *pr);
    pr->tty = isatty(STDERR_FILENO);
    pr->total = total;
    clock_gettime(CLOCK_MONOTONIC, &pr->start);
}

static void progress_clear(struct progress *pr)
{
    if (pr->shown)
        fputs("\r\033[K", stderr);
    pr->shown = false;
}

/* files more inputs done (0 or 1), `bytes` more bytes of text read. */
static void progress_step(struct progress *pr, size_t files, size_t bytes)
{
    struct timespec now;
    pr->done += files;
    pr->bytes += (double)bytes;
    if (!pr->tty)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double t = seconds_between(&pr->start, &now);
    if (t < 1.0 || (pr->shown && seconds_between(&pr->last, &now) < 0.1))
        return;
    fprintf(stderr, "\rclaimdiff: %zu/%zu files, %.1f MB/s\033[K", pr->done,
            pr->total, pr->bytes / 1e6 / t);
    pr->shown = true;
    pr->last = now;
}

/* One input of the per-document half: what a worker made of it. */
struct job {
    const char *path;
    struct doc *doc; /* the document, unless it failed or was written */
    char *record;    /* extract: the document's record line */
    size_t reclen;
    size_t bytes;    /* the document's size, for the progress line */
    bool failed;     /* could not be loaded (or written): see d */
    struct diag d;
};

/* What to do with each document after load. */
enum job_mode {
    JOB_LOAD,    /* load only (--dump-text) */
    JOB_ANALYSE, /* load and run the per-document stages */
    JOB_EXTRACT, /* ... and turn the document into its record */
};

/* The per-document half over every input, shared by the workers. Input
 * i's job lives in slot i % nslots of a ring as long as the batch window
 * (batch_window), not in one slot per input: extract over a million
 * files holds a few jobs, not a million. */
struct jobs {
    const struct pipeline *p;
    enum job_mode mode;
    char **paths;
    struct job *v;
    size_t nslots;
    unsigned keep;    /* JOB_ANALYSE: what doc_compact keeps */
    struct corpus *c; /* gets the documents, counts the failures */
    struct progress progress;
    /* JOB_EXTRACT: rules_version(), worked out once per run because it
     * hashes every built-in rule (about as much work as a document).
     * Owned here; a copy, so no worker reads another thread's buffer. */
    char *rules;
};

/* What doc_compact must keep of each document: the sentences, which the
 * compare stage (align.c, statements told in other words) and the HTML
 * report read. */
static unsigned compact_keep(const struct opts *o)
{
    (void)o;
    return DOC_KEEP_SENTENCES;
}

/* On a worker: load and analyse one document. Touches only its own job;
 * the engines are read-only (each stage keeps its scratch per run). */
static void job_work(void *ctx, size_t i)
{
    struct jobs *js = ctx;
    struct job *j = &js->v[i % js->nslots];
    memset(j, 0, sizeof *j); /* the slot's last input was delivered */
    j->path = js->paths[i];
    if (load_file(js->p->loader, j->path, LOAD_AUTO, &j->doc, &j->d) != CD_OK) {
        j->failed = true;
        return;
    }
    j->bytes = j->doc->len;
    if (js->mode == JOB_ANALYSE) {
        process_document(js->p, j->doc);
        doc_compact(j->doc, js->keep);
    }
    if (js->mode == JOB_EXTRACT) {
        process_document(js->p, j->doc);
        j->record = docio_format(j->doc, js->rules, &j->reclen, &j->d);
        j->failed = !j->record;
        doc_free(j->doc);
        j->doc = NULL;
    }
}

/* On the main thread, in input order: add the document (or write its
 * record) or report why not, so stdout, stderr and the corpus are the
 * same for any -j. */
static void job_deliver(void *ctx, size_t i)
{
    struct jobs *js = ctx;
    struct job *j = &js->v[i % js->nslots];
    if (j->failed) {
        progress_clear(&js->progress);
        complain(&j->d);
        js->c->failed_inputs++;
    } else if (j->record) {
        fwrite(j->record, 1, j->reclen, stdout);
    } else {
        corpus_add(js->c, j->doc);
    }
    free(j->record);
    j->record = NULL;
    j->doc = NULL;
    progress_step(&js->progress, 1, j->bytes);
}

/* Load every input, o->jobs at a time, and do what mode says; report each
 * one that fails and go on. */
static void load_inputs(const struct pipeline *p, const struct opts *o,
                        struct corpus *c, enum job_mode mode)
{
    struct load_paths paths = {0};
    struct diag d;
    for (size_t i = 0; i < o->ninputs; i++) {
        if (load_expand(o->inputs[i], &paths, &d) != CD_OK) {
            complain(&d);
            c->failed_inputs++;
        }
    }
    unsigned threads = o->jobs ? o->jobs : batch_cpus();
    size_t nslots = batch_window(threads);
    struct jobs js = {p,
                      mode,
                      paths.paths,
                      xcalloc(nslots, sizeof *js.v),
                      nslots,
                      compact_keep(o),
                      c,
                      {0},
                      mode == JOB_EXTRACT ? xstrdup(rules_version()) : NULL};
    progress_start(&js.progress, paths.n);
    batch_run(paths.n, threads, job_work, job_deliver, &js);
    progress_clear(&js.progress);
    free(js.rules);
    free(js.v);
    load_paths_clear(&paths);
}

/* Bad lines of one records file after which the rest of it is not read:
 * by then it is likely no such file at all. */
#define MAX_BAD_LINES 10

/* compare: add the records of the file at path ("-": stdin) to c. A bad
 * line is reported and skipped; a record of other rules or format stops
 * everything (its comparisons would be meaningless): returns false. */
static bool read_record_file(const char *path, unsigned keep,
                             struct corpus *c, struct progress *pr)
{
    bool is_stdin = !strcmp(path, "-"), ok = true;
    FILE *in = is_stdin ? stdin : fopen(path, "rb");
    unsigned nbad = 0;
    struct diag d;
    if (!in) {
        diag_set(&d, CD_ERR_IO, path, 0, 0, "%s", strerror(errno));
        progress_clear(pr);
        complain(&d);
        c->failed_inputs++;
        return true;
    }
    struct docio_reader *r = docio_reader_new(in, path, rules_version());
    for (;;) {
        struct doc *doc;
        enum cd_err err = docio_read(r, &doc, &d);
        if (!err && !doc)
            break;
        if (!err) {
            progress_step(pr, 0, doc->len);
            doc_compact(doc, keep);
            corpus_add(c, doc);
            continue;
        }
        progress_clear(pr);
        complain(&d);
        if (err == CD_ERR_USAGE) {
            ok = false;
            break;
        }
        c->failed_inputs++;
        if (err == CD_ERR_IO || ++nbad == MAX_BAD_LINES) {
            fprintf(stderr, "claimdiff: %s: rest of the file skipped\n", path);
            break;
        }
    }
    docio_reader_free(r);
    if (!is_stdin)
        fclose(in);
    progress_step(pr, 1, 0);
    return ok;
}

/* compare: read the records of every input into c, in order; false when
 * a record file must not be compared (read_record_file). */
static bool read_records(const struct opts *o, struct corpus *c)
{
    struct progress pr;
    bool ok = true;
    progress_start(&pr, o->ninputs);
    for (size_t i = 0; ok && i < o->ninputs; i++)
        ok = read_record_file(o->inputs[i], compact_keep(o), c, &pr);
    progress_clear(&pr);
    return ok;
}

/* --expect: print each drift and a closing count instead of the report. */
static int check_expectation(const struct expect *ex, const struct corpus *c)
{
    struct expect_report *r;
    struct diag d;
    int status;
    if (expect_run(ex, c, &r, &d) != CD_OK) {
        complain(&d);
        return CD_EXIT_ERROR;
    }
    for (size_t i = 0; i < r->ndrifts; i++)
        fputs(r->drifts[i].text, stdout);
    fputs(r->summary, stdout);
    status = r->ndrifts ? CD_EXIT_FOUND : CD_EXIT_OK;
    expect_report_free(r);
    return status;
}

/* Does c hold a verdict as bad as --fail-on names, or worse? */
static bool fails(const struct corpus *c, enum opts_fail_on mode)
{
    enum verdict worst = mode == FAIL_ON_PARTIAL ? VERDICT_PARTIAL
                                                 : VERDICT_CONFLICT;
    if (mode == FAIL_ON_NONE)
        return false;
    for (size_t i = 0; i < c->ncomparisons; i++)
        if (c->comparisons[i].verdict <= worst)
            return true;
    return false;
}

static bool want_color(enum opts_color mode)
{
    const char *no_color = getenv("NO_COLOR");
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    return isatty(STDOUT_FILENO) && !(no_color && no_color[0]);
}

int main(int argc, char **argv)
{
    struct opts o;
    struct diag d;
    struct pipeline p;
    struct corpus *c = NULL;
    struct expect *ex = NULL;
    int status = CD_EXIT_OK;

    memset(&p, 0, sizeof p);
#ifdef __GLIBC__
    /* glibc raises its mmap threshold to the size of every large block
     * freed, so after the first document the arrays that the compare
     * stage grows by doubling move into the heap, each step leaving the
     * last one as a hole only smaller blocks can reuse. A fixed
     * threshold keeps large arrays in their own mappings (mremap grows
     * them in place) and gives freed ones back: 8 MB less peak RSS on
     * 5,000 articles. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    if (opts_parse(argc, argv, &o, &d) != CD_OK) {
        fprintf(stderr, "claimdiff: %s\n%s", d.msg,
                "Try 'claimdiff --help' for more information.\n");
        return CD_EXIT_ERROR;
    }
    if (o.help) {
        fputs(opts_usage(), stdout);
        goto out;
    }
    if (o.version) {
        printf("claimdiff %s (rules %s)\n", CLAIMDIFF_VERSION, rules_version());
        goto out;
    }
    if (o.expect && expect_load(o.expect, &ex, &d) != CD_OK) {
        complain(&d);
        status = CD_EXIT_ERROR;
        goto out;
    }
    if (pipeline_new(&p, o.rules_dir, &d) != CD_OK) {
        complain(&d);
        status = CD_EXIT_ERROR;
        goto out;
    }

    const char *timings = getenv("CLAIMDIFF_TIMINGS");
    struct stopwatch sw = {timings && timings[0] && strcmp(timings, "0"), {0, 0}};
    lap(&sw, NULL);
    c = corpus_new();
    if (o.command == CMD_EXTRACT) {
        load_inputs(&p, &o, c, JOB_EXTRACT);
        lap(&sw, "documents");
        goto done;
    }
    if (o.command == CMD_COMPARE) {
        if (!read_records(&o, c)) {
            status = CD_EXIT_ERROR;
            goto out;
        }
    } else {
        load_inputs(&p, &o, c, o.dump == DUMP_NONE ? JOB_ANALYSE : JOB_LOAD);
    }
    lap(&sw, "documents");
    c->free_sentences = o.format != FORMAT_HTML;
    struct report_opts ro = {want_color(o.color), o.all, o.explain, o.only};
    if (o.dump != DUMP_NONE) {
        report_dump_text(stdout, c, o.dump == DUMP_BODY, ro.color);
    } else {
        link_run(p.linker, c);
        lap(&sw, "link");
        anchor_run(c);
        lap(&sw, "anchor");
        compare_run(p.comparer, c);
        lap(&sw, "compare");
        if (ex) {
            status = check_expectation(ex, c);
        } else if (o.format == FORMAT_JSON) {
            report_json(stdout, c, &ro);
        } else if (o.format == FORMAT_JSONL) {
            report_jsonl(stdout, c, &ro);
        } else if (o.format == FORMAT_HTML) {
            if (report_html(stdout, c, &ro) != CD_OK) {
                fprintf(stderr, "claimdiff: writing the HTML report failed\n");
                status = CD_EXIT_ERROR;
            }
        } else {
            report_text(stdout, c, &ro);
        }
        fflush(stdout);
        lap(&sw, "report");
    }
    if (status == CD_EXIT_OK && fails(c, o.fail_on))
        status = CD_EXIT_FOUND;
done:
    if (c->failed_inputs)
        status = CD_EXIT_ERROR;

out:
    expect_free(ex);
    corpus_free(c);
    pipeline_free(&p);
    if (ferror(stdout) || fclose(stdout) != 0) {
        fprintf(stderr, "claimdiff: writing output failed\n");
        status = CD_EXIT_ERROR;
    }
    return status;
}
