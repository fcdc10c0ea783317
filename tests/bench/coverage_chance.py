#!/usr/bin/env python3
"""How often a perfectly calibrated interval's coverage of one test window lands within a tolerance of its level.

Usage: tests/bench/coverage_chance.py [level] [tolerance] [name=points ...]
Defaults: level 0.8, tolerance 0.05, and the test parts of the series sets docs/forecasting.md measures (their points:
series × horizon). Each point is taken as covered with probability `level`, independently (errors within a window are
correlated in practice, which spreads coverage further), so the count covered is binomial; a window of n points can
only cover k/n. Prints each window's chance and the chance that every window lands within the tolerance at once.
"""
import sys
from math import comb

SETS = [("NYC taxi", 48), ("sunspots", 10), ("co2", 13), ("US births", 14), ("elec-equip", 18),
        ("us-macro", 40), ("danish-money", 8), ("grunfeld", 66)]


def chance(points, level, tolerance):
    return sum(comb(points, k) * level ** k * (1 - level) ** (points - k)
               for k in range(points + 1) if abs(k / points - level) <= tolerance + 1e-12)


def parse(arg):
    name, _, points = arg.partition("=")
    if not points.isdigit() or int(points) == 0:
        sys.exit(f"coverage_chance.py: '{arg}' is not name=points (a window's number of test points, at least 1)")
    return name, int(points)


def main(args):
    level = float(args[0]) if args else 0.8
    tolerance = float(args[1]) if len(args) > 1 else 0.05
    sets = [parse(a) for a in args[2:]] or SETS
    print(f"| set | test points | chance that a calibrated {level:.0%} interval covers within {tolerance} |")
    print("|---|---|---|")
    every = 1.0
    for name, points in sets:
        p = chance(points, level, tolerance)
        every *= p
        print(f"| {name} | {points} | {p:.3f} |")
    print(f"every window at once: {every:.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
