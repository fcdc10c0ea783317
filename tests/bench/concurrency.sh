#!/usr/bin/env bash
# Trial throughput with one trial at a time against two side by side (run by hand, not in CI, on an otherwise idle
# machine): the tuning loop alone on adult, housing and breast-cancer, with a check that the trials are the same.
# Usage: tests/bench/concurrency.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- concurrency
