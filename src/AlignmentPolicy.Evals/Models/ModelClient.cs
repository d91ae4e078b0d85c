using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>The model the harness talks to: one provider's pipeline (<see cref="ModelFactory"/>), its statistics, and the
/// HTTP transport it owns and disposes.</summary>
internal sealed class ModelClient(IChatClient pipeline, ModelStatistics statistics, IDisposable transport) : DelegatingChatClient(pipeline)
{
    public override object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(IModelStatistics) ? statistics : base.GetService(serviceType, serviceKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            transport.Dispose();
        }
    }
}
