using System.Text;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Welcome;

/// <summary>The first conversation: a welcome when the bot is installed, and <c>help</c>.</summary>
public sealed class WelcomeRoutes : IFeatureRoutes
{
    private RouteTable? table;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        table = routes;
        routes.AddMessage("welcome/help", 1000, turn => IsHelp(turn.Text) && !SendsFile(turn), (turn, ct) => ReplyAsync(turn, HelpText(), ct));
        routes.AddEvent("welcome/installed", IsBotInstalled, (turn, ct) => ReplyAsync(turn, WelcomeText(turn.Activity), ct));
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

    private string HelpText()
    {
        var text = new StringBuilder("Here is what I can do for your partnership board:\n\n");
        foreach (var line in table?.HelpLines ?? [])
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append("\nAsk in your own words; I quote the Terms of Reference clause behind every answer, and say so when the Terms of Reference don't settle a question.");
        return text.ToString();
    }

    private string WelcomeText(Activity activity)
    {
        var where = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
            ? "Hello! I'm PartnershipBot, the assistant for your partnership board."
            : "Hello everyone! I'm PartnershipBot, the assistant for this partnership board. Mention me (@PartnershipBot) with a question.";
        return where + "\n\n" + HelpText();
    }

    private static async Task<InvokeResponse?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(turn.Activity.CreateReply(text), cancellationToken);
        return null;
    }
}
