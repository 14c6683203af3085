using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
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

public sealed class SmtpOutageFacts(OutageSmtpApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<OutageSmtpApp>
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

    [Fact]
    public async Task SmtpDownWhileManyMailsAreQueuedAndSending_DeliversEveryOneExactlyOnce_AfterItReturns_AndShowsTheBacklog()
    {
        const int BeforeOutage = 40, DuringOutage = 40;
        var run = Guid.NewGuid().ToString("N")[..12];
        var delivery = app.Service<MailDelivery>();
        await app.Smtp.StartAsync(CancellationToken.None);
        try
        {
            // Procedure steps decide mail concurrently, each in its own transaction, and dispatch it after commit.
            await Task.WhenAll(Enumerable.Range(0, BeforeOutage).Select(i => StepAsync(run, i)));
            // The server goes down while the queue is still being sent.
            await Eventually.HoldsAsync(() => Task.FromResult(ReceivedOf(run).Count >= 5), "the first messages to arrive");
            await app.Smtp.StopAsync(CancellationToken.None);
            await Task.WhenAll(Enumerable.Range(BeforeOutage, DuringOutage).Select(i => StepAsync(run, i)));
            await Eventually.HoldsAsync(async () => await CountAsync(run, "status = 'pending' and attempts = 0") == 0,
                "every message to be sent or to have failed its first attempt");

            Assert.True(await CountAsync(run, "status = 'pending' and attempts > 0") >= DuringOutage);
            using var admin = await app.SignedInClientAsync();
            var backlog = (await admin.GetFromJsonAsync<JsonObject>("/api/mail/outbox?limit=200"))!;
            Assert.True((int)backlog["failing"]! >= DuringOutage, backlog.ToJsonString());
            var failing = backlog["items"]!.AsArray().First(i => ((string)i!["subject"]!).Length > 0 && (int)i["attempts"]! > 0)!;
            Assert.False(string.IsNullOrEmpty((string?)failing["lastError"]), failing.ToJsonString());
            Assert.NotNull(failing["nextAttemptAt"]);

            var clock = app.Service<ManualClock>();
            // An old backlog degrades /health (still 200: the service works, the mail waits).
            clock.Advance(TimeSpan.FromMinutes(31));
            var health = await HealthOfMailOutboxAsync();
            Assert.Equal((HttpStatusCode.OK, "Degraded"), (health.Status, health.Entry));
            Assert.Contains("failing", health.Description, StringComparison.Ordinal);

            await app.Smtp.StartAsync(CancellationToken.None);
            var draining = System.Diagnostics.Stopwatch.StartNew();
            var startedAt = clock.GetUtcNow();
            // Through the back-off: a minute at a time, the sweep re-queues whatever has become due.
            await Eventually.HoldsAsync(async () =>
            {
                if (await CountAsync(run, "status <> 'sent'") == 0)
                {
                    return true;
                }
                clock.Advance(TimeSpan.FromMinutes(1));
                await delivery.SweepAsync(CancellationToken.None);
                return false;
            }, "every message to be delivered once the server is back", TimeSpan.FromSeconds(120));
            output.WriteLine($"{BeforeOutage + DuringOutage} messages, {await CountAsync(run, "attempts > 1")} retried; backlog drained " +
                $"{draining.Elapsed.TotalSeconds:0.0} s (real) and {(clock.GetUtcNow() - startedAt).TotalMinutes:0} min (service clock) after the server returned");
        }
        finally
        {
            await app.Smtp.StopAsync(CancellationToken.None);
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), ((await HealthOfMailOutboxAsync()).Status, (await HealthOfMailOutboxAsync()).Entry));
        var received = ReceivedOf(run);
        var expected = Enumerable.Range(0, BeforeOutage + DuringOutage).Select(i => MailOutbox.MessageIdFor(Key(run, i))).ToHashSet();
        var duplicates = received.GroupBy(m => m.Message.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(expected, received.Select(m => m.Message.MessageId ?? "").ToHashSet());
        Assert.True(await CountAsync(run, "status = 'sent' and attempts > 1") >= DuringOutage, "the mail decided during the outage was retried");
    }

    private async Task<(HttpStatusCode Status, string Entry, string Description)> HealthOfMailOutboxAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health");
        var entry = (await response.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!["mail-outbox"]!;
        return (response.StatusCode, (string)entry["status"]!, (string?)entry["description"] ?? "");
    }

    private static string Key(string run, int i) => $"load:{run}:{i}";

    private List<ReceivedMail> ReceivedOf(string run)
    {
        var ids = Enumerable.Range(0, 1000).Select(i => MailOutbox.MessageIdFor(Key(run, i))).ToHashSet();
        return [.. app.Received.Messages.Where(m => ids.Contains(m.Message.MessageId ?? ""))];
    }

    private async Task StepAsync(string run, int i)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NetworkCenter.Supervision.Procedures.ProcedureWork>().RunAsync<bool>((_, _, mails) =>
        {
            mails.Add(new OutgoingMail(Key(run, i), $"liaison{i}@example.cn", null, "en", "progress-feedback",
                new Dictionary<string, object?> { ["recipientName"] = $"Liaison {i}", ["registerNumber"] = $"2026-{i:0000}", ["stageName"] = "registered", ["centerName"] = "Center", ["date"] = "2026-03-02" }));
            return Task.FromResult(true);
        }, CancellationToken.None);
    }

    private async Task<int> CountAsync(string run, string condition)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>($"select count(*) from supervision.mail_outbox where idempotency_key like @prefix and {condition}",
            new { prefix = $"load:{run}:%" });
    }

    private sealed record Attempt(string Status, int Attempts, DateTime NextAttemptAt, string? LastError);
}
