#!/usr/bin/env bash
# What a build of the 200 bundled photos costs (run by hand, not in CI): packs Declarative and Declarative.Vision,
# writes a fresh app whose declaration reads datasets/fashion-mnist-photos as a folder, then times a build that trains
# (the model deleted first: every image decoded and encoded in a fresh process, the model fitted, the report written)
# against a build with training off, alternating A B A B, and prints min and median of each.
# Usage: tests/bench/images-build.sh [runs per mode, default 3]
set -euo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
source "$repo/tests/bench/timing.sh"
bench_app "$repo"
mkdir -p "$app/data/photos"
(cd "$repo/datasets/fashion-mnist-photos" && cp -r coat dress pullover t-shirt trouser "$app/data/photos/")
cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Declarative" Version="$version" /><PackageReference Include="Declarative.Vision" Version="$version" /></ItemGroup>
  <ItemGroup><None Include="data/**" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using Declarative;
Console.WriteLine(FashionModel.Load().Predict(new Photo { File = args[0] }).PredictedLabel);
public sealed class Photo { [Image] public string File { get; set; } = ""; [Label] public string Kind { get; set; } = ""; }
[MulticlassClassification<Photo>(Data = "data/photos/")] [Split(TestFraction = 0.5)] public partial class FashionModel;
CS

cd "$app"
dotnet build >/dev/null                                    # restore, compile, train
dotnet build -p:DeclarativeTrainOnBuild=false >/dev/null   # warm the other mode too

time_build() { seconds dotnet build --no-restore "$@"; }

train=(); off=()
for _ in $(seq "$runs"); do
  rm -f bin/Debug/net10.0/FashionModel.* obj/Debug/net10.0/declarative/FashionModel.* obj/Debug/net10.0/declarative/trained.stamp
  train+=("$(time_build)")
  off+=("$(time_build -p:DeclarativeTrainOnBuild=false)")
done

summary() { awk -v a="$(minimum "$@")" -v m="$(median "$@")" 'BEGIN { printf "%.1f / %.1f", a, m }'; }
echo "200 photos, $(nproc) cores, $runs runs each (min / median seconds)"
echo "build that trains (model deleted):  $(summary "${train[@]}")"
echo "build with training off:            $(summary "${off[@]}")"
echo "prediction from the trained app:    $(dotnet run --no-build -- "$app/data/photos/trouser/$(ls data/photos/trouser | head -1)")"
