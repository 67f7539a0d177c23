using System.IO.Compression;
using System.Text;

namespace PartnershipBot.Testing;

/// <summary>
/// Hostile .docx files built on the spot: a valid-looking Word package whose document.xml expands to many megabytes
/// of repetitive XML (which deflate shrinks about a thousand times), optionally with zip headers that under-declare
/// its size, as a crafted file would, so a reader trusting the headers is caught out.
/// </summary>
public static class DocxBombs
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    private const string Relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    /// <summary>A .docx whose document.xml is <paramref name="xmlBytes"/> bytes of paragraphs of repeated text.</summary>
    public static byte[] Build(long xmlBytes, bool lieAboutSize = false)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(zip, "[Content_Types].xml", ContentTypes);
            WriteText(zip, "_rels/.rels", Relationships);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var tail = Encoding.UTF8.GetBytes("</w:body></w:document>");
            var paragraph = Encoding.UTF8.GetBytes("<w:p><w:r><w:t>" + new string('A', 4000) + "</w:t></w:r></w:p>");
            stream.Write(head);
            for (long written = head.Length + tail.Length; written < xmlBytes; written += paragraph.Length)
            {
                stream.Write(paragraph);
            }

            stream.Write(tail);
        }

        var bytes = output.ToArray();
        return lieAboutSize ? UnderDeclare(bytes, "word/document.xml", 4096) : bytes;
    }

    /// <summary>
    /// A well-formed .docx within the zip limits whose text is <paramref name="chars"/> characters long (paragraphs of
    /// 1,000 random letters, which compress like prose rather than like a bomb).
    /// </summary>
    public static byte[] LongText(int chars)
    {
        var random = new Random(16);
        var body = new StringBuilder();
        for (var i = 0; i < chars; i += 1000)
        {
            body.Append("<w:p><w:r><w:t>");
            for (var c = 0; c < 1000; c++)
            {
                body.Append((char)('a' + random.Next(26)));
            }

            body.Append("</w:t></w:r></w:p>");
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(zip, "[Content_Types].xml", ContentTypes);
            WriteText(zip, "_rels/.rels", Relationships);
            WriteText(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>");
        }

        return output.ToArray();
    }

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>Rewrites the uncompressed-size fields of <paramref name="name"/> in its local header and central directory entry.</summary>
    private static byte[] UnderDeclare(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && Matches(zip, i + 30, nameBytes) && BitConverter.ToUInt16(zip, i + 26) == nameBytes.Length)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }
            else if (signature == 0x02014b50 && Matches(zip, i + 46, nameBytes) && BitConverter.ToUInt16(zip, i + 28) == nameBytes.Length)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }

        return zip;
    }

    private static bool Matches(byte[] zip, int offset, byte[] expected) =>
        offset + expected.Length <= zip.Length && zip.AsSpan(offset, expected.Length).SequenceEqual(expected);
}
