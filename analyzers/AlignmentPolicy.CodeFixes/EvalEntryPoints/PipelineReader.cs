using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.EvalEntryPoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>
/// Reads what an entry point copies from the project's pipeline: the prompt, the gates (with the harness's approval
/// service, so escalations are recorded and rejected), tool invocation, and for an agent its name and description.
/// The program's tools are never copied: the harness's recorded ones take their place. Steps that need the
/// application's services (logging, caching, telemetry) or values a static method cannot reach are left out, and a
/// note says so.
/// </summary>
internal static class PipelineReader
{
    private const string ApprovalsLambda = "options => options.ApprovalService = environment.Approvals";

    public static EntryPointPlan Read(Compilation compilation, EvalPipelineCandidate? candidate, CancellationToken cancellationToken)
    {
        var symbols = EvalPipelineSymbols.Create(compilation);
        var plan = candidate is { Kind: EvalPipelineKind.ChatPipeline or EvalPipelineKind.ServicePipeline or EvalPipelineKind.Agent, Operation.SemanticModel: not null }
            ? Copy(candidate, symbols)
            : null;
        if (plan is null)
        {
            plan = Template(compilation, candidate);
        }

        if (plan.Instructions is null && InstructionsFinder.Find(compilation, plan.Namespace, cancellationToken) is { } found)
        {
            plan.Instructions = found.Text;
            CopyUsings(found.Source, plan);
        }

        return plan;
    }

    /// <summary>A method to complete by hand, in the namespace of the project's code; it compiles and evaluates the bare model until then.</summary>
    public static EntryPointPlan Template(Compilation compilation, EvalPipelineCandidate? candidate, string? whyNotCopied = null)
    {
        var plan = new EntryPointPlan { IsTemplate = true, Namespace = candidate is null ? FirstNamespace(compilation) : NamespaceOf(candidate.Operation) };
        plan.ClientSteps.Add(".UseFunctionInvocation()");
        plan.Notes.Add(candidate?.Kind switch
        {
            EvalPipelineKind.Kernel => $"This project builds a Semantic Kernel kernel ({Describe(candidate.Location)}). The harness drives an IChatClient or an AIAgent: build the kernel around 'model' with environment.Tools as its plugin and its gates as filters, and adapt it (docs/rules/ALN0008.md shows how).",
            null => "No chat pipeline or agent was found to copy: build the agent here as the program does, around 'model'.",
            _ => $"The pipeline in {Describe(candidate.Location)} could not be copied{(whyNotCopied is null ? "" : $" ({whyNotCopied})")}: build the agent here as the program does, around 'model'.",
        });
        return plan;
    }

