using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Cli;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda;

/// <summary>
/// The meeting cycle through /api/messages and the contract verbs on the same store: the agenda with its papers, the
/// pack date from the ToR (Thurrock's sets none, so five working days: Friday 5 March for Friday 12 March 2027), the
/// action log, and the Word pack and draft minutes.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class MeetingCycleTests : DeclarationTest
{
    private const string Strategy = "Community Safety Strategy refresh";

    [Fact]
    public async Task Items_added_in_chat_make_the_agenda_the_contract_verb_prints_with_standing_items_and_paper_states()
    {
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting, paper from Jane Smith");
        await SayAsync($"add '{Item}' to the agenda for the 12 March meeting as a financial decision");

        var agenda = await AgendaJsonAsync();

        Assert.Equal(Board, agenda.GetProperty("board").GetString());
        Assert.Equal("2027-03-12", agenda.GetProperty("meeting").GetString());
        Assert.Equal("2027-03-05", agenda.GetProperty("packDue").GetString());
        var items = agenda.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("number").GetInt32()));
        Assert.Equal("Welcome and apologies for absence", items[0].GetProperty("title").GetString());
        Assert.Equal("Any other business", items[^1].GetProperty("title").GetString());
        var strategy = items.Single(i => i.GetProperty("title").GetString() == Strategy);
        Assert.Equal("Jane Smith", strategy.GetProperty("owner").GetString());
        Assert.Equal("awaited", strategy.GetProperty("paper").GetString());
        Assert.False(strategy.GetProperty("financial").GetBoolean());
        var fund = items.Single(i => i.GetProperty("title").GetString() == Item);
        Assert.True(fund.GetProperty("financial").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fund.GetProperty("owner").ValueKind);
        Assert.Equal("none", fund.GetProperty("paper").GetString());
        // One agenda, not two lists: the financial decision is also the declarations item members get cards for.
        Assert.NotNull(await Items.FindByTitleAsync(Board, Item, Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task A_paper_in_by_the_pack_date_is_submitted_one_after_it_is_late_and_one_still_missing_is_late()
    {
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting, paper from Jane Smith");
        await SayAsync("add 'Hate crime update' to the agenda for the 12 March meeting, paper from Ben Okoro");
        await SayAsync("add 'Youth diversion bid' to the agenda for the 12 March meeting, paper from Priya Shah");

        var onTime = await SayAsync($"paper for '{Strategy}' submitted");
        Time.Advance(TimeSpan.FromDays(7)); // Monday 8 March: after the pack went out.
        var late = await SayAsync("paper for 'Hate crime update' is in");
        var agenda = await AgendaJsonAsync();
        var shown = await SayAsync("what's on the agenda?");

        Assert.Contains("as submitted", onTime, StringComparison.Ordinal);
        Assert.Contains("late", late, StringComparison.Ordinal);
        Assert.Contains("Friday 5 March 2027", late, StringComparison.Ordinal);
        var papers = agenda.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("paper").GetString());
        Assert.Equal("submitted", papers[Strategy]);
        Assert.Equal("late", papers["Hate crime update"]);
        // Still missing once the pack has gone is late too; the verb runs on the real clock, so that is read from chat.
        Assert.Contains("Youth diversion bid (paper from Priya Shah: late)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_can_be_moved_and_withdrawn_and_the_chat_agenda_shows_the_same_order()
    {
        await SayAsync("add 'First business' to the agenda for the 12 March meeting");
        await SayAsync("add 'Second business' to the agenda for the 12 March meeting");
        await SayAsync("add 'Third business' to the agenda for the 12 March meeting");

        await SayAsync("move 'Third business' to item 5");
        await SayAsync("withdraw 'First business' from the agenda");
        var shown = await SayAsync("what's on the agenda?");
        var titles = (await AgendaJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();

        Assert.Equal(["Third business", "Second business"], titles.Skip(4).Take(2));
        Assert.DoesNotContain("First business", titles);
        Assert.Contains("5. Third business", shown, StringComparison.Ordinal);
        Assert.Contains("6. Second business", shown, StringComparison.Ordinal);
        Assert.Contains("go out on Friday 5 March 2027", shown, StringComparison.Ordinal);
        Assert.Contains("the ToR set no deadline", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_recorded_in_chat_are_listed_by_the_contract_verb_and_close_when_done()
    {
        var recorded = await SayAsync("action for Jane Smith: circulate the revised strategy by 15 January");
        await SayAsync("action for Ben Okoro: book the venue");
        await SayAsync("action 2 done");

        var all = await ActionsJsonAsync();
        var open = await ActionsJsonAsync("--open");
        var agenda = await SayAsync("what's on the agenda?");

        Assert.Contains("Action 1: circulate the revised strategy", recorded, StringComparison.Ordinal);
        Assert.Equal(2, all.Count);
        Assert.Equal(1, all[0].GetProperty("id").GetInt32());
        Assert.Equal("circulate the revised strategy", all[0].GetProperty("text").GetString());
        Assert.Equal("Jane Smith", all[0].GetProperty("owner").GetString());
        Assert.Equal("2028-01-15", all[0].GetProperty("due").GetString()); // the next 15 January after 1 March 2027
        Assert.Equal("open", all[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, all[1].GetProperty("due").ValueKind);
        Assert.Equal("done", all[1].GetProperty("status").GetString());
        Assert.Equal([1], open.Select(a => a.GetProperty("id").GetInt32()));
        Assert.Contains("Open actions (matters arising)", agenda, StringComparison.Ordinal);
        Assert.DoesNotContain("book the venue", agenda, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pack_and_the_draft_minutes_are_Word_documents_with_the_agenda_declarations_and_actions()
    {
        await AddMembersAsync(2);
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting, paper from Jane Smith");
        await SayAsync($"add '{Item}' to the agenda for the 12 March meeting as a financial decision");
        await SayAsync("action for Jane Smith: circulate the revised strategy by 15 January");
        var item = (await Items.FindByTitleAsync(Board, Item, Time.GetUtcNow(), CancellationToken.None))!;
        await DeclareAsync(item, "member-1", DeclarationChain.Code(InterestKind.Pecuniary), "Director of a bidding charity");
        var pack = Path.Combine(Host.DataDirectory, "pack.docx");
        var minutes = Path.Combine(Host.DataDirectory, "minutes.docx");

        Assert.Equal(0, (await RunAsync("pack", "--board", "Thurrock", "--meeting", "2027-03-12", "--out", pack)).Exit);
        Assert.Equal(0, (await RunAsync("minutes", "--board", "Thurrock", "--meeting", "2027-03-12", "--out", minutes)).Exit);

        var packText = WordText(pack);
        Assert.Contains(Board, packText, StringComparison.Ordinal);
        Assert.Contains("Friday 12 March 2027", packText, StringComparison.Ordinal);
        Assert.Contains("Venue: Civic Offices, Grays", packText, StringComparison.Ordinal);
        Assert.Contains($"5. {Strategy} (paper: Jane Smith, to follow)", packText, StringComparison.Ordinal);
        Assert.Contains("declare any interest", packText, StringComparison.Ordinal);
        Assert.Contains("Action 1: circulate the revised strategy", packText, StringComparison.Ordinal);
        Assert.Contains("Papers still to come", packText, StringComparison.Ordinal);
        var minutesText = WordText(minutes);
        Assert.Contains("Minutes (draft)", minutesText, StringComparison.Ordinal);
        Assert.Contains("register entry #1", minutesText, StringComparison.Ordinal);
        Assert.Contains("Director of a bidding charity", minutesText, StringComparison.Ordinal);
        Assert.Contains($"Decision: [to be completed by the secretary]", minutesText, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(pack, false);
        Assert.Contains(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>(), s => s.Val == "Heading1");
    }

    [Fact]
    public async Task The_draft_minutes_list_present_apologies_and_absent_from_the_recorded_attendance_and_say_whether_quorate()
    {
        await AddMembersAsync(4);
        await Host.Services.GetRequiredService<IMeetingApologies>().RecordAsync(new MeetingApology("thurrock/2027-03-12", Board, "member-4", "Member 4", Time.GetUtcNow()), CancellationToken.None);
        var minutes = Path.Combine(Host.DataDirectory, "minutes.docx");
        Assert.Equal(0, (await RunAsync("minutes", "--board", "Thurrock", "--meeting", "2027-03-12", "--out", minutes)).Exit);
        var before = WordText(minutes);

        Time.Advance(TimeSpan.FromDays(11)); // Friday 12 March 2027, 09:00: the meeting day
        var before2 = Connector.SentActivities.Count;
        await SayInChannelAsync("who's here?");
        var card = CardOf((await Connector.WaitForActivitiesAsync(before2 + 1))[^1]);
        var (_, body) = await PressAsync(card, AttendanceCards.RecordVerb, d =>
        {
            d[AttendanceCards.PresentPrefix + "member-1"] = "true";
            d[AttendanceCards.PresentPrefix + "member-2"] = "true";
        });
        Assert.Contains("Attendance recorded.", CardText(body.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("minutes", "--board", "Thurrock", "--meeting", "2027-03-12", "--out", minutes)).Exit);
        var after = WordText(minutes);
        var quorum = (await Host.Services.GetRequiredService<IMeetingAttendance>().ForMeetingAsync("thurrock/2027-03-12", CancellationToken.None)).Quorum!;

        Assert.Contains("Members expected (confirm who attended)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("\nAbsent\n", before, StringComparison.Ordinal);
        Assert.Contains("Present\nMember 1, Member 2\nApologies\nMember 4\nAbsent\nMember 3\n", after, StringComparison.Ordinal);
        Assert.Contains($"The meeting was {(quorum.Quorate == true ? "quorate" : "NOT quorate")}: 2 of 4 voting members present, quorum {quorum.Needed}; rule: {quorum.Rule}.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verbs_refuse_a_date_with_no_meeting_naming_the_meetings_there_are()
    {
        var (exit, output) = await RunAsync("agenda", "--board", "Thurrock", "--meeting", "2027-03-13", "--json");

        Assert.Equal(2, exit);
        Assert.Contains("no meeting on Saturday 13 March 2027", output, StringComparison.Ordinal);
        Assert.Contains("2027-03-12", output, StringComparison.Ordinal);
    }

    private async Task<string> SayAsync(string text)
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        return (await Connector.WaitForActivitiesAsync(before + 1))[^1].Text ?? string.Empty;
    }

    private async Task<JsonElement> AgendaJsonAsync()
    {
        var (exit, output) = await RunAsync("agenda", "--board", "Thurrock", "--meeting", "2027-03-12", "--json");
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private async Task<List<JsonElement>> ActionsJsonAsync(params string[] extra)
    {
        var (exit, output) = await RunAsync(["actions", "--board", "Thurrock", "--json", .. extra]);
        Assert.Equal(0, exit);
        return [.. JsonDocument.Parse(output).RootElement.Clone().EnumerateArray()];
    }

    /// <summary>Runs a verb in-process on the host's own store (what <c>--data DIR</c> selects).</summary>
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        string[] withData = [.. args, "--data", Host.DataDirectory];
        Assert.True(AdminCommandLine.TryFind(withData, out var command));
        await using var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, withData, new CommandConsole(new StringReader(string.Empty), output, output));
        return (exit, output.ToString());
    }

    private static string WordText(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
