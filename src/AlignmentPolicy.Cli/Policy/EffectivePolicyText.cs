using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli.Policy;

/// <summary>
/// The effective policy as <c>check</c> prints it: the chain of files, then one line per value with where it was written
/// (the repository's file and line, a base package, version, file and line, or "default").
/// </summary>
internal static class EffectivePolicyText
{
    private const int MaxValueWidth = 72;

    public static void Write(AlignmentPolicyDocument policy, TextWriter output)
    {
        var folder = Path.GetDirectoryName(policy.FilePath);
        output.WriteLine($"Effective policy of {policy.FilePath}");
        if (policy.Extends is not null)
        {
            output.WriteLine($"  extends \"{policy.Extends}\"");
            foreach (var file in policy.Bases)
            {
                output.WriteLine($"    {file.Name(folder)}: {file.FullPath}");
            }
        }

        var values = EffectivePolicy.Values(policy).Select(v => (Text: $"{v.Path} = {v.Text}", v.Origin)).ToList();
        var width = Math.Min(MaxValueWidth, values.Max(v => v.Text.Length));
        foreach (var (text, origin) in values)
        {
            output.WriteLine($"  {text.PadRight(width)}  {origin.Describe(folder)}");
        }
    }
}
