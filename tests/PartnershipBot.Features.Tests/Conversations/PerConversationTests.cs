using PartnershipBot.Features.Conversations;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Conversations;

[Trait(TestTier.Category, TestTier.Unit)]
public sealed class PerConversationTests
{
    [Fact]
    public void Notes_are_kept_up_to_the_capacity_and_replacing_one_does_not_count_twice()
    {
        var notes = new PerConversation<string>(capacity: 3);
        notes.Set("a", "board 1");
        notes.Set("a", "board 2");
        notes.Set("b", "board 1");
        notes.Set("c", "board 1");

        Assert.True(notes.TryGet("a", out var a));
        Assert.Equal("board 2", a);
        Assert.True(notes.TryGet("c", out _));
    }

    [Fact]
    public void Past_the_capacity_it_starts_again_empty_and_keeps_working()
    {
        var notes = new PerConversation<int>(capacity: 3);
        notes.Set("a", 1);
        notes.Set("b", 2);
        notes.Set("c", 3);
        notes.Set("d", 4);

        Assert.False(notes.TryGet("a", out _));
        Assert.False(notes.TryGet("d", out _));
        notes.Set("e", 5);
        Assert.True(notes.TryGet("e", out var e));
        Assert.Equal(5, e);
    }

    [Fact]
    public void A_removed_conversation_frees_its_place()
    {
        var notes = new PerConversation<int>(capacity: 2);
        notes.Set("a", 1);
        notes.Set("b", 2);
        notes.Remove("a");
        notes.Set("c", 3);

        Assert.True(notes.TryGet("b", out _));
        Assert.True(notes.TryGet("c", out _));
    }
}
