// A tool that writes through a storage repository interface whose implementation uploads a blob (the shape of
// jonathandbailey/aspire-agent-framework-ddd's AzureStorageRepository behind IAzureStorageRepository), next to a tool that only
// reads, and a store helper that makes sure its folder exists before reading (rwjdk BuildYouOwnVectorStore's FolderHelper).
using System.ComponentModel;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Azure.Storage.Blobs
{
    // Azure.Storage.Blobs is not restored in this corpus: the members used here, as the package declares them.
    public class BlobServiceClient
    {
        public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) => new();
    }

    public class BlobContainerClient
    {
        public virtual BlobClient GetBlobClient(string blobName) => new();
    }

    public class BlobClient : Specialized.BlobBaseClient
    {
        public virtual Task UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace Azure.Storage.Blobs.Specialized
{
    public class BlobBaseClient
    {
        public virtual Task<BinaryData> DownloadContentAsync(CancellationToken cancellationToken = default) => Task.FromResult(BinaryData.FromString(""));
    }
}

namespace Azure.Storage.Blobs.Models
{
    public class BlobHttpHeaders
    {
        public string? ContentType { get; set; }
    }

    public class BlobUploadOptions
    {
        public BlobHttpHeaders? HttpHeaders { get; set; }
    }
}

namespace Travel.Infrastructure
{
    public interface IAzureStorageRepository
    {
        Task UploadTextBlobAsync(string blobName, string containerName, string content, string contentType);

        Task<string> DownloadTextBlobAsync(string blobName, string containerName);
    }

    public class AzureStorageRepository(BlobServiceClient blobServiceClient) : IAzureStorageRepository
    {
        public async Task UploadTextBlobAsync(string blobName, string containerName, string content, string contentType)
        {
            var blobClient = blobServiceClient.GetBlobContainerClient(containerName).GetBlobClient(blobName);
            await using var memoryStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            var blobUploadOptions = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
            await blobClient.UploadAsync(memoryStream, blobUploadOptions);
        }

        public async Task<string> DownloadTextBlobAsync(string blobName, string containerName)
        {
            var blobClient = blobServiceClient.GetBlobContainerClient(containerName).GetBlobClient(blobName);
            return (await blobClient.DownloadContentAsync()).ToString();
        }
    }

    public static class FolderHelper
    {
        public static string GetStoreFolder(string name)
        {
            string storeFolder = Path.Combine(Path.GetTempPath(), "VectorStoreCollections", name);
            Directory.CreateDirectory(storeFolder);
            return storeFolder;
        }
    }

    public sealed class TravelPlanTools(IAzureStorageRepository storage)
    {
        [Description("Saves the travel plan for the user")]
        public async Task<string> SaveTravelPlan(string userId, string plan)
        {
            await storage.UploadTextBlobAsync($"{userId}.json", "travel-plans", plan, "application/json");
            return "saved";
        }

        [Description("Reads the saved travel plan of the user")]
        public Task<string> GetTravelPlan(string userId) => storage.DownloadTextBlobAsync($"{userId}.json", "travel-plans");

        [Description("Lists the saved notes")]
        public string[] ListNotes(string collection) => Directory.GetFiles(FolderHelper.GetStoreFolder(collection));
    }

    public static class TravelAgent
    {
        public static AIAgent Create(IChatClient chatClient, TravelPlanTools tools)
            => chatClient.AsAIAgent( // expect: ALN0005
                instructions: "You plan trips and keep the user's travel plan.",
                tools:
                [
                    AIFunctionFactory.Create(tools.SaveTravelPlan), // expect: ALN0002
                    AIFunctionFactory.Create(tools.GetTravelPlan),
                    AIFunctionFactory.Create(tools.ListNotes),
                ]);
    }
}
