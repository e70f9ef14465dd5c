/* jsonw.c - JSON written as it goes, byte for byte as cJSON prints it.
 *
 * cJSON's layout, which the reports have always had: pretty output opens
 * an object with "{", puts each member on a line of its own indented by
 * one tab per open object or array, writes "key":<TAB>value, and closes
 * with a line indented one tab less; arrays stay on one line, their
 * elements joined by ", ". Compact output drops the tabs, newlines and
 * the space. tests/test_jsonw.c checks this against cJSON itself.
 */
#include "claimdiff/jsonw.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h> /* sixteen bytes a step */
#endif

#include "claimdiff/arena.h"
#include "claimdiff/utf8.h"
#include "swar.h"

/* One open object or array. */
struct level {
    bool object;
    size_t count; /* members or elements written so far */
};

struct jsonw {
    FILE *out; /* NULL: keep everything for jsonw_take */
    bool pretty;
    bool after_key; /* a key was written: its value needs no separator */
    char *buf;
    size_t len, cap;
    struct level *stack;
    size_t depth, capstack;
};

/* ---- the buffer --------------------------------------------------------- */

static void write_out(struct jsonw *w, const char *s, size_t n)
{
    if (n)
        fwrite(s, 1, n, w->out);
}

/* Room for n more bytes (and a NUL). With a stream, what is buffered
 * goes out first once JSONW_FLUSH is reached, so the buffer never grows
 * past that unless one piece is larger (put sends those on directly). */
static void reserve(struct jsonw *w, size_t n)
{
    if (w->out && w->len && w->len + n > JSONW_FLUSH) {
        write_out(w, w->buf, w->len);
        w->len = 0;
    }
    if (w->len + n + 1 > w->cap)
        w->buf = xgrow(w->buf, &w->cap, w->len + n + 1, 1);
}

/* reserve, then where the next n bytes go; the caller adds to w->len
 * what it wrote. */
static char *room(struct jsonw *w, size_t n)
{
    /* reserve's two tests, here where they are usually both false: a
     * report asks for room millions of times. */
    if ((w->out && w->len && w->len + n > JSONW_FLUSH) ||
        w->len + n + 1 > w->cap)
        reserve(w, n);
    return w->buf + w->len;
}

static void put(struct jsonw *w, const char *s, size_t n)
{
    if (w->out && n >= JSONW_FLUSH) {
        jsonw_flush(w);
        write_out(w, s, n);
        return;
    }
    reserve(w, n);
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void putch(struct jsonw *w, char c)
{
    if (w->len + 2 > w->cap || (w->out && w->len >= JSONW_FLUSH))
        reserve(w, 1);
    w->buf[w->len++] = c;
}

static void tabs(struct jsonw *w, size_t n)
{
    reserve(w, n);
    memset(w->buf + w->len, '\t', n);
    w->len += n;
}

/* ---- structure ---------------------------------------------------------- */

/* Before any value: the separator the enclosing array needs. (In an
 * object, jsonw_key wrote it.) */
static void before_value(struct jsonw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    struct level *l = &w->stack[w->depth - 1];
    if (l->count++ > 0) {
        putch(w, ',');
        if (w->pretty)
            putch(w, ' ');
    }
}

static void open_level(struct jsonw *w, bool object)
{
    before_value(w);
    if (w->depth == w->capstack)
        w->stack = xgrow(w->stack, &w->capstack, w->depth + 1,
                         sizeof *w->stack);
    w->stack[w->depth++] = (struct level){object, 0};
    putch(w, object ? '{' : '[');
}

void jsonw_object(struct jsonw *w)
{
    open_level(w, true);
}

void jsonw_array(struct jsonw *w)
{
    open_level(w, false);
}

void jsonw_end(struct jsonw *w)
{
    if (w->depth == 0)
        return;
    bool object = w->stack[--w->depth].object;
    if (object && w->pretty) {
        /* cJSON ends every object, even an empty one, on a line of its
         * own, indented as the line that opened it. */
        putch(w, '\n');
        tabs(w, w->depth);
    }
    putch(w, object ? '}' : ']');
}

/* ---- strings ------------------------------------------------------------ */

/* Whether any byte of the word x is below 0x20, '"' or '\\', or (unless
 * high_ok) 0x80 or above. The tests are the usual exact ones: a byte below
 * n (n <= 0x80) sets its top bit in x - n.., and only such a byte starts
 * a borrow, so the answer is exact although which byte it names is not. */
static bool word_needs_care(uint64_t x, bool high_ok)
{
    const uint64_t top = EVERY_BYTE(0x80);
    uint64_t q = x ^ EVERY_BYTE('"'), b = x ^ EVERY_BYTE('\\');
    uint64_t hit = ((x - EVERY_BYTE(0x20)) & ~x) |
                   ((q - EVERY_BYTE(1)) & ~q) | ((b - EVERY_BYTE(1)) & ~b);
    if (!high_ok)
        hit |= x;
    return (hit & top) != 0;
}

#ifdef __SSE2__
/* Bit k set where s[k] (of 16) is below 0x20, '"' or '\\', or (unless
 * high_ok) 0x80 or above. */
static unsigned care_mask16(const unsigned char *s, bool high_ok)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x);
    __m128i q = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    __m128i b = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(low,
                                                          _mm_or_si128(q, b)));
    if (!high_ok)
        m |= (unsigned)_mm_movemask_epi8(x);
    return m;
}

