using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "Schedule the next 4 meetings" (chair, vice-chair, secretariat) turns the ToR cadence into meetings for the
/// conversation's board and queues the paper and minutes reminders; "when is the next meeting?" answers from
/// them. Booking the Outlook events through Microsoft Graph is a later step, and the bot says so.
/// </summary>
public sealed partial class MeetingRoutes(
    IMeetingStore meetings, IReminderOutbox outbox, IBoardDirectory directory, BoardPermissions permissions, ITorLibrarySource library, TimeProvider time) : IFeatureRoutes
{
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Meetings**: \"when is the next meeting?\"; the chair or secretariat can say \"schedule the next 4 meetings\" (from the ToR's cadence, with paper and minutes reminders)");
        routes.AddMessage("meetings/schedule", 500, turn => ScheduleCommand().IsMatch(turn.Text), ScheduleAsync);
        routes.AddMessage("meetings/next", 500, turn => NextMeetingQuestion().IsMatch(turn.Text), NextAsync);
        routes.AddHelp("**Deadlines**: \"what's due?\" lists the paper and minutes deadlines of the next meetings, in UK working days");
        routes.AddMessage("meetings/due", 500, turn => WhatsDue().IsMatch(turn.Text), WhatsDueAsync);
    }

    private async Task<InvokeResponse?> ScheduleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = ScheduleCommand().Match(turn.Text);
        var count = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 4;
        var conversationId = turn.Activity.Conversation?.Id ?? string.Empty;
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        var model = board is null ? null : (await library.GetAsync(cancellationToken)).Find(board);
        if (board is null || model is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board yet. An admin or the secretariat can say \"link this to <board>\" first.", cancellationToken);
        }

        if (!await permissions.MayRunMeetingsAsync(turn, board, cancellationToken))
        {
            return await turn.ReplyMarkdownAsync("Only the chair, vice-chair or secretariat can schedule meetings.", cancellationToken);
        }

        var now = time.GetUtcNow();
        var today = Instant.FromDateTimeOffset(now).InZone(London).Date;
        var calendar = UkWorkingDays.For(UkNation.EnglandAndWales);
        ScheduleProposal proposal;
        try
        {
            proposal = ScheduleProposer.Propose(model, today.PlusDays(1), Math.Clamp(count, 1, 12), MeetingPreferences.Default, calendar);
        }
        catch (OutsideHolidayDataException ex)
        {
            return await turn.ReplyMarkdownAsync(ex.Message, cancellationToken);
        }

        if (proposal.Refusal is not null)
        {
            return await turn.ReplyMarkdownAsync(proposal.Refusal, cancellationToken);
        }

        var lines = new List<string>();
        foreach (var proposed in proposal.Meetings)
        {
            var id = $"{board}/{proposed.Start.ToInstant()}";
            var meeting = new MeetingRecord(id, board, conversationId, proposed.Start.ToDateTimeOffset(), proposed.End.ToDateTimeOffset());
            await meetings.AddAsync(meeting, now, cancellationToken);
            var reminders = await QueueRemindersAsync(model, meeting, proposed.Start.Date, calendar, now, cancellationToken);
            lines.Add($"- {LongDate.Format(proposed.Start.Date)}, {proposed.Start.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}{reminders}");
        }

        var text = $"Scheduled for the **{board}**, following “{proposal.Meetings[0].Reason}”:\n\n{string.Join("\n", lines)}\n\n"
            + "These are in the bot's calendar; booking them as Outlook events with Teams links is not switched on in this build.";
        return await turn.ReplyMarkdownAsync(text, cancellationToken);
    }

    private async Task<string> QueueRemindersAsync(TermsOfReferenceModel model, MeetingRecord meeting, LocalDate meetingDate, UkWorkingDays calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        foreach (var (kind, period) in new[] { (DeadlineKind.Papers, model.PapersDeadline), (DeadlineKind.Minutes, model.MinutesDeadline) })
        {
            if (period is null || meeting.ConversationId is null)
            {
                continue;
            }

            var deadline = new DeadlineRule(kind, period).DeadlineFor(meetingDate, calendar);
            // Remind two working days before the deadline, at 09:00 in London, so there is time to act.
            var due = (calendar.AddWorkingDays(deadline, -2) + new LocalTime(9, 0)).InZoneLeniently(London).ToDateTimeOffset();
            var payload = JsonSerializer.Serialize(new ReminderPayload(meeting.MeetingId, meeting.BoardName, kind.ToString().ToLowerInvariant(),
                LocalDatePattern.Iso.Format(deadline), LocalDatePattern.Iso.Format(meetingDate), period.Describe()), ReminderJsonContext.Default.ReminderPayload);
            if (due > now)
            {
                await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), $"{meeting.MeetingId}/{kind}", meeting.BoardName, meeting.ConversationId, kind.ToString().ToLowerInvariant(), due, payload), cancellationToken);
            }

            notes.Add($"{kind.ToString().ToLowerInvariant()} due {LongDate.Format(deadline)}");
        }

        return notes.Count == 0 ? string.Empty : $" ({string.Join("; ", notes)})";
    }

    private async Task<InvokeResponse?> NextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        if (board is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board yet, so I don't know whose meetings you mean. An admin or the secretariat can say \"link this to <board>\".", cancellationToken);
        }

        var upcoming = await meetings.UpcomingAsync(board, time.GetUtcNow(), 1, cancellationToken);
        if (upcoming.Count == 0)
        {
            var model = (await library.GetAsync(cancellationToken)).Find(board);
            var cadence = model?.Frequency is { } frequency ? $" The Terms of Reference say: “{frequency.Text}”." : string.Empty;
            return await turn.ReplyMarkdownAsync($"No meetings of the {board} are scheduled yet; the chair or secretariat can say \"schedule the next 4 meetings\".{cadence}", cancellationToken);
        }

        var next = upcoming[0];
        var start = Instant.FromDateTimeOffset(next.StartsAt).InZone(London);
        var end = Instant.FromDateTimeOffset(next.EndsAt).InZone(London);
        return await turn.ReplyMarkdownAsync(string.Create(CultureInfo.InvariantCulture,
            $"The next meeting of the **{board}** is on {LongDate.Format(start.Date)}, {start.TimeOfDay:HH:mm}–{end.TimeOfDay:HH:mm} (UK time)."), cancellationToken);
    }

    /// <summary>The paper and minutes deadlines of the board's next three scheduled meetings.</summary>
    private async Task<InvokeResponse?> WhatsDueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var board = await directory.LinkedBoardAsync(turn, cancellationToken);
        var model = board is null ? null : (await library.GetAsync(cancellationToken)).Find(board);
        if (board is null || model is null)
        {
            return await turn.ReplyMarkdownAsync("This conversation isn't linked to a board yet, so I don't know whose deadlines you mean.", cancellationToken);
        }

        if (model.PapersDeadline is null && model.MinutesDeadline is null)
        {
            return await turn.ReplyMarkdownAsync($"The {board} Terms of Reference don't set paper or minutes deadlines.", cancellationToken);
        }

        var upcoming = await meetings.UpcomingAsync(board, time.GetUtcNow().AddDays(-28), 6, cancellationToken);
        var calendar = UkWorkingDays.For(UkNation.EnglandAndWales);
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(London).Date;
        var lines = new List<string>();
        foreach (var meeting in upcoming)
        {
            var date = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(London).Date;
            foreach (var (kind, period) in new[] { ("Papers", model.PapersDeadline), ("Minutes", model.MinutesDeadline) })
            {
                if (period is not null && new DeadlineRule(DeadlineKind.Other, period).DeadlineFor(date, calendar) is var deadline && deadline >= today)
                {
                    lines.Add($"- {kind} for {LongDate.Format(date)}: **{LongDate.Format(deadline)}** ({period.Describe()})");
                }
            }
        }

        return await turn.ReplyMarkdownAsync(lines.Count == 0
            ? $"Nothing is due: no meetings of the {board} are scheduled. The chair or secretariat can say \"schedule the next 4 meetings\"."
            : $"Due for the **{board}**:\n\n{string.Join("\n", lines.Take(6))}", cancellationToken);
    }

    [GeneratedRegex(@"^\s*what('?s| is)\s+(?:due|coming up)\b|\bwhat\s+deadlines\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhatsDue();

    [GeneratedRegex(@"^\s*(?:please\s+)?schedule\s+(?:the\s+)?(?:next\s+)?(?<n>\d{1,2})?\s*meetings?\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ScheduleCommand();

    [GeneratedRegex(@"\b(next|upcoming)\s+(board\s+)?meeting\b|\bwhen\s+(is|are)\s+(we|the\s+board)\s+(next\s+)?meeting\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextMeetingQuestion();
}
