using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>
/// A request to a model sent with a plain <c>HttpClient</c>: <c>PostAsync</c>, <c>PostAsJsonAsync</c> or <c>SendAsync</c> to a URI whose text
/// spells a chat endpoint (<c>.../chat/completions</c> of OpenAI, Azure OpenAI and every OpenAI-compatible server, Gemini's
/// <c>:generateContent</c>, OpenAI's and Azure OpenAI's responses, Anthropic's messages). Paths an application's own backend is as
/// likely to serve (<c>/api/chat</c>, a browser front end posting to its server) are not read as a model's. The URI is read from the argument, a
/// <c>new Uri(...)</c>, the locals it is built in (initializer and every assignment, <c>+=</c> included), a constant, and for <c>SendAsync</c> the
/// <c>new HttpRequestMessage(method, uri)</c> it sends. No SDK, middleware or filter is between such a call and the model.
/// </summary>
internal static class RawHttpModelCalls
{
    /// <summary>The names such a call is spelled with (name-first dispatch of ALN0001).</summary>
    public static readonly string[] Names = { "PostAsync", "PostAsJsonAsync", "SendAsync" };

    private static readonly string[] s_chatPaths =
    {
        "chat/completions", ":generateContent", ":streamGenerateContent", "/openai/responses", "api.openai.com/v1/responses", "api.anthropic.com/v1/messages",
    };

    /// <summary>The chat endpoint the request is posted to, or null when it is no such request (or its URI cannot be read).</summary>
    public static string? ChatEndpoint(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (Array.IndexOf(Names, method.Name) < 0 || symbols.HttpMessageInvoker is not { } invoker)
        {
            return null;
        }

        var receiverType = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
        if (receiverType is null || !KnownSymbols.IsOrDerivesFrom(receiverType, invoker))
        {
            return null;
        }

        IOperation? uri = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Name == "requestUri")
            {
                uri = argument.Value;
            }
            else if (parameter.Type.Name == "HttpRequestMessage")
            {
                uri = RequestUri(argument.Value);
            }
        }

        return uri is null ? null : Spelled(uri, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
    }

    /// <summary>The URI of <c>new HttpRequestMessage(HttpMethod.Post, uri)</c> (or <c>{ RequestUri = uri }</c>), also through a local.</summary>
    private static IOperation? RequestUri(IOperation request)
    {
        request = Operations.Unwrap(request);
        if (request is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            request = Operations.Unwrap(initial);
        }

        if (request is not IObjectCreationOperation creation)
        {
            return null;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "requestUri")
            {
                return argument.Value;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RequestUri" }, Value: var value })
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static string? Spelled(IOperation value, HashSet<ISymbol> seen, int depth)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } when Match(text) is { } found:
                    return found;
                case IInterpolatedStringTextOperation { Text: ILiteralOperation { ConstantValue: { HasValue: true, Value: string part } } } when Match(part) is { } found:
                    return found;
                case IFieldReferenceOperation { Field: { HasConstantValue: true, ConstantValue: string constant } } when Match(constant) is { } found:
                    return found;
                case ILocalReferenceOperation local when depth < 3 && seen.Add(local.Local):
                    foreach (var assigned in LocalValues.WithCompound(Operations.Root(local), local.Local))
                    {
                        if (Spelled(assigned, seen, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static string? Match(string text)
    {
        foreach (var path in s_chatPaths)
        {
            if (text.IndexOf(path, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return path;
            }
        }

        return null;
    }
}
