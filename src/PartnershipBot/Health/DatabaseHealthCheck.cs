using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartnershipBot.Infrastructure.Persistence;

namespace PartnershipBot.Health;

/// <summary>The database answers and its schema holds every migration this build ships.</summary>
public sealed class DatabaseHealthCheck(IDatabase database) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations";
            var applied = new HashSet<int>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
                }
            }

            var missing = Migrator.Scripts(database.Provider).Where(s => !applied.Contains(s.Version)).Select(s => s.Name).ToList();
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{database.Provider}: reachable, {applied.Count} migrations applied.")
                : HealthCheckResult.Unhealthy($"{database.Provider}: migrations not applied: {string.Join(", ", missing)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type and message only: connection strings never reach the response.
            return HealthCheckResult.Unhealthy($"{database.Provider}: not reachable ({ex.GetType().Name}).");
        }
    }
}
