using System.Diagnostics;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Hosting;

/// <summary>
/// Every setting with a rule is checked while the host is built: a bad value stops start-up with one line that names
/// the key, instead of a fallback, a stack trace, or a failure on the first message hours later.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StartupSettingsTests
{
    public static TheoryData<string, string[]> BadSettings() => new()
    {
        { "MicrosoftAppType", ["MicrosoftAppType", "Bogus"] },
        { "BotFramework:OpenIdMetadataUrl", ["BotFramework:OpenIdMetadataUrl", "login.botframework.com/v1"] },
        { "BotFramework:OpenIdMetadataUrl", ["BotFramework:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration"] },
        { "BotFramework:Connector:MaxRetries", ["BotFramework:Connector:MaxRetries", "-1"] },
        { "BotFramework:Connector:BaseDelay", ["BotFramework:Connector:BaseDelay", "00:00:00"] },
        { "BotFramework:Connector:MaxDelay", ["BotFramework:Connector:MaxDelay", "00:00:00.010"] },
        { "Reminders:PollInterval", ["Reminders:PollInterval", "00:00:00"] },
        { "Reminders:PollInterval", ["Reminders:PollInterval", "soon"] },
        { "Reminders:ClaimLease", ["Reminders:ClaimLease", "-00:05:00"] },
        { "Declarations:LeadWorkingDays", ["Declarations:LeadWorkingDays", "-1"] },
        { "Declarations:Boards:Westmarsh Board:LeadWorkingDays", ["Declarations:Boards:Westmarsh Board:LeadWorkingDays", "99"] },
        { "Actions:ReminderWorkingDays", ["Actions:ReminderWorkingDays", "-1"] },
        { "Actions:ReminderWorkingDays", ["Actions:ReminderWorkingDays", "31"] },
        { "Declarations:RegisterKey", ["Declarations:RegisterKey", "too-short"] },
        { "PartnershipBot:Admins:0", ["PartnershipBot:Admins:0", "jane.smith@council.example"] },
        { "Graph:BaseUrl", ["Graph:BaseUrl", "graph.microsoft.com/v1.0"] },
        { "Graph:BaseUrl", ["Graph:BaseUrl", "http://graph.microsoft.com/v1.0"] },
        { "Graph:SyncInterval", ["Graph:SyncInterval", "00:00:00"] },
        { "Graph:BoardMailboxes:0", ["Graph:BoardMailboxes:0:Board", "Westmarsh Board"] },
        { "Storage:Provider", ["Storage:Provider", "Oracle"] },
        { "Storage:DataDirectory", ["Storage:DataDirectory", ""] },
        { "ConnectionStrings:PartnershipBot", ["Storage:Provider", "Postgres", "Declarations:RegisterKey", new string('k', 40)] },
        { "Declarations:RegisterKey", ["Storage:Provider", "Postgres", "ConnectionStrings:PartnershipBot", "Host=127.0.0.1"] },
        { "Storage:PostgresAuth", ["Storage:Provider", "Postgres", "Declarations:RegisterKey", new string('k', 40), "ConnectionStrings:PartnershipBot", "Host=db.example;SSL Mode=VerifyFull", "Storage:PostgresAuth", "Kerberos"] },
        { "Storage:PostgresManagedIdentityClientId", ["Storage:Provider", "Postgres", "Declarations:RegisterKey", new string('k', 40), "ConnectionStrings:PartnershipBot", "Host=db.example;SSL Mode=VerifyFull", "Storage:PostgresAuth", "Entra"] },
        { "SSL Mode=VerifyFull", ["Storage:Provider", "Postgres", "Declarations:RegisterKey", new string('k', 40), "ConnectionStrings:PartnershipBot", "Host=db.example;SSL Mode=Require", "Storage:PostgresAuth", "Entra", "Storage:PostgresManagedIdentityClientId", "0f0e0d0c-0000-4000-8000-000000000001"] },
        { "carries a password", ["Storage:Provider", "Postgres", "Declarations:RegisterKey", new string('k', 40), "ConnectionStrings:PartnershipBot", "Host=db.example;Password=hunter2;SSL Mode=VerifyFull", "Storage:PostgresAuth", "Entra", "Storage:PostgresManagedIdentityClientId", "0f0e0d0c-0000-4000-8000-000000000001"] },
        { "TermsOfReference:Embeddings", ["TermsOfReference:Embeddings", "maybe"] },
        { "TermsOfReference:DownloadHosts:0", ["TermsOfReference:DownloadHosts:0", "https://contoso.sharepoint.com"] },
        { "TermsOfReference:AllowLoopbackDownloads", ["TermsOfReference:AllowLoopbackDownloads", "perhaps"] },
        { "Tab:EntraAuthority", ["Tab:EntraAuthority", "login.microsoftonline.com"] },
        { "Tab:Domain", ["Tab:Domain", "https://bot.example.org"] },
        { "Telemetry:Console", ["Telemetry:Console", "loud"] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Build_WithABadSetting_RefusesInOneLineNamingTheKey(string key, string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("pb-settings-").FullName;
        try
        {
            string[] args = ["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--TermsOfReference:Embeddings", "Off", .. AsArguments(settings)];

            var error = Assert.ThrowsAny<InvalidOperationException>(() => BotHost.Build(args));

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Build_WithTheDefaults_Starts()
    {
        var data = Directory.CreateTempSubdirectory("pb-settings-").FullName;
        try
        {
            var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--TermsOfReference:Embeddings", "Off"]);
            Assert.NotNull(app);
            ((IDisposable)app).Dispose();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static IEnumerable<string> AsArguments(string[] settings)
    {
        for (var i = 0; i < settings.Length; i += 2)
        {
            yield return $"--{settings[i]}";
            yield return settings[i + 1];
        }
    }
}

/// <summary>What someone running the bot sees: the built bot as its own process, a bad setting, one line on stderr.</summary>
[Trait(TestTier.Category, TestTier.ChildProcess)]
public sealed class StartupSettingsProcessTests
{
    [Fact]
    public async Task TheProcess_WithABadSetting_ExitsWithOneLineNamingTheKey()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnershipBot.dll"));
        start.Environment["Reminders__PollInterval"] = "-00:00:30";
        start.Environment["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"pb-never-{Guid.NewGuid():N}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("PartnershipBot did not start: Reminders:PollInterval must be", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await stdout, StringComparison.Ordinal);
    }
}
