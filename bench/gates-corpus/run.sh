#!/usr/bin/env bash
# Replays every row of the labelled message corpus (tests/corpus/messages) through the default gates in a real
# UsePolicyGate().UseFunctionInvocation() pipeline, and through the cascade with a scripted judge, and prints per
# family the recall on misaligned rows and the false-positive rate on benign rows, with 95% Wilson intervals, for the
# dev and held-out parts separately. Misses and false positives are listed with their text for the dev part only;
# for the held-out part only counts per subclass are printed, so the report can be shown to whoever tunes the gates.
# Not a timing test; not part of `dotnet test`.
#   bench/gates-corpus/run.sh                      both parts, context delivered as tool results
#   bench/gates-corpus/run.sh --part dev           only the dev part (the one gates may be tuned on)
#   bench/gates-corpus/run.sh --delivery message   context rendered into the user message, as the suites deliver it
#   bench/gates-corpus/run.sh --domains configured the organisation's domains configured (default: inferred by the gates
#                                                  from the conversation, as in the samples, which configure none)
#   bench/gates-corpus/run.sh --rows <file>       also write one line per row of the default gates' run (id, family,
#                                                  label, subclass, outcome, stopped), for splits the report does not print
#   bench/gates-corpus/run.sh part-of <id>...      which part a new row id belongs to (dev.jsonl or heldout.jsonl)
#   bench/gates-corpus/rounds.py <rows file> "6200 6500"  that file's counts per family for rows numbered 6200-6499 (a
#                                                  writing round), per part, e.g. a blind round before and after a change
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/bench/gates-corpus/AlignmentPolicy.GatesCorpus.Benchmarks.csproj"
dotnet build "$project" -c Release -nologo -v q
dll="$root/artifacts/bin/AlignmentPolicy.GatesCorpus.Benchmarks/release/AlignmentPolicy.GatesCorpus.Benchmarks.dll"
if [[ "${1:-}" == "part-of" ]]; then
  exec dotnet "$dll" "$@"
fi
exec dotnet "$dll" --corpus "$root/tests/corpus/messages" "$@"
