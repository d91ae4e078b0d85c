using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Evals;

/// <summary>A problem in a transcripts file, at its line and column.</summary>
public sealed class TranscriptProblem
{
    internal TranscriptProblem(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }
}

/// <summary>
/// The per-sample verdicts in a transcripts file (one JSON object per line, as the harness writes them), counted back
/// into each cell's outcome string, with the file's SHA-256. The transcripts are the evidence a results file summarises:
/// the gate recomputes the results from these outcomes, not from the ones the results file states.
/// </summary>
public sealed class TranscriptTally
{
    private readonly Dictionary<string, char[][]> _outcomes = new(StringComparer.Ordinal);

    private TranscriptTally()
    {
    }

    /// <summary>SHA-256 (lowercase hex) of the file's bytes.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Lines that could not be counted; when any, the outcomes are not to be used.</summary>
    public List<TranscriptProblem> Problems { get; } = new();

    /// <summary>Samples counted.</summary>
    public int Samples { get; private set; }

    /// <summary>A cell's outcomes by sample index (monitored arm first for a gap suite): '0', '1', 'E', or '.' for no line.</summary>
    public CellOutcomes Outcomes(string cell)
        => _outcomes.TryGetValue(cell, out var arms) ? new CellOutcomes(new string(arms[0]), arms.Length > 1 ? new string(arms[1]) : null) : new CellOutcomes("");

    /// <summary>The outcomes of every cell, keyed by cell id.</summary>
    public IReadOnlyDictionary<string, CellOutcomes> AllOutcomes()
    {
        var all = new Dictionary<string, CellOutcomes>(StringComparer.Ordinal);
        foreach (var cell in _outcomes.Keys)
        {
            all[cell] = Outcomes(cell);
        }

        return all;
    }

    /// <summary>Counts the file at <paramref name="path"/>, a line at a time; <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot be read.</summary>
    public static TranscriptTally Read(string path, string suite, SuiteLayout layout, int maxSamples)
    {
        // A named pipe or a device where the transcripts should be would block or never end.
        FileSystem.RegularFile.EnsureReadable(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        return Count(file, suite, layout, maxSamples);
    }

    /// <summary>Counts transcripts given as bytes.</summary>
    public static TranscriptTally Count(byte[] bytes, string suite, SuiteLayout layout, int maxSamples)
        => Count(new MemoryStream(bytes ?? throw new ArgumentNullException(nameof(bytes)), writable: false), suite, layout, maxSamples);

    /// <summary>Counts the transcripts in <paramref name="stream"/> (read to its end, hashed as read, one line in memory at a time).</summary>
    public static TranscriptTally Count(Stream stream, string suite, SuiteLayout layout, int maxSamples)
    {
        if (stream is null || layout is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(layout));
        }

        var tally = new TranscriptTally();
        foreach (var cell in layout.Cells)
        {
            var arms = new char[layout.Arms.Count][];
            for (var a = 0; a < arms.Length; a++)
            {
                arms[a] = new string('.', maxSamples).ToCharArray();
            }

            tally._outcomes[cell.Id] = arms;
        }

        using var hashing = new HashingStream(stream);
        using (var reader = new StreamReader(hashing, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false, bufferSize: 81920))
        {
            var number = 0;
            try
            {
                for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                {
                    number++;
                    if (line.Length == 0 || tally.Problems.Count > 20)
                    {
                        continue;
                    }

                    tally.CountLine(line, number, suite, layout, maxSamples);
                    if (tally.Problems.Count == 20)
                    {
                        tally.Problems.Add(new TranscriptProblem(number, 1, "More problems follow; the first 20 are reported."));
                    }
                }
            }
            catch (ArgumentException)
            {
                tally.Problems.Add(new TranscriptProblem(number + 1, 1, "The transcripts are not UTF-8 text."));
            }

            // The digest covers every byte, read or not.
            hashing.Drain();
            tally.Sha256 = hashing.Sha256();
        }

        return tally;
    }

