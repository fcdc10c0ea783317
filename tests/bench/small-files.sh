#!/usr/bin/env bash
# A file of a few dozen rows (run by hand, not in CI): below 100 rows `dotnet declarative init` writes no [Tune] and
# names the task's linear trainer. This draws n training rows at random from breast-cancer, housing and iris (the rest
# of each file is the test part) and trains the untuned default (LightGbm) and the linear trainer on the same draws.
# Usage: tests/bench/small-files.sh [sizes, e.g. 30,50,80] [draws, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- small-files "${1:-30,50,80}" "${2:-10}"
