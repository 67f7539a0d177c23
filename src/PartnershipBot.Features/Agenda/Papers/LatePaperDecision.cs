namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>The chair's answer on a late paper where the ToR forbid late papers. A refused paper is kept, shown as refused.</summary>
/// <param name="ItemId">The agenda item.</param>
/// <param name="BoardName">Its board.</param>
/// <param name="MeetingId">Its meeting.</param>
/// <param name="Accepted">True when taken at the meeting; false when refused.</param>
/// <param name="DecidedBy">Who decided (Entra object id).</param>
/// <param name="DeciderName">Their name as Teams gave it, if it did.</param>
/// <param name="DecidedAt">When.</param>
public sealed record LatePaperDecision(string ItemId, string BoardName, string MeetingId, bool Accepted, string DecidedBy, string? DeciderName, DateTimeOffset DecidedAt)
{
    /// <summary>"accepted" or "refused".</summary>
    public string Word => Accepted ? "accepted" : "refused";
}

/// <summary>Decisions on late papers (port): one per item, the first press wins.</summary>
public interface ILatePaperDecisions
{
    /// <summary>Records <paramref name="decision"/> unless the item already has one; returns the item's decision and whether this one was it.</summary>
    Task<(LatePaperDecision Decision, bool Recorded)> DecideAsync(LatePaperDecision decision, CancellationToken cancellationToken);

    /// <summary>The meeting's decisions.</summary>
    Task<IReadOnlyList<LatePaperDecision>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);
}
