// Reference stub (compiled by the scan, never run): the Azure Cosmos DB client (package Microsoft.Azure.Cosmos), which the package
// mirror does not serve. A tool that creates, upserts, replaces, patches or deletes an item writes to a database; without this stub
// the calls do not bind and ALN0002 cannot see them. Only the surface agent code calls is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.Cosmos
{
    public class CosmosClientOptions { public string? ApplicationName { get; set; } public ConnectionMode ConnectionMode { get; set; } }
    public enum ConnectionMode { Gateway, Direct }

    public class CosmosClient : IDisposable
    {
        protected CosmosClient() { }
        public CosmosClient(string connectionString, CosmosClientOptions? clientOptions = null) { }
        public CosmosClient(string accountEndpoint, string authKeyOrResourceToken, CosmosClientOptions? clientOptions = null) { }
        public CosmosClient(string accountEndpoint, global::Azure.Core.TokenCredential tokenCredential, CosmosClientOptions? clientOptions = null) { }
        public virtual Database GetDatabase(string id) => throw null!;
        public virtual Container GetContainer(string databaseId, string containerId) => throw null!;
        public virtual Task<DatabaseResponse> CreateDatabaseIfNotExistsAsync(string id, int? throughput = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw null!;
        public void Dispose() { }
    }

    public abstract class Database
    {
        public abstract string Id { get; }
        public abstract Container GetContainer(string id);
        public abstract Task<ContainerResponse> CreateContainerIfNotExistsAsync(string id, string partitionKeyPath, int? throughput = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
    }

    public abstract class Container
    {
        public abstract string Id { get; }
        public abstract Task<ItemResponse<T>> ReadItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract Task<ItemResponse<T>> CreateItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract Task<ItemResponse<T>> UpsertItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract Task<ItemResponse<T>> ReplaceItemAsync<T>(T item, string id, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract Task<ItemResponse<T>> DeleteItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract Task<ItemResponse<T>> PatchItemAsync<T>(string id, PartitionKey partitionKey, IReadOnlyList<PatchOperation> patchOperations, PatchItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
        public abstract FeedIterator<T> GetItemQueryIterator<T>(string? queryText = null, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract FeedIterator<T> GetItemQueryIterator<T>(QueryDefinition queryDefinition, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract System.Linq.IOrderedQueryable<T> GetItemLinqQueryable<T>(bool allowSynchronousQueryExecution = false, string? continuationToken = null, QueryRequestOptions? requestOptions = null, object? linqSerializerOptions = null);
    }

    public readonly struct PartitionKey
    {
        public PartitionKey(string? partitionKeyValue) { }
        public PartitionKey(double partitionKeyValue) { }
        public PartitionKey(bool partitionKeyValue) { }
        public static readonly PartitionKey None = default;
    }

    public abstract class PatchOperation
    {
        public static PatchOperation Add<T>(string path, T value) => throw null!;
        public static PatchOperation Set<T>(string path, T value) => throw null!;
        public static PatchOperation Replace<T>(string path, T value) => throw null!;
        public static PatchOperation Remove(string path) => throw null!;
        public static PatchOperation Increment(string path, long value) => throw null!;
    }

    public class QueryDefinition
    {
        public QueryDefinition(string query) { }
        public QueryDefinition WithParameter(string name, object value) => throw null!;
    }

    public abstract class FeedIterator<T> : IDisposable
    {
        public abstract bool HasMoreResults { get; }
        public abstract Task<FeedResponse<T>> ReadNextAsync(CancellationToken cancellationToken = default);
        public void Dispose() { }
    }

    public abstract class FeedResponse<T> : IEnumerable<T>
    {
        public abstract int Count { get; }
        public abstract IEnumerator<T> GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public class RequestOptions { }
    public class ItemRequestOptions : RequestOptions { }
    public class PatchItemRequestOptions : ItemRequestOptions { }
    public class QueryRequestOptions : RequestOptions { public PartitionKey? PartitionKey { get; set; } public int? MaxItemCount { get; set; } }
    public class ItemResponse<T> { public virtual T Resource => throw null!; public virtual System.Net.HttpStatusCode StatusCode => throw null!; public static implicit operator T(ItemResponse<T> response) => throw null!; }
    public class DatabaseResponse { public virtual Database Database => throw null!; public static implicit operator Database(DatabaseResponse response) => throw null!; }
    public class ContainerResponse { public virtual Container Container => throw null!; public static implicit operator Container(ContainerResponse response) => throw null!; }
}

namespace Microsoft.Azure.Cosmos.Linq
{
    public static class CosmosLinqExtensions
    {
        public static FeedIterator<T> ToFeedIterator<T>(this System.Linq.IQueryable<T> query) => throw null!;
    }
}
