// A Semantic Kernel plugin over Microsoft To Do, in the shape of SK's MsGraph plugins: the plugin talks to
// a connector interface, the connector to the Graph SDK's request builders.
namespace Contoso.Assistant.Tasks;

public sealed record TaskItem(string Id, string Title, bool Done);

public interface ITaskConnector
{
    Task<IReadOnlyList<TaskItem>> GetTasksAsync(string listId, CancellationToken cancellationToken = default);

    Task<TaskItem> AddTaskAsync(string listId, string title, CancellationToken cancellationToken = default);

    Task DeleteTaskAsync(string listId, string taskId, CancellationToken cancellationToken = default);
}
