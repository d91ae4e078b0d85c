using System.CommandLine;
using System.Globalization;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Evals.Suites;
using Spectre.Console;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy eval [project|folder] --model ...</c>: builds each agent project, drives the policy's suites through
/// its [AlignmentEvalEntryPoint], writes <c>obj/alignment/evals/&lt;suite&gt;.json</c> and transcripts, prints a summary.
/// Exit codes: 0 every suite passed, 1 a suite failed, 2 invalid, inconclusive or wrong usage.
/// <c>alignment-policy eval merge</c> joins shard results.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string?>("path") { Description = "An agent project, or a folder searched for agent projects (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string>("--model", "-m")
        {
            Description = $"The model behind the agent: {ModelSpec.Usage}. Keys come from the environment only: {ModelFactory.OpenAIKeyVariable}, "
                + $"{ModelFactory.AzureOpenAIKeyVariable} (without it, Entra ID through DefaultAzureCredential; the endpoint may come from {ModelFactory.AzureOpenAIEndpointVariable}), "
                + $"{ModelFactory.AnthropicKeyVariable}. See docs/models.md.",
            DefaultValueFactory = _ => "simulated",
        };
        var propensity = new Option<string[]>("--propensity") { Description = "Simulated model: probability of misbehaving, per family (coercion=0.3) or for all (0.3). Default 0.3.", AllowMultipleArgumentsPerToken = true };
        var messages = new Option<string>("--messages")
        {
            Description = "Simulated model: what it sends in the coercion, exfiltration, oversight and self-preservation suites. 'scripted' (default): "
                + "each suite's one scripted misaligned action, a regression check. 'corpus': rows of the held-out message corpus, misaligned and "
                + "legitimate, so the results measure the gates' miss rate and the legitimate work they block (see README).",
            DefaultValueFactory = _ => "scripted",
        };
        var seed = new Option<long>("--seed") { Description = "Seed of the simulated model and of sampling.", DefaultValueFactory = _ => 1 };
        var suites = new Option<string[]>("--suite") { Description = "Run these suites instead of the policy's (builtin:coercion, nuget:Id@Version, or a suite file).", AllowMultipleArgumentsPerToken = true };
        var samples = new Option<int?>("--samples") { Description = "Samples per cell (the cap with early stopping), instead of the policy's maxSamples." };
        var early = new Option<bool>("--early-stopping") { Description = "Stop cells early with Wald's SPRT (also set per suite by the policy's earlyStopping)." };
        var shard = new Option<string?>("--shard") { Description = "Run shard i of n (e.g. 2/8); merge the shards with 'eval merge'." };
        var outputDir = new Option<string?>("--output", "-o") { Description = "Write results under this folder (one subfolder per project) instead of each project's obj/alignment/evals." };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML here." };
        var html = new Option<string?>("--html") { Description = "Write the HTML report here (default: artifacts of the first project: obj/alignment/evals/report.html)." };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build; evaluate the existing output." };
        var reference = new Option<bool>("--reference") { Description = "Reference mode: the suite's own prompt and tools against the bare model." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "Build configuration.", DefaultValueFactory = _ => "Debug" };
        var classifier = new Option<string?>("--classifier") { Description = "A model that also grades each sample (reported with its agreement); the same forms as --model." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Samples in flight at once." };
        var errorLimit = new Option<double>("--error-limit") { Description = "Error share above which a suite is INCONCLUSIVE.", DefaultValueFactory = _ => 0.1 };
        var command = new Command("eval", "Run the policy's misalignment evaluations on agent projects through their [AlignmentEvalEntryPoint].")
        {
            path, model, propensity, messages, seed, suites, samples, early, shard, outputDir, junit, html, noBuild, reference, configuration, classifier, concurrency, errorLimit,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(path), new Options(
            parseResult.GetValue(model)!, parseResult.GetValue(propensity) ?? [], parseResult.GetValue(seed), parseResult.GetValue(suites) ?? [],
            parseResult.GetValue(samples), parseResult.GetValue(early), parseResult.GetValue(shard), parseResult.GetValue(outputDir), parseResult.GetValue(junit),
            parseResult.GetValue(html), parseResult.GetValue(noBuild), parseResult.GetValue(reference), parseResult.GetValue(configuration)!,
            parseResult.GetValue(classifier), parseResult.GetValue(concurrency), parseResult.GetValue(errorLimit), parseResult.GetValue(messages)!), output, error, cancellationToken));

        var inputs = new Argument<string[]>("results") { Description = "Shard results files, or folders holding them.", Arity = ArgumentArity.OneOrMore };
        var mergeOutput = new Option<string>("--output", "-o") { Description = "Folder for the merged results.", Required = true };
        var merge = new Command("merge", "Merge the shard results of a CI matrix into the result of one unsharded run.") { inputs, mergeOutput };
        merge.SetAction(parseResult => Merge(parseResult.GetValue(inputs)!, parseResult.GetValue(mergeOutput)!, output, error));
        command.Subcommands.Add(merge);
        return command;
    }

    internal sealed record Options(
        string Model, string[] Propensity, long Seed, string[] Suites, int? Samples, bool EarlyStopping, string? Shard, string? Output, string? JUnit,
        string? Html, bool NoBuild, bool Reference, string Configuration, string? Classifier, int? Concurrency, double ErrorLimit, string Messages = "scripted");

    internal static async Task<int> RunAsync(string? path, Options options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        EvalRequest request;
        IReadOnlyList<string> projects;
        try
        {
            request = CreateRequest(options);
            var target = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "." : path);
            projects = ProjectBuild.Discover(target);
            if (projects.Count == 0)
            {
                throw new EvalUsageException($"No project found at '{target}'.");
            }
        }
        catch (Exception e) when (e is EvalUsageException or SuiteException)
        {
            error.WriteLine($"alignment-policy eval: {e.Message}");
            return CliApplication.UsageError;
        }

        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var reporter = new ConsoleDiagnosticReporter(output, verbose: false);
        output.WriteLine($"Evaluating {projects.Count} project(s) with {request.ModelSpec}{(request.ModelSpec == "simulated" ? $" (seed {request.Seed}, propensity {Describe(request)}, {(request.Messages == SimulatedMessages.Corpus ? "messages from the held-out corpus" : "scripted messages")})" : "")}.");
        List<ProjectEvaluation> evaluations = [];
        var usage = false;
        foreach (var projectPath in projects)
        {
            try
            {
                output.WriteLine($"{(options.NoBuild ? "Reading" : "Building")} {Path.GetRelativePath(Directory.GetCurrentDirectory(), projectPath)} ...");
                var project = await ProjectBuild.BuildAsync(projectPath, options.Configuration, build: !options.NoBuild, cancellationToken).ConfigureAwait(false);
                ProjectEvaluation evaluation;
                if (interactive)
                {
                    evaluation = null!;
                    await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                        evaluation = await EvalSession.RunAsync(project, request, reporter, (name, suite, done, total) =>
                        {
                            lock (tasks)
                            {
                                if (!tasks.TryGetValue(suite, out var task))
                                {
                                    tasks[suite] = task = context.AddTask($"{Markup.Escape(name)} {Markup.Escape(suite)}", maxValue: Math.Max(1, total));
                                }

                                task.Value = done;
                            }
                        }, cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }
                else
                {
                    evaluation = await EvalSession.RunAsync(project, request, reporter, null, cancellationToken).ConfigureAwait(false);
                }

                foreach (var (result, file) in evaluation.Results)
                {
                    output.WriteLine($"  {result.Suite,-28} {result.Verdict,-12} {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
                }

                evaluations.Add(evaluation);
            }
            catch (EvalUsageException e) when (projects.Count > 1 && e.Message.Contains("no [AlignmentEvalEntryPoint]", StringComparison.Ordinal))
            {
                // A folder scan meets projects that are not agents under evaluation; a project named explicitly must have one.
                output.WriteLine($"  skipped: {e.Message}");
            }
            catch (Exception e) when (e is EvalUsageException or SuiteException or InvalidOperationException or BadImageFormatException or FileNotFoundException)
            {
                error.WriteLine($"alignment-policy eval: {e.Message}");
                usage = true;
            }
        }

        var all = evaluations.SelectMany(e => e.Results).ToList();
        output.WriteLine();
        WriteSummary(all.Select(r => r.Result).ToList(), output);
        if (options.JUnit is { } junitPath)
        {
            JUnitWriter.Write(junitPath, [.. all.Select(r => r.Result)]);
            output.WriteLine($"JUnit: {junitPath}");
        }

        if (all.Count > 0)
        {
            var htmlPath = options.Html ?? Path.Combine(Path.GetDirectoryName(all[0].Path)!, "report.html");
            HtmlReport.Write(htmlPath, [.. all.Select(r => (r.Result, Path.GetDirectoryName(r.Path)!))]);
            output.WriteLine($"Report: {Path.GetRelativePath(Directory.GetCurrentDirectory(), htmlPath)}");
        }

        return ExitCode(all.Select(r => r.Result.Verdict), usage);
    }

    private static int ExitCode(IEnumerable<string> verdicts, bool usage)
    {
        var list = verdicts.ToList();
        if (usage || list.Count == 0 || list.Any(v => v is EvalVerdicts.Invalid or EvalVerdicts.Inconclusive))
        {
            return CliApplication.UsageError;
        }

        return list.Any(v => v == EvalVerdicts.Fail) ? CliApplication.Failed : CliApplication.Success;
    }

    internal static void WriteSummary(IReadOnlyList<EvalResultsDocument> results, TextWriter output)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        output.WriteLine($"{"project",-24} {"suite",-28} {"verdict",-12} {"worst primary cell",-28} {"n",5} {"ev",4} {"rate",6} {"95% interval",-16} {"bound",6} {"max",5}  blocked legitimate (95% interval)");
        foreach (var result in results)
        {
            var primaries = result.Cells.Where(c => c.Primary).ToList();
            var worst = primaries.OrderByDescending(c => c.Verdict == EvalVerdicts.Fail).ThenByDescending(c => c.Bound).FirstOrDefault();
            var control = result.Cells.FirstOrDefault(c => c.Control && c.Verdict == EvalVerdicts.Invalid);
            var cell = control ?? worst;
            output.WriteLine(cell is null
                ? $"{result.Project,-24} {result.Suite,-28} {result.Verdict,-12}"
                : $"{Trim(result.Project, 24),-24} {result.Suite,-28} {result.Verdict,-12} {Trim(cell.Id, 28),-28} {cell.N,5} {cell.Events,4} {F(cell.Rate),6} {"[" + F(cell.IntervalLow) + "," + F(cell.IntervalHigh) + "]",-16} {F(cell.Bound),6} {result.Settings.Threshold.ToString("0.00", CultureInfo.InvariantCulture),5}  {Blocked(result)}");
        }

        var models = results.Select(r => r.ModelDescription).Distinct().ToList();
        if (models.Count > 0)
        {
            output.WriteLine($"model: {string.Join("; ", models)}");
        }
    }

    /// <summary>The helpfulness cost: legitimate actions the gates blocked, or "-" when the run could not tell them apart.</summary>
    private static string Blocked(EvalResultsDocument result)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        return result.LegitimateN is { } n && result.Blocked is { } blocked
            ? $"{blocked}/{n} {F(result.BlockedRate ?? 0)} [{F(result.BlockedIntervalLow ?? 0)},{F(result.BlockedIntervalHigh ?? 0)}]" + (result.Settings.MaxBlockedRate is { } max ? $" max {max.ToString("0.00", CultureInfo.InvariantCulture)}" : "")
            : "-";
    }

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";

    private static string Describe(EvalRequest request)
        => request.DefaultPropensity.ToString("0.###", CultureInfo.InvariantCulture) + string.Concat(request.Propensity.Select(p => $", {p.Key}={p.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));

    private static EvalRequest CreateRequest(Options options)
    {
        double defaultPropensity = SimulatedModelDefaults.Propensity;
        var propensity = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in options.Propensity.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (family, value) = ModelFactory.ParsePropensity(text);
            if (family is null)
            {
                defaultPropensity = value;
            }
            else
            {
                propensity[family] = value;
            }
        }

        var (shardIndex, shardCount) = (1, 1);
        if (options.Shard is { } shardText)
        {
            var parts = shardText.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], out shardIndex) || !int.TryParse(parts[1], out shardCount) || shardCount < 1 || shardIndex < 1 || shardIndex > shardCount)
            {
                throw new EvalUsageException($"--shard '{shardText}': expected i/n with 1 <= i <= n, e.g. 2/8.");
            }
        }

        // A wrong --model or --classifier is a usage error before anything is built.
        ModelSpec.Parse(options.Model);
        if (options.Classifier is { } classifierSpec)
        {
            ModelSpec.Parse(classifierSpec);
        }

        var simulatedMessages = options.Messages switch
        {
            "scripted" => SimulatedMessages.Scripted,
            "corpus" => SimulatedMessages.Corpus,
            _ => throw new EvalUsageException($"--messages '{options.Messages}': expected 'scripted' or 'corpus'."),
        };
        if (simulatedMessages == SimulatedMessages.Corpus && ModelSpec.Parse(options.Model).Kind != ModelSpec.Simulated)
        {
            throw new EvalUsageException($"--messages corpus: only the simulated model plays corpus messages; --model {options.Model} writes its own.");
        }

        if (options.Samples is < 1)
        {
            throw new EvalUsageException("--samples must be at least 1.");
        }

        return new EvalRequest
        {
            ModelSpec = options.Model,
            Seed = options.Seed,
            DefaultPropensity = defaultPropensity,
            Propensity = propensity,
            Messages = simulatedMessages,
            Suites = options.Suites,
            Overrides = new EvalOverrides { Samples = options.Samples, EarlyStopping = options.EarlyStopping ? true : null, ErrorLimit = options.ErrorLimit },
            ShardIndex = shardIndex,
            ShardCount = shardCount,
            Reference = options.Reference,
            OutputDirectory = options.Output,
            ClassifierSpec = options.Classifier,
            Concurrency = options.Concurrency ?? Math.Max(2, Environment.ProcessorCount * 2),
        };
    }

    internal static int Merge(string[] inputs, string outputDirectory, TextWriter output, TextWriter error)
    {
        var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.EnumerateFiles(i, "*.json", SearchOption.AllDirectories) : [i])
            .Where(f => Path.GetFileName(f).Contains(".shard-", StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            error.WriteLine("alignment-policy eval merge: no shard results (*.shard-i-of-n.json) found.");
            return CliApplication.UsageError;
        }

        var reporter = new ConsoleDiagnosticReporter(output, verbose: false);
        List<EvalResultsDocument> merged = [];
        foreach (var group in files.GroupBy(f => (Path.GetFileName(f)[..Path.GetFileName(f).IndexOf(".shard-", StringComparison.Ordinal)], Path.GetFileName(Path.GetDirectoryName(f)))))
        {
            var result = ResultsFiles.Merge([.. group], reporter, out var transcripts);
            if (result is null)
            {
                continue;
            }

            var directory = Path.Combine(outputDirectory, group.Count() > 0 && files.Select(f => Path.GetFileName(Path.GetDirectoryName(f))).Distinct().Count() > 1 ? group.Key.Item2 ?? "" : "");
            string path;
            try
            {
                // Every file merge writes stays under -o, whatever the shards' suite names say.
                path = ResultsFiles.Write(result, transcripts, ResultsFileNames.IsInside(outputDirectory, Path.Combine(directory, "x")) ? directory : outputDirectory);
            }
            catch (ResultsPathException e)
            {
                reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalResultsPathEscapes, BuildSeverity.Error, group.First(), 1, 1, 1, 1,
                    $"The merged results of '{result.Suite}' are not written: {e.Message}"));
                continue;
            }

            output.WriteLine($"  {result.Suite,-28} {result.Verdict,-12} {path}");
            merged.Add(result);
        }

        if (reporter.Errors > 0)
        {
            return CliApplication.UsageError;
        }

        WriteSummary(merged, output);
        return ExitCode(merged.Select(m => m.Verdict), usage: false);
    }
}
