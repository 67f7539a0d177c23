using System.Globalization;
using System.Text;
using System.Xml;
using NodaTime.Text;

namespace PartnershipBot.Tab;

/// <summary>
/// Delivery outcomes per reminder as an SVG drawn on the server (no chart library in the page): one stacked bar per
/// reminder, a segment per state sized by its share of the recipients, and every number also written as text, in the
/// bar's own words and in the chart's <c>desc</c>, so the chart never relies on colour or sight. Colours come from
/// tab.css by class, so the Teams theme (light, dark, high contrast) applies.
/// </summary>
public static class TabDeliveryChart
{
    /// <summary>The most reminders drawn: the latest, one screen of bars.</summary>
    public const int RemindersDrawn = 12;

    private const int Width = 720;
    private const int LabelWidth = 250;
    private const int BarWidth = 260;
    private const int RowHeight = 36;
    private const int BarHeight = 18;
    private const int Top = 8;

    private static readonly LocalDateTimePattern Due = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH':'mm");

    /// <summary>The chart of <paramref name="deliveries"/>' latest <see cref="RemindersDrawn"/> reminders.</summary>
    public static string Render(TabDeliveriesView deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var reminders = deliveries.Reminders.Take(RemindersDrawn).ToList();
        var height = Top + (Math.Max(reminders.Count, 1) * RowHeight) + 8;
        var text = new StringBuilder();
        using (var svg = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            svg.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            svg.WriteAttributeString("class", "chart");
            svg.WriteAttributeString("role", "img");
            svg.WriteAttributeString("aria-labelledby", "delivery-chart-title delivery-chart-desc");
            svg.WriteAttributeString("viewBox", Invariant($"0 0 {Width} {height}"));
            svg.WriteAttributeString("width", "100%");
            svg.WriteStartElement("title");
            svg.WriteAttributeString("id", "delivery-chart-title");
            svg.WriteString($"Delivery outcomes of the {deliveries.Board}'s latest reminders");
            svg.WriteEndElement();
            svg.WriteStartElement("desc");
            svg.WriteAttributeString("id", "delivery-chart-desc");
            svg.WriteString(reminders.Count == 0 ? "No reminders yet." : string.Join(" ", reminders.Select(r => $"{Label(r)}: {Counts(r)}.")));
            svg.WriteEndElement();
            for (var row = 0; row < reminders.Count; row++)
            {
                Bar(svg, reminders[row], Top + (row * RowHeight));
            }

            svg.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>"Papers reminder, 5 Mar 2027 09:00".</summary>
    public static string Label(TabReminderDelivery reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var due = Due.Parse(reminder.Due);
        return $"{KindName(reminder.Kind)}, {(due.Success ? Shown.Format(due.Value) : reminder.Due)}";
    }

    /// <summary>"Sent 3, NotReachable 1": the counts in the states' order.</summary>
    public static string Counts(TabReminderDelivery reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return string.Join(", ", reminder.Counts.Select(c => Invariant($"{StateName(c.Key)} {c.Value}")));
    }

    private static void Bar(XmlWriter svg, TabReminderDelivery reminder, int y)
    {
        var total = reminder.Counts.Values.Sum();
        svg.WriteStartElement("g");
        svg.WriteAttributeString("class", "bar");
        svg.WriteAttributeString("data-kind", reminder.Kind);
        svg.WriteAttributeString("data-due", reminder.Due);
        Text(svg, 0, y + 13, "label", Label(reminder));
        var x = (double)LabelWidth;
        foreach (var (state, count) in reminder.Counts)
        {
            var width = total == 0 ? 0 : BarWidth * (double)count / total;
            svg.WriteStartElement("rect");
            svg.WriteAttributeString("class", $"segment state-{state}");
            svg.WriteAttributeString("data-state", state);
            svg.WriteAttributeString("data-count", count.ToString(CultureInfo.InvariantCulture));
            svg.WriteAttributeString("x", Invariant($"{x:0.##}"));
            svg.WriteAttributeString("y", Invariant($"{y}"));
            svg.WriteAttributeString("width", Invariant($"{width:0.##}"));
            svg.WriteAttributeString("height", Invariant($"{BarHeight}"));
            svg.WriteEndElement();
            x += width;
        }

        Text(svg, LabelWidth + BarWidth + 10, y + 13, "counts", Counts(reminder));
        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, int x, int y, string className, string content)
    {
        svg.WriteStartElement("text");
        svg.WriteAttributeString("class", className);
        svg.WriteAttributeString("x", Invariant($"{x}"));
        svg.WriteAttributeString("y", Invariant($"{y}"));
        svg.WriteString(content);
        svg.WriteEndElement();
    }

    private static string KindName(string kind) => kind switch
    {
        "papers" => "Papers reminder",
        "minutes" => "Minutes reminder",
        "agenda" => "Agenda reminder",
        "pack" => "Agenda pack",
        "declaration" => "Declaration card",
        "digest" => "Digest",
        _ => kind,
    };

    private static string StateName(string state) => state switch
    {
        "SentLate" => "Sent late",
        "NotFound" => "Chat not found",
        "NotReachable" => "Not reachable",
        "FailedAfterRetries" => "Failed after retries",
        _ => state,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
