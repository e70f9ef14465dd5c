/* test_adjlist.c - settling neighbour lists (adjlist.h) against the plain
 * way: map, stable sort by root, sum runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "adjlist.h"
#include "claimdiff/arena.h"
#include "unionfind.h"

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

struct keyed {
    unsigned root;
    size_t pos;
    double sum;
};

static int cmp_keyed(const void *x, const void *y)
{
    const struct keyed *a = x, *b = y;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos); /* stable */
}

/* The plain settle: every id to its root, self dropped, a stable sort by
 * root, each run summed in list order. */
static size_t plain_settle(const struct adj_list *l, unsigned *uf,
                           unsigned self, struct adj *out)
{
    struct keyed *k = xmalloc((l->n + 1) * sizeof *k);
    size_t n = 0, o = 0;
    for (size_t i = 0; i < l->n; i++) {
        unsigned r = uf_find(uf, l->v[i].to);
        if (r != self)
            k[n++] = (struct keyed){r, i, l->v[i].sum};
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n; i++) {
        if (o && out[o - 1].to == k[i].root)
            out[o - 1].sum += k[i].sum;
        else
            out[o++] = (struct adj){k[i].root, k[i].sum};
    }
    free(k);
    return o;
}

/* Which way adj_settle orders l: 0 in order already, 1 by bits, 2 by the
 * radix sort (the same test as adj_settle's, on the first occurrences). */
static int way_of(const struct adj_list *l, unsigned *uf, unsigned self,
                  const struct adj *settled, size_t n)
{
    unsigned prev = 0;
    size_t o = 0;
    int sorted = 1;
    unsigned char *seen = xcalloc(1, 4096);
    for (size_t i = 0; i < l->n; i++) {
        unsigned r = uf_find(uf, l->v[i].to);
        if (r == self || seen[r])
            continue;
        seen[r] = 1;
        if (o++ && r < prev)
            sorted = 0;
        prev = r;
    }
    free(seen);
    if (sorted || !n)
        return 0;
    return settled[n - 1].to / 64 - settled[0].to / 64 <= 2 * n ? 1 : 2;
}

/* Random lists over ids below nid, a random union-find (mode 0: a few
 * unions, so lists stay nearly in order; 1: many), and lists that are
 * sorted, shuffled, short over a wide range (the radix sort) or long
 * over a narrow one (the bits). The settled list must equal the plain
 * one, sums to the bit. */
static void check_random(unsigned nid, int mode, uint32_t seed)
{
    unsigned *uf = xmalloc(nid * sizeof *uf);
    struct adj_scratch x;
    adj_scratch_init(&x, nid);
    struct adj *want = xmalloc((4 * nid + 1) * sizeof *want);
    size_t paths[3] = {0};
    for (int round = 0; round < 400; round++) {
        for (unsigned i = 0; i < nid; i++)
            uf[i] = i;
        unsigned nunion = mode ? nid / 2 : nid / 20;
        for (unsigned i = 0; i < nunion; i++)
            uf_union(uf, next_rand(&seed) % nid, next_rand(&seed) % nid);
        struct adj_list l = {0};
        size_t n = next_rand(&seed) % (round % 4 == 0 ? 8 : 4 * nid);
        unsigned span = round % 3 == 0 ? nid : 1 + nid / 8;
        unsigned base = next_rand(&seed) % (nid - span + 1);
        for (size_t i = 0; i < n; i++) {
            unsigned to = base + next_rand(&seed) % span;
            /* a sum that rounds differently in another order */
            double s = (double)(next_rand(&seed) % 1000) / 7.0 + 1e-9 * i;
            adj_add(&l, to, s);
        }
        if (round % 5 == 1) /* in order already, ids unmapped */
            for (size_t i = 1; i < l.n; i++)
                l.v[i].to = l.v[i - 1].to + 1 < nid ? l.v[i - 1].to + 1
                                                      : l.v[i - 1].to;
        unsigned self = uf_find(uf, next_rand(&seed) % nid);
        size_t nw = plain_settle(&l, uf, self, want);
        paths[way_of(&l, uf, self, want, nw)]++;
        adj_settle(&l, uf, &x, self);
        assert_int_equal(l.n, nw);
        for (size_t i = 0; i < nw; i++) {
            assert_int_equal(l.v[i].to, want[i].to);
            assert_memory_equal(&l.v[i].sum, &want[i].sum, sizeof(double));
        }
        for (unsigned i = 0; i < nid; i++)
            assert_int_equal(x.slot[i], UINT_MAX); /* left clear */
        for (size_t w = 0; w < x.nwords; w++)
            assert_true(x.bits[w] == 0);
        free(l.v);
    }
    assert_true(paths[0] > 0 && paths[1] > 0);
    if (nid > 1000) /* 8 entries over 2,000 ids span more words */
        assert_true(paths[2] > 0);
    free(want);
    adj_scratch_free(&x);
    free(uf);
}

