using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Reads a Word .docx into the plain-text shape the ToR parser understands, keeping the structure Word
/// knows: heading styles become markdown headings, numbered and bulleted paragraphs become "- " items,
/// and tables become tab-separated rows (the same shape as tables pasted into a .txt ToR).
/// </summary>
public static class DocxTextExtractor
{
    /// <summary>Extracts the text of the document in <paramref name="stream"/>, refusing more than <paramref name="maxChars"/> characters.</summary>
    /// <remarks>Check an untrusted package with <see cref="DocxPackageGuard"/> first: this opens it with the OpenXML SDK.</remarks>
    /// <exception cref="InvalidDataException">The stream is not a readable .docx, or its text is too long.</exception>
    public static string Extract(Stream stream, int maxChars = TorFileReader.MaxTextChars)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException("The .docx has no document body.");
            var styles = StyleNames(document.MainDocumentPart!);
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        AppendParagraph(text, paragraph, styles);
                        break;
                    case Table table:
                        AppendTable(text, table);
                        break;
                }

                if (text.Length > maxChars)
                {
                    throw new InvalidDataException(TorFileReader.TooLongMessage);
                }
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.FileFormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new InvalidDataException($"This is not a Word document PartnershipBot can read ({ex.Message}).", ex);
        }
    }

    private static Dictionary<string, string> StyleNames(MainDocumentPart part) =>
        part.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
        ?? [];

    private static void AppendParagraph(StringBuilder text, Paragraph paragraph, Dictionary<string, string> styles)
    {
        var content = ParagraphText(paragraph);
        if (content.Length == 0)
        {
            text.AppendLine();
            return;
        }

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var styleName = styleId is null ? string.Empty : styles.GetValueOrDefault(styleId, styleId);
        var headingLevel = HeadingLevel(styleName);
        if (headingLevel > 0)
        {
            text.AppendLine().Append('#', headingLevel).Append(' ').AppendLine(content).AppendLine();
        }
        else if (paragraph.ParagraphProperties?.NumberingProperties is not null || styleName.Contains("List", StringComparison.OrdinalIgnoreCase))
        {
            text.Append("- ").AppendLine(content);
        }
        else
        {
            text.AppendLine(content).AppendLine();
        }
    }

    private static int HeadingLevel(string styleName)
    {
        if (styleName.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var name = styleName.Replace(" ", string.Empty, StringComparison.Ordinal);
        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(7), out var level) && level is >= 1 and <= 6
            ? level
            : 0;
    }

    private static void AppendTable(StringBuilder text, Table table)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)));
            text.AppendLine(string.Join('\t', cells));
        }

        text.AppendLine();
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    builder.Append(t.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}
