using Hangfire;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Intake.Imap;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Workflows.Scheduling;

namespace NetworkCenter.Web.Hosting;

/// <summary>
/// The host's recurring Hangfire jobs, registered (or updated) at every start; the engine registers its own (sweeper,
/// timer hand-over) when it starts.
/// </summary>
public static class RecurringJobs
{
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobs));
        RecurringJobRegistration.Register("mail-outbox-sweep",
            () => recurring.AddOrUpdate<MailDelivery>("mail-outbox-sweep", delivery => delivery.SweepAsync(CancellationToken.None), Cron.Minutely()), logger);
        RecurringJobRegistration.Register("clue-intake-sweep",
            () => recurring.AddOrUpdate<StartClueIntake>("clue-intake-sweep", intake => intake.StartMissingAsync(CancellationToken.None), Cron.Minutely()), logger);
        // The mailbox poll runs only while the intake is configured; switching it off unschedules it.
        var intake = app.Services.GetRequiredService<IOptions<ImapIntakeOptions>>().Value;
        if (intake.Enabled)
        {
            RecurringJobRegistration.Register(PollMailbox.RecurringJobId,
                () => recurring.AddOrUpdate<PollMailbox>(PollMailbox.RecurringJobId, poll => poll.RunAsync(CancellationToken.None), intake.PollCron), logger);
        }
        else
        {
            recurring.RemoveIfExists(PollMailbox.RecurringJobId);
        }
    }
}
