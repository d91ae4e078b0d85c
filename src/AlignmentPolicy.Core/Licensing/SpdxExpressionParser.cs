using System;
using System.Collections.Generic;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Licensing;

/// <summary>Recursive-descent parser for SPDX licence expressions, with an error position for every mistake.</summary>
internal sealed class SpdxExpressionParser
{
    /// <summary>
    /// Parentheses nest at most this deep. Real expressions nest two or three levels; the parser recurses once per
    /// level, so a hostile "((((...))))" must stop here rather than overflow the stack (which ends the process,
    /// and inside MSBuild the build node).
    /// </summary>
    internal const int MaxNesting = 32;

    private readonly List<Token> _tokens;
    private readonly string _text;
    private int _next;
    private int _nesting;

    private SpdxExpressionParser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static bool TryParse(string text, out SpdxExpression? expression, out SpdxExpressionError? error)
    {
        expression = null;
        try
        {
            var tokens = Tokenize(text);
            if (tokens.Count == 0)
            {
                throw new ParseException(0, "the licence expression is empty; write an SPDX id such as \"MIT\"");
            }

            var parser = new SpdxExpressionParser(text, tokens);
            var result = parser.ParseOr();
            if (parser._next < tokens.Count)
            {
                var token = tokens[parser._next];
                throw new ParseException(token.Index, token.Kind == TokenKind.Close
                    ? "')' has no matching '('"
                    : $"expected AND, OR or WITH before \"{DisplayText.Of(token.Text)}\"");
            }

            expression = result;
            error = null;
            return true;
        }
        catch (ParseException ex)
        {
            error = new SpdxExpressionError(ex.Index, ex.Message);
            return false;
        }
    }

    private SpdxExpression ParseOr()
    {
        var left = ParseAnd();
        while (Peek(TokenKind.Or))
        {
            _next++;
            left = new SpdxCompound(false, left, ParseAnd());
        }

        return left;
    }

    private SpdxExpression ParseAnd()
    {
        var left = ParseWith();
        while (Peek(TokenKind.And))
        {
            _next++;
            left = new SpdxCompound(true, left, ParseWith());
        }

        return left;
    }

    private SpdxExpression ParseWith()
    {
        if (_next >= _tokens.Count)
        {
            throw new ParseException(_text.Length, "the expression ends where a licence id was expected");
        }

        var token = _tokens[_next++];
        if (token.Kind == TokenKind.Open)
        {
            if (++_nesting > MaxNesting)
            {
                throw new ParseException(token.Index, $"parentheses nest deeper than {MaxNesting} levels; write the expression with fewer levels of '('");
            }

            var inner = ParseOr();
            _nesting--;
            if (!Peek(TokenKind.Close))
            {
                throw new ParseException(_next < _tokens.Count ? _tokens[_next].Index : _text.Length, $"'(' at offset {token.Index} is not closed; add ')'");
            }

            _next++;
            if (Peek(TokenKind.With))
            {
                throw new ParseException(_tokens[_next].Index, "WITH must follow a single licence id, not a parenthesised expression");
            }

            return inner;
        }

        if (token.Kind != TokenKind.Id)
        {
            throw new ParseException(token.Index, $"expected a licence id, not \"{DisplayText.Of(token.Text)}\"");
        }

        var license = ReadLicense(token);
        if (!Peek(TokenKind.With))
        {
            return license;
        }

        var withToken = _tokens[_next++];
        if (_next >= _tokens.Count || _tokens[_next].Kind != TokenKind.Id)
        {
            throw new ParseException(_next < _tokens.Count ? _tokens[_next].Index : withToken.Index, "WITH must be followed by an SPDX exception id, such as \"Classpath-exception-2.0\"");
        }

        var exception = _tokens[_next++];
        if (!SpdxExceptionList.Contains(exception.Text))
        {
            var caseMatch = SpdxExceptionList.FindIgnoringCase(exception.Text);
            var hint = caseMatch is not null ? $"; SPDX ids are case-sensitive: write \"{caseMatch}\"" : Hint(exception.Text, SpdxExceptionList.Ids);
            throw new ParseException(exception.Index, $"\"{DisplayText.Of(exception.Text)}\" is not an SPDX licence exception{hint}");
        }

        return new SpdxWithException(license, exception.Text);
    }

