#!/usr/bin/env bash
# Analyzer cost on a generated agent solution (issue 6, item 9).
#
# Generates N .cs files of agent code (generate.sh), builds them with -p:ReportAnalyzer=true and reads the
# compiler's analyzer timings and the Csc task time from detailed build logs. Reports:
#   1. our analyzers' time as a share of compile time                       (target <= 3%)
#   2. our analyzers against BannedApiAnalyzers 5.6.0 with a 50-entry list (target <= 1.5x)
#   3. a non-agent project (same helpers and plain classes, no model SDK)  (target: no measurable cost)
#   4. the compiler's CPU time (user+sys) with our analyzers, with BannedApiAnalyzers and with neither (csc-cpu.sh:
#      the Csc command lines replayed without the compiler server, alternating): what the build pays, including the
#      driver's work for an analyzer outside its callbacks, which the telemetry of 1. and 2. does not charge
#      (Analysis/README.md, round 7). Skipped with CPU_RUNS=0.
# AlignmentPolicy.Build is packed from this checkout into artifacts/bench/feed, as build-overhead.sh does.
#
#   bench/analyzers/run.sh [files] [iterations]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench-feed.sh
. "$here/bench-feed.sh"
repo=$(cd "$here/../.." && pwd)
files=${1:-500}
iterations=${2:-5}
work=$(mktemp -d /tmp/ap-analyzer-bench-XXXXXX)
feed=$repo/artifacts/bench/feed
packages=$repo/artifacts/bench/packages
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
trap '[ -n "${KEEP_WORK:-}" ] && echo "work folder kept: $work" || rm -rf "$work"' EXIT

bench_feed "$repo" "$work" "$feed" "$packages"

echo "== generating $files files (agent) and $files files (non-agent)"
"$here/generate.sh" "$work/gen-agent" "$files" agent
"$here/generate.sh" "$work/gen-plain" "$files" plain
cp "$here/BannedSymbols.txt" "$work/"

project() { # name, sources, extra items
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS1998;CS8618;CS0618;SKEXP0001</NoWarn>
  </PropertyGroup>
  <ItemGroup><Compile Include="../$2/*.cs" /></ItemGroup>
  <ItemGroup>
$3
  </ItemGroup>
</Project>
XML
}
sdks='    <PackageReference Include="Microsoft.Extensions.AI" />
    <PackageReference Include="Microsoft.Extensions.AI.OpenAI" />
    <PackageReference Include="Microsoft.Agents.AI" />
    <PackageReference Include="Microsoft.SemanticKernel" />
    <PackageReference Include="AlignmentPolicy.Gates.AgentFramework" />
    <PackageReference Include="AlignmentPolicy.Gates.SemanticKernel" />'
ours='    <PackageReference Include="AlignmentPolicy.Build" PrivateAssets="all" />'
banned='    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" PrivateAssets="all" />
    <AdditionalFiles Include="../BannedSymbols.txt" />'
project AgentOurs gen-agent "$sdks
$ours"
project AgentBanned gen-agent "$sdks
$banned"
project AgentNone gen-agent "$sdks"
project PlainOurs gen-plain "$ours"
project PlainNone gen-plain ""

names=(AgentOurs AgentBanned AgentNone PlainOurs PlainNone)
echo "== restore and first build of each"
for name in "${names[@]}"; do
  dotnet build "$work/$name/$name.csproj" -nologo -v:q -nodeReuse:false >/dev/null || { echo "first build of $name failed" >&2; dotnet build "$work/$name/$name.csproj" -nologo -v:q --no-restore | tail -20 >&2; exit 1; }
done
test -f "$work/AgentOurs/obj/Debug/net10.0/alignment-policy.globalconfig" || { echo "AlignmentPolicy.Build did not run in the bench project" >&2; exit 1; }

# One measured build: full recompilation, analyzer report on, detailed log. Prints
# "<csc ms> <total analyzer s> <ours s> <banned s>".
measure() {
  local log=$work/$1.log
  if ! dotnet build "$work/$1/$1.csproj" --no-restore --no-incremental -nologo -nodeReuse:false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" 2>&1; then
    echo "measured build of $1 failed:" >&2
    grep -E ": error " "$log" | sort -u | head -20 >&2
    return 1
  fi
  awk '
    function seconds(line,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++) if (f[i] ~ /^<?[0-9.]+$/) { gsub("<", "", f[i]); return f[i] + 0 } return 0 }
    /Total analyzer execution time:/ { total += seconds($0) }
    /AlignmentPolicy\.Analyzers, Version=/ { ours += seconds($0) }
    /BannedApiAnalyzers, Version=/ { banned += seconds($0) }
    /Task Performance Summary:/ { tasks = 1 }
    tasks && $3 == "Csc" { csc = $1 }
    END { printf "%d %.3f %.3f %.3f\n", csc, total, ours, banned }
' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $iterations measured rebuilds of each, alternating"
declare -A csc total ours banned
for i in $(seq "$iterations"); do
  for name in "${names[@]}"; do
    result=$(measure "$name") || exit 1
    read -r c t o b <<< "$result"
    csc[$name]+="$c "; total[$name]+="$t "; ours[$name]+="$o "; banned[$name]+="$b "
  done
done
med() { printf '%s\n' $1 | median; }

echo
echo "files per project:            $files (agent mix: 30% MEAI pipelines, 10% SK kernels, 10% AF agents, 10% helpers, 40% plain)"
printf '%-12s %10s %14s %12s %12s\n' project "Csc (ms)" "analyzers (s)" "ours (s)" "banned (s)"
for name in "${names[@]}"; do
  printf '%-12s %10s %14s %12s %12s\n' "$name" "$(med "${csc[$name]}")" "$(med "${total[$name]}")" "$(med "${ours[$name]}")" "$(med "${banned[$name]}")"
done
echo
awk -v o="$(med "${ours[AgentOurs]}")" -v c="$(med "${csc[AgentOurs]}")" \
  'BEGIN { printf "1. ours / compile time (agent):        %.2f%% (target <= 3%%)\n", 100 * o * 1000 / c }'
awk -v o="$(med "${ours[AgentOurs]}")" -v b="$(med "${banned[AgentBanned]}")" \
  'BEGIN { if (b > 0) printf "2. ours / BannedApiAnalyzers (agent):  %.2fx (target <= 1.5x)\n", o / b; else print "2. BannedApiAnalyzers time not found" }'
awk -v o="$(med "${ours[PlainOurs]}")" -v w="$(med "${csc[PlainOurs]}")" -v n="$(med "${csc[PlainNone]}")" \
  'BEGIN { printf "3. non-agent: ours %.3f s = %.2f%% of compile time (target: no measurable cost); Csc with/without AlignmentPolicy.Build %.0f / %.0f ms (ratio %.3f, build-to-build noise included)\n", o, 100 * o * 1000 / w, w, n, w / n }'
echo
echo "our analyzers in the last AgentOurs build (time s, share of all analyzers):"
grep -A9 "AlignmentPolicy.Analyzers, Version=" "$work/AgentOurs.log" | grep "AlignmentPolicy.Analyzers.Rules" | sed 's/^ */  /'

if [ "${CPU_RUNS:-$iterations}" -gt 0 ]; then
  echo
  echo "== 4. the compiler's CPU time, ${CPU_RUNS:-$iterations} runs of each, alternating (csc-cpu.sh)"
  "$here/csc-cpu.sh" "$work" "${CPU_RUNS:-$iterations}" none banned ours
fi
