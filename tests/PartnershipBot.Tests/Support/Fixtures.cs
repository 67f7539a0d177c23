using PartnershipBot.Testing;
using System.Text.Json.Nodes;

namespace PartnershipBot.Tests.Support;

/// <summary>The Teams activity fixtures (copied from the team's shared set into tests/…/Fixtures).</summary>
public static class Fixtures
{
    public static string Path(string name) =>
        RepositoryPaths.Combine("tests", "PartnershipBot.Protocol.Tests", "Fixtures", "activities", name);

    /// <summary>A fixture with its serviceUrl pointed at a test Connector (and optional edits).</summary>
    public static JsonObject Activity(string name, string serviceUrl, Action<JsonObject>? edit = null)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path(name)))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        edit?.Invoke(activity);
        return activity;
    }
}
