/* hash.c - FNV-1a. */
#include "claimdiff/hash.h"

#define FNV_OFFSET 14695981039346656037u
#define FNV_PRIME 1099511628211u

uint64_t hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t hash_bytes(const char *s, size_t n)
{
    return hash_more(FNV_OFFSET, s, n);
}
