using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Routing;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Telemetry;

/// <summary>Turns and ToR answers are counted, timed and traced through the real host, with no message text or person in any tag.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class BotTelemetryTests : ChatTest
{
    private const string Question = "who chairs the Thurrock Community Safety Partnership Strategic Board?";

    [Fact]
    public async Task A_question_is_counted_as_a_turn_and_an_answer_and_traced_without_its_text()
    {
        var measurements = new ConcurrentBag<(string Instrument, Dictionary<string, object?> Tags)>();
        var factory = Host.Services.GetRequiredService<IMeterFactory>();
        using var meters = new MeterListener
        {
            // Only this host's meter: other tests' hosts run in the same process.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotTelemetry.Name && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measurements.Add((instrument.Name, Tags(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measurements.Add((instrument.Name, Tags(tags))));
        meters.Start();
        var spans = new ConcurrentBag<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(tracing);
        Host.Services.GetRequiredService<BotTelemetry>(); // the instruments exist before the turn

        await SayInChannelAsync(Question);
        await Connector.WaitForActivitiesAsync(1);

        var turn = Assert.Single(measurements, m => m.Instrument == "partnershipbot.turns");
        Assert.Equal("ok", turn.Tags["outcome"]);
        Assert.Equal("message", turn.Tags["kind"]);
        var route = Assert.IsType<string>(turn.Tags["route"]);
        Assert.Contains(measurements, m => m.Instrument == "partnershipbot.turn.duration" && (string?)m.Tags["route"] == route);
        var answer = Assert.Single(measurements, m => m.Instrument == "partnershipbot.tor.answers");
        Assert.Equal(true, answer.Tags["answered"]);
        Assert.Equal("Chair", answer.Tags["topic"]);
        Assert.Contains(spans, s => s.DisplayName == "turn " + route && (string?)s.GetTagItem("partnershipbot.outcome") == "ok");
        var everyTag = measurements.SelectMany(m => m.Tags.Values).Concat(spans.SelectMany(s => s.TagObjects.Select(t => t.Value)))
            .Select(v => v?.ToString() ?? string.Empty).ToList();
        Assert.DoesNotContain(everyTag, v => v.Contains("Thurrock", StringComparison.OrdinalIgnoreCase) || v.Contains("who chairs", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        return copy;
    }
}
