#!/usr/bin/env bash
# Prediction cost against raw ML.NET on the same model (run by hand, not in CI): single rows, batches of 10 and
# 10,000, two threads, on adult (binary), taxi-fare and housing (regression), iris (multiclass) and a tuned multiclass
# ensemble on wine, and cold start.
# Usage: tests/bench/prediction.sh [model filter: adult, taxi, housing, iris, wine, cold; "" for all]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- prediction "$@"
