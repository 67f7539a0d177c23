using PartnershipBot.Testing;
using System.Buffers.Binary;
using System.IO.Compression;
using PartnershipBot.Packaging;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Packaging;

[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AppPackageTests : IDisposable
{
    private const string BotId = "00000000-0000-0000-0000-00000000b075";
    private readonly string workDirectory = Directory.CreateTempSubdirectory("pb-package-").FullName;

    public void Dispose() => Directory.Delete(workDirectory, recursive: true);

    [Fact]
    public void Write_WithIds_PutsManifestAndIconsAtZipRootWithPlaceholdersFilled()
    {
        var entries = BuildAndExtract();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        var manifest = System.Text.Encoding.UTF8.GetString(entries["manifest.json"]);
        Assert.DoesNotContain("${{", manifest, StringComparison.Ordinal);
        Assert.Contains($"\"botId\": \"{BotId}\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"bot.example.org\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithIds_DeclaresTheSecretariatTabAndTheSsoResourceTheHostAccepts()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(BuildAndExtract()["manifest.json"]);
        var root = manifest.RootElement;

        var tabs = root.GetProperty("staticTabs").EnumerateArray().ToList();
        // Listing any static tab hides the bot's chat unless "conversations" is listed too.
        Assert.Equal(["conversations", "boards", "about"], tabs.Select(t => t.GetProperty("entityId").GetString()));
        Assert.Equal("https://bot.example.org/tab", tabs[1].GetProperty("contentUrl").GetString());
        Assert.Equal(BotId, root.GetProperty("webApplicationInfo").GetProperty("id").GetString());
        // The audience TabTokenValidator accepts with Tab:Domain=bot.example.org.
        Assert.Equal($"api://bot.example.org/{BotId}", root.GetProperty("webApplicationInfo").GetProperty("resource").GetString());
    }

    [Fact]
    public void Write_WithIds_DeclaresTheChannelTabConfiguredByTheHostsConfigPage()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(BuildAndExtract()["manifest.json"]);

        var tab = Assert.Single(manifest.RootElement.GetProperty("configurableTabs").EnumerateArray());
        Assert.Equal("https://bot.example.org/tab/config", tab.GetProperty("configurationUrl").GetString());
        Assert.Equal(["team", "groupChat"], tab.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Write_Icons_HaveTheSizesTeamsRequiresAndOutlineIsTransparent()
    {
        var entries = BuildAndExtract();

        var color = PngImage.Read(entries["color.png"]);
        var outline = PngImage.Read(entries["outline.png"]);

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(0, outline.AlphaAt(0, 0));
        Assert.Contains(Enumerable.Range(0, 32 * 32), i => outline.AlphaAt(i % 32, i / 32) == 255);
    }

    [Fact]
    public void FillTemplate_MissingValue_NamesThePlaceholder()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            AppPackageBuilder.FillTemplate("{\"a\": \"${{BOT_ID}}\", \"b\": \"${{BOT_DOMAIN}}\"}", new Dictionary<string, string> { ["BOT_ID"] = BotId }));

        Assert.Contains("BOT_DOMAIN", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BOT_ID,", ex.Message, StringComparison.Ordinal);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Write_Manifest_IsValidAgainstTheOfficialSchema()
    {
        var entries = BuildAndExtract();
        var manifestPath = Path.Combine(workDirectory, "manifest.json");
        await File.WriteAllBytesAsync(manifestPath, entries["manifest.json"]);

        var (exitCode, output) = await NodeContracts.ValidateAsync(
            "manifest", manifestPath, RepositoryPaths.Combine("manifest", "teams-app-manifest-v1.22.schema.json"));

        Assert.True(exitCode == 0, output);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task Validator_ManifestBreakingTheSchema_IsRejected()
    {
        // Guards the guard: a manifest with a wrong schema version and colour must fail validation.
        var manifest = System.Text.Encoding.UTF8.GetString(BuildAndExtract()["manifest.json"])
            .Replace("\"1.22\"", "\"1.21\"", StringComparison.Ordinal)
            .Replace("#1F5A96", "blue", StringComparison.Ordinal);
        var manifestPath = Path.Combine(workDirectory, "bad-manifest.json");
        await File.WriteAllTextAsync(manifestPath, manifest);

        var (exitCode, output) = await NodeContracts.ValidateAsync(
            "manifest", manifestPath, RepositoryPaths.Combine("manifest", "teams-app-manifest-v1.22.schema.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("manifestVersion", output, StringComparison.Ordinal);
        Assert.Contains("accentColor", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> BuildAndExtract()
    {
        var values = new Dictionary<string, string>(AppPackageBuilder.Defaults)
        {
            ["BOT_ID"] = BotId,
            ["TEAMS_APP_ID"] = BotId,
            ["BOT_DOMAIN"] = "bot.example.org",
        };
        using var zipBytes = new MemoryStream();
        AppPackageBuilder.Write(RepositoryPaths.Combine("manifest"), values, zipBytes);
        zipBytes.Position = 0;
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Just enough PNG decoding (8-bit RGBA, no interlace, filters 0-4) to check size and transparency.</summary>
    private sealed record PngImage(int Width, int Height, byte[] Rgba)
    {
        public int AlphaAt(int x, int y) => Rgba[((y * Width) + x) * 4 + 3];

        public static PngImage Read(byte[] png)
        {
            int width = 0, height = 0;
            using var idat = new MemoryStream();
            for (var offset = 8; offset < png.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
                var data = png.AsSpan(offset + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    Assert.Equal(6, data[9]);
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }

                offset += length + 12;
            }

            idat.Position = 0;
            using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            inflater.CopyTo(raw);
            return new PngImage(width, height, Unfilter(raw.ToArray(), width, height));
        }

        private static byte[] Unfilter(byte[] raw, int width, int height)
        {
            var stride = width * 4;
            var pixels = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                for (var x = 0; x < stride; x++)
                {
                    var value = raw[(y * (stride + 1)) + 1 + x];
                    int left = x >= 4 ? pixels[(y * stride) + x - 4] : 0;
                    int up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                    int upLeft = x >= 4 && y > 0 ? pixels[((y - 1) * stride) + x - 4] : 0;
                    pixels[(y * stride) + x] = (byte)(value + filter switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        _ => Paeth(left, up, upLeft),
                    });
                }
            }

            return pixels;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
