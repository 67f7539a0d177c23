using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Cli;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda;

/// <summary>
/// Issue 20 item 1, standing items: a new meeting's agenda starts with those the board's ToR lists (here Thurrock's
/// sample with a standing-items section added, as a new ToR version), otherwise the default; the secretariat changes
/// them in chat and can go back to the ToR's. Read back through <c>agenda --json</c>, whose contract is unchanged.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingItemsChatTests : DeclarationTest
{
    private const string Strategy = "Community Safety Strategy refresh";

    [Fact]
    public async Task Without_a_list_in_the_tor_the_agenda_has_the_default_standing_items()
    {
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting");

        Assert.Equal(
            ["Welcome and apologies for absence", "Declarations of interest", "Minutes of the last meeting", "Matters arising and actions", Strategy, "Any other business"],
            await TitlesAsync());
        Assert.Contains("the usual ones, since its Terms of Reference list none", await SayAsync("standing items"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tors_standing_items_frame_the_agenda_and_the_json_contract_is_unchanged()
    {
        await IngestThurrockWithStandingItemsAsync();
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting, paper from Jane Smith");

        Assert.Equal(["Apologies for absence", "Declarations of interest", "Minutes of the last meeting", "Performance and hate crime data", Strategy, "Any other business", "Date of next meeting"], await TitlesAsync());
        var agenda = await AgendaJsonAsync();
        Assert.Equal(["board", "meeting", "packDue", "items"], agenda.EnumerateObject().Select(p => p.Name));
        Assert.All(agenda.GetProperty("items").EnumerateArray(), i => Assert.Equal(["number", "title", "owner", "financial", "paper"], i.EnumerateObject().Select(p => p.Name)));
        var standing = agenda.GetProperty("items")[0];
        Assert.Equal((1, JsonValueKind.Null, false, "none"), (standing.GetProperty("number").GetInt32(), standing.GetProperty("owner").ValueKind, standing.GetProperty("financial").GetBoolean(), standing.GetProperty("paper").GetString()));
        Assert.Contains("as its Terms of Reference list them", await SayAsync("what are the standing items?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_sets_the_standing_items_in_chat_and_can_go_back_to_the_tors()
    {
        await IngestThurrockWithStandingItemsAsync();
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting");
        await SayAsync($"add 'Youth diversion bid' to the agenda for the 12 March meeting");

        var saved = await SayAsync("standing items: apologies, declarations, minutes, AOB");

        Assert.Contains("Saved.", saved, StringComparison.Ordinal);
        Assert.Equal(["Apologies for absence", "Declarations of interest", "Minutes of the last meeting", Strategy, "Youth diversion bid", "Any other business"], await TitlesAsync());
        // People count the numbers they see, standing items included: item 4 is the first business line now.
        await SayAsync("move 'Youth diversion bid' to item 4");
        Assert.Equal("Youth diversion bid", (await TitlesAsync())[3]);

        Assert.Contains("as its Terms of Reference list them", await SayAsync("standing items: as the ToR"), StringComparison.Ordinal);
        Assert.Equal("Performance and hate crime data", (await TitlesAsync())[3]);
        Assert.Equal(8, (await TitlesAsync()).Count); // six from the ToR around the two business items
    }

    [Fact]
    public async Task An_empty_or_overlong_list_is_refused_and_nothing_changes()
    {
        var answer = await SayAsync("standing items: " + string.Join(", ", Enumerable.Range(1, 13).Select(i => $"Item {i}")));

        Assert.Contains("Nothing was changed", answer, StringComparison.Ordinal);
        Assert.Equal("Welcome and apologies for absence", (await TitlesAsync())[0]);
    }

    private async Task IngestThurrockWithStandingItemsAsync()
    {
        // The sample ends mid-list without a newline; the section starts after a blank line, as a document's would.
        var text = await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "tor", "002_0670f6a07b026fcd.txt")) + "\n\n" + """

            Standing Agenda Items

            - Apologies
            - Declarations of interest
            - Minutes of the last meeting
            - Performance and hate crime data
            - Any other business
            - Date of next meeting
            """;
        await Host.Services.GetRequiredService<ITorIngestion>().IngestAsync("thurrock-2027.txt", Encoding.UTF8.GetBytes(text), Board, "admin", CancellationToken.None);
    }

    private async Task<string> SayAsync(string text)
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        return (await Connector.WaitForActivitiesAsync(before + 1))[^1].Text ?? string.Empty;
    }

    private async Task<List<string>> TitlesAsync() =>
        [.. (await AgendaJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    private async Task<JsonElement> AgendaJsonAsync()
    {
        string[] args = ["agenda", "--board", "Thurrock", "--meeting", "2027-03-12", "--json", "--data", Host.DataDirectory];
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(new StringReader(string.Empty), output, output));
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
