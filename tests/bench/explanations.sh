#!/usr/bin/env bash
# Explanations per second against Predict on the same rows, one thread (run by hand, not in CI). Figures in docs/explanations.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- explanations
