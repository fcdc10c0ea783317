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
# How sequence novelty's score moves with its settings (docs/anomalies.md): one grid of 6-12 levels with no quiet
# period, several grids, shorter runs, other quiet periods and alarm scores.
grid="sequence:Grids=1,Fewest=6,Quiet=0;sequence:Grids=1,Fewest=8,Quiet=0;sequence:Grids=1,Fewest=10,Quiet=0;sequence:Grids=1,Fewest=12,Quiet=0"
grid+=";sequence:Grids=5,Quiet=0;sequence:Grids=9,Quiet=0;sequence:Grids=9,Fewest=6,Quiet=0;sequence:Grids=9,Fewest=10,Quiet=0"
grid+=";sequence:Grids=5;sequence:Fewest=6;sequence:Fewest=10;sequence:Grids=13,Fewest=12;sequence:Order=2;sequence:Order=3"
grid+=";sequence:Quiet=50;sequence:Quiet=75;sequence:Quiet=150;sequence:Quiet=300;sequence:Alarm=0.75;sequence:Alarm=0.99"
dotnet run -c Release --project tests/Declarative.Benchmarks -- nab-detect "$nab" "$grid"
# The default series detector alone on NYC taxi against the typed API on rows (Detect, and a stream one row at a time).
dotnet run -c Release --project tests/Declarative.Benchmarks -- series-stream
