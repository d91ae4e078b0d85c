using System.ComponentModel;
using System.Data.Common;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Hr;

public sealed class HrChat(Kernel kernel, IChatCompletionService chat)
{
    public async Task<string> AskAsync(ChatHistory history)
    {
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}

public sealed class LeavePlugin
{
    public static DbConnection? Connection { get; set; }

    [KernelFunction, Description("Gets the remaining leave days of an employee.")]
    public int RemainingDays(string employeeId) => employeeId.Length;

    [KernelFunction, Description("Books leave for an employee.")]
    public string BookLeave(string employeeId, DateOnly from, DateOnly to) // expect: ALN0002
    {
        using var command = Connection!.CreateCommand();
        command.CommandText = $"INSERT INTO Leave VALUES ('{employeeId}', '{from:O}', '{to:O}')";
        command.ExecuteNonQuery();
        return "booked";
    }
}
