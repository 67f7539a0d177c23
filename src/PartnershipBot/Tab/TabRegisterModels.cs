using System.Text.Json.Serialization;

namespace PartnershipBot.Tab;

/// <summary>The answer of <c>GET /tab/api/boards/{name}/register</c>.</summary>
/// <param name="Board">The board's name.</param>
/// <param name="Filter">The filters applied, as the host read them (null for none).</param>
/// <param name="People">Everyone with a declaration on the board's register, by name: the person filter's choices.</param>
/// <param name="Items">Every item with a declaration on the board's register: the item filter's choices.</param>
/// <param name="Total">Declarations on the board's register, unfiltered.</param>
/// <param name="Matching">Declarations that pass the filters (all of them are in the CSV).</param>
/// <param name="Entries">Those declarations, oldest first; the newest <see cref="TabRegister.MaxEntries"/> when more match.</param>
public sealed record TabRegisterView(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("filter")] TabRegisterFilter Filter,
    [property: JsonPropertyName("people")] IReadOnlyList<TabRegisterPerson> People,
    [property: JsonPropertyName("items")] IReadOnlyList<string> Items,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("matching")] int Matching,
    [property: JsonPropertyName("entries")] IReadOnlyList<TabRegisterEntry> Entries);

/// <summary>The register view's filters.</summary>
/// <param name="Person">The person's id, or null for everyone.</param>
/// <param name="Item">The item's title, or null for every item.</param>
/// <param name="From">The first UK date (YYYY-MM-DD), or null.</param>
/// <param name="To">The last UK date (YYYY-MM-DD), or null.</param>
public sealed record TabRegisterFilter(
    [property: JsonPropertyName("person")] string? Person,
    [property: JsonPropertyName("item")] string? Item,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To);

/// <summary>A person on the register.</summary>
/// <param name="Id">Their id as the register records it (Entra object id).</param>
/// <param name="Name">The name they declared under, or null when none was known.</param>
public sealed record TabRegisterPerson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>One declaration, as the CSV's row gives it.</summary>
/// <param name="Entry">Its place in the register.</param>
/// <param name="DeclaredAt">When, in UK time (YYYY-MM-DDTHH:mm).</param>
/// <param name="Item">The item.</param>
/// <param name="PersonId">Who (id).</param>
/// <param name="Name">Who (name), or null.</param>
/// <param name="Interest"><c>pecuniary</c>, <c>non-pecuniary</c> or <c>none</c>.</param>
/// <param name="Nature">What the interest is, or null.</param>
public sealed record TabRegisterEntry(
    [property: JsonPropertyName("entry")] long Entry,
    [property: JsonPropertyName("declaredAt")] string DeclaredAt,
    [property: JsonPropertyName("item")] string Item,
    [property: JsonPropertyName("personId")] string PersonId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("interest")] string Interest,
    [property: JsonPropertyName("nature")] string? Nature);
