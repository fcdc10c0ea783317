#!/usr/bin/env bash
# What exponential smoothing's fit costs (run by hand, not in CI): one fit of every additive form with the states
# fitted against the same with the rule of thumb's, then every form (multiplicative errors and seasons too) against the
# additive forms, then every form with the multiplicative errors' states fitted under their own likelihood against the
# additive fit's states (elec-equip too), alternating, on the bundled taxi and co2 series and seeded 10,000-step series
# with seasons of 24, 48 and 168; last, on the seasons longer than 24 (and two seeded weeks of five-minute steps), the
# season held as states against taken out first, the model's way. Figures in docs/forecasting-log.md.
# Usage: tests/bench/forecasting-ets.sh [rounds, default 5] [long: the last table alone]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- forecasting-ets "${1:-5}" "${2:-}"
