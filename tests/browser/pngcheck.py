#!/usr/bin/env python3
"""Check that a PNG screenshot of the HTML report shows a rendered page.

Usage: pngcheck.py FILE.png [MIN_WIDTH MIN_HEIGHT]

Decodes the PNG with the standard library only (zlib, struct), then checks
that it is of sensible size, not blank (luminance varies, no single colour
covers nearly everything) and that the verdict colours of the report's
cells are there, i.e. the matrix was laid out and styled. Prints one line
of figures; exits 1 with the reason on failure.
"""
import struct
import sys
import zlib

# Cell backgrounds of src/report_html.c (--agree, --partial); a browser
# renders flat CSS colours exactly, a few units of slack for safety.
VERDICT_COLOURS = {"agree": (0xDA, 0xF5, 0xE3), "partial": (0xFD, 0xEF, 0xC3)}
SLACK = 3


def fail(msg):
    print("pngcheck: " + msg)
    sys.exit(1)


def chunks(data):
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail("bad CRC in chunk %r" % kind)
        yield kind, body
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG file")
    width = height = None
    idat = []
    for kind, body in chunks(data):
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(
                ">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                fail("unsupported PNG: depth %d, colour type %d, interlace %d"
                     % (depth, ctype, interlace))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
    if width is None:
        fail("no IHDR chunk")
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        fail("image data has %d bytes, want %d" % (len(raw),
                                                    height * (stride + 1)))
    rows = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            line = bytearray((p + q) & 0xFF for p, q in zip(line, prev))
        elif f in (1, 3, 4):
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                if f == 1:
                    line[i] = (line[i] + a) & 0xFF
                elif f == 3:
                    line[i] = (line[i] + ((a + prev[i]) >> 1)) & 0xFF
                else:
                    c = prev[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + paeth(a, prev[i], c)) & 0xFF
        elif f != 0:
            fail("bad filter type %d in row %d" % (f, y))
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def near(px, colour):
    return all(abs(px[i] - colour[i]) <= SLACK for i in range(3))


def main():
    if len(sys.argv) not in (2, 4):
        fail("usage: pngcheck.py FILE.png [MIN_WIDTH MIN_HEIGHT]")
    min_w, min_h = (int(sys.argv[2]), int(sys.argv[3])) if len(
        sys.argv) == 4 else (800, 600)
    width, height, bpp, rows = decode(sys.argv[1])
    if width < min_w or height < min_h:
        fail("%dx%d is smaller than %dx%d" % (width, height, min_w, min_h))
    n = 0
    total = 0.0
    total2 = 0.0
    counts = {}
    found = dict.fromkeys(VERDICT_COLOURS, 0)
    # Every second pixel of every second row: plenty, and 4x faster.
    for y in range(0, height, 2):
        line = rows[y]
        for x in range(0, width * bpp, 2 * bpp):
            px = (line[x], line[x + 1], line[x + 2])
            lum = 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2]
            total += lum
            total2 += lum * lum
            n += 1
            counts[px] = counts.get(px, 0) + 1
            for name, colour in VERDICT_COLOURS.items():
                if near(px, colour):
                    found[name] += 1
    mean = total / n
    var = total2 / n - mean * mean
    top = max(counts.values()) / n
    print("pngcheck: %dx%d, %d colours, luminance mean %.1f sd %.1f, "
          "commonest colour %.0f%%, %s" % (
              width, height, len(counts), mean, var ** 0.5, 100 * top,
              ", ".join("%s %d px" % kv for kv in sorted(found.items()))))
    if var < 100:
        fail("blank: luminance hardly varies (sd %.1f)" % var ** 0.5)
    if top > 0.97:
        fail("blank: one colour covers %.0f%% of the image" % (100 * top))
    if len(counts) < 16:
        fail("only %d colours: nothing rendered" % len(counts))
    for name, px in found.items():
        if px < 50:
            fail("hardly any %s cell colour (%d px): matrix not styled"
                 % (name, px))


if __name__ == "__main__":
    main()
