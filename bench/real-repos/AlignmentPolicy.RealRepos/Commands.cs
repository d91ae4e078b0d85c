using System.Security.Cryptography;
using System.Text;

namespace AlignmentPolicy.RealRepos;

internal static class Commands
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: score|findings|candidates|key|list --repos tests/real-repos/repos.json ... (see Program.cs)");
        return 2;
    }

    /// <summary>Precision and recall per rule for the development and held-out sets; unlabelled warnings listed.</summary>
    public static int Score(Options options)
    {
        var repos = RepoList.Load(options.Required("--repos"));
        var labelDir = options.Required("--labels");
        var heldoutDetails = options.Flag("--heldout-details");
        var scores = new List<RepoScore>();
        foreach (var repo in Selected(repos, options))
        {
            var sources = new SourceFiles(Path.Combine(options.Required("--sources"), repo.FolderName));
            var findings = LoadFindings(repo, options.Required("--sarif"));
            if (findings is null)
            {
                Console.Error.WriteLine($"real-repos: no scan of {repo.Repo} under {options.Required("--sarif")}; skipped.");
                continue;
            }

            var labelFile = Path.Combine(labelDir, repo.LabelFileName);
            var labels = File.Exists(labelFile) ? LabelFile.Load(labelFile) : [];
            scores.Add(Scorer.Score(repo, findings, labels, sources));
        }

        Report.Print(scores, heldoutDetails);
        return 0;
    }

    /// <summary>Every finding of one repository with its key, and its label when it has one: the worksheet for labelling warnings.</summary>
    public static int Findings(Options options)
    {
        var repo = Find(options);
        var sources = new SourceFiles(Path.Combine(options.Required("--sources"), repo.FolderName));
        var labelFile = Path.Combine(options.Required("--labels"), repo.LabelFileName);
        var matcher = new Matcher(File.Exists(labelFile) ? LabelFile.Load(labelFile) : [], sources);
        var findings = LoadFindings(repo, options.Required("--sarif")) ?? throw new FileNotFoundException($"no scan of {repo.Repo}");
        Console.WriteLine(Label.Header + "\t| level\tcolumn\tmessage");
        foreach (var finding in findings.Where(f => Scorer.Rules.Contains(f.Rule)))
        {
            var matched = matcher.Match(finding);
            var key = matched.Key ?? new SiteKey(finding.Line, "?", "?", "?");
            var labelCells = matched.Label is { } l ? $"{(l.Verdict == Verdict.Warn ? "warn" : "ok")}\t{(l.Sample ? "yes" : "no")}\t{l.Class}\t{l.Reason}" : "?\tno\t-\t";
            Console.WriteLine($"{finding.Rule}\t{finding.Path}\t{key.Line}\t{key.Member}\t{key.Anchor}\t{key.Site}\t{labelCells}\t| {finding.Level}\t{finding.Column}\t{finding.Message}");
        }

        return 0;
    }

    /// <summary>Candidate sites of one repository, as label rows to judge; a deterministic sample when a rule has more than --cap (default 150).</summary>
    public static int Candidates(Options options)
    {
        var repo = Find(options);
        var sources = new SourceFiles(Path.Combine(options.Required("--sources"), repo.FolderName));
        var cap = int.Parse(options.Optional("--cap") ?? "150", System.Globalization.CultureInfo.InvariantCulture);
        var candidates = new List<Candidate>();
        foreach (var path in sources.CSharpFiles(repo.Scan))
        {
            candidates.AddRange(CandidateFinder.Find(sources.Tree(path)!, path));
        }

        Console.WriteLine(Label.Header + "\t| context");
        foreach (var group in candidates.GroupBy(c => c.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rate = Math.Min(1.0, (double)cap / group.Count());
            foreach (var c in group)
            {
                var sample = rate >= 1.0 || SampleDraw(c) < rate;
                Console.WriteLine($"{c.Rule}\t{c.Path}\t{c.Key.Line}\t{c.Key.Member}\t{c.Key.Anchor}\t{c.Key.Site}\t?\t{(sample ? "yes" : "no")}\t-\t\t| {c.Context}");
            }
        }

        return 0;
    }

    /// <summary>For run.sh: <c>owner+name commit set subfolder...</c>, tab-separated, one repository per line.</summary>
    public static int List(Options options)
    {
        foreach (var repo in Selected(RepoList.Load(options.Required("--repos")), options))
        {
            Console.WriteLine(string.Join('\t', [repo.FolderName, repo.Commit, repo.Set, .. repo.Scan]));
        }

        return 0;
    }

    /// <summary>The repositories <c>--only owner/name</c> and <c>--set dev|heldout</c> select (all when neither is given).</summary>
    private static IEnumerable<RepoEntry> Selected(IReadOnlyList<RepoEntry> repos, Options options)
    {
        var only = options.Optional("--only");
        var set = options.Optional("--set");
        if (set is not null and not "dev" and not "heldout")
        {
            throw new ArgumentException($"--set takes dev or heldout, not '{set}'");
        }

        return repos.Where(r => (only is null || r.Repo == only) && (set is null || r.Set == set));
    }

    public static int Key(Options options)
    {
        var repo = Find(options);
        var sources = new SourceFiles(Path.Combine(options.Required("--sources"), repo.FolderName));
        var path = options.Required("--path");
        var tree = sources.Tree(path) ?? throw new FileNotFoundException($"{path} is not in {sources.Root}");
        var key = SiteLocator.Locate(tree, int.Parse(options.Required("--line")), int.Parse(options.Optional("--column") ?? "1"));
        Console.WriteLine($"{path}\t{key.Line}\t{key.Member}\t{key.Anchor}\t{key.Site}");
        return 0;
    }

    /// <summary>A uniform draw in [0, 1) fixed by the site's key, so the sample does not depend on any scan.</summary>
    private static double SampleDraw(Candidate c)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sample|{c.Rule}|{c.Path}|{c.Key.Line}|{c.Key.Site}"));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
    }

    private static RepoEntry Find(Options options)
    {
        var name = options.Required("--repo");
        return RepoList.Load(options.Required("--repos")).FirstOrDefault(r => r.Repo == name) ?? throw new ArgumentException($"{name} is not in the repository list");
    }

    /// <summary>The findings of every scanned subfolder (<c>&lt;sarif&gt;/owner+name/&lt;index&gt;.sarif</c>), or null when the repository was not scanned.</summary>
    private static List<Finding>? LoadFindings(RepoEntry repo, string sarifDir)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < repo.Scan.Count; i++)
        {
            var file = Path.Combine(sarifDir, repo.FolderName, $"{i}.sarif");
            if (!File.Exists(file))
            {
                return null;
            }

            findings.AddRange(SarifFindings.Load(file, RepoEntry.Prefix(repo.Scan[i])));
        }

        return findings;
    }
}
