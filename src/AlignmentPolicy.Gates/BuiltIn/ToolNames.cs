namespace AlignmentPolicy.Gates;

/// <summary>What a tool's name says it does, read word by word (snake_case, kebab-case, camelCase and dotted names).</summary>
internal static class ToolNames
{
    private static readonly HashSet<string> s_deleteVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "delete", "del", "remove", "rm", "erase", "unlink", "purge", "wipe", "destroy", "shred",
    };

    /// <summary>Whether some word of the name is a verb of deletion ("delete_file", "RemoveBackup", "files.purge").</summary>
    public static bool SaysDelete(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || !char.IsLetterOrDigit(name[i])
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            if (i > start && s_deleteVerbs.Contains(name.AsSpan(start, i - start).ToString()))
            {
                return true;
            }

            start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
        }

        return false;
    }
}
