using Dapper;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Mail.Sink;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Mail;

public sealed class MailOutboxFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static OutgoingMail Feedback(string key, string language = "zh-CN") => new(
        key, "liaison.li@example.cn", "李某", language, "progress-feedback",
        new Dictionary<string, object?>
        {
            ["recipientName"] = "李某",
            ["registerNumber"] = "2026-0042",
            ["stageName"] = language == "en" ? "assigned" : "已分配承办检察官",
            ["procuratorName"] = "张检察官",
            ["procuratorPhone"] = "0311-1234567",
            ["centerName"] = "民事行政法律监督信息网络中心",
            ["date"] = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)),
        });

    [Fact]
    public async Task EnqueuedMail_IsDeliveredAfterCommit_WithItsDeterministicMessageId_AndRenderedTemplate()
    {
        var key = $"feedback:{Guid.NewGuid():N}";
        var entry = await EnqueueAsync(Feedback(key), commit: true);

        app.Service<MailDelivery>().Dispatch([entry.Id]);

        var mail = await WaitForMailAsync(MailOutbox.MessageIdFor(key));
        Assert.Equal("线索办理进展 2026-0042：已分配承办检察官", mail.Message.Subject);
        Assert.Contains("承办检察官：张检察官，联系电话：0311-1234567", mail.Message.TextBody);
        Assert.Contains("2026年03月02日", mail.Message.TextBody);
        Assert.Equal(["liaison.li@example.cn"], mail.EnvelopeTo);
        // The row is marked sent after the SMTP server has accepted the message, so a moment after it arrives.
        await using var connection = await app.OpenConnectionAsync();
        await Eventually.HoldsAsync(async () =>
            await connection.ExecuteScalarAsync<string>("select status from supervision.mail_outbox where id = @Id", entry) == "sent",
            "the outbox row marked sent");
    }

    [Fact]
    public async Task SameIdempotencyKey_WritesOneRow_AndSendsOneMessage()
    {
        var key = $"feedback:{Guid.NewGuid():N}";
        var first = await EnqueueAsync(Feedback(key), commit: true);
        var second = await EnqueueAsync(Feedback(key, "en"), commit: true);

        var delivery = app.Service<MailDelivery>();
        delivery.Dispatch([first.Id, second.Id, first.Id]);
        await WaitForMailAsync(MailOutbox.MessageIdFor(key));
        await delivery.DeliverAsync(first.Id, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(app.Service<SmtpSinkMailbox>().Messages, m => m.Message.MessageId == MailOutbox.MessageIdFor(key));
    }

    [Fact]
    public async Task MailOfARolledBackTransaction_IsNeverSent()
    {
        var key = $"feedback:{Guid.NewGuid():N}";
        var entry = await EnqueueAsync(Feedback(key), commit: false);

        await app.Service<MailDelivery>().DeliverAsync(entry.Id, CancellationToken.None);
        await app.Service<MailDelivery>().SweepAsync(CancellationToken.None);

        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from supervision.mail_outbox where idempotency_key = @key", new { key }));
        Assert.DoesNotContain(app.Service<SmtpSinkMailbox>().Messages, m => m.Message.MessageId == MailOutbox.MessageIdFor(key));
    }

    private async Task<OutboxEntry> EnqueueAsync(OutgoingMail mail, bool commit)
    {
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var entry = await app.Service<MailOutbox>().EnqueueAsync(connection, transaction, mail, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return entry;
    }

    private Task<ReceivedMail> WaitForMailAsync(string messageId) =>
        Eventually.ReturnsAsync(() => Task.FromResult(app.Service<SmtpSinkMailbox>().Messages.FirstOrDefault(m => m.Message.MessageId == messageId)),
            $"the SMTP sink to receive {messageId}");
}
