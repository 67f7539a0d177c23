namespace PartnershipBot.Testing;

/// <summary>
/// The forged and broken channel tokens every auth check must refuse, made with <see cref="ChannelTokenIssuer"/>'s
/// own minting (the same forgeries ChannelAuthenticationTests tries one by one), for runs that fire them all.
/// </summary>
public static class ForgedTokens
{
    /// <summary>(what is wrong, token) pairs, each otherwise valid for <paramref name="serviceUrl"/>.</summary>
    public static IReadOnlyList<(string Forgery, string Token)> All(ChannelTokenIssuer issuer, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var now = DateTime.UtcNow;
        return
        [
            ("wrong issuer", issuer.Mint(serviceUrl, issuer: "https://evil.example.com")),
            ("wrong audience", issuer.Mint(serviceUrl, audience: "11111111-2222-3333-4444-555555555555")),
            ("expired beyond the 5 minute skew", issuer.Mint(serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))),
            ("unsigned (alg none)", ChannelTokenIssuer.MintUnsigned(serviceUrl)),
            ("signed with another key", issuer.Mint(serviceUrl, signWithOtherKey: true)),
            ("HS256 keyed with the public key", issuer.MintHmacWithPublicKey(serviceUrl)),
            ("serviceurl claim for another host", issuer.Mint("https://attacker.example.com/")),
            ("no serviceurl claim", issuer.Mint(serviceUrl, includeServiceUrl: false)),
        ];
    }
}
