#!/usr/bin/env bash
# Opening hours as the step against the way such a series was read before (run by hand, not in CI): the bundled taxi's
# weekday half-hours from 07:00 to 19:30 (and the same with a break at noon, and every evening from 18:00 to 01:30),
# the next open day forecast by every model on its own step (a season of a day's slots) and with the closed slots
# interpolated at a plain half-hourly step (a season of 48, what FillGaps gave), from the last days' last slots.
# Figures in docs/forecasting-log.md.
# Usage: tests/bench/forecasting-hours.sh [windows, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-hours "${1:-20}"
