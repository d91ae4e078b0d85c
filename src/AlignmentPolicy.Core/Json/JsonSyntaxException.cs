using System;

namespace AlignmentPolicy.Core.Json;

/// <summary>The text is not valid JSON; the position is the offending character.</summary>
public sealed class JsonSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonSyntaxException(string message, int line, int column) : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending character.</summary>
    public int Column { get; }
}
