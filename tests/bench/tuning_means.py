#!/usr/bin/env python3
"""Means over seeds of the tuner benchmark's tables.

Usage: tests/bench/tuning.sh 20 "" 1 > seed1.log; ... 2 > seed2.log; ... 3 > seed3.log
       tests/bench/tuning_means.py seed1.log seed2.log seed3.log

Prints the mean table (metric and time per column), then each column's mean gain over the untuned default, over
every dataset and over the first five (the benchmark's datasets before the sentences and taxi-fare joined it), and
the runs where the default tuner (auto) is below scikit-learn.
"""
import re
import statistics
import sys
from collections import defaultdict

ORIGINAL = ["adult", "breast-cancer", "iris", "housing", "wikipedia-detox"]
CELL = re.compile(r"^([0-9.]+) \(([0-9.]+) s\)$")


def tables(path):
    """The last markdown table of a harness log: {dataset: (metric, {column: (value, seconds)})}."""
    header, rows = None, {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "dataset":
            header, rows = cells, {}
        elif header and not cells[0].startswith("---"):
            values = {}
            for name, text in zip(header[2:], cells[2:]):
                if (m := CELL.match(text)) is not None:
                    values[name] = (float(m.group(1)), float(m.group(2)))
            rows[cells[0]] = (cells[1], values)
    return header, rows


def main(paths):
    runs = [tables(p) for p in paths]
    header = runs[0][0]
    columns = header[2:]
    datasets = list(runs[0][1])
    print(f"| {' | '.join(header)} |")
    print("|" + "---|" * len(header))
    for ds in datasets:
        metric = runs[0][1][ds][0]
        cells = []
        for c in columns:
            got = [r[1][ds][1][c] for r in runs if ds in r[1] and c in r[1][ds][1]]
            cells.append(f"{statistics.mean(v for v, _ in got):.4f} ({statistics.mean(t for _, t in got):.1f} s)" if got else "n/a")
        print(f"| {ds} | {metric} | {' | '.join(cells)} |")

    print()
    for subset, names in (("all datasets", datasets), ("the first five", [d for d in datasets if d in ORIGINAL])):
        gains = defaultdict(list)
        for _, rows in runs:
            for ds in names:
                if ds not in rows:
                    continue
                values = rows[ds][1]
                for c in columns[1:]:
                    if c in values and "default" in values:
                        gains[c].append(values[c][0] - values["default"][0])
        print(f"Mean gain over the default, {subset} ({len(runs)} seeds): " +
              ", ".join(f"{c} {statistics.mean(g):+.4f} ({len(g)} runs)" for c, g in gains.items()))

    below = [(i + 1, ds) for i, (_, rows) in enumerate(runs) for ds, (_, v) in rows.items()
             if "auto" in v and "scikit-learn" in v and v["auto"][0] < v["scikit-learn"][0]]
    print("Runs where auto is below scikit-learn: " + (", ".join(f"seed {s} {ds}" for s, ds in below) or "none"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
