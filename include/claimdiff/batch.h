/* batch.h - run the per-document half on several threads, in input order.
 *
 * Items 0..n-1 are worked on by up to nthreads threads in any order; each
 * finished item is delivered on the calling thread in input order, so
 * whatever deliver does (add to a corpus, print) happens exactly as with
 * one thread. The batch owns nothing of the caller's: results go through
 * ctx, which the caller owns; work must touch only item i's share of it.
 */
#ifndef CLAIMDIFF_BATCH_H
#define CLAIMDIFF_BATCH_H

#include <stddef.h> /* size_t */

/* Most threads a batch starts; more would only contend. */
#define BATCH_MAX_THREADS 256

/* Called on a worker thread, at most once for each i, possibly at the same
 * time as other work calls and as deliver for a smaller i. */
typedef void batch_work_fn(void *ctx, size_t i);

/* Called on the calling thread for i = 0, 1, ... n-1, each after work(i)
 * has returned. */
typedef void batch_deliver_fn(void *ctx, size_t i);

/* Work and deliver n items with nthreads threads (1 runs everything on the
 * calling thread and starts none; 0 is taken as 1, more than
 * BATCH_MAX_THREADS as that). Never more than a small window of items
 * (a few per thread) is worked on ahead of the next one delivered, so
 * memory stays bounded when deliver releases what work made. If a thread
 * cannot be started, the batch goes on with those that could (with none,
 * on the calling thread alone). */
void batch_run(size_t n, unsigned nthreads, batch_work_fn *work,
               batch_deliver_fn *deliver, void *ctx);

/* Most items work is called for ahead of delivery with nthreads threads:
 * work(i) runs only once every item below i - batch_window(nthreads) + 1
 * has been delivered. A caller may therefore keep per-item state in a
 * ring of this many slots (slot i % window), reused as items are
 * delivered, instead of one slot per item. At least 1. */
size_t batch_window(unsigned nthreads);

/* Processors online (at least 1), for -j 0. */
unsigned batch_cpus(void);

#endif
