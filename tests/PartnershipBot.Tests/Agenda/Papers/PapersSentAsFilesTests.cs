using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Agenda.Papers;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Agenda.Papers;

/// <summary>
/// Issue 20 item 2, a paper arrives as a file: the owner (or the secretariat) sends it in a personal chat naming the
/// item loosely or by number; it is downloaded with the ToR upload's checks, stored as the next version (the same
/// file twice stored once), and only then acknowledged; everyone else, and every bad file, is told why and nothing is stored.
/// </summary>
public abstract class PapersSentAsFilesTests : PaperFileTest
{
    [Fact]
    public async Task The_owner_sends_the_file_naming_the_item_loosely_and_it_is_stored_as_version_1_and_submitted()
    {
        var item = await AddItemAsync(Strategy, "Jane Smith", Jane);

        var reply = await SendFileAsync("paper for community safety strategy", Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains($"Stored strategy.pdf as version 1 of the paper for “{Strategy}” (item 5, Friday 12 March 2027 meeting", reply, StringComparison.Ordinal);
        Assert.Contains("the paper is submitted", reply, StringComparison.Ordinal);
        var paper = Assert.Single(await PapersAsync());
        Assert.Equal((item.ItemId, 1, "strategy.pdf", "application/pdf", (long)PdfV1.Length, Sha256(PdfV1), Jane, Time.GetUtcNow()),
            (paper.ItemId, paper.Version, paper.FileName, paper.ContentType, paper.SizeBytes, paper.Sha256, paper.SubmittedBy, paper.SubmittedAt));
        Assert.Equal(PdfV1, await Service<IPaperStore>().ContentAsync(paper.PaperId, CancellationToken.None));
        Assert.Equal(PaperState.Submitted, await StateAsync(Strategy));
    }

    [Fact]
    public async Task The_same_file_sent_twice_is_stored_once_and_a_new_file_is_version_2_without_moving_the_first_arrival()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);
        var firstArrival = Time.GetUtcNow();
        await SendFileAsync("paper for item 5", Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"), activityId: "retried-activity");

        // Teams retries the same activity (standing items come first: the strategy is item 5); then, after the pack date, Jane sends a revision.
        var retried = await SendFileAsync("paper for item 5", Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"), activityId: "retried-activity");
        Time.Advance(TimeSpan.FromDays(7));
        var revised = await SendFileAsync($"paper for '{Strategy}'", Jane, "strategy-revised.pdf", FileUrl("/files/strategy-v2.pdf"));

        Assert.Contains("I already have this file as version 1", retried, StringComparison.Ordinal);
        Assert.Contains("as version 2 of the paper", revised, StringComparison.Ordinal);
        Assert.Equal([(1, Sha256(PdfV1)), (2, Sha256(PdfV2))], (await PapersAsync()).Select(p => (p.Version, p.Sha256)));
        var item = Assert.Single(await Service<IAgendaStore>().ForMeetingAsync(MeetingId, CancellationToken.None));
        Assert.Equal(firstArrival, item.PaperSubmittedAt);
        Assert.Equal(PaperState.Submitted, await StateAsync(Strategy));
    }

    [Fact]
    public async Task A_first_file_after_the_pack_date_is_late()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);
        Time.Advance(TimeSpan.FromDays(7)); // Monday 8 March: the pack went out on Friday 5 March.

        var reply = await SendFileAsync($"paper for {Strategy}", Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("the paper is late", reply, StringComparison.Ordinal);
        Assert.Contains("papers were due by Friday 5 March 2027", reply, StringComparison.Ordinal);
        Assert.Equal(PaperState.Late, await StateAsync(Strategy));
        // Thurrock's ToR don't forbid late papers, so the chair isn't asked to accept or refuse it.
        Assert.DoesNotContain("accept or refuse", reply, StringComparison.Ordinal);
        Assert.Empty(await QueuedAsync(LatePapers.ReminderKind));
    }

