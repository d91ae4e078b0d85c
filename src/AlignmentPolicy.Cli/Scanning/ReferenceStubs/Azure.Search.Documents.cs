// Reference stub (compiled by the scan, never run): Azure AI Search (Azure.Search.Documents), which the package mirror does not serve.
// A tool that uploads, merges or deletes documents writes to a search index (vector store); without this stub the calls do not bind and
// ALN0002 cannot see them. Only the surface agent code calls is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Search.Documents.Models;

namespace Azure.Search.Documents
{
    public class SearchClientOptions : Azure.Core.ClientOptions { }

    public class SearchOptions
    {
        public string? Filter { get; set; }
        public int? Size { get; set; }
        public int? Skip { get; set; }
        public bool? IncludeTotalCount { get; set; }
        public IList<string> Select => throw null!;
        public IList<string> OrderBy => throw null!;
        public IList<string> SearchFields => throw null!;
    }

    public class IndexDocumentsOptions { public bool ThrowOnAnyError { get; set; } }

    public class SearchClient
    {
        protected SearchClient() { }
        public SearchClient(Uri endpoint, string indexName, AzureKeyCredential credential) { }
        public SearchClient(Uri endpoint, string indexName, Azure.Core.TokenCredential tokenCredential) { }
        public SearchClient(Uri endpoint, string indexName, AzureKeyCredential credential, SearchClientOptions options) { }
        public SearchClient(Uri endpoint, string indexName, Azure.Core.TokenCredential tokenCredential, SearchClientOptions options) { }
        public virtual string IndexName => throw null!;
        public virtual Uri Endpoint => throw null!;
        public virtual Response<SearchResults<T>> Search<T>(string searchText, SearchOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<SearchResults<T>>> SearchAsync<T>(string searchText, SearchOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<SearchResults<T>>> SearchAsync<T>(SearchOptions options, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<T> GetDocument<T>(string key, object? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<T>> GetDocumentAsync<T>(string key, object? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<long> GetDocumentCount(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<long>> GetDocumentCountAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> UploadDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> UploadDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> MergeDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> MergeDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> MergeOrUploadDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> MergeOrUploadDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> DeleteDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> DeleteDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> DeleteDocuments(string keyName, IEnumerable<string> keyValues, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> DeleteDocumentsAsync(string keyName, IEnumerable<string> keyValues, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<IndexDocumentsResult> IndexDocuments<T>(IndexDocumentsBatch<T> batch, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<IndexDocumentsResult>> IndexDocumentsAsync<T>(IndexDocumentsBatch<T> batch, IndexDocumentsOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Azure.Search.Documents.Models
{
    public class SearchResults<T>
    {
        public long? TotalCount => throw null!;
        public Pageable<SearchResult<T>> GetResults() => throw null!;
        public AsyncPageable<SearchResult<T>> GetResultsAsync() => throw null!;
    }

    public class SearchResult<T>
    {
        public double? Score => throw null!;
        public T Document => throw null!;
    }

    public class IndexDocumentsResult { public IReadOnlyList<IndexingResult> Results => throw null!; }
    public class IndexingResult { public string Key => throw null!; public bool Succeeded => throw null!; }

    public class IndexDocumentsBatch<T>
    {
        public IList<IndexDocumentsAction<T>> Actions => throw null!;
    }

    public static class IndexDocumentsBatch
    {
        public static IndexDocumentsBatch<T> Create<T>(params IndexDocumentsAction<T>[] actions) => throw null!;
        public static IndexDocumentsBatch<T> Upload<T>(IEnumerable<T> documents) => throw null!;
        public static IndexDocumentsBatch<T> MergeOrUpload<T>(IEnumerable<T> documents) => throw null!;
        public static IndexDocumentsBatch<T> Delete<T>(IEnumerable<T> documents) => throw null!;
    }

    public class IndexDocumentsAction<T> { }

    public static class IndexDocumentsAction
    {
        public static IndexDocumentsAction<T> Upload<T>(T document) => throw null!;
        public static IndexDocumentsAction<T> Merge<T>(T document) => throw null!;
        public static IndexDocumentsAction<T> MergeOrUpload<T>(T document) => throw null!;
        public static IndexDocumentsAction<T> Delete<T>(T document) => throw null!;
    }
}
