using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PartnershipBot.Features.Routing;

/// <summary>
/// The bot's own traces and metrics (OpenTelemetry reads them by <see cref="Name"/>). Tags carry only route names,
/// topics and outcomes: never message text, names, ids of people or conversations, so nothing personal leaves the
/// process through telemetry. Instruments come from the host's <see cref="IMeterFactory"/>, so each host (and each
/// test host) has its own.
/// </summary>
public sealed class BotTelemetry
{
    /// <summary>The ActivitySource and Meter name to subscribe to.</summary>
    public const string Name = Protocol.Telemetry.DependencyTelemetry.MeterName;

    /// <summary>Spans: one per turn ("turn {route}"), and one per reminder sent.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> answers;
    private readonly Counter<long> reminders;

    /// <summary>Creates the instruments on <paramref name="meters"/>.</summary>
    public BotTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        turns = meter.CreateCounter<long>("partnershipbot.turns", description: "Turns handled, by route, kind and outcome");
        turnDuration = meter.CreateHistogram<double>("partnershipbot.turn.duration", unit: "ms", description: "Time to handle a turn, by route");
        answers = meter.CreateCounter<long>("partnershipbot.tor.answers", description: "ToR questions, answered or declined ('the ToR don't settle it'), by topic");
        reminders = meter.CreateCounter<long>("partnershipbot.reminders", description: "Reminder sends by outcome (Sent, SentLate, Blocked, NotFound, NotReachable, FailedAfterRetries)");
    }

    /// <summary>Starts a turn's span (null when nobody listens).</summary>
    public static Activity? StartTurn(string route, string kind)
    {
        var span = Source.StartActivity("turn " + route, ActivityKind.Internal);
        span?.SetTag("partnershipbot.route", route);
        span?.SetTag("partnershipbot.turn.kind", kind);
        return span;
    }

    /// <summary>Records a finished turn.</summary>
    public void Turn(string route, string kind, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "route", route }, { "kind", kind }, { "outcome", outcome } };
        turns.Add(1, tags);
        turnDuration.Record(elapsed.TotalMilliseconds, new TagList { { "route", route } });
    }

    /// <summary>Records a ToR answer: whether it answered, and the question's topic.</summary>
    public void Answer(bool answered, string topic) =>
        answers.Add(1, new TagList { { "answered", answered }, { "topic", topic } });

    /// <summary>Records a reminder send's outcome.</summary>
    public void Reminder(Reminders.ReminderOutcome outcome) => reminders.Add(1, new TagList { { "outcome", Reminders.ReminderOutcomes.Text(outcome) } });
}
