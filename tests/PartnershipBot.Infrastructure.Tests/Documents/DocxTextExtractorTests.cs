using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Documents;

/// <summary>Word documents built with the OpenXML SDK, read back the way a secretariat's upload would be.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class DocxTextExtractorTests
{
    [Fact]
    public void Heading_styles_numbered_paragraphs_and_tables_keep_their_structure()
    {
        var bytes = BuildDocx();

        var text = TorFileReader.ExtractText("tor.docx", bytes);
        var model = TermsOfReferenceModel.Build("tor.docx", text);

        Assert.Equal("Westmarsh Community Safety Partnership", model.Identity.Name);
        var chair = new TorLibrary([model]).Ask("who chairs the partnership?");
        Assert.True(chair.Answered);
        Assert.Equal("Westmarsh Community Safety Partnership › Chair", Assert.Single(chair.Citations).Section);
        var member = new TorLibrary([model]).Ask("is the fire service represented?");
        Assert.Contains("Westmarsh Fire and Rescue Service – Station Commander", member.Answer, StringComparison.Ordinal);
        var papers = new TorLibrary([model]).Ask("how far ahead are papers sent?");
        Assert.Contains("5 working days before the meeting", papers.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText("tor.docx", "not a zip"u8.ToArray()));

        Assert.Contains("not a Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_formats_are_named_in_the_error() =>
        Assert.Contains(".docx", Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText("tor.pdf", [1, 2, 3])).Message, StringComparison.Ordinal);

    private static byte[] BuildDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
            main.Document = new Document(new Body(
                Styled("Westmarsh Community Safety Partnership", "Heading1"),
                Styled("Chair", "Heading2"),
                Plain("The Partnership will be chaired by the Borough Commander."),
                Styled("Membership", "Heading2"),
                Table(["Organisation", "Representative"], ["Westmarsh Borough Council", "Director of Communities"], ["Westmarsh Fire and Rescue Service", "Station Commander"]),
                Styled("Meetings", "Heading2"),
                Numbered("Papers will be circulated at least five working days before the meeting.")));
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static Paragraph Numbered(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(text)));

    private static Table Table(params string[][] rows) =>
        new(rows.Select(r => new TableRow(r.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))))));
}