static void test_settled_lists_equal_the_plain_settle(void **state)
{
    (void)state;
    check_random(50, 0, 0x1234567u);
    check_random(50, 1, 0x89abcdeu);
    check_random(2000, 0, 0x2545f491u);
    check_random(2000, 1, 0x9e3779b9u);
}

static void test_a_list_gets_another_appended_in_order(void **state)
{
    (void)state;
    struct adj_list a = {0}, b = {0};
    adj_add(&a, 3, 1.0);
    adj_add(&b, 1, 2.0);
    adj_add(&b, 3, 4.0);
    adj_append(&a, &b);
    adj_append(&a, &(struct adj_list){0});
    assert_int_equal(a.n, 3);
    assert_int_equal(a.v[1].to, 1);
    assert_int_equal(a.v[2].to, 3);
    unsigned uf[4] = {0, 1, 2, 3};
    struct adj_scratch x;
    adj_scratch_init(&x, 4);
    adj_settle(&a, uf, &x, 0);
    assert_int_equal(a.n, 2);
    assert_int_equal(a.v[0].to, 1);
    assert_true(a.v[1].sum == 5.0);
    adj_scratch_free(&x);
    free(a.v);
    free(b.v);
}

/* adj_settled says yes exactly when settling would change nothing, for
 * random short lists over few ids: ascending, repeating or shuffled,
 * under a few unions (stale ids) and with self among them at times. */
static void test_a_list_is_settled_when_settling_changes_nothing(void **state)
{
    (void)state;
    uint32_t seed = 0xdeadbeefu;
    enum { NID = 40 };
    unsigned uf[NID];
    struct adj_scratch x;
    adj_scratch_init(&x, NID);
    size_t yes = 0, no = 0;
    for (int round = 0; round < 4000; round++) {
        for (unsigned i = 0; i < NID; i++)
            uf[i] = i;
        for (int k = round % 3; k > 0; k--)
            uf_union(uf, next_rand(&seed) % NID, next_rand(&seed) % NID);
        struct adj_list l = {0};
        unsigned to = next_rand(&seed) % 4;
        size_t n = next_rand(&seed) % 6;
        for (size_t i = 0; i < n && to < NID; i++) {
            adj_add(&l, to, (double)i + 0.5);
            to += round % 2 ? 1 + next_rand(&seed) % 5 : 0;
            if (round % 7 == 0)
                to = next_rand(&seed) % NID;
        }
        unsigned self = uf_find(uf, next_rand(&seed) % NID);
        struct adj *copy = xmalloc((l.n + 1) * sizeof *copy);
        if (l.n)
            memcpy(copy, l.v, l.n * sizeof *copy);
        size_t n0 = l.n;
        bool settled = adj_settled(&l, uf, self);
        adj_settle(&l, uf, &x, self);
        bool same = l.n == n0 && (!n0 || !memcmp(copy, l.v, n0 * sizeof *copy));
        assert_int_equal(settled, same);
        yes += settled;
        no += !settled;
        free(copy);
        free(l.v);
    }
    assert_true(yes > 100 && no > 100);
    adj_scratch_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settled_lists_equal_the_plain_settle),
        cmocka_unit_test(test_a_list_gets_another_appended_in_order),
        cmocka_unit_test(test_a_list_is_settled_when_settling_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
