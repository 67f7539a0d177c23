using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Interests;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Declarations;

namespace PartnershipBot.Tests.Interests;

/// <summary>
/// The declarations test board (Thurrock, a meeting on 12 March 2027, clock at 1 March) on a store of
/// <see cref="Provider"/>: a fresh SQLite file or a throwaway schema on the running PostgreSQL; helpers to save a
/// standing declaration through /api/messages as a member would.
/// </summary>
public abstract class StandingInterestTest : DeclarationTest
{
    private TestDatabase? database;

    /// <summary>"sqlite" or "postgres".</summary>
    protected abstract string Provider { get; }

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings);
            foreach (var (key, value) in database?.Settings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>The SQLite store's folder, for admin verbs run with <c>--data</c>.</summary>
    protected string StoreDirectory => database!.Settings.GetValueOrDefault("Storage:DataDirectory") ?? Host.DataDirectory;

    protected IStandingInterestRegister Standing => Host.Services.GetRequiredService<IStandingInterestRegister>();

    public override async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Says "my interests" in the board's channel as the fixtures' sender and returns the card posted.</summary>
    protected async Task<JsonNode> MyInterestsCardAsync(string text = "my interests")
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];
        Assert.True(reply.Attachments is { Count: 1 }, "No card; the bot said: " + reply.Text);
        return CardOf(reply);
    }

    /// <summary>Presses Save on <paramref name="card"/> as <paramref name="person"/>, with the section texts given (by section code).</summary>
    protected Task<(HttpStatusCode Status, JsonElement Body)> SaveAsync(JsonNode card, string person, IReadOnlyDictionary<string, string>? sections = null, bool none = false)
    {
        var data = (JsonObject)SaveAction(card)["data"]!.DeepClone();
        data[StandingInterestForm.NoneInput] = none ? "true" : "false";
        foreach (var section in InterestSections.All.Select(InterestSections.Code))
        {
            data[section] = sections?.GetValueOrDefault(section) ?? string.Empty;
        }

        return InvokeAsync(StandingInterestCards.SaveVerb, data, person);
    }

    /// <summary>The Save button of a standing declaration card.</summary>
    protected static JsonNode SaveAction(JsonNode card) => card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == StandingInterestCards.SaveVerb)!;

    /// <summary>The fixtures' sender (an admin in local mode), who says "my interests" in the tests.</summary>
    protected const string Sender = "00000000-0000-0000-0000-000000000a01";
}
