#!/usr/bin/env bash
# Extracts one repository of tests/real-repos/repos.json at its pinned commit from a git directory (a
# mirror such as /work/.mirror/<owner>+<name>/repo, bare or not), without touching that directory:
# only what `alignment-policy scan` reads (C# files, project files, Directory.Build.props, policy files,
# JSON/YAML files, among which the OpenAPI specs the scan hands the analyzers, and .proto files, from
# which it declares the generated gRPC clients) under the scanned
# subfolders, plus the Directory.Build.props files above them.
#
#   bench/real-repos/extract.sh <git-dir> <commit> <out-dir> <subfolder>...
# Writes <out-dir>/.commit (and .extract, the version of what is extracted) when done; an <out-dir> whose
# .commit already matches and whose .extract is this version is left as it is.
set -euo pipefail
git_dir=$1 commit=$2 out=$3
shift 3
version=2 # 2: JSON, YAML and .proto files too
if [ -f "$out/.commit" ] && [ "$(cat "$out/.commit")" = "$commit" ] && [ "$(cat "$out/.extract" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "extract: $git_dir does not hold commit $commit (fetch that snapshot again)" >&2
  exit 2
fi
rm -rf "$out"
mkdir -p "$out"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for sub in "$@"; do
  prefix=${sub#./}; prefix=${prefix%/}; [ "$prefix" = "." ] && prefix=""
  # The scanned files under the subfolder.
  git -c core.quotePath=false --git-dir="$git_dir" ls-tree -r --name-only "$commit" -- ${prefix:+"$prefix"} \
    | grep -E '(\.cs|\.csproj|/Directory\.Build\.props|^Directory\.Build\.props|\.json|\.ya?ml|\.proto)$' >> "$list" || true
  # Directory.Build.props above the subfolder (ImplicitUsings and package references are inherited).
  dir=$prefix
  while [ -n "$dir" ]; do
    dir=$(dirname "$dir"); [ "$dir" = "." ] && dir=""
    git -c core.quotePath=false --git-dir="$git_dir" ls-tree --name-only "$commit" -- "${dir:+$dir/}Directory.Build.props" >> "$list"
  done
done
sort -u "$list" | while IFS= read -r path; do
  mkdir -p "$out/$(dirname "$path")"
  git --git-dir="$git_dir" cat-file blob "$commit:$path" > "$out/$path"
done
echo "$version" > "$out/.extract"
echo "$commit" > "$out/.commit"
