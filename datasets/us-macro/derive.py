#!/usr/bin/env python3
"""Writes quarterly.csv from macrodata.csv (unchanged from statsmodels 0.13.5's datasets/macrodata): the five real
aggregates (GDP, consumption, investment, federal government, disposable income) as five series in long form, one row
per series and quarter, the quarter written as pandas and statistics offices write it (1959Q1) where the source has the
year and the quarter in two columns. Values are copied as written. Usage: python3 derive.py (in this folder)."""
import csv

SERIES = ["realgdp", "realcons", "realinv", "realgovt", "realdpi"]

with open("macrodata.csv", newline="") as source:
    rows = list(csv.DictReader(source))

with open("quarterly.csv", "w", newline="") as target:
    writer = csv.writer(target, lineterminator="\n")
    writer.writerow(["quarter", "series", "value"])
    for name in SERIES:
        previous = None
        for row in rows:
            year, quarter = int(row["year"]), int(row["quarter"])
            assert 1 <= quarter <= 4, row
            # One row a quarter, in order, none missing.
            if previous is not None:
                assert (year, quarter) == (previous[0] + (previous[1] == 4), previous[1] % 4 + 1), row
            previous = (year, quarter)
            writer.writerow([f"{year}Q{quarter}", name, row[name]])
