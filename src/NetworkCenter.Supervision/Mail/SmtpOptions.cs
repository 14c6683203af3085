using MailKit.Security;

namespace NetworkCenter.Supervision.Mail;

/// <summary>Settings under <c>Smtp</c>: the server that delivers the center's email.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The SMTP server. When empty in Development, an in-process sink receives the mail (see <c>/dev/mail</c>).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>Auto</c>, <c>SslOnConnect</c>, <c>StartTls</c> or <c>StartTlsWhenAvailable</c> (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender every message carries.</summary>
    public string FromAddress { get; set; } = "network-center@procuratorate.example";
    public string FromName { get; set; } = "民事行政法律监督信息网络中心";

    /// <summary>How long one connect-and-send may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>/health</c> reports the <c>mail-outbox</c> entry as degraded once the oldest undelivered message has waited
    /// this long, or a message was given up on.
    /// </summary>
    public TimeSpan BacklogDegradedAfter { get; set; } = TimeSpan.FromMinutes(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
