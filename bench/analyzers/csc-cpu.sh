#!/usr/bin/env bash
# The compiler's CPU time with and without our analyzers (issue 14, item 5): what a build pays, not what Roslyn's
# analyzer telemetry charges to each analyzer's callbacks (the telemetry misses work the driver does for an analyzer
# outside its callbacks, and charges an analyzer for binding it triggers that the driver might have done anyway).
#
#   bench/analyzers/csc-cpu.sh <run.sh work folder> [runs] [variant ...]
#
# Takes the Csc command line of each bench project from one build without the compiler server, then runs the compiler
# itself (the SDK's csc with those arguments, a fresh process, no server) under /usr/bin/time, the variants alternating, and
# prints each variant's median user+sys CPU seconds and its difference from "none" (the SDK's own analyzers and
# generators only, as AgentNone builds). CPU time, not wall time: on a shared machine a wait for a core is not work.
# Variants (default: bare none banned ours):
#   bare      no analyzer or generator at all (the compiler alone)
#   none      AgentNone: the SDK's analyzers and generators
#   generators  none without the SDK's analyzers (NetAnalyzers): the source generators alone
#   banned    AgentBanned: none + BannedApiAnalyzers with the 50-entry list
#   ours      AgentOurs: none + AlignmentPolicy.Build (our analyzers, its .globalconfig)
#   ours-only ours without the SDK's analyzers and generators
#   ours-ALNxxxx   ours with that rule's severity none in an .editorconfig (the driver then skips that analyzer)
#   ours-dll=<path> ours with the analyzer assembly replaced by <path> (a build of another checkout)
# Each variant's warnings (sorted) are left in <work>/csc-cpu/<variant, / and = as _>.warnings, to check that two builds of the
# analyzers report the same. Set KEEP_RSP=1 to keep the response files in the work folder.
# CSC_ARGS=<compiler options> adds options to every variant's command line. CSC_ARGS=/parallel- compiles on one thread, so
# the CPU time holds no thread-pool spinning (idle workers spin before they sleep, more or less with the machine's load): an
# experiment to separate two builds of our analyzers by their work alone. Whether it lowers the run-to-run noise is not shown
# yet (Analysis/README.md, round 8), and it is not what a build pays (a build compiles in parallel): report it beside the
# default figures, not instead of them.
# OUT=<name> writes to <work>/<name> instead of <work>/csc-cpu (two measurements of one work folder side by side).
set -euo pipefail
work=$(cd "$1" && pwd)
runs=${2:-3}
shift $(( $# > 1 ? 2 : 1 ))
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(bare none banned ours)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
out=$work/${OUT:-csc-cpu}
mkdir -p "$out"

# The compiler's arguments of one project, from a normal-verbosity build without the server (the Csc task logs them).
capture() {
  local name=$1 log=$out/$1.build.log
  [ -s "$log" ] || dotnet build "$work/$name/$name.csproj" --no-restore --no-incremental -nologo -nodeReuse:false -p:UseSharedCompilation=false -v:n > "$log" 2>&1 \
    || { echo "build of $name failed" >&2; grep -E ": error " "$log" | sort -u | head >&2; exit 1; }
  local line
  line=$(grep -E '^ *[^ ]*/csc(\.dll)? /noconfig ' "$log" | head -1 | sed 's/^ *//')
  [ -n "$line" ] || { echo "no csc command line in $log" >&2; exit 1; }
  # "<csc apphost> <args>": the compiler, then the arguments into a response file (same quoting rules), with
  # FILES=<n>: only the first n generated files (the agent mix repeats every ten files).
  csc=${line%% *}
  sed -E 's#^[^ ]* ##' <<< "$line" | perl -pe 'my $n = $ENV{FILES} // 1e9; s{ \.\./gen-agent/File(\d+)\.cs}{$1 < $n ? $& : ""}ge' > "$out/$name.rsp"
}
capture AgentOurs
capture AgentBanned
capture AgentNone
echo "compiler: $csc"

# Analyzer arguments: the SDK's (in AgentNone), ours, BannedApiAnalyzers'.
rsp_words() { grep -oE '/(analyzer|analyzerconfig|additionalfile):("[^"]*"|[^ ]*)' "$1" || true; }
strip_analyzers() { sed -E 's#/(analyzer|analyzerconfig):("[^"]*"|[^ ]*)##g' "$1"; }

variant_rsp() { # variant -> path of its response file
  local v=$1 f key=${1//[=\/]/_}
  f=$out/variant-$key.rsp
  case $v in
    bare) strip_analyzers "$out/AgentNone.rsp" > "$f" ;;
    none) cp "$out/AgentNone.rsp" "$f" ;;
    generators) # none without the SDK's analyzers (NetAnalyzers): the source generators alone
      sed -E 's#/analyzer:("[^"]*NetAnalyzers\.dll"|[^ ]*NetAnalyzers\.dll)##g' "$out/AgentNone.rsp" > "$f" ;;
    banned) cp "$out/AgentBanned.rsp" "$f" ;;
    ours) cp "$out/AgentOurs.rsp" "$f" ;;
    ours-only)
      { strip_analyzers "$out/AgentOurs.rsp"; echo; rsp_words "$out/AgentOurs.rsp" | grep -E 'AlignmentPolicy|alignment-policy'; } > "$f" ;;
    ours-ALN*)
      mkdir -p "$out/config-$v"
      printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.%s.severity = none\n' "${v#ours-}" > "$out/config-$v/.editorconfig"
      # An .editorconfig applies to the files below its folder: put it where the sources are.
      cp "$out/config-$v/.editorconfig" "$work/gen-agent/.editorconfig.$v"
      { cat "$out/AgentOurs.rsp"; echo; echo "/analyzerconfig:$work/gen-agent/.editorconfig"; } > "$f"
      ;;
    ours-dll=*)
      sed -E "s#/analyzer:(\"[^\"]*AlignmentPolicy\\.Analyzers\\.dll\"|[^ ]*AlignmentPolicy\\.Analyzers\\.dll)#/analyzer:${v#ours-dll=}#" "$out/AgentOurs.rsp" > "$f" ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
  # Output to a scratch folder, so the bench projects' obj/ stay as built.
  sed -i -E "s#/out:(\"[^\"]*\"|[^ ]*)#/out:$out/bin/$key.dll#; s#/refout:(\"[^\"]*\"|[^ ]*)#/refout:$out/bin/$key.ref.dll#" "$f"
  [ -z "${CSC_ARGS:-}" ] || printf '\n%s\n' "$CSC_ARGS" >> "$f"
  echo "$f"
}

