#!/usr/bin/env bash
# The Numenta Anomaly Benchmark's scoring in C# (tests/Declarative.Benchmarks/Nab), checked against NAB's own results
# (run by hand, not in CI): each detector's stored anomaly scores at the threshold NAB's optimizer chose, over all 58
# files and three profiles, next to the totals NAB published; then our optimizer's threshold and score.
# NAB (MIT) is not bundled (its results alone are 300 MB): clone it and give its folder.
#   git clone https://github.com/numenta/NAB
# Usage: tests/bench/nab.sh <NAB checkout> [detectors, comma-separated; default null,windowedGaussian,randomCutForest,contextOSE]
set -euo pipefail
nab=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- nab "$nab" ${2:+"$2"}
# Then our series detectors on NAB's data, streamed one point at a time, scored the same way (one threshold per profile).
dotnet run -c Release --project tests/Declarative.Benchmarks -- nab-detect "$nab"
# The default series detector alone on NYC taxi against the typed API on rows (Detect, and a stream one row at a time).
dotnet run -c Release --project tests/Declarative.Benchmarks -- series-stream
