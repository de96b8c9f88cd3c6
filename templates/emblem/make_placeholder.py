#!/usr/bin/env python3
"""Draws templates/emblem/placeholder.png: Saraban's neutral stand-in for an office's emblem
(rings, ticks and a lozenge; never the Garuda, whose use is restricted by law). Standard
library only (zlib, struct); the same design as the built-in placeholder in src/documents/emblem.cpp.
    python3 templates/emblem/make_placeholder.py templates/emblem/placeholder.png"""
import math, struct, sys, zlib

N, SS = 240, 3


def ink(x, y):
    dx, dy = x - 0.5, y - 0.5
    r = math.hypot(dx, dy)
    band = lambda v, lo, hi: lo <= v <= hi
    if band(r, 0.455, 0.495) or band(r, 0.385, 0.405):
        return 1.0
    d = abs(dx) + abs(dy)
    if band(d, 0.22, 0.26) or d < 0.11:
        return 1.0
    a = math.atan2(dy, dx)
    step = math.pi / 6
    nearest = round(a / step) * step
    if band(r, 0.415, 0.445) and abs(a - nearest) * r < 0.012:
        return 1.0
    return 0.0


def main(path):
    rows = bytearray()
    for py in range(N):
        rows.append(0)  # filter: none
        for px in range(N):
            c = sum(ink((px + (sx + 0.5) / SS) / N, (py + (sy + 0.5) / SS) / N)
                    for sy in range(SS) for sx in range(SS)) / (SS * SS)
            rows.append(int(round(255 - c * (255 - 60))))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "placeholder.png")
