using System.Text.RegularExpressions;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features.Welcome;

/// <summary>
/// Capabilities on the product plan whose features are not switched on in this build: listing deadlines
/// ("what's due?"). Members who ask get a straight answer instead of a misunderstanding, and <c>help</c>
/// says it is coming. Each feature removes its entry here when it lands.
/// </summary>
public sealed partial class UpcomingCapabilities : IFeatureRoutes
{
    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        Add(routes, "reminders/due", WhatsDue(),
            "**Deadlines** (coming soon): \"what's due?\" lists paper, agenda and minutes deadlines in UK working days",
            "I can't list deadlines yet: reminders are not switched on for this board. Ask me \"when do papers need to be in?\" for the Terms of Reference rule.");
    }

    private static void Add(RouteTable routes, string name, Regex pattern, string help, string reply)
    {
        routes.AddHelp(help);
        routes.AddMessage(name, 100, turn => pattern.IsMatch(turn.Text), async (turn, ct) =>
        {
            await turn.SendActivityAsync(turn.Activity.CreateReply(reply), ct);
            return null;
        });
    }

    [GeneratedRegex(@"^\s*what('?s| is)\s+due\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhatsDue();
}
