using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// What members type (the nature of an interest) and their display names are shown in the chair's view as the
/// characters they typed: a markdown link stays text, so nobody can put a link under the bot's name.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationEscapingTests : DeclarationTest
{
    [Fact]
    public async Task A_markdown_link_in_a_declared_interest_or_a_name_is_not_rendered_as_a_link_in_the_chairs_view()
    {
        await AddMembersAsync(3);
        await Host.Services.GetRequiredService<IBoardDirectory>().UpsertPersonAsync(
            new PersonRecord("member-2", "29:member-2", "**Chair** [verify](https://evil.example/login)", null, false), Time.GetUtcNow(), CancellationToken.None);
        var item = await AddItemAsync();
        await DeclareAsync(item, "member-1", "pecuniary", "see [the bid](https://evil.example/phish) _now_");
        await DeclareAsync(item, "member-2", "none");

        await SayInChannelAsync($"declarations for {Item}");

        var card = CardText((await Connector.WaitForActivitiesAsync(3))[2].Attachments!.Single().Content!.Value);
        Assert.Contains(@"a financial interest: see \[the bid\](https://evil.example/phish) \_now\_", card, StringComparison.Ordinal);
        Assert.Contains(@"Declared no interest: \*\*Chair\*\* \[verify\](https://evil.example/login)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("[the bid](", card, StringComparison.Ordinal);
        Assert.DoesNotContain("[verify](", card, StringComparison.Ordinal);
    }
}
