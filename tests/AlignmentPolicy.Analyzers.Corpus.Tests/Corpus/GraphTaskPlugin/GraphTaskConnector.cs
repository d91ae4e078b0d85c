using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Contoso.Assistant.Tasks;

public sealed class GraphTaskConnector(GraphServiceClient graph) : ITaskConnector
{
    public async Task<IReadOnlyList<TaskItem>> GetTasksAsync(string listId, CancellationToken cancellationToken = default)
    {
        var page = await graph.Me.Todo.Lists[listId].Tasks.GetAsync(cancellationToken: cancellationToken);
        return page?.Value?.Select(t => new TaskItem(t.Id ?? "", t.Title ?? "", t.Status == Microsoft.Graph.Models.TaskStatus.Completed)).ToList() ?? [];
    }

    public async Task<TaskItem> AddTaskAsync(string listId, string title, CancellationToken cancellationToken = default)
    {
        var created = await graph.Me.Todo.Lists[listId].Tasks.PostAsync(new TodoTask { Title = title }, cancellationToken: cancellationToken);
        return new TaskItem(created?.Id ?? "", title, false);
    }

    public Task DeleteTaskAsync(string listId, string taskId, CancellationToken cancellationToken = default)
        => graph.Me.Todo.Lists[listId].Tasks[taskId].DeleteAsync(cancellationToken: cancellationToken);
}
