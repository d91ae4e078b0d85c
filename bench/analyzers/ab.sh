#!/usr/bin/env bash
# Two (or more) builds of our analyzers on one generated agent solution, in one run (issue 14): which revision costs more.
#
#   bench/analyzers/ab.sh <rev-a> <rev-b> [<rev-c> ...]
#   env: FILES (generated files, default 500), ROUNDS (measured compiles per revision, default 3), WORK (work folder, kept
#        and reused when given: the packed packages, the project and each revision's analyzer build), DLL_<n>=<path>
#        (use that analyzer assembly for the n-th revision instead of building it; the revision is then only a label).
#
# Builds analyzers/AlignmentPolicy.Analyzers at each revision (from `git archive` of that revision: no worktree is
# added), generates one agent project (generate.sh) that references AlignmentPolicy.Build (packed from this checkout, as
# run.sh does) and BannedApiAnalyzers with the 50-entry list, takes its compiler command line once, and then runs the
# compiler through one compiler server of its own (warm after one unmeasured compile per revision, as a build's
# rebuilds are), the revisions alternating round by round, with /reportanalyzer: Roslyn's analyzer telemetry of each
# compile. Each compile holds our analyzers and BannedApiAnalyzers, so each revision's ratio ours / BannedApiAnalyzers
# is taken within one compile, and the revisions' ratios side by side are the comparison (absolute times move with the
# machine's load; the ratios of compiles that alternate much less). Prints per compile and as medians: ours (s),
# BannedApiAnalyzers (s), the ratio, ours' share of the compile's wall time, and the rules' times; and checks that every
# revision reports the same warnings (rule, location, message), so a cost change that changes a diagnostic shows.
#
# Not the same figures as run.sh: run.sh builds separate projects (ours alone, BannedApiAnalyzers alone) through MSBuild;
# here both analyzers run in one compile, so they share the binding the driver does (first touch is charged to whoever
# touches first, Analysis/README.md). Compare revisions with this script, report targets with run.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench-feed.sh
. "$here/bench-feed.sh"
repo=$(cd "$here/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 <rev-a> <rev-b> [<rev> ...]" >&2; exit 2; }
revs=("$@")
files=${FILES:-500}
rounds=${ROUNDS:-3}
if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; work=$(cd "$WORK" && pwd); else work=$(mktemp -d /tmp/ap-analyzer-ab-XXXXXX); fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
echo "work folder: $work"

# 1. Each revision's analyzer assembly.
declare -a dlls labels
for i in "${!revs[@]}"; do
  rev=${revs[$i]}
  given_var="DLL_$((i + 1))"
  if [ -n "${!given_var:-}" ]; then
    dlls[$i]=${!given_var}; labels[$i]="$rev (given)"; continue
  fi
  sha=$(git -C "$repo" rev-parse --short=10 "$rev^{commit}")
  labels[$i]="$rev ($sha)"
  out=$work/dll-$sha
  if [ ! -f "$out/AlignmentPolicy.Analyzers.dll" ]; then
    echo "== building the analyzers at $rev ($sha)"
    src=$work/src-$sha
    rm -rf "$src"; mkdir -p "$src"
    # Only what the analyzer project builds from.
    git -C "$repo" archive "$sha" Directory.Build.props Directory.Packages.props global.json analyzers/AlignmentPolicy.Analyzers src/Shared \
      $(git -C "$repo" ls-tree --name-only "$sha" Directory.Build.targets NuGet.config nuget.config .editorconfig) | tar -x -C "$src"
    dotnet build "$src/analyzers/AlignmentPolicy.Analyzers" -c Release -o "$out" -v:q -nologo > "$work/build-$sha.log" 2>&1 \
      || { echo "building the analyzers at $rev failed; see $work/build-$sha.log" >&2; exit 1; }
  fi
  dlls[$i]=$out/AlignmentPolicy.Analyzers.dll
done

# 2. The bench project: our package and BannedApiAnalyzers in one project (packed and restored once per work folder).
if [ ! -f "$work/AgentAB/ab.rsp" ]; then
  bench_feed "$repo" "$work" "$work/feed" "$work/packages"
  echo "== generating $files agent files"
  rm -rf "$work/gen-agent"
  "$here/generate.sh" "$work/gen-agent" "$files" agent
  cp "$here/BannedSymbols.txt" "$work/"
  mkdir -p "$work/AgentAB"
  cat > "$work/AgentAB/AgentAB.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS1998;CS8618;CS0618;SKEXP0001</NoWarn>
  </PropertyGroup>
  <ItemGroup><Compile Include="../gen-agent/*.cs" /></ItemGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.AI" />
    <PackageReference Include="Microsoft.Extensions.AI.OpenAI" />
    <PackageReference Include="Microsoft.Agents.AI" />
    <PackageReference Include="Microsoft.SemanticKernel" />
    <PackageReference Include="AlignmentPolicy.Gates.AgentFramework" />
    <PackageReference Include="AlignmentPolicy.Gates.SemanticKernel" />
    <PackageReference Include="AlignmentPolicy.Build" PrivateAssets="all" />
    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" PrivateAssets="all" />
    <AdditionalFiles Include="../BannedSymbols.txt" />
  </ItemGroup>
