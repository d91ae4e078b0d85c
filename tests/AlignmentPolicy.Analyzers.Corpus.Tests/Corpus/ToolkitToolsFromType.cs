// Tools made from a whole type by a third-party tool factory (rwjdk/MicrosoftAgentFrameworkSamples
// src/AgentFrameworkToolkit.EasierTools/Program.cs and After/FileSystemToolsAfter.cs): AgentFrameworkToolkit's
// aiToolsFactory.GetTools(typeof(FileSystemToolsAfter)) makes a tool of every [AITool] method, some of which create and
// delete files; the tools go to an agent with no gate. A type of read-only tools made the same way is not reported.
using AgentFrameworkToolkit.Tools;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentFrameworkToolkit.Tools
{
    // The package is not restored here; its tool attribute and factory as the package declares them.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class AIToolAttribute(string name, string description) : Attribute
    {
        public string Name { get; } = name;

        public string Description { get; } = description;
    }

    public sealed class AIToolsFactory
    {
        public IList<AITool> GetTools(Type type) => throw new NotSupportedException();

        public IList<AITool> GetTools(object instance) => throw new NotSupportedException();
    }
}

namespace AgentFrameworkToolkit.EasierTools
{
    public class FileSystemToolsAfter
    {
        public string RootFolder { get; set; } = Path.Combine(Path.GetTempPath(), "ToolCallingExample");

        [AITool("get_root_folder", "Get the root folder to work in")]
        public string GetRootFolder() => RootFolder;

        [AITool("create_file", "Create a new file")]
        public void CreateFile(string filePath, string content) => File.WriteAllText(filePath, content);

        [AITool("delete_file", "Delete a File")]
        public void DeleteFile(string filePath) => File.Delete(filePath);
    }

    public class FolderListingTools
    {
        [AITool("get_files", "Get Files in a Folder")]
        public string[] GetFiles(string folderPath) => Directory.GetFiles(folderPath);
    }

    public static class Program
    {
        public static async Task RunAsync(string apiKey)
        {
            IChatClient model = new OpenAI.Chat.ChatClient("gpt-4o-mini", apiKey).AsIChatClient();
            AIToolsFactory aiToolsFactory = new();
            IList<AITool> tools = aiToolsFactory.GetTools(typeof(FileSystemToolsAfter)); // expect: ALN0002

            FileSystemToolsAfter instance = new();
            tools = aiToolsFactory.GetTools(instance); // expect: ALN0002

            IList<AITool> listing = aiToolsFactory.GetTools(typeof(FolderListingTools));

            AIAgent agent = model.AsAIAgent(instructions: "You are a File Expert.", tools: [.. tools, .. listing]); // expect: ALN0005
            Console.WriteLine(await agent.RunAsync("Create 10 files with random fruit names")); // expect: ALN0001
        }
    }
}
