using Hangfire;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Intake.Imap;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Procedures.ClueIntake;

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
        recurring.AddOrUpdate<MailDelivery>("mail-outbox-sweep", delivery => delivery.SweepAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<StartClueIntake>("clue-intake-sweep", intake => intake.StartMissingAsync(CancellationToken.None), Cron.Minutely());
        // The mailbox poll runs only while the intake is configured; switching it off unschedules it.
        var intake = app.Services.GetRequiredService<IOptions<ImapIntakeOptions>>().Value;
        if (intake.Enabled)
        {
            recurring.AddOrUpdate<PollMailbox>(PollMailbox.RecurringJobId, poll => poll.RunAsync(CancellationToken.None), intake.PollCron);
        }
        else
        {
            recurring.RemoveIfExists(PollMailbox.RecurringJobId);
        }
    }
}
