namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>
/// Which files are taken as board papers: the formats boards circulate (PDF, Word, Excel, PowerPoint, OpenDocument),
/// checked by their first bytes as well as their name, so a renamed executable or a web page isn't stored as a paper.
/// </summary>
public static class PaperFiles
{
    /// <summary>The largest paper taken: the ToR upload's limit, so both file routes promise the same.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, (string ContentType, byte[] Magic, string Kind)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf, "PDF"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip, "Word document"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip, "Excel workbook"),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip, "PowerPoint presentation"),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip, "OpenDocument text"),
    };

    /// <summary>The formats in words, for messages.</summary>
    public const string Accepted = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or OpenDocument text (.odt)";

    /// <summary>The media type of a paper named <paramref name="fileName"/>, or null when its format isn't taken.</summary>
    public static string? ContentTypeOf(string fileName) =>
        Formats.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var format) ? format.ContentType : null;

    /// <summary>Why <paramref name="content"/> can't be stored as <paramref name="fileName"/>, or null when it can.</summary>
    public static string? ProblemWith(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Formats.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var format))
        {
            return $"I keep board papers as {Accepted}; please save it as one of those and send it again.";
        }

        if (content.Length == 0)
        {
            return "The file is empty.";
        }

        return content.AsSpan().StartsWith(format.Magic)
            ? null
            : $"It is named as a {format.Kind} but its contents aren't one; please save it again from the program that made it.";
    }
}
