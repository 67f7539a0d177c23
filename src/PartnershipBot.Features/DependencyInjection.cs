using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
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
        services.AddSingleton<IFeatureRoutes, WelcomeRoutes>();
        services.AddSingleton<IFeatureRoutes, TermsOfReferenceRoutes>();
        services.AddSingleton<IFeatureRoutes, BoardSetupRoutes>();
        services.AddSingleton<IFeatureRoutes, TorUploadRoutes>();
        services.AddSingleton<IFeatureRoutes, RoleRoutes>();
        services.AddSingleton<IFeatureRoutes, MemberImportRoutes>();
        services.TryAddSingleton<BoardPermissions>();
        services.AddSingleton<IFeatureRoutes, DeclarationRoutes>();
        services.TryAddSingleton<MeetingReminders>();
        services.TryAddSingleton<MeetingBooking>();
        services.AddSingleton<IFeatureRoutes, MeetingRoutes>();
        services.AddSingleton<IFeatureRoutes, NextMeetingRoutes>();
        services.AddSingleton<IFeatureRoutes, MeetingChangeRoutes>();
        services.TryAddSingleton<ReminderDispatcher>();
        services.AddSingleton<IFeatureRoutes>(provider => provider.GetRequiredService<ReminderDispatcher>());
        services.TryAddSingleton<RouteTable>();
        services.TryAddSingleton<IActivityHandler, ActivityRouter>();
        return services;
    }
}
