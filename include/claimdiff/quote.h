/* quote.h - direct quotations and who said them.
 *
 * Per-document stage after tag: fills doc->quotes. The speaker is a
 * mention of the same document (index into doc->mentions) found through a
 * speech frame, a role description, a pronoun or a continued paragraph;
 * after link its entity follows from that mention. Strings live in
 * doc->arena; a quoter is read-only after quote_new.
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
    struct span span;         /* the words, without the marks */
    enum quote_kind kind;
    int speaker;              /* index into doc->mentions, -1 if none */
    struct span speaker_span; /* words of the frame naming the speaker */
    int continues;            /* index of the quote this one continues, -1 */
};

CD_NODISCARD enum cd_err quote_new(const struct rules *r, struct quoter **out,
                                   struct diag *d);

void quote_free(struct quoter *q);

void quote_run(const struct quoter *q, struct doc *doc);

#endif
