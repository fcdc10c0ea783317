#!/usr/bin/env bash
# Forecasting on the bundled series (NAB's NYC taxi, yearly sunspots), the last Horizon steps of each held out as M4
# does (run by hand, not in CI): every model on the rolling origins and on the test part (sMAPE, MASE, OWA against
# Naive2), the model [Tune] chose, the interval's coverage and the time. The tables in docs/forecasting.md come from it.
# Usage: tests/bench/forecasting.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting
