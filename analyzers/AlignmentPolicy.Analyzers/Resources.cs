using System.Resources;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers;

/// <summary>Messages live in Resources.resx under <c>{Rule}Title</c>, <c>{Rule}Message</c> and <c>{Rule}Description</c>.</summary>
internal static class Resources
{
    public static ResourceManager ResourceManager { get; } = new("AlignmentPolicy.Analyzers.Resources", typeof(Resources).Assembly);

    public static LocalizableString Get(string name) => new LocalizableResourceString(name, ResourceManager, typeof(Resources));
}
