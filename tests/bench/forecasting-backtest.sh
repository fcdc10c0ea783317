#!/usr/bin/env bash
# How well the forecaster's interval is calibrated, on more than one test window (run by hand, not in CI): each bundled
# series' tuned model trained again with the series cut 0, 1, …, n − 1 horizons short, each window's coverage by the
# interval calibrated on what came before it. Figures in docs/forecasting.md.
# Usage: tests/bench/forecasting-backtest.sh [windows, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-backtest "$@"
