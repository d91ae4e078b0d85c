#!/usr/bin/env bash
# Benchmarks the allow path of UsePolicyGate() (deterministic built-in gates) against a pass-through
# DelegatingChatClient over a 2 KB conversation with one tool call, and prints the BenchmarkDotNet table.
# Short in-process runs: a few minutes on two cores. Not part of `dotnet test`.
#   bench/gates.sh            full (ShortRun) BenchmarkDotNet run
#   bench/gates.sh --quick    a few-second sanity check of time and bytes per call
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/AlignmentPolicy.Gates.Benchmarks/AlignmentPolicy.Gates.Benchmarks.csproj"
dotnet build "$project" -c Release -nologo -v q
dll="$root/artifacts/bin/AlignmentPolicy.Gates.Benchmarks/release/AlignmentPolicy.Gates.Benchmarks.dll"
if [[ "${1:-}" == "--quick" ]]; then
  exec dotnet "$dll" --quick
fi
results="$root/artifacts/bench/gates"
mkdir -p "$results"
(cd "$results" && dotnet "$dll" --filter '*AllowPathBenchmarks*' --artifacts "$results" "$@")
report="$(ls -t "$results"/results/*AllowPathBenchmarks-report-github.md | head -1)"
echo
echo "== $report"
cat "$report"
