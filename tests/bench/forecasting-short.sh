#!/usr/bin/env bash
# [Tune]'s choice on one series at a time (run by hand, not in CI): M4's weekly (horizon 13) or hourly (horizon 48,
# season 24) series, each cut to its last L points and forecast alone, for a few lengths; per length the mean test
# sMAPE / MASE / OWA of the model [Tune] keeps, of the lowest mean on the rolling origins and of every model alone.
# The series are M4's Weekly-train.csv or Hourly-train.csv (github.com/Mcompetitions/M4-methods, Dataset/Train), which
# are not bundled (the repository states no licence): give the file's path.
# Usage: tests/bench/forecasting-short.sh <Weekly-train.csv|Hourly-train.csv> [series] [lengths, e.g. 80,100,150,200]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-short "$1" "${2:-100}" "${3:-40,60,100,200}"
