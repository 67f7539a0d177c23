using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda.Papers;

/// <summary>
/// The papers reminder tells the owner how to send the file itself (Teams cards carry no file picker); the minutes
/// reminder, and a papers reminder whose paper is already in, don't.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class UploadPaperHintTests
{
    private static readonly ReminderPayload Papers = new("m1", "Safer Board", DeadlineKind.Papers, "2026-12-03", "2026-12-08", "3 working days before the meeting");

    [Fact]
    public void The_papers_reminder_says_how_to_send_the_paper_in_a_personal_chat()
    {
        var text = ReminderCards.Reminder(Papers, "r1").ToJson().ToJsonString();

        Assert.Contains("Upload paper", text, StringComparison.Ordinal);
        Assert.Contains("Send the file to me in a personal chat", text, StringComparison.Ordinal);
        Assert.Contains("paper for item <number>", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
    }

    [Fact]
    public void The_minutes_reminder_and_a_papers_reminder_already_answered_carry_no_hint()
    {
        var minutes = ReminderCards.Reminder(Papers with { Kind = DeadlineKind.Minutes }, "r2").ToJson().ToJsonString();
        var done = ReminderCards.Reminder(Papers, "r3", [new ReminderResponse("r3", "p", "Jane", ReminderAction.Done, DateTimeOffset.UnixEpoch)]).ToJson().ToJsonString();

        Assert.DoesNotContain("Upload paper", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("Upload paper", done, StringComparison.Ordinal);
    }
}
