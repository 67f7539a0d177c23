using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// Reminder delivery states on the tab, through the real host with the loopback Entra stub: a papers reminder queued
/// to Mo (a member who can be reached) and Uma (no Teams id, so not reachable), sent by the real dispatcher to the
/// loopback Connector. The secretariat sees each recipient's state and may retry the failed one once per press;
/// a member, another tenant or no token sees nothing.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabDeliveriesSsoTests : TabSsoTest
{
    private const string Secretary = "00000000-0000-0000-0000-0000000000a5";
    private const string MemberPerson = "00000000-0000-0000-0000-0000000000a6";
    private const string Unreachable = "00000000-0000-0000-0000-0000000000a7";

    // The dispatcher runs only when a test says so, never on the host's own timer.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Reminders:PollInterval"] = "1.00:00:00",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
        await GiveRoleAsync(MemberPerson, BoardRole.Member, "Mo Member");
        await Service<IBoardDirectory>().UpsertPersonAsync(new PersonRecord(Unreachable, null, "Uma Unknown", null, false), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Deliveries_Secretariat_SeesEachRecipientsStateFromTheDispatcher()
    {
        await SendPapersReminderAsync();

        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "deliveries"), Entra.Mint(TenantA, Secretary, Audience));
        var papers = PapersReminder(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var recipients = papers.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        Assert.Equal(["Mo Member", "Uma Unknown"], recipients.Keys);
        Assert.Equal("Sent", recipients["Mo Member"].GetProperty("state").GetString());
        Assert.False(recipients["Mo Member"].GetProperty("mayRetry").GetBoolean());
        Assert.Equal("NotReachable", recipients["Uma Unknown"].GetProperty("state").GetString());
        Assert.True(recipients["Uma Unknown"].GetProperty("mayRetry").GetBoolean());
        var counts = papers.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Sent"] = 1, ["NotReachable"] = 1 }, counts);
    }

    [Fact]
    public async Task DeliveryChart_SvgNumbersAreTheApisWithATextAlternative()
    {
        await SendPapersReminderAsync();
        var token = Entra.Mint(TenantA, Secretary, Audience);

        using var api = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "deliveries"), token);
        using var chart = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "deliveries.svg"), token);
        var reminders = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("reminders").EnumerateArray().ToList();
        var svg = XDocument.Parse(await chart.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(ns + "title")!;
        var desc = svg.Element(ns + "desc")!;
        Assert.Equal("delivery-chart-title delivery-chart-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal(("delivery-chart-title", "delivery-chart-desc"), ((string?)title.Attribute("id"), (string?)desc.Attribute("id")));
        var bars = svg.Elements(ns + "g").ToList();
        // Two reminders so far (the papers one and the digest of Uma's failure), each drawn with the API's numbers.
        Assert.Equal(reminders.Count, bars.Count);
        Assert.Equal(2, bars.Count);
        foreach (var reminder in reminders)
        {
            var bar = bars.Single(g => (string?)g.Attribute("data-kind") == reminder.GetProperty("kind").GetString() && (string?)g.Attribute("data-due") == reminder.GetProperty("due").GetString());
            var counts = reminder.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var segments = bar.Elements(ns + "rect").ToList();
            Assert.Equal(counts, segments.ToDictionary(r => (string)r.Attribute("data-state")!, r => (int)r.Attribute("data-count")!));
            // Widths share the bar as the counts share the recipients.
            var widths = segments.ToDictionary(r => (string)r.Attribute("data-state")!, r => (double)r.Attribute("width")!);
            var total = counts.Values.Sum();
            foreach (var (state, count) in counts)
            {
                Assert.Equal(widths.Values.Sum() * count / total, widths[state], 1);
            }

            // The numbers in words, beside the bar and in the description.
            var words = string.Join(", ", counts.Select(c => $"{Words(c.Key)} {c.Value}"));
            Assert.Equal(words, bar.Elements(ns + "text").Last().Value);
            Assert.Contains(words, desc.Value, StringComparison.Ordinal);
        }

        var papers = bars.Single(g => (string?)g.Attribute("data-kind") == "papers");
        Assert.Equal("Sent 1, Not reachable 1", papers.Elements(ns + "text").Last().Value);
    }

    [Theory]
    [InlineData(MemberPerson, TenantA, "deliveries.svg")]
    [InlineData(Secretary, TenantB, "deliveries.svg")]
    public async Task DeliveryChart_MemberOrAnotherTenant_Is403WithNoData(string person, string tenant, string resource)
    {
        await SendPapersReminderAsync();

        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, resource), Entra.Mint(tenant, person, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(MemberPerson, TenantA)]
    [InlineData(Secretary, TenantB)]
    [InlineData(Colleague, TenantA)]
    public async Task Deliveries_MemberWithoutARunnersRoleOrAnotherTenant_Is403WithNoData(string person, string tenant)
    {
        await SendPapersReminderAsync();

        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "deliveries"), Entra.Mint(tenant, person, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deliveries_NoToken_Is401()
    {
        using var get = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "deliveries"));
        using var retry = await TabApi.PostAsync(Client, TabApi.BoardPath(Board, "deliveries/any/retry"), """{"attempts":1}""");

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, retry.StatusCode);
    }

    [Fact]
    public async Task Retry_DoublePress_RequeuesOnceAndTheDispatcherTriesAgain()
    {
        var failed = await SendPapersReminderAsync();
        var token = Entra.Mint(TenantA, Secretary, Audience);
        var path = TabApi.BoardPath(Board, $"deliveries/{failed}/retry");
        var outbox = Service<IReminderOutbox>();
        var attempts = (await outbox.FindAsync(failed, CancellationToken.None))!.Attempts;
        var body = $$"""{"attempts":{{attempts}}}""";

        using var first = await TabApi.PostAsync(Client, path, body, token);
        using var second = await TabApi.PostAsync(Client, path, body, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("requeued").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.False(again.GetProperty("requeued").GetBoolean());
        Assert.Equal("Retrying", again.GetProperty("state").GetString());
        Assert.Equal(ReminderState.Pending, (await outbox.FindAsync(failed, CancellationToken.None))!.State);
        Assert.Single(await Service<IAuditLog>().AuditAsync(CancellationToken.None), e => e.Action.Name == "reminder.retry" && e.Subject == Board);

        // One requeue is one more attempt: the dispatcher takes that one row (the digest of the same failure is not
        // queued twice), and the stale press still changes nothing.
        Assert.Equal(1, await Service<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None));
        var after = (await outbox.FindAsync(failed, CancellationToken.None))!;
        Assert.Equal((ReminderState.Failed, ReminderOutcome.NotReachable, attempts + 1), (after.State, after.LastOutcome, after.Attempts));
        using var stale = await TabApi.PostAsync(Client, path, body, token);
        Assert.False(JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.GetProperty("requeued").GetBoolean());
        Assert.Equal(ReminderState.Failed, (await outbox.FindAsync(failed, CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData(MemberPerson, TenantA, HttpStatusCode.Forbidden)]
    [InlineData(Secretary, TenantB, HttpStatusCode.Forbidden)]
    public async Task Retry_ByAMemberOrAnotherTenant_IsRefusedAndRequeuesNothing(string person, string tenant, HttpStatusCode expected)
    {
        var failed = await SendPapersReminderAsync();
        var attempts = (await Service<IReminderOutbox>().FindAsync(failed, CancellationToken.None))!.Attempts;

        using var response = await TabApi.PostAsync(
            Client, TabApi.BoardPath(Board, $"deliveries/{failed}/retry"), $$"""{"attempts":{{attempts}}}""", Entra.Mint(tenant, person, Audience));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(ReminderState.Failed, (await Service<IReminderOutbox>().FindAsync(failed, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Retry_NotJsonOrCrossSite_IsRefusedAndRequeuesNothing()
    {
        var failed = await SendPapersReminderAsync();
        var token = Entra.Mint(TenantA, Secretary, Audience);
        var path = TabApi.BoardPath(Board, $"deliveries/{failed}/retry");
        var attempts = (await Service<IReminderOutbox>().FindAsync(failed, CancellationToken.None))!.Attempts;
        var body = $$"""{"attempts":{{attempts}}}""";

        // What a form on another site could send: a form's content type, or the browser saying where it came from.
        using var form = await TabApi.PostAsync(Client, path, body, token, r => r.Content!.Headers.ContentType = new("application/x-www-form-urlencoded"));
        using var crossSite = await TabApi.PostAsync(Client, path, body, token, r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));
        using var foreignOrigin = await TabApi.PostAsync(Client, path, body, token, r => r.Headers.Add("Origin", "https://attacker.example"));
        using var garbled = await TabApi.PostAsync(Client, path, "{not json", token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(ReminderState.Failed, (await Service<IReminderOutbox>().FindAsync(failed, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Retry_AnotherBoardsReminder_Is404AndRequeuesNothing()
    {
        var other = Guid.NewGuid().ToString("N");
        var outbox = Service<IReminderOutbox>();
        await outbox.EnqueueAsync(new ReminderRecord(other, $"test/{other}", "Leeds Communities Board", Unreachable, "papers", DateTimeOffset.UtcNow, PapersPayload()), CancellationToken.None);
        await Service<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);

        using var response = await TabApi.PostAsync(Client, TabApi.BoardPath(Board, $"deliveries/{other}/retry"), """{"attempts":1}""", Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReminderState.Failed, (await outbox.FindAsync(other, CancellationToken.None))!.State);
    }

    /// <summary>Queues the papers reminder to Mo and Uma and dispatches it; returns Uma's (failed) reminder id.</summary>
    private async Task<string> SendPapersReminderAsync()
    {
        var outbox = Service<IReminderOutbox>();
        var due = DateTimeOffset.UtcNow;
        var payload = PapersPayload();
        string? failed = null;
        foreach (var person in new[] { MemberPerson, Unreachable })
        {
            var id = Guid.NewGuid().ToString("N");
            failed = person == Unreachable ? id : failed;
            await outbox.EnqueueAsync(new ReminderRecord(id, $"m1/papers/{person}", Board, person, "papers", due, payload), CancellationToken.None);
        }

        await Service<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        Assert.Equal(ReminderState.Failed, (await outbox.FindAsync(failed!, CancellationToken.None))!.State);
        return failed!;
    }

    private static string Words(string state) => state switch
    {
        "NotReachable" => "Not reachable",
        "SentLate" => "Sent late",
        "NotFound" => "Chat not found",
        "FailedAfterRetries" => "Failed after retries",
        _ => state,
    };

    private static string PapersPayload() => JsonSerializer.Serialize(new
    {
        meetingId = "m1", boardName = Board, kind = "papers", deadline = "2027-03-05", meetingDate = "2027-03-12", rule = "5 working days before the meeting",
    });

    private static JsonElement PapersReminder(JsonElement deliveries) =>
        deliveries.GetProperty("reminders").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "papers");
}
