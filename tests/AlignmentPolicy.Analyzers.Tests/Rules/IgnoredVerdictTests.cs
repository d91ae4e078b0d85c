using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.IgnoredVerdictAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class IgnoredVerdictTests
{
    private const string Usings = """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;

        """;

    [Fact]
    public Task A_discarded_or_unread_verdict_is_reported()
        => Verify.VerifyAsync(Usings + """
            class Tools(IPolicyGate gate)
            {
                public async Task DeleteAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    await gate.[|EvaluateAsync|](request, ct);
                    _ = await gate.[|EvaluateAsync|](request, ct).ConfigureAwait(false);
                    var verdict = await gate.[|EvaluateAsync|](request, ct);
                    File.Delete(path);
                }
            }
            """);

    [Fact]
    public Task A_verdict_whose_decision_is_checked_returned_or_handed_on_is_fine()
        => Verify.VerifyAsync(Usings + """
            class Tools(IPolicyGate gate)
            {
                public async Task DeleteAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.Decision != PolicyDecision.Allow) return;
                    File.Delete(path);
                }

                public async Task<bool> CheckAsync(PolicyRequest request, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    return verdict is { IsAllowed: true };
                }

                public ValueTask<PolicyVerdict> ForwardAsync(PolicyRequest request, CancellationToken ct) => gate.EvaluateAsync(request, ct);

                public async Task LogAsync(PolicyRequest request, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    Audit(verdict);
                }

                private static void Audit(PolicyVerdict verdict) { }
            }
            """);

    [Fact]
    public Task A_verdict_whose_decision_is_only_logged_is_reported()
        => Verify.VerifyAsync(Usings + """
            using System;
            using Microsoft.Extensions.Logging;

            class Publisher(IPolicyGate gate, ILogger<Publisher> logger)
            {
                public async Task PublishAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.[|EvaluateAsync|](request, ct);
                    if (verdict.Decision == PolicyDecision.Deny)
                    {
                        Console.Error.WriteLine($"policy denied {path}: {verdict}");
                    }

                    File.WriteAllText(path, "published");
                }

                public async Task ArchiveAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.[|EvaluateAsync|](request, ct);
                    if (!verdict.IsAllowed) logger.LogWarning("archiving {Path} was not allowed", path);
                    else logger.LogInformation("archiving {Path}", path);
                    File.Delete(path);
                }
            }
            """);

    [Fact]
    public Task A_verdict_whose_test_stops_guards_or_flags_the_action_is_fine()
        => Verify.VerifyAsync(Usings + """
            using System;
            using Microsoft.Extensions.Logging;

            class Publisher(IPolicyGate gate, ILogger<Publisher> logger)
            {
                public async Task PublishAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.Decision == PolicyDecision.Deny)
                    {
                        Console.Error.WriteLine($"policy denied {path}: {verdict}");
                        return;
                    }

                    File.WriteAllText(path, "published");
                }

                public async Task ArchiveAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.IsAllowed)
                    {
                        logger.LogInformation("archiving {Path}", path);
                        File.Delete(path);
                    }
                }

                public async Task PurgeAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var allowed = true;
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.Decision != PolicyDecision.Allow)
                    {
                        logger.LogWarning("purge refused");
                        allowed = false;
                    }

                    if (allowed) File.Delete(path);
                }

                public async Task RemoveAsync(PolicyRequest request, string path, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.Decision == PolicyDecision.Escalate) throw new InvalidOperationException("needs a reviewer");
                    File.Delete(path);
                }
            }
            """);
}
