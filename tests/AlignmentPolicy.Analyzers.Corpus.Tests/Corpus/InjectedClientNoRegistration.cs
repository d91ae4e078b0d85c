// A class library: the IChatClient comes from the host's container, which is not in this compilation.
using Microsoft.Extensions.AI;

namespace Contoso.Classification;

public sealed class TicketClassifier(IChatClient chatClient)
{
    private static readonly string[] Labels = ["billing", "outage", "how-to", "other"];

    public async Task<string> ClassifyAsync(string ticket, CancellationToken cancellationToken = default)
    {
        var response = await chatClient.GetResponseAsync<ClassificationResult>( // expect-info: ALN0001
            $"Classify this ticket as one of {string.Join(", ", Labels)}:\n{ticket}", cancellationToken: cancellationToken);
        return response.TryGetResult(out var result) && Labels.Contains(result.Label) ? result.Label : "other";
    }

    public sealed record ClassificationResult(string Label, double Confidence);
}
