// A file-based app: tools are local functions of the top-level program.
using System.ComponentModel;
using Microsoft.Extensions.AI;
using OpenAI;

IChatClient client = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"))
    .GetChatClient("gpt-4o-mini")
    .AsIChatClient()
    .AsBuilder()
    .UseFunctionInvocation() // expect: ALN0005
    .Build();

var notesFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "notes");

var options = new ChatOptions
{
    Tools =
    [
        AIFunctionFactory.Create(ListNotes),
        AIFunctionFactory.Create(ReadNote),
        AIFunctionFactory.Create(SaveNote), // expect: ALN0002
    ],
};

List<ChatMessage> history = [new(ChatRole.System, "You keep the user's notes.")];
while (Console.ReadLine() is { Length: > 0 } line)
{
    history.Add(new ChatMessage(ChatRole.User, line));
    var response = await client.GetResponseAsync(history, options); // expect: ALN0001
    history.AddMessages(response);
    Console.WriteLine(response.Text);
}

[Description("Lists the titles of the saved notes.")]
string[] ListNotes() => Directory.Exists(notesFolder) ? Directory.GetFiles(notesFolder).Select(Path.GetFileNameWithoutExtension).ToArray()! : [];

[Description("Reads a note.")]
string ReadNote(string title) => File.ReadAllText(Path.Combine(notesFolder, title + ".md"));

[Description("Saves a note, replacing one with the same title.")]
string SaveNote(string title, string text)
{
    Directory.CreateDirectory(notesFolder);
    File.WriteAllText(Path.Combine(notesFolder, title + ".md"), text);
    return "saved";
}