</Project>
XML
  echo "== restore and one build (the compiler's command line)"
  log=$work/AgentAB/capture.log
  dotnet build "$work/AgentAB/AgentAB.csproj" -nologo -nodeReuse:false -p:UseSharedCompilation=false -v:n > "$log" 2>&1 \
    || { echo "build of AgentAB failed" >&2; grep -E ": error " "$log" | sort -u | head >&2; exit 1; }
  line=$(grep -E '^ *[^ ]*/csc(\.dll)? /noconfig ' "$log" | head -1 | sed 's/^ *//')
  [ -n "$line" ] || { echo "no csc command line in $log" >&2; exit 1; }
  echo "${line%% *}" > "$work/AgentAB/csc"
  # The code fixes assembly holds no analyzer and references the packed analyzers; leave it out of every variant.
  sed -E 's#^[^ ]* ##; s#/analyzer:("[^"]*AlignmentPolicy\.CodeFixes\.dll"|[^ ]*AlignmentPolicy\.CodeFixes\.dll)##g' <<< "$line" > "$work/AgentAB/ab.rsp"
  grep -q 'AlignmentPolicy\.Analyzers\.dll' "$work/AgentAB/ab.rsp" || { echo "our analyzers are not on the command line" >&2; exit 1; }
  grep -q 'BannedApiAnalyzers' "$work/AgentAB/ab.rsp" || { echo "BannedApiAnalyzers is not on the command line" >&2; exit 1; }
fi
csc=$(cat "$work/AgentAB/csc")

# 3. One response file per revision: its analyzer assembly, output to a scratch folder, the telemetry on.
out=$work/ab; mkdir -p "$out/bin"
for i in "${!revs[@]}"; do
  sed -E "s#/analyzer:(\"[^\"]*AlignmentPolicy\\.Analyzers\\.dll\"|[^ ]*AlignmentPolicy\\.Analyzers\\.dll)#/analyzer:${dlls[$i]}#; s#/out:(\"[^\"]*\"|[^ ]*)#/out:$out/bin/r$i.dll#; s#/refout:(\"[^\"]*\"|[^ ]*)#/refout:$out/bin/r$i.ref.dll#" \
    "$work/AgentAB/ab.rsp" > "$out/r$i.rsp"
  printf '\n/reportanalyzer\n' >> "$out/r$i.rsp"
done

# A compiler server of this run only (its own pipe); it exits by itself 60 s after the last compile.
pipe=ap-ab-$$
compile() { # index, log
  (cd "$work/AgentAB" && /usr/bin/time -f '%e' -o "$2.wall" "$csc" "/shared:$pipe" /keepalive:60 "@$out/r$1.rsp" > "$2" 2>&1) \
    || { echo "compile of ${labels[$1]} failed:" >&2; grep -E "error" "$2" | head >&2; exit 1; }
}
# "<ours s> <banned s> <wall s>" of one compile's output.
figures() {
  awk -v wall="$(cat "$1.wall")" '
    function seconds(line,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++) if (f[i] ~ /^<?[0-9.]+$/) { gsub("<", "", f[i]); return f[i] + 0 } return 0 }
    /AlignmentPolicy\.Analyzers, Version=/ { ours += seconds($0) }
    /BannedApiAnalyzers, Version=/ { banned += seconds($0) }
    END { printf "%.3f %.3f %.2f\n", ours, banned, wall }' "$1"
}
# Each rule's time in one compile: "<rule> <s> ..." (the rule's class name without its namespace, the IDs it reports left out).
rules() {
  grep -E 'AlignmentPolicy\.Analyzers\.Rules\.' "$1" | awk '{
    for (i = 1; i <= NF; i++) if ($i ~ /^AlignmentPolicy\.Analyzers\.Rules\./) { r = $i; sub(/^AlignmentPolicy\.Analyzers\.Rules\./, "", r); sub(/Analyzer$/, "", r) }
    printf "%s %s ", r, $1 }'
}

echo "== warm-up: one unmeasured compile per revision"
for i in "${!revs[@]}"; do compile "$i" "$out/warm-r$i.out"; done

echo "== $rounds measured compiles per revision, alternating (ours s, BannedApiAnalyzers s, ratio, ours / wall)"
declare -A ratio share oursv
for k in $(seq "$rounds"); do
  # Alternate the order too, so no revision always follows the same one.
  order=("${!revs[@]}"); (( k % 2 == 0 )) && order=($(printf '%s\n' "${!revs[@]}" | tac))
  for i in "${order[@]}"; do
    f=$out/round$k-r$i.out
    compile "$i" "$f"
    read -r o b w <<< "$(figures "$f")"
    r=$(awk -v o="$o" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", o / b; else print "nan" }')
    s=$(awk -v o="$o" -v w="$w" 'BEGIN { if (w > 0) printf "%.2f", 100 * o / w; else print "nan" }')
    ratio[$i]+="$r "; share[$i]+="$s "; oursv[$i]+="$o "
    printf 'round %d  %-28s ours %6.3f  banned %6.3f  %5sx  %5s%% of %6.2f s wall  [%s]\n' "$k" "${labels[$i]}" "$o" "$b" "$r" "$s" "$w" "$(rules "$f")"
    grep ': warning ' "$f" | sed 's/ \[[^]]*\]$//' | grep -E 'warning ALN[0-9]+' | sort -u > "$f.warnings" || true
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-30s %14s %20s %14s\n' revision "ours (s)" "ours / Banned" "ours / wall"
for i in "${!revs[@]}"; do
  printf '%-30s %14s %19sx %13s%%   (ratios: %s)\n' "${labels[$i]}" "$(printf '%s\n' ${oursv[$i]} | median)" \
    "$(printf '%s\n' ${ratio[$i]} | median)" "$(printf '%s\n' ${share[$i]} | median)" "${ratio[$i]% }"
done
echo
same=yes
for i in "${!revs[@]}"; do
  n=$(wc -l < "$out/round1-r$i.out.warnings")
  echo "warnings of ${labels[$i]}: $n"
  cmp -s "$out/round1-r0.out.warnings" "$out/round1-r$i.out.warnings" || same=no
done
[ $same = yes ] && echo "every revision reports the same warnings" || echo "WARNINGS DIFFER: diff $out/round1-r0.out.warnings $out/round1-r<n>.out.warnings"
