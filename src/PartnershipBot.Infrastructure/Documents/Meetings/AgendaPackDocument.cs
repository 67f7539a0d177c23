using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Infrastructure.Documents.Meetings;

/// <summary>
/// The agenda as a Word document for the pack: board, date, time, venue and Teams link, the numbered items with their
/// owners and papers, what is still missing, the open actions under matters arising, and the declarations reminder.
/// </summary>
public static class AgendaPackDocument
{
    /// <summary>Writes the agenda of <paramref name="agenda"/> to <paramref name="output"/>.</summary>
    /// <param name="agenda">The meeting's agenda.</param>
    /// <param name="venue">Where it meets, when known.</param>
    /// <param name="teamsLink">The Teams join link, when booked in Outlook.</param>
    /// <param name="output">Where the .docx goes.</param>
    public static void Write(AgendaView agenda, string? venue, string? teamsLink, Stream output)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        using var word = new WordDocumentWriter(output, $"{agenda.BoardName}: agenda, {MeetingTimes.LongDate.Format(agenda.MeetingDate)}");
        word.Title(agenda.BoardName);
        word.Heading("Agenda");
        word.Paragraph(MeetingTimes.Describe(agenda.Meeting.StartsAt, agenda.Meeting.EndsAt), bold: true);
        word.Paragraph("Venue: " + (venue ?? "Microsoft Teams"));
        if (teamsLink is not null)
        {
            word.Paragraph("Join on Teams: " + teamsLink);
        }

        word.Paragraph($"Circulated {MeetingTimes.LongDate.Format(agenda.PackDue)} ({(agenda.PackRuleFromTor ? "the Terms of Reference: " : "default, the Terms of Reference set none: ")}{agenda.PackRule}).", italic: true);
        word.Heading("Items", 2);
        foreach (var line in agenda.Lines)
        {
            var owner = line.OwnerName is { } name ? $" (paper: {name}{PaperNote(line.Paper)})" : string.Empty;
            word.Paragraph($"{line.Number}. {line.Title}{owner}{(line.Financial ? " (financial decision: declare any interest before this item)" : string.Empty)}");
            if (line.Standing && StandingItems.IsMattersArising(line.Title))
            {
                OpenActions(word, agenda);
            }
        }

        // A board whose standing items have no "matters arising" still sees its open actions in the pack.
        if (agenda.OpenActions.Count > 0 && !agenda.Lines.Any(l => l.Standing && StandingItems.IsMattersArising(l.Title)))
        {
            word.Heading("Open actions", 2);
            OpenActions(word, agenda);
        }

        var missing = agenda.Missing.ToList();
        if (missing.Count > 0)
        {
            word.Heading("Papers still to come", 2);
            foreach (var line in missing)
            {
                word.Bullet($"Item {line.Number}, {line.Title}: from {line.OwnerName}");
            }
        }

        word.Heading("Declarations of interest", 2);
        word.Paragraph("Members must declare any interest in an item before it is discussed, and before any financial decision. The chair decides, under the board's Terms of Reference, how a member with an interest takes part.");
    }

    private static void OpenActions(WordDocumentWriter word, AgendaView agenda)
    {
        foreach (var action in agenda.OpenActions)
        {
            word.Bullet($"Action {action.Number}: {action.Text} ({action.OwnerName}{(action.Due is { } d ? ", due " + MeetingTimes.LongDate.Format(d) : string.Empty)}){(action.LastUpdate is { } u ? ". Update: " + u : string.Empty)}");
        }
    }

    private static string PaperNote(PaperState state) => state switch
    {
        PaperState.Submitted => ", attached",
        PaperState.Late => ", late",
        PaperState.Awaited => ", to follow",
        _ => string.Empty,
    };
}
