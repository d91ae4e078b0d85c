using System.IO;
using System.Text;

namespace AlignmentPolicy.Core.Policy;

/// <summary>Writes generated files only when their content changes, so that incremental builds stay incremental.</summary>
public static class GeneratedFile
{
    /// <summary>Writes <paramref name="content"/> unless the file already holds exactly it; returns true when written.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        using var step = Diagnostics.WorkStep.Begin("writing", path);
        var bytes = new UTF8Encoding(false).GetBytes(content);
        if (File.Exists(path))
        {
            var existing = FileSystem.RegularFile.ReadAllBytes(path);
            if (existing.Length == bytes.Length && System.Linq.Enumerable.SequenceEqual(existing, bytes))
            {
                return false;
            }
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write beside and move, so a reader never sees half a file.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temporary, path);
        return true;
    }
}
