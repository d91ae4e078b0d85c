using System.CommandLine;
using AlignmentPolicy.Cli.Verification;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy verify &lt;package|folder&gt;... [--source feed]</c>: admission checks on packages. Each package's
/// attestation must be present, match its files exactly, carry a signature from a trusted key (when keys are given),
/// and record evaluation results that meet the policy (<c>--policy</c>, or the one recorded at pack time).
/// Exit 0 when every package passes, 1 when any fails, 2 on wrong usage.
/// </summary>
internal static class VerifyCommand
{
    private static readonly TimeSpan s_sourceTimeout = TimeSpan.FromMinutes(10);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var targets = new Argument<string[]>("package")
        {
            Description = "Packages (.nupkg) or folders of packages to verify.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var source = new Option<string?>("--source", "-s") { Description = "A NuGet source to verify every package of: a folder feed or a v3 service index URL." };
        var packageIds = new Option<string[]>("--package") { Description = "With --source: only these package ids (needed when the feed has no search service).", AllowMultipleArgumentsPerToken = false };
        var policy = new Option<string?>("--policy") { Description = "The policy whose evaluation thresholds the recorded results must meet (default: the policy recorded in each attestation)." };
        var trustedKeys = new Option<string[]>("--trusted-key") { Description = "A trusted signer: a PEM public key or certificate (repeatable). When given, unsigned attestations fail." };
        var requireSignature = new Option<bool>("--require-signature") { Description = "Fail unsigned attestations even without --trusted-key." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print details." };
        var maxEntries = new Option<long?>("--max-entries") { Description = $"Refuse packages with more entries than this (default {new PackageReadLimits().MaxEntries})." };
        var maxExpanded = new Option<long?>("--max-expanded-mb") { Description = $"Refuse packages whose files expand to more megabytes than this (default {new PackageReadLimits().MaxExpandedBytes / (1024 * 1024)})." };
        var command = new Command("verify", "Verify the attestation of packages: present, matching the package's files, signed by a trusted key, evaluations meeting the policy. Exit 1 when any package fails.")
        {
            targets, source, packageIds, policy, trustedKeys, requireSignature, verbose, maxEntries, maxExpanded,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var limits = new PackageReadLimits();
            limits.MaxEntries = parse.GetValue(maxEntries) ?? limits.MaxEntries;
            limits.MaxExpandedBytes = parse.GetValue(maxExpanded) is long mb ? mb * 1024 * 1024 : limits.MaxExpandedBytes;
            return RunAsync(
                parse.GetValue(targets) ?? [], parse.GetValue(source), parse.GetValue(packageIds) ?? [], parse.GetValue(policy),
                parse.GetValue(trustedKeys) ?? [], parse.GetValue(requireSignature), parse.GetValue(verbose), output, error, cancellationToken, limits);
        });
        return command;
    }

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> targets, string? source, IReadOnlyList<string> packageIds, string? policyPath,
        IReadOnlyList<string> trustedKeyPaths, bool requireSignature, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        PackageReadLimits? limits = null)
    {
        if (targets.Count == 0 && source is null)
        {
            error.WriteLine("alignment-policy verify: give a package, a folder of packages, or --source <feed>.");
            return CliApplication.UsageError;
        }

        var reporter = new ConsoleDiagnosticReporter(output, verbose);
        if (limits is { MaxEntries: < 1 } or { MaxExpandedBytes: < 1 })
        {
            error.WriteLine("alignment-policy verify: --max-entries and --max-expanded-mb must be at least 1.");
            return CliApplication.UsageError;
        }

        var options = new PackageVerificationOptions { RequireSignature = requireSignature, Limits = limits ?? new PackageReadLimits(), ResolveSuite = ResolveSuite };
        var keys = new List<TrustedKey>();
        try
        {
            foreach (var keyPath in trustedKeyPaths)
            {
                try
                {
                    keys.Add(TrustedKey.FromFile(Path.GetFullPath(keyPath)));
                }
                catch (KeyLoadException e)
                {
                    error.WriteLine($"alignment-policy verify: --trusted-key: {e.Message}");
                    return CliApplication.UsageError;
                }
            }

            options.TrustedKeys = keys;
            if (policyPath is not null)
            {
                var load = PolicyLoader.Load(Path.GetFullPath(policyPath));
                foreach (var diagnostic in load.Diagnostics)
                {
                    reporter.Report(diagnostic);
                }

                if (load.Policy is null || load.HasErrors)
                {
                    error.WriteLine($"alignment-policy verify: the policy '{policyPath}' cannot be used.");
                    return CliApplication.UsageError;
                }

                options.Requirements = RecordedEvaluationCheck.FromPolicy(load.Policy);
            }

            var candidates = new List<PackageCandidate>();
            foreach (var target in targets)
            {
                if (!File.Exists(target) && !Directory.Exists(target))
                {
                    error.WriteLine($"alignment-policy verify: '{target}' is neither a package nor a folder.");
                    return CliApplication.UsageError;
                }

                candidates.AddRange(PackageSources.FromPath(target));
            }

            var failed = 0;
            if (source is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(s_sourceTimeout);
                try
                {
                    candidates.AddRange(await PackageSources.FromSourceAsync(source, packageIds, timeout.Token).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.PackageSourceUnreadable, BuildSeverity.Error, source, 1, 1, 1, 1,
                        $"The source cannot be listed: {Describe(e)}"));
                    failed++;
                }
            }

            if (candidates.Count == 0 && failed == 0)
            {
                output.WriteLine("No packages found.");
                return CliApplication.Failed;
            }

            var passed = 0;
            foreach (var candidate in candidates)
            {
                PackageVerificationResult result;
                try
                {
                    using var stream = await candidate.Open(cancellationToken).ConfigureAwait(false);
                    result = PackageVerifier.Verify(stream, candidate.Name, options, reporter);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or NuGet.Protocol.Core.Types.FatalProtocolException)
                {
                    reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.PackageSourceUnreadable, BuildSeverity.Error, candidate.Name, 1, 1, 1, 1,
                        $"The package cannot be downloaded: {Describe(e)}"));
                    failed++;
                    continue;
                }

                var identity = result.Id.Length > 0 ? $"{result.Id} {result.Version}" : Path.GetFileName(candidate.Name);
                if (result.Passed)
                {
                    passed++;
                    output.WriteLine($"PASS {identity}: {result.Subjects} files attested, {result.Signature}.");
                }
                else
                {
                    failed++;
                    output.WriteLine($"FAIL {identity}: {string.Join(", ", result.Errors.Distinct())}.");
                }
            }

            output.WriteLine($"{passed + failed} package(s) verified: {passed} passed, {failed} failed.");
            return failed == 0 ? CliApplication.Success : CliApplication.Failed;
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>Built-in suites from the tool; <c>nuget:</c> suites from the configured feeds, as <c>eval</c> resolves them.</summary>
    private static SuiteLayout? ResolveSuite(string suite)
    {
        if (SuiteLayouts.Builtin(suite) is { } builtin)
        {
            return builtin;
        }

        try
        {
            return suite.StartsWith(BuiltinNames.NuGetSuitePrefix, StringComparison.Ordinal) ? NuGetSuiteSource.Resolve(suite, Directory.GetCurrentDirectory()).Layout : null;
        }
        catch (SuiteException e)
        {
            throw new SuiteLayoutException(e.Message);
        }
    }

    private static string Describe(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
