using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.Analyzers.Tests.Verifiers;
using AlignmentPolicy.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UndeclaredDatasetTests
{
    private const string Manifest = """
        {
          "version": 1,
          "datasets": [
            {
              "id": "support-kb",
              "purpose": "rag",
              "files": [{ "path": "data/kb/articles.jsonl" }, { "path": "data/evals/*.jsonl" }]
            }
          ]
        }
        """;

    private const string Usings = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public Task Constant_paths_of_data_files_must_be_declared()
        => VerifyAsync(Usings + """
            class Retrieval
            {
                public async Task LoadAsync()
                {
                    var kb = await File.ReadAllLinesAsync("data/kb/articles.jsonl");
                    var evals = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "evals", "refunds.jsonl"));
                    var shots = File.ReadAllText({|#0:"data/few-shot/examples.jsonl"|});
                    using var reader = new StreamReader({|#1:Path.Combine("data", "catalog.csv")|});
                    var prompt = File.ReadAllText("prompts/system.txt");
                    var settings = File.ReadAllText("appsettings.json");
                    var dynamicPath = File.ReadAllText(Environment.GetEnvironmentVariable("KB_PATH")!);
                }
            }
            """, Manifest,
            new DiagnosticResult("ALN0100", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("data/few-shot/examples.jsonl", "datasets.provenance.json does not declare it"),
            new DiagnosticResult("ALN0100", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1).WithArguments("data/catalog.csv", "datasets.provenance.json does not declare it"));

    [Fact]
    public Task Without_a_manifest_nothing_is_reported_unless_the_policy_requires_provenance()
        => VerifyAsync(Usings + """
            class Retrieval
            {
                public string[] Load() => File.ReadAllLines("data/kb/articles.jsonl");
            }
            """, manifest: null);

    [Fact]
    public Task The_fix_adds_a_skeleton_entry_to_the_manifest()
    {
        var test = new CSharpCodeFixTest<UndeclaredDatasetAnalyzer, UndeclaredDatasetFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Empty,
            TestCode = Usings + """
                class Retrieval
                {
                    public string Load() => File.ReadAllText([|"data/few-shot/examples.jsonl"|]);
                }
                """,
            FixedCode = Usings + """
                class Retrieval
                {
                    public string Load() => File.ReadAllText("data/few-shot/examples.jsonl");
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalFiles.Add(("/0/datasets.provenance.json", Manifest));
        test.FixedState.AdditionalFiles.Add(("/0/datasets.provenance.json", Manifest.Replace("""
                  "files": [{ "path": "data/kb/articles.jsonl" }, { "path": "data/evals/*.jsonl" }]
                }
            """, """
                  "files": [{ "path": "data/kb/articles.jsonl" }, { "path": "data/evals/*.jsonl" }]
                },
                {
                  "id": "examples",
                  "purpose": "rag",
                  "description": "TODO: what this data is and why the agent uses it.",
                  "source": { "kind": "internal" },
                  "license": "LicenseRef-TODO",
                  "files": [{ "path": "data/few-shot/examples.jsonl" }],
                  "contentClasses": [],
                  "personalData": { "contains": false }
                }
            """)));
        return test.RunAsync();
    }

    private static Task VerifyAsync(string source, string? manifest, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<UndeclaredDatasetAnalyzer>.Test();
        test.TestState.Sources.Add(source);
        if (manifest is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/datasets.provenance.json", manifest));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
