using Hangfire;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Intake;
using NetworkCenter.Supervision.Intake.Imap;

namespace NetworkCenter.Web.Clues;

public static class CluesHostingExtensions
{
    /// <summary>The clue register and its intake channels.</summary>
    public static WebApplicationBuilder AddClues(this WebApplicationBuilder builder)
    {
        builder.Services.AddClues();
        builder.Services.AddMailIntake(builder.Configuration);
        builder.Services.AddSingleton<ClueRequestReader>();
        return builder;
    }

    /// <summary>The register's APIs, and the mailbox poll scheduled (or unscheduled, when the intake is off).</summary>
    public static WebApplication MapClues(this WebApplication app)
    {
        app.MapCluesApi();
        app.MapPortalCluesApi();
        var intake = app.Services.GetRequiredService<IOptions<ImapIntakeOptions>>().Value;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (intake.Enabled)
        {
            jobs.AddOrUpdate<PollMailbox>(PollMailbox.RecurringJobId, poll => poll.RunAsync(CancellationToken.None), intake.PollCron);
        }
        else
        {
            jobs.RemoveIfExists(PollMailbox.RecurringJobId);
        }
        return app;
    }
}
