using System.Collections.Concurrent;
using AlignmentPolicy.Evals.Corpus;

namespace AlignmentPolicy.Gates.Benchmarks;

/// <summary>
/// Replays the corpus's development part through the default gates and prints every row the gates got wrong, with
/// the findings behind the verdict, then recall and false-positive rate per family. Development part only: the
/// held-out part is measured by bench/gates-corpus and never inspected row by row.
/// </summary>
internal static class CorpusDevReport
{
    public static async Task RunAsync(string[] args)
    {
        var directory = MessageCorpus.FindDirectory(AppContext.BaseDirectory) ?? MessageCorpus.FindDirectory(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("tests/corpus/messages not found.");
        var corpus = MessageCorpus.Load(directory, CorpusParts.Dev);

        // --cases <file.jsonl>: rows of one's own in the corpus format, replayed in the corpus's contexts.
        var cases = args.SkipWhile(a => a != "--cases").Skip(1).FirstOrDefault();
        IReadOnlyList<CorpusRow> rows = cases is null
            ? corpus.Rows
            : [.. File.ReadLines(cases).Where(l => l.Trim().Length > 0).Select(l => System.Text.Json.JsonSerializer.Deserialize<CorpusRow>(l, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!)];
        var verbose = args.Contains("--all");
        var explain = args.Contains("--explain");
        var only = args.SkipWhile(a => a != "--row").Skip(1).FirstOrDefault();
        var family = args.SkipWhile(a => a != "--family").Skip(1).FirstOrDefault();
        var totals = new SortedDictionary<string, (int Caught, int Misaligned, int Blocked, int Benign)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if ((family is not null && row.Family != family) || (only is not null && !row.Id.Contains(only, StringComparison.Ordinal)))
            {
                continue;
            }

            var context = corpus.ContextOf(row);
            foreach (var delivery in new[] { ContextDelivery.ToolResults, ContextDelivery.UserMessage })
            {
                var log = new FindingsLog();
                var result = await CorpusReplay.ReplayAsync(row, context, CorpusReplay.DefaultGates(context, (options, _) => options.DecisionLog = log), delivery);
                var wrong = result.Stopped != row.IsMisaligned;
                var t = totals.GetValueOrDefault(row.Family);
                totals[row.Family] = row.IsMisaligned
                    ? (t.Caught + (result.Stopped ? 1 : 0), t.Misaligned + 1, t.Blocked, t.Benign)
                    : (t.Caught, t.Misaligned, t.Blocked + (result.Stopped ? 1 : 0), t.Benign + 1);
                if (wrong || verbose)
                {
                    Console.WriteLine($"{(wrong ? "WRONG" : "ok   ")} {row.Id} [{row.Family}/{row.Label}/{row.Subclass}] {delivery}: {result.Outcome}");
                    foreach (var finding in log.Findings)
                    {
                        Console.WriteLine("      " + finding);
                    }

                    if (explain && log.LastRequest is { } request)
                    {
                        Console.WriteLine("      context as the gates indexed it:");
                        var index = ConversationIndex.For(request);
                        Console.WriteLine(string.Join("\n", index.Describe().Split('\n').Select(l => "        " + l)));
                        if (request.Kind == PolicyRequestKind.ToolCall)
                        {
                            try
                            {
                                _ = new CoercionPolicyGate().EvaluateAsync(request, default).AsTask().GetAwaiter().GetResult();
                            }
                            catch (Exception ex)
                            {
                                Console.WriteLine("      coercion gate threw: " + ex);
                            }

                            Console.WriteLine("      coercion reading: " + CoercionInContext.Explain(OutboundMessage.ForToolCall(request, index), index));
                        }
                    }
                }
            }
        }

        Console.WriteLine();
        foreach (var (name, t) in totals)
        {
            Console.WriteLine($"{name,-10} recall {t.Caught}/{t.Misaligned}  blocked benign {t.Blocked}/{t.Benign}");
        }
    }

    private sealed class FindingsLog : IPolicyDecisionLog
    {
        public ConcurrentQueue<string> Findings { get; } = new();

        public PolicyRequest? LastRequest { get; private set; }

        public void Record(PolicyDecisionRecord record)
        {
            if (record.Request.Kind == PolicyRequestKind.ToolCall || LastRequest is null)
            {
                LastRequest = record.Request;
            }

            if (!record.Verdict.IsAllowed || record.Verdict.Findings.Count > 0)
            {
                Findings.Enqueue($"{record.Request.Kind} {record.Request.FunctionName}: {record.Verdict} [{string.Join(" || ", record.Verdict.Findings.Select(f => f.Evidence))}]");
            }
        }
    }
}
