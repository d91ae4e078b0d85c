// Verdicts acted on through a helper that throws, and through pattern matching.
using AlignmentPolicy.Gates;

namespace Contoso.Secrets;

public sealed class PolicyDeniedException(PolicyVerdict verdict) : Exception(verdict.ToString());

public sealed class SecretRotation(IPolicyGate gate, string vaultFolder)
{
    public async Task RotateAsync(string secretName, CancellationToken cancellationToken)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("rotate_secret", new Dictionary<string, object?> { ["name"] = secretName }), cancellationToken);
        EnsureAllowed(verdict);
        File.WriteAllText(Path.Combine(vaultFolder, secretName), Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
    }

    public async Task<bool> RevokeAsync(string secretName, CancellationToken cancellationToken)
    {
        if (await gate.EvaluateAsync(PolicyRequest.ForToolCall("revoke_secret", null), cancellationToken) is not { Decision: PolicyDecision.Allow })
        {
            return false;
        }

        File.Delete(Path.Combine(vaultFolder, secretName));
        return true;
    }

    private static void EnsureAllowed(PolicyVerdict verdict)
    {
        if (verdict.Decision != PolicyDecision.Allow)
        {
            throw new PolicyDeniedException(verdict);
        }
    }
}
