using System.Text.Json.Serialization;

namespace PartnershipBot.Tab;

/// <summary>
/// <c>GET /tab/api/boards/{name}/overview</c>: one board as its chair and secretariat see it. Built by
/// <see cref="TabBoardOverview"/>; names and meetings appear only when the viewer may see the board's details.
/// </summary>
/// <param name="Board">The board's name as stored with its ToR.</param>
/// <param name="Roles">The viewer's roles on it (chat's names).</param>
/// <param name="SeesDetails">The viewer may see people's names and the meetings (chat's rule for the board's details).</param>
/// <param name="MayDownloadRegister">The viewer may download the register of interests (chair, vice-chair, secretariat).</param>
/// <param name="Members">Everyone holding a role, chair first.</param>
/// <param name="Meetings">The coming meetings, soonest first; empty when the viewer may not see them.</param>
public sealed record TabBoardOverviewView(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("seesDetails")] bool SeesDetails,
    [property: JsonPropertyName("mayDownloadRegister")] bool MayDownloadRegister,
    [property: JsonPropertyName("members")] IReadOnlyList<TabMember> Members,
    [property: JsonPropertyName("meetings")] IReadOnlyList<TabMeeting> Meetings);

/// <summary>A person on the board.</summary>
/// <param name="Name">Their display name; null when the viewer may not see names or Teams never gave one.</param>
/// <param name="Roles">Their roles on the board.</param>
public sealed record TabMember(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

/// <summary>A coming meeting with its deadlines, agenda and apologies.</summary>
/// <param name="Date">Its date in London (YYYY-MM-DD).</param>
/// <param name="Start">Start time in London (HH:mm).</param>
/// <param name="End">End time in London (HH:mm).</param>
/// <param name="Venue">Where it meets; null for online only.</param>
/// <param name="Deadlines">The papers deadline (always: the ToR's or the usual five working days) and the ToR's minutes deadline.</param>
/// <param name="Agenda">The numbered agenda, standing items included; null when the board's working days are not known that far ahead.</param>
/// <param name="Apologies">Who has sent apologies, earliest first.</param>
/// <param name="Quorum">The quorum forecast (as chat's "when is the next meeting?"); null without a ToR quorum rule or voting members.</param>
public sealed record TabMeeting(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("venue")] string? Venue,
    [property: JsonPropertyName("deadlines")] IReadOnlyList<TabDeadline> Deadlines,
    [property: JsonPropertyName("agenda")] IReadOnlyList<TabAgendaItem>? Agenda,
    [property: JsonPropertyName("apologies")] IReadOnlyList<TabApology> Apologies,
    [property: JsonPropertyName("quorum")] TabQuorumForecast? Quorum);

/// <summary>A meeting's quorum forecast: voting members less apologies against the ToR's quorum rule.</summary>
public sealed record TabQuorumForecast(
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("needed")] int Needed,
    [property: JsonPropertyName("apologies")] int Apologies,
    [property: JsonPropertyName("expected")] int Expected,
    [property: JsonPropertyName("quorate")] bool Quorate,
    [property: JsonPropertyName("rule")] string Rule);

/// <summary>A meeting's deadline.</summary>
/// <param name="Kind"><c>papers</c> or <c>minutes</c>.</param>
/// <param name="Date">The last permitted day (YYYY-MM-DD).</param>
/// <param name="Rule">The rule in words ("5 working days before the meeting").</param>
/// <param name="FromTor">False when the ToR sets none and the usual default was used (papers only).</param>
public sealed record TabDeadline(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("fromTor")] bool FromTor);

/// <summary>One numbered line of the agenda, as the <c>agenda --json</c> verb gives it plus whether it is a standing item.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Title">What it is.</param>
/// <param name="Owner">Who brings the paper, if anyone.</param>
/// <param name="Financial">A financial decision (interests are declared before it).</param>
/// <param name="Paper"><c>awaited</c>, <c>submitted</c>, <c>late</c> or <c>none</c>.</param>
/// <param name="Standing">A standing item (apologies, declarations, minutes, matters arising, any other business).</param>
public sealed record TabAgendaItem(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("financial")] bool Financial,
    [property: JsonPropertyName("paper")] string Paper,
    [property: JsonPropertyName("standing")] bool Standing);

/// <summary>An apology for absence.</summary>
/// <param name="Name">Who sent it; null when Teams gave no name.</param>
public sealed record TabApology([property: JsonPropertyName("name")] string? Name);
