using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// People named in a message by @mention. Teams puts "&lt;at&gt;Jane Smith&lt;/at&gt;" in the text and a mention entity
/// with her Teams id beside it; the roster gives the Entra object id roles and owners are kept against.
/// </summary>
public static class MentionedPeople
{
    /// <summary>The Teams id of the person @mentioned as <paramref name="name"/> (never the bot itself), or null.</summary>
    public static string? TeamsIdOf(ITurnContext turn, string name)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var mention = turn.Activity.Entities?.FirstOrDefault(e => e.Type == "mention" && e.Mentioned?.Id != turn.Activity.Recipient?.Id
            && (e.Mentioned?.Name == name || e.Text?.Contains(name, StringComparison.Ordinal) == true));
        return mention?.Mentioned?.Id;
    }

    /// <summary>
    /// The Entra object id of the person @mentioned as <paramref name="name"/>, looked up in the conversation's roster;
    /// null when they were not mentioned or the roster does not know them (a name typed as plain text stays a name).
    /// </summary>
    public static async Task<string?> EntraIdOfAsync(ITurnContext turn, string name, CancellationToken cancellationToken) =>
        (await PersonOfAsync(turn, name, cancellationToken))?.PersonId;

    /// <summary>
    /// The person @mentioned as <paramref name="name"/> as the roster gives them (Entra id, Teams id, name, email), or
    /// null: what the bot must remember to reach them later in a 1:1 chat they may never have opened.
    /// </summary>
    public static async Task<PersonRecord?> PersonOfAsync(ITurnContext turn, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (TeamsIdOf(turn, name) is not { } teamsId || turn.Activity.ServiceUrl is not { } serviceUrl)
        {
            return null;
        }

        var member = await turn.Connector.GetMemberAsync(serviceUrl, turn.Activity.Conversation?.Id ?? string.Empty, teamsId, cancellationToken);
        return member.Succeeded && member.Value?.EntraObjectId is { } personId
            ? new PersonRecord(personId, teamsId, member.Value.Name ?? name, member.Value.Email ?? member.Value.UserPrincipalName, member.Value.UserRole == "guest")
            : null;
    }
}
