// Reference stub (compiled by the scan, never run): Semantic Kernel's OpenAPI plugins (Microsoft.SemanticKernel.Plugins.OpenApi), which the
// package mirror does not serve. An OpenAPI plugin's functions are HTTP operations the model chooses; without this stub its import
// does not bind and ALN0002 cannot see it. Parts the analyzers do not read (response factories, parameter filters) are `object`-typed
// delegates' contexts. Bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.Plugins.OpenApi;

namespace Microsoft.SemanticKernel
{
    public static class OpenApiKernelExtensions
    {
        public static Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, string filePath, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, Uri uri, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, Stream stream, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static KernelPlugin ImportPluginFromOpenApi(this Kernel kernel, string pluginName, RestApiSpecification specification, OpenApiFunctionExecutionParameters? executionParameters = null) => throw null!;
        public static Task<KernelPlugin> CreatePluginFromOpenApiAsync(this Kernel kernel, string pluginName, string filePath, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> CreatePluginFromOpenApiAsync(this Kernel kernel, string pluginName, Uri uri, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> CreatePluginFromOpenApiAsync(this Kernel kernel, string pluginName, Stream stream, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static KernelPlugin CreatePluginFromOpenApi(this Kernel kernel, string pluginName, RestApiSpecification specification, OpenApiFunctionExecutionParameters? executionParameters = null) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Plugins.OpenApi
{
    public static class OpenApiKernelPluginFactory
    {
        public static Task<KernelPlugin> CreateFromOpenApiAsync(string pluginName, string filePath, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> CreateFromOpenApiAsync(string pluginName, Uri uri, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static Task<KernelPlugin> CreateFromOpenApiAsync(string pluginName, Stream stream, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
        public static KernelPlugin CreateFromOpenApi(string pluginName, RestApiSpecification specification, OpenApiFunctionExecutionParameters? executionParameters = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public delegate Task AuthenticateRequestAsyncCallback(HttpRequestMessage request, CancellationToken cancellationToken = default);

    public class OpenApiFunctionExecutionParameters
    {
        public OpenApiFunctionExecutionParameters(HttpClient? httpClient = null, AuthenticateRequestAsyncCallback? authCallback = null, Uri? serverUrlOverride = null, string? userAgent = null, bool ignoreNonCompliantErrors = false, bool enableDynamicOperationPayload = true, bool enablePayloadNamespacing = false, IList<string>? operationsToExclude = null) { }
        public HttpClient? HttpClient { get; set; }
        public AuthenticateRequestAsyncCallback? AuthCallback { get; set; }
        public Uri? ServerUrlOverride { get; set; }
        public bool IgnoreNonCompliantErrors { get; set; }
        public string UserAgent { get; set; } = "";
        public bool EnableDynamicPayload { get; set; }
        public bool EnablePayloadNamespacing { get; set; }
        public IList<string> OperationsToExclude { get; set; } = new List<string>();
        public Func<OperationSelectionPredicateContext, bool>? OperationSelectionPredicate { get; set; }
        public object? HttpResponseContentReader { get; set; }
        public object? RestApiOperationResponseFactory { get; set; }
        public object? ParameterFilter { get; set; }
        public object? ServerUrlValidationOptions { get; set; }
        public ILoggerFactory? LoggerFactory { get; set; }
    }

    public readonly struct OperationSelectionPredicateContext
    {
        public string? Id { get; }
        public string Path { get; }
        public string Method { get; }
        public string? Description { get; }
    }

    public sealed class OpenApiDocumentParser
    {
        public OpenApiDocumentParser(ILoggerFactory? loggerFactory = null) { }
        public Task<RestApiSpecification> ParseAsync(Stream stream, object? options = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class RestApiSpecification
    {
        public IList<RestApiOperation> Operations { get; } = new List<RestApiOperation>();
    }

    public sealed class RestApiOperation
    {
        public string? Id { get; }
        public HttpMethod Method { get; } = HttpMethod.Get;
        public string Path { get; } = "";
        public string? Description { get; }
        public object? Payload { get; }
    }
}
