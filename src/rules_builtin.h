/* rules_builtin.h - the rule files compiled into the binary (generated). */
#ifndef CLAIMDIFF_RULES_BUILTIN_H
#define CLAIMDIFF_RULES_BUILTIN_H

#include <stddef.h> /* size_t */

struct rules_builtin_file {
    const char *name; /* table name: path below rules/ without extension */
    const char *data; /* the file's bytes, NUL-terminated */
    size_t len;
};

extern const struct rules_builtin_file rules_builtin[];
extern const unsigned rules_builtin_count;

#endif
