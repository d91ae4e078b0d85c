// A memory layer over a vector store collection.
using Microsoft.Extensions.VectorData;

namespace Contoso.Memory;

public sealed class MemoryRecord
{
    [VectorStoreKey]
    public Guid Id { get; set; }

    [VectorStoreData]
    public string Text { get; set; } = "";

    [VectorStoreVector(1536)]
    public ReadOnlyMemory<float> Embedding { get; set; }
}

public sealed class MemoryStore(VectorStoreCollection<Guid, MemoryRecord> collection)
{
    public Task SaveAsync(string text, ReadOnlyMemory<float> embedding)
        => collection.UpsertAsync(new MemoryRecord { Id = Guid.NewGuid(), Text = text, Embedding = embedding });

    public Task ForgetAsync(Guid id) => collection.DeleteAsync(id);

    public async Task<string?> GetAsync(Guid id) => (await collection.GetAsync(id))?.Text;
}
