/* segment.h - paragraphs, sentences and tokens.
 *
 * Second per-document stage: fills doc->paras, doc->sents and doc->toks
 * with byte spans into doc->text. Sentence splitting knows abbreviations
 * (rules/lexicon/abbreviations.tsv), initials, decimals, ellipses, closing
 * quotes and brackets after the stop, and that headlines and bullet lines
 * are sentences of their own. A segmenter is read-only after segment_new
 * and may be shared by threads; it writes only into the doc it is given.
 *
 * What the later stages may rely on:
 * - Paragraphs are separated by blank lines, and by single line breaks
 *   unless the text is hard-wrapped (then full lines are joined) or a long
 *   line without a final stop is continued by a line in lower case. Spans
 *   exclude surrounding whitespace, CR, U+00A0, BOM and zero-width space.
 * - Sentences never cross a paragraph and never start or end on
 *   whitespace. Every token belongs to exactly one sentence and lies inside
 *   its span; tokens, sentences and paragraphs are in text order.
 * - A word token (TOK_WORD) is a run of letters (any script) and digits
 *   joined by inner hyphens and apostrophes: "al-Nusra", "Russia's",
 *   "didn't", "one-on-one", and also "Mi-8", "Su-24", "F-16", "Il-20M",
 *   "US-backed", "Turkish-Syrian" are ONE token; look inside it for the
 *   parts. A trailing apostrophe ("victims'") is a separate token. A number
 *   glued to letters is a word: "17th", "1950s", "4U9525", "6pm",
 *   "28-year". Abbreviations keep their dots ("U.S.", "Gen.", "a.m.",
 *   "U.S.-backed"), and so does an initial ("F." in "John F. Kennedy");
 *   when such a token ends a sentence there is no separate "." token.
 *   URLs, bare domains and e-mail addresses are one word token.
 * - A number token (TOK_NUMBER) is digits with inner "." and thousands ","
 *   (exactly three digits after it): "3.5", "10,000", "26.10.2016". Ranges
 *   and ISO dates are several tokens ("2015", "-", "2016"); so are times
 *   ("10", ":", "47").
 * - Every other non-space character is one TOK_PUNCT token, multibyte ones
 *   included (“ ” — …); a run of ASCII dots is one token ("...").
 * - TOKF_CAP: the token's first character is an upper-case letter (ASCII,
 *   Latin-1/Extended, Greek, Cyrillic, Armenian). TOKF_ALLCAPS: at least two
 *   upper-case letters and no lower-case one ("NATO", "U.S.", not "F-16").
 *   TOKF_SENT_START: the first TOK_WORD of its sentence, even after an
 *   opening quote or a leading number.
 * - SENT_HEADLINE: the paragraph is one sentence of at most 30 words and
 *   300 bytes whose last token (looking through closing quotes) is not
 *   sentence punctuation (. ? ! … , ; :); a title-case line ending in an
 *   abbreviation ("..., Says U.S.") counts too. The document's last
 *   paragraph must be title case (a cut-off sentence is not a headline).
 * - SENT_BULLET: every sentence of a paragraph that starts with a bullet
 *   sign (• - * – — ...) or "1." / "2)" and whitespace. A bullet line always
 *   starts a new paragraph; the marker is part of the first sentence.
 * - SENT_CAPTION: every sentence of a paragraph (at most 3 sentences) that
 *   ends in a photo credit ("(AFP)", "(file photo)", "2006— Reuters pic")
 *   or starts with "Photo:"; also a trailing "— AFP" credit after the last
 *   full stop, which becomes a sentence of its own.
 * - A paragraph's flags are exclusive (bullet, else caption, else
 *   headline); SENT_BOILERPLATE is added to any of them.
 */
#ifndef CLAIMDIFF_SEGMENT_H
#define CLAIMDIFF_SEGMENT_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct doc;
struct rules;
struct segmenter;

/* Build a segmenter from the tables lexicon/abbreviations,
 * lexicon/sentence_starters and lexicon/photo_credits of r (not NULL; r
 * may be freed afterwards, the segmenter keeps copies). Returns CD_OK and
 * sets *out, to be released with segment_free. On a malformed row returns
 * CD_ERR_RULE with the file and line in d (which may be NULL) and sets
 * *out to NULL. */
CD_NODISCARD enum cd_err segment_new(const struct rules *r,
                                     struct segmenter **out, struct diag *d);

/* Whether the tokenizer takes its shortcuts (on after segment_new): plain
 * ASCII words on the fast path, lexicon look-ups (abbreviations,
 * sentence starters, credits) past a filter that rules out most words
 * not listed, and line widths counted eight bytes a step. Off, every
 * word goes through the general word scanner, every look-up to its
 * table and every width byte by byte, which gives the same segmentation
 * more slowly: tests compare the two. Not for a segmenter other threads
 * are using. */
void segment_set_fast_words(struct segmenter *s, bool on);

/* Release the segmenter. NULL is a no-op. */
void segment_free(struct segmenter *s);

/* Segment doc (replacing any earlier segmentation: the counts are reset,
 * the arrays reused). Sentences that lie in a boilerplate region get
 * SENT_BOILERPLATE, and so does paragraph.boilerplate; call it after the
 * regions are marked. Linear in doc->len; allocates nothing but the three
 * arrays. An empty or all-space text gives no paragraph at all. */
void segment_run(const struct segmenter *s, struct doc *doc);

#endif
