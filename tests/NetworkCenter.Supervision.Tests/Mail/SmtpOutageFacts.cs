using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Mail.Sink;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Supervision.Tests.Mail;

/// <summary>The service pointed at an SMTP server the test starts and stops.</summary>
public sealed class OutageSmtpApp : NetworkCenterApp
{
    public SmtpSinkMailbox Received { get; } = new();
    public SmtpSink Smtp { get; }

    public OutageSmtpApp() => Smtp = new SmtpSink(Received, TimeProvider.System, NullLogger<SmtpSink>.Instance);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:Timeout", "00:00:05");
    }
}

public sealed class SmtpOutageFacts(OutageSmtpApp app) : IClassFixture<OutageSmtpApp>
{
    [Fact]
    public async Task MailWhileSmtpIsDown_IsRetriedWithBackoff_AndDeliveredOnceWhenItReturns()
    {
        var key = $"outage:{Guid.NewGuid():N}";
        long id;
        await using (var connection = await app.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            id = (await app.Service<MailOutbox>().EnqueueAsync(connection, transaction, new OutgoingMail(
                key, "office@example.cn", null, "en", "progress-feedback",
                new Dictionary<string, object?> { ["recipientName"] = "Office", ["registerNumber"] = "2026-0100", ["stageName"] = "registered", ["centerName"] = "Center", ["date"] = "2026-03-02" }),
                CancellationToken.None)).Id;
            await transaction.CommitAsync();
        }
        var delivery = app.Service<MailDelivery>();

        delivery.Dispatch([id]);
        var failed = await Eventually.ReturnsAsync(async () =>
        {
            await using var connection = await app.OpenConnectionAsync();
            return await connection.QuerySingleOrDefaultAsync<Attempt>(
                "select status, attempts, next_attempt_at as NextAttemptAt, last_error as LastError from supervision.mail_outbox where id = @id and attempts > 0", new { id });
        }, "the first attempt to fail");

        Assert.Equal("pending", failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Equal((app.Service<TimeProvider>().GetUtcNow() + TimeSpan.FromMinutes(1)).UtcDateTime, failed.NextAttemptAt.ToUniversalTime());
        Assert.Equal(0, await delivery.SweepAsync(CancellationToken.None)); // not due yet: nothing re-queued early

        await app.Smtp.StartAsync(CancellationToken.None);
        try
        {
            app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(1));
            // Either the retry Hangfire already holds or this sweep delivers it, whichever runs first; never both.
            await delivery.SweepAsync(CancellationToken.None);

            var mail = await Eventually.ReturnsAsync(
                () => Task.FromResult(app.Received.Messages.FirstOrDefault(m => m.Message.MessageId == MailOutbox.MessageIdFor(key))),
                "the mail to arrive once the server is back");
            Assert.Equal("Progress of clue 2026-0100: registered", mail.Message.Subject);
            await delivery.SweepAsync(CancellationToken.None);
            await delivery.DeliverAsync(id, CancellationToken.None);
            Assert.Single(app.Received.Messages, m => m.Message.MessageId == MailOutbox.MessageIdFor(key));
            await using var connection = await app.OpenConnectionAsync();
            Assert.Equal("sent", await connection.ExecuteScalarAsync<string>("select status from supervision.mail_outbox where id = @id", new { id }));
        }
        finally
        {
            await app.Smtp.StopAsync(CancellationToken.None);
        }
    }

    private sealed record Attempt(string Status, int Attempts, DateTime NextAttemptAt, string? LastError);
}
