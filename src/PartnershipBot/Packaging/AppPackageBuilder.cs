using System.IO.Compression;
using System.Text.RegularExpressions;

namespace PartnershipBot.Packaging;

/// <summary>
/// Builds the Teams app package: the manifest template with its <c>${{NAME}}</c> placeholders filled,
/// plus the icons it names, all at the zip's root (Teams rejects a package whose files sit in a folder).
/// </summary>
public static partial class AppPackageBuilder
{
    /// <summary>The icon files the manifest references.</summary>
    public static readonly IReadOnlyList<string> IconFiles = ["color.png", "outline.png"];

    /// <summary>Defaults for the placeholders a council will usually override.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["APP_VERSION"] = "1.0.0",
        ["DEVELOPER_NAME"] = "PartnershipBot",
        ["DEVELOPER_WEBSITE_URL"] = "https://www.gov.uk/",
        ["DEVELOPER_PRIVACY_URL"] = "https://www.gov.uk/help/privacy-notice",
        ["DEVELOPER_TERMS_URL"] = "https://www.gov.uk/help/terms-conditions",
    };

    /// <summary>
    /// True for a manifest version Teams takes: MAJOR.MINOR.PATCH, numbers without leading zeros and nothing after
    /// (the manifest schema refuses semver's pre-release and build parts). Teams wants it raised for each update.
    /// </summary>
    public static bool IsManifestVersion(string version) => ManifestVersion().IsMatch(version);

    /// <summary>Fills every placeholder in <paramref name="template"/>; throws naming any left without a value.</summary>
    public static string FillTemplate(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var filled = Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            missing.Add(name);
            return match.Value;
        });
        return missing.Count == 0
            ? filled
            : throw new InvalidOperationException($"No value for {string.Join(", ", missing)}.");
    }

    /// <summary>Writes the zip to <paramref name="output"/> from the manifest folder.</summary>
    public static void Write(string manifestDirectory, IReadOnlyDictionary<string, string> values, Stream output)
    {
        var manifest = FillTemplate(File.ReadAllText(Path.Combine(manifestDirectory, "manifest.json")), values);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }

        foreach (var icon in IconFiles)
        {
            zip.CreateEntryFromFile(Path.Combine(manifestDirectory, icon), icon);
        }
    }

    [GeneratedRegex(@"\$\{\{(?<name>[A-Z0-9_]+)\}\}", RegexOptions.NonBacktracking)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex ManifestVersion();
}
