using System.Diagnostics;
using PartnershipBot.Features.Routing;
using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Hostile;

/// <summary>
/// Text built to make backtracking regexes take seconds per message ("move the … meeting to …", "open declarations
/// for …" padded with whitespace and an ending that fails), sent through the host with channel auth by someone
/// with no role. Over Teams' message size it is refused unread; at the size Teams allows it is matched in linear time.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class CraftedTextTests : AuthenticatedChatTest
{
    private const string NoRole = "00000000-0000-0000-0000-000000000b02";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Shapes => new()
    {
        "move", "open", "reschedule", "declarations", "quorum", "link",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_128_KB_crafted_message_is_refused_promptly_as_too_long(string shape)
    {
        var text = Crafted(shape, 128 * 1024);

        var elapsed = await TimeReplyAsync(text, expectedReplies: 1);

        var reply = (await Connector.WaitForActivitiesAsync(1))[0];
        Assert.Equal(ActivityRouter.TooLongReply, reply.Text);
        Assert.True(elapsed < Prompt, $"{shape}: {elapsed}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_crafted_message_at_Teams_size_limit_is_answered_promptly(string shape)
    {
        var text = Crafted(shape, ActivityRouter.MaxMessageChars - 64);

        var elapsed = await TimeReplyAsync(text, expectedReplies: 1);

        Assert.NotEqual(ActivityRouter.TooLongReply, (await Connector.WaitForActivitiesAsync(1))[0].Text);
        Assert.True(elapsed < Prompt, $"{shape}: {elapsed}");
    }

    /// <summary>A command's opening, then whitespace and words that keep a lazy group extending, then an ending no pattern accepts.</summary>
    private static string Crafted(string shape, int length)
    {
        var (head, repeat) = shape switch
        {
            "move" => ("move the ", "meeting to "),
            "reschedule" => ("please reschedule the meeting on ", "x meeting to 1 "),
            "open" => ("open declarations for x", " "),
            "declarations" => ("show declarations for x", " "),
            "quorum" => ("quorum for x", " with 1 members "),
            _ => ("link this to the x", " "),
        };
        var padding = new System.Text.StringBuilder(head);
        while (padding.Length < length - 4)
        {
            padding.Append(repeat);
        }

        return padding.ToString(0, length - 4) + "\n.x?";
    }

    private async Task<TimeSpan> TimeReplyAsync(string text, int expectedReplies)
    {
        var clock = Stopwatch.StartNew();
        await SayInChannelAsync(text, a => a["from"]!["aadObjectId"] = NoRole, Token());
        await Connector.WaitForActivitiesAsync(expectedReplies);
        return clock.Elapsed;
    }
}
