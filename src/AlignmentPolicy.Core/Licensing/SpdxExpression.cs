using System;
using System.Collections.Generic;

namespace AlignmentPolicy.Core.Licensing;

/// <summary>
/// A parsed SPDX licence expression (SPDX 2.3 Annex D): licence ids, <c>LicenseRef-</c> references and
/// the <c>+</c> suffix, combined with <c>WITH</c> (an exception), <c>AND</c> (binds tighter) and <c>OR</c>,
/// with parentheses.
/// </summary>
public abstract class SpdxExpression
{
    private protected SpdxExpression()
    {
    }

    /// <summary>The licence ids the expression names, in order (exceptions excluded).</summary>
    public IEnumerable<string> LicenseIds
    {
        get
        {
            var stack = new Stack<SpdxExpression>();
            stack.Push(this);
            var result = new List<string>();
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case SpdxLicense license:
                        result.Add(license.Id);
                        break;
                    case SpdxWithException with:
                        result.Add(with.License.Id);
                        break;
                    case SpdxCompound compound:
                        stack.Push(compound.Right);
                        stack.Push(compound.Left);
                        break;
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Whether a user may take the data under licences that are all allowed: every side of an AND must be
    /// allowed, one side of an OR suffices; an exception only adds permissions, so it is judged by its licence.
    /// </summary>
    public bool IsSatisfiedBy(Func<string, bool> allowed)
    {
        // Iterative: "A AND B AND C ..." parses into a tree as deep as it is long, too deep to recurse over.
        var values = new Stack<bool>();
        foreach (var node in PostOrder())
        {
            switch (node)
            {
                case SpdxLicense license:
                    values.Push(allowed(license.Id) || (license.OrLater && allowed(license.Id + "+")));
                    break;
                case SpdxWithException with:
                    values.Push(allowed(with.License.Id) || (with.License.OrLater && allowed(with.License.Id + "+")));
                    break;
                case SpdxCompound compound:
                    var right = values.Pop();
                    var left = values.Pop();
                    values.Push(compound.IsAnd ? left && right : left || right);
                    break;
            }
        }

        return values.Pop();
    }

    /// <summary>Every node after its operands (left, right, then the operator), without recursion.</summary>
    private protected IEnumerable<SpdxExpression> PostOrder()
    {
        var pending = new Stack<(SpdxExpression Node, bool Expanded)>();
        pending.Push((this, false));
        while (pending.Count > 0)
        {
            var (node, expanded) = pending.Pop();
            if (node is SpdxCompound compound && !expanded)
            {
                pending.Push((compound, true));
                pending.Push((compound.Right, false));
                pending.Push((compound.Left, false));
                continue;
            }

            yield return node;
        }
    }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string text, out SpdxExpression? expression, out SpdxExpressionError? error)
        => SpdxExpressionParser.TryParse(text, out expression, out error);
}

/// <summary>A single licence: a listed id (optionally with <c>+</c>) or a <c>LicenseRef-</c>.</summary>
public sealed class SpdxLicense : SpdxExpression
{
    internal SpdxLicense(string id, bool orLater)
    {
        Id = id;
        OrLater = orLater;
    }

    /// <summary>The licence id, without <c>+</c>.</summary>
    public string Id { get; }

    /// <summary>The id was written with <c>+</c> ("or any later version").</summary>
    public bool OrLater { get; }

    /// <inheritdoc />
    public override string ToString() => OrLater ? Id + "+" : Id;
}

/// <summary><c>licence WITH exception</c>.</summary>
public sealed class SpdxWithException : SpdxExpression
{
    internal SpdxWithException(SpdxLicense license, string exception)
    {
        License = license;
        Exception = exception;
    }

    /// <summary>The licence.</summary>
    public SpdxLicense License { get; }

    /// <summary>The exception id.</summary>
    public string Exception { get; }

    /// <inheritdoc />
    public override string ToString() => License + " WITH " + Exception;
}

/// <summary><c>left AND right</c> or <c>left OR right</c>.</summary>
public sealed class SpdxCompound : SpdxExpression
{
    internal SpdxCompound(bool isAnd, SpdxExpression left, SpdxExpression right)
    {
        IsAnd = isAnd;
        Left = left;
        Right = right;
    }

    /// <summary>True for AND, false for OR.</summary>
    public bool IsAnd { get; }

    /// <summary>The left operand.</summary>
    public SpdxExpression Left { get; }

    /// <summary>The right operand.</summary>
    public SpdxExpression Right { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        // Iterative, into one buffer, for the same reason as IsSatisfiedBy: a long chain is a deep tree, and joining
        // the operands' strings level by level would copy the text once per level.
        var builder = new System.Text.StringBuilder();
        var pending = new Stack<object>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case string text:
                    builder.Append(text);
                    break;
                case SpdxCompound compound:
                    // An OR inside an AND keeps its parentheses; pushed in reverse order of output.
                    var wrapLeft = compound.IsAnd && compound.Left is SpdxCompound { IsAnd: false };
                    var wrapRight = compound.IsAnd && compound.Right is SpdxCompound { IsAnd: false };
                    Push(pending, compound.Right, wrapRight);
                    pending.Push(compound.IsAnd ? " AND " : " OR ");
                    Push(pending, compound.Left, wrapLeft);
                    break;
                case var leaf:
                    builder.Append(leaf);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void Push(Stack<object> pending, SpdxExpression operand, bool wrap)
    {
        if (wrap)
        {
            pending.Push(")");
        }

        pending.Push(operand);
        if (wrap)
        {
            pending.Push("(");
        }
    }
}

/// <summary>Why an expression does not parse: a message and the 0-based offset of the offending token.</summary>
public sealed class SpdxExpressionError
{
    internal SpdxExpressionError(int index, string message)
    {
        Index = index;
        Message = message;
    }

    /// <summary>0-based offset in the expression text.</summary>
    public int Index { get; }

    /// <summary>What is wrong and how to write it.</summary>
    public string Message { get; }
}
