using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

/// <summary>A card verb carrying a newline, sent through the host, is logged on one line with the newline made visible.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class LogForgingTests : ChatTest
{
    private readonly CapturingLoggerProvider logs = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(logs);

    [Fact]
    public async Task A_card_verb_with_a_newline_cannot_forge_a_log_line()
    {
        await PressAsync("nosuch/verb\r\ninfo: PartnershipBot.Features.Declarations[1] Declaration accepted for the chair", new JsonObject(), "someone",
            new JsonObject { ["id"] = "a:1fake-personal-conversation-0001", ["conversationType"] = "personal" });

        var line = Assert.Single(logs.Messages, m => m.Contains("No card route for verb", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains(@"nosuch/verb\u000D\u000Ainfo:", line, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
