using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Tab;

/// <summary>
/// The register view's filters from the query string (<c>person</c>, <c>item</c>, <c>from</c>, <c>to</c>), checked
/// before anything is read, and the view of a board's register under them: the rows that pass, newest
/// <see cref="MaxEntries"/> at most, and the people and items the whole register holds, for the page's choices.
/// </summary>
public static class TabRegister
{
    /// <summary>The most rows the page is given; the CSV always holds every row that passes.</summary>
    public const int MaxEntries = 500;

    // An Entra object id is 36 characters; local and imported ids are short too. Anything longer is not a person.
    private const int MaxPersonLength = 128;

    // Agenda item titles are a line of text.
    private const int MaxItemLength = 300;

    /// <summary>The filter the query asks for, or the sentence saying what is wrong with it (answered 400).</summary>
    public static (RegisterFilter? Filter, string? Problem) Parse(string? person, string? item, string? from, string? to)
    {
        var personId = Blank(person);
        if (personId is { Length: > MaxPersonLength })
        {
            return (null, $"person must be the person's id as the register records it (at most {MaxPersonLength} characters).");
        }

        var title = Blank(item);
        if (title is { Length: > MaxItemLength })
        {
            return (null, $"item must be an agenda item's title (at most {MaxItemLength} characters).");
        }

        var (first, fromProblem) = Date(from, "from");
        var (last, toProblem) = Date(to, "to");
        if ((fromProblem ?? toProblem) is { } problem)
        {
            return (null, problem);
        }

        if (first is { } f && last is { } l && f > l)
        {
            return (null, $"from ({Iso(f)}) is after to ({Iso(l)}): give the earlier date as from.");
        }

        return (new RegisterFilter(personId, title, first, last), null);
    }

    /// <summary>The board's register under <paramref name="filter"/>, oldest first as the CSV lists it.</summary>
    public static TabRegisterView View(string boardName, RegisterFilter filter, IReadOnlyList<DeclarationRecord> register)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(register);
        var passing = filter.Apply(register);
        var shown = passing.Count > MaxEntries ? passing.Skip(passing.Count - MaxEntries) : passing;
        var people = register
            .GroupBy(r => r.Entry.PersonId, StringComparer.OrdinalIgnoreCase)
            // The latest name the person declared under is the one to show (names are corrected over time).
            .Select(g => new TabRegisterPerson(g.Key, g.Select(r => r.Entry.PersonName).LastOrDefault(n => !string.IsNullOrWhiteSpace(n))))
            .OrderBy(p => p.Name ?? p.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var items = register.Select(r => r.Entry.Item.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new TabRegisterView(
            boardName,
            new TabRegisterFilter(filter.PersonId, filter.Item, filter.From is { } f ? Iso(f) : null, filter.To is { } t ? Iso(t) : null),
            people,
            items,
            register.Count,
            passing.Count,
            [.. shown.Select(Entry)]);
    }

    private static TabRegisterEntry Entry(DeclarationRecord record)
    {
        var entry = record.Entry;
        var local = Instant.FromDateTimeOffset(entry.DeclaredAt).InZone(MeetingTimes.London).LocalDateTime;
        return new TabRegisterEntry(
            record.Sequence,
            local.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            entry.Item,
            entry.PersonId,
            entry.PersonName,
            DeclarationChain.Code(entry.Interest),
            entry.Nature);
    }

    private static (LocalDate? Date, string? Problem) Date(string? text, string name)
    {
        if (Blank(text) is not { } value)
        {
            return (null, null);
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        return parsed.Success
            ? (parsed.Value, null)
            : (null, $"{name} must be a date as YYYY-MM-DD (a UK date, such as 2026-06-01).");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
