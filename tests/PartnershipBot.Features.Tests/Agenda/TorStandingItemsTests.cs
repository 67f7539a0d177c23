using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Agenda;

/// <summary>
/// Issue 20 item 1: a ToR's standing agenda items are found by the document's structure (a heading or clause about
/// the agenda's standing content and its list, bulleted, lettered or inline), not by one board's sentence. The real
/// sample ToRs list none (Peterborough and Leeds mention the agenda only to say when it goes out and who writes it),
/// so they keep the default; the same documents with a standing-items section added in two different shapes give
/// that list; prose about the agenda that lists nothing gives nothing.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class TorStandingItemsTests
{
    private const string Peterborough = "000_e0a2c374443756be.txt";
    private const string Leeds = "004_fb86ceb921ae4546.txt";

    [Theory]
    [InlineData(Peterborough)]
    [InlineData("001_103149e6a84f5b44.txt")]
    [InlineData("002_0670f6a07b026fcd.txt")]
    [InlineData("003_3d3fcb1119e0e830.txt")]
    [InlineData(Leeds)]
    public void The_sample_tors_that_only_mention_the_agenda_list_no_standing_items(string file)
    {
        Assert.Null(TorStandingItems.Find(Model(file, Sample(file)).Document));
    }

    [Fact]
    public void A_heading_about_standing_items_with_a_bulleted_list_under_it_gives_that_list()
    {
        var text = Sample(Peterborough) + "\n\n" + """

            STANDING AGENDA ITEMS

            - Apologies
            - Declarations of interest
            - Minutes of the previous meeting and matters arising
            - Performance report from the Strategic Performance Manager
            - Any other business

            REVIEW

            These terms of reference will be reviewed annually.
            """;

        var items = TorStandingItems.Find(Model(Peterborough, text).Document);

        Assert.Equal(["Apologies", "Declarations of interest", "Minutes of the previous meeting and matters arising", "Performance report from the Strategic Performance Manager", "Any other business"], items);
        var standing = StandingItems.FromList(items!, StandingItemsSource.TermsOfReference);
        Assert.Equal(["Apologies for absence", "Declarations of interest", "Minutes of the previous meeting and matters arising", "Performance report from the Strategic Performance Manager"], standing.Opening);
        Assert.Equal(["Any other business"], standing.Closing);
    }

    [Fact]
    public void A_clause_that_names_the_standing_items_inline_gives_them_in_its_order()
    {
        var text = Sample(Leeds) + "\n\n" + """

            Meetings

            Each agenda will include the following standing items: apologies for absence, declarations of interest, the minutes of the last meeting, an update on the Leeds Poverty Challenge and any other business.
            """;

        var items = TorStandingItems.Find(Model(Leeds, text).Document);

        Assert.Equal(["apologies for absence", "declarations of interest", "the minutes of the last meeting", "an update on the Leeds Poverty Challenge", "any other business"], items);
        var standing = StandingItems.FromList(items!, StandingItemsSource.TermsOfReference);
        Assert.Equal(["Apologies for absence", "Declarations of interest", "Minutes of the last meeting", "Update on the Leeds Poverty Challenge"], standing.Opening);
    }

    [Fact]
    public void A_numbered_lead_in_about_the_agenda_with_lettered_items_gives_them()
    {
        var items = TorStandingItems.Find(Model("synthetic.txt", """
            Harbourside Safeguarding Board
            Terms of Reference

            1. Purpose
            1.1 The Board coordinates local safeguarding work.

            4. Meetings
            4.1 The Board will meet quarterly. The quorum is one third of the members.
            4.2 The agenda for every meeting shall comprise:
            a. Welcome and apologies
            b. Declarations of interest
            c. Minutes and action log
            d. Date of next meeting
            4.3 Papers will be circulated five working days before the meeting.
            """).Document);

        Assert.Equal(["Welcome and apologies", "Declarations of interest", "Minutes and action log", "Date of next meeting"], items);
        Assert.Equal(["Date of next meeting"], StandingItems.FromList(items!, StandingItemsSource.TermsOfReference).Closing);
    }

    [Fact]
    public void Prose_about_the_agenda_that_lists_no_items_gives_nothing()
    {
        var model = Model("synthetic.txt", """
            Harbourside Safeguarding Board
            Terms of Reference

            Meetings
            The Board will meet quarterly. The quorum is one third of the members.
            The agenda will be set by the chair and circulated five working days before each meeting.
            The agenda will include items submitted by members, which must reach the secretary two weeks before the meeting.

            Agenda
            The chair decides the order of business, and any member may ask for an item to be added.
            """);

        Assert.Null(TorStandingItems.Find(model.Document));
    }

    private static string Sample(string file) => File.ReadAllText(RepositoryPaths.Combine("samples", "tor", file));

    private static TermsOfReferenceModel Model(string file, string text) => TermsOfReferenceModel.Build(file, text);
}
