#!/usr/bin/env bash
# Whether a tuning time budget holds (run by hand, not in CI): Train() of adult (LightGbm + FastTree, 20 s), housing
# (FastTree + Sdca, 15 s) and yelp's text (every binary candidate, 2 s) with far more trials than fit, timed, with
# the trials run, the trainers tried and the trainer fitted.
# Usage: tests/bench/budget.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- budget
