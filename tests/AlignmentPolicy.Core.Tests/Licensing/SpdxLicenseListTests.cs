using System.Text;
using AlignmentPolicy.Core.Licensing;
using NuGet.Packaging.Licenses;

namespace AlignmentPolicy.Core.Tests.Licensing;

public class SpdxLicenseListTests
{
    private static string ResourceFile => Path.Combine(RepoPaths.Root, "src", "AlignmentPolicy.Core", "Resources", "spdx-license-ids.txt");

    /// <summary>
    /// The shipped list is generated from NuGet's (NuGetLicenseData), never edited by hand. Set
    /// ALIGNMENTPOLICY_UPDATE_SPDX=1 to regenerate it after a NuGet.Packaging update.
    /// </summary>
    [Fact]
    public void The_shipped_list_is_NuGets_SPDX_list()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("ALIGNMENTPOLICY_UPDATE_SPDX") == "1")
        {
            File.WriteAllText(ResourceFile, expected);
        }

        Assert.Equal(expected, File.ReadAllText(ResourceFile));
        Assert.Equal(NuGetLicenseData.LicenseList.Count, SpdxLicenseList.Ids.Count());
    }

    [Theory]
    [InlineData("MIT", true, false)]
    [InlineData("Apache-2.0", true, false)]
    [InlineData("CC-BY-4.0", true, false)]
    [InlineData("GPL-2.0", true, true)]
    [InlineData("mit", false, false)]
    [InlineData("Apache 2.0", false, false)]
    public void Knows_listed_and_deprecated_ids(string id, bool listed, bool deprecated)
    {
        Assert.Equal(listed, SpdxLicenseList.TryGet(id, out var entry));
        Assert.Equal(deprecated, listed && entry.IsDeprecated);
    }

    private static string Render()
    {
        var builder = new StringBuilder();
        builder.Append("# SPDX licence ids (one per line; ' deprecated' marks deprecated ids). Generated from NuGet.Packaging's NuGetLicenseData;\n");
        builder.Append("# regenerate with: ALIGNMENTPOLICY_UPDATE_SPDX=1 dotnet test tests/AlignmentPolicy.Core.Tests --filter SpdxLicenseList\n");
        foreach (var pair in NuGetLicenseData.LicenseList.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(pair.Key);
            if (pair.Value.IsDeprecatedLicenseId)
            {
                builder.Append(" deprecated");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