/* plain_run for n >= 16, sixteen bytes a step: the claim and quotation
 * texts the reports write are mostly 16 to 80 bytes, all plain. The last
 * step overlaps the one before it, its bits for bytes already found
 * plain shifted out. */
static size_t plain_run16(const unsigned char *s, size_t n, bool high_ok)
{
    size_t i = 0;
    for (; n - i >= 16; i += 16) {
        unsigned m = care_mask16(s + i, high_ok);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    if (i == n)
        return n;
    unsigned m = care_mask16(s + n - 16, high_ok) >> (i - (n - 16));
    return m ? i + (size_t)__builtin_ctz(m) : n;
}
#endif

/* Bytes that go out as they are. Bytes >= 0x80 do only when they need no
 * UTF-8 check. Eight bytes a step while none of them needs a look: most
 * keys and texts have no byte to escape. */
static size_t plain_run(const unsigned char *s, size_t n, bool high_ok)
{
    size_t i = 0;
    uint64_t x;
#ifdef __SSE2__
    if (n >= 16)
        return plain_run16(s, n, high_ok);
#endif
    if (n < 8) {
        /* A short key or value: one look at it padded with plain bytes. */
        x = EVERY_BYTE('a');
        memcpy(&x, s, n);
        if (!word_needs_care(x, high_ok))
            return n;
    }
    while (n - i >= 8) {
        memcpy(&x, s + i, 8);
        if (word_needs_care(x, high_ok))
            break;
        i += 8;
    }
    if (i < n && n - i < 8 && n >= 8) {
        /* The last few bytes: the word ending with them (it overlaps
         * bytes already found plain). */
        memcpy(&x, s + n - 8, 8);
        if (!word_needs_care(x, high_ok))
            return n;
    }
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x80 && !high_ok))
            break;
        i++;
    }
    return i;
}

/* The escape of c (below 0x20, '"' or '\\') at e, at most ESCAPE_MAX
 * bytes; returns the end. */
#define ESCAPE_MAX 6

static char *escape_to(char *e, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    e[0] = '\\';
    switch (c) {
    case '"':
    case '\\':
        e[1] = (char)c;
        break;
    case '\b':
        e[1] = 'b';
        break;
    case '\f':
        e[1] = 'f';
        break;
    case '\n':
        e[1] = 'n';
        break;
    case '\r':
        e[1] = 'r';
        break;
    case '\t':
        e[1] = 't';
        break;
    default: /* another control character: \u00XX, lower-case hex */
        memcpy(e + 1, "u00", 3);
        e[4] = hex[c >> 4];
        e[5] = hex[c & 15];
        return e + 6;
    }
    return e + 2;
}

static void put_escape(struct jsonw *w, unsigned char c)
{
    char e[ESCAPE_MAX];
    put(w, e, (size_t)(escape_to(e, c) - e));
}

/* The top bit of each byte of the word x that is below 0x20, '"' or '\\'
 * (bytes >= 0x80 go out as they are). The lowest one set is exactly the
 * first such byte (a borrow starts only at one); above it, bits may be
 * set for bytes that need nothing. */
