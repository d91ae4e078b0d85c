using System.Net.Sockets;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.FileSystem;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Core.Tests.Provenance;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// A FIFO, a device, a socket or a folder where a policy, a manifest or a data file is expected: a coded error with the
/// path, decided from the file type before anything opens it (opening a FIFO for reading blocks until a writer comes,
/// and /dev/zero never ends).
/// </summary>
public sealed class NonRegularFileTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [UnixFact]
    public void FileKinds_tells_each_kind_apart()
    {
        var fifo = _project.Path("pipe");
        Guard.MakeFifo(fifo);
        var loop = _project.Path("loop-a");
        File.CreateSymbolicLink(loop, _project.Path("loop-b"));
        File.CreateSymbolicLink(_project.Path("loop-b"), loop);

        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_project.Directory));
        Assert.Equal(FileKind.Regular, FileKinds.Of(_project.Write("a.txt", "a")));
        Assert.Equal(FileKind.SymbolicLinkLoop, FileKinds.Of(loop));
        Assert.Equal(FileKind.Missing, FileKinds.Of(_project.Path("nothing")));
    }

    [UnixFact]
    public void A_FIFO_policy_file_is_ALN0314_with_its_path_and_is_never_opened()
    {
        var policy = _project.Path("alignment-policy.json");
        Guard.MakeFifo(policy);

        var load = Guard.Run(() => PolicyLoader.Load(policy), deadlineSeconds: 30);

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(("ALN0314", policy), (error.Code, error.File));
        Assert.Contains($"'{policy}' is a named pipe (FIFO), not a regular file", error.Message);
    }

    [Fact]
    public void A_folder_where_the_policy_file_is_named_is_ALN0314_saying_so()
    {
        var folder = Directory.CreateDirectory(_project.Path("policy.json")).FullName;

        var error = Assert.Single(PolicyLoader.Load(folder).Diagnostics);

        Assert.Equal("ALN0314", error.Code);
        Assert.Contains("is a folder, not a regular file", error.Message);
    }

    [UnixFact]
    public void A_FIFO_manifest_is_ALN0102_with_its_path()
    {
        Guard.MakeFifo(_project.ManifestPath);

        var load = Guard.Run(() => ProvenanceManifestLoader.Load(_project.ManifestPath), deadlineSeconds: 30);

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(("ALN0102", _project.ManifestPath), (error.Code, error.File));
        Assert.Contains("named pipe (FIFO)", error.Message);
    }

    [UnixFact]
    public void A_FIFO_a_device_and_a_socket_declared_as_data_are_ALN0117_at_their_paths()
    {
        Directory.CreateDirectory(_project.Path("data"));
        Guard.MakeFifo(_project.Path("data/pipe.jsonl"));
        File.CreateSymbolicLink(_project.Path("data/zero.jsonl"), "/dev/zero");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_project.Path("data/socket.jsonl")));
        _project.WriteManifest("""
            { "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT",
              "files": [ { "path": "data/pipe.jsonl" },
                         { "path": "data/zero.jsonl" },
                         { "path": "data/socket.jsonl" } ] } ] }
            """);

        var reporter = Guard.Run(() =>
        {
            var buffer = new BufferingReporter();
            ProvenanceValidator.Validate(new ProvenanceValidationRequest { ManifestPath = _project.ManifestPath }, buffer);
            return buffer;
        }, deadlineSeconds: 30);

        var errors = reporter.Diagnostics.Where(d => d.Severity == BuildSeverity.Error).ToList();
        Assert.Equal(["ALN0117", "ALN0117", "ALN0117"], errors.Select(e => e.Code));
        Assert.Equal([(2, 24), (3, 24), (4, 24)], errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("named pipe (FIFO)", errors[0].Message);
        Assert.Contains("character device", errors[1].Message);
        Assert.Contains("a socket", errors[2].Message);
    }

    [UnixFact]
    public void A_FIFO_under_a_glob_is_ALN0117_and_the_regular_files_beside_it_are_still_checked()
    {
        _project.Write("data/kb/a.jsonl", "{}");
        Guard.MakeFifo(_project.Path("data/kb/b.jsonl"));
        _project.WriteManifest($$"""
            { "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT",
              "files": [ { "path": "data/kb/*.jsonl", "sha256": { "data/kb/a.jsonl": "{{TempProject.Sha("{}")}}" } } ] } ] }
            """);

        var buffer = Guard.Run(() =>
        {
            var reporter = new BufferingReporter();
            ProvenanceValidator.Validate(new ProvenanceValidationRequest { ManifestPath = _project.ManifestPath }, reporter);
            return reporter;
        }, deadlineSeconds: 30);

        var error = Assert.Single(buffer.Diagnostics, d => d.Severity == BuildSeverity.Error);
        Assert.Equal(("ALN0117", 2, 24), (error.Code, error.Line, error.Column));
        Assert.Contains("'data/kb/b.jsonl' is a named pipe (FIFO)", error.Message);
    }
}
