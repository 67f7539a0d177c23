using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Meetings;

/// <summary>Apologies feed a quorum forecast in "when is the next meeting?", by the ToR's own quorum rule.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class QuorumForecastTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private static readonly DateTimeOffset Start = new(2027, 3, 12, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task Apologies_that_leave_too_few_members_give_a_not_quorate_forecast()
    {
        await SayInChannelAsync($"link this to {Board}");
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        foreach (var person in new[] { "m1", "m2", "m3", "m4" })
        {
            await directory.AssignRoleAsync(Board, person, BoardRole.Member, "test", time.GetUtcNow(), CancellationToken.None);
        }

        await Host.Services.GetRequiredService<IMeetingStore>().AddAsync(new MeetingRecord("thurrock/2027-03-12", Board, ChannelConversation, Start, Start.AddHours(2)), time.GetUtcNow(), CancellationToken.None);
        var apologies = Host.Services.GetRequiredService<IMeetingApologies>();
        await apologies.RecordAsync(new MeetingApology("thurrock/2027-03-12", Board, "m1", null, time.GetUtcNow()), CancellationToken.None);
        await apologies.RecordAsync(new MeetingApology("thurrock/2027-03-12", Board, "m2", null, time.GetUtcNow()), CancellationToken.None);

        await SayInChannelAsync("when is the next meeting?");

        // "50% of membership, plus one": 4 members need 3; two apologies leave 2.
        var answer = (await Connector.WaitForActivitiesAsync(2))[1].Text!;
        Assert.Contains("2 apologies received so far. Quorum forecast: 4 members, quorum 3; 2 apologies leave 2 expected: **not quorate** unless more attend.", answer, StringComparison.Ordinal);
    }
}
