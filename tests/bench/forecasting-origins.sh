#!/usr/bin/env bash
# What scoring the rolling origins in parallel saves (run by hand, not in CI): the tuned forecaster of each bundled
# series with every (series, origin) window scored at once against each series' origins one after another (the series
# in parallel, as before 2026-12-05), alternating, min and median; and whether both gave the same model, scores,
# quantiles and forecasts to the last bit. Figures in docs/forecasting-log.md.
# Usage: tests/bench/forecasting-origins.sh [rounds, default 3] [series filter: "taxi", "sunspots", "co2", "births", "elec-equip", "us-macro"]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-origins "${1:-3}" "${2:-}"
