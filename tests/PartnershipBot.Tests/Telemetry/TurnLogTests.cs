using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Routing;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Telemetry;

/// <summary>
/// The console shows one Information line per turn (route, board, outcome, ms) and no personal
/// data, and ASP.NET Core's per-request plumbing stays below Information with the shipped appsettings.json.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TurnLogTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private const string Question = "who chairs the board?";

    private readonly CapturingLoggerProvider logs = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(logs);

    [Fact]
    public async Task A_question_logs_one_Information_line_with_route_board_outcome_and_time_and_nothing_personal()
    {
        await SayInChannelAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
        await WaitForTurnLinesAsync(1);
        logs.Clear();

        await SayInChannelAsync(Question, a => a["from"]!["name"] = "Jane Chairwoman");
        await Connector.WaitForActivitiesAsync(2);
        await WaitForTurnLinesAsync(1);
        await Task.Delay(200);

        var line = Assert.Single(logs.Entries, e => e.Category == ActivityRouter.TurnLogCategory);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("terms/question", line.Fields["Route"]);
        Assert.Equal("message", line.Fields["Kind"]);
        Assert.Equal(Board, line.Fields["Board"]);
        Assert.Equal("ok", line.Fields["Outcome"]);
        Assert.InRange(Assert.IsType<long>(line.Fields["ElapsedMs"]), 0, 60_000);
        Assert.DoesNotContain("chairs", line.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("29:", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19:", line.Message, StringComparison.Ordinal);

        // The request's ASP.NET Core plumbing (request starting/finished, endpoint executing...) is below Information.
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Microsoft.", StringComparison.Ordinal) && e.Level <= LogLevel.Information);
    }

    [Fact]
    public async Task Help_and_an_out_of_date_card_are_one_line_each_too()
    {
        await SayInChannelAsync("help");
        await Connector.WaitForActivitiesAsync(1);
        await PressAsync("nosuch/verb", new(), "someone", new() { ["id"] = "a:1fake-personal-conversation-0001", ["conversationType"] = "personal" });
        await WaitForTurnLinesAsync(2);
        await Task.Delay(200);

        var lines = logs.Entries.Where(e => e.Category == ActivityRouter.TurnLogCategory).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => (string?)l.Fields["Route"] == "welcome/help" && (string?)l.Fields["Board"] == "none" && (string?)l.Fields["Outcome"] == "ok");
        Assert.Contains(lines, l => (string?)l.Fields["Route"] == "unknown-verb" && (string?)l.Fields["Kind"] == "card" && (string?)l.Fields["Outcome"] == "refused");
    }

    private async Task WaitForTurnLinesAsync(int count)
    {
        for (var i = 0; i < 100 && logs.Entries.Count(e => e.Category == ActivityRouter.TurnLogCategory) < count; i++)
        {
            await Task.Delay(50);
        }
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private ConcurrentQueue<Entry> entries = new();

        public IReadOnlyList<Entry> Entries => [.. entries];

        public void Clear() => entries = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.ToDictionary(p => p.Key, p => p.Value)
                    : [];
                owner.entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), fields));
            }
        }
    }
}
