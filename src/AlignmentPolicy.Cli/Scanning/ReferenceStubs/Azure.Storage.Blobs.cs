// Reference stub (compiled by the scan, never run): Azure Blob Storage clients (Azure.Storage.Blobs), which the package mirror does
// not serve. A tool that uploads or deletes a blob writes to storage; without this stub the calls do not bind and ALN0002 cannot see
// them. Only the surface agent code calls is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs.Models;

namespace Azure.Storage.Blobs
{
    public class BlobClientOptions : ClientOptions { }

    public class BlobServiceClient
    {
        protected BlobServiceClient() { }
        public BlobServiceClient(string connectionString) { }
        public BlobServiceClient(string connectionString, BlobClientOptions? options) { }
        public BlobServiceClient(Uri serviceUri, BlobClientOptions? options = null) { }
        public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual Uri Uri => throw null!;
        public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) => throw null!;
        public virtual Response<BlobContainerClient> CreateBlobContainer(string blobContainerName, PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContainerClient>> CreateBlobContainerAsync(string blobContainerName, PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response DeleteBlobContainer(string blobContainerName, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DeleteBlobContainerAsync(string blobContainerName, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Pageable<BlobContainerItem> GetBlobContainers(CancellationToken cancellationToken = default) => throw null!;
        public virtual AsyncPageable<BlobContainerItem> GetBlobContainersAsync(CancellationToken cancellationToken = default) => throw null!;
    }

    public class BlobContainerClient
    {
        protected BlobContainerClient() { }
        public BlobContainerClient(string connectionString, string blobContainerName) { }
        public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options) { }
        public BlobContainerClient(Uri blobContainerUri, BlobClientOptions? options = null) { }
        public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual Uri Uri => throw null!;
        public virtual string Name => throw null!;
        public virtual BlobClient GetBlobClient(string blobName) => throw null!;
        public virtual Response<bool> Exists(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Pageable<BlobItem> GetBlobs(BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string? prefix = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string? prefix = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContainerInfo> CreateIfNotExists(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContainerInfo>> CreateIfNotExistsAsync(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContainerInfo> Create(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContainerInfo>> CreateAsync(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response Delete(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DeleteAsync(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<bool> DeleteIfExists(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<bool>> DeleteIfExistsAsync(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> UploadBlob(string blobName, Stream content, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> UploadBlob(string blobName, BinaryData content, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadBlobAsync(string blobName, Stream content, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadBlobAsync(string blobName, BinaryData content, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response DeleteBlob(string blobName, DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DeleteBlobAsync(string blobName, DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<bool> DeleteBlobIfExists(string blobName, DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<bool>> DeleteBlobIfExistsAsync(string blobName, DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public class BlobClient : Specialized.BlobBaseClient
    {
        protected BlobClient() { }
        public BlobClient(string connectionString, string blobContainerName, string blobName) { }
        public BlobClient(Uri blobUri, BlobClientOptions? options = null) { }
        public BlobClient(Uri blobUri, TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual Response<BlobContentInfo> Upload(Stream content) => throw null!;
        public virtual Response<BlobContentInfo> Upload(BinaryData content) => throw null!;
        public virtual Response<BlobContentInfo> Upload(string path) => throw null!;
        public virtual Response<BlobContentInfo> Upload(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> Upload(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> Upload(string path, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> Upload(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobContentInfo> Upload(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(string path) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, CancellationToken cancellationToken) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, CancellationToken cancellationToken) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(string path, bool overwrite = false, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Azure.Storage.Blobs.Specialized
{
    public class BlobBaseClient
    {
        protected BlobBaseClient() { }
        public virtual Uri Uri => throw null!;
        public virtual string Name => throw null!;
        public virtual string BlobContainerName => throw null!;
        public virtual Response<bool> Exists(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobDownloadResult> DownloadContent(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Response DownloadTo(Stream destination, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response DownloadTo(string path, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DownloadToAsync(Stream destination, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DownloadToAsync(string path, CancellationToken cancellationToken = default) => throw null!;
        public virtual Stream OpenRead(long position = 0, int? bufferSize = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Stream> OpenReadAsync(long position = 0, int? bufferSize = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobProperties> GetProperties(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobProperties>> GetPropertiesAsync(object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response Delete(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response> DeleteAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<bool> DeleteIfExists(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<bool>> DeleteIfExistsAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Response<BlobInfo> SetMetadata(IDictionary<string, string> metadata, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<Response<BlobInfo>> SetMetadataAsync(IDictionary<string, string> metadata, object? conditions = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Uri GenerateSasUri(object permissions, DateTimeOffset expiresOn) => throw null!;
    }
}

namespace Azure.Storage.Blobs.Models
{
    public enum PublicAccessType { None, BlobContainer, Blob }
    public enum DeleteSnapshotsOption { None, IncludeSnapshots, OnlySnapshots }
    [Flags] public enum BlobTraits { None = 0, CopyStatus = 1, Metadata = 2, Tags = 4 }
    [Flags] public enum BlobStates { None = 0, Snapshots = 1, Uncommitted = 2, Deleted = 4 }
    public class BlobItem { public string Name => throw null!; public BlobItemProperties Properties => throw null!; public IDictionary<string, string> Metadata => throw null!; }
    public class BlobItemProperties { public DateTimeOffset? LastModified => throw null!; public long? ContentLength => throw null!; public string ContentType => throw null!; }
    public class BlobContainerItem { public string Name => throw null!; }
    public class BlobContainerInfo { }
    public class BlobContentInfo { public ETag ETag => throw null!; }
    public class BlobInfo { }
    public class BlobProperties { public long ContentLength => throw null!; public string ContentType => throw null!; public IDictionary<string, string> Metadata => throw null!; }
    public class BlobDownloadResult { public BinaryData Content => throw null!; public BlobDownloadDetails Details => throw null!; }
    public class BlobDownloadDetails { public string ContentType => throw null!; }
    public class BlobHttpHeaders { public string? ContentType { get; set; } }
    public class BlobUploadOptions { public BlobHttpHeaders? HttpHeaders { get; set; } public IDictionary<string, string>? Metadata { get; set; } }
}
