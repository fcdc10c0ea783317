#!/usr/bin/env bash
# Measures what build-time training adds to a no-op incremental build (run by hand, not in CI).
#
# Packs Declarative, writes a fresh app with two pipelines that references the package, trains once, then times
# `dotnet build` with nothing changed, alternating DeclarativeTrainOnBuild=true and =false, and prints the min and
# median of each and their ratios. Usage: tests/bench/noop-build.sh [runs per mode, default 9]
set -euo pipefail
runs=${1:-9}
repo=$(cd "$(dirname "$0")/../.." && pwd)
source "$repo/tests/bench/timing.sh"
bench_app "$repo"
cp "$repo/datasets/breast-cancer/breast-cancer-withheader.txt" "$app/data/breast-cancer.txt"
cp "$repo/datasets/housing/housing.txt" "$app/data/housing.txt"
cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Declarative" Version="$version" /></ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using Declarative;
Console.WriteLine(TumorModel.Load().Predict(new Tumor { Thickness = 9 }).PredictedLabel);
Console.WriteLine(HouseModel.Load().Predict(new House { Rooms = 6 }).Score);
public sealed class Tumor { [Label, Column("label")] public bool Malignant { get; set; } public float Thickness { get; set; } [Column("uniform_size")] public float UniformSize { get; set; } }
public sealed class House { [Label, Column("MedianHomeValue")] public float Value { get; set; } [Column("RoomsPerDwelling")] public float Rooms { get; set; } [Column("PercentLowIncome")] public float LowIncome { get; set; } }
[BinaryClassification<Tumor>(Data = "data/breast-cancer.txt")] public partial class TumorModel;
[Regression<House>(Data = "data/housing.txt")] public partial class HouseModel;
CS

cd "$app"
dotnet build >/dev/null                                    # restore, compile, train both models
dotnet build -p:DeclarativeTrainOnBuild=false >/dev/null   # warm the other mode too

time_build() { seconds dotnet build --no-restore "$@"; }

on=(); off=()
for ((i = 0; i < runs; i++)); do
  on+=("$(time_build)")
  off+=("$(time_build -p:DeclarativeTrainOnBuild=false)")
done

m_on=$(median "${on[@]}"); m_off=$(median "${off[@]}")
n_on=$(minimum "${on[@]}"); n_off=$(minimum "${off[@]}")
echo "no-op build, $runs runs each (seconds): training on: ${on[*]}"
echo "no-op build, $runs runs each (seconds): training off: ${off[*]}"
awk -v on="$n_on" -v off="$n_off" 'BEGIN { printf "min on %.3f s, min off %.3f s, ratio %.3f\n", on, off, on / off }'
awk -v on="$m_on" -v off="$m_off" 'BEGIN { printf "median on %.3f s, median off %.3f s, ratio %.3f (target <= 1.2)\n", on, off, on / off }'
