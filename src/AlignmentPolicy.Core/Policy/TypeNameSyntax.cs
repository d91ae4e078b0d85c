namespace AlignmentPolicy.Core.Policy;

/// <summary>Checks a fully qualified type name as metadata writes it: <c>Contoso.Safety.ContosoGate</c>, <c>Outer+Inner</c>, <c>Gate`1</c>.</summary>
public static class TypeNameSyntax
{
    /// <summary>Returns null when well formed, otherwise what is wrong.</summary>
    public static string? Check(string name)
    {
        if (name.Length == 0)
        {
            return "the type name is empty";
        }

        var segmentStart = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (segmentStart)
            {
                if (!(char.IsLetter(c) || c == '_'))
                {
                    return $"'{Diagnostics.DisplayText.Of(c)}' at position {i + 1} cannot start a name segment";
                }

                segmentStart = false;
            }
            else if (c == '.' || c == '+')
            {
                segmentStart = true;
            }
            else if (c == '`')
            {
                var digits = 0;
                while (i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    i++;
                    digits++;
                }

                if (digits == 0)
                {
                    return "'`' must be followed by the number of generic parameters";
                }
            }
            else if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return $"'{Diagnostics.DisplayText.Of(c)}' at position {i + 1} is not allowed in a type name (write the metadata name, e.g. Contoso.Safety.Gate`1, without generic arguments)";
            }
        }

        return segmentStart ? "the type name ends with a separator" : null;
    }
}
