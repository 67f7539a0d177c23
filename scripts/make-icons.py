#!/usr/bin/env python3
"""Draws the Teams app icons (manifest/color.png 192x192, manifest/outline.png 32x32) with no dependencies.

The motif is three overlapping rings: partners around one table. Colour icon: white rings on the accent
colour; outline icon: white rings on a transparent background, as Teams requires.
Run: python3 scripts/make-icons.py
"""
import math
import struct
import zlib
from pathlib import Path

ACCENT = (0x1F, 0x5A, 0x96)


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def rings_alpha(size, x, y):
    """Coverage (0..1) of three rings centred around the middle, sampled 4x4 for smooth edges."""
    total = 0.0
    radius, width = size * 0.2, max(1.5, size * 0.055)
    centres = [(size / 2 + size * 0.16 * math.cos(a), size / 2 + size * 0.16 * math.sin(a))
               for a in (math.pi / 2 * 3, math.pi / 6, math.pi / 6 * 5)]
    for sx in range(4):
        for sy in range(4):
            px, py = x + (sx + 0.5) / 4, y + (sy + 0.5) / 4
            if any(abs(math.hypot(px - cx, py - cy) - radius) <= width / 2 for cx, cy in centres):
                total += 1
    return total / 16


def draw(size, background):
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            a = rings_alpha(size, x, y)
            if background is None:
                row.append((255, 255, 255, round(255 * a)))
            else:
                row.append(tuple(round(c + (255 - c) * a) for c in background) + (255,))
        rows.append(row)
    return rows


root = Path(__file__).resolve().parent.parent / "manifest"
png(root / "color.png", 192, draw(192, ACCENT))
png(root / "outline.png", 32, draw(32, None))
print("wrote", root / "color.png", root / "outline.png")
