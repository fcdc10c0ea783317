#!/usr/bin/env bash
# The tuner benchmark (run by hand, not in CI): every tuner at the same trial budget on every bundled dataset, on one
# 80/20 holdout, next to scikit-learn's HistGradientBoosting + RandomizedSearchCV given the same wall time.
# Usage: tests/bench/tuning.sh [trials per tuner, default 20] [dataset filter, "" for all] [seed, default 1]
# DECLARATIVE_TUNERS=random,auto runs only those tuner columns; DECLARATIVE_SKLEARN=0 leaves scikit-learn out.
# Means over seeds: tests/bench/tuning_means.py seed1.log seed2.log seed3.log (the saved outputs of three seeds).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/python-peers.sh
python_peers 'import sklearn, pandas, scipy' python3-sklearn python3-pandas python3-scipy
dotnet run -c Release --project tests/Declarative.Benchmarks -- "$@"
