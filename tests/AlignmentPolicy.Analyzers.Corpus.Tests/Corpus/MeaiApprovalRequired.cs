// Approval style: the side-effecting tool is wrapped in ApprovalRequiredAIFunction; a second one was forgotten.
using Microsoft.Extensions.AI;

namespace Contoso.Crm.Cleanup;

public sealed class CrmCleanupAgent
{
    private readonly IChatClient _client;
    private readonly string _exportFolder;

    public CrmCleanupAgent(IChatClient model, string exportFolder)
    {
        _client = new ChatClientBuilder(model)
            .UseFunctionInvocation() // expect: ALN0005
            .Build();
        _exportFolder = exportFolder;
    }

    public async Task<ChatResponse> RunAsync(IList<ChatMessage> messages)
    {
        var options = new ChatOptions
        {
            Tools =
            [
                new ApprovalRequiredAIFunction(AIFunctionFactory.Create(DeleteDuplicateContacts)),
                AIFunctionFactory.Create(ExportContacts), // expect: ALN0002
                AIFunctionFactory.Create(FindDuplicates),
            ],
        };
        return await _client.GetResponseAsync(messages, options); // expect-info: ALN0001
    }

    private string FindDuplicates(string company) => $"{company}: 3 duplicate contacts";

    private string DeleteDuplicateContacts(string company)
    {
        foreach (var file in Directory.GetFiles(_exportFolder, company + "*.dup"))
        {
            File.Delete(file);
        }

        return "deleted";
    }

    private string ExportContacts(string company, string csv)
    {
        var path = Path.Combine(_exportFolder, company + ".csv");
        using var writer = new StreamWriter(path);
        writer.Write(csv);
        return path;
    }
}
