#!/usr/bin/env bash
# Evaluation benchmarks (issue 8, bench item); not part of `dotnet test`. Prints:
#  1. harness throughput with the simulated model and its overhead against driving the same gated agent over the
#     same scenarios directly (target: ratio <= 1.3);
#  2. SPRT against a fixed sample size with the same error rates: mean samples to a verdict (target: >= 40% fewer);
#  3. the pack gate's recount of transcripts and recomputation, against reading the results files alone (issue 12).
# Environment: BENCH_SAMPLES (per cell, default 100), BENCH_REPETITIONS (default 21; the minimum is reported beside the median, the machine may be shared), BENCH_SPRT_RUNS (default 10000), BENCH_GATE_SAMPLES (default 300), BENCH_ONLY (harness, sprt or gate).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/bench/evals/AlignmentPolicy.Evals.Benchmarks.csproj"
dotnet build "$project" -c Release -nologo -v q
exec dotnet "$root/artifacts/bin/AlignmentPolicy.Evals.Benchmarks/release/AlignmentPolicy.Evals.Benchmarks.dll"
