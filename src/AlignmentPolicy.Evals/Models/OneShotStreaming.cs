using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>Streaming for the offline models, which answer in one piece: the whole response as its updates.</summary>
internal static class OneShotStreaming
{
    public static async IAsyncEnumerable<ChatResponseUpdate> Updates(Task<ChatResponse> response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var complete = await response.ConfigureAwait(false);
        foreach (var update in complete.ToChatResponseUpdates())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }
}
