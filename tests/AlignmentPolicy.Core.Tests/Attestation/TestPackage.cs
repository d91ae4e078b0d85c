using System.IO.Compression;
using System.Text;

namespace AlignmentPolicy.Core.Tests.Attestation;

/// <summary>Small .nupkg files built by hand, laid out as NuGet packs them.</summary>
internal static class TestPackage
{
    public static string Create(string folder, string id = "Contoso.Agent", string version = "1.2.3")
    {
        var path = Path.Combine(folder, $"{id}.{version}.nupkg");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(archive, "_rels/.rels", "<Relationships/>");
        Add(archive, $"{id}.nuspec", $"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{id}</id><version>{version}</version></metadata></package>");
        Add(archive, "lib/net10.0/Contoso.Agent.dll", "MZ fake assembly");
        Add(archive, "README.md", "# readme");
        Add(archive, "package/services/metadata/core-properties/abc.psmdcp", "<coreProperties/>");
        Add(archive, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" /><Default Extension=\"dll\" ContentType=\"application/octet\" /></Types>");
        return path;
    }

    public static void Add(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    public static void Edit(string path, Action<ZipArchive> edit)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        edit(archive);
    }

    public static void Replace(string path, string name, string text) => Edit(path, archive =>
    {
        archive.GetEntry(name)?.Delete();
        Add(archive, name, text);
    });

    public static string Read(string path, string name)
    {
        using var archive = ZipFile.OpenRead(path);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
