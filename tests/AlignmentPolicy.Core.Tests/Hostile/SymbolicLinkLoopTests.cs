using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Core.Tests.Provenance;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>Symbolic-link loops under a dataset path: ALN0117 at the declaration naming the file, never an IOException or an endless walk.</summary>
public sealed class SymbolicLinkLoopTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private BufferingReporter Validate()
        => Guard.Run(() =>
        {
            var reporter = new BufferingReporter();
            ProvenanceValidator.Validate(new ProvenanceValidationRequest { ManifestPath = _project.ManifestPath }, reporter);
            return reporter;
        }, deadlineSeconds: 30);

    private void Declare(string path, string digests = "")
        => _project.WriteManifest($$"""
            { "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT",
              "files": [ { "path": "{{path}}"{{digests}} } ] } ] }
            """);

    [UnixFact]
    public void Two_links_pointing_at_each_other_under_a_glob_are_ALN0117_naming_the_link()
    {
        _project.Write("data/a.jsonl", "{}");
        File.CreateSymbolicLink(_project.Path("data/loop-a.jsonl"), "loop-b.jsonl");
        File.CreateSymbolicLink(_project.Path("data/loop-b.jsonl"), "loop-a.jsonl");
        Declare("data/**/*.jsonl", $$""", "sha256": { "data/a.jsonl": "{{TempProject.Sha("{}")}}" }""");

        var errors = Validate().Diagnostics.Where(d => d.Severity == BuildSeverity.Error).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(("ALN0117", _project.ManifestPath, 2, 24), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'data/loop-a.jsonl' is a loop of symbolic links", error.Message);
        Assert.Contains("'data/loop-b.jsonl' is a loop of symbolic links", error.Message);
    }

    [UnixFact]
    public void A_link_to_its_own_folder_under_a_glob_is_walked_once()
    {
        _project.Write("data/a.jsonl", "{}");
        Directory.CreateSymbolicLink(_project.Path("data/again"), ".");
        Declare("data/**/*.jsonl", $$""", "sha256": { "data/a.jsonl": "{{TempProject.Sha("{}")}}" }""");

        Assert.DoesNotContain(Validate().Diagnostics, d => d.Severity == BuildSeverity.Error);
    }

    [UnixFact]
    public void A_declared_file_that_is_a_link_loop_is_ALN0117_not_a_missing_file()
    {
        File.CreateSymbolicLink(_project.Path("self.jsonl"), "self.jsonl");
        Declare("self.jsonl");

        var error = Assert.Single(Validate().Diagnostics, d => d.Severity == BuildSeverity.Error);

        Assert.Equal(("ALN0117", 2, 24), (error.Code, error.Line, error.Column));
        Assert.Contains("is a loop of symbolic links, not a regular file", error.Message);
    }
}
