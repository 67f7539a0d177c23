using PartnershipBot.Features.TermsOfReference.Parsing;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

[Trait(TestTier.Category, TestTier.Unit)]
public class TorTextParserTests
{
    [Fact]
    public void Word_bullet_glyphs_are_stripped_and_items_keep_their_lead_in()
    {
        var text = "Membership\n\nThe membership will include:\n\n- S Black and minority ethnic communities\n- **S** Community Development\n- § Faith communities\n- g develop an action plan;\n";

        var document = TorTextParser.Parse("t.txt", text);

        var items = document.Clauses.Where(c => c.Kind == ClauseKind.ListItem).ToList();
        Assert.Equal(["Black and minority ethnic communities", "Community Development", "Faith communities", "develop an action plan;"], items.Select(i => i.Text));
        var leadIn = document.Clauses.Single(c => c.Text == "The membership will include:");
        Assert.All(items, i => Assert.Equal(leadIn.Index, i.ParentIndex));
    }

    [Fact]
    public void Tab_tables_become_rows_and_a_header_repeated_after_a_page_break_is_dropped()
    {
        var text = "3.1 Members\n\nOrganisation\t\tOfficer(s)\nLondon Fire Brigade\tResponsible Authority\tDivisional Commander\n\nOrganisation\t\tOfficer(s)\nRichmond Housing Partnership\tInvitee\tDirector\n";

        var rows = TorTextParser.Parse("t.txt", text).Clauses.Where(c => c.Kind == ClauseKind.TableRow).Select(c => c.Text).ToList();

        Assert.Equal(["Organisation – Officer(s)", "London Fire Brigade – Responsible Authority – Divisional Commander", "Richmond Housing Partnership – Invitee – Director"], rows);
    }

    [Fact]
    public void Numbered_headings_nest_and_clauses_cite_heading_path_and_number()
    {
        var text = "3. Membership\n\n3.2 Chair\n\nThe Chair is elected annually.\n\n8. Secretariat\n\n8.1 Papers will be sent out at least three working days before a meeting.\n";

        var document = TorTextParser.Parse("t.txt", text);

        var chair = document.Clauses.Single(c => c.Text == "The Chair is elected annually.");
        Assert.Equal("3 Membership › 3.2 Chair", chair.Section);
        var papers = document.Clauses.Single(c => c.Text.StartsWith("Papers", StringComparison.Ordinal));
        Assert.Equal("8 Secretariat › clause 8.1", papers.Section);
    }

    [Fact]
    public void A_numbered_aim_is_not_mistaken_for_a_heading()
    {
        var document = TorTextParser.Parse("t.txt", "AIMS\n\n7. To promote equality within the City.\n8. To recommend amendments to the Strategy.\n");

        Assert.NotEqual(ClauseKind.Heading, document.Clauses.Single(c => c.Number == "7").Kind);
    }

