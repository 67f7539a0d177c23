using System.IO.Compression;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Checks a .docx's zip container before the OpenXML SDK opens it, so a "zip bomb" (a small file whose XML
/// expands to hundreds of megabytes) is refused after reading at most <see cref="MaxTotalBytes"/> of
/// decompressed data, instead of being inflated into memory. The declared sizes are checked first (cheap), then
/// each entry is decompressed into nothing while counting, because a crafted zip can declare sizes it doesn't keep.
/// </summary>
public static class DocxPackageGuard
{
    /// <summary>Largest uncompressed part: a 100-page ToR's document.xml is about 2 MB.</summary>
    public const long MaxEntryBytes = 8 * 1024 * 1024;

    /// <summary>Largest uncompressed package (all parts together).</summary>
    public const long MaxTotalBytes = 32 * 1024 * 1024;

    /// <summary>Most parts a package may have (Word writes about a dozen).</summary>
    public const int MaxEntries = 1000;

    /// <summary>Highest compression ratio accepted for a part larger than <see cref="RatioFloorBytes"/>; Word's XML compresses 5-20 times.</summary>
    public const double MaxRatio = 100;

    /// <summary>Parts smaller than this may compress as well as they like (tiny repetitive XML compresses very well).</summary>
    public const long RatioFloorBytes = 256 * 1024;

    /// <summary>The message every refused package gets (what is wrong, not how the check works).</summary>
    public const string TooLargeMessage = "The Word document expands to more than a Terms of Reference could need (it may be damaged or built to overload me), so I didn't read it.";

    /// <summary>Throws unless every entry of the zip in <paramref name="content"/> is within the limits; returns the bytes decompressed while checking.</summary>
    /// <exception cref="InvalidDataException">The package is too large, too compressed, or not a zip.</exception>
    public static long Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw Unreadable(ex);
        }

        using (archive)
        {
            if (archive.Entries.Count > MaxEntries)
            {
                throw new InvalidDataException(TooLargeMessage);
            }

            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                if (entry.Length > MaxEntryBytes || declared > MaxTotalBytes || TooCompressed(entry.Length, entry.CompressedLength))
                {
                    throw new InvalidDataException(TooLargeMessage);
                }
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                total += CountEntry(entry, buffer, MaxTotalBytes - total);
            }

            return total;
        }
    }

    private static bool TooCompressed(long length, long compressedLength) =>
        length > RatioFloorBytes && length > MaxRatio * Math.Max(compressedLength, 1);

    private static long CountEntry(ZipArchiveEntry entry, byte[] buffer, long budget)
    {
        long count = 0;
        using var data = OpenOrRefuse(entry);
        int read;
        while ((read = ReadOrRefuse(data, buffer)) > 0)
        {
            count += read;
            if (count > MaxEntryBytes || count > budget || TooCompressed(count, entry.CompressedLength))
            {
                throw new InvalidDataException(TooLargeMessage);
            }
        }

        return count;
    }

    private static Stream OpenOrRefuse(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            throw Unreadable(ex);
        }
    }

    private static int ReadOrRefuse(Stream data, byte[] buffer)
    {
        try
        {
            return data.Read(buffer, 0, buffer.Length);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Unreadable(ex);
        }
    }

    private static InvalidDataException Unreadable(Exception ex) => new($"This is not a Word document PartnershipBot can read ({ex.Message}).", ex);
}
