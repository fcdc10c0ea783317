#!/usr/bin/env bash
# The forecaster's training time (the default, or the tuned one) on 400 hourly series of 700–960 points, horizon 48 (run by hand, not in CI).
# The series are the M4 competition's Hourly-train.csv (github.com/Mcompetitions/M4-methods, Dataset/Train), which is
# not bundled (its repository states no licence): give its path.
# `tuned` times the forecaster with [Tune] instead (every model scored on every series at every origin).
# Usage: tests/bench/forecasting-scale.sh <Hourly-train.csv> [series] [tuned]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-scale "$1" "${2:-400}" ${3:-}
