using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Tests.Telemetry;

/// <summary>
/// Listens to one host's bot meter (other tests' hosts share the process): counters are summed by instrument and tags,
/// gauges keep the last value each <see cref="Observe"/> reported.
/// </summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener listener;
    private readonly ConcurrentDictionary<string, double> sums = new();
    private readonly ConcurrentDictionary<string, double> gauges = new();

    public MetricCapture(IMeterFactory hostMeters)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotTelemetry.Name && instrument.Meter.Scope == hostMeters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The gauges' last readings, by "instrument{tag=value,...}", after asking every observable instrument now.</summary>
    public IReadOnlyDictionary<string, double> Observe()
    {
        gauges.Clear();
        listener.RecordObservableInstruments();
        return new Dictionary<string, double>(gauges);
    }

    /// <summary>The counter's total for exactly these tags (0 when nothing was counted).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        sums.GetValueOrDefault(Key(instrument, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))));

    /// <summary>Every counted series, by "instrument{tag=value,...}".</summary>
    public IReadOnlyDictionary<string, double> Sums => new Dictionary<string, double>(sums);

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = Key(instrument.Name, tags.ToArray());
        if (instrument.GetType().Name.StartsWith("Observable", StringComparison.Ordinal))
        {
            gauges[key] = value;
        }
        else
        {
            sums.AddOrUpdate(key, value, (_, total) => total + value);
        }
    }

    private static string Key(string instrument, IEnumerable<KeyValuePair<string, object?>> tags) =>
        instrument + "{" + string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + "}";
}
