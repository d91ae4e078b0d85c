#!/usr/bin/env bash
# Sourced by run.sh and ab.sh: packs AlignmentPolicy.Build and the AlignmentPolicy.Gates packages from this checkout into
# a local feed and writes the consumer folder's NuGet and MSBuild files around it.
#
#   bench_feed <repo> <work> <feed> <packages>
# Writes <work>/nuget.config (the feed only, packages restored into <packages>), empty Directory.Build.props/.targets, an
# alignment-policy.json with the builtin side-effect catalogue, and a Directory.Packages.props pinning the packed
# version beside the repository's pins. Sets `version` to the packed version. Exits on a failed pack with its errors.
bench_feed() {
  local repo=$1 work=$2 feed=$3 packages=$4 project
  echo "== packing AlignmentPolicy.Build and the AlignmentPolicy.Gates packages"
  rm -rf "$feed" "$packages"/alignmentpolicy.*
  for project in tasks/AlignmentPolicy.Build src/AlignmentPolicy.Gates src/AlignmentPolicy.Gates.AgentFramework src/AlignmentPolicy.Gates.SemanticKernel; do
    dotnet pack "$repo/$project" -c Release -o "$feed" -v:q -nologo > "$work/pack.log" 2>&1 || { echo "packing $project failed:" >&2; grep -E "error" "$work/pack.log" | sort -u >&2; exit 1; }
  done
  version=$(ls "$feed" | sed -n 's/^AlignmentPolicy\.Build\.\(.*\)\.nupkg$/\1/p')

  cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$packages" /></config>
  <packageSources><add key="alignment-policy-local" value="$feed" /></packageSources>
</configuration>
XML
  echo '<Project />' > "$work/Directory.Build.props"
  echo '<Project />' > "$work/Directory.Build.targets"
  cat > "$work/alignment-policy.json" <<JSON
{
  "version": 1,
  "sideEffects": { "catalogues": ["builtin"] },
  "provenance": { "required": false },
  "suppressions": { "requireJustification": true }
}
JSON
  sed "s|</Project>|  <ItemGroup><PackageVersion Include=\"AlignmentPolicy.Build\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.AgentFramework\" Version=\"$version\" /><PackageVersion Include=\"AlignmentPolicy.Gates.SemanticKernel\" Version=\"$version\" /></ItemGroup>\n</Project>|" \
    "$repo/Directory.Packages.props" > "$work/Directory.Packages.props"
}
