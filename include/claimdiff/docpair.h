/* docpair.h - what pairs of documents share, summed without listing pairs.
 *
 * Used by link's story clustering: each feature (an entity, a thing, a
 * capitalised word) names the documents it occurs in and a weight, and
 * every two documents of a feature share that weight. Listing every
 * (a, b, w) and sorting the list held 24 bytes per pair of every feature
 * (the largest block of the link stage); this walks an index of the
 * features by document instead and holds O(documents + memberships).
 * The set owns everything it allocates; docpair_free releases it.
 */
#ifndef CLAIMDIFF_DOCPAIR_H
#define CLAIMDIFF_DOCPAIR_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

struct docpair_set;

/* What documents a and b share, as docpair_each reports it. */
struct docpair_sum {
    double shared;   /* 0 + w1 + w2 + ... over their features, in the
                        order the features were added */
    size_t n;        /* how many features they share (>= 1) */
    double first_w;  /* the weight of the first of them */
    bool first_word; /* whether the first of them is a word feature */
};

/* An empty set over documents 0..ndocs-1. Never NULL. */
struct docpair_set *docpair_new(size_t ndocs);

/* Start a feature of weight w; the documents added next are its own.
 * With word set, two of its documents that are both `named` share
 * nothing through it (link: a word inside mentions in both is already
 * an entity's pair). */
void docpair_feature(struct docpair_set *s, double w, bool word);

/* Add document doc (< ndocs) to the current feature. The documents of
 * one feature must come in strictly increasing order. */
void docpair_add(struct docpair_set *s, unsigned doc, bool named);

/* Call fn once for every pair a < b sharing at least one feature, in
 * order of a, then b, with their sum. The sums are the same, to the
 * bit, as adding the weights pair by pair in feature order. The set is
 * not changed; NULL fn is not accepted. */
void docpair_each(const struct docpair_set *s,
                  void (*fn)(void *ctx, unsigned a, unsigned b,
                             const struct docpair_sum *sum),
                  void *ctx);

/* Release the set. NULL is a no-op. */
void docpair_free(struct docpair_set *s);

#endif
