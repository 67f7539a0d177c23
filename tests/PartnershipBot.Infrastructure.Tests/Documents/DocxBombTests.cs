using System.Text;
using PartnershipBot.Infrastructure.Documents;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Documents;

/// <summary>
/// Zip bombs dressed as Word documents: refused before the OpenXML SDK inflates them, with bounded work. The
/// measure is bytes allocated by the reading thread, which is what took the bot to an OutOfMemoryException.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class DocxBombTests
{
    private const long TwoHundredMegabytes = 200L * 1024 * 1024;

    [Fact]
    public void A_docx_whose_XML_expands_to_200_MB_is_refused_without_inflating_it()
    {
        var bomb = DocxBombs.Build(TwoHundredMegabytes);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be well under 1 MB, was {bomb.Length:N0} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText("tor.docx", bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DocxPackageGuard.TooLargeMessage, error.Message);
        Assert.True(allocated < 4 * 1024 * 1024, $"refusing allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_bomb_whose_zip_headers_under_declare_its_size_is_refused_after_reading_at_most_the_cap()
    {
        var bomb = DocxBombs.Build(TwoHundredMegabytes, lieAboutSize: true);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText("tor.docx", bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Whether the zip reader stops at the declared size (a damaged document) or the guard counts past the cap,
        // it is refused; what matters is that nothing near 200 MB was inflated into memory.
        Assert.True(error.Message == DocxPackageGuard.TooLargeMessage || error.Message.StartsWith("This is not a Word document", StringComparison.Ordinal), error.Message);
        Assert.True(allocated < 16 * 1024 * 1024, $"refusing allocated {allocated:N0} bytes");
    }

    [Fact]
    public void The_guard_reads_no_more_than_its_cap_when_the_headers_lie()
    {
        var bomb = DocxBombs.Build(64L * 1024 * 1024, lieAboutSize: true);

        // Either the zip reader honours the declared 4 KB, or the guard stops at MaxEntryBytes: never the whole 64 MB.
        try
        {
            var read = DocxPackageGuard.Check(bomb);
            Assert.True(read <= DocxPackageGuard.MaxEntryBytes, $"read {read:N0} bytes");
        }
        catch (InvalidDataException error)
        {
            Assert.True(error.Message == DocxPackageGuard.TooLargeMessage || error.Message.StartsWith("This is not a Word document", StringComparison.Ordinal), error.Message);
        }
    }

    [Fact]
    public void A_docx_within_the_zip_limits_but_with_more_text_than_any_ToR_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText("tor.docx", DocxBombs.LongText(TorFileReader.MaxTextChars + 50_000)));

        Assert.Equal(TorFileReader.TooLongMessage, error.Message);
    }

    [Theory]
    [InlineData("tor.txt")]
    [InlineData("tor.md")]
    public void Text_files_longer_than_any_ToR_are_refused(string name)
    {
        var error = Assert.Throws<InvalidDataException>(() => TorFileReader.ExtractText(name, Encoding.UTF8.GetBytes(new string('x', TorFileReader.MaxTextChars + 1))));

        Assert.Equal(TorFileReader.TooLongMessage, error.Message);
    }

    [Fact]
    public void A_real_sized_text_file_is_still_read() =>
        Assert.Equal(TorFileReader.MaxTextChars, TorFileReader.ExtractText("tor.txt", Encoding.UTF8.GetBytes(new string('x', TorFileReader.MaxTextChars))).Length);
}
