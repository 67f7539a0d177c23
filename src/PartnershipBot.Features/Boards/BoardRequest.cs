namespace PartnershipBot.Features.Boards;

/// <summary>What a route must be allowed before it acts on the conversation's board.</summary>
public enum BoardDuty
{
    /// <summary>Anyone the board's tenant lets in (questions, reading the record in its own conversation).</summary>
    Anyone,
    /// <summary>The chair, vice-chair or secretariat (or an admin): meeting business.</summary>
    RunMeetings,
    /// <summary>The secretariat (or an admin): links, roles, members, nation.</summary>
    SetUp,
    /// <summary>The board's people, admins, or anyone in its own conversations: meeting dates, Teams links, names.</summary>
    SeeDetails,
    /// <summary>Anyone holding a role on the board (everyone in local mode): answering its reminder cards.</summary>
    AnswerReminders,
}

/// <summary>
/// What a route asks of <see cref="BoardContextResolver"/>: the duty the actor must hold, whether the board's ToR must be
/// loaded, and the words of the two refusals (not linked, not allowed), so every route refuses the same way.
/// </summary>
/// <param name="Duty">What the actor must be allowed.</param>
/// <param name="NeedsTerms">The route needs the board's ToR model; a linked board without one counts as not linked.</param>
/// <param name="NotLinked">Said when the conversation has no board this tenant may use.</param>
/// <param name="Refused">Said when the actor lacks <paramref name="Duty"/> (unused for <see cref="BoardDuty.Anyone"/>).</param>
public sealed record BoardRequest(BoardDuty Duty, bool NeedsTerms, string NotLinked, string Refused)
{
    /// <summary>
    /// Meeting business for the chair's team: refused with "Only the chair, vice-chair or secretariat can
    /// <paramref name="toDo"/>"; unlinked with "…so I don't know <paramref name="unknown"/>" when given.
    /// </summary>
    public static BoardRequest RunMeetings(string toDo, string? unknown = null, bool needsTerms = false) =>
        new(BoardDuty.RunMeetings, needsTerms, BoardRefusals.NotLinked(unknown), BoardRefusals.RunnersOnly(toDo));

    /// <summary>Set-up for the secretariat and admins: "Link this conversation to its board first…, then <paramref name="then"/>".</summary>
    public static BoardRequest SetUp(string toDo, string then) =>
        new(BoardDuty.SetUp, NeedsTerms: false, BoardRefusals.LinkFirst(then), BoardRefusals.SetUpOnly(toDo));

    /// <summary>Anyone in the conversation; only the link (and the tenant) is checked.</summary>
    public static BoardRequest Anyone(string? unknown = null, bool needsTerms = false) =>
        new(BoardDuty.Anyone, needsTerms, BoardRefusals.NotLinked(unknown), string.Empty);
}

/// <summary>The words every route refuses with, in one place so a change of wording is one edit.</summary>
public static class BoardRefusals
{
    /// <summary>The conversation has no board (or none this tenant may use).</summary>
    public static string NotLinked(string? unknown = null) =>
        "This conversation isn't linked to a board yet" + (unknown is null ? string.Empty : $", so I don't know {unknown}")
        + ". An admin or the secretariat can say \"link this to <board>\" first.";

    /// <summary>Set-up needs a linked conversation first.</summary>
    public static string LinkFirst(string then) => $"Link this conversation to its board first (\"link this to <board>\"), then {then}.";

    /// <summary>Meeting business asked by someone outside the chair's team.</summary>
    public static string RunnersOnly(string toDo) => $"Only the chair, vice-chair or secretariat can {toDo}. Please ask one of them.";

    /// <summary>Set-up asked by someone who is neither an admin nor the board's secretariat.</summary>
    public static string SetUpOnly(string toDo) => $"Only an admin or the board's secretariat can {toDo}.";
}
