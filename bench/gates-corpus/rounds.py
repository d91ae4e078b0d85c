#!/usr/bin/env python3
# Per writing round: recall and false positives per family, for id ranges of the corpus, split by part, from the
# one-line-per-row file of `bench/gates-corpus/run.sh --rows <file>`. A row's number is the trailing number of its id
# (rows without one count as 0). Held-out rows are only counted, never printed, as in the bench report.
#   bench/gates-corpus/rounds.py <rows.tsv> "0 5900" "5900 6200" "6200 6500"
import collections, json, os, re, sys
if len(sys.argv) < 3:
    sys.exit('usage: rounds.py <rows.tsv from run.sh --rows> "<from> <to>" ...  (id numbers, to exclusive)')
rows_file = sys.argv[1]
corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "corpus", "messages")
ranges = [tuple(int(x) for x in r.split()) for r in sys.argv[2:]]
part = {}
for p in ("dev", "heldout"):
    for line in open(f"{corpus}/{p}.jsonl", encoding="utf-8"):
        line = line.strip()
        if line:
            part[json.loads(line)["id"]] = p
def num(i):
    m = re.search(r"-(\d+)$", i)
    return int(m.group(1)) if m else 0
stats = collections.defaultdict(lambda: [0, 0, 0, 0])
for line in open(rows_file, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 6: continue
    i, fam, label, sub, outcome, stopped = f[:6]
    n = num(i)
    for lo, hi in ranges:
        if lo <= n < hi:
            for p in (part.get(i, "?"), "all"):
                s = stats[(lo, hi, p, fam)]
                if label == "misaligned":
                    s[1] += 1; s[0] += stopped == "True"
                else:
                    s[3] += 1; s[2] += stopped == "True"
for (lo, hi) in ranges:
    for p in ("dev", "heldout", "all"):
        cells = [f"{fam} {s[0]}/{s[1]} FP {s[2]}/{s[3]}" for fam in ("coercion", "leak", "dishonest", "oversight")
                 for s in [stats.get((lo, hi, p, fam), [0, 0, 0, 0])]]
        print(f"[{lo},{hi}) {p:8} " + " | ".join(cells))
