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

/* Sort the n records of `size` bytes at base, stably, by the unsigned
 * int at byte offset key_offset of each record. Allocates scratch of
 * n * size bytes for the call (none for short arrays); aborts on out of
 * memory like xmalloc. */
void rsort_by_u32(void *base, size_t n, size_t size, size_t key_offset);

#endif
