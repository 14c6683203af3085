using System.Net.Http.Json;
using MimeKit;
using NetworkCenter.Supervision.Mail;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class MailDeliveryFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task MailSender_DeliversThroughSmtp_ToTheSink_ReadableAtDevMail()
    {
        var message = new MimeMessage();
        message.To.Add(new MailboxAddress("联络员 王某", "liaison.wang@example.cn"));
        message.Subject = "线索受理通知 2026-0001";
        message.MessageId = $"{Guid.NewGuid():N}@networkcenter.test";
        message.Body = new TextPart("plain") { Text = "您提供的线索已登记。" };

        await app.Service<IMailSender>().SendAsync(message, CancellationToken.None);

        using var client = await app.SignedInClientAsync();
        var received = await client.GetFromJsonAsync<List<MailSummary>>("/dev/mail/messages");
        var mail = Assert.Single(received!, m => m.MessageId == message.MessageId);
        Assert.Equal("线索受理通知 2026-0001", mail.Subject);
        Assert.Equal(["liaison.wang@example.cn"], mail.EnvelopeTo);
        Assert.Contains("您提供的线索已登记", mail.TextBody);
        // The sender falls back to the configured From address when the message has none.
        Assert.Equal("network-center@procuratorate.example", mail.EnvelopeFrom);
    }

    private sealed record MailSummary(int Number, string? MessageId, string EnvelopeFrom, string[] EnvelopeTo, string? Subject, string? TextBody);
}
