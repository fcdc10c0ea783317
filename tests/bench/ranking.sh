#!/usr/bin/env bash
# Which trainers [Tune] searches for ranking (run by hand, not in CI): on yahoo-ltr (its 50 test queries held out),
# the untuned LightGbm and FastTree, then 20 trials of LightGbm alone, 20 of LightGbm and FastTree (their best trial),
# and the blend of those trials that [Tune] makes by default, seed by seed. NDCG@10 on the test queries, the chosen
# trainer or blend, the wall time.
# Usage: tests/bench/ranking.sh [trials, default 20] [seeds..., default 1 2 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- ranking "$@"
