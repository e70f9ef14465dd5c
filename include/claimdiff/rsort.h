/* rsort.h - stable sort of records by an unsigned 32-bit key.
 *
 * For the linker's pair and neighbour lists: tens of thousands of records
 * keyed by a document or cluster index, where qsort's comparison calls
 * were a third of the stage. The order is exactly a stable sort's, so a
 * caller that sums equal keys in order gets the same floating-point sums.
 */
#ifndef CLAIMDIFF_RSORT_H
#define CLAIMDIFF_RSORT_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* Sort the n records of `size` bytes at base, stably, by the unsigned
 * int at byte offset key_offset of each record. Allocates scratch of
 * n * size bytes for the call (none for short arrays); aborts on out of
 * memory like xmalloc. */
void rsort_by_u32(void *base, size_t n, size_t size, size_t key_offset);

/* A record's 128-bit sort key (hi, then lo) and its index before the
 * sort, for rsort_keys: a multi-field order (compare.c's items by
 * story, class, thing, day, ...) with each field packed as a rank. */
struct rsort_key {
    uint64_t hi, lo;
    size_t at;
};

/* Sort k[0..n) stably by (hi, lo), unsigned. Only the low `bits` bits
 * of the 128 are read (bits <= 128; the caller keeps the others zero).
 * Afterwards k[i].at names the record that goes i-th. Scratch as
 * rsort_by_u32. */
void rsort_keys(struct rsort_key *k, size_t n, unsigned bits);

/* Put the n records of `size` bytes at base in the order rsort_keys
 * left in k (record k[i].at goes to place i), in place; k's `at` fields
 * are overwritten. */
void rsort_apply(void *base, size_t n, size_t size, struct rsort_key *k);

/* Ranks: values (a string's address, a number) given dense ids as they
 * are added, then ranked in their kind's order, values that order holds
 * equal (two copies of one string) sharing a rank. So a sort by strings
 * becomes a sort by small integers. The table owns its arrays; string
 * values are read, never kept past rsort_rank_free. */
enum rsort_rank_kind {
    RSORT_RANK_STRING, /* the value is a const char * (non-NULL); strcmp */
    RSORT_RANK_SIGNED  /* the value is an int64_t; numeric order */
};

struct rsort_rank;

/* A new, empty table; aborts on out of memory like xmalloc. */
struct rsort_rank *rsort_rank_new(enum rsort_rank_kind kind);

/* The id of value v (0, 1, ... in order of first addition). */
unsigned rsort_rank_add(struct rsort_rank *r, uint64_t v);

/* Rank the values added so far; call before rsort_rank_of. */
void rsort_rank_order(struct rsort_rank *r);

/* The rank of the value with id `id` (0 for the least), and the
 * largest rank given. */
unsigned rsort_rank_of(const struct rsort_rank *r, unsigned id);
unsigned rsort_rank_top(const struct rsort_rank *r);

/* The ranks by id, rsort_rank_of for a loop: valid until r changes. */
const unsigned *rsort_rank_all(const struct rsort_rank *r);

/* The number of values added, and the value with id `id` (< count). */
size_t rsort_rank_count(const struct rsort_rank *r);
uint64_t rsort_rank_value(const struct rsort_rank *r, unsigned id);

/* The rank of value v, which must have been added: a lookup by value. */
unsigned rsort_rank_find(const struct rsort_rank *r, uint64_t v);

/* Release r; NULL is a no-op. */
void rsort_rank_free(struct rsort_rank *r);

#endif
