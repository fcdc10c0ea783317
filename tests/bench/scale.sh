#!/usr/bin/env bash
# Rows against time and peak memory (run by hand, not in CI): the taxi-fare train file repeated to 100k, 1M, 3M and
# 10M rows, Declarative's Train(path) against the same pipeline written by hand in ML.NET, each in its own process.
# Usage: tests/bench/scale.sh [size filter: 100k, 1m, 3m, 10m; "" for all]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- scale "$@"
