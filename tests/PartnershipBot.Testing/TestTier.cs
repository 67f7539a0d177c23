namespace PartnershipBot.Testing;

/// <summary>
/// The test tiers, as the xunit trait <c>Category</c>, so a run can say what it costs: <c>dotnet test --filter
/// "Category=Unit"</c> and so on (README, "The two commands"). Each test class carries one; a test that needs
/// the contracts' npm packages inside an in-process class carries <see cref="Node"/> as well.
/// </summary>
public static class TestTier
{
    /// <summary>The trait name.</summary>
    public const string Category = "Category";

    /// <summary>No host, no database file, no other process: pure logic with fakes and FakeTimeProvider (seconds).</summary>
    public const string Unit = "Unit";

    /// <summary>The real host, SQLite or loopback servers inside the test process (the default inner loop).</summary>
    public const string InProcess = "InProcess";

    /// <summary>Starts the built bot (or dotnet) as its own process, to kill it or see what a user sees.</summary>
    public const string ChildProcess = "ChildProcess";

    /// <summary>Needs a PostgreSQL server (<c>PARTNERSHIPBOT_TEST_POSTGRES</c>); skipped visibly without one outside CI.</summary>
    public const string Postgres = "Postgres";

    /// <summary>Runs Node: the official schemas and card renderer in tests/contracts, or the Agents Toolkit CLI.</summary>
    public const string Node = "Node";

    /// <summary>Compiles the Bicep templates with the Bicep CLI from NuGet.</summary>
    public const string Bicep = "Bicep";
}
