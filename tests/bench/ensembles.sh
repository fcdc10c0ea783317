#!/usr/bin/env bash
# The ensemble benchmark (run by hand, not in CI): on every bundled dataset and one 80/20 holdout, the untuned default,
# the best of 20 trials alone, ensembles of the same trials, and scikit-learn's StackingClassifier/StackingRegressor
# given the ensemble's wall time. Tuning runs once per dataset; selection is replayed with each check on unseen folds
# (unchecked, per-fold, pooled: the default).
# Usage: tests/bench/ensembles.sh [trials, default 20] [dataset filter, "" for all] [seed, default 1]
# (The multiclass sets wine, optdigits and penguins run only when the filter names them: they are not among the eight.)
# Means over seeds: tests/bench/ensemble_means.py seed1.log seed2.log seed3.log
# DECLARATIVE_DUMP_TRIALS=1 also prints every trial (trainer, validation metric, hyperparameters);
# DECLARATIVE_SKLEARN=0 leaves the stacking peer out; DECLARATIVE_TUNER_DRAWS=k (k = 1, 2, ...) tunes with another
# stream of the tuners' random numbers, the splits and folds unchanged (0, the default, is what every build draws).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/python-peers.sh
python_peers 'import sklearn, pandas, scipy' python3-sklearn python3-pandas python3-scipy
dotnet run -c Release --project tests/Declarative.Benchmarks -- ensembles "$@"
