using System.Collections.Generic;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>What the generated entry point contains, read from the project's pipeline (or a template to complete).</summary>
internal sealed class EntryPointPlan
{
    /// <summary>Returns an Agent Framework agent (<c>new ChatClientAgent(...)</c>) instead of a chat-client pipeline.</summary>
    public bool ReturnsAgent { get; set; }

    /// <summary>Nothing was copied: the method is a template whose prompt and gates the user fills in.</summary>
    public bool IsTemplate { get; set; }

    /// <summary>Where the copied pipeline is, for the class's documentation (<c>Program.cs, line 12</c>).</summary>
    public string? Source { get; set; }

    /// <summary>The namespace of the new class (the one of the code it copies), or null for the global namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>The using directives of the copied code's file, as written.</summary>
    public List<string> Usings { get; } = new();

    /// <summary>The agent's system prompt: an expression the new class can compile, or null when none was found.</summary>
    public string? Instructions { get; set; }

    /// <summary>The steps of the chat-client pipeline after the options, each a call text such as <c>.UsePolicyGate()</c>.</summary>
    public List<string> ClientSteps { get; } = new();

    /// <summary>Further named arguments of the agent's constructor (<c>name: "support"</c>).</summary>
    public List<string> AgentArguments { get; } = new();

    /// <summary>The steps of the agent's own pipeline (<c>agent.AsBuilder()...Build()</c>).</summary>
    public List<string> AgentSteps { get; } = new();

    /// <summary>Comment lines for the reader: what was left out and what to check.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>File-scoped namespaces are available (C# 10).</summary>
    public bool FileScopedNamespace { get; set; } = true;

    /// <summary>Collection expressions (<c>[.. environment.Tools]</c>) are available (C# 12).</summary>
    public bool CollectionExpressions { get; set; } = true;
}
