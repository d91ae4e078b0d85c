// Reference stub (compiled by the scan, never run): Refit, which the tool does not ship. Added to a scanned project's compilation only
// when the project references the package (ScanCompilationFactory), so that its verb attributes bind there, and an attribute spelled
// the same in a project without it stays unresolved (it is someone else's). Only the surface client interfaces are written with;
// bodies are empty on purpose.
#nullable enable
using System;
using System.Net.Http;

namespace Refit
{
    public abstract class HttpMethodAttribute : Attribute
    {
        protected HttpMethodAttribute(string path) => Path = path;
        public abstract HttpMethod Method { get; }
        public virtual string Path { get; protected set; }
    }

    [AttributeUsage(AttributeTargets.Method)] public class GetAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Get; }
    [AttributeUsage(AttributeTargets.Method)] public class PostAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Post; }
    [AttributeUsage(AttributeTargets.Method)] public class PutAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Put; }
    [AttributeUsage(AttributeTargets.Method)] public class PatchAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Patch; }
    [AttributeUsage(AttributeTargets.Method)] public class DeleteAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Delete; }
    [AttributeUsage(AttributeTargets.Method)] public class HeadAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Head; }
    [AttributeUsage(AttributeTargets.Method)] public class OptionsAttribute(string path) : HttpMethodAttribute(path) { public override HttpMethod Method => HttpMethod.Options; }

    public enum BodySerializationMethod { Default, Json, UrlEncoded, Serialized }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class BodyAttribute : Attribute
    {
        public BodyAttribute() { }
        public BodyAttribute(bool buffered) { }
        public BodyAttribute(BodySerializationMethod serializationMethod, bool buffered = false) { }
    }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)] public class QueryAttribute : Attribute { public QueryAttribute() { } public QueryAttribute(string delimiter) { } }
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)] public class AliasAsAttribute(string name) : Attribute { public string Name { get; } = name; }
    [AttributeUsage(AttributeTargets.Parameter)] public class HeaderAttribute(string header) : Attribute { public string Header { get; } = header; }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface)] public class HeadersAttribute(params string[] headers) : Attribute { public string[] Headers { get; } = headers; }
    [AttributeUsage(AttributeTargets.Parameter)] public class AuthorizeAttribute(string scheme = "Bearer") : Attribute { public string Scheme { get; } = scheme; }
    [AttributeUsage(AttributeTargets.Method)] public class MultipartAttribute(string boundaryText = "----MyGreatBoundary") : Attribute { public string BoundaryText { get; } = boundaryText; }

    public interface IApiResponse : IDisposable { bool IsSuccessStatusCode { get; } System.Net.HttpStatusCode StatusCode { get; } }
    public interface IApiResponse<out T> : IApiResponse { T? Content { get; } }
    public sealed class ApiResponse<T> : IApiResponse<T> { public T? Content => default; public bool IsSuccessStatusCode => false; public System.Net.HttpStatusCode StatusCode => default; public void Dispose() { } }
    public class ApiException : Exception { public System.Net.HttpStatusCode StatusCode { get; } public string? Content { get; } }

    public class RefitSettings { }

    public static class RestService
    {
        public static T For<T>(string hostUrl) => throw null!;
        public static T For<T>(string hostUrl, RefitSettings? settings) => throw null!;
        public static T For<T>(HttpClient client) => throw null!;
        public static T For<T>(HttpClient client, RefitSettings? settings) => throw null!;
    }
}
