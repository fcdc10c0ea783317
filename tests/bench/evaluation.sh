#!/usr/bin/env bash
# What a build costs beyond training (run by hand, not in CI): Train() alone against Train() + the report, each in a
# child process (median of the repeats), on adult, 100k rows of taxi-fare and the text sets.
# Usage: tests/bench/evaluation.sh [pipeline filter, "" for all] [repeats, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- evaluation "$@"
