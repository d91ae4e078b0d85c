#!/usr/bin/env bash
# A long fuzz run of the readers of our file formats (policy, manifest, results, packages): the same tests CI runs with 2,000 cases, with more cases and
# any seed. Usage: bench/fuzz/run.sh [cases] [seed]   (defaults: 100000, 20261123)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export ALIGNMENT_POLICY_FUZZ_CASES="${1:-100000}" ALIGNMENT_POLICY_FUZZ_SEED="${2:-20261123}"
dotnet test tests/AlignmentPolicy.Core.Tests -c Release \
  --filter "FullyQualifiedName~Hostile.ReaderFuzzTests|FullyQualifiedName~Hostile.ResultsReaderFuzzTests|FullyQualifiedName~Hostile.PackageReaderFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "cases, seed|Passed |Failed |threw|input"
