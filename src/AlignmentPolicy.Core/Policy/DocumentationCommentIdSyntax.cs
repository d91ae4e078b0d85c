using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Checks the syntax of a documentation-comment ID, the format of BannedSymbols.txt
/// (<c>M:System.Net.Mail.SmtpClient.Send(System.Net.Mail.MailMessage)</c>). It checks form, not
/// existence: whether the symbol exists is only known to the compiler.
/// </summary>
public static class DocumentationCommentIdSyntax
{
    /// <summary>
    /// Generic argument lists nest at most this deep. The reader recurses once per level, and so does the compiler's
    /// own reader of these IDs in the analyzers: a hostile "A{A{A{...}}}" must stop here, not overflow the stack.
    /// </summary>
    public const int MaxNesting = 32;

    /// <summary>The longest ID accepted; real ones, long generic signatures included, stay far below.</summary>
    public const int MaxLength = 4096;

    /// <summary>Returns null when <paramref name="id"/> is well formed, otherwise what is wrong and the index where it goes wrong.</summary>
    public static (string Message, int Index)? Check(string id)
    {
        if (id.Length > MaxLength)
        {
            return ($"it is {id.Length} characters long; a documentation-comment ID has at most {MaxLength}", MaxLength);
        }

        if (id.Length < 3 || id[1] != ':' || "NTFPME".IndexOf(id[0]) < 0)
        {
            return ("it must start with a kind prefix N:, T:, F:, P:, M: or E: followed by a fully qualified name", 0);
        }

        var kind = id[0];
        var reader = new Reader(id, 2);
        if (!reader.ReadQualifiedName(allowArity: true))
        {
            return (reader.Error ?? "expected a name", reader.Position);
        }

        if (reader.AtEnd)
        {
            return null;
        }

        if ((kind == 'M' || kind == 'P') && reader.Peek == '(')
        {
            reader.Advance();
            if (reader.AtEnd)
            {
                return ("the parameter list is not closed with ')'", reader.Position);
            }

            while (true)
            {
                if (!reader.ReadType())
                {
                    return (reader.Error ?? "expected a parameter type", reader.Position);
                }

                if (reader.AtEnd)
                {
                    return ("the parameter list is not closed with ')'", reader.Position);
                }

                if (reader.Peek == ',')
                {
                    reader.Advance();
                    continue;
                }

                if (reader.Peek == ')')
                {
                    reader.Advance();
                    break;
                }

                return ($"unexpected '{DisplayText.Of(reader.Peek)}' in the parameter list", reader.Position);
            }

            // Conversion operators name their return type after '~'.
            if (!reader.AtEnd && reader.Peek == '~')
            {
                reader.Advance();
                if (!reader.ReadType())
                {
                    return (reader.Error ?? "expected a return type after '~'", reader.Position);
                }
            }

            return reader.AtEnd ? null : ($"unexpected '{DisplayText.Of(reader.Peek)}' after the parameter list", reader.Position);
        }

        if (kind == 'M' && reader.Peek == '~')
        {
            // Roslyn appends the return type of parameterless conversion-like members too.
            reader.Advance();
            return reader.ReadType() && reader.AtEnd ? null : (reader.Error ?? $"unexpected '{DisplayText.Of(reader.Peek)}' after the return type", reader.Position);
        }

        if (reader.Peek == '(')
        {
            return ("only methods (M:) and indexers (P:) have a parameter list", reader.Position);
        }

        return ($"unexpected '{DisplayText.Of(reader.Peek)}'", reader.Position);
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _nesting;

        public Reader(string text, int position)
        {
            _text = text;
            Position = position;
        }

        public int Position { get; private set; }

        public string? Error { get; private set; }

        public bool AtEnd => Position >= _text.Length;

        public char Peek => _text[Position];

        public void Advance() => Position++;

        public bool ReadQualifiedName(bool allowArity)
        {
            while (true)
            {
                if (!ReadIdentifier())
                {
                    return false;
                }

                if (allowArity && !AtEnd && Peek == '`')
                {
                    Advance();
                    if (!AtEnd && Peek == '`')
                    {
                        Advance();
                    }

                    if (!ReadDigits())
                    {
                        Error = "expected the number of generic parameters after '`'";
                        return false;
                    }
                }

                if (!AtEnd && Peek == '{')
                {
                    // Generic arguments in a parameter type: Name{T1,T2}.
                    if (++_nesting > MaxNesting)
                    {
                        Error = $"generic arguments nest deeper than {MaxNesting} levels";
                        return false;
                    }

                    Advance();
                    while (true)
                    {
                        if (!ReadType())
                        {
                            return false;
                        }

                        if (AtEnd)
                        {
                            Error = "the generic argument list is not closed with '}'";
                            return false;
                        }

                        if (Peek == ',')
                        {
                            Advance();
                            continue;
                        }

                        if (Peek == '}')
                        {
                            Advance();
                            _nesting--;
                            break;
                        }

                        Error = $"unexpected '{DisplayText.Of(Peek)}' in a generic argument list";
                        return false;
                    }
                }

                if (!AtEnd && Peek == '.')
                {
                    Advance();
                    continue;
                }

                return true;
            }
        }

        public bool ReadType()
        {
            if (AtEnd)
            {
                Error = "expected a type";
                return false;
            }

            if (Peek == '`')
            {
                // A type parameter of the type (`0) or of the method (``0).
                Advance();
                if (!AtEnd && Peek == '`')
                {
                    Advance();
                }

                if (!ReadDigits())
                {
                    Error = "expected a type parameter index after '`'";
                    return false;
                }
            }
            else if (!ReadQualifiedName(allowArity: false))
            {
                return false;
            }

            // Suffixes: arrays, pointers, by-reference.
            while (!AtEnd)
            {
                if (Peek == '*' || Peek == '@')
                {
                    Advance();
                }
                else if (Peek == '[')
                {
                    Advance();
                    while (!AtEnd && Peek != ']')
                    {
                        if (!(char.IsDigit(Peek) || Peek == ':' || Peek == ','))
                        {
                            Error = $"unexpected '{DisplayText.Of(Peek)}' in an array shape";
                            return false;
                        }

                        Advance();
                    }

                    if (AtEnd)
                    {
                        Error = "the array shape is not closed with ']'";
                        return false;
                    }

                    Advance();
                }
                else
                {
                    break;
                }
            }

            return true;
        }

        private bool ReadIdentifier()
        {
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek == '_' || Peek == '#'))
            {
                Advance();
            }

            if (Position == start)
            {
                Error = AtEnd ? "the name ends where an identifier was expected" : $"unexpected '{DisplayText.Of(Peek)}' where an identifier was expected";
                return false;
            }

            if (char.IsDigit(_text[start]))
            {
                Position = start;
                Error = "an identifier cannot start with a digit";
                return false;
            }

            return true;
        }

        private bool ReadDigits()
        {
            var start = Position;
            while (!AtEnd && char.IsDigit(Peek))
            {
                Advance();
            }

            return Position > start;
        }
    }
}
