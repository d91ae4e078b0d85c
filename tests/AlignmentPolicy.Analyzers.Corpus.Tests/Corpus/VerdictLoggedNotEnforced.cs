// The verdict is looked at, but only logged: the action runs whatever it says.
using AlignmentPolicy.Gates;

namespace Contoso.Publishing;

public sealed class Publisher(IPolicyGate gate, HttpClient cms)
{
    public async Task PublishAsync(string slug, string html, CancellationToken cancellationToken)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("publish", new Dictionary<string, object?> { ["slug"] = slug }), cancellationToken); // expect: ALN0004
        if (verdict.Decision == PolicyDecision.Deny)
        {
            Console.Error.WriteLine($"policy denied publishing {slug}: {verdict}");
        }

        using var body = new StringContent(html);
        await cms.PutAsync($"/pages/{slug}", body, cancellationToken);
    }

    public async Task UnpublishAsync(string slug, CancellationToken cancellationToken)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("unpublish", null), cancellationToken);
        if (verdict.Decision == PolicyDecision.Deny)
        {
            Console.Error.WriteLine($"policy denied unpublishing {slug}: {verdict}");
            return;
        }

        if (verdict.Decision == PolicyDecision.Escalate)
        {
            throw new InvalidOperationException("Unpublishing needs a reviewer.");
        }

        await cms.DeleteAsync($"/pages/{slug}", cancellationToken);
    }
}