    private static EntryPointPlan? Copy(EvalPipelineCandidate candidate, EvalPipelineSymbols symbols)
    {
        var operation = candidate.Operation;
        var model = operation.SemanticModel!;
        var plan = new EntryPointPlan { Namespace = NamespaceOf(operation), Source = Describe(candidate.Location) };
        var portable = new PortableCode(model, plan.Namespace, Substitute);
        bool gated;
        switch (candidate.Kind)
        {
            case EvalPipelineKind.ChatPipeline when symbols.ChatClientBuilder is not null:
                var chain = BuilderChain.EndingAt((IInvocationOperation)operation, symbols.ChatClientBuilder, "AsBuilder", "AddChatClient", "AddKeyedChatClient");
                if (chain.Root is null)
                {
                    return null;
                }

                gated = ReadClientSteps(chain, portable, plan, plan.ClientSteps);
                break;
            case EvalPipelineKind.ServicePipeline when symbols.ChatClientBuilder is not null:
                gated = ReadClientSteps(BuilderChain.StartingAt(operation, symbols.ChatClientBuilder), portable, plan, plan.ClientSteps);
                plan.Notes.Add("Copied from a pipeline registered for dependency injection: gates, an approval service or a decision log the service container supplies there must be given here.");
                break;
            case EvalPipelineKind.Agent:
                plan.ReturnsAgent = true;
                gated = ReadAgent(operation, symbols, portable, plan);
                break;
            default:
                return null;
        }

        if (!gated)
        {
            plan.Notes.Add("The program's pipeline has no UsePolicyGate(): this entry point evaluates the agent ungated, as it runs. If the program gates it elsewhere, add the same gates here.");
        }

        CopyUsings(operation.Syntax, plan);
        plan.CollectionExpressions = ((CSharpParseOptions)operation.Syntax.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12;
        return plan;
    }

    /// <summary>Copies the steps of a builder chain into <paramref name="target"/>; true when one of them is a gate.</summary>
    private static bool ReadClientSteps(BuilderChain chain, PortableCode portable, EntryPointPlan plan, List<string> target)
    {
        var gated = false;
        var leftOut = new List<string>();
        foreach (var step in chain.Steps)
        {
            if (step.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                leftOut.Add(step.TargetMethod.Name + "(...)");
                continue;
            }

            switch (step.TargetMethod.Name)
            {
                case "ConfigureOptions":
                    ReadOptions(invocation.ArgumentList, portable, plan);
                    break;
                case "UsePolicyGate" when BuilderChain.IsGateStep(step):
                    gated = true;
                    target.Add(GateStep(step, invocation, access, portable, plan));
                    break;
                case "UseFunctionInvocation":
                    var arguments = invocation.ArgumentList.Arguments.Count == 0 || portable.Mentions(invocation.ArgumentList, "AdditionalTools") ? null : portable.Move(invocation.ArgumentList);
                    target.Add("." + access.Name + (arguments ?? "()"));
                    if (arguments is null && invocation.ArgumentList.Arguments.Count > 0)
                    {
                        plan.Notes.Add($"UseFunctionInvocation{Shorten(invocation.ArgumentList.ToString())} was copied without its arguments: they use the program's own values or tools.");
                    }

                    break;
                default:
                    // A team's own step (it may apply the gates) is kept when it can move; library steps such as UseLogging,
                    // UseDistributedCache or UseOpenTelemetry need the application's services and do not change what the agent does.
                    if (IsInSource(step.TargetMethod) && portable.Move(invocation.ArgumentList) is { } moved)
                    {
                        target.Add("." + access.Name + moved);
                    }
                    else
                    {
                        leftOut.Add(access.Name + (invocation.ArgumentList.Arguments.Count == 0 ? "()" : "(...)"));
                    }

                    break;
            }
        }

        if (leftOut.Count > 0)
        {
            plan.Notes.Add($"Left out of the copy: {string.Join(", ", leftOut)} (the application's own services, or values this class cannot reach).");
        }

        return gated;
    }

    /// <summary>The program's options: the prompt is kept; tools never are (the scenario's replace them); other settings are named in a note.</summary>
    private static void ReadOptions(ArgumentListSyntax arguments, PortableCode portable, EntryPointPlan plan)
    {
        var others = new List<string>();
        foreach (var assignment in arguments.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            var member = assignment.Left switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                IdentifierNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };
            if (member == "Instructions")
            {
                plan.Instructions ??= portable.Move(assignment.Right);
            }
            else if (member is not null and not "Tools" && !others.Contains(member))
            {
                others.Add(member);
            }
        }

        if (others.Count > 0)
        {
            plan.Notes.Add($"The program's ConfigureOptions also sets {string.Join(", ", others)}: copy what shapes the agent's answers (never its tools).");
        }
    }

    /// <summary><c>.UsePolicyGate(...)</c> with the program's configuration, and the harness's approval service for escalations.</summary>
    private static string GateStep(IInvocationOperation step, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, PortableCode portable, EntryPointPlan plan)
    {
        var hasConfigure = step.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == "configure");
        if (portable.Move(invocation.ArgumentList) is not { } moved)
        {
            plan.Notes.Add($"The program configures its gate with values this class cannot reach, {access.Name}{Shorten(invocation.ArgumentList.ToString())}: configure it the same way here.");
            return $".{access.Name}({ApprovalsLambda})";
        }

        if (!hasConfigure)
        {
            // The same overload with its configure argument: escalations go to the harness, which records and rejects them.
            return "." + access.Name + (invocation.ArgumentList.Arguments.Count == 0 ? $"({ApprovalsLambda})" : moved.Substring(0, moved.Length - 1) + $", {ApprovalsLambda})");
        }

