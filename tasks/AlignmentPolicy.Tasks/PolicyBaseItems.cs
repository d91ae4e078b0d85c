using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Policy.Inheritance;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks;

/// <summary>Reads the <c>AlignmentPolicyBase</c> items that organisation policy packages' props add.</summary>
internal static class PolicyBaseItems
{
    /// <summary>One package per item: the item is its policy file, with <c>PackageId</c> and <c>PackageVersion</c> metadata.</summary>
    public static IReadOnlyList<RestoredPolicyPackage> Read(ITaskItem[]? items)
        => (items ?? new ITaskItem[0])
            .Select(item => new RestoredPolicyPackage(item.GetMetadata("PackageId"), item.GetMetadata("PackageVersion"), item.GetMetadata("FullPath")))
            .ToList();
}
