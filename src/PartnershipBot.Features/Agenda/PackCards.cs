using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The agenda pack as the board's conversation receives it, and the secretariat's card that says when it goes out
/// with "Send now" and "Hold". The secretariat's buttons carry only the meeting's id; who pressed comes from the
/// authenticated activity and is checked again on every press.
/// </summary>
public static class PackCards
{
    /// <summary>The verb of "Send now".</summary>
    public const string SendNowVerb = "pack/send-now";

    /// <summary>The verb of "Hold".</summary>
    public const string HoldVerb = "pack/hold";

    /// <summary>The pack posted to the board: the numbered agenda with each paper, what is still missing, and the open actions.</summary>
    public static AdaptiveCard Pack(AgendaView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard()
            .Text($"Agenda and papers: {MarkdownText.EscapeForCard(view.BoardName)}", "heading")
            .Facts(
                ("Meeting", MeetingTimes.Describe(view.Meeting.StartsAt, view.Meeting.EndsAt)),
                ("Venue", view.Meeting.Venue is { } venue ? MarkdownText.EscapeForCard(venue) : "Online (Teams)"),
                ("Papers due", $"{MeetingTimes.LongDate.Format(view.PackDue)} ({view.PackRule})"));
        foreach (var line in view.Lines)
        {
            card.Text(string.Create(CultureInfo.InvariantCulture, $"{line.Number}. {MarkdownText.EscapeForCard(line.Title)}{Detail(line)}"));
        }

        var missing = view.Missing.ToList();
        card.Text(missing.Count == 0
            ? "Every paper is in."
            : $"Papers still to come: {string.Join("; ", missing.Select(l => $"{MarkdownText.EscapeForCard(l.Title)} ({MarkdownText.EscapeForCard(l.OwnerName ?? "no owner")})"))}.", missing.Count == 0 ? null : "attention");
        if (view.OpenActions.Count > 0)
        {
            card.Text("Open actions (matters arising): " + string.Join(" ", view.OpenActions.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Number}. {MarkdownText.EscapeForCard(a.Text)} ({MarkdownText.EscapeForCard(a.OwnerName)})."))));
        }

        return card.Text("Members must declare any interest in an item before it is discussed, and before any financial decision.");
    }

    /// <summary>The secretariat's card: when the pack goes out, what it holds, and the buttons that still apply.</summary>
    public static AdaptiveCard Control(PackStatus status, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var view = status.View;
        var card = new AdaptiveCard()
            .Text($"Agenda pack: {MarkdownText.EscapeForCard(view.BoardName)}, {MeetingTimes.LongDate.Format(view.MeetingDate)}", "heading")
            .Facts(("Status", Describe(status)), ("Items", view.Lines.Count.ToString(CultureInfo.InvariantCulture)), ("Papers still to come", view.Missing.Count().ToString(CultureInfo.InvariantCulture)));
        if (note is not null)
        {
            card.Text(note, "attention");
        }

        var data = new JsonObject { ["meetingId"] = view.Meeting.MeetingId };
        if (status.State is PackState.Scheduled or PackState.Held)
        {
            card.Execute("Send now", SendNowVerb, data, sendsInputs: false);
        }

        if (status.State == PackState.Scheduled)
        {
            card.Execute("Hold", HoldVerb, data, sendsInputs: false);
        }

        return card;
    }

    /// <summary>The answer to a press on a pack whose meeting is gone.</summary>
    public static AdaptiveCard Unavailable() => new AdaptiveCard()
        .Text("This agenda pack is no longer available", "attention")
        .Text("Its meeting may have been cancelled. Say \"agenda pack\" in the board's conversation for the next one.");

    private static string Describe(PackStatus status) => status.State switch
    {
        PackState.Scheduled when status.Reminder is { } r => $"Goes out to the board at {ReminderCards.UkTime(r.DueAt)} (UK time)",
        PackState.Held => "Held: it goes out only when someone presses \"Send now\"",
        PackState.Sending => "Being posted now",
        PackState.Sent => "Posted to the board",
        _ when status.Reminder is null => "Not queued: the board has no linked conversation to post it in",
        _ => $"Not sent ({status.Reminder!.LastOutcome})",
    };

    private static string Detail(AgendaLine line)
    {
        var parts = new List<string>();
        if (line.OwnerName is { } owner)
        {
            parts.Add($"paper from {MarkdownText.EscapeForCard(owner)}: {AgendaText.Word(line.Paper)}{(line.LateDecision is { } decision ? $", {decision} by the chair" : string.Empty)}");
        }

        if (line.Financial)
        {
            parts.Add("financial decision: declare interests");
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
    }
}
