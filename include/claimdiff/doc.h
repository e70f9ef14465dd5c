/* doc.h - the document record and the corpus that holds them.
 *
 * A document is one input's text plus everything the per-document stages
 * (load, segment, tag, quote, claim) found in it; a corpus is all documents
 * plus what the per-corpus stages (link, anchor, compare) derived. Every
 * position is a half-open byte span into doc->text. A doc owns its text,
 * its arena and all its arrays; doc_free releases them. The arrays of
 * stage-defined structs are declared here as pointers to incomplete types
 * so that each stage's header stays the one place its structs are defined.
 * Those structs hold no heap pointers of their own: their strings live in
 * doc->arena (or corpus->arena), so freeing the array frees the element.
 */
#ifndef CLAIMDIFF_DOC_H
#define CLAIMDIFF_DOC_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

struct arena;

/* 32-bit offsets: every way a text enters (a file, stdin, an HTML page's
 * text, a record read back) is refused above CD_MAX_DOC_BYTES (load.h,
 * 1 GiB), and spans are most of what the per-document records hold. */
struct span {
    uint32_t start; /* first byte */
    uint32_t end;   /* one past the last byte */
};

/* A stretch of site furniture (share buttons, newsletter, related links).
 * It stays in the text so offsets hold, but later stages skip it. */
struct region {
    struct span span;
    const char *why; /* short reason, e.g. "newsletter"; static or arena */
};

struct paragraph {
    struct span span;
    bool boilerplate;
};

enum sentence_flag {
    SENT_BOILERPLATE = 1 << 0, /* lies in a boilerplate region */
    SENT_HEADLINE = 1 << 1,    /* a short line without final punctuation */
    SENT_BULLET = 1 << 2,      /* a list item */
    SENT_CAPTION = 1 << 3,     /* a photo caption or credit line */
};

struct sentence {
    struct span span;
    unsigned paragraph; /* index into doc->paras */
    unsigned flags;     /* enum sentence_flag bits */
};

enum token_kind {
    TOK_WORD,   /* letters, with inner hyphens and apostrophes */
    TOK_NUMBER, /* digits with inner , and . */
    TOK_PUNCT,  /* one punctuation character (may be multibyte) */
};

enum token_flag {
    TOKF_CAP = 1 << 0,        /* first letter is upper case */
    TOKF_ALLCAPS = 1 << 1,    /* two or more letters, all upper case */
    TOKF_SENT_START = 1 << 2, /* first word of its sentence */
    /* The word is ASCII letters only. The segmenter sets it where it
     * knows for free (its common-word path), so a word without it may
     * still be one; the shared token scan takes such a word whole. */
    TOKF_PLAIN = 1 << 3,
};

struct token {
    struct span span;
    unsigned sentence;   /* index into doc->sents */
    unsigned char kind;  /* enum token_kind */
    unsigned char flags; /* enum token_flag bits */
};

/* Defined by the stage that makes them. */
struct mention;
struct date;
struct number;
struct quote;
struct claim;

struct doc {
    struct arena *arena; /* holds strings derived from this document */
    const char *path;    /* as given on the command line, "-" for stdin */
    char *text;          /* the document text, NUL-terminated */
    size_t len;          /* bytes of text, not counting the NUL */
    bool is_html;
    unsigned story;      /* index of the first document of its story; set
                            by link_run (documents of unrelated stories
                            are never compared or anchored together) */

    const char *source;    /* outlet, or NULL */
    const char *title;     /* headline, or NULL */
    const char *published; /* ISO date the text states, or NULL */
    struct span title_span;     /* where the headline is, {0,0} if not in text */
    struct span published_span; /* where the dateline is, {0,0} if not in text */

    const char **warnings;
    size_t nwarnings, capwarnings;

    struct region *boiler; /* sorted by start, not overlapping */
    size_t nboiler, capboiler;

    /* The byte offset of each line, filled by doc_new; 32-bit as spans
     * are. */
    uint32_t *line_starts;
    size_t nlines;

    struct paragraph *paras;
    size_t nparas, capparas;
    struct sentence *sents;
    size_t nsents, capsents;
    struct token *toks;
    size_t ntoks, captoks;