    [Fact]
    public void A_numbered_clause_that_lost_its_full_stop_is_a_clause_and_a_cut_off_lead_in_still_heads_its_list()
    {
        var text = "2 Operating Protocols\n\n2.5 The Group will meet quarterly\n\n2.6 The police may call an extra meeting.\n\n2.7 The police will be responsible for\n\n- the venue\n- the minutes\n";

        var document = TorTextParser.Parse("t.txt", text);

        Assert.Contains(document.Clauses, c => c.Text == "The Group will meet quarterly" && c.Kind == ClauseKind.Paragraph);
        Assert.Contains(document.Clauses, c => c.Text == "the venue" && c.HeadingPath.Any(h => h.Contains("will be responsible for", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_run_of_short_unbulleted_lines_is_a_list_not_a_stack_of_headings()
    {
        var document = TorTextParser.Parse("t.txt", "MEMBERSHIP\n\nDeputy Divisional Commander, Cambridgeshire Constabulary\nInter-Faith Council representative\nMedia Representative\nGo East\n\nREPORTING\n");

        Assert.Equal(4, document.Clauses.Count(c => c.Kind == ClauseKind.ListItem));
        Assert.Equal(["MEMBERSHIP", "REPORTING"], document.Clauses.Where(c => c.Kind == ClauseKind.Heading).Select(c => c.Text));
    }

    [Fact]
    public void A_list_item_split_by_a_page_break_is_joined()
    {
        var document = TorTextParser.Parse("t.txt", "Responsibilities\n\n- lead the delivery of the Vision for Leeds and the City Priority\n\n Plan the partner's business plans:\n- tackle underperformance\n");

        Assert.Contains(document.Clauses, c => c.Text == "lead the delivery of the Vision for Leeds and the City Priority Plan the partner's business plans:");
    }

    [Fact]
    public void Markdown_headings_and_emphasis_are_understood()
    {
        var document = TorTextParser.Parse("t.md", "# Safer Board\n\n## 4. Meetings\n\n**Quorum** is five members.\n");

        var clause = document.Clauses.Single(c => c.Kind == ClauseKind.Paragraph);
        Assert.Equal("Quorum is five members.", clause.Text);
        Assert.Equal("Safer Board › 4 Meetings", clause.Section);
    }

    [Fact]
    public void A_contents_list_of_numbered_titles_heads_sections_and_is_never_a_clause()
    {
        // A contents list repeats the section titles; a title with no verb is a heading however many words it has.
        var text = "Contents\n\n1. Role of the Northgate Independent Advisory Group (NIAG)\n2. Operating Protocols\n\n"
            + "1. Role of the Northgate Independent Advisory Group (NIAG)\n\n1.1 The group gives independent advice to the police on policies and incidents.\n";

        var document = TorTextParser.Parse("t.txt", text);

        Assert.DoesNotContain(document.Clauses, c => c.Kind != ClauseKind.Heading && c.Text.StartsWith("Role of", StringComparison.Ordinal));
        var advice = document.Clauses.Single(c => c.Text.StartsWith("The group gives", StringComparison.Ordinal));
        Assert.Equal("1 Role of the Northgate Independent Advisory Group (NIAG) › clause 1.1", advice.Section);
    }

    [Theory]
    [InlineData("Frequency of meetings and venue", ClauseKind.Heading)]
    [InlineData("Meetings are held monthly", ClauseKind.Paragraph)]
    public void A_sentence_case_line_standing_alone_before_its_text_is_a_heading_unless_it_has_a_verb(string line, ClauseKind expected)
    {
        var text = $"Introduction\n\nThe board brings together the councils and their partners.\n\n{line}\n\nOne meeting is held each year, at a venue that alternates between the two councils.\n";

        var clause = TorTextParser.Parse("t.txt", text).Clauses.Single(c => c.Text == line);

        Assert.Equal(expected, clause.Kind);
    }

    [Fact]
    public void Sentence_case_lines_after_a_lead_in_stay_list_items()
    {
        var text = "Membership\n\nThe members are:\n\nLeader of the council\n\nChief constable of the county police force and their deputy\n";

        var document = TorTextParser.Parse("t.txt", text);

        Assert.Equal(ClauseKind.ListItem, document.Clauses.Single(c => c.Text == "Leader of the council").Kind);
    }

    [Fact]
    public void A_lead_in_announcing_the_following_with_a_semicolon_still_introduces_its_bullets()
    {
        var text = "3. Membership\n\n3.1 The group has up to ten members and includes the following organisations and people;\n\n- Chair – the county council\n- Lay members\n- Carers\n";

        var document = TorTextParser.Parse("t.txt", text);

        var leadIn = document.Clauses.Single(c => c.Text.StartsWith("The group has", StringComparison.Ordinal));
        Assert.True(leadIn.IsLeadIn);
        Assert.All(document.Clauses.Where(c => c.Kind == ClauseKind.ListItem), item => Assert.Equal(leadIn.Index, item.ParentIndex));
    }

    [Fact]
    public void A_title_after_a_list_that_has_run_starts_a_new_section()
    {
        var text = "The Partnership will:\n\n- Be accountable to the board\n- Deliver the plan\n\nTerms of Reference\n\nChair:\n\nThe chair will be the local police superintendent.\n";

        var document = TorTextParser.Parse("t.txt", text);

        Assert.Equal(ClauseKind.Heading, document.Clauses.Single(c => c.Text == "Terms of Reference").Kind);
    }
}
