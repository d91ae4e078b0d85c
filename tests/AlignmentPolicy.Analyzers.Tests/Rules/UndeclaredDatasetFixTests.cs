using System.Text.RegularExpressions;
using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.Analyzers.Tests.Verifiers;
using AlignmentPolicy.CodeFixes;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Provenance;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// The ALN0100 fix writes its entry with a JSON writer into the file's own formatting, and leaves a manifest it cannot
/// read exactly alone. Results are read back with the product's own manifest reader (the one the build runs).
/// </summary>
public class UndeclaredDatasetFixTests
{
    private const string Pretty = """
        {
          "version": 1,
          "datasets": [
            {
              "id": "support-kb",
              "purpose": "rag",
              "files": [{ "path": "data/kb/articles.jsonl" }]
            }
          ]
        }

        """;

    public static TheoryData<string> HostilePaths() => new()
    {
        "data/say \"hi\".jsonl",
        @"data\windows\kb.csv",
        "data/back\\\"slash-quote.csv",
        "data/tab\tnew\nline\rcarriage.csv",
        "data/nul\u0000bell\u0007esc\u001b.csv",
        "data/ünïcødé/日本語.jsonl",
        "data/emoji-😀.csv",
        "data/line\u2028para\u2029sep.csv",
        "data/next\u0085line\u007fdel.csv",
        "data/lone-\ud800-surrogate.csv",
        "data/{\"id\": \"injected\"}], \"x\": [.csv",
        "data/%2F..%5C/*?<>|.csv",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public void A_hostile_path_is_escaped_and_reads_back_exactly(string path)
    {
        var edited = DatasetManifestEdit.AddDataset(Pretty, path);

        Assert.NotNull(edited);
        AssertSingleInsertion(Pretty, edited);
        // The build's reader takes the file as JSON (it may still refuse such a path as a path: ALN01xx, not ALN0102).
        var manifest = ReadBack(edited);
        Assert.Equal(2, manifest.Datasets.Count);
        Assert.Matches("^[a-z0-9][a-z0-9._-]*$", manifest.Datasets[1].Id);
        // An independent reader gives back the exact path (System.Text.Json cannot return a lone surrogate, the build's reader does).
        var written = path.Contains('\ud800')
            ? Assert.Single(manifest.Datasets[1].Files).Path
            : System.Text.Json.JsonDocument.Parse(edited).RootElement.GetProperty("datasets")[1].GetProperty("files")[0].GetProperty("path").GetString();
        Assert.Equal(path, written);
        // Nothing but the escapes JSON needs: a raw control or line-separator character never reaches the file.
        Assert.DoesNotMatch("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]", edited);
    }

    [Fact]
    public void The_escapes_are_the_ones_JSON_defines()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\\u2028\\u2029\\ud800é😀/\"", CodeFixes.Json.JsonWriter.Quote("a\"b\\c\n\r\t\b\f\u0000\u001f\u2028\u2029\ud800é😀/"));
    }

    [Fact]
    public void Four_spaces_and_CRLF_stay_four_spaces_and_CRLF_with_the_trailing_newline()
    {
        var manifest = "{\r\n    \"version\": 1,\r\n    \"datasets\": [\r\n        {\r\n            \"id\": \"kb\",\r\n            \"purpose\": \"rag\",\r\n            \"files\": []\r\n        }\r\n    ]\r\n}\r\n";

        var edited = DatasetManifestEdit.AddDataset(manifest, "data/faq.csv")!;

        Assert.Equal(
            "{\r\n    \"version\": 1,\r\n    \"datasets\": [\r\n        {\r\n            \"id\": \"kb\",\r\n            \"purpose\": \"rag\",\r\n            \"files\": []\r\n        },\r\n"
            + "        {\r\n            \"id\": \"faq\",\r\n            \"purpose\": \"rag\",\r\n            \"description\": \"TODO: what this data is and why the agent uses it.\",\r\n"
            + "            \"source\": { \"kind\": \"internal\" },\r\n            \"license\": \"LicenseRef-TODO\",\r\n            \"files\": [{ \"path\": \"data/faq.csv\" }],\r\n"
            + "            \"contentClasses\": [],\r\n            \"personalData\": { \"contains\": false }\r\n        }\r\n    ]\r\n}\r\n",
            edited);
    }

    [Fact]
    public void Tabs_and_an_empty_array_without_a_final_newline()
    {
        var manifest = "{\n\t\"version\": 1,\n\t\"datasets\": []\n}";

        var edited = DatasetManifestEdit.AddDataset(manifest, "data/faq.csv")!;

        Assert.Equal(
            "{\n\t\"version\": 1,\n\t\"datasets\": [\n\t\t{\n\t\t\t\"id\": \"faq\",\n\t\t\t\"purpose\": \"rag\",\n\t\t\t\"description\": \"TODO: what this data is and why the agent uses it.\",\n"
            + "\t\t\t\"source\": { \"kind\": \"internal\" },\n\t\t\t\"license\": \"LicenseRef-TODO\",\n\t\t\t\"files\": [{ \"path\": \"data/faq.csv\" }],\n"
            + "\t\t\t\"contentClasses\": [],\n\t\t\t\"personalData\": { \"contains\": false }\n\t\t}\n\t]\n}",
            edited);
    }

    [Fact]
    public void A_minified_manifest_stays_on_one_line()
    {
        var manifest = """{"version":1,"datasets":[{"id":"faq","purpose":"rag","files":[]}]}""";

        var edited = DatasetManifestEdit.AddDataset(manifest, "data/faq.csv")!;

        Assert.Equal(
            """{"version":1,"datasets":[{"id":"faq","purpose":"rag","files":[]},{"id":"faq-2","purpose":"rag","description":"TODO: what this data is and why the agent uses it.","source":{"kind":"internal"},"license":"LicenseRef-TODO","files":[{"path":"data/faq.csv"}],"contentClasses":[],"personalData":{"contains":false}}]}""",
            edited);
    }

    [Fact]
    public void A_one_line_manifest_with_spaces_keeps_its_spaces()
    {
        var edited = DatasetManifestEdit.AddDataset("""{ "version": 1, "datasets": [] }""", "data/faq.csv")!;

        Assert.Equal(
            """{ "version": 1, "datasets": [{ "id": "faq", "purpose": "rag", "description": "TODO: what this data is and why the agent uses it.", "source": { "kind": "internal" }, "license": "LicenseRef-TODO", "files": [{ "path": "data/faq.csv" }], "contentClasses": [], "personalData": { "contains": false } }] }""",
            edited);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "trailing comma", """{ "version": 1, "datasets": [ { "id": "a" }, ] }""" },
        { "comment", "{ \"version\": 1, // the version\n \"datasets\": [] }" },
        { "single quotes", "{ 'version': 1, 'datasets': [] }" },
        { "unterminated string", """{ "version": 1, "datasets": [ { "id": "a } ] }""" },
        { "raw newline in a string", "{ \"version\": 1, \"datasets\": [ { \"id\": \"a\nb\" } ] }" },
        { "unknown escape", """{ "version": 1, "datasets": [ { "id": "a\x" } ] }""" },
        { "short unicode escape", """{ "version": 1, "datasets": [ { "id": "\u12" } ] }""" },
        { "leading zero", """{ "version": 01, "datasets": [] }""" },
        { "bare word", """{ "version": tru, "datasets": [] }""" },
        { "text after the root", """{ "version": 1, "datasets": [] } { "datasets": [] }""" },
        { "datasets twice", """{ "datasets": [], "version": 1, "datasets": [] }""" },
        { "datasets not an array", """{ "version": 1, "datasets": { "a": 1 } }""" },
        { "no datasets", """{ "version": 1 }""" },
        { "root array", """[ { "datasets": [] } ]""" },
        { "empty", "" },
        { "unclosed", """{ "version": 1, "datasets": [""" },
        { "non-JSON white space", "{\u00a0\"version\": 1, \"datasets\": [] }" },
        { "too deep", "{ \"datasets\": [], \"x\": " + new string('[', 200) + new string(']', 200) + " }" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_manifest_that_is_not_exactly_JSON_is_not_edited(string reason, string manifest)
        => Assert.True(DatasetManifestEdit.AddDataset(manifest, "data/faq.csv") is null, reason);

    [Fact]
    public Task The_fix_is_not_offered_on_a_manifest_the_analyzer_reads_but_that_is_not_exactly_JSON()
    {
        // A merge left two "datasets" keys: the analyzer's tolerant reader still finds the file undeclared, the build
        // reports the duplicate (ALN0103), and the fix does not guess which array to extend.
        const string source = """
            using System.IO;

            class Retrieval
            {
                public string Load() => File.ReadAllText({|ALN0100:"data/faq.jsonl"|});
            }
            """;
        const string merged = "{\n  \"version\": 1,\n  \"datasets\": [],\n  \"datasets\": []\n}\n";
        var test = Test(source, source);
        test.TestState.AdditionalFiles.Add(("/0/datasets.provenance.json", merged));
        test.FixedState.AdditionalFiles.Add(("/0/datasets.provenance.json", merged));
        return test.RunAsync();
    }

    [Fact]
    public Task Through_the_code_fix_a_quoted_path_with_a_line_separator_is_escaped()
    {
        var test = Test("""
            using System.IO;

            class Retrieval
            {
                public string Load() => File.ReadAllText([|"data/say \"hi\"\u2028.jsonl"|]);
            }
            """, """
            using System.IO;

            class Retrieval
            {
                public string Load() => File.ReadAllText("data/say \"hi\"\u2028.jsonl");
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/datasets.provenance.json", Pretty));
        test.FixedState.AdditionalFiles.Add(("/0/datasets.provenance.json", Pretty.Replace("""
                  "files": [{ "path": "data/kb/articles.jsonl" }]
                }
            """, """
                  "files": [{ "path": "data/kb/articles.jsonl" }]
                },
                {
                  "id": "say-hi",
                  "purpose": "rag",
                  "description": "TODO: what this data is and why the agent uses it.",
                  "source": { "kind": "internal" },
                  "license": "LicenseRef-TODO",
                  "files": [{ "path": "data/say \"hi\"\u2028.jsonl" }],
                  "contentClasses": [],
                  "personalData": { "contains": false }
                }
            """)));
        return test.RunAsync();
    }

    private static CSharpCodeFixTest<UndeclaredDatasetAnalyzer, UndeclaredDatasetFixer, DefaultVerifier> Test(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<UndeclaredDatasetAnalyzer, UndeclaredDatasetFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Empty,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test;
    }

    /// <summary>The edit inserted text in one place and changed nothing else.</summary>
    private static void AssertSingleInsertion(string original, string edited)
    {
        var prefix = 0;
        while (prefix < original.Length && original[prefix] == edited[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < original.Length - prefix && original[^(suffix + 1)] == edited[^(suffix + 1)])
        {
            suffix++;
        }

        Assert.Equal(original.Length, prefix + suffix);
    }

    private static ProvenanceManifest ReadBack(string text)
    {
        var result = ProvenanceManifestLoader.Parse(text, "/repo/datasets.provenance.json");
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == BuildDiagnosticIds.ProvenanceInvalidJson || d.Descriptor == BuildDiagnosticIds.ProvenanceUnknownProperty);
        return result.Manifest!;
    }
}
