using System.Text.RegularExpressions;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Roles in the board's conversation: "make @Jane Smith the chair", "remove @Jane Smith as secretariat", and, because
/// Teams won't let anyone @mention themselves, "make me the secretariat" (admins) and a typed name, "make Tess Tester
/// the secretariat", found in the conversation's roster or among the board's people. A mentioned person is looked up
/// in the roster (for their Entra id); the reply shows the ToR's rule beside the person, so a mismatch is visible.
/// </summary>
public sealed partial class RoleRoutes(
    IBoardRoles boardRoles, IPeopleDirectory personDirectory, BoardPermissions permissions, BoardContextResolver boards, ITorLibrarySource library,
    Interests.StandingInterestReminders interests, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Change = BoardRequest.SetUp("change roles", "give people roles here");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Roles**: \"make @name the chair\" (or vice-chair, secretariat, member; or a name as typed), \"remove @name as chair\"", HelpAudience.SetUp);
        routes.AddHelp("**Admin**: \"make me the secretariat\" (Teams won't let you @-mention yourself), and \"link this to <board>\" for a board no one has set up yet", HelpAudience.Admins);
        routes.AddMessage("boards/role", 500, turn => RoleCommand().Match(turn.Text) is { Success: true } match && NamesSomeone(match), ChangeRoleAsync);
    }

    private async Task<InvokeResponse?> ChangeRoleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = RoleCommand().Match(turn.Text);
        var role = ParseRole(match.Groups["role"].Value);
        var removing = match.Groups["remove"].Success;
        var gate = await boards.LinkedAsync(turn, Change, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var name = match.Groups["name"].Value.Trim();
        var (person, problem) = match.Groups["mention"].Success ? await MentionedAsync(turn, name, cancellationToken)
            : IsSelf(name) ? Self(turn, role, removing)
            : await TypedAsync(turn, board, name, cancellationToken);
        if (person is null)
        {
            return await turn.ReplyMarkdownAsync(problem!, cancellationToken);
        }

        var now = time.GetUtcNow();
        var actor = BoardPermissions.PersonOf(turn);
        var roleName = RoleName(role);
        var shown = MarkdownText.Escape(person.Name ?? name);
        await personDirectory.UpsertPersonAsync(person, now, cancellationToken);
        if (removing)
        {
            var removed = await boardRoles.RemoveRoleAsync(board, person.PersonId, role, actor, now, cancellationToken);
            return await turn.ReplyMarkdownAsync(removed ? $"{shown} is no longer {roleName} of the {board}." : $"{shown} wasn't {roleName} of the {board}.", cancellationToken);
        }

        await boardRoles.AssignRoleAsync(board, person.PersonId, role, actor, now, cancellationToken);
        // Joining the board: ask for their standing declaration (once; not if they already have one).
        await interests.QueueOnJoiningAsync(board, person.PersonId, cancellationToken);
        var rule = await RuleAsync(board, role, cancellationToken);
        return await turn.ReplyMarkdownAsync($"{shown} is now {roleName} of the **{board}**.{rule}", cancellationToken);
    }

    /// <summary>The @mentioned person, with the Entra id from the roster (Teams mentions carry only the Teams user id).</summary>
    private static async Task<(PersonRecord? Person, string? Problem)> MentionedAsync(ITurnContext turn, string name, CancellationToken cancellationToken)
    {
        if (MentionedPeople.TeamsIdOf(turn, name) is not { } memberId || turn.Activity.ServiceUrl is not { } serviceUrl)
        {
            return (null, $"Please @mention the person, e.g. \"make @{MarkdownText.Escape(name)} the chair\".");
        }

        var member = await turn.Connector.GetMemberAsync(serviceUrl, turn.Activity.Conversation?.Id ?? string.Empty, memberId, cancellationToken);
        return member.Succeeded && member.Value?.EntraObjectId is { } personId
            ? (new PersonRecord(personId, memberId, member.Value.Name ?? name, member.Value.Email ?? member.Value.UserPrincipalName, member.Value.UserRole == "guest"), null)
            : (null, $"I couldn't find {MarkdownText.Escape(name)} in this conversation's members, so I can't give them a role here.");
    }

    /// <summary>
    /// "me": the sender, as the authenticated activity names them. Giving yourself a role is for admins only (the
    /// secretariat can already give roles to others, but not promote themselves); anyone who may change roles may
    /// step down from one.
    /// </summary>
    private (PersonRecord? Person, string? Problem) Self(ITurnContext turn, BoardRole role, bool removing)
    {
        if (BoardPermissions.EntraIdOf(turn) is not { } personId)
        {
            return (null, "I can't tell who you are from this message, so I can't change your roles.");
        }

        if (!removing && !permissions.IsAdmin(turn))
        {
            return (null, $"Only an admin can make you {RoleName(role)}; please ask one (they can say \"make @your name {RoleName(role)}\").");
        }

        var from = turn.Activity.From;
        return (new PersonRecord(personId, from?.Id, from?.Name, null, IsGuest: false), null);
    }

    /// <summary>
    /// A typed name: the one person of that name in the conversation's roster, else among the people holding a role on
    /// the board. Several of that name, or none, gets a question rather than a guess.
    /// </summary>
    private async Task<(PersonRecord? Person, string? Problem)> TypedAsync(ITurnContext turn, string board, string name, CancellationToken cancellationToken)
    {
        var roster = await ConversationRoster.ReadAsync(turn, cancellationToken);
        var found = roster.People.Where(p => SameName(p.Name, name)).ToList();
        if (found.Count == 0)
        {
            var known = new List<PersonRecord>();
            foreach (var held in Enum.GetValues<BoardRole>())
            {
                known.AddRange(await boardRoles.HoldersAsync(board, held, cancellationToken));
            }

            found = [.. known.Where(p => SameName(p.Name, name)).DistinctBy(p => p.PersonId)];
        }

        var shown = MarkdownText.Escape(name);
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, $"I couldn't find anyone called {shown} in this conversation's members or among the {board}'s people. Please check the name as Teams shows it, or @mention them."),
            _ => (null, $"{found.Count} people called {shown} are in this conversation: please @mention the one you mean."),
        };
    }

    /// <summary>Names compare as people read them: case and runs of spaces don't matter.</summary>
    private static bool SameName(string? known, string typed) =>
        known is not null && string.Equals(string.Join(' ', known.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', typed.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static bool IsSelf(string name) => name.Equals("me", StringComparison.OrdinalIgnoreCase) || name.Equals("myself", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the command names a person: an @mention, "me", or something written as a name (each word capitalised,
    /// up to five). The last keeps questions of the same shape ("make sure there is a chair") with the ToR answers.
    /// </summary>
    private static bool NamesSomeone(Match match)
    {
        if (match.Groups["mention"].Success)
        {
            return true;
        }

        var name = match.Groups["name"].Value.Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return IsSelf(name) || (words.Length is >= 1 and <= 5 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.')));
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

    // The person is an @mention ("<at>Jane Smith</at>") or typed ("me", "Tess Tester"); which typed names count is
    // decided in NamesSomeone, since a pattern can't tell a name from the rest of a sentence.
    [GeneratedRegex(@"^\s*(?:(?:make|set|add)\s+(?:(?<mention><at>)(?<name>[^<]+)</at>|(?<name>[^<>\r\n]{1,80}?))\s+(?:as\s+)?(?:the\s+|a\s+)?|(?<remove>remove)\s+(?:(?<mention><at>)(?<name>[^<]+)</at>|(?<name>[^<>\r\n]{1,80}?))\s+(?:as|from)\s+(?:the\s+|a\s+)?)(?<role>chair(?:person)?|vice[- ]?chair|deputy[- ]chair|secretariat|secretary|member)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RoleCommand();
}