static uint64_t care_bits(uint64_t x)
{
    uint64_t q = x ^ EVERY_BYTE('"'), b = x ^ EVERY_BYTE('\\');
    return (((x - EVERY_BYTE(0x20)) & ~x) | ((q - EVERY_BYTE(1)) & ~q) |
            ((b - EVERY_BYTE(1)) & ~b)) &
           EVERY_BYTE(0x80);
}

/* put_escaped finds the first byte to escape in a loaded word by counting
 * trailing zero bits: the first byte must be the lowest. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define JSONW_SWAR 1
#else
#define JSONW_SWAR 0
#endif

/* Longer strings than this (without repair) go through put_escaped;
 * shorter ones are mostly plain and put with one reservation. */
#define ESCAPE_LONG 64

/* Input bytes escaped per reservation: the room asked for is
 * ESCAPE_MAX times this, whatever the string's length. */
#define ESCAPE_CHUNK 4096

/* s[0..n) as a JSON string without UTF-8 repair, stopping at a NUL, as
 * put_string writes it. Copies eight bytes a step straight into the
 * buffer (the room covers ESCAPE_MAX bytes for each input byte, so a
 * word copied past an escape is simply overwritten) and escapes in
 * place: the text of a record has an escape every line or so, which
 * the general loop paid for with a restart each. */
static void put_escaped(struct jsonw *w, const unsigned char *s, size_t n)
{
    size_t i = 0;
    putch(w, '"');
    while (i < n) {
        size_t end = n - i > ESCAPE_CHUNK ? i + ESCAPE_CHUNK : n;
        char *start = room(w, (end - i) * ESCAPE_MAX + 8), *o = start;
        while (i < end) {
            if (end - i >= 8) {
                uint64_t x;
                memcpy(&x, s + i, 8);
                memcpy(o, &x, 8);
                uint64_t hit = care_bits(x);
                if (!hit) {
                    i += 8;
                    o += 8;
                    continue;
                }
                unsigned k = (unsigned)__builtin_ctzll(hit) / 8;
                i += k;
                o += k;
            }
            unsigned char c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                *o++ = (char)c;
                i++;
                continue;
            }
            if (c == '\0') {
                end = n = i;
                break;
            }
            o = escape_to(o, c);
            i++;
        }
        w->len += (size_t)(o - start);
    }
    putch(w, '"');
}

/* s[0..n) as a JSON string, stopping at a NUL (cJSON reads C strings);
 * with repair, a byte outside valid UTF-8 becomes '?'. */
static void put_string(struct jsonw *w, const char *str, size_t n, bool repair)
{
    const unsigned char *s = (const unsigned char *)str;
    if (JSONW_SWAR && !repair && n > ESCAPE_LONG) {
        put_escaped(w, s, n);
        return;
    }
    size_t i = plain_run(s, n, !repair);
    if (i == n && n < JSONW_FLUSH) {
        /* The common case: nothing to escape, one reservation. */
        char *p = room(w, n + 2);
        *p++ = '"';
        memcpy(p, str, n);
        p[n] = '"';
        w->len += n + 2;
        return;
    }
    putch(w, '"');
    if (i)
        put(w, str, i);
    while (i < n) {
        size_t run = plain_run(s + i, n - i, !repair);
        if (run) {
            put(w, str + i, run);
            i += run;
            continue;
        }
        if (s[i] == '\0')
            break;
        if (s[i] < 0x80) {
            put_escape(w, s[i++]);
            continue;
        }
        /* repair: the same walk utf8_repair makes over the whole span, so
         * a sequence cut by the span's end is replaced as it would be. */
        uint32_t cp;
        size_t k = utf8_decode(str + i, n - i, &cp);
        if (k == 0) {
            putch(w, '?');
            i++;
        } else {
            put(w, str + i, k);
            i += k;
        }
    }
    putch(w, '"');
}

/* Most a key takes besides its own bytes and the tabs: ',' '\n' two
 * quotes ':' '\t'. */
#define KEY_FRAME 6

/* Tabs for a key's indent up to this depth are copied as one fixed-size
 * block (no call): the report nests about five levels deep. */
#define KEY_TABS 16

/* memcpy of s[0..n) to p, returning the end, without a call for the
 * few bytes of a key: two overlapping loads cover 4 to 16 bytes and
 * read nothing outside s. */
