using Hangfire;
using NetworkCenter.Supervision.Mail.Outbox;

namespace NetworkCenter.Web.Hosting;

/// <summary>The service's recurring Hangfire jobs, registered (or updated) at every start.</summary>
public static class RecurringJobs
{
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<MailDelivery>("mail-outbox-sweep", delivery => delivery.SweepAsync(CancellationToken.None), Cron.Minutely());
    }
}
