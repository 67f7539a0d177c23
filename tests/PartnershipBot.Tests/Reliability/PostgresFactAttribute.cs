namespace PartnershipBot.Tests.Reliability;

/// <summary>
/// A fact that needs a PostgreSQL server: skipped (visibly) on a developer machine without one, never in CI,
/// where a missing server must fail, as in <see cref="Testing.TestDatabase.Providers"/>.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PARTNERSHIPBOT_TEST_POSTGRES")) && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = "PostgreSQL is not configured: `source .ci/services.sh && start_postgres` sets PARTNERSHIPBOT_TEST_POSTGRES.";
        }
    }
}
