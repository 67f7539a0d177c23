using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;

namespace PartnershipBot.Infrastructure.Documents.Meetings;

/// <summary>
/// The secretary's draft minutes as a Word document: attendance and apologies, the declarations made (with their
/// register entry numbers), then a section per item with its discussion, decisions and actions left to complete.
/// </summary>
public static class MinutesDraftDocument
{
    /// <summary>Placeholder the secretary replaces; marked so a draft left incomplete is obvious.</summary>
    public const string ToComplete = "[to be completed by the secretary]";

    /// <summary>Writes the draft minutes of <paramref name="draft"/> to <paramref name="output"/>.</summary>
    public static void Write(MinutesDraft draft, Stream output)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var agenda = draft.Agenda;
        using var word = new WordDocumentWriter(output, $"{agenda.BoardName}: draft minutes, {MeetingTimes.LongDate.Format(agenda.MeetingDate)}");
        word.Title(agenda.BoardName);
        word.Heading("Minutes (draft)");
        word.Paragraph(MeetingTimes.Describe(agenda.Meeting.StartsAt, agenda.Meeting.EndsAt), bold: true);

        word.Heading("Present", 2);
        if (draft.Attendance is { } attendance)
        {
            word.Paragraph(attendance.Present.Count == 0 ? "Nobody was recorded present." : string.Join(", ", attendance.Present));
        }
        else
        {
            var apologies = draft.Apologies.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var expected = draft.Members.Where(m => !apologies.Contains(m)).ToList();
            word.Paragraph(expected.Count == 0 ? ToComplete : "Members expected (confirm who attended): " + string.Join(", ", expected));
        }

        word.Heading("Apologies", 2);
        word.Paragraph(draft.Apologies.Count == 0 ? "None received." : string.Join(", ", draft.Apologies));
        if (draft.Attendance is { } taken)
        {
            word.Heading("Absent", 2);
            word.Paragraph(taken.Absent.Count == 0 ? "None." : string.Join(", ", taken.Absent));
            word.Paragraph(taken.Quorum is { } quorum
                ? (quorum.Quorate switch { true => "The meeting was quorate: ", false => "The meeting was NOT quorate: ", null => "Quorum not known: " })
                    + AttendanceQuorum.Arithmetic(quorum) + "."
                : "Quorum: " + ToComplete + " (attendance was marked but not recorded by the chair).");
        }

        word.Heading("Declarations of interest", 2);
        if (draft.Declarations.Count == 0)
        {
            word.Paragraph("None declared through the register.");
        }

        foreach (var declaration in draft.Declarations)
        {
            var kind = declaration.Interest == InterestKind.Pecuniary ? "a financial interest" : "a non-financial interest";
            word.Bullet($"{declaration.PersonName} declared {kind} in “{declaration.Item}”{(declaration.Nature is { Length: > 0 } n ? ": " + n : string.Empty)} (register entry #{declaration.Sequence}).");
        }

        foreach (var line in agenda.Lines.Where(l => !l.Standing))
        {
            word.Heading($"{line.Number}. {line.Title}", 2);
            if (line.OwnerName is { } owner)
            {
                word.Paragraph($"Paper: {owner}.", italic: true);
            }

            word.Paragraph("Discussion: " + ToComplete);
            word.Paragraph("Decision: " + ToComplete);
            word.Paragraph("Actions: " + ToComplete);
        }

        word.Heading("Matters arising and actions", 2);
        if (agenda.OpenActions.Count == 0)
        {
            word.Paragraph("No open actions.");
        }

        foreach (var action in agenda.OpenActions)
        {
            word.Bullet($"Action {action.Number}: {action.Text} ({action.OwnerName}{(action.Due is { } d ? ", due " + MeetingTimes.LongDate.Format(d) : string.Empty)}).");
        }

        foreach (var closing in agenda.Standing.Closing)
        {
            word.Heading(closing, 2);
            word.Paragraph(ToComplete);
        }
    }
}
