using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Conversations;

/// <summary>When a conversation reference must be written again, and when a busy conversation can skip it.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class RecentReferencesTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_unchanged_reference_is_saved_once_an_hour_and_a_changed_one_at_once()
    {
        var recent = new RecentReferences(time);
        var reference = Reference("https://smba.trafficmanager.net/uk/");

        Assert.True(recent.NeedsSaving(reference));
        recent.Saved(reference);
        Assert.False(recent.NeedsSaving(reference with { ReferenceJson = "{\"activityId\":\"2\"}" }));
        Assert.True(recent.NeedsSaving(reference with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.True(recent.NeedsSaving(reference));
    }

    [Fact]
    public void A_forgotten_conversation_is_saved_again()
    {
        var recent = new RecentReferences(time);
        var reference = Reference("https://smba.trafficmanager.net/uk/");
        recent.Saved(reference);

        recent.Forget(reference.ConversationId);

        Assert.True(recent.NeedsSaving(reference));
    }

    private ConversationReferenceRecord Reference(string serviceUrl) =>
        new("a:chat", serviceUrl, "msteams", "tenant", "personal", "user", "28:bot", "{\"activityId\":\"1\"}", time.GetUtcNow());
}
