#!/usr/bin/env bash
# What a model cache hit costs a build (run by hand, not in CI): the Quickstart sample (adult census, LightGbm, report)
# built with its model files removed, alternating a build that restores them from a folder cache and a build with
# training off (DeclarativeTrainOnBuild=false: compile and copy, no host), then a build that trains, for scale.
# Prints each run, the min and median of each side and their ratios (the issue's target: hit <= 1.1x training off).
# Usage: tests/bench/model-cache.sh [runs per side, default 7]
set -euo pipefail
runs=${1:-7}
repo=$(cd "$(dirname "$0")/../.." && pwd)
source "$repo/tests/bench/timing.sh"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
sample="$repo/samples/Quickstart"
configuration=${DECLARATIVE_BENCH_CONFIGURATION:-Release}   # as a team's CI builds
artifacts="$sample/obj/$configuration/net10.0/declarative"

dotnet build "$sample" -c "$configuration" -p:DeclarativeModelCache="$cache" >/dev/null   # restore packages, compile, train once and store

forget() { rm -rf "$artifacts" "$sample"/bin/$configuration/net10.0/IncomeModel.*; }
time_build() {
  forget
  seconds dotnet build "$sample" -c "$configuration" --no-restore "$@"
}

time_build -p:DeclarativeModelCache="$cache" >/dev/null   # warm both sides once
time_build -p:DeclarativeTrainOnBuild=false >/dev/null
hit=(); off=()
for ((i = 0; i < runs; i++)); do
  hit+=("$(time_build -p:DeclarativeModelCache="$cache")")
  off+=("$(time_build -p:DeclarativeTrainOnBuild=false)")
done
trained=$(time_build)
grep -q '"trainer"' "$sample/bin/$configuration/net10.0/IncomeModel.model.json"

echo "Quickstart build ($configuration), model files removed, $runs runs each (seconds)"
echo "cache hit:    ${hit[*]}"
echo "training off: ${off[*]}"
echo "training (no cache, once): $trained"
awk -v h="$(minimum "${hit[@]}")" -v o="$(minimum "${off[@]}")" 'BEGIN { printf "min:    hit %.3f s, training off %.3f s, ratio %.3f\n", h, o, h / o }'
awk -v h="$(median "${hit[@]}")" -v o="$(median "${off[@]}")" -v t="$trained" 'BEGIN { printf "median: hit %.3f s, training off %.3f s, ratio %.3f (target <= 1.1); training %.3f s = %.1fx the hit\n", h, o, h / o, t, t / h }'
