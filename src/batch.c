/* batch.c - a worker pool that hands results back in input order.
 *
 * Workers take the next item number under one lock; the calling thread
 * waits for the item it must deliver next. The window keeps workers from
 * running far ahead of delivery: with one huge document first, the others
 * wait rather than pile up in memory. */
#include "claimdiff/batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdbool.h>
#include <unistd.h>

#include "claimdiff/arena.h"

/* Items a thread may be ahead of delivery. */
#define WINDOW_PER_THREAD 4

struct batch {
    pthread_mutex_t lock;
    pthread_cond_t finished; /* an item's work returned (main waits) */
    pthread_cond_t room;     /* delivery moved the window (workers wait) */
    size_t n;
    size_t next;      /* next item to hand to a worker */
    size_t delivered; /* items delivered so far */
    size_t window;
    bool *done; /* done[i]: work(i) has returned */
    batch_work_fn *work;
    void *ctx;
};

static void *worker(void *arg)
{
    struct batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->next < b->n && b->next >= b->delivered + b->window)
            pthread_cond_wait(&b->room, &b->lock);
        if (b->next >= b->n)
            break;
        size_t i = b->next++;
        pthread_mutex_unlock(&b->lock);
        b->work(b->ctx, i);
        pthread_mutex_lock(&b->lock);
        b->done[i] = true;
        pthread_cond_signal(&b->finished);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

static void run_serial(size_t n, batch_work_fn *work,
                       batch_deliver_fn *deliver, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        work(ctx, i);
        deliver(ctx, i);
    }
}

void batch_run(size_t n, unsigned nthreads, batch_work_fn *work,
               batch_deliver_fn *deliver, void *ctx)
{
    if (nthreads > BATCH_MAX_THREADS)
        nthreads = BATCH_MAX_THREADS;
    if (nthreads > n)
        nthreads = (unsigned)n;
    if (nthreads <= 1) {
        run_serial(n, work, deliver, ctx);
        return;
    }
    struct batch b = {.n = n,
                      .window = batch_window(nthreads),
                      .done = xcalloc(n, sizeof(bool)),
                      .work = work,
                      .ctx = ctx};
    pthread_t *tids = xcalloc(nthreads, sizeof *tids);
    unsigned started = 0;
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.finished, NULL);
    pthread_cond_init(&b.room, NULL);
    for (unsigned t = 0; t < nthreads; t++)
        if (pthread_create(&tids[started], NULL, worker, &b) == 0)
            started++;
    if (started == 0) {
        run_serial(n, work, deliver, ctx);
    } else {
        for (size_t i = 0; i < n; i++) {
            pthread_mutex_lock(&b.lock);
            while (!b.done[i])
                pthread_cond_wait(&b.finished, &b.lock);
            pthread_mutex_unlock(&b.lock);
            deliver(ctx, i);
            pthread_mutex_lock(&b.lock);
            b.delivered = i + 1;
            pthread_cond_broadcast(&b.room);
            pthread_mutex_unlock(&b.lock);
        }
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    pthread_cond_destroy(&b.room);
    pthread_cond_destroy(&b.finished);
    pthread_mutex_destroy(&b.lock);
    free(tids);
    free(b.done);
}

size_t batch_window(unsigned nthreads)
{
    if (nthreads > BATCH_MAX_THREADS)
        nthreads = BATCH_MAX_THREADS;
    /* Serially, work(i) is followed by deliver(i): one slot would do. */
    return nthreads <= 1 ? 1 : (size_t)nthreads * WINDOW_PER_THREAD;
}

unsigned batch_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > BATCH_MAX_THREADS ? BATCH_MAX_THREADS : (unsigned)n;
}
