// Reference stub (compiled by the scan, never run): RestEase, which the tool does not ship. Added to a scanned project's compilation
// only when the project references the package (ScanCompilationFactory), so that its verb attributes bind there, and an attribute
// spelled the same in a project without it stays unresolved (it is someone else's). Bodies are empty on purpose.
#nullable enable
using System;
using System.Net.Http;

namespace RestEase
{
    [AttributeUsage(AttributeTargets.Method)]
    public class RequestAttribute : Attribute
    {
        public RequestAttribute(string method) => Method = new HttpMethod(method);
        public RequestAttribute(string method, string path) : this(method) => Path = path;
        public HttpMethod Method { get; }
        public string? Path { get; set; }
    }

    public sealed class GetAttribute : RequestAttribute { public GetAttribute() : base("GET") { } public GetAttribute(string path) : base("GET", path) { } }
    public sealed class PostAttribute : RequestAttribute { public PostAttribute() : base("POST") { } public PostAttribute(string path) : base("POST", path) { } }
    public sealed class PutAttribute : RequestAttribute { public PutAttribute() : base("PUT") { } public PutAttribute(string path) : base("PUT", path) { } }
    public sealed class PatchAttribute : RequestAttribute { public PatchAttribute() : base("PATCH") { } public PatchAttribute(string path) : base("PATCH", path) { } }
    public sealed class DeleteAttribute : RequestAttribute { public DeleteAttribute() : base("DELETE") { } public DeleteAttribute(string path) : base("DELETE", path) { } }
    public sealed class HeadAttribute : RequestAttribute { public HeadAttribute() : base("HEAD") { } public HeadAttribute(string path) : base("HEAD", path) { } }
    public sealed class OptionsAttribute : RequestAttribute { public OptionsAttribute() : base("OPTIONS") { } public OptionsAttribute(string path) : base("OPTIONS", path) { } }

    public enum BodySerializationMethod { Default, Serialized, UrlEncoded }

    [AttributeUsage(AttributeTargets.Parameter)] public sealed class BodyAttribute : Attribute { public BodyAttribute() { } public BodyAttribute(BodySerializationMethod serializationMethod) { } }
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)] public sealed class QueryAttribute : Attribute { public QueryAttribute() { } public QueryAttribute(string name) { } }
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)] public sealed class PathAttribute : Attribute { public PathAttribute() { } public PathAttribute(string name) { } }
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method | AttributeTargets.Interface | AttributeTargets.Property, AllowMultiple = true)]
    public sealed class HeaderAttribute : Attribute { public HeaderAttribute(string name) { } public HeaderAttribute(string name, string value) { } }
    [AttributeUsage(AttributeTargets.Interface)] public sealed class BasePathAttribute(string basePath) : Attribute { public string BasePath { get; } = basePath; }
    [AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method)] public sealed class AllowAnyStatusCodeAttribute : Attribute { }

    public class Response<T> : IDisposable { public T GetContent() => throw null!; public string? StringContent { get; } public HttpResponseMessage ResponseMessage => throw null!; public void Dispose() { } }
    public class ApiException : Exception { public System.Net.HttpStatusCode StatusCode { get; } public string? Content { get; } }

    public static class RestClient
    {
        public static T For<T>(string baseUrl) => throw null!;
        public static T For<T>(HttpClient httpClient) => throw null!;
        public static T For<T>(Uri baseUrl) => throw null!;
    }
}
