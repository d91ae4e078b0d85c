using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>File paths known at compile time, relative to the project (ALN0100 data files, ALN0002 oversight paths).</summary>
internal static class ConstantPaths
{
    /// <summary>
    /// A path relative to the project: a constant, or Path.Combine of constants, optionally rooted at
    /// AppContext.BaseDirectory (the output folder, where data files are copied). Null when not constant.
    /// </summary>
    public static string? Relative(IOperation operation, string? projectDirectory)
    {
        operation = Operations.Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            if (Path.IsPathRooted(constant))
            {
                if (projectDirectory is null || !constant.StartsWith(projectDirectory, StringComparison.Ordinal))
                {
                    return null;
                }

                constant = constant.Substring(projectDirectory.Length).TrimStart('/', '\\');
            }

            return constant;
        }

        if (operation is IInvocationOperation { TargetMethod: { Name: "Combine", ContainingType: { } type } } combine && type.ToDisplayString() == "System.IO.Path")
        {
            var parts = combine.Arguments.SelectMany(a => a.Value is IArrayCreationOperation { Initializer: { } init } ? init.ElementValues : ImmutableArray.Create(a.Value)).ToList();
            var pieces = new System.Collections.Generic.List<string>();
            for (var i = 0; i < parts.Count; i++)
            {
                var part = Operations.Unwrap(parts[i]);
                if (i == 0 && IsBaseDirectory(part))
                {
                    continue;
                }

                if (part.ConstantValue is not { HasValue: true, Value: string piece })
                {
                    return null;
                }

                pieces.Add(piece);
            }

            return pieces.Count == 0 ? null : string.Join("/", pieces);
        }

        return null;
    }

    private static bool IsBaseDirectory(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "BaseDirectory" } property => property.Property.ContainingType?.Name is "AppContext" or "AppDomain",
        IInvocationOperation { TargetMethod.Name: "GetCurrentDirectory" } current => current.TargetMethod.ContainingType?.Name == "Directory",
        _ => false,
    };
}
