using System.IO.Compression;
using System.Text.Json;
using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cli;

/// <summary><c>package --version</c> sets the manifest version Teams compares on update; a bad one is a usage error and writes nothing.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class PackageVersionTests : IDisposable
{
    private const string BotId = "00000000-0000-0000-0000-00000000b075";
    private readonly string workDirectory = Directory.CreateTempSubdirectory("pb-package-version-").FullName;

    public void Dispose() => Directory.Delete(workDirectory, recursive: true);

    [Fact]
    public async Task The_version_given_is_the_manifests()
    {
        var zip = Path.Combine(workDirectory, "app.zip");

        var (exit, output, _) = await RunAsync(["package", "--bot-id", BotId, "--domain", "bot.example.org", "--version", "2.13.0", "--manifest", RepositoryPaths.Combine("manifest"), "--out", zip]);

        Assert.Equal(0, exit);
        Assert.Equal("2.13.0", ManifestVersionIn(zip));
        Assert.Contains("version 2.13.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_version_it_is_1_0_0()
    {
        var zip = Path.Combine(workDirectory, "app.zip");

        var (exit, _, _) = await RunAsync(["package", "--bot-id", BotId, "--domain", "bot.example.org", "--manifest", RepositoryPaths.Combine("manifest"), "--out", zip]);

        Assert.Equal(0, exit);
        Assert.Equal("1.0.0", ManifestVersionIn(zip));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.1")]
    [InlineData("1.0.1-beta")]
    [InlineData("1.0.1+build5")]
    [InlineData("01.0.1")]
    [InlineData("1.0.1.4")]
    [InlineData("one")]
    public async Task A_version_Teams_would_refuse_exits_2_saying_the_form_and_writes_no_zip(string version)
    {
        var zip = Path.Combine(workDirectory, "app.zip");

        var (exit, _, error) = await RunAsync(["package", "--bot-id", BotId, "--domain", "bot.example.org", "--version", version, "--manifest", RepositoryPaths.Combine("manifest"), "--out", zip]);

        Assert.Equal(2, exit);
        Assert.Contains("MAJOR.MINOR.PATCH", error, StringComparison.Ordinal);
        Assert.Contains($"'{version}'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    private static string? ManifestVersionIn(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        using var manifest = JsonDocument.Parse(stream);
        return manifest.RootElement.GetProperty("version").GetString();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(command, args, new CommandConsole(new StringReader(string.Empty), stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
