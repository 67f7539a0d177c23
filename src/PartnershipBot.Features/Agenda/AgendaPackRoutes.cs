using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The secretariat's hand on the agenda pack: "agenda pack" (or "… for the 12 March meeting") in the board's
/// conversation shows when it goes out, with "Send now" and "Hold". The pack itself is posted by the reminder
/// dispatcher at the circulation deadline (<see cref="AgendaPackSchedule"/>); these buttons only move or stop that
/// one outbox row, so neither a double press nor Execute followed by its Submit fallback can post it twice.
/// </summary>
public sealed partial class AgendaPackRoutes(AgendaPackSchedule packs, IMeetingStore meetings, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private const string SecretariatOnly = "Only the board's secretariat can send or hold the agenda pack.";

    // The pack is the secretariat's (set-up duty), but an unlinked conversation is told how to link, not "link first".
    private static readonly BoardRequest Secretariat = new(BoardDuty.SetUp, NeedsTerms: false, BoardRefusals.NotLinked(), SecretariatOnly);

    // A press says only that nothing changed: it names no board, since the card may have reached someone outside it.
    private static readonly BoardRequest Press = new(BoardDuty.SetUp, NeedsTerms: false, SecretariatOnly + " Nothing was changed.", SecretariatOnly + " Nothing was changed.");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Agenda pack**: \"agenda pack\" (when it goes out, with Send now and Hold)", HelpAudience.MeetingRunners);
        routes.AddMessage("agenda/pack", 479, turn => PackCommand().IsMatch(turn.Text), ShowAsync);
        routes.AddCardAction("agenda/pack-card", "pack/", PressAsync);
    }

    private async Task<InvokeResponse?> ShowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Secretariat, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var match = PackCommand().Match(turn.Text);
        var now = time.GetUtcNow();
        var meeting = match.Groups["date"].Success
            ? await MeetingOnDate.FindAsync(meetings, board, match, now, cancellationToken)
            : await meetings.UpcomingAsync(board, now, 1, cancellationToken) is [var next, ..] ? next : null;
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync($"I can't find that meeting of the {board}. \"when is the next meeting?\" shows what is scheduled.", cancellationToken);
        }

        try
        {
            var status = await packs.EnsureQueuedAsync(meeting, cancellationToken);
            var reply = turn.Activity.CreateReply();
            reply.Attachments = [PackCards.Control(status).ToAttachment()];
            await turn.SendActivityAsync(reply, cancellationToken);
        }
        catch (OutsideHolidayDataException ex)
        {
            return await turn.ReplyMarkdownAsync(ex.Message, cancellationToken);
        }

        return null;
    }

    private async Task<InvokeResponse?> PressAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var meeting = action.Text("meetingId") is { } id ? await meetings.FindAsync(id, cancellationToken) : null;
        if (meeting is null or { Cancelled: true })
        {
            return InvokeResponse.Card(PackCards.Unavailable().ToElement());
        }

        // Who pressed is the authenticated sender, checked now against the meeting's board (and its tenant): a
        // card forwarded to, or forged by, anyone else changes nothing.
        var gate = await boards.NamedAsync(turn, meeting.BoardName, Press, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var status = await packs.EnsureQueuedAsync(meeting, cancellationToken);
        string note;
        switch (action.Verb)
        {
            case PackCards.SendNowVerb:
                note = await packs.SendNowAsync(status, cancellationToken)
                    ? "Sending now: it will be posted to the board within a minute."
                    : Already(status);
                break;
            case PackCards.HoldVerb:
                note = await packs.HoldAsync(status, cancellationToken)
                    ? "Held: it will not go out until someone presses \"Send now\"."
                    : Already(status);
                break;
            default:
                return InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Say \"agenda pack\" for a new one.");
        }

        return InvokeResponse.Card(PackCards.Control(await packs.StatusAsync(meeting, cancellationToken), note).ToElement());
    }

    private static string Already(PackStatus status) => status.State switch
    {
        PackState.Held => "It is already held.",
        PackState.Sending or PackState.Sent => "It has already gone to the board, so nothing more is sent.",
        _ => "Nothing was changed.",
    };

    [GeneratedRegex(@"^\s*(?:(?:show|open)\s+(?:me\s+)?)?(?:the\s+)?(?:agenda\s+)?pack(?:\s+(?:for|of)\s+the\s+next\s+meeting|\s+(?:for|of|on)\s+(?:the\s+)?(?<date>" + MeetingOnDate.DatePattern + @")\s+meeting)?\s*[?.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PackCommand();
}
