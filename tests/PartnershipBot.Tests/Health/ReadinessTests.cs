using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Health;

/// <summary>
/// /healthz/ready through the real host: 200 only while the database answers with every migration applied and the
/// reminder dispatcher is alive and not stuck; /healthz (liveness) answers 200 whatever readiness says.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WhenDatabaseMigratedAndDispatcherRunning_IsOk()
    {
        using var host = new BotHostFactory(new Dictionary<string, string?>());
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["reminderDispatcher"]!["status"]);
        Assert.Equal("ok", (string?)(await GetAsync(client, "/healthz")).Body["status"]);
    }

    [Fact]
    public async Task Ready_WhenDatabaseUnreachable_Is503_AndLivenessStillOk()
    {
        using var host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:PartnershipBot"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=nobody;Password=secret-not-shown;Timeout=3",
            // PostgreSQL deployments must supply the register's key; without one the host refuses to start at all.
            ["Declarations:RegisterKey"] = TestDatabase.RegisterKeyText,
        });
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["database"]!["status"]);
        Assert.DoesNotContain("secret-not-shown", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/healthz")).Status);
    }

    [Fact]
    public async Task Ready_WhenAMigrationIsMissing_Is503NamingIt()
    {
        using var host = new BotHostFactory(new Dictionary<string, string?>());
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/healthz/ready")).Status);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "partnershipbot.db")}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM schema_migrations WHERE version = 4";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        var (status, body) = await GetAsync(client, "/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("0004_meeting_apologies", (string?)body["checks"]!["database"]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WhenADispatchPassRunsPastTheClaimLease_Is503()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var stuck = new StuckOutbox();
        using var host = new BotHostFactory(new Dictionary<string, string?> { ["Reminders:ClaimLease"] = "00:05:00" }, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IReminderOutbox>(stuck);
        });
        using var client = host.CreateClient();
        await stuck.Claiming.Task.WaitAsync(TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/healthz/ready")).Status);

        time.Advance(TimeSpan.FromMinutes(2));
        var (status, body) = await GetAsync(client, "/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("longer than the claim lease", (string?)body["checks"]!["reminderDispatcher"]!["description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/healthz")).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An outbox whose claim never returns: a pass stuck on the database.</summary>
    private sealed class StuckOutbox : IReminderOutbox
    {
        public TaskCompletionSource Claiming { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string worker, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
        {
            Claiming.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }

        public Task<bool> EnqueueAsync(ReminderRecord reminder, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task CompleteAsync(string reminderId, string worker, ReminderState state, ReminderOutcome outcome, DateTimeOffset? retryAt, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> WithdrawPendingAsync(string keyPrefix, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<ReminderRecord?> FindAsync(string reminderId, CancellationToken cancellationToken) => Task.FromResult<ReminderRecord?>(null);

        public Task<ReminderRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult<ReminderRecord?>(null);

        public Task<bool> HoldAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> RescheduleAsync(string idempotencyKey, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
