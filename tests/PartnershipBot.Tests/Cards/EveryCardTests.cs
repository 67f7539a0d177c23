using System.Reflection;
using NodaTime;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cards;

/// <summary>
/// Every card the bot can send passes the official Adaptive Card 1.5 schema and the official renderer's parser:
/// the meeting and reminder cards here, the declaration, member and upload cards in their feature tests. The
/// inventory test fails when a new card builder appears that no contract test knows about.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class EveryCardTests
{
    /// <summary>Card builders and where their contract test is.</summary>
    private static readonly Dictionary<string, string> Covered = new(StringComparer.Ordinal)
    {
        ["ReminderCards.Reminder"] = nameof(EveryCardTests),
        ["ReminderCards.Unavailable"] = "ReminderCardActionTests",
        ["DeadlineReminderViews.RenderAsync"] = "ReminderCardActionTests",
        ["SecretariatNotices.RenderAsync"] = "ReminderCardActionTests",
        ["MeetingCards.Proposal"] = nameof(EveryCardTests),
        ["MeetingCards.Booked"] = nameof(EveryCardTests),
        ["ReminderDigest.Card"] = nameof(EveryCardTests),
        ["ReminderDigest.RenderAsync"] = nameof(EveryCardTests),
        ["DeclarationCards.Shared"] = "DeclarationChatTests",
        ["DeclarationCards.Personal"] = "DeclarationChatTests",
        ["DeclarationCards.ReadOnly"] = "DeclarationChatTests",
        ["DeclarationCards.Chair"] = "DeclarationChatTests",
        ["DeclarationCardSource.RenderAsync"] = "DeclarationSchedulingTests",
        ["MemberCards.Pick"] = "MemberCardChatTests",
        ["MemberCards.Saved"] = "MemberCardChatTests",
        ["MemberCards.OutOfDate"] = "MemberCardChatTests",
        ["MemberCards.Refusal"] = "MemberCardChatTests",
        ["TorUploadCards.Review"] = "TorUploadChatTests",
        ["TorUploadCards.Kept"] = "TorUploadChatTests",
        ["TorUploadCards.Discarded"] = "TorUploadChatTests",
        ["TorUploadCards.CannotUse"] = "TorUploadChatTests",
        ["PackCards.Pack"] = "AgendaPackTests",
        ["PackCards.Control"] = "AgendaPackTests",
        ["PackCards.Unavailable"] = "AgendaPackTests",
        ["AgendaPackCardSource.RenderAsync"] = "AgendaPackTests",
        ["LatePaperCards.Ask"] = "LatePaperDecisionTests",
        ["LatePaperCards.Unavailable"] = "LatePaperDecisionTests",
        ["LatePaperCardSource.RenderAsync"] = "LatePaperDecisionTests",
        ["AttendanceCards.Card"] = "AttendanceChatTests",
        ["ActionCards.Reminder"] = "ActionReminderTests",
        ["ActionCards.Unavailable"] = "ActionReminderTests",
        ["ActionReminderCardSource.RenderAsync"] = "ActionReminderTests",
        ["AttendanceCards.Unavailable"] = "AttendanceChatTests",
        ["StandingInterestCards.Form"] = "StandingInterestChatTests",
        ["StandingInterestReminders.RenderAsync"] = "StandingInterestReminderTests",
    };

    [Fact]
    public void Every_card_builder_in_the_features_has_a_contract_test()
    {
        // Interfaces and the catalog only hand on cards built elsewhere.
        var builders = typeof(ReminderCards).Assembly.GetTypes().Where(t => !t.IsInterface && t != typeof(ReminderCardCatalog))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(AdaptiveCard) || m.ReturnType == typeof(Task<AdaptiveCard>))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();

        var untested = builders.Except(Covered.Keys).ToList();
        Assert.True(untested.Count == 0, $"Cards without a schema and renderer test: {string.Join(", ", untested)}. Validate them (CardContracts.AssertValidAsync) and list them here.");
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Meeting_and_reminder_cards_pass_the_schema_and_the_renderer()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var start = new LocalDateTime(2026, 12, 8, 10, 0).InZoneStrictly(london);
        var proposed = new[] { new ProposedMeeting(start, start.Plus(Duration.FromHours(2)), "The Board will meet monthly."), new ProposedMeeting(start.Plus(Duration.FromDays(35)), start.Plus(Duration.FromDays(35) + Duration.FromHours(2)), "The Board will meet monthly.") };
        var meeting = new MeetingRecord("m1", "Safer Board", "19:x", start.ToDateTimeOffset(), start.Plus(Duration.FromHours(2)).ToDateTimeOffset(), "evt-1");
        var deadlines = new[] { new MeetingDeadline(Features.Deadlines.DeadlineKind.Papers, new LocalDate(2026, 12, 3), "3 working days before the meeting") };
        var payload = new ReminderPayload("m1", "Safer Board", DeadlineKind.Papers, "2026-12-03", "2026-12-08", "3 working days before the meeting");
        var digest = ReminderDigest.Card(new ReminderDigestPayload("Safer Board", [new UndeliveredReminder("Uma", "papers", ReminderOutcome.Blocked), new UndeliveredReminder("Nia", "declaration", ReminderOutcome.NotReachable)]));

        await CardContracts.AssertValidAsync(
            ("reminder-papers", ReminderCards.Reminder(payload, "r1").ToJson()),
            ("reminder-minutes", ReminderCards.Reminder(payload with { Kind = DeadlineKind.Minutes }, "r2").ToJson()),
            ("reminder-done", ReminderCards.Reminder(payload, "r3", [new ReminderResponse("r3", "p", "Jane", ReminderAction.Done, DateTimeOffset.UnixEpoch)], ["29:jane"]).ToJson()),
            ("meeting-proposal", MeetingCards.Proposal("Safer Board", proposed, null, "Outlook").ToJson()),
            ("meeting-proposal-to-fix", MeetingCards.Proposal("Safer Board", proposed, "Civic Centre", "Outlook", "Meeting 2 is on a bank holiday.", new HashSet<int> { 1 }).ToJson()),
            ("meeting-booked", MeetingCards.Booked("Safer Board", [new BookedMeeting(meeting, "https://teams.microsoft.com/l/meetup-join/x", deadlines), new BookedMeeting(meeting, null, deadlines)], "Outlook", asSeries: false).ToJson()),
            ("reminder-digest", digest.ToJson()));
    }
}
