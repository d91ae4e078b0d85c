using System.Text.RegularExpressions;
using AlignmentPolicy.Cli.Policy;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>The options of <c>init --org</c> as given (id and version may be left to their defaults).</summary>
internal sealed record OrganisationInitOptions(string Organisation, string? PackageId, string? Version, bool WithSuite, bool WithGates);

/// <summary><c>alignment-policy init --org &lt;Name&gt;</c>: creates the project of an organisation policy package.</summary>
internal static class OrganisationInit
{
    private static readonly Regex s_organisation = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z", RegexOptions.CultureInvariant);

    public static int Run(OrganisationInitOptions options, string? folder, bool force, TextWriter output, TextWriter error)
    {
        var organisation = options.Organisation;
        if (!s_organisation.IsMatch(organisation))
        {
            error.WriteLine($"alignment-policy init: --org \"{organisation}\" must be a name that can start a .NET namespace and a package id, e.g. Contoso.");
            return CliApplication.UsageError;
        }

        var packageId = options.PackageId ?? organisation + ".AlignmentPolicy";
        var version = options.Version ?? "1.0.0";
        if (BaseReference.TryParse($"{BaseReference.NuGetPrefix}{packageId}@{version}", out var problem) is null)
        {
            error.WriteLine($"alignment-policy init: \"{packageId}\" {version} cannot be extended: {problem}.");
            return CliApplication.UsageError;
        }

        var root = Path.GetFullPath(folder ?? packageId);
        var project = Path.Combine(root, packageId + ".csproj");
        if (File.Exists(project) && !force)
        {
            error.WriteLine($"{project} already exists; use --force to replace the package project.");
            return CliApplication.Failed;
        }

        foreach (var (relativePath, content) in OrganisationPackageTemplate.Files(new OrganisationPackageOptions(organisation, packageId, version, options.WithSuite, options.WithGates)))
        {
            var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            GeneratedFile.WriteIfChanged(path, content);
            output.WriteLine($"Wrote {path}");
        }

        output.WriteLine($"Edit {AlignmentPolicyDocument.FileName}, check it with 'alignment-policy check {Path.Combine(root, AlignmentPolicyDocument.FileName)}', then 'dotnet pack {project}' and push the package to your feed.");
        output.WriteLine($"Repositories extend it with 'alignment-policy init --extends nuget:{packageId}@{version}' and a PackageReference to {packageId} (README.md).");
        return CliApplication.Success;
    }
}
