using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// LibreOffice headless and poppler, as a reader's machine would open the bot's Word documents: docx → PDF (soffice),
/// first page → PNG (pdftoppm), PDF → text (pdftotext). Installed by .ci/run (install_office).
/// </summary>
internal static class OfficeRendering
{
    public static readonly string[] Tools = ["soffice", "pdftoppm", "pdftotext", "pdfinfo"];

    /// <summary>The tools not on PATH.</summary>
    public static IReadOnlyList<string> Missing => [.. Tools.Where(t => !OnPath(t))];

    /// <summary>Runs <paramref name="tool"/> to the end; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 3 minutes");
        }

        var all = await output + await error;
        return process.ExitCode == 0 ? all : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {all}");
    }

    /// <summary>How many of a PNG's pixels are not white (any channel below 250): 8-bit grey, RGB or RGBA, non-interlaced, as pdftoppm writes.</summary>
    public static int NonWhitePixels(string pngPath)
    {
        var bytes = File.ReadAllBytes(pngPath);
        var (width, height, channels) = (0, 0, 0);
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.True(data[8] == 8 && data[12] == 0, "the check reads 8-bit non-interlaced PNGs only");
                channels = data[9] switch { 0 => 1, 2 => 3, 6 => 4, var c => throw new NotSupportedException($"PNG colour type {c}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var nonWhite = 0;
        for (var y = 0; y < height; y++)
        {
            var filter = inflated.ReadByte();
            inflated.ReadExactly(row);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch { 1 => left, 2 => up, 3 => (left + up) / 2, 4 => Paeth(left, up, upLeft), _ => 0 });
            }

            for (var x = 0; x < width; x++)
            {
                var colour = Math.Min(channels, 3);
                if (Enumerable.Range(0, colour).Any(c => row[(x * channels) + c] < 250))
                {
                    nonWhite++;
                }
            }

            (previous, row) = (row, previous);
        }

        return nonWhite;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}

/// <summary>
/// A fact that needs LibreOffice and poppler: skipped (visibly) on a developer machine without them, never in CI,
/// where their absence is a failure (the test then says which tool is missing).
/// </summary>
internal sealed class OfficeFactAttribute : FactAttribute
{
    public OfficeFactAttribute()
    {
        if (OfficeRendering.Missing.Count > 0 && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = $"{string.Join(", ", OfficeRendering.Missing)} not installed: apt-get install libreoffice-writer-nogui poppler-utils (bash .ci/run does).";
        }
    }
}
