/* strpool.c - strings kept once (see strpool.h). */
#include "claimdiff/strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/hash.h"

struct slot {
    const char *s; /* NULL: empty */
    uint64_t h;
};

struct strpool {
    struct arena *a;
    struct slot *t;
    size_t n, cap; /* cap: a power of two, at least twice n */
};

struct strpool *strpool_new(struct arena *a)
{
    struct strpool *p = xmalloc(sizeof *p);
    p->a = a;
    p->n = 0;
    p->cap = 64;
    p->t = xcalloc(p->cap, sizeof *p->t);
    return p;
}

void strpool_free(struct strpool *p)
{
    if (!p)
        return;
    free(p->t);
    free(p);
}

/* The slot holding s (hash h), or the empty one where it would go. */
static struct slot *find(const struct strpool *p, const char *s, uint64_t h)
{
    size_t i = (size_t)h & (p->cap - 1);
    while (p->t[i].s && (p->t[i].h != h || strcmp(p->t[i].s, s)))
        i = (i + 1) & (p->cap - 1);
    return &p->t[i];
}

static void grow(struct strpool *p)
{
    struct slot *old = p->t;
    size_t n = p->cap;
    p->cap *= 2;
    p->t = xcalloc(p->cap, sizeof *p->t);
    for (size_t i = 0; i < n; i++)
        if (old[i].s)
            *find(p, old[i].s, old[i].h) = old[i];
    free(old);
}

const char *strpool_keep(struct strpool *p, const char *s)
{
    size_t len = strlen(s);
    uint64_t h = hash_bytes(s, len);
    struct slot *sl = find(p, s, h);
    if (sl->s) {
        /* a no-op unless s is the arena's last allocation */
        arena_strbuf_trim(p->a, s, len + 1, 0);
        return sl->s;
    }
    sl->s = s;
    sl->h = h;
    if (++p->n * 2 > p->cap)
        grow(p);
    return s;
}
