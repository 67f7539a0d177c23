using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Declarations;

/// <summary>The declaration card, its "what to fix" version, and the receipt shown once a declaration is stored.</summary>
public static class DeclarationCards
{
    /// <summary>The verb a declaration submission carries.</summary>
    public const string SubmitVerb = "declarations/submit";

    /// <summary>The card asking a member to declare for <paramref name="item"/>; <paramref name="problem"/> says what to fix.</summary>
    public static AdaptiveCard Ask(string boardName, string item, string? problem = null, string? interest = null, string? nature = null)
    {
        var card = new AdaptiveCard()
            .Text("Declaration of interests", "heading")
            .Facts(("Board", boardName), ("Financial decision", item));
        if (problem is not null)
        {
            card.Text(problem, "attention");
        }

        return card
            .Text("Before this decision, please say whether you have an interest in it. If you do, you will not take part in the decision.")
            .Choice("interest", "Do you have an interest in this item?", interest, "Choose one of the options.",
                ("No interest to declare", "none"),
                ("Yes: a financial (pecuniary) interest", "pecuniary"),
                ("Yes: another personal interest", "non-pecuniary"))
            .TextInput("nature", "If yes, what is the interest?", nature, "e.g. my organisation has applied for this fund", 1000)
            .Execute("Submit declaration", SubmitVerb, new JsonObject { ["board"] = boardName, ["item"] = item });
    }

    /// <summary>The receipt: what was stored, its register entry and time.</summary>
    public static AdaptiveCard Receipt(DeclarationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = record.Entry;
        var what = entry.Interest switch
        {
            InterestKind.Pecuniary => $"a financial interest: {entry.Nature}",
            InterestKind.NonPecuniary => $"a personal interest: {entry.Nature}",
            _ => "no interest",
        };
        return new AdaptiveCard()
            .Text("Declaration recorded", "good")
            .Facts(
                ("Board", entry.BoardName),
                ("Financial decision", entry.Item),
                ("Declared", what),
                ("Register entry", string.Create(CultureInfo.InvariantCulture, $"#{record.Sequence} at {entry.DeclaredAt:HH:mm} UTC, {entry.DeclaredAt:d MMM yyyy}")))
            .Text(entry.Interest == InterestKind.None
                ? "Thank you. You can take part in this decision."
                : "Thank you. Please leave the discussion of this item and do not take part in the decision.");
    }
}
