using System.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Welcome;

/// <summary>
/// The first conversation: a welcome when the bot is installed, and <c>help</c>. Both list only what the person may
/// do in this conversation (their roles on its board, or on any board in a personal chat; admin verbs to admins) and
/// the boards of the caller's own tenant, so nobody is offered a command that would only be refused.
/// </summary>
public sealed class WelcomeRoutes(BoardPermissions permissions) : IFeatureRoutes
{
    // A board list this long is a deployment for many councils' boards; past it, name a few and say how to ask.
    private const int BoardsListed = 12;

    private RouteTable? table;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        table = routes;
        routes.AddMessage("welcome/help", 1000, turn => IsHelp(turn.Text) && !SendsFile(turn), async (turn, ct) => await ReplyAsync(turn, await HelpTextAsync(turn, forWholeConversation: false, ct), ct));
        routes.AddEvent("welcome/installed", IsBotInstalled, async (turn, ct) => await ReplyAsync(turn, await WelcomeTextAsync(turn, ct), ct));
    }

    /// <summary>A file sent with no caption is an upload, not a request for help.</summary>
    private static bool SendsFile(ITurnContext turn) =>
        turn.Activity.Attachments?.Any(a => a.ContentType == "application/vnd.microsoft.teams.file.download.info") == true;

    /// <summary>True for "help", "?", "what can you do" and the like.</summary>
    public static bool IsHelp(string text)
    {
        var normalised = text.Trim().TrimEnd('?', '!', '.').Trim().ToUpperInvariant();
        return normalised is "" or "HELP" or "HELLO" or "HI" or "MENU" or "COMMANDS" or "WHAT CAN YOU DO" or "WHAT DO YOU DO" or "START";
    }

    /// <summary>
    /// The bot was added to this conversation. Teams announces an install twice, with an installationUpdate
    /// and a conversationUpdate whose membersAdded holds the bot; welcoming on the conversationUpdate alone
    /// says hello once (and works where installationUpdate is not sent).
    /// </summary>
    private static bool IsBotInstalled(ITurnContext turn)
    {
        var activity = turn.Activity;
        return string.Equals(activity.Type, ActivityTypes.ConversationUpdate, StringComparison.OrdinalIgnoreCase)
            && activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
    }

    private async Task<string> HelpTextAsync(ITurnContext turn, bool forWholeConversation, CancellationToken cancellationToken)
    {
        var audiences = forWholeConversation ? [HelpAudience.Everyone] : await AudiencesOfAsync(turn, cancellationToken);
        var text = new StringBuilder("Here is what I can do for your partnership board:\n\n");
        foreach (var line in (table?.HelpLines ?? []).Where(l => audiences.Contains(l.Audience)))
        {
            text.Append("- ").Append(line.Text).Append('\n');
        }

        text.Append('\n').Append(await BoardsTextAsync(turn, cancellationToken));
        text.Append("\n\nAsk in your own words; I quote the Terms of Reference clause behind every answer, and say so when the Terms of Reference don't settle a question.");
        return text.ToString();
    }

    /// <summary>
    /// What the actor may do here: in a conversation linked to a board, their roles on that board; elsewhere (a
    /// personal chat), their roles on any board of their tenant, since there they name the board they mean.
    /// </summary>
    private async Task<HashSet<HelpAudience>> AudiencesOfAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var audiences = new HashSet<HelpAudience> { HelpAudience.Everyone };
        var admin = permissions.IsAdmin(turn);
        bool runsMeetings, setsUp;
        if (await permissions.LinkedAsync(turn, cancellationToken) is { } access)
        {
            runsMeetings = access.MayRunMeetings;
            setsUp = access.MaySetUp;
        }
        else
        {
            var roles = (await permissions.BoardsHeldAsync(BoardPermissions.EntraIdOf(turn), turn.Activity.GetTenantId(), cancellationToken))
                .SelectMany(b => b.Roles).ToHashSet();
            var person = BoardPermissions.EntraIdOf(turn) is not null;
            runsMeetings = person && (admin || roles.Overlaps([BoardRole.Chair, BoardRole.ViceChair, BoardRole.Secretariat]));
            setsUp = person && (admin || roles.Contains(BoardRole.Secretariat));
        }

        if (runsMeetings)
        {
            audiences.Add(HelpAudience.MeetingRunners);
        }

        if (setsUp)
        {
            audiences.Add(HelpAudience.SetUp);
        }

        if (admin)
        {
            audiences.Add(HelpAudience.Admins);
        }

        return audiences;
    }

    /// <summary>
    /// The boards this conversation may use: only those of the caller's tenant (fail closed when Teams names none),
    /// with an admin's also those no tenant has claimed yet, which they may link.
    /// </summary>
    private async Task<string> BoardsTextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var linked = await permissions.LinkedBoardAsync(turn, cancellationToken);
        var names = (await permissions.LibraryForAsync(turn, withUnclaimed: permissions.IsAdmin(turn), cancellationToken)).Boards
            .Select(b => b.Identity.Name)
            .ToList();
        if (names.Count == 0)
        {
            return "I don't know any of your organisation's boards yet: an admin or the secretariat can send me a board's Terms of Reference in a personal chat.";
        }

        var text = new StringBuilder(linked is null ? string.Empty : $"This conversation is linked to **{MarkdownText.Escape(linked)}**.\n\n");
        text.Append(names.Count == 1 ? "The board I know: " : $"The {names.Count} boards I know: ");
        text.Append(string.Join("; ", names.Take(BoardsListed).Select(MarkdownText.Escape)));
        text.Append(names.Count > BoardsListed ? $"; and {names.Count - BoardsListed} more (ask \"when does the <board> next meet?\" by name)." : ".");
        return text.ToString();
    }

    private async Task<string> WelcomeTextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var personal = string.Equals(turn.Activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        var where = personal
            ? "Hello! I'm PartnershipBot, the assistant for your partnership board."
            : "Hello everyone! I'm PartnershipBot, the assistant for this partnership board. Mention me (@PartnershipBot) with a question, or with \"help\" to see what you can do here.";

        // A team or group welcome is read by everyone in it, not only the person who added the bot: list what
        // anyone may do, and let each person ask "help" for their own.
        return where + "\n\n" + await HelpTextAsync(turn, forWholeConversation: !personal, cancellationToken);
    }

    private static async Task<InvokeResponse?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(turn.Activity.CreateReply(text), cancellationToken);
        return null;
    }
}
