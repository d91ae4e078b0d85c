#!/usr/bin/env bash
# Benchmarks the allow path of UsePolicyGate() (deterministic built-in gates) against a pass-through
# DelegatingChatClient over a 2 KB conversation with one tool call, and prints the BenchmarkDotNet table
# followed by the exact bytes allocated per call. Short in-process runs (under a minute on two cores).
# Not part of `dotnet test`.
#   bench/gates.sh            BenchmarkDotNet run, then the per-call byte check
#   bench/gates.sh --quick    only the few-second check of time ratio and bytes per call
#   bench/gates.sh --probe    cost of each gate on the benchmark's requests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/AlignmentPolicy.Gates.Benchmarks/AlignmentPolicy.Gates.Benchmarks.csproj"
dotnet build "$project" -c Release -nologo -v q
dll="$root/artifacts/bin/AlignmentPolicy.Gates.Benchmarks/release/AlignmentPolicy.Gates.Benchmarks.dll"
if [[ "${1:-}" == "--quick" || "${1:-}" == "--probe" ]]; then
  exec dotnet "$dll" "$1"
fi
results="$root/artifacts/bench/gates"
mkdir -p "$results"
(cd "$results" && dotnet "$dll" --filter '*AllowPathBenchmarks*' --artifacts "$results" "$@")
report="$(ls -t "$results"/results/*AllowPathBenchmarks-report-github.md | head -1)"
echo
echo "== $report"
cat "$report"
echo
echo "== bytes per call (GC.GetAllocatedBytesForCurrentThread over 20,000 calls)"
QUICK_WARMUP=5000 QUICK_N=20000 dotnet "$dll" --quick
