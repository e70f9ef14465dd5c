/* wordmask.h - which of up to 32 word tables a word may begin an entry of.
 *
 * The claims stage asks a dozen phrase tables about nearly every token,
 * and nearly every answer is no. A wordmask holds the first words of all
 * of them at once: each token is looked up once per document, and the
 * answer is a bit per table. Matching is ASCII case-insensitive like
 * scan_map. The wordmask owns copies of its words; results are plain
 * integers.
 */
#ifndef CLAIMDIFF_WORDMASK_H
#define CLAIMDIFF_WORDMASK_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

/* Tables one wordmask tells apart: one bit each of a uint32_t. */
#define WORDMASK_TABLES 32
/* A prefix matches only words of at least this many bytes it begins;
 * shorter prefixes are never matched. */
#define WORDMASK_PREFIX_MIN 3
/* The longest word or prefix held (scan_map's SCAN_MAX_KEY); longer ones
 * are ignored by wordmask_add and never matched. */
#define WORDMASK_MAX_LEN 63

struct wordmask;
struct token;
struct doc;

/* A document's tokens looked up once (claim_run does), for the stages
 * that read the same tokens after it. Plain arrays the caller owns. */
struct wordmask_doc {
    const uint32_t *tok;  /* per token: wordmask_get of a word, else 0 */
    const uint32_t *sent; /* per sentence: the or of its tokens' masks */
    /* per sentence: its first token, and one past the last token of the
     * last sentence (nsents + 1 entries); sentence s has the tokens
     * [first[s], first[s + 1]), those whose sentence is s */
    const size_t *first;
};

/* Set [*first, *end) to the tokens of sentence si of doc: from m's
 * sentence starts when m is given, else by walking doc->toks on from
 * *end, so a caller without m visits the sentences in order with *end
 * starting at 0. */
void wordmask_sentence(const struct wordmask_doc *m, const struct doc *doc,
                       unsigned si, size_t *first, size_t *end);

/* An empty wordmask. Never NULL. */
struct wordmask *wordmask_new(void);

/* Release wm and its words. NULL is a no-op. */
void wordmask_free(struct wordmask *wm);

/* Record that table (0 <= table < WORDMASK_TABLES) has an entry whose
 * first word is w[0..len): the whole word, or, if prefix, any word that
 * starts with it. Returns the word's id among the whole words (or among
 * the prefixes): 0, 1, ... in the order first added, the same id for
 * every case of one word. An empty word, one longer than
 * WORDMASK_MAX_LEN, a prefix shorter than WORDMASK_PREFIX_MIN or a table
 * number out of range is not recorded: -1. */
int wordmask_add(struct wordmask *wm, unsigned table, const char *w,
                 size_t len, bool prefix);

/* The tables that may begin an entry at the word s[0..len), bit t for
 * table t: the tables that added s[0..len) as a whole word, and those
 * that added one of its first l bytes as a prefix, for l from
 * WORDMASK_PREFIX_MIN to WORDMASK_MAX_LEN. Exact: a bit is set if and
 * only if such an entry was added. 0 for the empty word. If word is not
 * NULL, *word is set to the whole-word id of s[0..len) (as wordmask_add
 * returned it), or -1 when it was never added whole. */
uint32_t wordmask_get(const struct wordmask *wm, const char *s, size_t len,
                      int *word);

/* wordmask_get for each of the tokens toks[a..b) of text at once (one
 * call, not one per token): mask[k] and word[k] for token k, mask 0 and
 * word -1 for a token that is not a word (TOK_WORD). Returns the or of
 * the masks. text_size is how many bytes from text may be read, at
 * least the end of every token (a document's len + 1, its NUL
 * included): words are read eight bytes at a time where that many are
 * readable. */
uint32_t wordmask_get_tokens(const struct wordmask *wm, const char *text,
                             size_t text_size, const struct token *toks,
                             size_t a, size_t b, uint32_t *mask, int *word);

#endif
