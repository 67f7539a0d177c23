using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings.Attendance;

/// <summary>
/// Attendance on the day: "who's here?" (or "take attendance") from the chair, vice-chair or secretariat in the board's
/// conversation posts the card for today's meeting; members press "I'm here", the chair ticks and presses "Record", and
/// the quorum under the ToR's rule is stored with the attendance. Every press re-checks the presser against the
/// meeting's board; the same press twice records once.
/// </summary>
public sealed partial class AttendanceRoutes(AttendanceViews views, IMeetingAttendance attendance, IMeetingStore meetings, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Take = BoardRequest.RunMeetings("take attendance", "whose meeting it is");

    // Presses name no board in their refusals: the card may have reached someone outside it.
    private static readonly BoardRequest RecordPress = new(BoardDuty.RunMeetings, NeedsTerms: false, RecordRefusal, RecordRefusal);
    private static readonly BoardRequest HerePress = new(BoardDuty.AnswerReminders, NeedsTerms: false, HereRefusal, HereRefusal);
    private const string RecordRefusal = "Only the chair, vice-chair or secretariat can record attendance. Nothing was recorded.";
    private const string HereRefusal = "Only the board's voting members can mark themselves present. Nothing was recorded.";

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Attendance**: \"who's here?\" on the meeting day (a card to tick who is present and record the quorum)", HelpAudience.MeetingRunners);
        routes.AddMessage("attendance/take", 488, turn => TakeCommand().IsMatch(turn.Text), TakeAsync);
        routes.AddCardAction("attendance/card", "attendance/", PressAsync);
    }

    private async Task<InvokeResponse?> TakeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Take, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(MeetingTimes.London).Date;
        if (await MeetingOnDate.FindAsync(meetings, board, today, cancellationToken) is not { } meeting)
        {
            return await turn.ReplyMarkdownAsync($"The {board} has no meeting today ({MeetingTimes.LongDate.Format(today)}), so there is no attendance to take. \"when is the next meeting?\" shows what is scheduled.", cancellationToken);
        }

        var view = await views.ForAsync(meeting, gate.Board.TermsOrNull, cancellationToken);
        if (view.Expected.Count == 0)
        {
            return await turn.ReplyMarkdownAsync($"The {board} has no voting members recorded (or all sent apologies), so there is nobody to tick. The secretariat can say \"import members\" first.", cancellationToken);
        }

        // One message per card: Teams' 28 KB limit is per message.
        for (var page = 1; page <= AttendanceCards.Pages(view.Expected.Count); page++)
        {
            var reply = turn.Activity.CreateReply();
            reply.Attachments = [AttendanceCards.Card(view, page).ToAttachment()];
            await turn.SendActivityAsync(reply, cancellationToken);
        }

        return null;
    }

    private async Task<InvokeResponse?> PressAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var meeting = action.Text("meetingId") is { } id ? await meetings.FindAsync(id, cancellationToken) : null;
        if (meeting is null or { Cancelled: true })
        {
            return InvokeResponse.Card(AttendanceCards.Unavailable().ToElement());
        }

        var page = int.TryParse(action.Text("page") ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return action.Verb switch
        {
            AttendanceCards.HereVerb => await HereAsync(turn, meeting, page, cancellationToken),
            AttendanceCards.RecordVerb => await RecordAsync(turn, action, meeting, page, cancellationToken),
            _ => InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Say \"who's here?\" for a new one."),
        };
    }

    private async Task<InvokeResponse> HereAsync(ITurnContext turn, MeetingRecord meeting, int page, CancellationToken cancellationToken)
    {
        var gate = await boards.NamedAsync(turn, meeting.BoardName, HerePress, cancellationToken);
        var person = BoardPermissions.EntraIdOf(turn);
        if (!gate.Allowed || person is null)
        {
            return InvokeResponse.Message(gate.Refusal ?? HereRefusal);
        }

        var voting = await views.VotingPeopleAsync(meeting.BoardName, cancellationToken);
        if (voting.FirstOrDefault(v => string.Equals(v.PersonId, person, StringComparison.OrdinalIgnoreCase)) is not { } member)
        {
            return InvokeResponse.Message(HereRefusal);
        }

        var marked = await attendance.MarkPresentAsync(
            meeting.MeetingId, meeting.BoardName, new Attendee(member.PersonId, member.Name ?? turn.Activity.From?.Name, AttendanceSource.Self), person, time.GetUtcNow(), cancellationToken);
        var view = await views.ForAsync(meeting, gate.Board.TermsOrNull, cancellationToken);
        var name = MarkdownText.EscapeForCard(member.Name ?? "you");
        return Card(view, page, marked ? $"Marked {name} present. The chair still presses Record." : $"{name} was already marked present.");
    }

    private async Task<InvokeResponse> RecordAsync(ITurnContext turn, CardAction action, MeetingRecord meeting, int page, CancellationToken cancellationToken)
    {
        var gate = await boards.NamedAsync(turn, meeting.BoardName, RecordPress, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var model = gate.Board.TermsOrNull;
        var before = await views.ForAsync(meeting, model, cancellationToken);
        var covered = AttendanceCards.OnPage(before.Expected, page);
        if (covered.Count == 0)
        {
            return Card(before, 1, "This card is out of date (the board's members have changed). Here it is as it is now: please tick and record again.");
        }

        // Only the people this page shows count; a tick for anyone else (a forged or stale card) is ignored.
        var ticked = Ticked(action.Data);
        var present = covered.Where(c => ticked.Contains(c.PersonId)).Select(c => new Attendee(c.PersonId, c.Name, AttendanceSource.Card)).ToList();
        var voting = (await views.VotingPeopleAsync(meeting.BoardName, cancellationToken)).Select(v => v.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var recorded = await attendance.RecordAsync(
            meeting.MeetingId, meeting.BoardName, [.. covered.Select(c => c.PersonId)], present, marked => AttendanceQuorum.Of(model, voting, marked),
            BoardPermissions.PersonOf(turn), action.PressId, time.GetUtcNow(), cancellationToken);
        var after = await views.ForAsync(meeting, model, cancellationToken);
        return Card(after, page, recorded ? "Attendance recorded." : "Already recorded: nothing changed.");
    }

    private static HashSet<string> Ticked(JsonElement data)
    {
        var ticked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return ticked;
        }

        foreach (var property in data.EnumerateObject())
        {
            if (property.Name.StartsWith(AttendanceCards.PresentPrefix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String
                && string.Equals(property.Value.GetString(), "true", StringComparison.OrdinalIgnoreCase))
            {
                ticked.Add(property.Name[AttendanceCards.PresentPrefix.Length..]);
            }
        }

        return ticked;
    }

    private static InvokeResponse Card(AttendanceView view, int page, string note) =>
        InvokeResponse.Card(AttendanceCards.Card(view, Math.Clamp(page, 1, AttendanceCards.Pages(view.Expected.Count)), note).ToElement());

    [GeneratedRegex(@"^\s*(?:(?:who['’]?s|who\s+is|who\s+are)\s+(?:here|present|in\s+the\s+room)|take\s+(?:the\s+)?(?:attendance|register))(?:\s+(?:today|now))?\s*[?.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex TakeCommand();
}
