using System.IO.Compression;
using System.Text;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Tests.Attestation;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Crafted packages, written byte by byte: each trick an extractor and a verifier could read differently is refused
/// with its own code, by the one reader that attestation, pack's self-check and verify share.
/// </summary>
public sealed class PackageArchiveHostileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aln-hostile-zip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_entry_that_climbs_out_of_an_excluded_prefix_into_lib_is_ALN0415_not_a_pass()
    {
        // Attested and clean, then an entry added whose raw name starts with the excluded '_rels/' and climbs into lib/.
        var package = Attested();
        var crafted = CraftedZip.From(package).Add("_rels/../lib/net10.0/Contoso.Agent.Evil.dll", "MZ evil").Save(_folder, "escaping.nupkg");

        var (codes, messages) = Verify(crafted);
        Assert.Equal(["ALN0415"], codes);
        Assert.Contains("'..'", messages[0]);
    }

    [Theory]
    [InlineData("lib/../../evil.dll")]
    [InlineData("lib%2F..%2F..%2Fevil.dll")]
    [InlineData("lib/./evil.dll")]
    [InlineData("lib//evil.dll")]
    public void Dot_segments_also_once_percent_decoded_are_ALN0415(string name)
        => Assert.Equal(["ALN0415"], Verify(Clean().Add(name, "x").Save(_folder)).Codes);

    [Theory]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("c:evil.dll")]
    [InlineData("%2Fetc%2Fevil")]
    public void Absolute_and_drive_rooted_names_are_ALN0416(string name)
        => Assert.Equal(["ALN0416"], Verify(Clean().Add(name, "x").Save(_folder)).Codes);

    [Theory]
    [InlineData("lib\\..\\..\\evil.dll")]
    [InlineData("lib\\net10.0\\evil.dll")]
    [InlineData("lib%5C..%5Cevil.dll")]
    [InlineData("lib/evil.dll:stream")]
    [InlineData("lib/evil\u0001.dll")]
    public void Backslashes_colons_and_control_characters_are_ALN0417(string name)
        => Assert.Equal(["ALN0417"], Verify(Clean().Add(name, "x").Save(_folder)).Codes);

    [Fact]
    public void A_non_ascii_name_not_flagged_utf8_and_a_second_unicode_name_are_ALN0417()
    {
        var latin1 = Clean().Add([.. Encoding.ASCII.GetBytes("lib/caf"), 0xE9, .. Encoding.ASCII.GetBytes(".dll")], Encoding.UTF8.GetBytes("x"), e => e.Flags = 0).Save(_folder, "latin1.nupkg");
        Assert.Equal(["ALN0417"], Verify(latin1).Codes);

        byte[] unicodePath = [0x75, 0x70, 5, 0, 1, 0, 0, 0, 0];
        var extra = Clean().Add("lib/a.dll", "x", e => e.Extra = unicodePath).Save(_folder, "unicode-path.nupkg");
        Assert.Equal(["ALN0417"], Verify(extra).Codes);
    }

    [Fact]
    public void A_local_header_that_names_another_file_is_ALN0417()
    {
        var path = Clean().Add("lib/net10.0/benign.dll", "x", e => e.LocalName = Encoding.UTF8.GetBytes("lib/net10.0/evilxx.dll")).Save(_folder);
        var (codes, messages) = Verify(path);
        Assert.Equal(["ALN0417"], codes);
        Assert.Contains("local header", messages[0]);
    }

    [Theory]
    [InlineData("lib/net10.0/Contoso.Agent.dll", "lib/net10.0/Contoso.Agent.dll")]
    [InlineData("lib/net10.0/Contoso.Agent.dll", "LIB/net10.0/contoso.agent.DLL")]
    [InlineData("lib/net10.0/Contoso.Agent.dll", "lib/net10.0/Contoso.Agent.dll.")]
    [InlineData("lib/net10.0/Contoso.Agent.dll", "lib/net10.0/Contoso.Agent%2Edll")]
    [InlineData("lib/caf\u00e9.dll", "lib/cafe\u0301.dll")]
    [InlineData("lib/net10.0", "lib/net10.0/x.dll")]
    public void Names_that_collide_once_normalised_are_ALN0418(string first, string second)
    {
        var path = Clean().Add(first, "one").Add(second, "two").Save(_folder);
        Assert.Equal(["ALN0418"], Verify(path).Codes);
    }

    [Theory]
    [InlineData((ushort)0x0801)]
    [InlineData((ushort)0x0841)]
    public void Encrypted_entries_are_ALN0419(ushort flags)
        => Assert.Equal(["ALN0419"], Verify(Clean().Add("lib/a.dll", "x", e => e.Flags = flags).Save(_folder)).Codes);

    [Fact]
    public void An_entry_whose_data_does_not_match_its_CRC_is_ALN0420_in_an_attested_package()
    {
        var package = Attested();
        var tampered = new CraftedZip();
        foreach (var entry in Entries(package))
        {
            // The same bytes as attested, but the archive's checksum of the assembly no longer matches them.
            tampered.Add(Encoding.UTF8.GetBytes(entry.Name), entry.Data, e => e.Crc = entry.Name == "lib/net10.0/Contoso.Agent.dll" ? 0xDEADBEEFu : null);
        }

        var (codes, messages) = Verify(tampered.Save(_folder, "crc.nupkg"));
        Assert.Equal(["ALN0420"], codes);
        Assert.Contains("CRC-32", messages[0]);
    }

    [Fact]
    public void An_entry_that_expands_past_its_recorded_size_is_ALN0420_and_is_not_expanded()
    {
        // 64 MB of zeros recorded as 1 KB: the reader stops one byte past the recorded size.
        var path = Clean().Add(Encoding.UTF8.GetBytes("lib/bomb.bin"), new byte[64 * 1024 * 1024], e => e.DeclaredSize = 1024).Save(_folder);
        using var stream = File.OpenRead(path);
        var archive = PackageArchive.Open(stream);
        Assert.Empty(archive.Problems);
        var problems = new List<PackageProblem>();
        var started = GC.GetAllocatedBytesForCurrentThread();
        var digests = archive.HashEntries(problems);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - started < 16 * 1024 * 1024, "the reader expanded the bomb");
        var problem = Assert.Single(problems);
        Assert.Equal(("ALN0420", "lib/bomb.bin"), (problem.Code.Id, problem.Entry));
        Assert.Contains("more than 1025 bytes", problem.Message);
        Assert.DoesNotContain("lib/bomb.bin", digests.Keys);
    }

    [Fact]
    public void More_entries_than_the_limit_is_ALN0421_before_the_directory_is_read()
    {
        var path = Clean().Add("lib/a.dll", "a").Add("lib/b.dll", "b").Save(_folder);
        Assert.Equal(["ALN0421"], Verify(path, new PackageReadLimits { MaxEntries = 3 }).Codes);

        // An end record that claims 65,535 entries (and a ZIP64-sized count is refused the same way) with the default limit.
        var claims = Clean().Save(_folder, "claims.nupkg", declaredEntries: 0xFFFE);
        Assert.Equal(["ALN0421"], Verify(claims, new PackageReadLimits { MaxEntries = 20_000 }).Codes);
    }

    [Fact]
    public void A_zip_bomb_over_the_expanded_size_limit_is_ALN0422()
    {
        // Honest sizes: 3 GiB declared in a few kilobytes (refused before anything is expanded).
        var declared = Clean().Add(Encoding.UTF8.GetBytes("lib/huge.bin"), new byte[1024], e => e.DeclaredSize = 3L * 1024 * 1024 * 1024 - 1).Save(_folder, "declared.nupkg");
        Assert.Equal(["ALN0422"], Verify(declared).Codes);

        // Ten entries of 1 MiB of zeros each (about 1 KiB compressed) against a 4 MiB limit.
        var zeros = Clean();
        for (var i = 0; i < 10; i++)
        {
            zeros.Add(Encoding.UTF8.GetBytes($"lib/zeros{i}.bin"), new byte[1024 * 1024]);
        }

        var (codes, _) = Verify(zeros.Save(_folder, "zeros.nupkg"), new PackageReadLimits { MaxExpandedBytes = 4 * 1024 * 1024 });
        Assert.Equal(["ALN0422"], codes);
    }

    [Fact]
    public void Overlapping_entries_and_a_second_end_record_are_ALN0410()
    {
        // A central entry pointing at another entry's local header is read as that file: its name disagrees.
        var pointing = Clean().Add("lib/a.dll", "shared").Add("lib/b.dll", "shared", e => e.SharesDataWith = 2).Save(_folder, "pointing.nupkg");
        Assert.Equal(["ALN0417"], Verify(pointing).Codes);

        // A stored entry that quotes a complete second entry (local header and data) inside its own data.
        var (codes, messages) = Verify(QuotedOverlap());
        Assert.Equal(["ALN0410"], codes);
        Assert.Contains("overlap", messages[0]);

        Assert.Equal(["ALN0410"], Verify(Clean().Save(_folder, "two-ends.nupkg", secondEndRecord: true)).Codes);
    }

    /// <summary>'lib/outer.bin' (stored) whose data is the local header and data of 'lib/inner.dll'; both in the central directory.</summary>
    private string QuotedOverlap()
    {
        var innerName = Encoding.UTF8.GetBytes("lib/inner.dll");
        var innerData = Encoding.UTF8.GetBytes("MZ inner");
        var outerName = Encoding.UTF8.GetBytes("lib/outer.bin");
        byte[] Local(byte[] name, byte[] data) => [.. Le(0x04034b50u), .. Le((ushort)20), .. Le((ushort)0x0800), .. Le((ushort)0), .. Le(0u), .. Le(CraftedZip.Crc32(data)),
            .. Le((uint)data.Length), .. Le((uint)data.Length), .. Le((ushort)name.Length), .. Le((ushort)0), .. name, .. data];
        byte[] Central(byte[] name, byte[] data, uint offset) => [.. Le(0x02014b50u), .. Le((ushort)20), .. Le((ushort)20), .. Le((ushort)0x0800), .. Le((ushort)0), .. Le(0u),
            .. Le(CraftedZip.Crc32(data)), .. Le((uint)data.Length), .. Le((uint)data.Length), .. Le((ushort)name.Length), .. Le((ushort)0), .. Le((ushort)0), .. Le((ushort)0),
            .. Le((ushort)0), .. Le(0u), .. Le(offset), .. name];
        var quoted = Local(innerName, innerData);
        var outer = Local(outerName, quoted);
        byte[] directory = [.. Central(outerName, quoted, 0), .. Central(innerName, innerData, (uint)(30 + outerName.Length))];
        byte[] end = [.. Le(0x06054b50u), .. Le((ushort)0), .. Le((ushort)0), .. Le((ushort)2), .. Le((ushort)2), .. Le((uint)directory.Length), .. Le((uint)outer.Length), .. Le((ushort)0)];
        var path = Path.Combine(_folder, "quoted.nupkg");
        File.WriteAllBytes(path, [.. outer, .. directory, .. end]);
        return path;
    }

    private static byte[] Le(uint value) => BitConverter.GetBytes(value);

    private static byte[] Le(ushort value) => BitConverter.GetBytes(value);

    [Fact]
    public void Pack_time_attestation_refuses_a_crafted_package_instead_of_attesting_it()
    {
        var path = Clean().Add("lib/a.dll", "one").Add("LIB/A.DLL", "two").Save(_folder);
        var refused = Assert.Throws<PackageRefusedException>(() => PackageAttestationWriter.Attest(path, PackageAttestationTests.Predicate(), signer: null));
        Assert.Equal("ALN0418", Assert.Single(refused.Problems).Code.Id);
    }

    [Fact]
    public void Subjects_are_compared_with_normalised_names()
    {
        // NuGet escapes a space in a file name as %20; the subject, the entry and an extractor agree on 'read me.txt'.
        var path = Path.Combine(_folder, "escaped.nupkg");
        File.WriteAllBytes(path, Clean().Add("docs/read%20me.txt", "hello").ToBytes());
        var statement = PackageAttestationWriter.Attest(path, PackageAttestationTests.Predicate(), signer: null);
        Assert.Contains(statement.Subjects, s => s.Name == "docs/read me.txt");
        Assert.Empty(Verify(path).Codes);
    }

    private static CraftedZip Clean() => new CraftedZip()
        .Add("Contoso.Agent.nuspec", "<package><metadata><id>Contoso.Agent</id><version>1.2.3</version></metadata></package>")
        .Add("lib/net10.0/Contoso.Agent.dll", "MZ fake assembly");

    private string Attested()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, PackageAttestationTests.Predicate(), signer: null);
        Assert.Empty(Verify(package).Codes);
        return package;
    }

    private static List<(string Name, byte[] Data)> Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return [.. archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        })];
    }

    private static (List<string> Codes, List<string> Messages) Verify(string package, PackageReadLimits? limits = null)
    {
        var reporter = new BufferingReporter();
        var result = PackageVerifier.Verify(package, new PackageVerificationOptions { Limits = limits ?? new PackageReadLimits() }, reporter);
        Assert.Equal(result.Errors, reporter.Diagnostics.Select(d => d.Code));
        return ([.. result.Errors.Distinct()], [.. reporter.Diagnostics.Select(d => d.Message)]);
    }
}
