using System.Text;
using AlignmentPolicy.Core.Licensing;
using NuGet.Packaging.Licenses;

namespace AlignmentPolicy.Core.Tests.Licensing;

public class SpdxExceptionListTests
{
    private static string ResourceFile => Path.Combine(RepoPaths.Root, "src", "AlignmentPolicy.Core", "Resources", "spdx-exception-ids.txt");

    /// <summary>
    /// The shipped exception list is generated from NuGet's (NuGetLicenseData.ExceptionList), never edited
    /// by hand. Set ALIGNMENTPOLICY_UPDATE_SPDX=1 to regenerate it after a NuGet.Packaging update.
    /// </summary>
    [Fact]
    public void The_shipped_exception_list_is_NuGets_SPDX_exception_list()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("ALIGNMENTPOLICY_UPDATE_SPDX") == "1")
        {
            File.WriteAllText(ResourceFile, expected);
        }

        Assert.Equal(expected, File.ReadAllText(ResourceFile));
        Assert.Equal(NuGetLicenseData.ExceptionList.Count, SpdxExceptionList.Ids.Count());
    }

    [Theory]
    [InlineData("Classpath-exception-2.0", true)]
    [InlineData("LLVM-exception", true)]
    [InlineData("classpath-exception-2.0", false)]
    [InlineData("MIT", false)]
    public void Knows_listed_exceptions(string id, bool listed) => Assert.Equal(listed, SpdxExceptionList.Contains(id));

    private static string Render()
    {
        var builder = new StringBuilder();
        builder.Append("# SPDX licence exception ids (one per line; ' deprecated' marks deprecated ids). Generated from NuGet.Packaging's NuGetLicenseData;\n");
        builder.Append("# regenerate with: ALIGNMENTPOLICY_UPDATE_SPDX=1 dotnet test tests/AlignmentPolicy.Core.Tests --filter SpdxExceptionList\n");
        foreach (var pair in NuGetLicenseData.ExceptionList.OrderBy(p => p.Key, StringComparer.Ordinal))
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