        if (moved.IndexOf("environment.Approvals", StringComparison.Ordinal) < 0 && !invocation.ArgumentList.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == "ApprovalService"))
        {
            plan.Notes.Add("Give the gate the harness's approval service (options.ApprovalService = environment.Approvals), so escalations are recorded and rejected.");
        }

        return "." + access.Name + moved;
    }

    /// <summary>An Agent Framework agent: its instructions, name and description, the steps of its chat client, and its own pipeline.</summary>
    private static bool ReadAgent(IOperation creation, EvalPipelineSymbols symbols, PortableCode portable, EntryPointPlan plan)
    {
        var arguments = creation is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)creation).Arguments;
        var leftOut = new List<string>();
        // Parameter 0 is the chat client: the receiver of AsAIAgent, the first argument of the constructor.
        foreach (var argument in arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Ordinal > 0))
        {
            var name = argument.Parameter!.Name;
            var value = argument.Value.Syntax;
            switch (name)
            {
                case "instructions":
                    plan.Instructions = portable.Move(value);
                    break;
                case "name" or "description":
                    if (portable.Move(value) is { } moved)
                    {
                        plan.AgentArguments.Add($"{name}: {moved}");
                    }

                    break;
                case "tools":
                    break;
                default:
                    if (argument.Value.Type?.Name == "ChatClientAgentOptions")
                    {
                        ReadAgentOptions(value, portable, plan);
                    }
                    else if (argument.Value.ConstantValue is not { HasValue: true, Value: null })
                    {
                        leftOut.Add(name);
                    }

                    break;
            }
        }

        if (leftOut.Count > 0)
        {
            plan.Notes.Add($"Left out of the agent's arguments: {string.Join(", ", leftOut)} (the application's own services).");
        }

        var gated = false;
        if (symbols.ChatClientBuilder is not null && EvalPipelineCandidate.AgentClient(creation) is IInvocationOperation { TargetMethod.Name: "Build" } build
            && BuilderChain.EndingAt(build, symbols.ChatClientBuilder, "AsBuilder") is { Root: not null } client)
        {
            gated = ReadClientSteps(client, portable, plan, plan.ClientSteps);
        }

        if (symbols.AIAgentBuilder is not null && BuilderChain.Outer(creation) is { TargetMethod.Name: "AsBuilder" } asBuilder)
        {
            gated |= ReadClientSteps(BuilderChain.StartingAt(asBuilder, symbols.AIAgentBuilder), portable, plan, plan.AgentSteps);
        }

        return gated;
    }

    private static void ReadAgentOptions(SyntaxNode options, PortableCode portable, EntryPointPlan plan)
    {
        foreach (var assignment in options.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var member })
            {
                continue;
            }

            if (member == "Instructions")
            {
                plan.Instructions ??= portable.Move(assignment.Right);
            }
            else if (member is "Name" or "Description" && assignment.Parent?.Parent == options.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() && portable.Move(assignment.Right) is { } moved)
            {
                plan.AgentArguments.Add($"{member.ToLowerInvariant()}: {moved}");
            }
        }
    }

    /// <summary>What the harness gives instead of the program's own value.</summary>
    private static string? Substitute(ExpressionSyntax expression, ITypeSymbol? type)
        => type is null ? null
            : Implements(type, "AlignmentPolicy.Gates.IApprovalService") ? "environment.Approvals"
            : Implements(type, "AlignmentPolicy.Gates.IPolicyDecisionLog") ? "null"
            : null;

    private static bool Implements(ITypeSymbol type, string metadataName)
        => type.ToDisplayString() == metadataName || type.AllInterfaces.Any(i => i.ToDisplayString() == metadataName);

    private static bool IsInSource(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition.Locations.Any(l => l.IsInSource);

    private static void CopyUsings(SyntaxNode node, EntryPointPlan plan)
    {
        var usings = node.SyntaxTree.GetCompilationUnitRoot().Usings
            .Concat(node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings))
            .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None));
        foreach (var directive in usings)
        {
            var text = directive.WithoutTrivia().ToString();
            if (!plan.Usings.Contains(text))
            {
                plan.Usings.Add(text);
            }
        }
    }

    private static string? NamespaceOf(IOperation operation)
        => operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    private static string? FirstNamespace(Compilation compilation)
        => compilation.SyntaxTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .SelectMany(t => t.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>())
            .Select(n => n.Name.ToString())
            .FirstOrDefault();

    internal static string Describe(Location location)
        => $"{Path.GetFileName(location.SourceTree?.FilePath ?? "")}, line {location.GetLineSpan().StartLinePosition.Line + 1}";

    private static string Shorten(string text)
    {
        text = string.Join(" ", EntryPointWriter.SingleLine(text).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 100 ? text : text.Substring(0, 97) + "...";
    }
}
