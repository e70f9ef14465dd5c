/* arena.h - bump allocator and checked allocation.
 *
 * Everything derived from one document lives in that document's arena and
 * is released at once by arena_free. Out of memory is not an error path:
 * every allocator here prints "claimdiff: out of memory (N bytes)" and
 * aborts, so callers never check for NULL.
 */
#ifndef CLAIMDIFF_ARENA_H
#define CLAIMDIFF_ARENA_H

#include <stddef.h> /* size_t */

struct arena;

/* A new empty arena. Never NULL. Release with arena_free. */
struct arena *arena_new(void);

/* A new empty arena whose chunks all hold about `chunk` bytes (at least
 * 256, at most 64 KiB) instead of doubling from 2 KiB: for an owner that
 * knows roughly what it will hold, so its last chunk wastes at most one
 * such step. Never NULL. Release with arena_free. */
struct arena *arena_new_sized(size_t chunk);

/* Release the arena and everything allocated in it. NULL is a no-op. */
void arena_free(struct arena *a);

/* n bytes, aligned for any type, zeroed. Valid until arena_free. */
void *arena_alloc(struct arena *a, size_t n);

/* A NUL-terminated copy of s[0..n) in the arena. s need not be terminated.
 * Strings (here, arena_strdup and arena_printf) are packed without
 * alignment: they hold characters only, never another type. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* n zeroed bytes for a string the caller writes, packed like
 * arena_strndup's (no alignment: characters only). Valid until
 * arena_free. */
char *arena_strbuf(struct arena *a, size_t n);

/* Give back the tail of buf, the n bytes just taken by arena_strbuf, when
 * its string came out shorter: only `keep` bytes (with the NUL) stay in
 * use. Done only if nothing was allocated from a after buf (otherwise
 * nothing changes); either way buf[0..keep) is untouched. For a buffer
 * sized by an upper bound ("at most the span's bytes"). */
void arena_strbuf_trim(struct arena *a, const char *buf, size_t n,
                       size_t keep);

/* A NUL-terminated copy of s in the arena. */
char *arena_strdup(struct arena *a, const char *s);

/* printf into the arena. The result lives until arena_free. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bytes the arena holds from the system (for benchmarks and limits). */
size_t arena_size(const struct arena *a);

/* malloc/realloc/calloc/strdup that abort on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow a heap array so it holds at least `need` elements of `size` bytes,
 * doubling its capacity; *cap is updated. Aborts on overflow. Typical use:
 *   if (n == cap) v = xgrow(v, &cap, n + 1, sizeof *v);
 */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);

#endif
