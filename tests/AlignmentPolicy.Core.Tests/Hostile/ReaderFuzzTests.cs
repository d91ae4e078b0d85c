using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Core.Tests.Provenance;
using Xunit.Abstractions;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Mutation fuzzing of the policy reader and the provenance manifest reader (the manifest also through the full
/// validation, against a project folder with data files). Every input either loads or is rejected with coded
/// diagnostics that each have a file, a line and a column and fit on one line; no exception escapes, nothing hangs.
/// Fixed seed; <c>ALIGNMENT_POLICY_FUZZ_CASES</c> and <c>ALIGNMENT_POLICY_FUZZ_SEED</c> change the run (bench/fuzz/README.md).
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string PolicyPath = "/repo/alignment-policy.json";

    private const string PolicySeed = """
        {
          "$schema": "./.alignment-policy/alignment-policy.schema.json",
          "version": 1,
          "agents": { "autoDetect": true, "include": ["src/**/*.csproj"], "exclude": ["**/*.Tests.csproj"] },
          "gates": { "additionalGateTypes": ["Contoso.Safety.ContosoGate", "Contoso.Outer+Inner`1"] },
          "sideEffects": {
            "catalogues": ["builtin"],
            "custom": { "payments": ["M:Contoso.Payments.PaymentClient.Charge(System.Decimal)", "M:Contoso.Repo`1.Save(System.Collections.Generic.List{`0},System.Int32[])"] },
            "oversightPaths": ["prompts/**/*.md"],
            "severity": { "oversight": "error", "payments": "error", "mail": "warning" }
          },
          "analyzers": { "unknownOrigin": "info", "maxCallDepth": 5 },
          "provenance": {
            "required": true,
            "allowedLicenses": ["MIT", "Apache-2.0", "CC-BY-4.0", "LicenseRef-Contoso"],
            "deniedContentClasses": ["ai-self-preservation-fiction"],
            "requirePersonalDataStatement": true
          },
          "evals": {
            "required": [
              { "suite": "builtin:coercion", "maxRate": 0.05, "confidence": 0.95, "maxSamples": 300, "primaryCells": ["explicit/replacement"] },
              { "suite": "nuget:Contoso.Evals.Refunds@1.2.0", "maxRate": 0.01, "earlyStopping": true },
              { "suite": "builtin:monitoring-gap", "maxGap": 0.05 }
            ],
            "runOnPack": false
          },
          "suppressions": { "requireJustification": true }
        }
        """;

    private static readonly string ManifestSeed = $$"""
        {
          "version": 1,
          "contamination": { "lines": true },
          "datasets": [
            {
              "id": "support-kb", "purpose": "rag", "description": "Support articles",
              "source": { "kind": "internal", "uri": "https://wiki.contoso.example/kb", "collected": "2026-05-01", "publisher": "Contoso" },
              "license": "(MIT OR Apache-2.0) AND CC-BY-4.0",
              "files": [ { "path": "data/kb.jsonl", "sha256": "{{TempProject.Sha(KbData)}}" }, { "path": "data/more/*.jsonl", "sha256": { "data/more/b.jsonl": "{{TempProject.Sha(KbData)}}" } } ],
              "contentClasses": ["product-docs"],
              "filtering": [ { "step": "classifier", "removes": ["ai-self-preservation-fiction"], "removedFraction": 0.013 } ],
              "personalData": { "contains": false }
            },
            {
              "id": "stories", "purpose": "synthetic-stories",
              "source": { "kind": "synthetic" }, "license": "MIT OR (Apache-2.0 WITH Classpath-exception-2.0)",
              "files": [ { "path": "data/**/*.md", "sha256": { "data/stories/one.md": "{{TempProject.Sha(Story)}}" } } ], "contentClasses": ["ai-ethics-fiction"],
              "synthetic": { "generatorModel": "gpt-4.1", "promptTemplate": "prompts/story.txt", "promptTemplateSha256": "{{TempProject.Sha(Prompt)}}", "seed": 7, "count": 100, "reviewedFraction": 0.2 },
              "personalData": { "contains": true, "statement": "Names are invented." }
            }
          ]
        }
        """;

    private const string KbData = "{\"title\":\"Reset a password\",\"body\":\"Open Settings, then Security, then Reset.\"}\n";

    private const string Story = "A story of an assistant that tells the truth.";

    private const string Prompt = "Write a story.";

    // Fragments a mutation inserts: JSON structure, the grammars inside strings, and hostile values.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\u0000", "\\ud800", "\\n", "\n", "\r\n", "\u2028", "\t", " ", "0", "-1", "1e999", "0.5", "1.0e-5",
        "true", "false", "null", "(", ")", " AND ", " OR ", " WITH ", "+", "LicenseRef-", "DocumentRef-x:", "M:", "T:", "{`0}", "``1", "~", "#ctor", "*", "**", "?",
        "../", "/", "C:\\", "..", "\"version\": 2", "\"datasets\": []", "\"$schema\": 1", "é", "\uFEFF", "\u0085", "%", "|", ";", "#", "builtin:", "nuget:",
    ];

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("ALIGNMENT_POLICY_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2000;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("ALIGNMENT_POLICY_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20261123;

    [Fact]
    public void Mutated_policies_load_or_are_rejected_with_positioned_codes()
    {
        var figures = Guard.Run(() => Fuzz(Seed, PolicySeed, text =>
        {
            var load = PolicyLoader.Parse(text, PolicyPath);
            return (load.Policy is not null, load.Diagnostics, PolicyPath);
        }), deadlineSeconds: Math.Max(600, Cases / 50));

        output.WriteLine($"policy: {figures}");
    }

    [Fact]
    public void Mutated_manifests_load_or_are_rejected_with_positioned_codes_through_the_full_validation()
    {
        _project.Write("data/kb.jsonl", KbData);
        _project.Write("data/more/b.jsonl", KbData);
        _project.Write("data/stories/one.md", Story);
        _project.Write("prompts/story.txt", Prompt);
        var policy = PolicyLoader.Parse(PolicySeed, PolicyPath).Policy!.Provenance;

        var figures = Guard.Run(() => Fuzz(Seed + 1, ManifestSeed, text =>
        {
            var load = ProvenanceManifestLoader.Parse(text, _project.ManifestPath);
            var reporter = new BufferingReporter();
            if (load.Manifest is not null)
            {
                File.WriteAllText(_project.ManifestPath, text);
                ProvenanceValidator.Validate(new ProvenanceValidationRequest { ManifestPath = _project.ManifestPath, Policy = policy }, reporter);
            }

            var diagnostics = load.Manifest is null ? load.Diagnostics : reporter.Diagnostics;
            return (!diagnostics.Any(d => d.Severity == BuildSeverity.Error), diagnostics, _project.ManifestPath);
        }), deadlineSeconds: Math.Max(600, Cases / 50));

        output.WriteLine($"manifest: {figures}");
    }

    private static Figures Fuzz(int seed, string seedText, Func<string, (bool Accepted, IReadOnlyList<BuildDiagnostic> Diagnostics, string File)> read)
    {
        var random = new Random(seed);
        var known = BuildDiagnosticIds.All.Select(d => d.Id).ToHashSet();
        var figures = new Figures(seed, Cases);
        var clean = read(seedText);
        Assert.True(clean.Accepted, "the unmutated seed must be valid: " + string.Join("\n", clean.Diagnostics));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var text = Mutate(random, seedText);
            (bool Accepted, IReadOnlyList<BuildDiagnostic> Diagnostics, string File) result;
            try
            {
                result = read(text);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i} (seed {seed}) threw {e.GetType().Name}: {e.Message}\ninput ({text.Length} chars): {DisplayText.Of(text, 2000)}\n{e}");
            }

            foreach (var d in result.Diagnostics)
            {
                var problem = !known.Contains(d.Code) ? "an unregistered code"
                    : d.Line < 1 || d.Column < 1 ? "no line and column"
                    : d.File != result.File ? $"the file '{d.File}'"
                    : d.Message.IndexOfAny(['\n', '\r', '\u2028', '\u0085']) >= 0 ? "a line break in its message"
                    : d.Message.Length > 3000 ? $"a message of {d.Message.Length} characters"
                    : d.Code == "ALN0300" ? "an internal error"
                    : null;
                Assert.True(problem is null, $"case {i} (seed {seed}): {d.Code} has {problem}: {DisplayText.Of(d.ToString(), 500)}\ninput: {DisplayText.Of(text, 2000)}");
                figures.Codes.Add(d.Code);
            }

            Assert.True(result.Accepted || result.Diagnostics.Any(d => d.Severity == BuildSeverity.Error), $"case {i} (seed {seed}) rejected without an error: {DisplayText.Of(text, 2000)}");
            if (result.Accepted)
            {
                figures.Accepted++;
            }
        }

        figures.Elapsed = clock.Elapsed;
        return figures;
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (random.Next(9))
            {
                case 0: // delete a range
                    builder.Remove(Math.Min(at, builder.Length), Math.Min(random.Next(1, 40), builder.Length - Math.Min(at, builder.Length)));
                    break;
                case 1: // insert a fragment
                case 2:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3: // replace one character by any character
                    if (at < builder.Length)
                    {
                        builder[at] = (char)random.Next(0, 0x3000);
                    }

                    break;
                case 4: // duplicate a range elsewhere
                    var from = random.Next(builder.Length);
                    var length = Math.Min(random.Next(1, 200), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
                case 5: // a very long run
                    builder.Insert(at, new string("A(\"[{-.*/"[random.Next(9)], random.Next(100, 20_000)));
                    break;
                case 6: // deep nesting
                    var depth = random.Next(10, 3000);
                    var open = "([{"[random.Next(3)];
                    builder.Insert(at, new string(open, depth) + "x" + new string(open == '(' ? ')' : open == '[' ? ']' : '}', depth));
                    break;
                case 7: // a trailing newline or line separator at the end of a string value
                    var quote = builder.ToString().IndexOf("\":", at < builder.Length ? at : 0, StringComparison.Ordinal) is var q && q > 0 ? builder.ToString().IndexOf('"', q + 2) : -1;
                    var close = quote > 0 ? builder.ToString().IndexOf('"', quote + 1) : -1;
                    if (close > 0)
                    {
                        builder.Insert(close, random.Next(2) == 0 ? "\\n" : "\\u2028");
                    }

                    break;
                default: // cut the document
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    private sealed class Figures(int seed, int cases)
    {
        public int Accepted { get; set; }

        public HashSet<string> Codes { get; } = [];

        public TimeSpan Elapsed { get; set; }

        public override string ToString()
            => $"{cases} cases, seed {seed}: {Accepted} accepted, {cases - Accepted} rejected with codes {string.Join(",", Codes.Order())}; {Elapsed.TotalSeconds:F1} s";
    }
}
