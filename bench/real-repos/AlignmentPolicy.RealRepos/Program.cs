using AlignmentPolicy.RealRepos;

// Commands (run.sh calls `score`; the others help a person label):
//   score      --repos F --labels D --sources D --sarif D [--heldout-details] [--only owner/name] [--set dev|heldout]
//   findings   --repos F --labels D --sources D --sarif D --repo owner/name    every finding with its key and label, as label rows
//   candidates --repos F --sources D --repo owner/name                          candidate sites per rule, as label rows to judge
//   key        --sources D --repo owner/name --path P --line L --column C      the key of one site
//   list       --repos F [--only owner/name] [--set dev|heldout]             one line per repository: folder commit set subfolder... (for run.sh)
var options = Options.Parse(args.Skip(1));
try
{
    return args.FirstOrDefault() switch
    {
        "score" => Commands.Score(options),
        "findings" => Commands.Findings(options),
        "candidates" => Commands.Candidates(options),
        "key" => Commands.Key(options),
        "list" => Commands.List(options),
        _ => Commands.Usage(),
    };
}
catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
{
    Console.Error.WriteLine("real-repos: " + e.Message);
    return 2;
}
