using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NetworkCenter.Supervision.Mail;

/// <summary>Delivers one message through the configured SMTP server with MailKit.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class MailSender(IOptionsMonitor<SmtpOptions> options, ILogger<MailSender> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host); the message was not sent.");
        }
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        }
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        var response = await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // The server has accepted the message: a QUIT that fails (the server going down right after) must not make
            // the outbox count the message as failed and send it a second time.
            logger.LogWarning("Mail {MessageId} accepted, but the SMTP session did not close cleanly: {Reason}", message.MessageId, e.Message);
        }
        logger.LogInformation("Sent mail {MessageId} to {Recipients}: {Response}", message.MessageId, message.To.ToString(), response);
    }
}
