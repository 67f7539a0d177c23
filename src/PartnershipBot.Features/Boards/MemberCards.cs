using System.Text.Json.Nodes;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Boards;

/// <summary>The "who are the board's members?" card, its summary once saved, and the refusal.</summary>
public static class MemberCards
{
    /// <summary>The verb the card's save button carries.</summary>
    public const string SaveVerb = "boards/members";

    /// <summary>The input id of the tick-boxes.</summary>
    public const string MembersInput = "members";

    private const int MaxNamesListed = 20;

    /// <summary>One tick-box per person in the roster; <paramref name="ticked"/> start ticked; <paramref name="problem"/> says what to fix.</summary>
    public static AdaptiveCard Pick(string boardName, RosterResult roster, IEnumerable<string> ticked, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var card = new AdaptiveCard().Text($"Members of the {boardName}", "heading");
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        var guests = roster.People.Count(p => p.IsGuest);
        return card
            .Text("Tick everyone in this conversation who is a member of the board. People already recorded as members are ticked; "
                + "unticking someone removes them as a member (any other role they hold stays)."
                + (guests > 0 ? $" {guests} {(guests == 1 ? "person is a guest or external user" : "people are guests or external users")}, marked below." : string.Empty))
            .TickBoxes(MembersInput, $"People in this conversation ({roster.People.Count})", ticked, "Tick at least one member.",
                [.. roster.People.Select(p => (Title(p), p.PersonId))])
            .Execute("Save members", SaveVerb, new JsonObject { ["board"] = boardName, ["roster"] = roster.Fingerprint() });
    }

    /// <summary>What changed once the ticks were saved.</summary>
    public static AdaptiveCard Saved(string boardName, IReadOnlyList<PersonRecord> added, IReadOnlyList<PersonRecord> removed, IReadOnlyList<PersonRecord> members)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(members);
        var guests = members.Count(p => p.IsGuest);
        return new AdaptiveCard()
            .Text($"Members of the {boardName} saved", "good")
            .Facts(
                ("Members", $"{members.Count}{(guests > 0 ? $" ({guests} guest or external)" : string.Empty)}"),
                ("Added", Names(added)),
                ("Removed", Names(removed)))
            .Text("Say \"import members\" again at any time to review the list.");
    }

    /// <summary>A card that can't be used any more (another board, or it was incomplete), with how to get a new one.</summary>
    public static AdaptiveCard OutOfDate(string reason) => new AdaptiveCard()
        .Text("This members card is out of date", "attention")
        .Text($"{reason} Nothing was changed. Say \"import members\" for a new card.");

    /// <summary>The polite refusal for someone who may not change the board's members.</summary>
    public static AdaptiveCard Refusal(string boardName) => new AdaptiveCard()
        .Text("Sorry, you can't change the members", "attention")
        .Text($"Only an admin or the secretariat of the {boardName} can change who its members are. Nothing was changed; "
            + "if you think someone has left or is missing, please let the secretariat know.");

    private static string Title(PersonRecord person) =>
        (person.Name ?? person.Email ?? person.PersonId) + (person.IsGuest ? " (guest or external)" : string.Empty);

    // A whole team imported at once would make a card too long to read (and past Teams' size limit).
    private static string Names(IReadOnlyList<PersonRecord> people) => people.Count switch
    {
        0 => "nobody",
        <= MaxNamesListed => string.Join(", ", people.Select(p => p.Name ?? p.PersonId)),
        _ => string.Join(", ", people.Take(MaxNamesListed).Select(p => p.Name ?? p.PersonId)) + $" and {people.Count - MaxNamesListed} more",
    };
}
