namespace PartnershipBot.Features.Reminders;

/// <summary>Reminder dispatch settings (<c>Reminders</c> section).</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary><c>Reminders:PollInterval</c>: how often each instance looks for due reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed batch stays with the instance that claimed it. If that instance dies, its unsent
    /// reminders wait this long before another instance (or the restarted one) takes them, so it is a trade:
    /// shorter recovers sooner, but must stay well above the time a batch of 100 takes (2 s at the Teams ceiling,
    /// longer under throttling) or a slow instance's batch is sent twice.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
