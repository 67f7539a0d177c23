using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.TermsOfReference.Conversation;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.TermsOfReference;

/// <summary>A quorum answer applies the ToR's rule to the members the secretariat recorded, and to "if 3 turn up".</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class RosterQuorumTests : ChatTest
{
    private const string Board = "Thurrock Community Safety Partnership Strategic Board";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Theory]
    [InlineData("are we quorate if 3 turn up?", 3)]
    [InlineData("only four of us can come, can we go ahead?", 4)]
    [InlineData("if there are 6 people there is it quorate", 6)]
    [InlineData("what's the quorum?", null)]
    [InlineData("quorum is 50% plus one of 12 members", null)]
    public void The_attendance_a_question_gives_is_read(string question, int? expected) =>
        Assert.Equal(expected, RosterQuorum.AttendingIn(question));

    [Fact]
    public async Task The_quorum_is_worked_out_for_the_recorded_members_and_the_attendance_asked_about()
    {
        await SayInChannelAsync($"link this to {Board}");
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        foreach (var person in new[] { "m1", "m2", "m3", "m4" })
        {
            await directory.AssignRoleAsync(Board, person, BoardRole.Member, "test", time.GetUtcNow(), CancellationToken.None);
        }

        // The chair is a voting member too; a second role for the same person does not count twice.
        await directory.AssignRoleAsync(Board, "c1", BoardRole.Chair, "test", time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, "m1", BoardRole.ViceChair, "test", time.GetUtcNow(), CancellationToken.None);

        await SayInChannelAsync("how many make a quorum?");
        await SayInChannelAsync("are we quorate if 3 turn up?");

        // Thurrock's rule is "50% of membership plus one": 5 members need 2.5 + 1 = 3.5, so 4.
        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("With 5 members that is 4 (half of 5 is 2.5, plus one is 3.5, rounded up), counting the 5 voting members the secretariat has recorded.", replies[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("If ", replies[1].Text!.Split("recorded.")[^1], StringComparison.Ordinal);
        Assert.Contains("If 3 attend, the meeting is **not quorate**: 4 are needed.", replies[2].Text, StringComparison.Ordinal);
    }
}
