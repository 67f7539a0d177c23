using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Meetings.Attendance;

/// <summary>What the "who's here?" card shows: the meeting, who is expected on this page, who sent apologies, and what is recorded.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Expected">Voting members who sent no apology, in name order (all pages).</param>
/// <param name="Apologies">Names of those who sent apologies.</param>
/// <param name="Attendance">What is recorded so far.</param>
/// <param name="Live">The quorum over who is marked now (before or after Record).</param>
public sealed record AttendanceView(MeetingRecord Meeting, IReadOnlyList<PersonRecord> Expected, IReadOnlyList<string> Apologies, AttendanceRecord Attendance, RecordedQuorum Live);

/// <summary>
/// The "who's here?" card: a Present tick box per expected voting member, "I'm here" for members to mark themselves,
/// and "Record" for the chair. The buttons carry only the meeting and the page; who pressed, and whether they may, is
/// read from the authenticated activity on every press. Large boards get one card per <see cref="PageSize"/> members,
/// so each stays far below Teams' 28 KB.
/// </summary>
public static class AttendanceCards
{
    /// <summary>The verb of "Record".</summary>
    public const string RecordVerb = "attendance/record";

    /// <summary>The verb of "I'm here".</summary>
    public const string HereVerb = "attendance/here";

    /// <summary>Members per card: about 200 bytes a tick box, so some 8 KB of them.</summary>
    public const int PageSize = 40;

    /// <summary>The tick box id prefix; the rest is the member's Entra id.</summary>
    public const string PresentPrefix = "present:";

    /// <summary>How many cards <paramref name="expected"/> members take (at least one).</summary>
    public static int Pages(int expected) => Math.Max(1, (expected + PageSize - 1) / PageSize);

    /// <summary>The members on <paramref name="page"/> (1-based).</summary>
    public static IReadOnlyList<PersonRecord> OnPage(IReadOnlyList<PersonRecord> expected, int page) =>
        page < 1 ? [] : [.. expected.Skip((page - 1) * PageSize).Take(PageSize)];

    /// <summary>Page <paramref name="page"/> of the card.</summary>
    public static AdaptiveCard Card(AttendanceView view, int page, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pages = Pages(view.Expected.Count);
        var present = view.Attendance.Present.Select(a => a.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var card = new AdaptiveCard()
            .Text($"Who's here? {MarkdownText.EscapeForCard(view.Meeting.BoardName)}" + (pages > 1 ? string.Create(CultureInfo.InvariantCulture, $" (card {page} of {pages})") : string.Empty), "heading")
            .Facts(
                ("Meeting", MeetingTimes.Describe(view.Meeting.StartsAt, view.Meeting.EndsAt)),
                ("Apologies", view.Apologies.Count == 0 ? "None" : string.Join(", ", view.Apologies.Select(MarkdownText.EscapeForCard))),
                ("Marked present", view.Attendance.Present.Count == 0 ? "Nobody yet" : string.Join(", ", view.Attendance.Present.Select(a => MarkdownText.EscapeForCard(a.PersonName ?? a.PersonId)))));
        card.Text(view.Attendance.Quorum is { } recorded
            ? $"Recorded: {AttendanceQuorum.Describe(recorded)}"
            : $"Not recorded yet; as marked now, {AttendanceQuorum.Describe(view.Live)}");
        if (note is not null)
        {
            card.Text(note, "attention");
        }

        foreach (var person in OnPage(view.Expected, page))
        {
            card.Toggle(PresentPrefix + person.PersonId, MarkdownText.EscapeForCard(person.Name ?? person.PersonId), present.Contains(person.PersonId));
        }

        var data = new JsonObject { ["meetingId"] = view.Meeting.MeetingId, ["page"] = page.ToString(CultureInfo.InvariantCulture) };
        card.Execute("I'm here", HereVerb, data, sendsInputs: false);
        card.Execute("Record", RecordVerb, data);
        return card;
    }

    /// <summary>The answer to a press on a card whose meeting is gone.</summary>
    public static AdaptiveCard Unavailable() => new AdaptiveCard()
        .Text("This attendance card is no longer available", "attention")
        .Text("Its meeting may have been cancelled. Say \"who's here?\" in the board's conversation on the meeting day.");
}