static char *copy_short(char *p, const char *s, size_t n)
{
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(p, &a, 8);
        memcpy(p + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(p, &a, 4);
        memcpy(p + n - 4, &b, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++)
            p[i] = s[i];
    } else {
        memcpy(p, s, n);
    }
    return p + n;
}

/* The bytes of a key that needs no escape, n of them, with its
 * separator and indent, in one reservation: a report writes about 1.4
 * million keys for 1,000 articles, and the general path's length,
 * escape check and calls cost as much as the bytes. */
static void key_plain(struct jsonw *w, const char *key, size_t n, bool comma)
{
    size_t indent = w->depth > KEY_TABS ? w->depth : KEY_TABS;
    char *start = room(w, n + indent + KEY_FRAME), *p = start;
    if (comma)
        *p++ = ',';
    if (w->pretty) {
        static const char tab_run[KEY_TABS + 1] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
        *p++ = '\n';
        if (w->depth <= KEY_TABS)
            memcpy(p, tab_run, KEY_TABS); /* the room covers them all */
        else
            memset(p, '\t', w->depth);
        p += w->depth;
    }
    *p++ = '"';
    p = copy_short(p, key, n);
    *p++ = '"';
    *p++ = ':';
    if (w->pretty)
        *p++ = '\t';
    w->len += (size_t)(p - start);
    w->after_key = true;
}

/* Counts the member and says whether a ',' goes before it. */
static bool next_member(struct jsonw *w)
{
    struct level *l = w->depth ? &w->stack[w->depth - 1] : NULL;
    return l && l->count++ > 0;
}

void jsonw_key(struct jsonw *w, const char *key)
{
    size_t n = strlen(key);
    bool comma = next_member(w);
    const unsigned char *k = (const unsigned char *)key;
    if (n < JSONW_FLUSH && plain_run(k, n, true) == n) {
        /* The usual key, a plain name. */
        key_plain(w, key, n, comma);
        return;
    }
    if (comma)
        putch(w, ',');
    if (w->pretty) {
        putch(w, '\n');
        tabs(w, w->depth);
    }
    put_string(w, key, n, false);
    putch(w, ':');
    if (w->pretty)
        putch(w, '\t');
    w->after_key = true;
}

void jsonw_key_plain(struct jsonw *w, const char *key, size_t n)
{
    key_plain(w, key, n, next_member(w));
}

void jsonw_string(struct jsonw *w, const char *s)
{
    before_value(w);
    put_string(w, s, strlen(s), false);
}

void jsonw_string_n(struct jsonw *w, const char *s, size_t n)
{
    before_value(w);
    put_string(w, s, n, false);
}

void jsonw_string_utf8(struct jsonw *w, const char *s, size_t n)
{
    before_value(w);
    put_string(w, s, n, true);
}

/* ---- fixed-shape output -------------------------------------------------- */

char *jsonw_room(struct jsonw *w, size_t n)
{
    return room(w, n);
}

void jsonw_wrote(struct jsonw *w, const char *end)
{
    w->len = (size_t)(end - w->buf);
}

char *jsonw_put_plain(char *p, const char *s, size_t n)
{
    uint64_t x;
    size_t i = 0;
    *p++ = '"';
    /* Checked and copied eight bytes a step; the last word overlaps the
     * one before it (or, short, is padded with a plain byte). */
    if (n < 8) {
        x = EVERY_BYTE('a');
        memcpy(&x, s, n);
        if (care_bits(x))
            return NULL;
        memcpy(p, s, n);
    } else {
        for (; n - i > 8; i += 8) {
            memcpy(&x, s + i, 8);
            if (care_bits(x))
                return NULL;
            memcpy(p + i, &x, 8);
        }
        memcpy(&x, s + n - 8, 8);
        if (care_bits(x))
            return NULL;
        memcpy(p + n - 8, &x, 8);
    }
    p[n] = '"';
    return p + n + 1;
}

void jsonw_put_string(struct jsonw *w, const char *s)
{
    if (s)
        put_string(w, s, strlen(s), false);
    else
        put(w, "null", 4);
}

void jsonw_put_string_n(struct jsonw *w, const char *s, size_t n)
{
    put_string(w, s, n, false);
}

void jsonw_put_string_utf8(struct jsonw *w, const char *s, size_t n)
{
    put_string(w, s, n, true);
}

