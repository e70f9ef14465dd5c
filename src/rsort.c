/* rsort.c - least-significant-digit radix sort, one byte per pass. */
#include "claimdiff/rsort.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"

/* Below this, insertion sort beats four 256-entry counting passes. */
#define RSORT_SMALL 48

static unsigned key_at(const unsigned char *rec, size_t key_offset)
{
    unsigned k;
    memcpy(&k, rec + key_offset, sizeof k);
    return k;
}

static void insertion_sort(unsigned char *base, size_t n, size_t size,
                           size_t key_offset, unsigned char *hold)
{
    for (size_t i = 1; i < n; i++) {
        unsigned k = key_at(base + i * size, key_offset);
        size_t j = i;
        /* strictly greater only: equal keys keep their order */
        while (j > 0 && key_at(base + (j - 1) * size, key_offset) > k)
            j--;
        if (j == i)
            continue;
        memcpy(hold, base + i * size, size);
        memmove(base + (j + 1) * size, base + j * size, (i - j) * size);
        memcpy(base + j * size, hold, size);
    }
}

/* One stable counting pass on the byte at shift; false (nothing moved)
 * when every key has the same byte there. */
#if defined(__GNUC__)
#define RSORT_INLINE inline __attribute__((always_inline))
#else
#define RSORT_INLINE inline
#endif

static RSORT_INLINE int radix_pass(const unsigned char *from, unsigned char *to, size_t n,
                      size_t size, size_t key_offset, unsigned shift)
{
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(key_at(from + i * size, key_offset) >> shift) & 0xff]++;
    for (size_t d = 0; d < 256; d++)
        if (count[d] == n)
            return 0;
    size_t at = 0;
    for (size_t d = 0; d < 256; d++) {
        size_t c = count[d];
        count[d] = at;
        at += c;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *rec = from + i * size;
        unsigned d = (key_at(rec, key_offset) >> shift) & 0xff;
        memcpy(to + count[d]++ * size, rec, size);
    }
    return 1;
}

/* The record sizes the callers use get a pass of their own, where the
 * copy is a constant-size move instead of a memcpy call. */
static int sized_pass(const unsigned char *from, unsigned char *to, size_t n,
                      size_t size, size_t key_offset, unsigned shift)
{
    switch (size) {
    case 8:
        return radix_pass(from, to, n, 8, key_offset, shift);
    case 16:
        return radix_pass(from, to, n, 16, key_offset, shift);
    case 24:
        return radix_pass(from, to, n, 24, key_offset, shift);
    default:
        return radix_pass(from, to, n, size, key_offset, shift);
    }
}

void rsort_by_u32(void *base, size_t n, size_t size, size_t key_offset)
{
    if (n < 2)
        return;
    if (n < RSORT_SMALL) {
        unsigned char stack[64];
        unsigned char *hold = size <= sizeof stack ? stack : xmalloc(size);
        insertion_sort(base, n, size, key_offset, hold);
        if (hold != stack)
            free(hold);
        return;
    }
    unsigned char *a = base;
    unsigned top = 0;
    int sorted = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned k = key_at(a + i * size, key_offset);
        if (i && k < key_at(a + (i - 1) * size, key_offset))
            sorted = 0;
        top |= k;
    }
    if (sorted)
        return;
    unsigned char *b = xmalloc(n * size);
    /* bytes above the largest key's highest are zero in every key */
    for (unsigned shift = 0; shift < 32 && top >> shift; shift += 8)
        if (sized_pass(a, b, n, size, key_offset, shift)) {
            unsigned char *t = a;
            a = b;
            b = t;
        }
    if (a != base) {
        memcpy(base, a, n * size);
        b = a;
    }
    free(b);
}
