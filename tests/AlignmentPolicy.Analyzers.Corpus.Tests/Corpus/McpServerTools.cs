// An MCP server: tools are invoked by whatever model the client connects.
using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Contoso.Mcp.Notes;

[McpServerToolType]
public static class NoteTools
{
    private static readonly string Root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "notes");

    [McpServerTool, Description("Reads a note.")]
    public static string ReadNote(string name) => File.ReadAllText(Path.Combine(Root, name + ".md"));

    [McpServerTool, Description("Saves a note, replacing any note with that name.")]
    public static string SaveNote(string name, string markdown) // expect: ALN0002
    {
        NoteStore.Write(Path.Combine(Root, name + ".md"), markdown);
        return "saved";
    }

    [McpServerTool(Name = "publish"), Description("Publishes the notes site.")]
    public static string Publish() => "Publishing is disabled in this build.";

    [McpServerTool, Description("Deletes a note.")]
    public static string DeleteNote(string name) // expect: ALN0002
    {
        File.Delete(Path.Combine(Root, name + ".md"));
        return "deleted";
    }
}

internal static class NoteStore
{
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
