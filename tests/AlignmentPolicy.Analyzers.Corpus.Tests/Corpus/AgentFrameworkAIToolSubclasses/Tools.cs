// The shape of goodtocode/agent-framework-quick-start's Infrastructure.AgentFramework: the application's "tools" are classes deriving
// from AITool (not AIFunction) whose [Description] methods query its own data. The function-invoking loop calls only AIFunctions, so
// nothing here is a tool the model can make this process run.
using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Contoso.Copilot.Infrastructure.Tools;

public sealed class ChatSessionsTool(IServiceProvider serviceProvider) : AITool
{
    private readonly IServiceProvider _serviceProvider = serviceProvider;

    [Description("Retrieves a list of recent chat sessions, optionally between two dates.")]
    public Task<IEnumerable<string>> ListRecentSessionsAsync(DateTime? startDate = null, DateTime? endDate = null)
    {
        _ = _serviceProvider;
        return Task.FromResult<IEnumerable<string>>(["session-1", "session-2"]);
    }
}

public sealed class ActorsTool : AITool
{
    [Description("Finds the people who took part in a chat session.")]
    public Task<IEnumerable<string>> FindActorsAsync(string sessionId) => Task.FromResult<IEnumerable<string>>([sessionId + ": user"]);
}