    [Fact]
    public async Task The_secretariat_may_send_an_owners_paper()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);

        var reply = await SendFileAsync($"paper for {Strategy}", Secretary, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("as version 1", reply, StringComparison.Ordinal);
        Assert.Equal(Secretary, Assert.Single(await PapersAsync()).SubmittedBy);
    }

    [Fact]
    public async Task Someone_who_neither_owns_the_item_nor_runs_the_board_is_refused_before_the_file_is_opened()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);

        var reply = await SendFileAsync($"paper for {Strategy}", Member, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains($"Only Jane Smith, who brings it, or the secretariat can send the paper for “{Strategy}”. I didn't open the file.", reply, StringComparison.Ordinal);
        Assert.Equal(0, FileRequests);
        Assert.Empty(await PapersAsync());
        Assert.Equal(PaperState.Awaited, await StateAsync(Strategy));
    }

    [Fact]
    public async Task Someone_of_another_tenant_sees_no_item_even_when_recorded_as_its_owner()
    {
        // A guessed or leaked owner id in another tenant: the board is tenant A's, so its items are never considered.
        await AddItemAsync(Strategy, "Jane Smith", Outsider);

        var reply = await SendFileAsync($"paper for {Strategy}", Outsider, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"), TenantB);

        Assert.Contains("you aren't down to bring a paper for any", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("You bring papers for", reply, StringComparison.Ordinal);
        Assert.Equal(0, FileRequests);
        Assert.Empty(await PapersAsync());
    }

    [Fact]
    public async Task A_name_that_fits_two_of_the_owners_items_asks_which_and_stores_nothing()
    {
        await AddItemAsync("Hate crime update", "Jane Smith", Jane);
        await AddItemAsync("Hate crime action plan", "Jane Smith", Jane);

        var reply = await SendFileAsync("paper for hate crime", Jane, "hate-crime.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("More than one item fits “hate crime”", reply, StringComparison.Ordinal);
        Assert.Contains("item 5: “Hate crime update”", reply, StringComparison.Ordinal);
        Assert.Contains("item 6: “Hate crime action plan”", reply, StringComparison.Ordinal);
        Assert.Contains("Which one is it?", reply, StringComparison.Ordinal);
        Assert.Equal(0, FileRequests);
        Assert.Empty(await PapersAsync());
    }

    [Fact]
    public async Task A_name_that_fits_nothing_lists_the_items_the_owner_brings_papers_for()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);
        await AddItemAsync("Youth diversion bid", "Ben Okoro", Member);

        var reply = await SendFileAsync("paper for the budget", Jane, "budget.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("No item of a coming meeting fits “the budget”. You bring papers for:", reply, StringComparison.Ordinal);
        Assert.Contains($"item 5: “{Strategy}” (Friday 12 March 2027", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Youth diversion bid", reply, StringComparison.Ordinal);
        Assert.Empty(await PapersAsync());
    }

    [Theory]
    [InlineData("strategy.exe", "/files/strategy-v1.pdf", "I keep board papers as PDF, Word (.docx)", false)]
    [InlineData("strategy.pdf", "/files/web-page.pdf", "It is named as a PDF but its contents aren't one", true)]
    [InlineData("strategy.pdf", "/files/huge.pdf", "The file is larger than 10 MB", true)]
    public async Task A_file_of_the_wrong_type_or_size_gets_a_message_saying_what_to_fix_and_nothing_is_stored(string name, string path, string message, bool fetched)
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);

        var reply = await SendFileAsync($"paper for {Strategy}", Jane, name, FileUrl(path));

        Assert.Contains($"I couldn't take {name} as a paper: {message}", reply, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored.", reply, StringComparison.Ordinal);
        Assert.Equal(fetched, FileRequests > 0);
        Assert.Empty(await PapersAsync());
        Assert.Equal(PaperState.Awaited, await StateAsync(Strategy));
    }

    [Fact]
    public async Task A_link_to_a_host_that_is_not_allowed_is_never_fetched()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);
        // The file hosts allowed in tests are 127.0.0.1 only: "localhost" is the same server under another name.
        var elsewhere = new UriBuilder(FileUrl("/files/strategy-v1.pdf")) { Host = "localhost" }.Uri;

        var reply = await SendFileAsync($"paper for {Strategy}", Jane, "strategy.pdf", elsewhere);

        Assert.Contains("I couldn't download the file from Teams. Please send it again. Nothing was stored.", reply, StringComparison.Ordinal);
        Assert.Equal(0, FileRequests);
        Assert.Empty(await PapersAsync());
    }

    [Fact]
    public async Task A_file_sent_without_a_paper_request_still_goes_to_the_ToR_upload()
    {
        await AddItemAsync(Strategy, "Jane Smith", Jane);

        var reply = await SendFileAsync(string.Empty, Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("Terms of Reference", reply, StringComparison.Ordinal);
        Assert.Empty(await PapersAsync());
    }
}

/// <summary><see cref="PapersSentAsFilesTests"/> on SQLite.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class PapersSentAsFilesSqliteTests : PapersSentAsFilesTests
{
    protected override string Provider => "sqlite";
}

/// <summary><see cref="PapersSentAsFilesTests"/> on the running PostgreSQL (a throwaway schema).</summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class PapersSentAsFilesPostgresTests : PapersSentAsFilesTests
{
    protected override string Provider => "postgres";
}
