namespace PartnershipBot.Features.Reminders;

/// <summary>What a person did with a reminder card.</summary>
public enum ReminderAction
{
    /// <summary>"Paper submitted" (or "Minutes sent" / "Agenda sent").</summary>
    Done,
    /// <summary>"I need more time": the secretariat was told.</summary>
    MoreTime,
    /// <summary>"Send apologies" for the meeting.</summary>
    Apologies,
    /// <summary>"Remind me tomorrow": the reminder was queued again for them.</summary>
    Snoozed,
}

/// <summary>One person's action on one reminder.</summary>
/// <param name="ReminderId">The reminder whose card was pressed.</param>
/// <param name="PersonId">Who pressed it (Entra object id from the authenticated activity).</param>
/// <param name="PersonName">Their display name when known.</param>
/// <param name="Action">What they did.</param>
/// <param name="At">When they first did it.</param>
/// <param name="Detail">Extra detail the card shows, e.g. the ISO date a snoozed reminder comes back.</param>
public sealed record ReminderResponse(string ReminderId, string PersonId, string? PersonName, ReminderAction Action, DateTimeOffset At, string? Detail = null);

/// <summary>
/// Who did what with each reminder card (port), so a card refreshed for a person shows their own state, and a
/// double click or a Teams retry changes nothing: each person's action on a reminder is kept once, the first time.
/// </summary>
public interface IReminderResponses
{
    /// <summary>Records a response; false (the first one is kept) when the person already took that action on that reminder.</summary>
    Task<bool> RecordAsync(ReminderResponse response, CancellationToken cancellationToken);

    /// <summary>The person's responses to the reminder, earliest first.</summary>
    Task<IReadOnlyList<ReminderResponse>> OfPersonAsync(string reminderId, string personId, CancellationToken cancellationToken);
}
