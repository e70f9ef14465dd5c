/* jsonw.h - a streaming JSON writer for the reports and the records.
 *
 * Writes, value by value, the very bytes that cJSON_Print (pretty) or
 * cJSON_PrintUnformatted (compact) would print for the same tree, so the
 * output keeps its shape while no tree of the whole output is ever built:
 * a report or a record costs a small buffer, not several times its size.
 * The writer owns its buffer; the stream, when one is given, stays the
 * caller's. Strings are read, never kept.
 */
#ifndef CLAIMDIFF_JSONW_H
#define CLAIMDIFF_JSONW_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* int64_t */
#include <stdio.h>   /* FILE */

struct jsonw;

/* A writer. With out, bytes go to out whenever JSONW_FLUSH of them are
 * buffered and at jsonw_flush; with out NULL they stay in memory for
 * jsonw_take. pretty: cJSON_Print's layout (tabs, one member a line);
 * otherwise cJSON_PrintUnformatted's. Never NULL. */
struct jsonw *jsonw_new(FILE *out, bool pretty);

/* Release the writer and whatever it still buffers (unwritten). NULL is a
 * no-op. */
void jsonw_free(struct jsonw *w);

/* Bytes buffered before they go to the stream. */
#define JSONW_FLUSH ((size_t)64 * 1024)

/* Write what is buffered to the stream (no-op without one). Write errors
 * are left in the stream's error flag (ferror), as with stdio. */
void jsonw_flush(struct jsonw *w);

/* The bytes written so far, NUL-terminated, their count in *len; the
 * caller frees them. The writer starts over empty (same nesting). Only
 * for a writer without a stream. Example:
 *   jsonw_object(w); ...; jsonw_end(w); char *s = jsonw_take(w, &n); */
char *jsonw_take(struct jsonw *w, size_t *len);

/* Open an object or an array as the next value; jsonw_end closes the
 * innermost one. Inside an object every value follows a jsonw_key. */
void jsonw_object(struct jsonw *w);
void jsonw_array(struct jsonw *w);
void jsonw_end(struct jsonw *w);

/* The next member's name (a NUL-terminated string, escaped like any). */
void jsonw_key(struct jsonw *w, const char *key);

/* jsonw_key for a name the caller knows needs no escape: its n bytes
 * hold no NUL, control byte, '"' or '\\' (bytes >= 0x80 are fine). The
 * same bytes as jsonw_key, without its length count and escape check;
 * for the reports' fixed names, through JSONW_KEY:
 *   JSONW_KEY(w, "id");   (only a string literal compiles) */
void jsonw_key_plain(struct jsonw *w, const char *key, size_t n);
#define JSONW_KEY(w, lit) jsonw_key_plain((w), "" lit "", sizeof(lit) - 1)

/* Values. A string is written as cJSON writes the C string it was given:
 * up to its first NUL byte, with '"', '\\' and control characters escaped
 * and every other byte as it is. jsonw_string_n takes s[0..n) (stopping
 * at a NUL in it); jsonw_string_utf8 does too, but first puts '?' for
 * every byte that is not part of valid UTF-8, as utf8_repair would on a
 * copy. Numbers print as cJSON prints a double ("%1.15g", else "%1.17g"
 * when that does not read back; NaN and infinities as null). */
void jsonw_string(struct jsonw *w, const char *s);
void jsonw_string_n(struct jsonw *w, const char *s, size_t n);
void jsonw_string_utf8(struct jsonw *w, const char *s, size_t n);
void jsonw_number(struct jsonw *w, double v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);

/* End a top-level value with '\n' (JSON Lines); the next value starts a
 * new line. Only between top-level values. */
void jsonw_newline(struct jsonw *w);

/* ---- fixed-shape output ----------------------------------------------
 * For a writer that lays out compact JSON of a known shape itself (the
 * extract records: keys with their quotes, colons and commas as
 * literals). These write exactly the bytes asked for: no separator, no
 * check of the nesting, which they leave as it is. Between two top-level
 * values a writer uses either these or the calls above. Example:
 *   char *p = jsonw_room(w, 8 + JSONW_INT_MAX);
 *   memcpy(p, "{\"n\":", 5); p = jsonw_put_int(p + 5, n); *p++ = '}';
 *   jsonw_wrote(w, p); */

/* Integers print as plain digits below this magnitude, as jsonw_number
 * prints them; at or above it jsonw_number's "%1.15g" gives an exponent. */
#define JSONW_INT_LIMIT INT64_C(1000000000000000)

/* Most bytes jsonw_put_int writes ('-' and 15 digits). */
#define JSONW_INT_MAX 16

/* Room for n more bytes in the buffer: the place to write them, valid
 * until the next call on w. Nothing is written until jsonw_wrote. */
char *jsonw_room(struct jsonw *w, size_t n);

/* The bytes from the last jsonw_room's place up to end are written. end
 * lies no further than that place plus its n. */
void jsonw_wrote(struct jsonw *w, const char *end);

/* Put v's digits at p (which has JSONW_INT_MAX bytes of room) as
 * jsonw_number would print (double)v, and return the end. Only for
 * |v| < JSONW_INT_LIMIT; outside it the bytes are unspecified. */
char *jsonw_put_int(char *p, int64_t v);

/* If none of s[0..n)'s bytes needs escaping, put it at p (which has
 * n + 2 bytes of room) as jsonw_string would write it, quotes included,
 * and return the end; otherwise return NULL, having written nothing that
 * counts (bytes of that room may have been overwritten). For short
 * strings inside a reservation of jsonw_room. */
char *jsonw_put_plain(char *p, const char *s, size_t n);

/* A string (as jsonw_string), null for NULL, or a number (as
 * jsonw_number), with no separator before it. */
void jsonw_put_string(struct jsonw *w, const char *s);
void jsonw_put_string_n(struct jsonw *w, const char *s, size_t n);
void jsonw_put_string_utf8(struct jsonw *w, const char *s, size_t n);
void jsonw_put_number(struct jsonw *w, double v);

/* The bytes jsonw_key_plain(w, key, n) would write now, at w's present
 * depth, as the first member of its object (comma false) or a later one
 * (comma true): a member's separator, indent and quoted name with its
 * colon. Returns a malloc'd copy, its length in *len; the caller frees
 * it. w is only read. For a writer that writes the members of many
 * objects of one shape at one depth itself: the frame, then the value
 * through the calls of this section, which keeps the writer's nesting
 * as it is (jsonw_end still closes the object). Example:
 *   f = jsonw_key_frame(w, "id", 2, false, &fn);   (once)
 *   p = jsonw_room(w, fn + 8); memcpy(p, f, fn); ...; jsonw_wrote(w, p); */
char *jsonw_key_frame(const struct jsonw *w, const char *key, size_t n,
                      bool comma, size_t *len);

/* Say that members were written by hand (frames and values) in the
 * innermost object, so that a later jsonw_key puts the separator before
 * its member. No-op at the top level. */
void jsonw_had_members(struct jsonw *w);

#endif
