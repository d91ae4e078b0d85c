using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Assistant.Tasks;

public sealed class TaskListPlugin(ITaskConnector connector)
{
    private const string DefaultList = "Tasks";

    [KernelFunction, Description("Lists the user's open tasks.")]
    public async Task<string> GetOpenTasksAsync()
        => string.Join("\n", (await connector.GetTasksAsync(DefaultList)).Where(t => !t.Done).Select(t => $"{t.Id}: {t.Title}"));

    [KernelFunction, Description("Adds a task to the user's list.")]
    public async Task<string> AddTaskAsync(string title) // expect: ALN0002
        => (await connector.AddTaskAsync(DefaultList, title)).Id;

    [KernelFunction, Description("Deletes a task.")]
    public Task DeleteTaskAsync(string taskId) => connector.DeleteTaskAsync(DefaultList, taskId); // expect: ALN0002
}
