using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Tests.Provenance;

public sealed class ProvenanceDigestWriterTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private string Update(string manifest)
    {
        _project.WriteManifest(manifest);
        return ProvenanceDigestWriter.Update(ProvenanceManifestLoader.Load(_project.ManifestPath).Manifest!).Text;
    }

    [Fact]
    public void Fills_in_and_updates_digests_keeping_order_indentation_and_everything_else()
    {
        _project.Write("data/a.txt", "a");
        _project.Write("data/b.txt", "b");
        _project.Write("data/kb/x.md", "x");
        _project.Write("data/kb/y.md", "y");
        _project.Write("prompts/p.txt", "p");

        var updated = Update($$"""
            {
                "version": 1,
                "datasets": [
                    {
                        "id": "kb",
                        "purpose": "rag",
                        "license": "MIT",
                        "source": { "kind": "internal" },
                        "files": [
                            { "path": "data/a.txt" },
                            {
                                "path": "data/b.txt",
                                "sha256": "{{new string('0', 64)}}"
                            },
                            {
                                "path": "data/kb/*.md"
                            },
                            { "path": "data/missing.txt" }
                        ],
                        "contentClasses": [],
                        "synthetic": { "generatorModel": "m", "promptTemplate": "prompts/p.txt", "seed": 1, "count": 2, "reviewedFraction": 0.5 }
                    }
                ]
            }
            """);

        Assert.Equal($$"""
            {
                "version": 1,
                "datasets": [
                    {
                        "id": "kb",
                        "purpose": "rag",
                        "license": "MIT",
                        "source": { "kind": "internal" },
                        "files": [
                            { "path": "data/a.txt", "sha256": "{{TempProject.Sha("a")}}" },
                            {
                                "path": "data/b.txt",
                                "sha256": "{{TempProject.Sha("b")}}"
                            },
                            {
                                "path": "data/kb/*.md",
                                "sha256": {
                                    "data/kb/x.md": "{{TempProject.Sha("x")}}",
                                    "data/kb/y.md": "{{TempProject.Sha("y")}}"
                                }
                            },
                            { "path": "data/missing.txt" }
                        ],
                        "contentClasses": [],
                        "synthetic": { "generatorModel": "m", "promptTemplate": "prompts/p.txt", "seed": 1, "count": 2, "reviewedFraction": 0.5, "promptTemplateSha256": "{{TempProject.Sha("p")}}" }
                    }
                ]
            }
            """, updated);
    }

    [Fact]
    public void An_up_to_date_manifest_is_returned_byte_for_byte_with_CRLF_kept()
    {
        _project.Write("a.txt", "a");
        var text = "{\r\n  \"version\": 1,\r\n  \"datasets\": [ { \"id\": \"x\", \"purpose\": \"eval\", \"source\": { \"kind\": \"internal\" }, \"license\": \"MIT\",\r\n    \"files\": [ {\r\n      \"path\": \"a.txt\"\r\n    } ] } ]\r\n}\r\n";

        var once = Update(text);
        var twice = Update(once);

        Assert.Equal(text.Replace("\"path\": \"a.txt\"", $"\"path\": \"a.txt\",\r\n      \"sha256\": \"{TempProject.Sha("a")}\""), once);
        Assert.Equal(once, twice);
    }
}
