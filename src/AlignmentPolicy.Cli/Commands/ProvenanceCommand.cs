using System.CommandLine;
using System.Globalization;
using AlignmentPolicy.Cli.Provenance;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy provenance check|hash|export</c>: the dataset manifest, checked with the same code and
/// codes as the build, its digests recorded in place, and exports to SPDX 3.0.1, CycloneDX 1.6 and Croissant 1.0.
/// </summary>
internal static class ProvenanceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("provenance", "Dataset provenance: check datasets.provenance.json, record its digests, export it.");
        command.Subcommands.Add(CreateCheck(output, error));
        command.Subcommands.Add(CreateHash(output, error));
        command.Subcommands.Add(CreateExport(output, error));
        return command;
    }

    private static Argument<string?> ManifestArgument() => new("manifest")
    {
        Description = "The manifest, or the project folder holding datasets.provenance.json (default: the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static Command CreateCheck(TextWriter output, TextWriter error)
    {
        var manifest = ManifestArgument();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print informational messages." };
        var command = new Command("check", "Validate the manifest against the policy and the files; prints file(line,col): error ALN01xx: message and exits 1 on errors.") { manifest, verbose };
        command.SetAction(parse =>
        {
            if (Locate(parse.GetValue(manifest), error) is not { } path)
            {
                return CliApplication.UsageError;
            }

            var reporter = new ConsoleDiagnosticReporter(output, parse.GetValue(verbose));
            Validate(path, reporter);
            output.WriteLine(reporter.Errors == 0 ? $"{path}: valid." : $"{path}: {reporter.Errors} error(s).");
            return reporter.Errors == 0 ? CliApplication.Success : CliApplication.Failed;
        });
        return command;
    }

    private static Command CreateHash(TextWriter output, TextWriter error)
    {
        var manifest = ManifestArgument();
        var command = new Command("hash", "Record or update the SHA-256 of every declared file in place, keeping the manifest's order and indentation; then validate it.") { manifest };
        command.SetAction(parse =>
        {
            if (Locate(parse.GetValue(manifest), error) is not { } path)
            {
                return CliApplication.UsageError;
            }

            var reporter = new ConsoleDiagnosticReporter(output, verbose: false);
            if (!File.Exists(path))
            {
                error.WriteLine($"alignment-policy provenance hash: '{path}' does not exist.");
                return CliApplication.UsageError;
            }

            var load = ProvenanceManifestLoader.Load(path);
            if (load.Manifest is not { } loaded)
            {
                foreach (var diagnostic in load.Diagnostics)
                {
                    reporter.Report(diagnostic);
                }

                return CliApplication.Failed;
            }

            var update = ProvenanceDigestWriter.Update(loaded);
            if (update.Text != loaded.Text)
            {
                var temporary = path + ".tmp";
                File.WriteAllText(temporary, update.Text, new System.Text.UTF8Encoding(false));
                File.Move(temporary, path, overwrite: true);
            }

            output.WriteLine($"{path}: {update.EntriesChanged} digest(s) recorded, {update.FilesHashed} file(s) hashed.");
            Validate(path, reporter);
            return reporter.Errors == 0 ? CliApplication.Success : CliApplication.Failed;
        });
        return command;
    }

    private static Command CreateExport(TextWriter output, TextWriter error)
    {
        var manifest = ManifestArgument();
        var format = new Option<string>("--format", "-f") { Description = "spdx3, cyclonedx or croissant.", Required = true };
        format.AcceptOnlyFromAmong("spdx3", "cyclonedx", "croissant");
        var outputPath = new Option<string?>("--output", "-o") { Description = "The file to write (a folder for Croissant with several datasets); default: standard output." };
        var dataset = new Option<string?>("--dataset") { Description = "Export only this dataset (by id)." };
        var name = new Option<string?>("--name") { Description = "The agent's name (default: the project folder's name)." };
        var command = new Command("export", "Export the validated manifest as SPDX 3.0.1 (AI and Dataset profiles), CycloneDX 1.6 ML-BOM or Croissant 1.0 with the RAI vocabulary.")
        {
            manifest, format, outputPath, dataset, name,
        };
        command.SetAction(parse =>
        {
            if (Locate(parse.GetValue(manifest), error) is not { } path)
            {
                return CliApplication.UsageError;
            }

            var reporter = new ConsoleDiagnosticReporter(error, verbose: false);
            var result = Validate(path, reporter);
            if (reporter.Errors > 0 || result.Manifest is null)
            {
                error.WriteLine($"{path}: not exported: fix the {reporter.Errors} error(s) first (an export of a manifest that does not match its data would mislead).");
                return CliApplication.Failed;
            }

            var selected = result.Manifest.Datasets.Where(d => parse.GetValue(dataset) is not { } id || d.Id == id).ToList();
            if (selected.Count == 0)
            {
                error.WriteLine($"alignment-policy provenance export: no dataset '{parse.GetValue(dataset)}' in {path}.");
                return CliApplication.UsageError;
            }

            var agentName = parse.GetValue(name) ?? new DirectoryInfo(Path.GetDirectoryName(path)!).Name;
            var input = new ProvenanceExportInput(result.Manifest, result.Files, agentName, CreatedTime());
            var target = parse.GetValue(outputPath);
            var documents = parse.GetValue(format) switch
            {
                "spdx3" => [(agentName + ".spdx3.json", ProvenanceExportInput.WriteJson(Spdx3Exporter.Export(Restrict(input, selected))))],
                "cyclonedx" => [(agentName + ".cdx.json", ProvenanceExportInput.WriteJson(CycloneDxExporter.Export(Restrict(input, selected))))],
                _ => selected.Select(d => (d.Id + ".croissant.json", ProvenanceExportInput.WriteJson(CroissantExporter.Export(input, d)))).ToList(),
            };

            if (documents.Count > 1 && (target is null || !Directory.Exists(target)))
            {
                error.WriteLine("alignment-policy provenance export: Croissant describes one dataset per document; pass --dataset <id>, or --output <existing folder> to write one file per dataset.");
                return CliApplication.UsageError;
            }

            foreach (var (fileName, text) in documents)
            {
                if (target is null)
                {
                    output.Write(text);
                }
                else
                {
                    var file = Directory.Exists(target) ? Path.Combine(target, fileName) : target;
                    File.WriteAllText(file, text);
                    error.WriteLine($"Wrote {file}.");
                }
            }

            return CliApplication.Success;
        });
        return command;
    }

    private static ProvenanceExportInput Restrict(ProvenanceExportInput input, List<DatasetDeclaration> selected)
        => new(input.Manifest, input.Files, input.AgentName, input.Created, selected);

    /// <summary>SOURCE_DATE_EPOCH, when set, makes exports reproducible.</summary>
    private static DateTimeOffset CreatedTime()
        => long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;

    private static string? Locate(string? argument, TextWriter error)
    {
        var target = string.IsNullOrWhiteSpace(argument) ? Directory.GetCurrentDirectory() : Path.GetFullPath(argument);
        if (Directory.Exists(target))
        {
            return Path.Combine(target, ProvenanceManifest.FileName);
        }

        if (File.Exists(target) || Directory.Exists(Path.GetDirectoryName(target)))
        {
            return target;
        }

        error.WriteLine($"alignment-policy provenance: '{target}' is neither a manifest nor a folder.");
        return null;
    }

    /// <summary>Validates with the policy found above the manifest, as the build does.</summary>
    internal static ProvenanceValidationResult Validate(string manifestPath, IDiagnosticReporter reporter)
    {
        var buffer = new BufferingReporter();
        var resolution = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = Path.GetDirectoryName(manifestPath)! }, buffer);
        foreach (var diagnostic in buffer.Diagnostics.Where(d => d.Severity == BuildSeverity.Error))
        {
            reporter.Report(diagnostic);
        }

        return ProvenanceValidator.Validate(new ProvenanceValidationRequest
        {
            ManifestPath = manifestPath,
            Policy = resolution.Policy?.Provenance,
            ReportingFile = manifestPath,
        }, reporter);
    }
}
