using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UnconditionalGateAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UnconditionalGateTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

        """;

    [Fact]
    public Task A_gate_whose_every_path_allows_is_reported()
        => Verify.VerifyAsync(Usings + """
            sealed class AllowAllGate : IPolicyGate
            {
                public ValueTask<PolicyVerdict> [|EvaluateAsync|](PolicyRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(PolicyVerdict.Allowed);
            }

            sealed class LoggingGate : IPolicyGate
            {
                public async ValueTask<PolicyVerdict> [|EvaluateAsync|](PolicyRequest request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    if (request is null) { return PolicyVerdict.Allowed; }
                    Console.WriteLine("checked");
                    return PolicyVerdict.Allowed;
                }
            }
            """);

    [Fact]
    public Task A_gate_that_can_deny_or_fails_closed_is_fine()
        => Verify.VerifyAsync(Usings + """
            sealed class KeywordGate : IPolicyGate
            {
                public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
                    => ValueTask.FromResult(request.ToString()!.Contains("affair")
                        ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "coercion", "Private information used as leverage.")
                        : PolicyVerdict.Allowed);
            }

            sealed class StrictGate : IPolicyGate
            {
                public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
                {
                    if (request is null) throw new ArgumentNullException(nameof(request));
                    return ValueTask.FromResult(PolicyVerdict.Allowed);
                }
            }
            """);

    [Fact]
    public Task A_filter_declared_as_a_gate_that_always_calls_next_is_reported_and_a_plain_logging_filter_is_not()
        => Verify.VerifyAsync(Usings + """
            [PolicyGate]
            sealed class AuditGateFilter : IFunctionInvocationFilter
            {
                public async Task [|OnFunctionInvocationAsync|](FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine(context.Function.Name);
                    await next(context);
                }
            }

            sealed class LoggingFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine(context.Function.Name);
                    await next(context);
                }
            }

            [PolicyGate]
            sealed class ApprovalGateFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    if (context.Function.Name.StartsWith("Get")) { await next(context); }
                    else { context.Result = new FunctionResult(context.Function, "Denied by policy."); }
                }
            }
            """);
}