    private static SpdxLicense ReadLicense(Token token)
    {
        var text = token.Text;
        var orLater = text.EndsWith("+", StringComparison.Ordinal);
        var id = orLater ? text.Substring(0, text.Length - 1) : text;
        if (SpdxLicenseList.TryGet(id, out _) || SpdxLicenseList.IsLicenseRef(id) || IsDocumentRef(id))
        {
            return new SpdxLicense(id, orLater);
        }

        if (SpdxExceptionList.Contains(id))
        {
            throw new ParseException(token.Index, $"\"{id}\" is a licence exception; write it after WITH, as in \"GPL-2.0-only WITH {id}\"");
        }

        var caseMatch = SpdxLicenseList.FindIgnoringCase(id);
        var hint = caseMatch is not null ? $"; SPDX ids are case-sensitive: write \"{caseMatch}\"" : Hint(id, SpdxLicenseList.Ids);
        throw new ParseException(token.Index, $"\"{DisplayText.Of(id)}\" is not an SPDX licence identifier{hint} (see https://spdx.org/licenses/, or use \"LicenseRef-<name>\" for a licence of your own)");
    }

    private static bool IsDocumentRef(string id)
    {
        const string prefix = "DocumentRef-";
        var colon = id.IndexOf(':');
        return id.StartsWith(prefix, StringComparison.Ordinal) && colon > prefix.Length && SpdxLicenseList.IsLicenseRef(id.Substring(colon + 1));
    }

    private static string Hint(string actual, IEnumerable<string> candidates)
    {
        var suggestion = NameSuggester.Suggest(actual, candidates);
        return suggestion is null ? "" : $"; did you mean \"{suggestion}\"?";
    }

    private bool Peek(TokenKind kind) => _next < _tokens.Count && _tokens[_next].Kind == kind;

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ' || c == '\t')
            {
                i++;
                continue;
            }

            if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '(' && text[i] != ')')
            {
                var ch = text[i];
                if (!(char.IsLetterOrDigit(ch) && ch < 128) && ch != '-' && ch != '.' && ch != '+' && ch != ':')
                {
                    throw new ParseException(i, $"the character '{DisplayText.Of(ch)}' cannot appear in a licence expression (ids use letters, digits, '-' and '.'; combine them with AND, OR, WITH)");
                }

                i++;
            }

            var word = text.Substring(start, i - start);
            var kind = word switch
            {
                "AND" => TokenKind.And,
                "OR" => TokenKind.Or,
                "WITH" => TokenKind.With,
                _ => TokenKind.Id,
            };
            if (kind == TokenKind.Id && (word == "and" || word == "or" || word == "with" || word == "And" || word == "Or" || word == "With"))
            {
                throw new ParseException(start, $"write the operator \"{word}\" in capitals: {word.ToUpperInvariant()}");
            }

            if (kind == TokenKind.Id && word.IndexOf('+') >= 0 && word.IndexOf('+') != word.Length - 1)
            {
                throw new ParseException(start + word.IndexOf('+'), "'+' may only end a licence id (\"GPL-2.0+\")");
            }

            tokens.Add(new Token(kind, word, start));
        }

        return tokens;
    }

    private enum TokenKind
    {
        Id,
        And,
        Or,
        With,
        Open,
        Close,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text, int index)
        {
            Kind = kind;
            Text = text;
            Index = index;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public int Index { get; }
    }

    private sealed class ParseException : Exception
    {
        public ParseException(int index, string message) : base(message) => Index = index;

        public int Index { get; }
    }
}
