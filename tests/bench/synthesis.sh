#!/usr/bin/env bash
# Synthesizers (Gaussian copula, sequential trees) and the report's baselines (independent marginals, resampling) on
# adult, housing, iris and breast-cancer (run by hand, not in CI): fidelity, TSTR against TRTR, closest-record distance
# ratio, exact copies, training time and sampling speed. The table in docs/synthesis.md comes from it.
# Usage: tests/bench/synthesis.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- synthesis
