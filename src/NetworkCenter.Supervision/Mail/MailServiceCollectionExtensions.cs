using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Mail.Sink;
using NetworkCenter.Supervision.Mail.Templates;
using NetworkCenter.Workflows;

namespace NetworkCenter.Supervision.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// The MailKit sender bound to <c>Smtp:*</c>; with <paramref name="useSinkWhenUnconfigured"/> and no
    /// <c>Smtp:Host</c>, an in-process SMTP sink on loopback becomes the server.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, bool useSinkWhenUnconfigured)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.TryAddSingleton<IMailSender, MailSender>();
        // The workflows folder's rule (needs the engine registered): templates edited in the repository are the ones used.
        services.AddOptions<TemplateDirectoryOptions>().Bind(configuration.GetSection(TemplateDirectoryOptions.Section))
            .PostConfigure<WorkflowFolders>((options, folders) => options.Directory = TemplateFiles.Folder(options.Directory, folders.Definitions));
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section));
        services.TryAddSingleton<MailTemplates>();
        services.TryAddSingleton<LetterRenderer>();
        services.TryAddSingleton<NetworkCenter.Supervision.Documents.Posters.PosterRenderer>();
        services.TryAddSingleton<MailOutbox>();
        services.TryAddTransient<MailDelivery>();
        services.TryAddSingleton<MailBacklog>();
        var configured = !string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]);
        if (useSinkWhenUnconfigured && !configured)
        {
            services.TryAddSingleton<SmtpSinkMailbox>();
            services.TryAddSingleton<SmtpSink>();
            services.AddHostedService(sp => sp.GetRequiredService<SmtpSink>());
            services.AddSingleton<IPostConfigureOptions<SmtpOptions>, PointAtSink>();
        }
        return services;
    }

    private sealed class PointAtSink(SmtpSink sink) : IPostConfigureOptions<SmtpOptions>
    {
        public void PostConfigure(string? name, SmtpOptions options)
        {
            options.Host = "127.0.0.1";
            options.Port = sink.Port;
            options.Security = MailKit.Security.SecureSocketOptions.None;
            options.Username = null;
        }
    }
}
