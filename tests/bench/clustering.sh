#!/usr/bin/env bash
# Clustering against scikit-learn's standardized k-means on the same splits (run by hand, not in CI): iris, wine,
# breast-cancer and optdigits, ten seeded splits (or as many as given), one NMI function for both. Figures in docs/tuning.md.
# Usage: tests/bench/clustering.sh [splits, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/python-peers.sh
python_peers 'import sklearn' python3-sklearn
dotnet run -c Release --project tests/Declarative.Benchmarks -- clustering "$@"