void jsonw_had_members(struct jsonw *w)
{
    /* only "none yet" is ever asked of the count */
    if (w->depth && w->stack[w->depth - 1].count == 0)
        w->stack[w->depth - 1].count = 1;
}

char *jsonw_key_frame(const struct jsonw *w, const char *key, size_t n,
                      bool comma, size_t *len)
{
    /* key_plain's bytes, laid out plainly: this runs once per shape. */
    char *f = xmalloc(n + w->depth + KEY_FRAME), *p = f;
    if (comma)
        *p++ = ',';
    if (w->pretty) {
        *p++ = '\n';
        memset(p, '\t', w->depth);
        p += w->depth;
    }
    *p++ = '"';
    memcpy(p, key, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    if (w->pretty)
        *p++ = '\t';
    *len = (size_t)(p - f);
    return f;
}

/* ---- scalars ------------------------------------------------------------ */

/* cJSON's test whether the 15-digit form reads back as the same double. */
static bool same_double(double a, double b)
{
    double max = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= max * DBL_EPSILON;
}

/* Below 1e15 a whole number prints under "%1.15g" as its plain digits and
 * reads back exactly: the common case (offsets, lines, counts) skips
 * printf. */
#define PLAIN_INTEGER_LIMIT 1e15

/* How many decimal digits u has (u < 1e15). */
static size_t digit_count(uint64_t u)
{
    size_t n = 1;
    while (u >= 10000) {
        u /= 10000;
        n += 4;
    }
    if (u >= 10)
        n++;
    if (u >= 100)
        n++;
    if (u >= 1000)
        n++;
    return n;
}

char *jsonw_put_int(char *p, int64_t v)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    if (v < 0)
        *p++ = '-';
    /* most numbers of a report are offsets, lines and counts */
    if (u < SWAR_SMALL_LIMIT)
        return swar_put_small(p, (uint32_t)u);
    size_t n = digit_count(u);
    char *end = p + n, *q = end;
    while (u >= 100) {
        const char *d = swar_digit_pairs + 2 * (u % 100);
        u /= 100;
        *--q = d[1];
        *--q = d[0];
    }
    if (u >= 10) {
        *--q = swar_digit_pairs[2 * u + 1];
        *--q = swar_digit_pairs[2 * u];
    } else {
        *--q = (char)('0' + u);
    }
    return end;
}

void jsonw_put_number(struct jsonw *w, double v)
{
    char b[32];
    int n;
    if (isnan(v) || isinf(v)) {
        put(w, "null", 4);
        return;
    }
    if (fabs(v) < PLAIN_INTEGER_LIMIT && v == floor(v) &&
        !(v == 0 && signbit(v))) {
        char *p = room(w, JSONW_INT_MAX);
        w->len += (size_t)(jsonw_put_int(p, (int64_t)v) - p);
        return;
    }
    n = snprintf(b, sizeof b, "%1.15g", v);
    if (!same_double(strtod(b, NULL), v))
        n = snprintf(b, sizeof b, "%1.17g", v);
    if (n > 0 && (size_t)n < sizeof b)
        put(w, b, (size_t)n);
}

void jsonw_number(struct jsonw *w, double v)
{
    before_value(w);
    jsonw_put_number(w, v);
}

void jsonw_bool(struct jsonw *w, bool v)
{
    before_value(w);
    if (v)
        put(w, "true", 4);
    else
        put(w, "false", 5);
}

void jsonw_null(struct jsonw *w)
{
    before_value(w);
    put(w, "null", 4);
}

void jsonw_newline(struct jsonw *w)
{
    putch(w, '\n');
}

/* ---- lifecycle ---------------------------------------------------------- */

struct jsonw *jsonw_new(FILE *out, bool pretty)
{
    struct jsonw *w = xcalloc(1, sizeof *w);
    w->out = out;
    w->pretty = pretty;
    return w;
}

void jsonw_free(struct jsonw *w)
{
    if (!w)
        return;
    free(w->buf);
    free(w->stack);
    free(w);
}

void jsonw_flush(struct jsonw *w)
{
    if (!w->out)
        return;
    write_out(w, w->buf, w->len);
    w->len = 0;
}

char *jsonw_take(struct jsonw *w, size_t *len)
{
    char *s = w->buf ? w->buf : xmalloc(1);
    *len = w->len;
    s[w->len] = '\0';
    w->buf = NULL;
    w->len = w->cap = 0;
    return s;
}
