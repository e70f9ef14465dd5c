/* strpool.h - strings kept once: equal strings made again and again (the
 * comparisons' topics and notes) share one copy in an arena.
 *
 * The pool's table is its own (strpool_free); the strings stay the
 * arena's and live until arena_free, which may come after strpool_free.
 */
#ifndef CLAIMDIFF_STRPOOL_H
#define CLAIMDIFF_STRPOOL_H

struct arena;
struct strpool;

/* A new empty pool over arena a, which must outlive every string the
 * pool gives out. Never NULL. Release with strpool_free. */
struct strpool *strpool_new(struct arena *a);

/* Free the table; the strings stay in the arena. NULL is a no-op. */
void strpool_free(struct strpool *p);

/* The pool's copy of the string s: the first s equal to it that was
 * kept. s is a NUL-terminated string in the pool's arena (or one that
 * lives as long). When the pool already held an equal string and s was
 * the arena's last allocation, s's bytes go back to the arena: the
 * caller must use only the result from then on.
 *   k->note = strpool_keep(p, arena_printf(a, "%d sources", n)); */
const char *strpool_keep(struct strpool *p, const char *s);

#endif
