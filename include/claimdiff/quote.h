/* quote.h - direct quotations and who said them.
 *
 * Per-document stage after tag: fills doc->quotes in text order. The
 * speaker is a mention of the same document (index into doc->mentions)
 * found through a speech frame, a role description, a pronoun or a
 * continued paragraph; after link its entity follows from that mention.
 * Quotes hold no pointers: spans index doc->text. A quoter is read-only
 * after quote_new and may be shared by threads.
 */
#ifndef CLAIMDIFF_QUOTE_H
#define CLAIMDIFF_QUOTE_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct quoter;

enum quote_kind {
    QUOTE_DIRECT,  /* a quotation standing as speech, three words or more */
    QUOTE_PARTIAL, /* a fragment inside the reporter's sentence */
    QUOTE_SCARE,   /* one or two words used as a label: not reported */
};

struct quote {
    struct span span;         /* the words, without the marks; a quotation
                                 over paragraphs keeps the inner marks */
    enum quote_kind kind;
    int speaker;              /* index into doc->mentions, -1 if none */
    struct span speaker_span; /* words of the frame naming the speaker
                                 ("said the head of the state Department",
                                 "he said"); {0,0} when nothing names one */
    int continues;            /* index in doc->quotes of the quotation this
                                 one resumes after its frame, -1 */
};

/* Compile the speech verbs, frame words, channels and descriptions of r
 * (rules/lexicon/speech_verbs, quote_frames, quote_channels,
 * speaker_descriptions; abbreviations and demonyms are read too). r may
 * be freed afterwards. On error returns
 * CD_ERR_RULE with the file and line in d and leaves *out NULL. */
CD_NODISCARD enum cd_err quote_new(const struct rules *r, struct quoter **out,
                                   struct diag *d);

/* Release the quoter. NULL is a no-op. */
void quote_free(struct quoter *q);

/* Find doc's quotations, replacing any earlier doc->quotes. Reads
 * doc->paras (else every line outside doc->boiler is a paragraph) and
 * doc->mentions, which must be in text order. An unbalanced mark never
 * reaches past its paragraph; the time is linear in doc->len. */
void quote_run(const struct quoter *q, struct doc *doc);

#endif
