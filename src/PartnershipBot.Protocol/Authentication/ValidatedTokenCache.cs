using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PartnershipBot.Protocol.Authentication;

/// <summary>
/// Channel tokens this instance has already validated. The Bot Connector reuses one token for every activity
/// it sends for up to an hour, so checking its RSA signature on each request repeated the same work thousands
/// of times (about a fifth of a turn's CPU). A hit needs the identical token string, the very key set it was
/// validated against (when the keys are refreshed or rotated, tokens validate afresh), and the token still
/// inside its lifetime by the same rule full validation applies. Only tokens that passed are kept; bounded.
/// </summary>
internal sealed class ValidatedTokenCache
{
    /// <summary>Most tokens remembered at once (a channel has a handful live; the cap bounds memory).</summary>
    public const int Capacity = 1_024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The earlier result for <paramref name="token"/> if it still holds under <paramref name="keys"/>, else null.</summary>
    public ChannelAuthResult? Find(string token, OpenIdConnectConfiguration keys, Func<DateTime?, DateTime?, bool> isWithinLifetime)
    {
        if (!entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (ReferenceEquals(entry.Keys, keys) && isWithinLifetime(entry.NotBefore, entry.Expires))
        {
            return entry.Result;
        }

        entries.TryRemove(token, out _);
        return null;
    }

    /// <summary>Remembers a token that passed full validation against <paramref name="keys"/>.</summary>
    public void Remember(string token, OpenIdConnectConfiguration keys, DateTime? notBefore, DateTime? expires, ChannelAuthResult result)
    {
        if (entries.Count >= Capacity)
        {
            // Rare (only valid tokens get here) and cheap to rebuild: start again rather than track ages.
            entries.Clear();
        }

        entries[token] = new Entry(keys, notBefore, expires, result);
    }

    private sealed record Entry(OpenIdConnectConfiguration Keys, DateTime? NotBefore, DateTime? Expires, ChannelAuthResult Result);
}
