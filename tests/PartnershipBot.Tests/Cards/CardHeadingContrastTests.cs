using System.Text.Json.Nodes;
using NodaTime;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Cards;

/// <summary>
/// Card headings are readable. A heading (a Bolder TextBlock) keeps the host's default text colour:
/// the host's light colours ("Good" green, "Accent", "Light", subtle text) are about 3:1 on a white card.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class CardHeadingContrastTests
{
    private static readonly string[] LightColours = ["Good", "Accent", "Light", "Warning"];

    [Fact]
    public void Done_state_headings_such_as_the_booked_meetings_card_use_the_default_colour()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var start = new LocalDateTime(2026, 12, 8, 10, 0).InZoneStrictly(london);
        var meeting = new MeetingRecord("m1", "Safer Board", "19:x", start.ToDateTimeOffset(), start.Plus(Duration.FromHours(2)).ToDateTimeOffset(), "evt-1");
        var booked = MeetingCards.Booked("Safer Board", [new BookedMeeting(meeting, null, [])], "Outlook", asSeries: false).ToJson();

        var heading = Headings(booked).First();
        Assert.StartsWith("Booked 1 meeting(s)", (string?)heading["text"], StringComparison.Ordinal);
        Assert.Equal("Medium", (string?)heading["size"]);
        AssertReadable(booked);
    }

    [Fact]
    public void Every_text_style_of_the_card_builder_is_readable_and_only_warnings_are_coloured()
    {
        var card = new AdaptiveCard().Text("Heading", "heading").Text("Saved", "good").Text("Too late", "attention").Text("Body").ToJson();

        AssertReadable(card);
        Assert.Equal(["Attention"], card["body"]!.AsArray().Select(b => (string?)b!["color"]).OfType<string>());
    }

    private static IEnumerable<JsonObject> Headings(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "TextBlock" && (string?)b["weight"] == "Bolder");

    private static void AssertReadable(JsonObject card)
    {
        foreach (var block in card["body"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "TextBlock"))
        {
            Assert.NotEqual(true, (bool?)block["isSubtle"]);
            Assert.DoesNotContain((string?)block["color"], LightColours);
        }
    }
}
