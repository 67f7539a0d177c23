using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>inspect FILE [--clauses]</c>: shows what PartnershipBot read from a ToR: the board's name, each
/// modelled field with its status and clause, and (with --clauses) every clause with its section. Lets a
/// secretariat check an upload before members rely on it.
/// </summary>
public sealed class InspectCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "inspect";

    /// <inheritdoc />
    public string Summary => "inspect FILE [--clauses]: show the board, fields and clauses read from a ToR";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "clauses");
        if (options.Positionals.Count != 1)
        {
            throw new CommandLineException("Usage: inspect FILE [--clauses]");
        }

        var library = await TorLoading.LoadFilesAsync(options.Positionals, cancellationToken);
        var model = library.Boards[0];
        var output = console.Out;
        await output.WriteLineAsync($"Board: {model.Identity.Name} (title \"{model.Identity.Title}\", place {model.Identity.Locality ?? "not found"}; known as {string.Join(", ", model.Identity.AliasKeys.Order(StringComparer.Ordinal))})");
        foreach (var (topic, fact) in model.Facts)
        {
            var where = fact.Evidence.Count > 0 ? $" [{fact.Evidence[0].Section}] {Shorten(fact.Evidence[0].Text)}" : string.Empty;
            await output.WriteLineAsync($"  {topic,-20} {fact.Status,-9}{where}");
            if (HolderQuestions.GetValueOrDefault(topic) is { } question)
            {
                // A clause saying how the vice-chair is elected states the topic but names nobody: show what a member
                // asking in chat is told, from the same answerer, so inspect and chat cannot disagree.
                var answer = library.Ask(question);
                var told = answer.Answered ? $"answered from [{answer.Citations[0].Section}]" : "not settled: the bot says the ToR don't settle it";
                await output.WriteLineAsync($"  {string.Empty,-20} \"{question}\" in chat: {told}");
            }
        }

        await output.WriteLineAsync($"  quorum rule: {model.Quorum?.Text ?? "-"}; papers: {model.PapersDeadline?.Describe() ?? "-"}; minutes: {model.MinutesDeadline?.Describe() ?? "-"}; meetings a year: {model.Frequency?.PerYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        if (options.Has("clauses"))
        {
            foreach (var clause in model.Document.Clauses)
            {
                await output.WriteLineAsync($"{clause.Index,4} {clause.Kind,-9} {(clause.ParentIndex is { } p ? $"^{p}" : string.Empty),-5} [{clause.Section}] {Shorten(clause.Text)}");
            }
        }

        return 0;
    }

    private static readonly Dictionary<Topic, string> HolderQuestions = new()
    {
        [Topic.Chair] = "who is the chair?",
        [Topic.ViceChair] = "who is the vice-chair?",
    };

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
