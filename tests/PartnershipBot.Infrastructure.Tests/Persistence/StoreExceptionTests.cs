using System.Data.Common;
using Dapper;
using PartnershipBot.Features;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>
/// The provider's exceptions stay behind the port: a failed outcome write reaches the dispatcher as
/// <see cref="StoreUnavailableException"/>, which it retries, with the engine's own error kept inside for the log.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class StoreExceptionTests
{
    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_error_recording_a_reminder_outcome_is_the_ports_exception(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = test.Factory();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // Any engine error will do; a missing table is one both engines raise the same way.
            await connection.ExecuteAsync(provider == "postgres" ? "DROP TABLE reminders CASCADE" : "DROP TABLE reminders");
        }

        var outbox = new ReminderOutbox(database, TimeProvider.System);

        var thrown = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            outbox.CompleteAsync("r1", "worker", ReminderState.Sent, ReminderOutcome.Sent, null, CancellationToken.None));
        Assert.IsAssignableFrom<DbException>(thrown.InnerException);
    }
}
