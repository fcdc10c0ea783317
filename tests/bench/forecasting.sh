#!/usr/bin/env bash
# Forecasting on the bundled series (NAB's NYC taxi, yearly sunspots, weekly co2, daily US births with and without a holiday covariate, monthly elec-equip, five quarterly us-macro series, the short quarterly danish-money, the Grunfeld panel of eleven firms' years), the last Horizon steps of each held out as M4
# does (run by hand, not in CI): every model on the rolling origins and on the test part (sMAPE, MASE, OWA against
# Naive2), the model [Tune] chose, the interval's coverage and the time; then statsmodels 0.13.5 (Debian's
# python3-statsmodels: Holt-Winters and ETSModel by AICc, ThetaModel, ARIMA by AIC; on births also seasonal ARIMA with
# the holiday as a regressor) on the same split
# (forecasting_peer.py). The tables in docs/forecasting.md come from it.
# Usage: tests/bench/forecasting.sh [filter for our tables: "taxi", "sunspots" (with the solar cycle as the season beside it; "Season = 11" alone), "co2", "births", "elec-equip", "us-macro" (with "us-macro GDP": GDP from the file written wide, alone, with the other four series as past covariates, and with them read ahead, a leak; "us-macro GDP" alone), "danish-money", "grunfeld"; all and the direct comparison by default; the peers always run]
set -euo pipefail
cd "$(dirname "$0")/../.."
# The peers are Debian's statsmodels 0.13.5.
. tests/bench/python-peers.sh
python_peers 'import statsmodels' python3-statsmodels
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting "${1:-}"
echo "statsmodels, NYC taxi (horizon 48, season 48):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/nab-nyc-taxi/nyc_taxi.csv timestamp value 48 48
echo "statsmodels, sunspots (horizon 10, no season):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/sunspots/sunspots.csv YEAR SUNACTIVITY 10 1
echo "statsmodels, co2 (horizon 13, season 52, empty weeks interpolated):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/co2/co2.csv date co2 13 52
echo "statsmodels, US births (horizon 14, season 7; ARIMA also with the holiday as a regressor):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/us-births/births.csv date births 14 7 0 holiday
echo "statsmodels, elec-equip (horizon 18, season 12):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/elec-equip/elec_equip.csv DATE STS.M.I7.W.TOVT.NS0016.4.000 18 12
echo "statsmodels, us-macro (five quarterly series, horizon 8, season 4; each model's sMAPE and MASE averaged over the series):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/us-macro/quarterly.csv quarter value 8 4 --series=series
echo "statsmodels, danish-money (one short quarterly series, horizon 8, season 4):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/danish-money/data.csv period lrm 8 4
echo "statsmodels, grunfeld (eleven yearly series, horizon 6, no season; each model's sMAPE and MASE averaged over the series):"
echo "| model | sMAPE (test) | MASE (test) | 80 % interval coverage |"
/usr/bin/python3 tests/bench/forecasting_peer.py datasets/grunfeld/grunfeld.csv year invest 6 1 --series=firm
