#!/usr/bin/env bash
# Precision and recall of `alignment-policy scan` on the labelled real repositories (tests/real-repos).
#
# Fetches nothing. Give it the git mirrors the repositories were taken from, or a folder of repositories
# already extracted by extract.sh (each <owner+name>/.commit must match repos.json). It extracts the pinned
# commits (only what the scanner reads), builds the CLI and the scorer from this checkout, scans every
# listed subfolder, and prints precision and recall per rule for the development and held-out sets, with
# the warnings no label covers yet (held-out ones only counted unless --heldout-details).
#
#   bench/real-repos/run.sh --mirrors /work/.mirror [--work DIR] [--only owner/name] [--heldout-details]
#   bench/real-repos/run.sh --sources /work/realrepos [--work DIR] [--only owner/name] [--heldout-details]
#   ... --set dev|heldout   only the development or the held-out repositories
#
# A mirror is <mirrors>/<owner>+<name>/repo (or <mirrors>/<owner>+<name>), bare or not; it is never written.
# Not run by CI: the repositories are not on a fresh machine. See tests/real-repos/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mirrors="" sources="" work="" only="" details="" set=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mirrors) mirrors=$(cd "$2" && pwd); shift 2 ;;
    --sources) sources=$(cd "$2" && pwd); shift 2 ;;
    --work) mkdir -p "$2"; work=$(cd "$2" && pwd); shift 2 ;;
    --only) only=$2; shift 2 ;;
    --heldout-details) details=--heldout-details; shift ;;
    --set) set=$2; shift 2 ;;
    *) echo "run.sh: unknown argument '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [ -z "$mirrors" ] && [ -z "$sources" ]; then
  echo "run.sh: give --mirrors <folder of git mirrors> or --sources <folder of extracted repositories>" >&2
  exit 2
fi
[ -n "$work" ] || work=$(mktemp -d /tmp/ap-real-repos-XXXXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
list="$repo/tests/real-repos/repos.json"

echo "== building alignment-policy and the scorer from $repo (work folder: $work)"
for project in src/AlignmentPolicy.Cli:cli bench/real-repos/AlignmentPolicy.RealRepos:tool; do
  if ! dotnet build "$repo/${project%%:*}" -c Release -o "$work/${project##*:}" -v:q -nologo > "$work/build-${project##*:}.log" 2>&1; then
    echo "run.sh: building ${project%%:*} failed; see $work/build-${project##*:}.log" >&2
    exit 1
  fi
done
tool() { dotnet "$work/tool/AlignmentPolicy.RealRepos.dll" "$@"; }

# A full run starts from no results; an --only run replaces only its repository's (the loop below clears its folder),
# so several --only runs into one work folder add up and the scorer without --only sees them all.
[ -n "$only" ] || rm -rf "$work/sarif"
mkdir -p "$work/sarif" "$work/logs"
[ -n "$sources" ] || sources="$work/src"
# fd 3, so that nothing run in the loop (git, dotnet) reads the list from stdin.
while IFS=$'\t' read -r -u 3 folder commit set subfolders; do
  src="$sources/$folder"
  if [ -n "$mirrors" ]; then
    gitdir="$mirrors/$folder/repo"
    [ -d "$gitdir" ] || gitdir="$mirrors/$folder"
    if [ ! -d "$gitdir" ]; then
      echo "run.sh: no mirror of $folder under $mirrors; skipped" >&2
      continue
    fi
    IFS=$'\t' read -r -a subs <<< "$subfolders"
    "$here/extract.sh" "$gitdir" "$commit" "$src" "${subs[@]}" || { echo "run.sh: could not extract $folder; skipped" >&2; continue; }
  elif [ ! -f "$src/.commit" ] || [ "$(cat "$src/.commit")" != "$commit" ]; then
    echo "run.sh: $src is missing or not at $commit (extract it with extract.sh); skipped" >&2
    continue
  fi
  rm -rf "$work/sarif/$folder"
  mkdir -p "$work/sarif/$folder"
  index=0
  IFS=$'\t' read -r -a subs <<< "$subfolders"
  for sub in "${subs[@]}"; do
    status=0
    dotnet "$work/cli/alignment-policy.dll" scan "$src/$sub" --sarif "$work/sarif/$folder/$index.sarif" > "$work/logs/$folder.$index.txt" 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
      echo "run.sh: scan of $folder/$sub failed (exit $status); see $work/logs/$folder.$index.txt" >&2
      rm -f "$work/sarif/$folder/$index.sarif"
    fi
    echo "   scanned $folder/$sub [$set]: $(tail -n 1 "$work/logs/$folder.$index.txt")"
    index=$((index + 1))
  done
done 3< <(tool list --repos "$list" ${only:+--only "$only"} ${set:+--set "$set"})

echo
tool score --repos "$list" --labels "$repo/tests/real-repos/labels" --sources "$sources" --sarif "$work/sarif" ${only:+--only "$only"} ${set:+--set "$set"} $details
