#!/usr/bin/env bash
# What one ARIMA fit costs (run by hand, not in CI): its whole grid of orders (d <= 1, p <= 3, q <= 2), as a tuned
# forecaster fits it for each series and window, against one exponential smoothing fit (every form) of the same series,
# alternating, on 900 of taxi's half-hours, the whole taxi series, sunspots and elec-equip. Figures in docs/forecasting-log.md.
# Usage: tests/bench/forecasting-arima.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-arima "${1:-5}"
