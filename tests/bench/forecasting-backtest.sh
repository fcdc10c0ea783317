#!/usr/bin/env bash
# The forecaster on more than one test window (run by hand, not in CI): each bundled series cut 0, 1, …, n − 1 horizons
# short. First how well the interval is calibrated (the tuned model trained again on each cut, each window's coverage
# by the interval calibrated on what came before it), then [Tune]'s choice made again on each window and the chosen
# model's errors averaged over the windows (and each model's); then statsmodels (ETSModel, ThetaModel, ARIMA, each form chosen again on
# every window) over the same windows of sunspots, co2, elec-equip and us-macro (each window's mean over its five series): its own intervals' coverage and its mean errors
# (forecasting_peer.py; on the taxi series its ARIMA grid would fit 480 models of 10,000 points). Figures in
# docs/forecasting.md ("Over more windows than one") and docs/forecasting-log.md.
# Usage: tests/bench/forecasting-backtest.sh [windows, default 20] [series filter: "taxi", "sunspots" (with "sunspots, Season = 11", the choice part only), "co2", "births", "elec-equip", "us-macro" (with "us-macro GDP" and its past-covariate and read-ahead forms, the choice part only); all by default] [coverage or choice: both by default; blend: the choice with the combination a weighted mean by greedy selection instead of the median of the best three; theta: the choice with the optimised Theta model (compared only when declared) among the candidates, and the test window's two Thetas; direct: the global trees recursive against direct, and the form chosen on each window's origins by the lower OWA and by [Tune]'s one-standard-error rule]
set -euo pipefail
cd "$(dirname "$0")/../.."
# The peers are Debian's statsmodels 0.13.5.
. tests/bench/python-peers.sh
python_peers 'import statsmodels' python3-statsmodels
windows="${1:-20}"
filter="${2:-}"
part="${3:-}"
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-backtest "$windows" "$filter" "$part"
# The trees' two forms have no peer.
[[ "$part" == direct || "$part" == theta ]] && exit 0
echo "statsmodels over the same windows: its own 80 % intervals' coverage, then each model's mean sMAPE / MASE:"
echo "| series | model | window 1 | windows 2 to n |"
echo "|---|---|---|---|"
if [[ "sunspots" == *"$filter"* ]]; then
  /usr/bin/python3 tests/bench/forecasting_peer.py datasets/sunspots/sunspots.csv YEAR SUNACTIVITY 10 1 "$windows" | sed 's/^| /| sunspots | /'
fi
if [[ "co2" == *"$filter"* ]]; then
  /usr/bin/python3 tests/bench/forecasting_peer.py datasets/co2/co2.csv date co2 13 52 "$windows" | sed 's/^| /| co2 | /'
fi
if [[ "elec-equip" == *"$filter"* ]]; then
  /usr/bin/python3 tests/bench/forecasting_peer.py datasets/elec-equip/elec_equip.csv DATE STS.M.I7.W.TOVT.NS0016.4.000 18 12 "$windows" | sed 's/^| /| elec-equip | /'
fi
if [[ "us-macro" == *"$filter"* ]]; then
  /usr/bin/python3 tests/bench/forecasting_peer.py datasets/us-macro/quarterly.csv quarter value 8 4 "$windows" --series=series | sed 's/^| /| us-macro | /'
fi