    struct mention *mentions;
    size_t nmentions, capmentions;
    struct date *dates;
    size_t ndates, capdates;
    struct number *numbers;
    size_t nnumbers, capnumbers;
    struct quote *quotes;
    size_t nquotes, capquotes;
    struct claim *claims;
    size_t nclaims, capclaims;
    /* The statement claims align made (align.h), numbered after claims:
     * claim nclaims + k is aligned[k]; read both through claim_nth and
     * claim_count (claim.h). Kept apart so that align need not move
     * claims, whose old arrays were most of the holes at the peak. */
    struct claim *aligned;
    size_t naligned;
};

/* A document taking ownership of text (malloc'd, len bytes, NUL at
 * text[len]). len must be at most CD_MAX_DOC_BYTES (load.h), which every
 * caller checks first: spans are 32-bit. path is copied. Never NULL. */
struct doc *doc_new(const char *path, char *text, size_t len);

/* Release the document and everything it owns. NULL is a no-op. */
void doc_free(struct doc *doc);

/* What doc_compact keeps besides the findings. */
enum doc_keep {
    DOC_KEEP_SENTENCES = 1 << 0, /* doc->sents (align.c reads them, and
                                    the HTML report shows a claim's whole
                                    sentence) */
};

/* Called once the per-document stages are done (and again by any later
 * stage that is done with the sentences): frees the tokens and the
 * paragraphs, which only those stages read (ntoks and nparas become 0),
 * and the sentences unless keep has DOC_KEEP_SENTENCES, and gives back
 * the spare capacity of every other array, so a corpus held for link,
 * anchor, compare and the report costs what was found in it rather than
 * what finding it took. Nothing else changes; the text stays, since every
 * span points into it. NULL is a no-op. */
void doc_compact(struct doc *doc, unsigned keep);

/* Record a problem met while processing; the message is copied. */
void doc_warn(struct doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* doc_warn of a ready message: msg[0, len) is copied (it need not end in
 * a NUL). For the loader, which words one warning per boilerplate region
 * and would otherwise spend most of that on printf. */
void doc_warn_text(struct doc *doc, const char *msg, size_t len);

/* Mark [start, end) as boilerplate. Regions are kept sorted; one that
 * overlaps or touches an existing one is merged into it. */
void doc_add_boilerplate(struct doc *doc, struct span span, const char *why);

/* True if any byte of span lies in a boilerplate region. O(log n). */
bool doc_in_boilerplate(const struct doc *doc, struct span span);

/* 1-based line of a byte offset (offsets past the end give the last line). */
unsigned doc_line_of(const struct doc *doc, size_t offset);

/* The line [start, end) with 0-based number i < doc->nlines, without its
 * '\n' (lines as doc_new indexed them: one more than the text has
 * newlines). */
struct span doc_line(const struct doc *doc, size_t i);

/* The file name part of doc->path, for reports. Points into doc->path. */
const char *doc_basename(const struct doc *doc);

/* All documents of one run and what the per-corpus stages derived. */
struct entity;
struct comparison;

struct corpus {
    struct doc **docs; /* owned; in input order, ids D1.. follow it */
    size_t ndocs, capdocs;
    struct arena *arena; /* holds per-corpus results */
    struct entity *entities;
    size_t nentities, capentities;
    struct comparison *comparisons;
    size_t ncomparisons, capcomparisons;
    unsigned failed_inputs; /* inputs that could not be read at all */
    /* Set by the caller when nothing after compare_run reads doc->sents
     * (every report but HTML's): align_run then frees each story's
     * sentences once the story is aligned (doc_compact(doc, 0)), so they
     * are not held through the peak of the run. False keeps them. */
    bool free_sentences;
};

/* An empty corpus. Never NULL. */
struct corpus *corpus_new(void);

/* Append doc; the corpus takes ownership. */
void corpus_add(struct corpus *c, struct doc *doc);

/* Release the corpus, its documents and results. NULL is a no-op. */
void corpus_free(struct corpus *c);

#endif
