using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Agenda.Papers;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Security;

namespace PartnershipBot.Tests.Agenda.Papers;

/// <summary>
/// Papers sent as files through /api/messages with channel auth on, on the store <see cref="Provider"/> names: the
/// Thurrock board linked by tenant A's admin, a meeting on Friday 12 March 2027 (pack date Friday 5 March: the ToR sets
/// no papers deadline, so five working days), the clock at Monday 1 March 2027, and a loopback file server standing in
/// for the pre-authorised download links Teams gives a bot (it counts requests, so "not opened" can be checked).
/// </summary>
public abstract class PaperFileTest : TwoTenantChatTest
{
    protected const string Strategy = "Community Safety Strategy refresh";
    protected const string MeetingId = "thurrock/2027-03-12";

    /// <summary>Jane Smith, a member who brings the strategy paper.</summary>
    protected const string Jane = "00000000-0000-0000-0000-00000000a5a1";

    /// <summary>A member who brings no paper.</summary>
    protected const string Member = "00000000-0000-0000-0000-00000000a5b2";

    /// <summary>The board's secretariat.</summary>
    protected const string Secretary = "00000000-0000-0000-0000-00000000a5c3";

    protected static readonly byte[] PdfV1 = "%PDF-1.7\n% strategy paper, first draft\n%%EOF"u8.ToArray();
    protected static readonly byte[] PdfV2 = "%PDF-1.7\n% strategy paper, revised\n%%EOF"u8.ToArray();

    private static readonly DateTimeOffset MeetingStart = new(2027, 3, 12, 10, 0, 0, TimeSpan.Zero);
    private TestDatabase? database;
    private int fileRequests;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected LoopbackServer Files { get; private set; } = null!;

    /// <summary>"sqlite" or "postgres".</summary>
    protected abstract string Provider { get; }

    /// <summary>The board the meeting is of (Thurrock's ToR allows late papers; Peterborough's forbids them).</summary>
    protected virtual string TestBoard => Board;

    /// <summary>How many times the file server was asked for a file.</summary>
    protected int FileRequests => Volatile.Read(ref fileRequests);

    protected override DateTimeOffset Now => Time.GetUtcNow();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.ExtraSettings) { ["Reminders:PollInterval"] = "1.00:00:00" };
            foreach (var (key, value) in database?.Settings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        if (Provider == "postgres")
        {
            database = await TestDatabase.CreateAsync(Provider);
        }

        Files = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/files/strategy-v1.pdf", () => Counted(PdfV1, "application/octet-stream"));
            app.MapGet("/files/strategy-v2.pdf", () => Counted(PdfV2, "application/octet-stream"));
            app.MapGet("/files/web-page.pdf", () => Counted("<html>Sign in</html>"u8.ToArray(), "text/html"));
            app.MapGet("/files/huge.pdf", () => Counted(Huge(), "application/octet-stream"));
        });
        await base.InitializeAsync();
        Assert.Contains("now linked", await SayInBoardChannelAsync($"link this to {TestBoard}", Admin), StringComparison.Ordinal);
        await GrantAsync(Jane, BoardRole.Member, "Jane Smith");
        await GrantAsync(Member, BoardRole.Member, "Ben Okoro");
        await GrantAsync(Secretary, BoardRole.Secretariat, "Sam Clerk");
        await Service<IMeetingStore>().AddAsync(new MeetingRecord(MeetingId, TestBoard, ChannelConversation, MeetingStart, MeetingStart.AddHours(2)), Time.GetUtcNow(), CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Files.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    /// <summary>Gives <paramref name="person"/> a role on <see cref="TestBoard"/>.</summary>
    protected async Task GrantAsync(string person, BoardRole role, string name)
    {
        var directory = Service<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord(person, $"29:{person}", name, null, false), Time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(TestBoard, person, role, Admin, Time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>The outbox rows of <paramref name="kind"/>.</summary>
    protected async Task<IReadOnlyList<Features.Reminders.ReminderRecord>> QueuedAsync(string kind)
    {
        await using var connection = await Service<Infrastructure.Persistence.IDatabase>().OpenAsync(CancellationToken.None);
        var rows = await Dapper.SqlMapper.QueryAsync<(string Id, string Key, string Recipient, string Payload)>(connection,
            "SELECT reminder_id, idempotency_key, recipient, payload_json FROM reminders WHERE kind = @kind ORDER BY idempotency_key", new { kind });
        return [.. rows.Select(r => new Features.Reminders.ReminderRecord(r.Id, r.Key, TestBoard, r.Recipient, kind, Time.GetUtcNow(), r.Payload))];
    }

    /// <summary>Adds a business item to the 12 March meeting, owned by <paramref name="ownerId"/>.</summary>
    protected async Task<AgendaItem> AddItemAsync(string title, string? ownerName, string? ownerId)
    {
        var (item, _) = await Service<IAgendaStore>().AddAsync(
            new AgendaItem(Guid.NewGuid().ToString("N"), TestBoard, MeetingId, 0, title, ownerName, ownerId, false, null, false, Admin, Time.GetUtcNow()), CancellationToken.None);
        return item;
    }

    /// <summary>Sends a file in <paramref name="person"/>'s personal chat with <paramref name="text"/>, as Teams delivers it; returns the reply.</summary>
    protected Task<string> SendFileAsync(string text, string person, string name, Uri url, string tenant = TenantA, string? activityId = null) =>
        SayPersonallyAsync(text, person, tenant, a =>
        {
            if (activityId is not null)
            {
                a["id"] = activityId;
            }

            a["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = url.ToString(),
                ["name"] = name,
                ["content"] = new JsonObject { ["downloadUrl"] = url.ToString(), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
            });
        });

    protected Uri FileUrl(string path) => new(Files.BaseAddress, path);

    protected Task<IReadOnlyList<PaperVersion>> PapersAsync() => Service<IPaperStore>().ForMeetingAsync(MeetingId, CancellationToken.None);

    protected async Task<PaperState> StateAsync(string title)
    {
        var meeting = (await Service<IMeetingStore>().FindAsync(MeetingId, CancellationToken.None))!;
        var view = await Service<MeetingAgenda>().ForAsync(meeting, CancellationToken.None);
        return view.Lines.Single(l => l.Title == title).Paper;
    }

    protected static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private IResult Counted(byte[] content, string contentType)
    {
        Interlocked.Increment(ref fileRequests);
        return Results.File(content, contentType);
    }

    private static byte[] Huge()
    {
        var content = new byte[(int)PaperFiles.MaxBytes + 1];
        "%PDF-"u8.CopyTo(content);
        return content;
    }
}
