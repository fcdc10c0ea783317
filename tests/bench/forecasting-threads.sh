#!/usr/bin/env bash
# What LightGBM's threads give the forecaster's global trees (run by hand, not in CI): one fit on one thread against
# the default (a thread per core), alternating, alone and two fits at once in one process, on each bundled series as
# its test part's trees are fitted; the feature values (rows x features) against the one-thread bound. Figures in
# docs/forecasting-log.md.
# Usage: tests/bench/forecasting-threads.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-threads "${1:-5}"
