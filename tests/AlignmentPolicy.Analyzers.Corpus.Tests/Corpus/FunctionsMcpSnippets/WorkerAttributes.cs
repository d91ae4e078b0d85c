// The shape of the Azure Functions isolated worker's binding attributes (Microsoft.Azure.Functions.Worker 2.x and its Storage, SQL and
// MCP extensions), which the corpus does not reference: a function app that serves MCP tools.
namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions
{
    public abstract class BindingAttribute : Attribute { }
    public abstract class InputBindingAttribute : BindingAttribute { }
    public abstract class OutputBindingAttribute : BindingAttribute { }
    public abstract class TriggerBindingAttribute : BindingAttribute { }
}

namespace Microsoft.Azure.Functions.Worker
{
    using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FunctionAttribute(string name) : Attribute { public string Name { get; } = name; }

    public sealed class McpToolTriggerAttribute(string toolName, string description) : TriggerBindingAttribute
    {
        public string ToolName { get; } = toolName;
        public string Description { get; } = description;
    }

    public sealed class McpToolPropertyAttribute(string name, string description, bool required = false) : InputBindingAttribute
    {
        public string Name { get; } = name;
        public string Description { get; } = description;
        public bool Required { get; } = required;
    }

    public sealed class BlobInputAttribute(string blobPath) : InputBindingAttribute { public string BlobPath { get; } = blobPath; }
    public sealed class BlobOutputAttribute(string blobPath) : OutputBindingAttribute { public string BlobPath { get; } = blobPath; }
    public sealed class QueueOutputAttribute(string queueName) : OutputBindingAttribute { public string QueueName { get; } = queueName; }
    public sealed class TimerTriggerAttribute(string schedule) : TriggerBindingAttribute { public string Schedule { get; } = schedule; }

    public sealed class ToolInvocationContext
    {
        public string Name { get; set; } = "";
        public IDictionary<string, object> Arguments { get; set; } = new Dictionary<string, object>();
    }
}
