/* hash.h - the one string hash every lookup table in claimdiff uses.
 *
 * A pure function over caller-owned bytes; nothing is allocated.
 */
#ifndef CLAIMDIFF_HASH_H
#define CLAIMDIFF_HASH_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

/* FNV-1a over s[0..n): fast on the short keys (words, names) the tables
 * hold and stable across runs, so table order never varies. */
uint64_t hash_bytes(const char *s, size_t n);

/* Continue a hash over more bytes: hash_more(hash_bytes(a, an), b, bn)
 * equals the hash of a and b joined. */
uint64_t hash_more(uint64_t h, const char *s, size_t n);

#endif
