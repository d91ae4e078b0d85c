using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates.Tests;

/// <summary>A logger factory that keeps every message at or above <see cref="MinimumLevel"/>.</summary>
public sealed class TestLoggerFactory(LogLevel minimumLevel) : ILoggerFactory
{
    public LogLevel MinimumLevel { get; } = minimumLevel;

    public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TestLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (owner.Entries)
                {
                    owner.Entries.Add((logLevel, eventId, formatter(state, exception)));
                }
            }
        }
    }
}
