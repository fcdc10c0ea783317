#!/usr/bin/env bash
# Ranking, clustering and anomaly detection against trivial baselines on the bundled data (run by hand, not in CI):
# a random order of each query, one cluster (NMI and adjusted Rand index 0), random scores (AUC 0.5).
# Usage: tests/bench/tasks.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- tasks
