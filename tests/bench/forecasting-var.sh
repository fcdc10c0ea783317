#!/usr/bin/env bash
# What reading past covariates costs the autoregression (run by hand, not in CI): one fit with the past covariates
# (the choice of covariates one at a time and of the order) against the series alone, alternating, on the wide
# us-macro file's GDP and investment with the other four series, and on the taxi series with 8 and with 40 seeded
# noise covariates (the worst case: every candidate fitted each round, none read). Figures in docs/forecasting-log.md.
# Usage: tests/bench/forecasting-var.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-var "${1:-5}"
