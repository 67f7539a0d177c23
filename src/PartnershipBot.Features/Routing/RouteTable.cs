using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Routing;

/// <summary>A feature's contribution to the bot: its routes, card verbs and help lines.</summary>
public interface IFeatureRoutes
{
    /// <summary>Adds this feature's routes.</summary>
    void Register(RouteTable routes);
}

/// <summary>Handles a routed turn; returns an invoke response for card actions, else null.</summary>
public delegate Task<InvokeResponse?> RouteHandler(ITurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles a card button press, read once by the router into <paramref name="action"/>; returns what the card shows next.</summary>
public delegate Task<InvokeResponse?> CardActionHandler(ITurnContext turn, CardAction action, CancellationToken cancellationToken);

/// <summary>A named message route: the highest-priority route whose predicate accepts the text wins.</summary>
/// <param name="Name">Unique name (duplicates fail at start-up).</param>
/// <param name="Priority">Higher is tried first. Specific commands ~100; catch-all question answering 0.</param>
/// <param name="Matches">Whether this route takes the (mention-stripped) text.</param>
/// <param name="Handler">What to do.</param>
public sealed record MessageRoute(string Name, int Priority, Func<ITurnContext, bool> Matches, RouteHandler Handler);

/// <summary>A card action route for verbs starting with <paramref name="VerbPrefix"/> (e.g. <c>declarations/</c>).</summary>
public sealed record CardActionRoute(string Name, string VerbPrefix, CardActionHandler Handler);

/// <summary>A route for conversationUpdate / installationUpdate events.</summary>
public sealed record EventRoute(string Name, Func<ITurnContext, bool> Matches, RouteHandler Handler);

/// <summary>
/// The routes every feature registered, checked once at start-up: names are unique and card verb
/// prefixes do not overlap, so no two features can silently claim the same input.
/// </summary>
public sealed class RouteTable
{
    private readonly List<MessageRoute> messages = [];
    private readonly List<CardActionRoute> cardActions = [];
    private readonly List<EventRoute> events = [];
    private readonly List<HelpLine> helpLines = [];
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the table from every feature's registration.</summary>
    public RouteTable(IEnumerable<IFeatureRoutes> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var feature in features)
        {
            feature.Register(this);
        }

        messages.Sort((a, b) => b.Priority.CompareTo(a.Priority));
    }

    /// <summary>Message routes, highest priority first.</summary>
    public IReadOnlyList<MessageRoute> Messages => messages;

    /// <summary>Card action routes.</summary>
    public IReadOnlyList<CardActionRoute> CardActions => cardActions;

    /// <summary>Event routes.</summary>
    public IReadOnlyList<EventRoute> Events => events;

    /// <summary>One line per capability, in registration order, each with who may use it, for <c>help</c>.</summary>
    public IReadOnlyList<HelpLine> HelpLines => helpLines;

    /// <summary>Adds a message route.</summary>
    public RouteTable AddMessage(string name, int priority, Func<ITurnContext, bool> matches, RouteHandler handler)
    {
        Claim(name);
        messages.Add(new MessageRoute(name, priority, matches, handler));
        return this;
    }

    /// <summary>Adds a card action route for verbs that start with <paramref name="verbPrefix"/>.</summary>
    public RouteTable AddCardAction(string name, string verbPrefix, CardActionHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verbPrefix);
        Claim(name);
        var clash = cardActions.FirstOrDefault(r =>
            r.VerbPrefix.StartsWith(verbPrefix, StringComparison.OrdinalIgnoreCase) || verbPrefix.StartsWith(r.VerbPrefix, StringComparison.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw new InvalidOperationException($"Card verb prefix '{verbPrefix}' of route '{name}' overlaps '{clash.VerbPrefix}' of route '{clash.Name}'.");
        }

        cardActions.Add(new CardActionRoute(name, verbPrefix, handler));
        return this;
    }

    /// <summary>Adds a conversation event route.</summary>
    public RouteTable AddEvent(string name, Func<ITurnContext, bool> matches, RouteHandler handler)
    {
        Claim(name);
        events.Add(new EventRoute(name, matches, handler));
        return this;
    }

    /// <summary>Adds a line to <c>help</c>, shown only to people in <paramref name="audience"/>.</summary>
    public RouteTable AddHelp(string line, HelpAudience audience = HelpAudience.Everyone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        helpLines.Add(new HelpLine(line, audience));
        return this;
    }

    /// <summary>The card route for a verb, or null.</summary>
    public CardActionRoute? FindCardAction(string verb) =>
        cardActions.FirstOrDefault(r => verb.StartsWith(r.VerbPrefix, StringComparison.OrdinalIgnoreCase));

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!names.Add(name))
        {
            throw new InvalidOperationException($"Two routes are named '{name}'.");
        }
    }
}
