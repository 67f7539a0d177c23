using System.Text;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>Reads a ToR file of any supported format (.txt, .md, .docx) and builds its model.</summary>
public static class TorFileReader
{
    /// <summary>File extensions PartnershipBot can read.</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".md", ".markdown", ".docx"];

    /// <summary>
    /// Most characters of text a ToR may have: a 100-page ToR is about 300,000. Longer text (a crafted .txt, or a
    /// .docx of repeated runs) would only cost parsing time and memory.
    /// </summary>
    public const int MaxTextChars = 1_000_000;

    /// <summary>The message for text over <see cref="MaxTextChars"/>.</summary>
    public const string TooLongMessage = "The document's text is far longer than a Terms of Reference (over a million characters), so I didn't read it.";

    /// <summary>The media type stored with a document of this file name.</summary>
    public static string MediaTypeFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".md" or ".markdown" => "text/markdown",
        _ => "text/plain",
    };

    /// <summary>Extracts the text of <paramref name="content"/>, a file named <paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidDataException">The format is not supported or the file is unreadable.</exception>
    public static string ExtractText(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".docx")
        {
            // The zip is checked before the OpenXML SDK inflates any part of it.
            DocxPackageGuard.Check(content);
            using var stream = new MemoryStream(content, writable: false);
            return DocxTextExtractor.Extract(stream);
        }

        if (!SupportedExtensions.Contains(extension) && extension.Length > 0)
        {
            throw new InvalidDataException($"{fileName}: PartnershipBot reads ToRs as {string.Join(", ", SupportedExtensions)}; convert PDFs to Word first.");
        }

        // A UTF-8 character takes at least one byte, so only a file longer than the cap in bytes needs counting.
        if (content.Length > MaxTextChars && Encoding.UTF8.GetCharCount(content) > MaxTextChars)
        {
            throw new InvalidDataException(TooLongMessage);
        }

        // Old council documents are often Windows-1252; UTF-8 with a fallback keeps them readable.
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(content).TrimStart('\uFEFF');
    }

    /// <summary>Reads and models the file at <paramref name="path"/>.</summary>
    public static async Task<TermsOfReferenceModel> LoadAsync(string path, string? boardName, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        return TermsOfReferenceModel.Build(Path.GetFileName(path), ExtractText(path, content), boardName);
    }
}
