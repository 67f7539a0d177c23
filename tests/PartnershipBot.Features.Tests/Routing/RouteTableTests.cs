using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Routing;

/// <summary>
/// The table every feature registers into: what start-up refuses (two routes of one name, overlapping card verbs)
/// and the order the router tries message routes in.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class RouteTableTests
{
    private static readonly RouteHandler NoReply = (_, _) => Task.FromResult<InvokeResponse?>(null);
    private static readonly CardActionHandler NoCard = (_, _, _) => Task.FromResult<InvokeResponse?>(null);

    [Fact]
    public void Messages_AreTriedHighestPriorityFirst_WhateverTheFeatureOrder()
    {
        var table = new RouteTable([
            Feature(t => t.AddMessage("terms/question", 0, _ => true, NoReply)),
            Feature(t => t.AddMessage("meetings/schedule", 100, _ => true, NoReply).AddMessage("meetings/next", 50, _ => true, NoReply)),
        ]);

        Assert.Equal(["meetings/schedule", "meetings/next", "terms/question"], table.Messages.Select(r => r.Name));
    }

    [Fact]
    public void Build_TwoRoutesOfOneName_IsRefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RouteTable([
            Feature(t => t.AddMessage("boards/link", 100, _ => true, NoReply)),
            Feature(t => t.AddEvent("Boards/Link", _ => true, NoReply)),
        ]));

        Assert.Contains("'Boards/Link'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("declarations/", "declarations/")]
    [InlineData("declarations/", "declarations/chase")]
    [InlineData("declarations/chase", "Declarations/")]
    public void Build_OverlappingCardVerbPrefixes_IsRefusedNamingBothRoutes(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RouteTable([
            Feature(t => t.AddCardAction("one", first, NoCard)),
            Feature(t => t.AddCardAction("two", second, NoCard)),
        ]));

        Assert.Contains("'two'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'one'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCardAction_MatchesTheVerbsPrefixIgnoringCase_AndNothingElse()
    {
        var table = new RouteTable([
            Feature(t => t.AddCardAction("declarations", "declarations/", NoCard).AddCardAction("reminders", "reminders/", NoCard)),
        ]);

        Assert.Equal("declarations", table.FindCardAction("Declarations/Submit")?.Name);
        Assert.Equal("reminders", table.FindCardAction("reminders/paper-submitted")?.Name);
        Assert.Null(table.FindCardAction("meetings/book"));
        Assert.Null(table.FindCardAction("declarations"));
    }

    [Fact]
    public void HelpLines_KeepRegistrationOrderAndAudience()
    {
        var table = new RouteTable([
            Feature(t => t.AddHelp("ask about the ToR").AddHelp("link this to <board>", HelpAudience.SetUp)),
            Feature(t => t.AddHelp("schedule meetings", HelpAudience.MeetingRunners)),
        ]);

        Assert.Equal(
            [("ask about the ToR", HelpAudience.Everyone), ("link this to <board>", HelpAudience.SetUp), ("schedule meetings", HelpAudience.MeetingRunners)],
            table.HelpLines.Select(h => (h.Text, h.Audience)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddRoutes_WithoutANameOrPrefix_AreRefused(string blank)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RouteTable([Feature(t => t.AddMessage(blank, 1, _ => true, NoReply))]));
        Assert.ThrowsAny<ArgumentException>(() => new RouteTable([Feature(t => t.AddCardAction("verbs", blank, NoCard))]));
        Assert.ThrowsAny<ArgumentException>(() => new RouteTable([Feature(t => t.AddHelp(blank))]));
    }

    private static Registration Feature(Action<RouteTable> register) => new(register);

    private sealed class Registration(Action<RouteTable> register) : IFeatureRoutes
    {
        public void Register(RouteTable routes) => register(routes);
    }
}
