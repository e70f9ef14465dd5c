/* diag.c - error phrases and message formatting. */
#include "claimdiff/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *cd_strerror(enum cd_err err)
{
    switch (err) {
    case CD_OK:
        return "success";
    case CD_ERR_IO:
        return "cannot read";
    case CD_ERR_PARSE:
        return "cannot parse";
    case CD_ERR_RULE:
        return "bad rule";
    case CD_ERR_USAGE:
        return "usage error";
    case CD_ERR_BINARY:
        return "binary file";
    case CD_ERR_EMPTY:
        return "empty file";
    case CD_ERR_TOOBIG:
        return "too large";
    case CD_ERR_NOINPUT:
        return "nothing readable";
    }
    return "unknown error";
}

/* snprintf that marks a cut with "..." instead of silently truncating. */
static void copy_marked(char *out, size_t outsz, const char *s)
{
    size_t n = strlen(s);
    if (outsz == 0)
        return;
    if (n < outsz) {
        memcpy(out, s, n + 1);
        return;
    }
    memcpy(out, s, outsz - 1);
    out[outsz - 1] = '\0';
    if (outsz > 4)
        memcpy(out + outsz - 4, "...", 3);
}

enum cd_err diag_set(struct diag *d, enum cd_err err, const char *file,
                     unsigned line, unsigned column, const char *fmt, ...)
{
    char tmp[CD_DIAG_MSG * 2];
    va_list ap;
    if (!d)
        return err;
    copy_marked(d->file, sizeof d->file, file ? file : "");
    d->line = line;
    d->column = column;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    copy_marked(d->msg, sizeof d->msg, tmp);
    return err;
}

void diag_format(const struct diag *d, char *out, size_t outsz)
{
    char tmp[sizeof d->file + sizeof d->msg + 64];
    size_t n = 0;
    tmp[0] = '\0';
    if (d->file[0]) {
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%s:", d->file);
        if (d->line) {
            n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%u:", d->line);
            if (d->column)
                n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%u:",
                                      d->column);
        }
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, " ");
    }
    snprintf(tmp + n, sizeof tmp - n, "%s", d->msg);
    copy_marked(out, outsz, tmp);
}
