using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Agenda.Papers;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference.Conversation;
using PartnershipBot.Features.Welcome;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features;

/// <summary>Registers the features and the router that dispatches to them.</summary>
public static class DependencyInjection
{
    /// <summary>Adds every feature's routes, the route table (validated when first built) and the activity router.</summary>
    public static IServiceCollection AddPartnershipBotFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotTelemetry>();
        services.AddSingleton<IFeatureRoutes, WelcomeRoutes>();
        services.AddSingleton<IFeatureRoutes, TermsOfReferenceRoutes>();
        services.AddSingleton<IFeatureRoutes, BoardSetupRoutes>();
        services.AddSingleton<IFeatureRoutes, TorUploadRoutes>();
        services.AddSingleton<IFeatureRoutes, RoleRoutes>();
        services.AddSingleton<IFeatureRoutes, MemberImportRoutes>();
        services.AddOptions<BoardAdminOptions>().BindConfiguration(BoardAdminOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoardAdminOptions>, BoardAdminOptionsValidator>());
        services.TryAddSingleton<BoardPermissions>();
        services.TryAddSingleton<BoardContextResolver>();
        services.AddDeclarations();
        services.TryAddSingleton<UkCalendars>();
        services.TryAddSingleton<BoardWorkingDays>();
        services.TryAddSingleton<MeetingReminders>();
        services.TryAddSingleton<MeetingBooking>();
        services.AddSingleton<IMeetingChangeObserver, DeclarationMeetingFollower>();
        services.AddSingleton<IFeatureRoutes, MeetingRoutes>();
        services.AddSingleton<IFeatureRoutes, NextMeetingRoutes>();
        services.AddSingleton<IFeatureRoutes, MeetingChangeRoutes>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton<ReminderCardCatalog>();
        services.TryAddSingleton<ReminderRecipients>();
        services.TryAddSingleton<ReminderDigest>();
        services.AddSingleton<IReminderCardSource>(provider => provider.GetRequiredService<ReminderDigest>());
        services.TryAddSingleton<ReminderDispatcher>();
        services.TryAddSingleton<ReminderQueueGauges>();
        services.TryAddSingleton<DeadlineReminderViews>();
        services.TryAddSingleton<SecretariatNotices>();
        services.AddSingleton<IReminderCardSource>(provider => provider.GetRequiredService<SecretariatNotices>());
        services.AddSingleton<IFeatureRoutes, ReminderActions>();
        services.AddSingleton<IFeatureRoutes, PapersReminderRoutes>();
        services.TryAddSingleton<MeetingAgenda>();
        services.TryAddSingleton<MeetingMinutes>();
        services.AddSingleton<IFeatureRoutes, AgendaRoutes>();
        services.TryAddSingleton<PaperItemFinder>();
        services.AddSingleton<IFeatureRoutes, PaperRoutes>();
        services.TryAddSingleton<LatePapers>();
        services.AddSingleton<IReminderCardSource, LatePaperCardSource>();
        services.AddSingleton<IFeatureRoutes, LatePaperRoutes>();
        services.AddSingleton<IFeatureRoutes, StandingItemRoutes>();
        services.TryAddSingleton<AgendaPackSchedule>();
        services.AddSingleton<IMeetingChangeObserver>(provider => provider.GetRequiredService<AgendaPackSchedule>());
        services.AddSingleton<IReminderCardSource, AgendaPackCardSource>();
        services.AddSingleton<IFeatureRoutes, AgendaPackRoutes>();
        services.AddOptions<ActionReminderOptions>().BindConfiguration(ActionReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionReminderOptions>, ActionReminderOptionsValidator>());
        services.TryAddSingleton<ActionReminders>();
        services.AddSingleton<IReminderCardSource, ActionReminderCardSource>();
        services.AddSingleton<IFeatureRoutes, ActionRoutes>();
        services.TryAddSingleton<AttendanceViews>();
        services.AddSingleton<IFeatureRoutes, AttendanceRoutes>();
        services.TryAddSingleton<RouteTable>();
        services.TryAddSingleton<RecentReferences>();
        services.TryAddSingleton<IActivityHandler, ActivityRouter>();
        return services;
    }

    /// <summary>Declarations: the agenda items, the per-member cards (sent through the reminder outbox) and their actions.</summary>
    private static IServiceCollection AddDeclarations(this IServiceCollection services)
    {
        services.AddOptions<DeclarationOptions>().BindConfiguration(DeclarationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeclarationOptions>, DeclarationOptionsValidator>());
        services.TryAddSingleton<DeclarationMembers>();
        services.TryAddSingleton<DeclarationTally>();
        services.TryAddSingleton<DeclarationScheduler>();
        services.TryAddSingleton<FinancialDecisions>();
        services.AddSingleton<IReminderCardSource, DeclarationCardSource>();
        services.AddSingleton<IFeatureRoutes, DeclarationRoutes>();
        services.AddSingleton<IFeatureRoutes, DeclarationAgendaRoutes>();
        services.AddSingleton<IFeatureRoutes, DeclarationCardActions>();
        services.AddOptions<Interests.InterestOptions>().BindConfiguration(Interests.InterestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Interests.InterestOptions>, Interests.InterestOptionsValidator>());
        services.TryAddSingleton<Interests.StandingInterestReminders>();
        services.TryAddSingleton<Interests.RelevantInterests>();
        services.AddSingleton<IReminderCardSource>(provider => provider.GetRequiredService<Interests.StandingInterestReminders>());
        services.AddSingleton<IFeatureRoutes, Interests.StandingInterestRoutes>();
        services.AddSingleton<IFeatureRoutes, Interests.StandingInterestCardActions>();
        return services;
    }
}
