#!/usr/bin/env bash
# The Native AOT sample against the same app on the JIT (run by hand, not in CI): executable size, and wall time (ms,
# including the time GNU time takes to start the process) and peak resident memory from process start to its exit (loads three models, predicts eight rows): native,
# JIT with the portable scorer, JIT through ML.NET's engine (--mlnet), the three alternating run by run; min and median
# of each. Needs GNU time (/usr/bin/time). Figures in docs/prediction.md.
# Usage: tests/bench/native.sh [runs per side, default 9]
set -euo pipefail
runs=${1:-9}
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish samples/NativeAot -r linux-x64 -c Release -o "$out" >/dev/null
jit=samples/NativeAot/bin/Release/net10.0/linux-x64/NativeAot.dll
echo "native executable: $(stat -c %s "$out/NativeAot") bytes"
sides=("native" "JIT, portable scorer" "JIT, ML.NET engine")
commands=("./NativeAot" "dotnet $PWD/$jit" "dotnet $PWD/$jit --mlnet")
declare -a results
for ((i = 0; i < runs; i++)); do
  for s in 0 1 2; do
    # Wall time in milliseconds from the shell's clock (GNU time's %e counts hundredths only), peak RSS from GNU time.
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    rss=$( (cd "$out" && /usr/bin/time -f "%M" ${commands[s]} >/dev/null) 2>&1 | tail -1)
    end=$(date +%s%N)
    results[s]+="$(( (end - start) / 1000000 )) $rss"$'\n'
  done
done
stats() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%s / %s", a[1], m }'; }
for s in 0 1 2; do
  milliseconds=$(printf '%s' "${results[s]}" | awk 'NF { print $1 }' | stats)
  memory=$(printf '%s' "${results[s]}" | awk 'NF { print $2 }' | stats)
  echo "${sides[s]}: ms from start to exit min / median $milliseconds, peak RSS KB min / median $memory ($runs runs, alternating)"
done
