#!/usr/bin/env bash
# How well the forecaster's interval is calibrated, on more than one test window (run by hand, not in CI): each bundled
# series' tuned model trained again with the series cut 0, 1, …, n − 1 horizons short, each window's coverage by the
# interval calibrated on what came before it; then statsmodels' own intervals (ETSModel, ThetaModel, ARIMA, each form
# chosen again on every window) over the same windows of sunspots and co2 (forecasting_peer.py; on the taxi series its
# ARIMA grid would fit 480 models of 10,000 points). Figures in docs/forecasting.md.
# Usage: tests/bench/forecasting-backtest.sh [windows, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
windows="${1:-20}"
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-backtest "$windows"
echo "statsmodels' own 80 % intervals over the same windows:"
echo "| series | model | window 1 | windows 2 to n |"
echo "|---|---|---|---|"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/sunspots/sunspots.csv YEAR SUNACTIVITY 10 1 "$windows" | sed 's/^| /| sunspots | /'
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/co2/co2.csv date co2 13 52 "$windows" | sed 's/^| /| co2 | /'
