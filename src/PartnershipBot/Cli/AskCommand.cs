using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.TermsOfReference.Answering;

namespace PartnershipBot.Cli;

/// <summary>
/// <c>ask --tor FILE [--tor FILE ...] [--json] ["question"]</c> or <c>ask --board NAME ...</c>: answers ToR
/// questions. With no question it reads one per line from stdin and writes one answer per line. With
/// <c>--json</c> each answer is one JSON object: question, answered, answer, board, citations.
/// This contract is used by scripts and the evaluation: keep it exactly. Ranking is lexical, the bot's default;
/// <c>--embeddings on</c> ranks as the bot does with <c>TermsOfReference:Embeddings=On</c> (lexically still on a machine
/// where the model can't be loaded).
/// </summary>
public sealed class AskCommand : IAdminCommand
{
    /// <inheritdoc />
    public string Verb => "ask";

    /// <inheritdoc />
    public string Summary => "ask --tor FILE [--tor FILE ...] | --board NAME [--json] [--embeddings on|off] [\"question\"]: answer questions about Terms of Reference";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = new CommandArguments(args, "json");
        var library = await LoadLibraryAsync(options, cancellationToken);
        using var embeddings = CliEmbeddings.Wanted(options.Get("embeddings"), fallback: false) ? await CliEmbeddings.TryLoadAsync(1, cancellationToken) : null;
        if (embeddings is not null)
        {
            library = await embeddings.LibraryAsync(library.Boards);
        }

        // "--board Thurrock" means the board as chat would read it: a unique prefix or another of its names.
        var board = options.Get("board") is { } typed ? CliBoards.Resolve(library, typed) : null;
        var json = options.Has("json");
        var questions = options.Positionals.Count > 0 ? [string.Join(' ', options.Positionals)] : ReadLines(console.In);
        foreach (var question in questions)
        {
            if (string.IsNullOrWhiteSpace(question))
            {
                continue;
            }

            var answer = library.Ask(question.Trim(), board);
            await console.Out.WriteLineAsync(json ? JsonSerializer.Serialize(answer, AskJsonContext.Relaxed.TorAnswer) : Plain(answer));
        }

        return 0;
    }

    private static async Task<TorLibrary> LoadLibraryAsync(CommandArguments options, CancellationToken cancellationToken)
    {
        var files = options.GetAll("tor");
        if (files.Count > 0)
        {
            return await TorLoading.LoadFilesAsync(files, cancellationToken);
        }

        if (options.Get("board") is not null)
        {
            return await StoredTerms.LoadLibraryAsync(options, cancellationToken);
        }

        throw new CommandLineException("Give the ToR with --tor FILE (repeatable), or --board NAME to use the stored ToRs.");
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string Plain(TorAnswer answer) =>
        (answer.Answered ? string.Empty : "[not settled by the ToR] ") + answer.Answer.Replace("\n", Environment.NewLine, StringComparison.Ordinal) + Environment.NewLine;
}

/// <summary>The JSON shape of <c>ask --json</c>: camelCase names, one object per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TorAnswer))]
internal sealed partial class AskJsonContext : JsonSerializerContext
{
    /// <summary>Output for terminals and scripts, not HTML: quotes and section marks stay readable.</summary>
    public static AskJsonContext Relaxed { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
