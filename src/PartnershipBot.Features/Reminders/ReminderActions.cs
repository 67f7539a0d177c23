using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// The deadline reminder's buttons: "Paper submitted", "I need more time", "Send apologies" and "Remind me
/// tomorrow", plus the per-person refresh. Card data names only the reminder; the meeting and board come from the
/// stored reminder and the person from the authenticated activity's <c>from.aadObjectId</c>, so a forged card can
/// act neither for someone else nor on another meeting. Every action is recorded before the card says it happened,
/// and repeating one (a double click, a Teams retry) changes nothing.
/// </summary>
public sealed class ReminderActions(
    IReminderOutbox outbox,
    IReminderResponses responses,
    IMeetingApologies apologies,
    DeadlineReminderViews views,
    SecretariatNotices secretariat,
    ITorLibrarySource library,
    BoardContextResolver boards,
    BoardWorkingDays workingDays,
    IAgendaStore agenda,
    TimeProvider time) : IFeatureRoutes
{
    private const string OnlyBoardsPeople = "Only the people of the board this reminder is for can answer it, so nothing was changed.";

    // Only the board's own people, in its own tenant, answer its reminders (everyone in local mode); the same words
    // whether the board is another tenant's or the person holds no role on it.
    private static readonly BoardRequest BoardsPeople = new(BoardDuty.AnswerReminders, NeedsTerms: false, OnlyBoardsPeople, OnlyBoardsPeople);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddCardAction("reminders/card", "reminders/", HandleAsync);
    }

    private async Task<InvokeResponse?> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var reminderId = action.Text("reminderId");
        var reminder = reminderId is null ? null : await outbox.FindAsync(reminderId, cancellationToken);
        if (reminder is null || ReminderPayloads.Read(reminder) is not { } payload)
        {
            return InvokeResponse.Card(ReminderCards.Unavailable().ToElement());
        }

        // Teams sends the Entra id with every authenticated activity; without it nobody can be held to an answer.
        if (action.Actor.Id is not { } personId)
        {
            return InvokeResponse.Message("I can't tell who you are from this message, so I can't record that.");
        }

        // A forged invoke with another board's reminder id changes nothing.
        var gate = await boards.NamedAsync(turn, payload.BoardName, BoardsPeople, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var verb = action.Verb;
        // Minutes cards offer neither button: the meeting is over, so an apology or a late-papers notice would be wrong.
        var notOffered = payload.Kind == DeadlineKind.Minutes && verb is ReminderCards.MoreTimeVerb or ReminderCards.ApologiesVerb;
        if (!Verbs.Contains(verb) || notOffered)
        {
            return InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Say \"what's due?\" for the current deadlines.");
        }

        var person = new Actor(personId, action.Actor.Name);
        var note = verb switch
        {
            ReminderCards.DoneVerb => await DoneAsync(reminder, payload, person, cancellationToken),
            ReminderCards.MoreTimeVerb => await MoreTimeAsync(reminder, payload, person, turn.Activity.GetConversationScopeId(), cancellationToken),
            ReminderCards.ApologiesVerb => await ApologiseAsync(reminder, payload, person, cancellationToken),
            ReminderCards.SnoozeVerb => await SnoozeAsync(reminder, payload, person, cancellationToken),
            _ => null, // the refresh: just the person's own view
        };

        var card = await views.RenderAsync(reminder, payload, personId, note, cancellationToken);
        return InvokeResponse.Card(card.ToElement());
    }

    private static readonly HashSet<string> Verbs =
        [ReminderCards.DoneVerb, ReminderCards.MoreTimeVerb, ReminderCards.ApologiesVerb, ReminderCards.SnoozeVerb, ReminderCards.ViewVerb];

    private sealed record Actor(string Id, string? Name);

    /// <summary>
    /// "Paper submitted" (or "Minutes sent"). On the papers reminder it is also the owner saying their paper is in, so
    /// the agenda items of that meeting they own show it (the first arrival is kept).
    /// </summary>
    private async Task<string?> DoneAsync(ReminderRecord reminder, ReminderPayload payload, Actor person, CancellationToken cancellationToken)
    {
        await RecordAsync(reminder, person, ReminderAction.Done, null, cancellationToken);
        if (payload.Kind != DeadlineKind.Papers)
        {
            return null;
        }

        var mine = (await agenda.ForMeetingAsync(payload.MeetingId, cancellationToken))
            .Where(i => !i.Withdrawn && string.Equals(i.OwnerId, person.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var item in mine)
        {
            await agenda.MarkPaperAsync(item.ItemId, time.GetUtcNow(), cancellationToken);
        }

        return mine.Count == 0 ? null : $"Marked in on the agenda: {string.Join(", ", mine.Select(i => $"“{i.Title}”"))}.";
    }

    private async Task<string?> RecordAsync(ReminderRecord reminder, Actor person, ReminderAction action, string? detail, CancellationToken cancellationToken)
    {
        await responses.RecordAsync(new ReminderResponse(reminder.ReminderId, person.Id, person.Name, action, time.GetUtcNow(), detail), cancellationToken);
        return null;
    }

    /// <summary>
    /// Tells the secretariat (once per person and reminder) and, where the ToR forbid late papers, says so. Where the
    /// notice went is stored with the response, so the card (now and on every refresh) says it.
    /// </summary>
    private async Task<string?> MoreTimeAsync(ReminderRecord reminder, ReminderPayload payload, Actor person, string? pressedIn, CancellationToken cancellationToken)
    {
        var clause = LateReportsClause.Find((await library.GetAsync(cancellationToken)).Find(payload.BoardName));
        // The stored response's detail is part of its key, so a press after the secretariat changed would otherwise
        // count as a new request: a repeat press keeps the first answer and queues nothing.
        var earlier = (await responses.OfPersonAsync(reminder.ReminderId, person.Id, cancellationToken)).Any(r => r.Action == ReminderAction.MoreTime);
        var delivery = earlier ? null : await secretariat.PlanMoreTimeAsync(reminder, pressedIn, cancellationToken);
        if (delivery is not null && await responses.RecordAsync(new ReminderResponse(reminder.ReminderId, person.Id, person.Name, ReminderAction.MoreTime, time.GetUtcNow(), delivery.Description), cancellationToken))
        {
            var notice = new MoreTimeNotice(payload.BoardName, payload.Kind, person.Name ?? "A member", payload.Deadline, payload.MeetingDate, clause);
            await secretariat.QueueMoreTimeAsync(reminder, person.Id, notice, delivery, cancellationToken);
        }

        return clause is null ? null : $"Please note: the {payload.BoardName} Terms of Reference do not permit late reports: “{clause}”";
    }

    /// <summary>Records the apology against the meeting (where a quorum forecast can count it) and on the card.</summary>
    private async Task<string?> ApologiseAsync(ReminderRecord reminder, ReminderPayload payload, Actor person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await apologies.RecordAsync(new MeetingApology(payload.MeetingId, payload.BoardName, person.Id, person.Name, now), cancellationToken);
        return await RecordAsync(reminder, person, ReminderAction.Apologies, null, cancellationToken);
    }

    /// <summary>
    /// Queues the same reminder to the person for 09:00 London on the next UK working day. The key names the meeting,
    /// deadline kind, person and day, so pressing again that day (on this card or a copy) queues nothing more.
    /// </summary>
    private async Task<string?> SnoozeAsync(ReminderRecord reminder, ReminderPayload payload, Actor person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var calendar = await workingDays.ForAsync(reminder.BoardKey, cancellationToken);
        LocalDate day;
        try
        {
            day = calendar.AddWorkingDays(MeetingTimes.DateOf(now), 1);
        }
        catch (OutsideHolidayDataException ex)
        {
            return ex.Message;
        }

        var iso = LocalDatePattern.Iso.Format(day);
        var due = (day + new LocalTime(9, 0)).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
        var key = $"{DeadlineReminderViews.PersonalKeyPrefix}{payload.MeetingId}/{PayloadKinds.Text(payload.Kind)}/{payload.Deadline}/{person.Id}/{iso}";
        await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), key, reminder.BoardKey, person.Id, reminder.Kind, due, reminder.PayloadJson), cancellationToken);
        return await RecordAsync(reminder, person, ReminderAction.Snoozed, iso, cancellationToken);
    }
}
