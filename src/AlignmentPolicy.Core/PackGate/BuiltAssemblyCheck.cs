using System.IO;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.PackGate;

/// <summary>
/// The pack gate binds evaluation results to the SHA-256 of the built assembly; without that assembly there is
/// nothing to bind to. Reported as ALN0206 at the project, with the fix, before anything tries to hash it.
/// </summary>
public static class BuiltAssemblyCheck
{
    /// <summary>True when <paramref name="assemblyFile"/> is there; otherwise reports ALN0206 and returns false.</summary>
    public static bool Exists(string assemblyFile, string projectFile, IDiagnosticReporter reporter)
    {
        if (File.Exists(assemblyFile))
        {
            return true;
        }

        var project = Path.GetFileNameWithoutExtension(projectFile);
        reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.BuiltAssemblyMissing, BuildSeverity.Error, projectFile, 1, 1, 1, 1,
            $"The project '{DisplayText.Of(project)}' has no built assembly at '{DisplayText.Of(assemblyFile, 400)}' to check its evaluation results against. "
            + "Build it before packing with --no-build (same configuration), or pack without --no-build; if this project is not meant to produce a package, set <IsPackable>false</IsPackable> in it."));
        return false;
    }
}