mkdir -p "$out/bin"
declare -A rsp cpu
for v in "${variants[@]}"; do rsp[$v]=$(variant_rsp "$v"); done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $runs runs of each variant, alternating (user+sys CPU s of the compiler process)"
for i in $(seq "$runs"); do
  line="run $i:"
  for v in "${variants[@]}"; do
    if [[ $v == ours-ALN* ]]; then cp "$work/gen-agent/.editorconfig.$v" "$work/gen-agent/.editorconfig"; fi
    key=${v//[=\/]/_}
    case $v in bare|none|generators) dir=AgentNone ;; banned) dir=AgentBanned ;; *) dir=AgentOurs ;; esac
    (cd "$work/$dir" && /usr/bin/time -f '%U %S %e %M' -o "$out/time" "$csc" "@${rsp[$v]}" > "$out/$key.out" 2>&1) || { echo "compile $v failed:" >&2; grep -E "error" "$out/$key.out" | head >&2; exit 1; }
    rm -f "$work/gen-agent/.editorconfig"
    grep ': warning ' "$out/$key.out" | sed 's/ \[[^]]*\]$//' | sort -u > "$out/$key.warnings" || true
    t=$(awk '{ printf "%.2f", $1 + $2 }' "$out/time")
    cpu[$v]+="$t "
    line+=" $v $t ($(awk '{ printf "%s s wall, %d MB", $3, $4 / 1024 }' "$out/time"), $(grep -c ': warning ' "$out/$key.out" || true) warnings);"
  done
  echo "$line"
done

echo
none=""
for v in "${variants[@]}"; do [ "$v" = none ] && none=$(printf '%s\n' ${cpu[none]} | median); done
printf '%-28s %10s %s\n' variant "CPU s" "(median; difference from none, share of none)"
for v in "${variants[@]}"; do
  m=$(printf '%s\n' ${cpu[$v]} | median)
  if [ -n "$none" ]; then
    printf '%-28s %10.2f %s\n' "$v" "$m" "$(awk -v m="$m" -v n="$none" 'BEGIN { printf "%+.2f s, %+.1f%%", m - n, 100 * (m - n) / n }')"
  else
    printf '%-28s %10.2f\n' "$v" "$m"
  fi
done
if [ -n "${cpu[none]:-}" ] && [ -n "${cpu[banned]:-}" ] && [ -n "${cpu[ours]:-}" ]; then
  awk -v n="$none" -v b="$(printf '%s\n' ${cpu[banned]} | median)" -v o="$(printf '%s\n' ${cpu[ours]} | median)" 'BEGIN {
    printf "compiler CPU: ours over none %+.2f s (%.1f%% of the compile with none; target <= 3%%), BannedApiAnalyzers over none %+.2f s (%.1f%%)", o - n, 100 * (o - n) / n, b - n, 100 * (b - n) / n
    if (b - n > 0) printf ", ours / BannedApiAnalyzers %.2fx (target <= 1.5x)", (o - n) / (b - n); else printf ", ours / BannedApiAnalyzers not defined (BannedApiAnalyzers within noise of none)"
    printf "\n" }'
fi
[ -n "${KEEP_RSP:-}" ] || rm -f "$out"/*.rsp
