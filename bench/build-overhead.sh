#!/usr/bin/env bash
# Cost of AlignmentPolicy.Build on a no-op incremental `dotnet build` of a sample agent project.
#
# Two copies of the sample are restored from the packed packages in a temporary repository, one with
# AlignmentPolicy.Build and one without, built once, then built again (nothing changed) in alternation.
# Prints the median wall time of each and their ratio (target: at most 1.05).
#
#   bench/build-overhead.sh [sample-folder] [iterations]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sample=${1:-$repo/samples/SupportAgent}
iterations=${2:-15}
work=$(mktemp -d /tmp/ap-bench-XXXXXX)
feed=$repo/artifacts/bench/feed
packages=$repo/artifacts/bench/packages
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

echo "== packing AlignmentPolicy.Build and the AlignmentPolicy.Gates packages"
rm -rf "$feed" "$packages"/alignmentpolicy.*
dotnet pack "$repo/tasks/AlignmentPolicy.Build" -c Release -o "$feed" -v:q -nologo >/dev/null
for gates in AlignmentPolicy.Gates AlignmentPolicy.Gates.AgentFramework AlignmentPolicy.Gates.SemanticKernel; do
  if [ -d "$repo/src/$gates" ]; then
    dotnet pack "$repo/src/$gates" -c Release -o "$feed" -v:q -nologo >/dev/null
  fi
done
version=$(ls "$feed" | sed -n 's/^AlignmentPolicy\.Build\.\(.*\)\.nupkg$/\1/p')

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$packages" /></config>
  <packageSources><add key="alignment-policy-local" value="$feed" /></packageSources>
</configuration>
XML
# The settings the samples get from the repository's Directory.Build.props, and nothing else.
cat > "$work/Directory.Build.props" <<XML
<Project>
  <PropertyGroup><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable><LangVersion>latest</LangVersion></PropertyGroup>
</Project>
XML
echo '<Project />' > "$work/Directory.Build.targets"
cp "$repo/samples/alignment-policy.json" "$work/"
cp -r "$repo/samples/.alignment-policy" "$work/" 2>/dev/null || true
[ -d "$repo/samples/Shared" ] && cp -r "$repo/samples/Shared" "$work/"
# Central package versions as the repository pins them, plus ours.
sed "s|</Project>|  <ItemGroup><PackageVersion Include=\"AlignmentPolicy.Build\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.AgentFramework\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.SemanticKernel\" Version=\"$version\" /></ItemGroup>\n</Project>|" \
  "$repo/Directory.Packages.props" > "$work/Directory.Packages.props"

make_copy() { # name, with-package
  local dir=$work/$1
  mkdir -p "$dir"
  if [ -d "$sample" ]; then
    (cd "$sample" && find . -type f -not -path './obj/*' -not -path './bin/*' -not -name '*.csproj' -exec cp --parents {} "$dir/" \;)
    sed -E -e 's|<ProjectReference Include="[^"]*(AlignmentPolicy\.Gates(\.[A-Za-z]+)?)\.csproj"[^>]*/>|<PackageReference Include="\1" />|' \
      "$sample"/*.csproj > "$dir/$1.csproj"
  else
    cat > "$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" /></ItemGroup>
</Project>
XML
    echo 'using Microsoft.Extensions.AI; Console.WriteLine(new ChatMessage(ChatRole.User, "hello").Text);' > "$dir/Program.cs"
  fi
  if [ "$2" = yes ]; then
    sed -i 's|</Project>|  <ItemGroup><PackageReference Include="AlignmentPolicy.Build" PrivateAssets="all" /></ItemGroup>\n</Project>|' "$dir/$1.csproj"
  fi
}
make_copy WithPolicy yes
make_copy Without no

build() { dotnet build "$work/$1/$1.csproj" -nologo -v:q -nodeReuse:false "${@:2}"; }
echo "== first builds (restore and compile)"
build WithPolicy >/dev/null
build Without >/dev/null
test -f "$work/WithPolicy/obj/Debug/net10.0/alignment-policy.globalconfig" || { echo "AlignmentPolicy.Build did not run in the bench project" >&2; exit 1; }

echo "== $iterations no-op builds of each, alternating"
with=(); without=()
for i in $(seq "$iterations"); do
  s=$(date +%s%N); build WithPolicy --no-restore >/dev/null; e=$(date +%s%N); with+=($(( (e - s) / 1000000 )))
  s=$(date +%s%N); build Without --no-restore >/dev/null; e=$(date +%s%N); without+=($(( (e - s) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mw=$(median "${with[@]}"); mo=$(median "${without[@]}")
echo "sample:                       ${sample#$repo/}"
echo "no-op build with package:     ${mw} ms (median of $iterations)"
echo "no-op build without package:  ${mo} ms (median of $iterations)"
awk -v a="$mw" -v b="$mo" 'BEGIN { printf "ratio with/without:          %.3f (target <= 1.05)\n", a / b }'
rm -rf "$work"
