/* diag.h - error codes and the human detail that goes with them.
 *
 * Fallible functions return enum cd_err and, when given a struct diag, fill
 * it with a message naming the file, line and column. Modules never print;
 * main.c decides what reaches stderr. A diag owns nothing.
 */
#ifndef CLAIMDIFF_DIAG_H
#define CLAIMDIFF_DIAG_H

#include <stddef.h> /* size_t */

#define CD_NODISCARD __attribute__((warn_unused_result))

/* Values are fixed once published: append, never renumber. */
enum cd_err {
    CD_OK = 0,
    CD_ERR_IO = 1,      /* a file could not be opened or read */
    CD_ERR_PARSE = 2,   /* input could not be understood */
    CD_ERR_RULE = 3,    /* a rule file is malformed */
    CD_ERR_USAGE = 4,   /* bad command line */
    CD_ERR_BINARY = 5,  /* input looks binary (NUL bytes) */
    CD_ERR_EMPTY = 6,   /* input holds no text */
    CD_ERR_TOOBIG = 7,  /* input exceeds a named limit */
    CD_ERR_NOINPUT = 8, /* a directory with nothing readable */
};

#define CD_DIAG_MSG 512

struct diag {
    char file[256];       /* the file concerned, "" when none */
    unsigned line;        /* 1-based, 0 when not known */
    unsigned column;      /* 1-based, 0 when not known */
    char msg[CD_DIAG_MSG];/* the reason, without file and position */
};

/* A short phrase for an error code ("binary file"). Static storage. */
const char *cd_strerror(enum cd_err err);

/* Fill d (if not NULL) with file, line, column and a printf-style message.
 * Over-long file names and messages are cut with "..." rather than lost.
 * Returns err so callers can write `return diag_set(d, CD_ERR_IO, ...)`. */
enum cd_err diag_set(struct diag *d, enum cd_err err, const char *file,
                     unsigned line, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Write "FILE:LINE:COL: msg" (parts that are unknown left out) into out,
 * which holds outsz bytes, truncating with "..." if needed. */
void diag_format(const struct diag *d, char *out, size_t outsz);

#endif
