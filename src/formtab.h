/* formtab.h - private to align.c (and its test): the word forms of up to
 * sixteen bytes, ASCII capitals folded, numbered 0, 1, 2, ... in the
 * order they are first added. Not part of the public API.
 *
 * align looks up the form of every word it reads (about 500,000 on a
 * thousand articles); through a scan_map that was a hash of the bytes, a
 * probe and a byte-by-byte folded compare, ~100 instructions. Here a form
 * is its bytes as two 64-bit numbers, folded eight bytes at a time, so
 * the hash is one multiply and the compare two integer tests. Two words
 * get one id exactly when scan_map would call them one key (equal after
 * 'A'..'Z' -> 'a'..'z'). The table owns its slots; keys hold no pointer.
 */
#ifndef CLAIMDIFF_FORMTAB_H
#define CLAIMDIFF_FORMTAB_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t, uint64_t */
#include <stdlib.h> /* free */
#include <string.h> /* memcpy */

#include "claimdiff/arena.h" /* xcalloc */
#include "swar.h"            /* swar_bytes_in, EVERY_BYTE */

#define FORMTAB_MAX 16

/* A form of 1..FORMTAB_MAX bytes: its bytes folded, zero past its end,
 * and its length (so that a NUL inside a word cannot pass for its end). */
struct formkey {
    uint64_t lo, hi;
    uint32_t len;
};

/* 24 bytes; len 0 marks an empty slot (no form is empty). */
struct formslot {
    uint64_t lo, hi;
    uint32_t len, id;
};

/* Zero it to start (no slots); formtab_free gives the slots back. */
struct formtab {
    struct formslot *slot;
    size_t cap, n; /* cap a power of two, or 0 */
};

/* Each byte of x in 'A'..'Z' lower-cased, the others (bytes past ASCII
 * too) left alone: 0x80 >> 2 is the 0x20 that tells the cases apart. */
static inline uint64_t formtab_fold(uint64_t x)
{
    uint64_t up = swar_bytes_in(x & EVERY_BYTE(0x7F), 'A', 'Z') & ~x;
    return x | up >> 2;
}

/* The first n bytes (0..8) of s as a number, the rest zero; reads
 * s[0..8) when avail >= 8 (bytes readable from s), else s[0..n) only. */
static inline uint64_t formtab_load(const char *s, size_t n, size_t avail)
{
    uint64_t v = 0;
    if (n == 0)
        return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (avail >= 8) {
        memcpy(&v, s, 8);
        return n == 8 ? v : v & (((uint64_t)1 << (8 * n)) - 1);
    }
#else
    (void)avail;
#endif
    /* the same number as the load above on a little-endian machine; on
     * others only equality matters */
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return v;
}

/* The key of s[0..len), 1 <= len <= FORMTAB_MAX, where avail >= len
 * bytes are readable from s; nothing past s + avail is read. */
static inline struct formkey formtab_key(const char *s, size_t len,
                                         size_t avail)
{
    size_t n0 = len < 8 ? len : 8;
    struct formkey k;
    k.lo = formtab_fold(formtab_load(s, n0, avail));
    k.hi = len > 8 ? formtab_fold(formtab_load(s + 8, len - 8, avail - 8))
                   : 0;
    k.len = (uint32_t)len;
    return k;
}

static inline size_t formtab_slot(const struct formtab *t,
                                  const struct formkey *k)
{
    uint64_t h = (k->lo ^ (k->hi * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ k->len) *
                 UINT64_C(0x9E3779B97F4A7C15);
    size_t i = (size_t)(h >> 32) & (t->cap - 1);
    const struct formslot *sl;
    while ((sl = &t->slot[i])->len &&
           (sl->lo != k->lo || sl->hi != k->hi || sl->len != k->len))
        i = (i + 1) & (t->cap - 1);
    return i;
}

/* The id of form k, or -1 if it was never added. */
static inline int formtab_get(const struct formtab *t,
                              const struct formkey *k)
{
    if (!t->cap)
        return -1;
    const struct formslot *sl = &t->slot[formtab_slot(t, k)];
    return sl->len ? (int)sl->id : -1;
}

/* Double the slots (at least 256), every form kept with its id. */
static inline void formtab_grow(struct formtab *t)
{
    struct formtab g = {NULL, t->cap ? 2 * t->cap : 256, t->n};
    g.slot = xcalloc(g.cap, sizeof *g.slot);
    for (size_t i = 0; i < t->cap; i++) {
        const struct formslot *sl = &t->slot[i];
        if (!sl->len)
            continue;
        struct formkey k = {sl->lo, sl->hi, sl->len};
        g.slot[formtab_slot(&g, &k)] = *sl;
    }
    free(t->slot);
    *t = g;
}

/* The id of form k, added with the next id if it was not there. */
static inline int formtab_put(struct formtab *t, const struct formkey *k)
{
    if (2 * (t->n + 1) > t->cap)
        formtab_grow(t);
    struct formslot *sl = &t->slot[formtab_slot(t, k)];
    if (!sl->len)
        *sl = (struct formslot){k->lo, k->hi, k->len, (uint32_t)t->n++};
    return (int)sl->id;
}

/* Give the slots back and empty t; NULL-safe on an empty table. */
static inline void formtab_free(struct formtab *t)
{
    free(t->slot);
    *t = (struct formtab){NULL, 0, 0};
}

#endif