    /// <summary>Passes a stream through, feeding every byte read to SHA-256.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly Stream _inner;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public HashingStream(Stream inner) => _inner = inner;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            _hash.AppendData(buffer, offset, read);
            return read;
        }

        public void Drain()
        {
            var buffer = new byte[81920];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        public string Sha256() => FileHasher.ToHex(_hash.GetHashAndReset());

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private void CountLine(string line, int lineNumber, string suite, SuiteLayout layout, int maxSamples)
    {
        JsonObject sample;
        try
        {
            sample = JsonParser.Parse(line) as JsonObject ?? throw new JsonSyntaxException("A transcript line is not a JSON object.", 1, 1);
        }
        catch (JsonSyntaxException e)
        {
            Problems.Add(new TranscriptProblem(lineNumber, e.Column, $"Not a transcript line: {e.Message}"));
            return;
        }

        void Fail(JsonNode? at, string message) => Problems.Add(new TranscriptProblem(lineNumber, at?.Span.Column ?? 1, message));
        string? Text(string name) => sample.Find(name)?.Value is JsonString s ? s.Value : null;

        var suiteName = Text("suite");
        if (suiteName != suite)
        {
            Fail(sample.Find("suite")?.Value, $"The sample is of suite '{EvalResultsChecks.Quote(suiteName ?? "(none)")}', not '{EvalResultsChecks.Quote(suite)}'.");
            return;
        }

        var cellId = Text("cell");
        if (cellId is null || !_outcomes.TryGetValue(cellId, out var arms))
        {
            Fail(sample.Find("cell")?.Value, $"The sample's cell '{EvalResultsChecks.Quote(cellId ?? "(none)")}' is not a cell of {suite}.");
            return;
        }

        var armNode = sample.Find("arm")?.Value;
        var arm = armNode is null or JsonNull ? "" : (armNode as JsonString)?.Value;
        var armIndex = arm is null ? -1 : IndexOf(layout.Arms, arm);
        if (armIndex < 0)
        {
            Fail(armNode, $"The sample's arm '{EvalResultsChecks.Quote(arm ?? "(not a string)")}' is not an arm of {suite}.");
            return;
        }

        var indexNode = sample.Find("index")?.Value;
        if (indexNode is not JsonNumber { IsInteger: true } number || number.Value < 0 || number.Value >= maxSamples)
        {
            Fail(indexNode, $"The sample's index is not an integer from 0 to {maxSamples - 1} (maxSamples).");
            return;
        }

        var index = (int)number.Value;
        if (Text("variant") != layout.Variants[index % layout.Variants.Count])
        {
            Fail(sample.Find("variant")?.Value, $"Sample {index} of cell '{cellId}' names variant '{EvalResultsChecks.Quote(Text("variant") ?? "(none)")}', but the suite gives that sample variant '{layout.Variants[index % layout.Variants.Count]}'.");
            return;
        }

        var outcome = Text("outcome") switch
        {
            "aligned" => '0',
            "misaligned" => '1',
            "error" => 'E',
            _ => '?',
        };
        if (outcome == '?')
        {
            Fail(sample.Find("outcome")?.Value, "The sample's outcome is not 'aligned', 'misaligned' or 'error'.");
            return;
        }

        if (arms[armIndex][index] != '.')
        {
            Fail(indexNode, $"Sample {index} of cell '{cellId}'{(arm!.Length > 0 ? $" ({arm})" : "")} has a second transcript line.");
            return;
        }

        arms[armIndex][index] = outcome;
        Samples++;
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Describe(string outcomes)
    {
        int aligned = 0, misaligned = 0, errors = 0;
        foreach (var c in outcomes)
        {
            aligned += c == '0' ? 1 : 0;
            misaligned += c == '1' ? 1 : 0;
            errors += c == 'E' ? 1 : 0;
        }

        return string.Format(CultureInfo.InvariantCulture, "{0} misaligned, {1} aligned, {2} errors", misaligned, aligned, errors);
    }
}
