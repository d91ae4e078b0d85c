#!/usr/bin/env bash
# Our analyzers' cost on one real repository of the development set (issue 14, item 5): extracts it at its pinned commit
# from its git mirror (bench/real-repos/extract.sh; the mirror is never written) and runs RealRepoCost over the scanned
# folders, every project under them compiled from fresh compilations (see the header of RealRepoCost/Program.cs).
#
#   bench/analyzers/real-repo-cost.sh --mirrors /work/.mirror [--repo owner/name] [--work DIR] [--iterations N]
#
# Default repository: microsoft/semantic-kernel (dotnet/samples: 74 projects, 597 files), the largest of the development
# set. Only development repositories are accepted (the held-out ones are for counts at the end of a round, from run.sh).
# Environment, passed to RealRepoCost as it is:
#   ALN_MEASURE=compile|telemetry|both (default here: both)  compile = compiler and analyzers' CPU time with no analyzer,
#       a no-op operation analyzer (the floor), ours and BannedApiAnalyzers (50 entries); telemetry = Roslyn's per-analyzer
#       time in one run with ours and BannedApiAnalyzers, per rule, and our WorkCounters
#   ALN_WARM=1 (default here)  bind the references before the analyzers start, so no analyzer pays for it
#   ALN_ONLY=UngatedToolSideEffectAnalyzer,...  only these of our analyzers; ALN_DUMP=<file> our diagnostics, sorted
# Run it on a quiet machine (check `uptime`): at a load average of 50 one iteration of the SK samples took 12 minutes and
# compiles of the same code differed by about 10%. The work counters printed per iteration do not depend on the load.
# What it cannot do: the projects compile against the SDK assemblies beside the tool, not their own packages, so most
# have errors and stop before code generation (the compile figures say how many emitted).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mirrors="" name="microsoft/semantic-kernel" work="" iterations=3
while [ $# -gt 0 ]; do
  case "$1" in
    --mirrors) mirrors=$(cd "$2" && pwd); shift 2 ;;
    --repo) name=$2; shift 2 ;;
    --work) mkdir -p "$2"; work=$(cd "$2" && pwd); shift 2 ;;
    --iterations) iterations=$2; shift 2 ;;
    *) echo "real-repo-cost.sh: unknown argument '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [ -z "$mirrors" ]; then
  echo "real-repo-cost.sh: give --mirrors <folder of git mirrors> (<owner>+<name>/repo under it)" >&2
  exit 2
fi
[ -n "$work" ] || work=$(mktemp -d /tmp/ap-real-repo-cost-XXXXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

echo "== building RealRepoCost and the repository list reader from $repo (work folder: $work)"
dotnet build "$repo/bench/real-repos/AlignmentPolicy.RealRepos" -c Release -o "$work/tool" -v:q -nologo > "$work/build-tool.log" 2>&1 \
  || { echo "real-repo-cost.sh: building the list reader failed; see $work/build-tool.log" >&2; exit 1; }
dotnet build "$repo/bench/analyzers/RealRepoCost" -c Release -v:q -nologo > "$work/build-cost.log" 2>&1 \
  || { echo "real-repo-cost.sh: building RealRepoCost failed; see $work/build-cost.log" >&2; exit 1; }

line=$(dotnet "$work/tool/AlignmentPolicy.RealRepos.dll" list --repos "$repo/tests/real-repos/repos.json" --only "$name" --set dev)
if [ -z "$line" ]; then
  echo "real-repo-cost.sh: $name is not a development repository of tests/real-repos/repos.json" >&2
  exit 2
fi
IFS=$'\t' read -r folder commit set subfolders <<< "$line"
gitdir="$mirrors/$folder/repo"
[ -d "$gitdir" ] || gitdir="$mirrors/$folder"
IFS=$'\t' read -r -a subs <<< "$subfolders"
"$repo/bench/real-repos/extract.sh" "$gitdir" "$commit" "$work/src/$folder" "${subs[@]}"

for sub in "${subs[@]}"; do
  echo "== $name at ${commit:0:10}, $sub ($(uptime | sed 's/.*load average/load average/'))"
  ALN_MEASURE=${ALN_MEASURE:-both} ALN_WARM=${ALN_WARM:-1} dotnet "$repo/artifacts/bin/RealRepoCost/release/RealRepoCost.dll" "$work/src/$folder/$sub" "$iterations"
done
