#!/usr/bin/env bash
# The Native AOT sample against the same app on the JIT (run by hand, not in CI): executable size, and wall time and
# peak resident memory from process start to its last prediction (loads three models, predicts eight rows), five runs
# each: native, JIT with the portable scorer, JIT through ML.NET's engine (--mlnet). Needs GNU time (/usr/bin/time).
# Figures in docs/prediction.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish samples/NativeAot -r linux-x64 -c Release -o "$out" >/dev/null
jit=samples/NativeAot/bin/Release/net10.0/linux-x64/NativeAot.dll
echo "native executable: $(stat -c %s "$out/NativeAot") bytes"
run() {
  local label=$1; shift
  local results
  results=$(for _ in 1 2 3 4 5; do (cd "$out" && /usr/bin/time -f "%e %M" "$@" >/dev/null) 2>&1 | tail -1; done)
  local times memory
  times=$(echo "$results" | awk '{print $1}' | sort -n | tr '\n' ' ')
  memory=$(echo "$results" | awk '{print $2}' | sort -n | sed -n 3p)
  echo "$label: seconds $times(sorted), peak RSS median $memory KB"
}
run "native" ./NativeAot
run "JIT, portable scorer" dotnet "$PWD/$jit"
run "JIT, ML.NET engine" dotnet "$PWD/$jit" --mlnet
