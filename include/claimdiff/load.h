/* load.h - the loader: files, directories and stdin to documents.
 *
 * First stage of the per-document pipeline. Plain text is kept byte for
 * byte (invalid UTF-8 bytes become '?', so offsets hold); HTML goes through
 * html.h. The loader also finds the headline, outlet and dateline and
 * marks site boilerplate (doc->boiler) from the cues in rules/boilerplate.
 * A loader is read-only after load_new and may be shared by threads; each
 * document returned belongs to the caller (doc_free).
 */
#ifndef CLAIMDIFF_LOAD_H
#define CLAIMDIFF_LOAD_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* UINT32_MAX */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */

struct doc;
struct rules;
struct loader;

/* Largest input read; a larger one is refused with CD_ERR_TOOBIG rather
 * than cut. The single-line case is fine below this size. */
#define CD_MAX_DOC_BYTES ((size_t)1 << 30)
/* struct span (doc.h) holds 32-bit offsets on the strength of this cap. */
_Static_assert(CD_MAX_DOC_BYTES <= UINT32_MAX,
               "a document's offsets must fit struct span's uint32_t");

enum load_kind {
    LOAD_AUTO,  /* by extension, else by sniffing the first bytes */
    LOAD_TEXT,
    LOAD_HTML,
};

/* Compile the boilerplate cues and HTML hints of r. r must outlive the
 * loader. On error *out is NULL and d names the rule file and line. */
CD_NODISCARD enum cd_err load_new(const struct rules *r, struct loader **out,
                                  struct diag *d);

void load_free(struct loader *l);

/* Read path ("-" for stdin) into a new document. On error returns
 * CD_ERR_IO, CD_ERR_BINARY, CD_ERR_EMPTY or CD_ERR_TOOBIG, sets *out to
 * NULL and fills d with the file and reason. */
CD_NODISCARD enum cd_err load_file(const struct loader *l, const char *path,
                                   enum load_kind kind, struct doc **out,
                                   struct diag *d);

/* As load_file, from bytes already in memory (copied). path is only the
 * name the document carries. */
CD_NODISCARD enum cd_err load_buffer(const struct loader *l, const char *path,
                                     const char *bytes, size_t len,
                                     enum load_kind kind, struct doc **out,
                                     struct diag *d);

/* The inputs one command-line PATH stands for, in order. */
struct load_paths {
    char **paths; /* owned, malloc'd */
    size_t n, cap;
};

/* Append what arg names: itself for a file or "-", and for a directory its
 * .txt/.html/.htm files, recursively, in byte order of their paths
 * (symbolic-link loops are not followed twice). Returns CD_ERR_IO for a
 * path that does not exist and CD_ERR_NOINPUT for a directory with no such
 * file; nothing is appended then. */
CD_NODISCARD enum cd_err load_expand(const char *arg, struct load_paths *out,
                                     struct diag *d);

/* Free the strings and array; the struct itself is the caller's. */
void load_paths_clear(struct load_paths *p);

/* Convert a dateline found in text ("26.10.2016", "23 October 2020",
 * "2016-08-01T10:00Z") into ISO YYYY-MM-DD in out (11 bytes). Returns 0
 * if s holds no such date. */
int load_parse_dateline(const char *s, size_t len, char out[11]);

#endif
