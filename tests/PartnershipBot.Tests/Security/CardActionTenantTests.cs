using System.Text.Json.Nodes;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>
/// Every card action re-checks that the actor holds a role on the entity's board, in the board's
/// tenant, whatever the card data says; only voting members' apologies count in the quorum forecast.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class CardActionTenantTests : TwoTenantChatTest
{
    private const string Secretary = "00000000-0000-0000-0000-0000000000d5";
    private const string OutsiderChat = "a:personal-outsider";
    private const string ThurrockSample = "002_0670f6a07b026fcd.txt";
    private static readonly DateTimeOffset Start = new(DateTimeOffset.UtcNow.Year + 1, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private async Task<string> ArrangeReminderAsync()
    {
        await LinkBoardToTenantAAsync();
        await Service<IMeetingStore>().AddAsync(new MeetingRecord("thurrock/next", Board, ChannelConversation, Start, Start.AddHours(2)), DateTimeOffset.UtcNow, CancellationToken.None);
        var payload = ReminderPayloads.Write(new ReminderPayload("thurrock/next", Board, DeadlineKind.Papers, $"{Start.Year}-03-05", $"{Start.Year}-03-12", "5 working days before the meeting"));
        await Service<IReminderOutbox>().EnqueueAsync(
            new ReminderRecord("reminder-a", "test/reminder-a", Board.ToUpperInvariant(), ChannelConversation, "papers", Start.AddDays(-30), payload), CancellationToken.None);
        return "reminder-a";
    }

    [Theory]
    [InlineData(ReminderCards.ApologiesVerb)]
    [InlineData(ReminderCards.DoneVerb)]
    public async Task A_forged_reminder_action_from_another_tenant_changes_nothing(string verb)
    {
        var reminderId = await ArrangeReminderAsync();
        // Even someone recorded on the board (a guessed or leaked id) acts in their own tenant only.
        await GiveRoleAsync(Outsider, BoardRole.Member);

        var (_, body) = await PressAsAsync(verb, new JsonObject { ["reminderId"] = reminderId }, Outsider, TenantB, OutsiderChat);

        Assert.Contains("nothing was changed", AnswerText(body), StringComparison.Ordinal);
        Assert.Empty(await Service<IMeetingApologies>().ForMeetingAsync("thurrock/next", CancellationToken.None));
        Assert.Empty(await Service<IReminderResponses>().OfPersonAsync(reminderId, Outsider, CancellationToken.None));
    }

    [Fact]
    public async Task Someone_with_no_role_on_the_board_cannot_answer_its_reminder()
    {
        var reminderId = await ArrangeReminderAsync();

        var (_, body) = await PressAsAsync(ReminderCards.ApologiesVerb, new JsonObject { ["reminderId"] = reminderId }, Colleague, TenantA, ChannelConversation);

        Assert.Contains("nothing was changed", AnswerText(body), StringComparison.Ordinal);
        Assert.Empty(await Service<IMeetingApologies>().ForMeetingAsync("thurrock/next", CancellationToken.None));
    }

    [Fact]
    public async Task Only_voting_members_apologies_take_anyone_from_the_quorum_forecast()
    {
        var reminderId = await ArrangeReminderAsync();
        foreach (var member in new[] { "m1", "m2", "m3", "m4" })
        {
            await GiveRoleAsync($"00000000-0000-0000-0000-0000000000{member}", BoardRole.Member);
        }

        await GiveRoleAsync(Secretary, BoardRole.Secretariat);
        await PressAsAsync(ReminderCards.ApologiesVerb, new JsonObject { ["reminderId"] = reminderId }, Secretary, TenantA, ChannelConversation);
        await PressAsAsync(ReminderCards.ApologiesVerb, new JsonObject { ["reminderId"] = reminderId }, "00000000-0000-0000-0000-0000000000m1", TenantA, ChannelConversation);

        var answer = await SayInBoardChannelAsync("when is the next meeting?", Colleague);

        // "50% of membership, plus one": 4 members need 3; the secretariat's apology takes no vote away.
        Assert.Contains("2 apologies received so far. Quorum forecast: 4 members, quorum 3; 1 apology leaves 3 expected: quorate.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declaration_card_from_another_tenant_records_nothing()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Outsider, BoardRole.Member);
        var (item, _) = await Service<IDeclarationItemStore>().AddAsync(
            new DeclarationItem("item-a", Board, null, null, "Allocate the fund", Admin, DateTimeOffset.UtcNow), CancellationToken.None);

        var (_, body) = await PressAsAsync(DeclarationCards.SubmitVerb, new JsonObject { ["itemId"] = item.ItemId, ["interest"] = "none" }, Outsider, TenantB, OutsiderChat);

        Assert.Equal(DeclarationCardActions.NotYourBoard, AnswerText(body));
        Assert.Empty(await Service<IDeclarationRegister>().ListForItemAsync(item, CancellationToken.None));
    }

    [Fact]
    public async Task Another_tenants_admin_cannot_book_meetings_from_the_boards_conversation()
    {
        await LinkBoardToTenantAAsync();
        var calendar = await Service<BoardWorkingDays>().ForAsync(Board, CancellationToken.None);
        var date = NodaTime.LocalDate.FromDateTime(DateTime.UtcNow.AddDays(40));
        while (!calendar.IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        var data = new JsonObject
        {
            ["board"] = Board, ["count"] = 1, ["minutes"] = 120, ["reason"] = "test",
            ["date0"] = NodaTime.Text.LocalDatePattern.Iso.Format(date), ["time0"] = "10:00", ["keep0"] = "true",
        };

        var (_, body) = await PressAsAsync(MeetingCards.BookVerb, data, Admin, TenantB, ChannelConversation);

        Assert.Contains("isn't linked to a board", AnswerText(body), StringComparison.Ordinal);
        Assert.Empty(await Service<IMeetingStore>().UpcomingAsync(Board, DateTimeOffset.UtcNow, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Another_tenants_admin_cannot_save_the_boards_members()
    {
        await LinkBoardToTenantAAsync();
        Connector.Roster.Add(new Protocol.Schema.ChannelAccount { Id = "29:someone", Name = "Someone", AadObjectId = Outsider });
        var fingerprint = new RosterResult([new PersonRecord(Outsider, "29:someone", "Someone", null, false)], null).Fingerprint();

        var (_, body) = await PressAsAsync(MemberCards.SaveVerb, new JsonObject { ["board"] = Board, ["roster"] = fingerprint, [MemberCards.MembersInput] = Outsider }, Admin, TenantB, ChannelConversation);

        Assert.DoesNotContain("Saved", AnswerText(body), StringComparison.Ordinal);
        Assert.Empty(await Service<IBoardDirectory>().HoldersAsync(Board, BoardRole.Member, CancellationToken.None));
    }

    [Fact]
    public async Task Another_tenants_admin_cannot_keep_an_upload_for_the_board()
    {
        await LinkBoardToTenantAAsync();
        var content = await File.ReadAllBytesAsync(Testing.RepositoryPaths.Combine("samples", "tor", ThurrockSample));
        var upload = new PendingUpload("upload-a", "thurrock.txt", Board, Board, content, Admin, DateTimeOffset.UtcNow);
        await Service<IPendingUploadStore>().SaveAsync(upload, CancellationToken.None);
        var before = (await Service<ITermsDocumentStore>().GetLatestAsync(Board, CancellationToken.None))!.Version;

        var (_, body) = await PressAsAsync(Features.TermsOfReference.Conversation.TorUploadCards.KeepVerb, new JsonObject { ["upload"] = upload.UploadId }, Admin, TenantB, $"a:personal-{Admin}");

        Assert.Contains("no longer change this board", AnswerText(body), StringComparison.Ordinal);
        Assert.Equal(before, (await Service<ITermsDocumentStore>().GetLatestAsync(Board, CancellationToken.None))!.Version);
    }
}
