#!/usr/bin/env bash
# Rows that repeat an entity (run by hand, not in CI): statsmodels' modechoice, four rows a traveller. The test AUC a
# split row by row reports against a split by traveller, with the traveller a feature (as init wrote it before it knew
# groups) and as a [GroupId]. Usage: tests/bench/groups.sh [draws, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- groups "${1:-10}"
