/* wordmask.c - one lookup per word for all of a stage's word tables.
 *
 * Whole words go into one scan_map, prefixes into another; each id maps
 * to the mask of the tables that added it. Most words are in no table,
 * so wordfilters of the words, of the prefixes and of the prefixes'
 * first bytes rule them out before any hashing.
 */
#include "claimdiff/wordmask.h"

#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/wordfilter.h"
#include "scan.h"

_Static_assert(WORDMASK_MAX_LEN == SCAN_MAX_KEY, "the maps' longest key");
_Static_assert(WORDMASK_PREFIX_MIN >= WORDFILTER_HEAD,
               "prefix heads need WORDMASK_PREFIX_MIN bytes");
_Static_assert(WORDMASK_MAX_LEN < 64, "prefix_lens has a bit per length");

struct wordmask {
    struct scan_map *exact, *prefix;
    uint32_t *exact_mask, *prefix_mask; /* per id of exact / prefix */
    size_t capexact, capprefix;
    uint64_t prefix_lens; /* bit l set: some prefix is l bytes long */
    struct wordfilter exact_keys, prefix_keys, prefix_heads;
};

struct wordmask *wordmask_new(void)
{
    struct wordmask *wm = xcalloc(1, sizeof *wm);
    wm->exact = scan_map_new();
    wm->prefix = scan_map_new();
    return wm;
}

void wordmask_free(struct wordmask *wm)
{
    if (!wm)
        return;
    scan_map_free(wm->exact);
    scan_map_free(wm->prefix);
    free(wm->exact_mask);
    free(wm->prefix_mask);
    free(wm);
}

int wordmask_add(struct wordmask *wm, unsigned table, const char *w,
                 size_t len, bool prefix)
{
    if (table >= WORDMASK_TABLES || (prefix && len < WORDMASK_PREFIX_MIN))
        return -1; /* a short prefix is never matched: leave it out */
    struct scan_map *m = prefix ? wm->prefix : wm->exact;
    uint32_t **mask = prefix ? &wm->prefix_mask : &wm->exact_mask;
    size_t *cap = prefix ? &wm->capprefix : &wm->capexact;
    int id = scan_map_put(m, w, len); /* -1 for empty or too long */
    if (id < 0)
        return -1;
    if ((size_t)id >= *cap) {
        size_t old = *cap;
        *mask = xgrow(*mask, cap, (size_t)id + 1, sizeof **mask);
        memset(*mask + old, 0, (*cap - old) * sizeof **mask);
    }
    (*mask)[id] |= (uint32_t)1 << table;
    if (!prefix) {
        wordfilter_add(&wm->exact_keys, w, len);
        return id;
    }
    wordfilter_add(&wm->prefix_keys, w, len);
    wordfilter_add_head(&wm->prefix_heads, w, len);
    wm->prefix_lens |= (uint64_t)1 << len;
    return id;
}

uint32_t wordmask_get(const struct wordmask *wm, const char *s, size_t len,
                      int *word)
{
    uint32_t m = 0;
    int id = -1;
    if (len > 0 && wordfilter_may(&wm->exact_keys, s, len)) {
        id = scan_map_get(wm->exact, s, len);
        if (id >= 0)
            m = wm->exact_mask[id];
    }
    if (word)
        *word = id;
    if (len == 0)
        return 0;
    if (!wordfilter_may_head(&wm->prefix_heads, s, len))
        return m;
    size_t l = len < WORDMASK_MAX_LEN ? len : WORDMASK_MAX_LEN;
    for (; l >= WORDMASK_PREFIX_MIN; l--) {
        /* a length no prefix has cannot hit: skip its hashing */
        if (!(wm->prefix_lens >> l & 1) ||
            !wordfilter_may(&wm->prefix_keys, s, l))
            continue;
        int pid = scan_map_get(wm->prefix, s, l);
        if (pid >= 0)
            m |= wm->prefix_mask[pid];
    }
    return m;
}
