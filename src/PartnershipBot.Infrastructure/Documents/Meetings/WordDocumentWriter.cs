using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartnershipBot.Infrastructure.Documents.Meetings;

/// <summary>
/// A small Word (.docx) writer for the meeting documents: real Title and Heading styles (so screen readers and Word's
/// navigation pane see the structure), plain paragraphs, and bulleted lines. Nothing here knows about boards.
/// </summary>
internal sealed class WordDocumentWriter : IDisposable
{
    private readonly WordprocessingDocument document;
    private readonly Body body;

    public WordDocumentWriter(Stream output, string title)
    {
        document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(body = new Body());
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            ParagraphStyle("Normal", "Normal", 22, bold: false, null),
            ParagraphStyle("Title", "Title", 40, bold: true, "Normal"),
            ParagraphStyle("Heading1", "heading 1", 30, bold: true, "Normal", outline: 0),
            ParagraphStyle("Heading2", "heading 2", 26, bold: true, "Normal", outline: 1));
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = "PartnershipBot";
        document.PackageProperties.Language = "en-GB";
    }

    public void Title(string text) => body.Append(Styled("Title", text));

    public void Heading(string text, int level = 1) => body.Append(Styled(level == 1 ? "Heading1" : "Heading2", text));

    public void Paragraph(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        body.Append(new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
    }

    /// <summary>A line starting with a bullet; kept as text so the document needs no numbering part.</summary>
    public void Bullet(string text) => body.Append(new Paragraph(
        new ParagraphProperties(new Indentation { Left = "360", Hanging = "360" }),
        new Run(new Text("• " + text) { Space = SpaceProcessingModeValues.Preserve })));

    public void Dispose()
    {
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
        document.Dispose();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, string? basedOn, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? OnOffValue.FromBoolean(true) : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        // Children in the schema's order (keepNext, spacing, outline level; fonts, bold, size): Word rejects others.
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(new SpacingBetweenLines { After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        var run = new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" });
        if (bold)
        {
            run.Append(new Bold());
        }

        run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        style.Append(run);
        return style;
    }
}
