/* test_docpair.c - pair sums from the document index (docpair.h) equal,
 * to the bit and in the same order, what listing every pair of every
 * feature, sorting the list stably by (a, b) and summing each run gave
 * (link.c's way before docpair). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/docpair.h"

/* ---- the plain path: one entry per pair of every feature -------------- */

struct plain_pair {
    unsigned a, b;
    size_t seq; /* position in the list: makes the sort stable */
    double w;
    bool word;
};

struct plain {
    struct plain_pair *v;
    size_t n, cap;
};

static void plain_push(struct plain *p, struct plain_pair x)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 64;
        p->v = realloc(p->v, p->cap * sizeof *p->v);
        assert_non_null(p->v);
    }
    x.seq = p->n;
    p->v[p->n++] = x;
}

static int cmp_plain(const void *x, const void *y)
{
    const struct plain_pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    if (p->b != q->b)
        return (p->b > q->b) - (p->b < q->b);
    return (p->seq > q->seq) - (p->seq < q->seq);
}

/* ---- what docpair_each reported ---------------------------------------- */

struct got {
    unsigned a, b;
    struct docpair_sum sum;
};

struct gots {
    struct got *v;
    size_t n, cap;
};

static void collect(void *ctx, unsigned a, unsigned b,
                    const struct docpair_sum *sum)
{
    struct gots *g = ctx;
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->v = realloc(g->v, g->cap * sizeof *g->v);
        assert_non_null(g->v);
    }
    g->v[g->n++] = (struct got){a, b, *sum};
}

/* One random corpus of ndocs documents and nfeat features, each feature
 * in 1 to 4 of every `of` documents, fed to both paths; every run of the
 * sorted list must be one report, in order. */
static void check_random_case(unsigned ndocs, unsigned nfeat, unsigned of)
{
    struct docpair_set *s = docpair_new(ndocs);
    struct plain p = {0};
    unsigned *docs = malloc(ndocs * sizeof *docs);
    bool *named = malloc(ndocs * sizeof *named);
    assert_non_null(docs);
    assert_non_null(named);
    for (unsigned f = 0; f < nfeat; f++) {
        /* weights with many bits, so a different order of addition
         * would show in the last bits of the sums */
        double w = (double)rand() / RAND_MAX * 7.3 + 1e-3 * (rand() % 97);
        bool word = rand() % 3 == 0;
        unsigned n = 0;
        unsigned keep = 1 + (unsigned)rand() % 4; /* feature density */
        for (unsigned d = 0; d < ndocs; d++)
            if ((unsigned)rand() % of < keep) {
                docs[n] = d;
                named[n++] = rand() % 2 == 0;
            }
        docpair_feature(s, w, word);
        for (unsigned i = 0; i < n; i++)
            docpair_add(s, docs[i], named[i]);
        for (unsigned i = 0; i < n; i++)
            for (unsigned j = i + 1; j < n; j++)
                if (!(word && named[i] && named[j]))
                    plain_push(&p, (struct plain_pair){docs[i], docs[j], 0,
                                                       w, word});
    }
    struct gots g = {0};
    docpair_each(s, collect, &g);
    if (p.n)
        qsort(p.v, p.n, sizeof *p.v, cmp_plain);
    size_t k = 0;
    for (size_t i = 0; i < p.n;) {
        size_t j = i;
        double shared = 0;
        while (j < p.n && p.v[j].a == p.v[i].a && p.v[j].b == p.v[i].b)
            shared += p.v[j++].w;
        assert_true(k < g.n);
        assert_int_equal(g.v[k].a, p.v[i].a);
        assert_int_equal(g.v[k].b, p.v[i].b);
        assert_int_equal(g.v[k].sum.n, j - i);
        assert_memory_equal(&g.v[k].sum.shared, &shared, sizeof shared);
        assert_memory_equal(&g.v[k].sum.first_w, &p.v[i].w, sizeof shared);
        assert_int_equal(g.v[k].sum.first_word, p.v[i].word);
        k++;
        i = j;
    }
    assert_int_equal(k, g.n);
    free(g.v);
    free(p.v);
    free(docs);
    free(named);
    docpair_free(s);
}

static void test_sums_equal_the_sorted_pair_list_to_the_bit(void **state)
{
    (void)state;
    srand(7);
    for (unsigned round = 0; round < 300; round++)
        check_random_case(1 + (unsigned)rand() % 40,
                          (unsigned)rand() % 30, 8);
}

/* docpair_each reports a document's pairs by reading bits when it shares
 * with many of the later documents and by sorting them when with few:
 * sparse features over many documents take the second way, dense ones
 * the first, and a mix switches from one document to the next. */
static void test_sparse_and_dense_pairs_come_in_order(void **state)
{
    (void)state;
    srand(11);
    for (unsigned round = 0; round < 12; round++) {
        bool dense = round % 3 == 0;
        check_random_case(dense ? 100 + (unsigned)rand() % 300
                                : 1500 + (unsigned)rand() % 500,
                          dense ? 1 + (unsigned)rand() % 3
                                : 200 + (unsigned)rand() % 200,
                          dense ? 8 : 1000);
    }
}

static void test_named_documents_share_nothing_through_a_word(void **state)
{
    (void)state;
    struct docpair_set *s = docpair_new(3);
    docpair_feature(s, 2.0, true);
    docpair_add(s, 0, true);
    docpair_add(s, 1, true);
    docpair_add(s, 2, false);
    docpair_feature(s, 0.5, false);
    docpair_add(s, 0, true);
    docpair_add(s, 1, true);
    struct gots g = {0};
    docpair_each(s, collect, &g);
    assert_int_equal(g.n, 3);
    /* 0-1: only the entity, since both are named in the word */
    assert_int_equal(g.v[0].a, 0);
    assert_int_equal(g.v[0].b, 1);
    assert_int_equal(g.v[0].sum.n, 1);
    assert_false(g.v[0].sum.first_word);
    assert_true(g.v[0].sum.shared == 0.5);
    /* 0-2 and 1-2: the word alone */
    assert_int_equal(g.v[1].b, 2);
    assert_true(g.v[1].sum.first_word);
    assert_int_equal(g.v[2].a, 1);
    assert_int_equal(g.v[2].b, 2);
    free(g.v);
    docpair_free(s);
}

static void test_empty_set_reports_nothing(void **state)
{
    (void)state;
    struct docpair_set *s = docpair_new(0);
    struct gots g = {0};
    docpair_each(s, collect, &g);
    assert_int_equal(g.n, 0);
    docpair_free(s);
    docpair_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sums_equal_the_sorted_pair_list_to_the_bit),
        cmocka_unit_test(test_sparse_and_dense_pairs_come_in_order),
        cmocka_unit_test(test_named_documents_share_nothing_through_a_word),
        cmocka_unit_test(test_empty_set_reports_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
