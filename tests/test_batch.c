/* test_batch.c - the worker pool that delivers in input order (batch.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimdiff/arena.h"
#include "claimdiff/batch.h"

/* What the callbacks saw. work writes only its own slot; the counters
 * shared between threads are under the lock. */
struct seen {
    size_t n;
    unsigned *worked;      /* times work(i) ran */
    unsigned long *result; /* work(i)'s product, read by deliver */
    size_t *order;         /* deliver's i, in call order */
    size_t ndelivered;
    pthread_mutex_t lock;
    size_t started;        /* work calls begun */
    size_t max_ahead;      /* largest started - ndelivered seen */
    bool bad_result;       /* deliver saw a slot work had not filled */
};

static void work(void *ctx, size_t i)
{
    struct seen *s = ctx;
    pthread_mutex_lock(&s->lock);
    s->started++;
    if (s->started - s->ndelivered > s->max_ahead)
        s->max_ahead = s->started - s->ndelivered;
    pthread_mutex_unlock(&s->lock);
    /* Uneven work, so later items often finish first. */
    struct timespec nap = {0, (long)(i % 7) * 20000};
    nanosleep(&nap, NULL);
    s->result[i] = i * 2 + 1;
    s->worked[i]++;
}

static void deliver(void *ctx, size_t i)
{
    struct seen *s = ctx;
    if (s->result[i] != i * 2 + 1)
        s->bad_result = true;
    pthread_mutex_lock(&s->lock);
    s->order[s->ndelivered++] = i;
    pthread_mutex_unlock(&s->lock);
}

static void run(size_t n, unsigned threads, struct seen *s)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    s->worked = xcalloc(n + 1, sizeof *s->worked);
    s->result = xcalloc(n + 1, sizeof *s->result);
    s->order = xcalloc(n + 1, sizeof *s->order);
    pthread_mutex_init(&s->lock, NULL);
    batch_run(n, threads, work, deliver, s);
}

static void done(struct seen *s)
{
    pthread_mutex_destroy(&s->lock);
    free(s->worked);
    free(s->result);
    free(s->order);
}

static void check_in_order(const struct seen *s)
{
    assert_int_equal(s->ndelivered, s->n);
    for (size_t i = 0; i < s->n; i++) {
        assert_int_equal(s->order[i], i);
        assert_int_equal(s->worked[i], 1);
    }
    assert_false(s->bad_result);
}

static void test_each_item_is_worked_once_and_delivered_in_order(void **state)
{
    (void)state;
    static const unsigned threads[] = {0, 1, 2, 3, 8, BATCH_MAX_THREADS + 5};
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        struct seen s;
        run(500, threads[t], &s);
        check_in_order(&s);
        done(&s);
    }
}

static void test_no_items_calls_nothing(void **state)
{
    (void)state;
    struct seen s;
    run(0, 4, &s);
    assert_int_equal(s.ndelivered, 0);
    assert_int_equal(s.started, 0);
    done(&s);
}

static void test_workers_stay_within_a_window_of_delivery(void **state)
{
    (void)state;
    struct seen s;
    run(2000, 4, &s);
    check_in_order(&s);
    /* A few items per thread, never the whole input. */
    assert_true(s.max_ahead <= 4 * 4 + 1);
    done(&s);
}

static void test_one_thread_alternates_work_and_deliver(void **state)
{
    (void)state;
    struct seen s;
    run(50, 1, &s);
    check_in_order(&s);
    assert_int_equal(s.max_ahead, 1);
    done(&s);
}

static void test_cpus_is_at_least_one(void **state)
{
    (void)state;
    assert_true(batch_cpus() >= 1);
    assert_true(batch_cpus() <= BATCH_MAX_THREADS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_item_is_worked_once_and_delivered_in_order),
        cmocka_unit_test(test_no_items_calls_nothing),
        cmocka_unit_test(test_workers_stay_within_a_window_of_delivery),
        cmocka_unit_test(test_one_thread_alternates_work_and_deliver),
        cmocka_unit_test(test_cpus_is_at_least_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
