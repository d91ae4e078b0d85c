// Reference stub (compiled by the scan, never run): gRPC's client API (Grpc.Core.Api), which the tool does not ship. The clients that
// Grpc.Tools generates from a project's .proto files (see ProtobufClients) derive from ClientBase<T>; ALN0002 takes their RPCs not named
// as reads for writes. Only the surface generated clients and their callers use is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Grpc.Core
{
    public abstract class ChannelBase { public string Target => throw null!; }
    public abstract class CallInvoker { }
    public sealed class Metadata { public void Add(string key, string value) { } }
    public struct CallOptions { public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) { } }

    public abstract class ClientBase
    {
        protected ClientBase() { }
        protected ClientBase(ChannelBase channel) { }
        protected ClientBase(CallInvoker callInvoker) { }
    }

    public abstract class ClientBase<T> : ClientBase where T : ClientBase<T>
    {
        protected ClientBase() { }
        protected ClientBase(ChannelBase channel) : base(channel) { }
        protected ClientBase(CallInvoker callInvoker) : base(callInvoker) { }
    }

    public sealed class AsyncUnaryCall<TResponse> : IDisposable
    {
        public Task<TResponse> ResponseAsync => throw null!;
        public Task<Metadata> ResponseHeadersAsync => throw null!;
        public TaskAwaiter<TResponse> GetAwaiter() => throw null!;
        public void Dispose() { }
    }

    public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
    {
        public IAsyncStreamReader<TResponse> ResponseStream => throw null!;
        public void Dispose() { }
    }

    public interface IAsyncStreamReader<out T>
    {
        T Current { get; }
        Task<bool> MoveNext(CancellationToken cancellationToken);
    }
}
