#!/usr/bin/env bash
# The global trees on series with a long season (run by hand, not in CI): NAB's five-minute series (a day of 288 steps),
# every lag of two seasons (at most 400) against the nearest 48 and the three around each whole season, alternating;
# NYC taxi (48) beside them, which reads every lag either way. Time min / median, the test part's errors and the
# origins' OWA. Figures in docs/forecasting-log.md ("A season longer than 100 read sparsely by the trees").
# Usage: tests/bench/forecasting-lags.sh <NAB folder, holding data/realAWSCloudwatch/...> [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-lags "$1" "${2:-2}"
