using System.Security.Cryptography;
using System.Text;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>The people in a conversation, or why they couldn't be read.</summary>
/// <param name="People">Everyone with an Entra id, in roster order (the bot itself left out).</param>
/// <param name="Failure">The Connector's outcome when a page couldn't be read; null on success.</param>
public sealed record RosterResult(IReadOnlyList<PersonRecord> People, string? Failure)
{
    /// <summary>
    /// A short fingerprint of who is in the roster. A member card carries it, so a card made before people
    /// joined or left is recognised as stale instead of silently removing the newcomers.
    /// </summary>
    public string Fingerprint()
    {
        var ids = string.Join('\n', People.Select(p => p.PersonId).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    }
}

/// <summary>Reads a conversation's whole roster through the Connector, page by page.</summary>
public static class ConversationRoster
{
    // Teams' largest page: fewer calls, which matters because roster reads share each conversation's Connector
    // limit (60 calls in 30 s) and must fit in one turn.
    private const int PageSize = 500;

    /// <summary>
    /// Pages read at most: Teams' largest team (25,000 people) fits in 50 pages of 500, and 60 is what the Connector
    /// limit allows in one 30 s window. A roster that goes on past this (a looping or hostile continuation token) is
    /// reported as a failure, not followed for ever.
    /// </summary>
    public const int MaxPages = 60;

    /// <summary>Everyone in the turn's conversation; guests, anonymous and other-tenant people are marked as guests.</summary>
    public static async Task<RosterResult> ReadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId)
        {
            return new RosterResult([], "no conversation");
        }

        var tenant = activity.GetTenantId();
        var people = new List<PersonRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        var pages = 0;
        do
        {
            if (++pages > MaxPages)
            {
                return new RosterResult(people, $"the roster ran past {MaxPages} pages");
            }

            var page = await turn.Connector.GetPagedMembersAsync(serviceUrl, conversationId, PageSize, continuation, cancellationToken);
            if (!page.Succeeded || page.Value is null)
            {
                return new RosterResult(people, page.Outcome.ToString());
            }

            foreach (var member in page.Value.Members ?? [])
            {
                if (member.EntraObjectId is { } personId && member.Id != activity.Recipient?.Id && seen.Add(personId))
                {
                    people.Add(new PersonRecord(personId, member.Id, member.Name, member.Email ?? member.UserPrincipalName, IsGuest(member, tenant)));
                }
            }

            continuation = page.Value.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return new RosterResult(people, null);
    }

    // Teams marks guests (and anonymous meeting joiners) by role; people from another tenant (shared
    // channels, external access) show up only as a different tenant id. All are outside the organisation.
    private static bool IsGuest(ChannelAccount member, string? tenant) =>
        member.UserRole is { } role && (role.Equals("guest", StringComparison.OrdinalIgnoreCase) || role.Equals("anonymous", StringComparison.OrdinalIgnoreCase))
        || (member.TenantId is { } theirs && tenant is not null && !theirs.Equals(tenant, StringComparison.OrdinalIgnoreCase));
}
