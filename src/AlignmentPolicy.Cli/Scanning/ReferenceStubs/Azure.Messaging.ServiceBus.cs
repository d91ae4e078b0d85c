// Reference stub (compiled by the scan, never run): Azure Service Bus (Azure.Messaging.ServiceBus), which the package mirror does not
// serve. A tool that sends or schedules a message acts on other systems; without this stub the calls do not bind and ALN0002 cannot
// see them. Only the surface agent code calls is declared; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Azure.Messaging.ServiceBus
{
    public class ServiceBusClientOptions { }

    public class ServiceBusClient : IAsyncDisposable
    {
        protected ServiceBusClient() { }
        public ServiceBusClient(string connectionString) { }
        public ServiceBusClient(string connectionString, ServiceBusClientOptions options) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.Core.TokenCredential credential) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.Core.TokenCredential credential, ServiceBusClientOptions options) { }
        public virtual ServiceBusSender CreateSender(string queueOrTopicName) => throw null!;
        public virtual ServiceBusReceiver CreateReceiver(string queueName) => throw null!;
        public virtual ValueTask DisposeAsync() => default;
    }

    public class ServiceBusSender : IAsyncDisposable
    {
        protected ServiceBusSender() { }
        public virtual string EntityPath => throw null!;
        public virtual Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default) => throw null!;
        public virtual ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default) => throw null!;
        public virtual ValueTask DisposeAsync() => default;
    }

    public class ServiceBusReceiver : IAsyncDisposable
    {
        protected ServiceBusReceiver() { }
        public virtual Task<ServiceBusReceivedMessage> ReceiveMessageAsync(TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<ServiceBusReceivedMessage> PeekMessageAsync(long? fromSequenceNumber = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual ValueTask DisposeAsync() => default;
    }

    public sealed class ServiceBusMessageBatch : IDisposable
    {
        public int Count => throw null!;
        public bool TryAddMessage(ServiceBusMessage message) => throw null!;
        public void Dispose() { }
    }

    public class ServiceBusMessage
    {
        public ServiceBusMessage() { }
        public ServiceBusMessage(string body) { }
        public ServiceBusMessage(BinaryData body) { }
        public BinaryData Body { get; set; } = null!;
        public string? Subject { get; set; }
        public string? ContentType { get; set; }
        public string? MessageId { get; set; }
        public IDictionary<string, object> ApplicationProperties => throw null!;
    }

    public class ServiceBusReceivedMessage
    {
        public BinaryData Body => throw null!;
        public string? Subject => throw null!;
        public string? MessageId => throw null!;
    }
}
