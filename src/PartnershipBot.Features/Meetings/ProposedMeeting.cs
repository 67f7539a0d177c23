using NodaTime;

namespace PartnershipBot.Features.Meetings;

/// <summary>One meeting the bot proposes, with the ToR clause whose cadence it follows.</summary>
/// <param name="Start">Start, in the board's time zone.</param>
/// <param name="End">End, in the board's time zone.</param>
/// <param name="Reason">The cadence clause used.</param>
public sealed record ProposedMeeting(ZonedDateTime Start, ZonedDateTime End, string Reason);

/// <summary>A schedule, or why the ToR does not give one.</summary>
/// <param name="Meetings">The proposals (empty when refused).</param>
/// <param name="Refusal">Why no schedule can be proposed, or null.</param>
public sealed record ScheduleProposal(IReadOnlyList<ProposedMeeting> Meetings, string? Refusal);
