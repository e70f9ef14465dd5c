/* unionfind.h - private union-find over small integers, shared by the
 * linker (stories) and the comparator (things). Not part of the public
 * API. Parents live in the caller's array; p[i] == i marks a root, and
 * the smaller index always becomes the root so results are deterministic.
 */
#ifndef CLAIMDIFF_UNIONFIND_H
#define CLAIMDIFF_UNIONFIND_H

/* The root of x, halving the path on the way. */
static inline unsigned uf_find(unsigned *p, unsigned x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

/* Join the sets of a and b under the smaller root. */
static inline void uf_union(unsigned *p, unsigned a, unsigned b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
    if (a != b)
        p[a < b ? b : a] = a < b ? a : b;
}

#endif
