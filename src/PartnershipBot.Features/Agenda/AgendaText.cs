using System.Globalization;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Agenda;

/// <summary>How an agenda reads in chat.</summary>
public static class AgendaText
{
    /// <summary>"awaited", "submitted", "late" or "none": the words of the <c>agenda --json</c> contract.</summary>
    public static string Word(PaperState state) => state.ToString().ToLowerInvariant();

    /// <summary>The agenda as a numbered Markdown list with each paper's state, the pack's date and the open actions.</summary>
    public static string Markdown(AgendaView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rule = view.PackRuleFromTor ? $"the ToR: {view.PackRule}" : $"the ToR set no deadline, so {view.PackRule}";
        var lines = new List<string>
        {
            $"**Agenda: {view.BoardName}, {MeetingTimes.LongDate.Format(view.MeetingDate)}**",
            $"The agenda and papers go out on {MeetingTimes.LongDate.Format(view.PackDue)} ({rule}).",
            string.Empty,
        };
        foreach (var line in view.Lines)
        {
            var detail = new List<string>();
            if (line.Financial)
            {
                detail.Add("financial decision: declare interests");
            }

            if (line.OwnerName is { } owner)
            {
                detail.Add($"paper from {MarkdownText.Escape(owner)}: {Word(line.Paper)}{(line.LateDecision is { } decision ? $", {decision} by the chair" : string.Empty)}");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{line.Number}. {MarkdownText.Escape(line.Title)}{(detail.Count > 0 ? " (" + string.Join("; ", detail) + ")" : string.Empty)}"));
        }

        if (view.OpenActions.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Open actions (matters arising):");
            lines.AddRange(view.OpenActions.Select(ActionLine));
        }

        return string.Join("\n", lines);
    }

    /// <summary>"- Action 3: circulate the strategy (Jane Smith, due 15 January 2027)".</summary>
    public static string ActionLine(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var due = action.Due is { } d ? $", due {MeetingTimes.LongDate.Format(d)}" : string.Empty;
        var update = action.LastUpdate is { } u ? $" Update: {MarkdownText.Escape(u)}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"- Action {action.Number}: {MarkdownText.Escape(action.Text)} ({MarkdownText.Escape(action.OwnerName)}{due}; {action.Status}).{update}");
    }
}
