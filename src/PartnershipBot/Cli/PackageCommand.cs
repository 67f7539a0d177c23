using PartnershipBot.Packaging;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>package --bot-id GUID --domain HOST [--app-id GUID] [--version X.Y.Z] [--out FILE]</c>: writes the Teams app zip.
/// Any placeholder may also come from an environment variable of the same name (BOT_ID, BOT_DOMAIN, APP_VERSION, ...).
/// </summary>
public sealed class PackageCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "package";

    /// <inheritdoc />
    public string Summary => "package --bot-id GUID --domain HOST [--version X.Y.Z] [--out FILE]: build the Teams app package (zip)";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args);
        var values = new Dictionary<string, string>(AppPackageBuilder.Defaults, StringComparer.Ordinal);
        foreach (var name in new[] { "BOT_ID", "BOT_DOMAIN", "TEAMS_APP_ID", "APP_VERSION", "DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "DEVELOPER_PRIVACY_URL", "DEVELOPER_TERMS_URL" })
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                values[name] = fromEnvironment;
            }
        }

        Set(values, "BOT_ID", options.Get("bot-id"));
        Set(values, "BOT_DOMAIN", options.Get("domain"));
        Set(values, "TEAMS_APP_ID", options.Get("app-id"));
        Set(values, "APP_VERSION", options.Get("version"));
        if (!AppPackageBuilder.IsManifestVersion(values["APP_VERSION"]))
        {
            throw new CommandLineException($"--version (or APP_VERSION) must be MAJOR.MINOR.PATCH such as 1.0.1, the form Teams' manifest takes, got '{values["APP_VERSION"]}'.");
        }
        if (!values.ContainsKey("TEAMS_APP_ID") && values.TryGetValue("BOT_ID", out var botId))
        {
            values["TEAMS_APP_ID"] = botId;
        }

        foreach (var id in new[] { "BOT_ID", "TEAMS_APP_ID" })
        {
            if (values.TryGetValue(id, out var value) && !Guid.TryParse(value, out _))
            {
                throw new CommandLineException($"{id} must be a GUID (the Azure Bot's Microsoft App ID), got '{value}'.");
            }
        }

        var output = options.Get("out") ?? "partnershipbot.zip";
        var manifestDirectory = options.Get("manifest") ?? Path.Combine(AppContext.BaseDirectory, "manifest");
        try
        {
            await using var file = File.Create(output);
            AppPackageBuilder.Write(manifestDirectory, values, file);
        }
        catch (InvalidOperationException ex)
        {
            File.Delete(output);
            throw new CommandLineException($"{ex.Message} Pass --bot-id and --domain, or set the environment variables of those names.");
        }

        await console.Out.WriteLineAsync($"Wrote {Path.GetFullPath(output)} (manifest.json version {values["APP_VERSION"]}, {string.Join(", ", AppPackageBuilder.IconFiles)}).");
        return 0;
    }

    private static void Set(Dictionary<string, string> values, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[name] = value;
        }
    }
}
