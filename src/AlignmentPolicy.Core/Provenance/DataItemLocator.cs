using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Finds where an MSBuild item was declared: the element of the defining project whose <c>Include</c>
/// (a path or a glob) produced the file. MSBuild gives tasks the defining project but not the line.
/// </summary>
internal static class DataItemLocator
{
    public static (int Line, int Column) Find(string projectFile, string itemFullPath)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            return (1, 1);
        }

        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var relative = itemFullPath.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase) && itemFullPath.Length > projectDirectory.Length
            ? itemFullPath.Substring(projectDirectory.Length + 1).Replace('\\', '/')
            : itemFullPath.Replace('\\', '/');
        foreach (var element in document.Descendants())
        {
            var include = element.Attribute("Include") ?? element.Attribute("Update");
            if (include is null || element.Parent?.Name.LocalName != "ItemGroup")
            {
                continue;
            }

            foreach (var raw in include.Value.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0 && p.IndexOf("$(", StringComparison.Ordinal) < 0 && p.IndexOf("@(", StringComparison.Ordinal) < 0))
            {
                var pattern = raw.Replace('\\', '/');
                if (pattern.StartsWith("./", StringComparison.Ordinal))
                {
                    pattern = pattern.Substring(2);
                }

                var matches = pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0
                    ? PathPattern.Check(pattern) is null && PathPattern.Create(pattern).IsMatch(relative)
                    : string.Equals(pattern, relative, StringComparison.OrdinalIgnoreCase);
                if (matches)
                {
                    var info = (IXmlLineInfo)element;
                    return info.HasLineInfo() ? (info.LineNumber, info.LinePosition - 1) : (1, 1);
                }
            }
        }

        return (1, 1);
    }
}
