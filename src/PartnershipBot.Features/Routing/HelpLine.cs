namespace PartnershipBot.Features.Routing;

/// <summary>
/// Who a <c>help</c> line is for: the welcome and <c>help</c> list only what the person may do in the conversation,
/// so a member is not offered set-up verbs that would only be refused.
/// </summary>
public enum HelpAudience
{
    /// <summary>Anyone the bot talks to (ToR questions, next meeting, deadlines).</summary>
    Everyone,

    /// <summary>The chair, vice-chair or secretariat (and admins): meetings, agenda, declarations.</summary>
    MeetingRunners,

    /// <summary>The secretariat (and admins): links, roles, members, ToR versions.</summary>
    SetUp,

    /// <summary>Configured admins only (everyone in local mode).</summary>
    Admins,
}

/// <summary>One capability line of <c>help</c> and who it is shown to.</summary>
/// <param name="Text">The line, in Markdown.</param>
/// <param name="Audience">Who may use it.</param>
public sealed record HelpLine(string Text, HelpAudience Audience);
