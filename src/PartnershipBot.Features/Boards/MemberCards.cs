using System.Globalization;
using System.Text;
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

    /// <summary>Teams refuses a message over 28 KB (bot-protocol.md): every card, serialized, stays under this.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>The card data field naming which of the roster's cards (1-based) a save came from.</summary>
    public const string PageField = "page";

    // What a page may fill, leaving room for what is added after paging: the attention line a re-shown card carries
    // (the longest is ~250 bytes) and the digits of "card x of y".
    private const int PageBudget = MaxCardBytes - 2048;

    /// <summary>
    /// The roster split into cards that each stay under <see cref="MaxCardBytes"/>: by size, not count, since names
    /// and ids vary in length and non-ASCII letters are escaped. People are in name order, and the split depends on
    /// the roster only (each page is measured as if everyone on it were ticked), so a save finds the same page again.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PersonRecord>> Pages(string boardName, RosterResult roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var people = roster.People.OrderBy(Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.PersonId, StringComparer.Ordinal).ToList();
        var pages = new List<IReadOnlyList<PersonRecord>>();
        var start = 0;
        while (start < people.Count)
        {
            // The most people from start whose page fits: at least one, since one name never fills 26 KB.
            int low = 1, high = people.Count - start;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                var candidate = people.GetRange(start, middle);
                if (Size(Build(boardName, roster, candidate, 1, 1, candidate.Select(p => p.PersonId), null)) <= PageBudget)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            pages.Add(people.GetRange(start, low));
            start += low;
        }

        return pages.Count == 0 ? [[]] : pages;
    }

    /// <summary>
    /// Card <paramref name="page"/> (1-based, of <see cref="Pages"/>): one tick-box per person on it; <paramref name="ticked"/>
    /// start ticked; <paramref name="problem"/> says what to fix. A page past the last shows the last.
    /// </summary>
    public static AdaptiveCard Pick(string boardName, RosterResult roster, int page, IEnumerable<string> ticked, string? problem = null)
    {
        var pages = Pages(boardName, roster);
        var index = Math.Clamp(page, 1, pages.Count);
        return Build(boardName, roster, pages[index - 1], index, pages.Count, ticked, problem);
    }

    /// <summary>The card's serialized size in bytes, as Teams measures it (UTF-8 JSON).</summary>
    public static int Size(AdaptiveCard card) => Encoding.UTF8.GetByteCount(card.ToJson().ToJsonString());

    private static AdaptiveCard Build(string boardName, RosterResult roster, IReadOnlyList<PersonRecord> people, int page, int pages, IEnumerable<string> ticked, string? problem)
    {
        var card = new AdaptiveCard().Text($"Members of the {boardName}", "heading");
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        var onPage = people.Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var guests = people.Count(p => p.IsGuest);
        var split = pages > 1
            ? $" This conversation has {roster.People.Count} people, too many for one card, so they are on {pages} cards: save each one. Saving a card changes only the people on it."
            : string.Empty;
        var label = pages > 1
            ? $"People in this conversation, card {page} of {pages} ({people.Count} of {roster.People.Count})"
            : $"People in this conversation ({roster.People.Count})";
        return card
            .Text("Tick everyone in this conversation who is a member of the board. People already recorded as members are ticked; "
                + "unticking someone removes them as a member (any other role they hold stays)." + split
                + (guests > 0 ? $" {guests} {(guests == 1 ? "person is a guest or external user" : "people are guests or external users")}, marked below." : string.Empty))
            .TickBoxes(MembersInput, label, ticked.Where(onPage.Contains), "Tick at least one member.",
                [.. people.Select(p => (Title(p), p.PersonId))])
            .Execute(pages > 1 ? $"Save card {page} of {pages}" : "Save members", SaveVerb, new JsonObject
            {
                ["board"] = boardName,
                ["roster"] = roster.Fingerprint(),
                [PageField] = page.ToString(CultureInfo.InvariantCulture),
            });
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
