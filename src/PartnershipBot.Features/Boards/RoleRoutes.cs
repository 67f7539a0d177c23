using System.Text.RegularExpressions;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Roles by @mention in the board's conversation: "make @Jane Smith the chair", "remove @Jane Smith as
/// secretariat". The person is looked up in the conversation's roster (for their Entra id); the reply shows
/// the ToR's rule beside the person, so a mismatch is visible.
/// </summary>
public sealed partial class RoleRoutes(IBoardDirectory directory, BoardPermissions permissions, ITorLibrarySource library, TimeProvider time) : IFeatureRoutes
{
    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Roles** (admins and secretariat): \"make @name the chair\" (or vice-chair, secretariat, member), \"remove @name as chair\"");
        routes.AddMessage("boards/role", 500, turn => RoleCommand().IsMatch(turn.Text), ChangeRoleAsync);
    }

    private async Task<InvokeResponse?> ChangeRoleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = RoleCommand().Match(turn.Text);
        var role = ParseRole(match.Groups["role"].Value);
        var removing = match.Groups["remove"].Success;
        var conversationId = turn.Activity.Conversation?.Id ?? string.Empty;
        var board = await permissions.LinkedBoardAsync(turn, cancellationToken);
        if (board is null)
        {
            return await turn.ReplyMarkdownAsync("Link this conversation to its board first (\"link this to <board>\"), then give people roles here.", cancellationToken);
        }

        if (!await permissions.MaySetUpAsync(turn, board, cancellationToken))
        {
            return await turn.ReplyMarkdownAsync("Only an admin or the board's secretariat can change roles.", cancellationToken);
        }

        var name = match.Groups["name"].Value.Trim();
        if (MentionedPeople.TeamsIdOf(turn, name) is not { } memberId || turn.Activity.ServiceUrl is not { } serviceUrl)
        {
            return await turn.ReplyMarkdownAsync($"Please @mention the person, e.g. \"make @{MarkdownText.Escape(name)} the chair\".", cancellationToken);
        }

        // Teams mentions carry the Teams user id; the roster gives the Entra id roles are kept against.
        var member = await turn.Connector.GetMemberAsync(serviceUrl, conversationId, memberId, cancellationToken);
        if (!member.Succeeded || member.Value?.EntraObjectId is not { } personId)
        {
            return await turn.ReplyMarkdownAsync($"I couldn't find {MarkdownText.Escape(name)} in this conversation's members, so I can't give them a role here.", cancellationToken);
        }

        var now = time.GetUtcNow();
        var actor = BoardPermissions.PersonOf(turn);
        var roleName = RoleName(role);
        await directory.UpsertPersonAsync(new PersonRecord(personId, memberId, member.Value.Name ?? name, member.Value.Email ?? member.Value.UserPrincipalName, member.Value.UserRole == "guest"), now, cancellationToken);
        if (removing)
        {
            var removed = await directory.RemoveRoleAsync(board, personId, role, actor, now, cancellationToken);
            return await turn.ReplyMarkdownAsync(removed ? $"{MarkdownText.Escape(name)} is no longer {roleName} of the {board}." : $"{MarkdownText.Escape(name)} wasn't {roleName} of the {board}.", cancellationToken);
        }

        await directory.AssignRoleAsync(board, personId, role, actor, now, cancellationToken);
        var rule = await RuleAsync(board, role, cancellationToken);
        return await turn.ReplyMarkdownAsync($"{MarkdownText.Escape(name)} is now {roleName} of the **{board}**.{rule}", cancellationToken);
    }

    private async Task<string> RuleAsync(string board, BoardRole role, CancellationToken cancellationToken)
    {
        var topic = role switch { BoardRole.Chair => Topic.Chair, BoardRole.ViceChair => Topic.ViceChair, BoardRole.Secretariat => Topic.Secretariat, _ => Topic.Membership };
        var model = (await library.GetAsync(cancellationToken)).Find(board);
        return model?.Facts[topic] is { Status: FactStatus.Stated } fact && topic != Topic.Membership
            ? $" The Terms of Reference say: “{fact.Text}”"
            : string.Empty;
    }

    private static BoardRole ParseRole(string text) => text.ToLowerInvariant().Replace(" ", "-", StringComparison.Ordinal) switch
    {
        "chair" or "chairperson" => BoardRole.Chair,
        "vice-chair" or "vicechair" or "deputy-chair" => BoardRole.ViceChair,
        "secretariat" or "secretary" => BoardRole.Secretariat,
        _ => BoardRole.Member,
    };

    /// <summary>"the chair", "a member": how a role reads in a sentence.</summary>
    public static string RoleName(BoardRole role) => role switch
    {
        BoardRole.Chair => "the chair",
        BoardRole.ViceChair => "the vice-chair",
        BoardRole.Secretariat => "the secretariat",
        _ => "a member",
    };

    [GeneratedRegex(@"^\s*(?:(?:make|set|add)\s+<at>(?<name>[^<]+)</at>\s+(?:as\s+)?(?:the\s+|a\s+)?|(?<remove>remove)\s+<at>(?<name>[^<]+)</at>\s+(?:as|from)\s+(?:the\s+|a\s+)?)(?<role>chair(?:person)?|vice[- ]?chair|deputy[- ]chair|secretariat|secretary|member)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RoleCommand();
}
