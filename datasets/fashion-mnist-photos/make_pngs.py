#!/usr/bin/env python3
"""Writes the first 40 test-set images of Fashion-MNIST classes 0-4 as 28x28 grayscale PNG files, one folder a class.
Standard library only: reads the idx files Debian's dataset-fashion-mnist installs, writes PNG with zlib."""
import gzip, os, struct, sys, zlib

NAMES = ["t-shirt", "trouser", "pullover", "dress", "coat"]  # Fashion-MNIST labels 0..4
PER_CLASS = 40

def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]

def png(width, height, pixels):
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

source, target = sys.argv[1], sys.argv[2]
(count, rows, cols), images = read_idx(os.path.join(source, "t10k-images-idx3-ubyte.gz"))
_, labels = read_idx(os.path.join(source, "t10k-labels-idx1-ubyte.gz"))
taken = {k: 0 for k in range(len(NAMES))}
for i in range(count):
    label = labels[i]
    if label in taken and taken[label] < PER_CLASS:
        taken[label] += 1
        folder = os.path.join(target, NAMES[label])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{i:05d}.png"), "wb") as f:
            f.write(png(cols, rows, images[i * rows * cols:(i + 1) * rows * cols]))
print(taken)
