/* arena.c - bump allocator in chunks, plus the x* allocators. */
#include "claimdiff/arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks start small and double up to ARENA_CHUNK: every document has an
 * arena, most need a few kilobytes, and a first chunk of 64 KiB each made
 * the peak RSS of a large corpus mostly empty chunk space. An arena made
 * by arena_new_sized keeps one chunk size instead (at least
 * ARENA_MIN_CHUNK). */
#define ARENA_FIRST_CHUNK (2 * 1024)
#define ARENA_MIN_CHUNK 256
#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN (_Alignof(max_align_t))

struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    max_align_t data[]; /* aligned start of the payload */
};

struct arena {
    struct chunk *head;
    size_t total;
    size_t next;  /* size of the next regular chunk */
    bool doubles; /* regular chunks double up to ARENA_CHUNK */
};

static void out_of_memory(size_t n)
{
    fprintf(stderr, "claimdiff: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap ? *cap : 8;
    if (need <= *cap)
        return p;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            out_of_memory(SIZE_MAX);
        c *= 2;
    }
    if (c > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    *cap = c;
    return xrealloc(p, c * size);
}

struct arena *arena_new(void)
{
    struct arena *a = xcalloc(1, sizeof *a);
    a->doubles = true;
    return a;
}

struct arena *arena_new_sized(size_t chunk)
{
    struct arena *a = xcalloc(1, sizeof *a);
    if (chunk < ARENA_MIN_CHUNK)
        chunk = ARENA_MIN_CHUNK;
    a->next = chunk < ARENA_CHUNK ? chunk : ARENA_CHUNK;
    return a;
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

/* n bytes at a multiple of align (a power of two, at most ARENA_ALIGN)
 * from the start of a chunk's payload, not cleared. Strings ask for an
 * alignment of 1: rounding each to ARENA_ALIGN cost a third of what the
 * arenas of a corpus hold (most strings are a word or two). */
static void *bump(struct arena *a, size_t n, size_t align)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    struct chunk *c = a->head;
    if (need < n)
        out_of_memory(n);
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < n) {
        /* Big requests get a chunk of their own behind the current one so
         * the space left in the current chunk is not wasted. */
        size_t regular = a->next ? a->next : ARENA_FIRST_CHUNK;
        bool big = need > regular / 4;
        size_t size = big ? need : regular;
        struct chunk *fresh = xmalloc(sizeof *fresh + size);
        fresh->size = size;
        fresh->used = 0;
        a->total += size;
        if (!big && a->doubles && regular < ARENA_CHUNK)
            a->next = regular * 2;
        if (c && big) {
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            a->head = fresh;
        }
        c = fresh;
        at = 0;
    }
    void *p = (char *)c->data + at;
    c->used = at + n;
    return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
    void *p = bump(a, n, ARENA_ALIGN);
    memset(p, 0, n);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    if (n + 1 == 0)
        out_of_memory(n);
    char *d = bump(a, n + 1, 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strbuf(struct arena *a, size_t n)
{
    char *d = bump(a, n, 1);
    memset(d, 0, n);
    return d;
}

void arena_strbuf_trim(struct arena *a, const char *buf, size_t n,
                       size_t keep)
{
    struct chunk *c = a->head;
    /* buf is the last allocation only if it ends where the head chunk's
     * use ends (a big request has a chunk of its own behind the head, so
     * its end never matches). Compared as integers: buf may lie in
     * another chunk, and relating pointers into two objects is undefined. */
    uintptr_t end = (uintptr_t)c->data + c->used, at = (uintptr_t)buf;
    if (keep < n && at <= end && end - at == n && c->used >= n)
        c->used -= n - keep;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *d = bump(a, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

size_t arena_size(const struct arena *a)
{
    return a->total;
}
