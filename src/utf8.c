/* utf8.c - decoding, validation and byte-for-byte repair. */
#include "claimdiff/utf8.h"

#include <string.h>

/* Bytes from s[i] on that are ASCII, eight at a time: the loader runs
 * repair over every input, and most text is ASCII. memcpy keeps the load
 * free of alignment and aliasing assumptions (compilers make it one move). */
static size_t ascii_run(const char *s, size_t i, size_t n)
{
    while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

size_t utf8_decode_multi(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c, min;
    size_t len;
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t utf8_repair(char *s, size_t n)
{
    size_t bad = 0, i = 0;
    while (i < n) {
        i = ascii_run(s, i, n);
        if (i == n)
            break;
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            s[i++] = '?';
            bad++;
        } else {
            i += k;
        }
    }
    return bad;
}

bool utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        i = ascii_run(s, i, n);
        if (i == n)
            break;
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            return false;
        i += k;
    }
    return true;
}

bool utf8_is_space_wide(uint32_t cp)
{
    switch (cp) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\f':
    case '\v':
    case 0xA0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200B;
    }
}
