using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Contoso.Memory;

public sealed class MemoryTools(MemoryStore store, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    [Description("Stores a fact about the user for future conversations.")]
    public async Task<string> Remember(string fact)
    {
        var vector = await embeddings.GenerateVectorAsync(fact);
        await store.SaveAsync(fact, vector);
        return "ok";
    }

    [Description("Forgets a stored fact.")]
    public async Task<string> Forget(Guid id)
    {
        await store.ForgetAsync(id);
        return "forgotten";
    }

    [Description("Reads a stored fact.")]
    public async Task<string> Lookup(Guid id) => await store.GetAsync(id) ?? "unknown";

    public IEnumerable<AITool> AsTools() =>
    [
        AIFunctionFactory.Create(Remember), // expect: ALN0002
        AIFunctionFactory.Create(Forget), // expect: ALN0002
        AIFunctionFactory.Create(Lookup),
    ];
}
