using System.Diagnostics;
using System.Globalization;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Provenance;

// 1 GiB of generated files (16 x 64 MiB by default), hashed by FileHasher (parallel, streamed) and by
// sha256sum; then the build's validation of a manifest declaring them, cold (empty hash cache) and no-op
// (warm cache: nothing read). Each timing is the best of three runs after a warm-up read, so both tools
// read from the page cache and the comparison is of hashing, not of the disk.
var totalMiB = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
const int Files = 16;
var root = Directory.CreateTempSubdirectory("ap-bench-").FullName;
try
{
    var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
    var buffer = new byte[1 << 20];
    var random = new Random(1);
    var paths = new List<string>();
    for (var i = 0; i < Files; i++)
    {
        var path = Path.Combine(data, $"part-{i:00}.bin");
        using (var stream = File.Create(path))
        {
            for (var mib = 0; mib < totalMiB / Files; mib++)
            {
                random.NextBytes(buffer);
                stream.Write(buffer);
            }
        }

        paths.Add(path);
    }

    var bytes = paths.Sum(p => new FileInfo(p).Length);
    Console.WriteLine($"{paths.Count} files, {bytes / (1024.0 * 1024 * 1024):0.00} GiB, {Environment.ProcessorCount} cores");

    FileHasher.HashAll(paths, cache: null); // warm the page cache
    var ours = Best(() => FileHasher.HashAll(paths, cache: null));
    var sha256sum = Best(() =>
    {
        var start = new ProcessStartInfo("sha256sum") { RedirectStandardOutput = true };
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    });
    var single = Best(() => FileHasher.HashAll(paths, cache: null, maxParallelism: 1));
    Report("FileHasher (parallel)", ours, bytes);
    Report("FileHasher (1 thread)", single, bytes);
    Report("sha256sum", sha256sum, bytes);
    Console.WriteLine($"throughput ratio FileHasher/sha256sum: {sha256sum.TotalSeconds / ours.TotalSeconds:0.00} (target >= 0.9); single-threaded: {sha256sum.TotalSeconds / single.TotalSeconds:0.00}");

    // The build's validation: the manifest declares the files by glob with their digests.
    var manifest = Path.Combine(root, ProvenanceManifest.FileName);
    File.WriteAllText(manifest, """
        { "version": 1, "datasets": [ { "id": "bench", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "files": [{ "path": "data/*.bin" }] } ] }
        """);
    File.WriteAllText(manifest, ProvenanceDigestWriter.Update(ProvenanceManifestLoader.Load(manifest).Manifest!).Text);
    var cache = Path.Combine(root, "obj", "alignment-provenance.hashes");
    var request = new ProvenanceValidationRequest { ManifestPath = manifest, HashCacheFile = cache };
    TimeSpan cold = TimeSpan.MaxValue, warm = TimeSpan.MaxValue;
    for (var run = 0; run < 3; run++)
    {
        if (File.Exists(cache))
        {
            File.Delete(cache);
        }

        var first = Stopwatch.StartNew();
        var firstResult = ProvenanceValidator.Validate(request, new BufferingReporter());
        first.Stop();
        var second = Stopwatch.StartNew();
        var secondResult = ProvenanceValidator.Validate(request, new BufferingReporter());
        second.Stop();
        if (firstResult.HasErrors || firstResult.FilesHashed != Files || secondResult.FilesHashed != 0)
        {
            throw new InvalidOperationException("The validation did not behave as expected.");
        }

        cold = first.Elapsed < cold ? first.Elapsed : cold;
        warm = second.Elapsed < warm ? second.Elapsed : warm;
    }

    Console.WriteLine($"validation, first (cold cache, {Files} files hashed): {cold.TotalMilliseconds:0.0} ms");
    Console.WriteLine($"validation, no-op (warm cache, 0 files hashed): {warm.TotalMilliseconds:0.0} ms = {100 * warm.TotalSeconds / cold.TotalSeconds:0.00}% of the first (target <= 5%)");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static TimeSpan Best(Action action)
{
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        best = watch.Elapsed < best ? watch.Elapsed : best;
    }

    return best;
}

static void Report(string name, TimeSpan elapsed, long bytes)
    => Console.WriteLine($"{name,-24} {elapsed.TotalSeconds,7:0.000} s  {bytes / elapsed.TotalSeconds / (1024 * 1024),8:0.0} MiB/s");
