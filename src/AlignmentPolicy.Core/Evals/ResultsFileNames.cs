using System;
using System.IO;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// How results files are named and where paths read from them may lead. Names in a results file (the suite, the
/// transcripts file) come from whoever wrote the file, so they never become paths outside the results folder: a stem
/// keeps only letters, digits, '.' and '-', and a transcripts name must be a plain file name.
/// </summary>
public static class ResultsFileNames
{
    private static readonly string[] s_deviceNames =
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The file stem of a suite's results (<c>builtin:coercion</c> gives <c>coercion</c>, <c>nuget:Contoso.Evals@1.2.0</c>
    /// gives <c>nuget-Contoso.Evals-1.2.0</c>). Every character other than a letter, a digit, '.' or '-' becomes '-', so no
    /// suite name (<c>builtin:../../x</c>, one with a separator or a trailing newline) can name a path.
    /// </summary>
    public static string FileStem(string suite)
    {
        if (suite is null)
        {
            throw new ArgumentNullException(nameof(suite));
        }

        var name = suite.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal) ? suite.Substring(BuiltinNames.SuitePrefix.Length) : suite;
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(chars[i] < 128 && char.IsLetterOrDigit(chars[i])) && chars[i] != '.' && chars[i] != '-')
            {
                chars[i] = '-';
            }
        }

        var stem = new string(chars);
        // '.', '..' and Windows device names are not file stems of their own.
        if (stem.Length == 0 || stem.Trim('.').Length == 0 || Array.IndexOf(s_deviceNames, stem.ToUpperInvariant()) >= 0)
        {
            stem = "suite-" + stem;
        }

        return stem;
    }

    /// <summary>Where a suite's results file is in <paramref name="resultsDirectory"/>.</summary>
    public static string ResultsFile(string resultsDirectory, string suite) => Path.Combine(resultsDirectory, FileStem(suite) + ".json");

    /// <summary>
    /// Whether <paramref name="name"/> is a plain file name: not empty, not '.' or '..', no directory separator of any
    /// platform, no drive or stream colon, no control character.
    /// </summary>
    public static bool IsPlainFileName(string name)
    {
        if (string.IsNullOrEmpty(name) || name == "." || name == ".." || name.Length > 255)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' or ':' || c < ' ' || c == '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="path"/>, made absolute, lies inside <paramref name="folder"/> (lexically).</summary>
    public static bool IsInside(string folder, string path)
        => Provenance.DatasetPaths.IsInside(Path.GetFullPath(path), Path.GetFullPath(folder));
}
