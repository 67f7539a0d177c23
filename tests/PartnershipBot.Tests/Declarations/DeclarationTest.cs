using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// A board linked to the fixtures' channel, its members recorded, a meeting on Friday 12 March 2027 and the clock
/// at Monday 1 March 2027 09:00 UTC; helpers to act as a member on the card through /api/messages.
/// </summary>
public abstract class DeclarationTest : ChatTest
{
    protected const string Board = "Thurrock Community Safety Partnership Strategic Board";
    protected const string Item = "Allocate the Safer Communities Fund";
    protected static readonly DateTimeOffset MeetingStart = new(2027, 3, 12, 10, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    // The host's own dispatch loop would race the tests for due reminders; tests dispatch explicitly.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    protected IDeclarationRegister Register => Host.Services.GetRequiredService<IDeclarationRegister>();

    protected IDeclarationItemStore Items => Host.Services.GetRequiredService<IDeclarationItemStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SayInChannelAsync($"link this to {Board}");
        await Connector.WaitForActivitiesAsync(1);
        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(
            new MeetingRecord("thurrock/2027-03-12", Board, ChannelConversation, MeetingStart, MeetingStart.AddHours(2), Venue: "Civic Offices, Grays"), Time.GetUtcNow(), CancellationToken.None);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    /// <summary>Records member-1 ... member-N (Teams ids 29:member-N) as members of the board.</summary>
    protected async Task AddMembersAsync(int count)
    {
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        for (var i = 1; i <= count; i++)
        {
            await directory.UpsertPersonAsync(new PersonRecord($"member-{i}", $"29:member-{i}", $"Member {i}", null, false), Time.GetUtcNow(), CancellationToken.None);
            await directory.AssignRoleAsync(Board, $"member-{i}", BoardRole.Member, "admin", Time.GetUtcNow(), CancellationToken.None);
        }
    }

    /// <summary>Adds the item to the 12 March meeting in chat and returns it.</summary>
    protected async Task<DeclarationItem> AddItemAsync()
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync($"add '{Item}' as a financial decision to the 12 March meeting");
        var replies = await Connector.WaitForActivitiesAsync(before + 1);
        var item = await Items.FindByTitleAsync(Board, Item, Time.GetUtcNow(), CancellationToken.None);
        // Say what the bot answered instead, so a failure here names its cause rather than surfacing as a null later.
        Assert.True(item is not null, "The item was not stored; the bot said: " + replies[^1].Text);
        return item;
    }

    /// <summary>An adaptiveCard/action invoke from <paramref name="person"/> (the authenticated sender) with <paramref name="data"/>.</summary>
    protected async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string verb, JsonObject data, string person)
    {
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = $"Signed-in {person}", ["aadObjectId"] = person };
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        });
        using var response = await PostAsync(activity);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Declares on <paramref name="item"/> as <paramref name="person"/>.</summary>
    protected Task<(HttpStatusCode Status, JsonElement Body)> DeclareAsync(DeclarationItem item, string person, string interest, string? nature = null) =>
        InvokeAsync(DeclarationCards.SubmitVerb, new JsonObject { ["itemId"] = item.ItemId, ["interest"] = interest, ["nature"] = nature }, person);

    /// <summary>Every string in a card (text, facts, titles), one a line: what a reader sees, free of JSON escaping.</summary>
    protected static string CardText(JsonElement card)
    {
        var texts = new List<string>();
        Collect(card);
        return string.Join("\n", texts);

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var child in element.EnumerateArray())
                    {
                        Collect(child);
                    }

                    break;
            }
        }
    }

    /// <summary>The queued reminders of a kind, as stored in the outbox.</summary>
    protected async Task<IReadOnlyList<QueuedReminder>> QueuedAsync(string kind)
    {
        var database = Host.Services.GetRequiredService<IDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<QueuedReminder>(
            "SELECT idempotency_key AS IdempotencyKey, recipient AS Recipient, due_at AS DueAt, state AS State FROM reminders WHERE kind = @kind ORDER BY idempotency_key", new { kind });
        return [.. rows];
    }

    /// <summary>A row of the outbox.</summary>
    protected sealed class QueuedReminder
    {
        public string IdempotencyKey { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string DueAt { get; set; } = "";

        public string State { get; set; } = "";
    }
}
