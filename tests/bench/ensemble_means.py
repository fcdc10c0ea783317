#!/usr/bin/env python3
"""Means over seeds of the ensemble harness's tables (tests/bench/ensembles.sh).

Usage: tests/bench/ensembles.sh 20 "" 1 > seed1.log; ... 2 > seed2.log; ... 3 > seed3.log
       tests/bench/ensemble_means.py seed1.log seed2.log seed3.log

Prints the mean table, each column's mean gain over the untuned default (the harness blends on every dataset; the
"CV only" columns keep the best trial alone on the two holdout-validated sets), the datasets where a column's mean
falls more than 0.001 below the best trial alone, and where it is at or above stacking; then the blend's lift over the
best trial run by run (mean, spread, standard error of the mean), and the mean gain had a blend been kept only when
its out-of-fold metric led the best trial's by more than a margin (a fraction of the squared error for regression).
"""
import re
import statistics
import sys

from tuning_means import tables

HOLDOUT = {"adult", "taxi-fare"}  # 20,000 training rows and more: tuning validates on a holdout, no ensemble by default


def main(paths):
    runs = [tables(p) for p in paths]
    header = runs[0][0]
    datasets = list(runs[0][1])
    # A column no run printed (stacking under DECLARATIVE_SKLEARN=0) is left out.
    columns = [c for c in header[2:] if any(c in r[1][ds][1] for r in runs for ds in datasets)]
    mean = {ds: {c: statistics.mean(r[1][ds][1][c][0] for r in runs if c in r[1][ds][1]) for c in columns} for ds in datasets}
    seconds = {ds: {c: statistics.mean(r[1][ds][1][c][1] for r in runs if c in r[1][ds][1]) for c in columns} for ds in datasets}
    # The columns blend on every dataset; below 20,000 training rows only is what a rule that keeps holdouts single gives.
    for check in ("unchecked", "pooled"):
        for ds in datasets:
            mean[ds][f"{check}, CV only"] = mean[ds]["auto"] if ds in HOLDOUT else mean[ds][check]
            seconds[ds][f"{check}, CV only"] = seconds[ds]["auto"] if ds in HOLDOUT else seconds[ds][check]
    peers = [c for c in columns if c == "stacking"]
    shown = [c for c in columns if c not in peers] + ["unchecked, CV only", "pooled, CV only"] + peers
    print(f"| dataset | metric | {' | '.join(shown)} |")
    print("|" + "---|" * (len(shown) + 2))
    for ds in datasets:
        print(f"| {ds} | {runs[0][1][ds][0]} | " + " | ".join(f"{mean[ds][c]:.4f} ({seconds[ds][c]:.1f} s)" for c in shown) + " |")
    print()
    print(f"Mean gain over the untuned default ({len(runs)} seeds, {len(datasets)} datasets): " + ", ".join(
        f"{c} {statistics.mean(mean[ds][c] - mean[ds]['default'] for ds in datasets):+.4f}" for c in shown if c != "default"))
    for c in ["unchecked", "per-fold", "pooled", "unchecked, CV only", "pooled, CV only"]:
        below = [f"{ds} ({mean[ds][c] - mean[ds]['auto']:+.4f})" for ds in datasets if mean[ds][c] < mean[ds]["auto"] - 0.001]
        above = [ds for ds in datasets if "stacking" in mean[ds] and mean[ds][c] >= mean[ds]["stacking"]]
        versus = f"; at or above stacking on {len(above)} of {len(datasets)} ({', '.join(above)})" if peers else ""
        print(f"{c}: more than 0.001 below the best trial alone: {', '.join(below) or 'none'}{versus}")

    lifts = [r[1][ds][1]["unchecked"][0] - r[1][ds][1]["auto"][0] for r in runs for ds in datasets]
    print(f"unchecked over the best trial, run by run ({len(lifts)} runs): mean {statistics.mean(lifts):+.4f}, "
          f"spread {statistics.stdev(lifts):.4f}, standard error {statistics.stdev(lifts) / len(lifts) ** 0.5:.4f}")
    leads = [out_of_fold_leads(p) for p in paths]
    for margin in (0, 0.001, 0.002, 0.003, 0.005, 0.01):
        gains = [(r[1][ds][1]["unchecked"][0] if leads[i].get(ds, -1) > margin else r[1][ds][1]["auto"][0]) - r[1][ds][1]["default"][0]
                 for i, r in enumerate(runs) for ds in datasets]
        print(f"unchecked kept only when its out-of-fold lead exceeds {margin}: mean gain {statistics.mean(gains):+.4f}")


def out_of_fold_leads(path):
    """{dataset: the unchecked blend's out-of-fold lead over the best trial} from a log's lines; none where it kept the trial."""
    leads = {}
    for line in open(path, encoding="utf-8"):
        if (m := re.match(r"([a-z-]+): unchecked .*out-of-fold (-?[0-9.]+) against (-?[0-9.]+)\)", line)) is not None:
            blend, single = float(m.group(2)), float(m.group(3))
            # Regression prints the negated squared error: its lead is relative.
            leads[m.group(1)] = (blend - single) / abs(single) if single < 0 else blend - single
    return leads


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
