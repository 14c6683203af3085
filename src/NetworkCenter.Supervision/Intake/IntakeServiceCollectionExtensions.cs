using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Supervision.Intake.Imap;

namespace NetworkCenter.Supervision.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>The mailbox intake bound to <c>Intake:Imap:*</c>; the host schedules its poll when a host is configured.</summary>
    public static IServiceCollection AddMailIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImapIntakeOptions>().Bind(configuration.GetSection(ImapIntakeOptions.Section));
        services.AddTransient<PollMailbox>();
        return services;
    }
}
