using Microsoft.Extensions.Options;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Boards;

/// <summary>
/// The one board guard: every route's "which board, may this tenant use it, may this person do it"
/// goes through <see cref="BoardContextResolver"/>, so its refusals are tested here once, with channel auth on.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class BoardContextResolverTests
{
    private const string Board = "Westbrook Community Safety Partnership";
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";
    private const string Channel = "19:board-channel@thread.tacv2";
    private const string Chair = "00000000-0000-0000-0000-0000000000c1";
    private const string Member = "00000000-0000-0000-0000-0000000000m1";
    private const string Secretary = "00000000-0000-0000-0000-0000000000s1";
    private const string Admin = "00000000-0000-0000-0000-0000000000a1";

    private static readonly BoardRequest Schedule = BoardRequest.RunMeetings("schedule, move or cancel meetings", needsTerms: true);

    private readonly FakeBoards boards = new();

    public BoardContextResolverTests()
    {
        boards.Tenants[Board] = TenantA;
        boards.Links[Channel] = Board;
        boards.Roles[(Board, Chair)] = [BoardRole.Chair];
        boards.Roles[(Board, Member)] = [BoardRole.Member];
        boards.Roles[(Board, Secretary)] = [BoardRole.Secretariat];
    }

    [Fact]
    public async Task The_chair_in_the_boards_channel_gets_the_board_its_terms_and_the_channel()
    {
        var gate = await Resolver().LinkedAsync(Turn(Channel, Chair, TenantA), Schedule, CancellationToken.None);

        Assert.True(gate.Allowed);
        Assert.Equal(BoardDenial.None, gate.Denial);
        Assert.Equal(Board, gate.Board.Name);
        Assert.Equal(Board, gate.Board.Terms.Identity.Name);
        Assert.Equal(Channel, gate.Board.ConversationId);
        Assert.Equal([BoardRole.Chair], gate.Board.Access.Roles);
        Assert.Null(gate.Refusal);
    }

    [Fact]
    public async Task A_turn_from_another_tenant_is_told_the_conversation_is_not_linked_even_an_admin()
    {
        var gate = await Resolver(admins: [Admin]).LinkedAsync(Turn(Channel, Admin, TenantB), Schedule, CancellationToken.None);

        Assert.False(gate.Allowed);
        Assert.Equal(BoardDenial.NotLinked, gate.Denial);
        // Nothing about the other tenant's board leaks: not its name, not that it exists.
        Assert.Null(gate.LinkedBoard);
        Assert.Equal(BoardRefusals.NotLinked(), gate.Refusal);
        Assert.DoesNotContain(Board, gate.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_names_no_tenant_is_refused_with_auth_on()
    {
        var gate = await Resolver().LinkedAsync(Turn(Channel, Chair, tenant: null), Schedule, CancellationToken.None);

        Assert.Equal(BoardDenial.NotLinked, gate.Denial);
    }

    [Fact]
    public async Task A_board_no_tenant_has_claimed_is_not_used_with_auth_on()
    {
        boards.Tenants.Remove(Board);

        var gate = await Resolver().LinkedAsync(Turn(Channel, Chair, TenantA), Schedule, CancellationToken.None);

        Assert.Equal(BoardDenial.NotLinked, gate.Denial);
    }

    [Fact]
    public async Task An_unlinked_conversation_is_told_what_the_bot_does_not_know_and_how_to_link()
    {
        var gate = await Resolver().LinkedAsync(Turn("19:other-chat@thread.v2", Chair, TenantA), BoardRequest.RunMeetings("open declarations", "whose register to use"), CancellationToken.None);

        Assert.Equal(BoardDenial.NotLinked, gate.Denial);
        Assert.Equal("This conversation isn't linked to a board yet, so I don't know whose register to use. An admin or the secretariat can say \"link this to <board>\" first.", gate.Refusal);
    }

    [Fact]
    public async Task A_member_asking_for_meeting_business_is_refused_with_who_may()
    {
        var gate = await Resolver().LinkedAsync(Turn(Channel, Member, TenantA), Schedule, CancellationToken.None);

        Assert.False(gate.Allowed);
        Assert.Equal(BoardDenial.Refused, gate.Denial);
        Assert.Equal(Board, gate.LinkedBoard);
        Assert.Equal("Only the chair, vice-chair or secretariat can schedule, move or cancel meetings. Please ask one of them.", gate.Refusal);
    }

    [Fact]
    public async Task A_person_teams_does_not_name_is_refused_anything_role_gated()
    {
        var gate = await Resolver(admins: [Admin]).LinkedAsync(Turn(Channel, person: null, TenantA), Schedule, CancellationToken.None);

        Assert.Equal(BoardDenial.Refused, gate.Denial);
    }

    [Fact]
    public async Task Set_up_is_the_secretariats_and_admins_not_the_chairs()
    {
        var request = BoardRequest.SetUp("change roles", "give people roles here");
        var resolver = Resolver(admins: [Admin]);

        var chair = await resolver.LinkedAsync(Turn(Channel, Chair, TenantA), request, CancellationToken.None);
        var secretary = await resolver.LinkedAsync(Turn(Channel, Secretary, TenantA), request, CancellationToken.None);
        var admin = await resolver.LinkedAsync(Turn(Channel, Admin, TenantA), request, CancellationToken.None);
        var unlinked = await resolver.LinkedAsync(Turn("a:personal-chat", Admin, TenantA), request, CancellationToken.None);

        Assert.Equal("Only an admin or the board's secretariat can change roles.", chair.Refusal);
        Assert.True(secretary.Allowed);
        Assert.True(admin.Allowed);
        Assert.Equal("Link this conversation to its board first (\"link this to <board>\"), then give people roles here.", unlinked.Refusal);
    }

    [Fact]
    public async Task Anyone_in_the_linked_conversation_passes_a_request_that_needs_no_role()
    {
        var gate = await Resolver().LinkedAsync(Turn(Channel, "00000000-0000-0000-0000-00000000000x", TenantA), BoardRequest.Anyone(), CancellationToken.None);

        Assert.True(gate.Allowed);
        Assert.Empty(gate.Board.Access.Roles);
        Assert.True(gate.Board.Access.SeesBoardDetails);
    }

    [Theory]
    [InlineData("channel", true)]
    [InlineData("channel", false)]
    [InlineData(null, false)]
    public async Task A_post_in_the_channel_resolves_to_the_channels_board(string? conversationType, bool withChannelData)
    {
        var thread = Channel + ";messageid=1733212800000";
        var turn = Turn(thread, Chair, TenantA, conversationType, withChannelData ? Channel : null);

        var gate = await Resolver().LinkedAsync(turn, Schedule, CancellationToken.None);

        Assert.True(gate.Allowed);
        Assert.Equal(Board, gate.Board.Name);
        Assert.Equal(Channel, gate.Board.ConversationId);
    }

    [Fact]
    public async Task A_linked_board_without_terms_of_reference_counts_as_not_linked_only_when_terms_are_needed()
    {
        boards.Tenants["Board Without Terms"] = TenantA;
        boards.Links["19:bare@thread.tacv2"] = "Board Without Terms";
        boards.Roles[("Board Without Terms", Chair)] = [BoardRole.Chair];
        var turn = Turn("19:bare@thread.tacv2", Chair, TenantA);

        var needing = await Resolver().LinkedAsync(turn, Schedule, CancellationToken.None);
        var notNeeding = await Resolver().LinkedAsync(turn, BoardRequest.RunMeetings("open declarations"), CancellationToken.None);

        Assert.Equal(BoardDenial.NotLinked, needing.Denial);
        Assert.True(notNeeding.Allowed);
        Assert.Null(notNeeding.Board.TermsOrNull);
        Assert.Throws<InvalidOperationException>(() => notNeeding.Board.Terms);
    }

    [Fact]
    public async Task A_card_naming_a_board_is_checked_against_that_board_not_the_conversations()
    {
        var press = new BoardRequest(BoardDuty.SetUp, NeedsTerms: false, "not yours", "secretariat only");
        var resolver = Resolver(admins: [Admin]);
        var personalChat = "a:personal-chat";

        var secretary = await resolver.NamedAsync(Turn(personalChat, Secretary, TenantA), Board, press, CancellationToken.None);
        var chair = await resolver.NamedAsync(Turn(personalChat, Chair, TenantA), Board, press, CancellationToken.None);
        var otherTenantAdmin = await resolver.NamedAsync(Turn(personalChat, Admin, TenantB), Board, press, CancellationToken.None);

        Assert.True(secretary.Allowed);
        Assert.Equal(personalChat, secretary.Board.ConversationId);
        Assert.False(secretary.Board.Access.InLinkedConversation);
        Assert.Equal((BoardDenial.Refused, "secretariat only"), (chair.Denial, chair.Refusal));
        Assert.Equal((BoardDenial.NotLinked, "not yours"), (otherTenantAdmin.Denial, otherTenantAdmin.Refusal));
        Assert.Null(otherTenantAdmin.LinkedBoard);
    }

    [Fact]
    public async Task Reminders_are_answered_by_the_boards_people_only_with_auth_on()
    {
        var answer = new BoardRequest(BoardDuty.AnswerReminders, NeedsTerms: false, "not yours", "not yours");
        var resolver = Resolver(admins: [Admin]);

        var member = await resolver.NamedAsync(Turn("a:personal-chat", Member, TenantA), Board, answer, CancellationToken.None);
        var admin = await resolver.NamedAsync(Turn("a:personal-chat", Admin, TenantA), Board, answer, CancellationToken.None);

        Assert.True(member.Allowed);
        Assert.Equal(BoardDenial.Refused, admin.Denial);
    }

    [Fact]
    public async Task Meeting_details_are_for_the_boards_people_and_its_own_conversations()
    {
        var details = new BoardRequest(BoardDuty.SeeDetails, NeedsTerms: false, "not yours", "not yours");
        var stranger = "00000000-0000-0000-0000-00000000000x";
        var resolver = Resolver();

        var inItsChannel = await resolver.NamedAsync(Turn(Channel, stranger, TenantA), Board, details, CancellationToken.None);
        var elsewhere = await resolver.NamedAsync(Turn("a:personal-chat", stranger, TenantA), Board, details, CancellationToken.None);

        Assert.True(inItsChannel.Allowed);
        Assert.Equal(BoardDenial.Refused, elsewhere.Denial);
    }

    [Fact]
    public async Task The_boards_working_days_follow_its_nation()
    {
        boards.Nations[Board] = UkNation.Scotland;

        var gate = await Resolver().LinkedAsync(Turn(Channel, Chair, TenantA), Schedule, CancellationToken.None);
        var calendar = await gate.Board!.WorkingDaysAsync(CancellationToken.None);

        // 2 January is a bank holiday in Scotland only.
        Assert.False(calendar.IsWorkingDay(new NodaTime.LocalDate(2026, 1, 2)));
    }

    private static readonly BoardRequest NewTerms = new(BoardDuty.SetUp, NeedsTerms: false, "not yours to change", "not yours to change");

    [Fact]
    public async Task A_new_terms_version_is_the_secretariats_and_a_member_is_refused_in_the_routes_words()
    {
        var allowed = await Resolver().TermsVersionAsync(Turn("a:personal", Secretary, TenantA), Board, NewTerms, claim: false, CancellationToken.None);
        var refused = await Resolver().TermsVersionAsync(Turn("a:personal", Member, TenantA), Board, NewTerms, claim: true, CancellationToken.None);

        Assert.True(allowed.Allowed);
        Assert.Equal(Board, allowed.Board.Name);
        Assert.Equal(BoardDenial.Refused, refused.Denial);
        Assert.Equal("not yours to change", refused.Refusal);
        Assert.Equal(TenantA, boards.Tenants[Board]);
    }

    [Fact]
    public async Task A_new_terms_version_for_another_tenants_board_is_refused_even_for_its_secretariat_or_an_admin()
    {
        var secretary = await Resolver().TermsVersionAsync(Turn("b:personal", Secretary, TenantB), Board, NewTerms, claim: true, CancellationToken.None);
        var admin = await Resolver(admins: [Admin]).TermsVersionAsync(Turn("b:personal", Admin, TenantB), Board, NewTerms, claim: true, CancellationToken.None);

        Assert.Equal(BoardDenial.Refused, secretary.Denial);
        Assert.Equal(BoardDenial.Refused, admin.Denial);
        Assert.Null(admin.LinkedBoard);
        Assert.Equal(TenantA, boards.Tenants[Board]);
    }

    [Fact]
    public async Task An_unclaimed_board_takes_a_version_from_an_admin_and_is_claimed_for_their_tenant_only_when_kept()
    {
        boards.Tenants.Remove(Board);

        var member = await Resolver().TermsVersionAsync(Turn("a:personal", Member, TenantA), Board, NewTerms, claim: true, CancellationToken.None);
        var reviewed = await Resolver(admins: [Admin]).TermsVersionAsync(Turn("a:personal", Admin, TenantA), Board, NewTerms, claim: false, CancellationToken.None);
        Assert.Equal(BoardDenial.Refused, member.Denial);
        Assert.True(reviewed.Allowed);
        Assert.False(boards.Tenants.ContainsKey(Board));

        var kept = await Resolver(admins: [Admin]).TermsVersionAsync(Turn("a:personal", Admin, TenantA), Board, NewTerms, claim: true, CancellationToken.None);

        Assert.True(kept.Allowed);
        Assert.Equal(TenantA, boards.Tenants[Board]);
    }

    private BoardContextResolver Resolver(string[]? admins = null)
    {
        var adminOptions = new BoardAdminOptions();
        foreach (var admin in admins ?? [])
        {
            adminOptions.Admins.Add(admin);
        }

        // Channel auth on: an app id is configured, so nothing is open by default.
        var bot = Options.Create(new BotFrameworkOptions { MicrosoftAppId = "00000000-0000-0000-0000-00000000b07a" });
        var permissions = new BoardPermissions(boards, boards, boards, boards, Options.Create(adminOptions), bot, TimeProvider.System);
        return new BoardContextResolver(permissions, boards, new BoardWorkingDays(boards, new UkCalendars(Microsoft.Extensions.Logging.Abstractions.NullLogger<UkCalendars>.Instance)));
    }

    private static GuardTurn Turn(string conversationId, string? person, string? tenant, string? conversationType = null, string? channelId = null) =>
        new(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "schedule the next 4 meetings",
            From = new ChannelAccount { Id = "29:someone", AadObjectId = person },
            Conversation = new ConversationAccount { Id = conversationId, TenantId = tenant, ConversationType = conversationType },
            ChannelData = channelId is null ? null : new TeamsChannelData { Channel = new TeamsInfo { Id = channelId } },
        });

    /// <summary>Links, tenants, roles, nations and one ToR in memory: the state the guard reads, nothing it writes.</summary>
    private sealed class FakeBoards : IBoardLinks, IBoardRoles, IBoardNations, IBoardTenancy, ITorLibrarySource
    {
        private static readonly TorLibrary Library = new([TermsOfReferenceModel.Build("board.txt", """
            Westbrook Community Safety Partnership
            Terms of Reference

            1. Meetings
            1.1 The Partnership will meet quarterly.
            """)]);

        public Dictionary<string, string> Links { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Tenants { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<(string Board, string Person), BoardRole[]> Roles { get; } = [];

        public Dictionary<string, UkNation> Nations { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task<ConversationBoardLink?> FindLinkAsync(string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult(Links.TryGetValue(conversationId, out var board) ? new ConversationBoardLink(conversationId, board, "admin", DateTimeOffset.UnixEpoch) : null);

        public Task<IReadOnlyList<BoardRole>> RolesOfAsync(string boardName, string personId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BoardRole>>(Roles.TryGetValue((boardName, personId), out var roles) ? roles : []);

        public Task<UkNation> NationOfAsync(string boardName, CancellationToken cancellationToken) =>
            Task.FromResult(Nations.GetValueOrDefault(boardName, UkNation.EnglandAndWales));

        public Task<IReadOnlyList<string?>> TenantsOfAsync(IReadOnlyList<string> boardNames, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string?>>([.. boardNames.Select(b => Tenants.GetValueOrDefault(b))]);

        public ValueTask<TorLibrary> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Library);

        public void Invalidate()
        {
        }

        // The guard's one write: keeping a first ToR version claims an unclaimed board; the first claim wins.
        public Task<string> ClaimAsync(string boardName, string tenantId, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
            Task.FromResult(Tenants.TryAdd(boardName, tenantId) ? tenantId : Tenants[boardName]);

        // Otherwise the guard only reads; a write reaching the fake is a bug in the guard.

        public Task LinkAsync(ConversationBoardLink link, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> UnlinkAsync(string conversationId, string actor, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AssignRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RemoveRoleAsync(string boardName, string personId, BoardRole role, string actor, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetNationAsync(string boardName, UkNation nation, string actor, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> LinkedConversationsAsync(string boardName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PersonRecord>> HoldersAsync(string boardName, BoardRole role, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>A turn the guard reads; it never replies or calls Teams, so those throw.</summary>
    private sealed class GuardTurn(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;

        public string Text => Activity.Text ?? string.Empty;

        public IConnectorClient Connector => throw new NotSupportedException();

        public Task<ConnectorResult<ResourceResponse>> SendActivityAsync(Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
