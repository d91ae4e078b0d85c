using System.Security.Cryptography;
using System.Text;

namespace AlignmentPolicy.Core.Tests.Provenance;

/// <summary>A project folder in a temporary directory, with data files and a manifest.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Root = System.IO.Directory.CreateTempSubdirectory("ap-prov-").FullName;
        Directory = System.IO.Path.Combine(Root, "SupportAgent");
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Holds the project folder and whatever sits beside it (for escape tests).</summary>
    public string Root { get; }

    public string Directory { get; }

    public string ManifestPath => Path("datasets.provenance.json");

    public string Path(string relative) => System.IO.Path.Combine(Directory, relative);

    public string Write(string relative, string content)
    {
        var full = Path(relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteManifest(string text) => Write("datasets.provenance.json", text);

    public static string Sha(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
