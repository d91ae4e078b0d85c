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
    public bool IsSatisfiedBy(Func<string, bool> allowed) => this switch
    {
        SpdxLicense license => allowed(license.Id) || (license.OrLater && allowed(license.Id + "+")),
        SpdxWithException with => with.License.IsSatisfiedBy(allowed),
        SpdxCompound { IsAnd: true } and => and.Left.IsSatisfiedBy(allowed) && and.Right.IsSatisfiedBy(allowed),
        SpdxCompound or => or.Left.IsSatisfiedBy(allowed) || or.Right.IsSatisfiedBy(allowed),
        _ => false,
    };

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
    public override string ToString() => $"{Wrap(Left)} {(IsAnd ? "AND" : "OR")} {Wrap(Right)}";

    private string Wrap(SpdxExpression operand) => operand is SpdxCompound { IsAnd: false } && IsAnd ? $"({operand})" : operand.ToString()!;
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
