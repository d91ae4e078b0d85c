namespace AlignmentPolicy.CodeFixes;

/// <summary>Equivalence keys of our code fixes; one per fix so Fix All groups them correctly.</summary>
internal static class FixerNames
{
    public const string Prefix = "AlignmentPolicy.";
}
