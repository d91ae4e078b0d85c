#!/usr/bin/env bash
# Cost of the pack gate and the attestation, and the speed of `alignment-policy verify`.
#
# 1. Two copies of the sample agent in a temporary repository, restored from the packed packages: one with
#    AlignmentPolicy.Build (the policy's required evaluations run once with the real `alignment-policy eval`,
#    so the gate finds fresh passing results; the package is attested, signed and verified by pack), one without.
#    Both are built once; then `dotnet pack --no-build` of each, output deleted first so each really packs, in
#    alternation. Prints the medians and their ratio (target: at most 1.15).
# 2. `alignment-policy verify` of a folder of 100 signed packages with a trusted key: wall time, and per package.
#
#   bench/pack-gate.sh [sample-folder] [iterations]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sample=${1:-$repo/samples/SupportAgent}
iterations=${2:-9}
work=$(mktemp -d /tmp/ap-bench-pack-XXXXXX)
feed=$repo/artifacts/bench/pack-feed
packages=$repo/artifacts/bench/pack-packages
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT

echo "== packing AlignmentPolicy.Build and the AlignmentPolicy.Gates packages, building the CLI"
rm -rf "$feed" "$packages"/alignmentpolicy.*
dotnet pack "$repo/tasks/AlignmentPolicy.Build" -c Release -o "$feed" -v:q -nologo >/dev/null
for gates in AlignmentPolicy.Gates AlignmentPolicy.Gates.AgentFramework AlignmentPolicy.Gates.SemanticKernel; do
  dotnet pack "$repo/src/$gates" -c Release -o "$feed" -v:q -nologo >/dev/null
done
dotnet build "$repo/src/AlignmentPolicy.Cli" -c Release -v:q -nologo >/dev/null
cli=$repo/artifacts/bin/AlignmentPolicy.Cli/release/alignment-policy.dll
version=$(ls "$feed" | sed -n 's/^AlignmentPolicy\.Build\.\(.*\)\.nupkg$/\1/p')

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$packages" /></config>
  <packageSources><add key="alignment-policy-local" value="$feed" /></packageSources>
</configuration>
XML
cat > "$work/Directory.Build.props" <<XML
<Project>
  <PropertyGroup><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable><LangVersion>latest</LangVersion></PropertyGroup>
</Project>
XML
echo '<Project />' > "$work/Directory.Build.targets"
cp "$repo/samples/alignment-policy.json" "$work/"
[ -d "$repo/samples/Shared" ] && cp -r "$repo/samples/Shared" "$work/"
sed "s|</Project>|  <ItemGroup><PackageVersion Include=\"AlignmentPolicy.Build\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.AgentFramework\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.SemanticKernel\" Version=\"$version\" /></ItemGroup>\n</Project>|" \
  "$repo/Directory.Packages.props" > "$work/Directory.Packages.props"

make_copy() { # name, with-package
  local dir=$work/$1
  mkdir -p "$dir"
  (cd "$sample" && find . -type f -not -path './obj/*' -not -path './bin/*' -not -name '*.csproj' -exec cp --parents {} "$dir/" \;)
  sed -E -e 's|<ProjectReference Include="[^"]*(AlignmentPolicy\.Gates(\.[A-Za-z]+)?)\.csproj"[^>]*/>|<PackageReference Include="\1" />|' \
    "$sample"/*.csproj > "$dir/$1.csproj"
  if [ "$2" = yes ]; then
    sed -i 's|</Project>|  <ItemGroup><PackageReference Include="AlignmentPolicy.Build" PrivateAssets="all" /></ItemGroup>\n</Project>|' "$dir/$1.csproj"
  fi
}
make_copy WithGate yes
make_copy Without no
openssl ecparam -name prime256v1 -genkey -noout -out "$work/signing.pem" 2>/dev/null
openssl ec -in "$work/signing.pem" -pubout -out "$work/signing.pub.pem" 2>/dev/null

echo "== builds, and the required evaluations of WithGate (real alignment-policy eval, simulated model)"
dotnet build "$work/WithGate/WithGate.csproj" -c Release -nologo -v:q -nodeReuse:false >/dev/null
dotnet build "$work/Without/Without.csproj" -c Release -nologo -v:q -nodeReuse:false >/dev/null
s=$(date +%s%N)
dotnet "$cli" eval "$work/WithGate/WithGate.csproj" --no-build -c Release > "$work/eval.log" 2>&1 || { echo "(eval exit code $?; last lines:)"; tail -5 "$work/eval.log"; }
e=$(date +%s%N)
# alignment-policy eval (issue 8) may write under a folder literally named 'obj\' on Linux (BaseIntermediateOutputPath
# is 'obj\'); the gate reads obj/alignment/evals, where the build's intermediate folder really is.
if [ -d "$work/WithGate/obj\\/alignment" ]; then
  echo "(note: eval wrote to 'obj\\/alignment'; moved to obj/alignment)"
  mkdir -p "$work/WithGate/obj/alignment" && cp -r "$work/WithGate/obj\\/alignment/." "$work/WithGate/obj/alignment/"
fi
echo "evaluations (once):           $(( (e - s) / 1000000 )) ms"

pack() { # name, extra...
  rm -rf "$work/out-$1"
  dotnet pack "$work/$1/$1.csproj" -c Release --no-build --no-restore -nologo -v:q -nodeReuse:false -o "$work/out-$1" "${@:2}"
}
pack WithGate "-p:AlignmentPolicySigningKey=$work/signing.pem" >/dev/null || { echo "the gated pack failed:" >&2; pack WithGate "-p:AlignmentPolicySigningKey=$work/signing.pem" >&2; exit 1; }
pack Without >/dev/null
unzip -l "$work"/out-WithGate/*.nupkg > "$work/contents.txt"; grep -q alignment/attestation.dsse.json "$work/contents.txt" || { echo "no attestation in the gated package" >&2; exit 1; }

echo "== $iterations packs of each, alternating"
with=(); without=()
for i in $(seq "$iterations"); do
  s=$(date +%s%N); pack WithGate "-p:AlignmentPolicySigningKey=$work/signing.pem" >/dev/null; e=$(date +%s%N); with+=($(( (e - s) / 1000000 )))
  s=$(date +%s%N); pack Without >/dev/null; e=$(date +%s%N); without+=($(( (e - s) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mw=$(median "${with[@]}"); mo=$(median "${without[@]}")
echo "sample:                       ${sample#$repo/}"
echo "pack with gate + attestation: ${mw} ms (median of $iterations)"
echo "pack without the package:     ${mo} ms (median of $iterations)"
awk -v a="$mw" -v b="$mo" 'BEGIN { printf "ratio with/without:           %.3f (target <= 1.15)\n", a / b }'

echo "== verify: 100 signed packages"
mkdir -p "$work/hundred"
source_package=$(ls "$work"/out-WithGate/*.nupkg)
for i in $(seq -w 1 100); do cp "$source_package" "$work/hundred/WithGate.$i.nupkg"; done
s=$(date +%s%N)
dotnet "$cli" verify "$work/hundred" --trusted-key "$work/signing.pub.pem" | tail -1
e=$(date +%s%N)
ms=$(( (e - s) / 1000000 ))
echo "verify 100 packages:          ${ms} ms (process start included), $(awk -v t="$ms" 'BEGIN { printf "%.1f", t / 100 }') ms per package"
s=$(date +%s%N); dotnet "$cli" verify --help >/dev/null; e=$(date +%s%N)
echo "of which process start:       $(( (e - s) / 1000000 )) ms"
