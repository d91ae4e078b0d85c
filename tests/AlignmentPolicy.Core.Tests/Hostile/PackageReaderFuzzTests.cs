using System.Diagnostics;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Tests.Attestation;
using Xunit.Abstractions;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Mutated attested packages through <c>verify</c>: nothing throws, every rejection has an ALN04xx code, and a package
/// that still passes has exactly the attested files with exactly their contents.
/// </summary>
public sealed class PackageReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly uint[] s_fieldValues = [0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];

    private readonly string _folder = Directory.CreateTempSubdirectory("aln-fuzz-zip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Mutated_packages_never_throw_every_rejection_has_a_code_and_nothing_altered_passes()
    {
        var cases = FuzzSettings.Cases(3000);
        var seed = FuzzSettings.Seed(12);
        var random = new Random(seed);
        var original = File.ReadAllBytes(Attested());
        var originalFiles = Files(original)!;
        var structure = StructureOffsets(original);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var cpu = FuzzSettings.CpuTime();
        for (var i = 0; i < cases; i++)
        {
            var mutated = Mutate(original, structure, random);
            try
            {
                var reporter = new BufferingReporter();
                var result = PackageVerifier.Verify(new MemoryStream(mutated, writable: false), "fuzz.nupkg", new PackageVerificationOptions(), reporter);
                Assert.Equal(result.Errors, reporter.Diagnostics.Select(d => d.Code));
                Assert.All(reporter.Diagnostics, d => Assert.Matches("^ALN04[0-9][0-9]$", d.Code));
                Assert.All(reporter.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
                if (result.Passed)
                {
                    // Whatever still verifies is the attested package: the same files with the same contents.
                    Assert.Equal(originalFiles, Files(mutated));
                }

                var outcome = result.Passed ? "passed" : result.Errors[0];
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Case {i} (seed {seed}) threw {e.GetType().Name}: {e.Message}");
            }
        }

        output.WriteLine(FuzzSettings.Summary("package reader", cases, seed, watch.Elapsed, FuzzSettings.CpuTime() - cpu, outcomes));
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("ALN", StringComparison.Ordinal)) >= 3, "the mutations reach several checks");
    }

    private string Attested()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, PackageAttestationTests.Predicate(), signer: null);
        return package;
    }

    /// <summary>The covered files and their digests as the strict reader sees them; null when it refuses the archive.</summary>
    private static SortedDictionary<string, string>? Files(byte[] package)
    {
        var archive = PackageArchive.Open(new MemoryStream(package, writable: false));
        var problems = new List<PackageProblem>();
        var files = archive.Problems.Count == 0 ? archive.HashEntries(problems) : null;
        return problems.Count == 0 ? files : null;
    }

    /// <summary>Where the zip's own records start (local headers, central directory entries, end record): the mutations aim at them.</summary>
    private static List<int> StructureOffsets(byte[] package)
    {
        var offsets = new List<int>();
        for (var i = 0; i + 4 <= package.Length; i++)
        {
            if (package[i] == 0x50 && package[i + 1] == 0x4B && package[i + 2] is 1 or 3 or 5 && package[i + 3] is 2 or 4 or 6)
            {
                offsets.Add(i);
            }
        }

        return offsets;
    }

    private static byte[] Mutate(byte[] original, List<int> structure, Random random)
    {
        var bytes = original.ToList();
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            // Most mutations hit a header field (within 46 bytes of a record's start); the rest anywhere.
            var at = random.Next(4) > 0 && structure.Count > 0
                ? Math.Min(bytes.Count - 1, structure[random.Next(structure.Count)] + random.Next(46))
                : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    var value = s_fieldValues[random.Next(s_fieldValues.Length)];
                    var width = random.Next(2) == 0 ? 2 : 4;
                    for (var b = 0; b < width && at + b < bytes.Count; b++)
                    {
                        bytes[at + b] = (byte)(value >> (8 * b));
                    }

                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                    break;
                case 3:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(128));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
