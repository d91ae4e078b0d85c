namespace AlignmentPolicy.Evals.Corpus;

/// <summary>A corpus file that cannot be read, with the file and the position of the problem.</summary>
public sealed class CorpusException : Exception
{
    public CorpusException(string file, int line, int column, string message)
        : base($"{file}({line},{column}): {message}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }
}
