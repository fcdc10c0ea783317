# Shared by the build harnesses (sourced, not run).
# seconds <command...>: runs it with its output discarded, prints the seconds it took (3 decimals).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }

# bench_app <repo>: packs every package of the repository under a fresh version into a temporary feed and makes an
# empty app folder that restores from it. Sets work, version and app; removes the folder and the restored packages on exit.
bench_app() {
  work=$(mktemp -d)
  version="0.1.0-bench.$(date +%Y%m%d%H%M%S)"
  trap 'rm -rf "$work" "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/declarative*/"$version"' EXIT
  dotnet pack "$1" -c Release -o "$work/feed" -p:Version="$version" >/dev/null
  app="$work/app"
  mkdir -p "$app/data"
  printf '<configuration><packageSources><add key="bench" value="%s" /></packageSources></configuration>\n' "$work/feed" > "$app/nuget.config"
}
