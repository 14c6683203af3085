using MailKit.Security;

namespace NetworkCenter.Supervision.Intake.Imap;

/// <summary>Settings under <c>Intake:Imap</c>: the mailbox liaisons write clues to. Without a host the intake is off.</summary>
public sealed class ImapIntakeOptions
{
    public const string Section = "Intake:Imap";

    /// <summary>The IMAP server; empty disables the intake (and removes its recurring job).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: <c>SslOnConnect</c> for 993, <c>StartTls</c> for 143, <c>None</c> only on loopback.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>How often the mailbox is polled, as a Hangfire cron expression (UTC).</summary>
    public string PollCron { get; set; } = "*/5 * * * *";

    /// <summary>Messages taken per poll; the rest wait for the next one, so one poll never runs for hours.</summary>
    public int MaxMessagesPerPoll { get; set; } = 100;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
