using System.Globalization;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// A standing declaration read from the card's inputs: each section is a text box with one organisation a line,
/// optionally followed by ": note" or " - note"; plus the "no interests to declare" tick. <see cref="Problem"/> says
/// what to fix (and nothing is stored) when the answer is empty, contradictory or over the limits.
/// </summary>
/// <param name="NothingToDeclare">The "no interests" tick.</param>
/// <param name="Interests">The organisations read, in card order.</param>
/// <param name="Texts">Each section's text as sent (trimmed to the box's limit), to put back on a card that asks for a fix.</param>
/// <param name="Problem">What to fix, or null when it can be stored.</param>
public sealed record StandingInterestForm(bool NothingToDeclare, IReadOnlyList<StandingInterest> Interests, IReadOnlyDictionary<InterestSection, string> Texts, string? Problem)
{
    /// <summary>The input id of the "no interests" tick.</summary>
    public const string NoneInput = "none";

    /// <summary>The longest organisation name accepted.</summary>
    public const int MaximumOrganisation = 120;

    /// <summary>The longest note accepted.</summary>
    public const int MaximumNote = 300;

    /// <summary>The most organisations in one section.</summary>
    public const int MaximumPerSection = 15;

    /// <summary>The most organisations in the whole declaration (keeps the card, which shows them all, under 28 KB).</summary>
    public const int MaximumEntries = 30;

    /// <summary>The longest text one section's box takes (the card's maxLength, and checked here as clients may not).</summary>
    public const int MaximumSectionText = 3000;

    private static readonly string[] NoteSeparators = [": ", " - ", " – ", " — "];

    /// <summary>Reads and checks the card's inputs (<paramref name="input"/> gives an input's value by id, or null).</summary>
    public static StandingInterestForm Read(Func<string, string?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var none = string.Equals(input(NoneInput)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var texts = new Dictionary<InterestSection, string>();
        var interests = new List<StandingInterest>();
        string? problem = null;
        foreach (var section in InterestSections.All)
        {
            var text = input(InterestSections.Code(section)) ?? string.Empty;
            texts[section] = text.Length > MaximumSectionText ? text[..MaximumSectionText] : text;
            if (text.Length > MaximumSectionText)
            {
                problem ??= $"{InterestSections.Title(section)}: please keep it to {MaximumSectionText:N0} characters.";
            }

            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count > MaximumPerSection)
            {
                problem ??= $"{InterestSections.Title(section)}: please list at most {MaximumPerSection} organisations (you gave {lines.Count}).";
            }

            foreach (var line in lines)
            {
                var (organisation, note) = Split(line);
                problem ??= organisation.Length == 0
                    ? $"{InterestSections.Title(section)}: “{Short(line)}” has a note but no organisation's name. Put the name first, e.g. “Thurrock CVS: trustee”."
                    : organisation.Length > MaximumOrganisation
                        ? $"{InterestSections.Title(section)}: “{Short(organisation)}” is longer than {MaximumOrganisation} characters; please shorten the name and put detail after a colon."
                        : note?.Length > MaximumNote
                            ? $"{InterestSections.Title(section)}: the note for “{Short(organisation)}” is longer than {MaximumNote} characters."
                            : null;
                interests.Add(new StandingInterest(section, organisation, note));
            }
        }

        problem ??= interests.Count > MaximumEntries
            ? string.Create(CultureInfo.InvariantCulture, $"Please list at most {MaximumEntries} organisations in all (you gave {interests.Count}).")
            : none && interests.Count > 0
                ? "You ticked “I have no interests to declare” but also named organisations: untick it or clear the boxes."
                : !none && interests.Count == 0
                    ? "Please name at least one organisation, or tick “I have no interests to declare”."
                    : null;
        return new StandingInterestForm(none, interests, texts, problem);
    }

    /// <summary>A section's interests as the card's text box shows them (the inverse of reading it).</summary>
    public static string TextOf(IEnumerable<StandingInterest> interests, InterestSection section) =>
        string.Join('\n', interests.Where(i => i.Section == section).Select(i => i.Note is null ? i.Organisation : $"{i.Organisation}: {i.Note}"));

    private static (string Organisation, string? Note) Split(string line)
    {
        var at = -1;
        var length = 0;
        foreach (var separator in NoteSeparators)
        {
            var found = line.IndexOf(separator, StringComparison.Ordinal);
            if (found >= 0 && (at < 0 || found < at))
            {
                (at, length) = (found, separator.Length);
            }
        }

        // A line that starts with the separator ("- trustee") has no name; ":" at the very start is caught the same way.
        if (line.StartsWith(':') || line.StartsWith("- ", StringComparison.Ordinal))
        {
            return (string.Empty, line.TrimStart(':', '-', ' '));
        }

        if (at < 0)
        {
            return (line, null);
        }

        var note = line[(at + length)..].Trim();
        return (line[..at].Trim(), note.Length == 0 ? null : note);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
