using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Infrastructure;

namespace PartnershipBot.Cli;

/// <summary>What the meeting-cycle verbs (<c>agenda</c>, <c>pack</c>, <c>minutes</c>, <c>actions</c>) share: the store, the board and the meeting.</summary>
internal static class MeetingCycle
{
    /// <summary>The bot's store with the agenda and minutes services over it.</summary>
    public static ServiceProvider Open(CommandArguments options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPartnershipBotStorage(StoredTerms.Configuration(options));
        services.TryAddSingleton<UkCalendars>();
        services.TryAddSingleton<BoardWorkingDays>();
        services.TryAddSingleton<DeclarationMembers>();
        services.TryAddSingleton<MeetingAgenda>();
        services.TryAddSingleton<MeetingMinutes>();
        return services.BuildServiceProvider();
    }

    /// <summary>The store, the board named by <c>--board</c> and its meeting on <c>--meeting</c>: what the document verbs start from.</summary>
    public static async Task<(ServiceProvider Services, string Board, MeetingRecord Meeting)> OpenMeetingAsync(CommandArguments options, CancellationToken cancellationToken)
    {
        var services = Open(options);
        try
        {
            var board = await CliBoards.ResolveAsync(services, options.Require("board"), cancellationToken);
            return (services, board, await MeetingAsync(services, board, options, cancellationToken));
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>The board's meeting on <c>--meeting YYYY-MM-DD</c> (UK date), else a usage error naming the meetings there are.</summary>
    public static async Task<MeetingRecord> MeetingAsync(IServiceProvider services, string board, CommandArguments options, CancellationToken cancellationToken)
    {
        var date = CliValues.Date(options.Require("meeting"), "--meeting");
        var meetings = services.GetRequiredService<IMeetingStore>();
        if (await MeetingOnDate.FindAsync(meetings, board, date, cancellationToken) is { } meeting)
        {
            return meeting;
        }

        var coming = await meetings.UpcomingAsync(board, services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-1), 6, cancellationToken);
        var known = coming.Count == 0 ? "none is scheduled" : "coming: " + string.Join(", ", coming.Select(m => NodaTime.Text.LocalDatePattern.Iso.Format(NodaTime.Instant.FromDateTimeOffset(m.StartsAt).InZone(MeetingTimes.London).Date)));
        throw new CommandLineException($"The {board} has no meeting on {CliValues.Long(date)} ({known}).");
    }
}
