namespace NetworkCenter.Supervision.Mail.Outbox;

/// <summary>
/// A message a procedure step decided to send: to whom, in which language, from which template and data. The
/// idempotency key names the decision (e.g. <c>contact-card:{clueId}:{procuratorId}</c>): the same key is sent once.
/// </summary>
public sealed record OutgoingMail(
    string IdempotencyKey,
    string RecipientAddress,
    string? RecipientName,
    string Language,
    string Template,
    IReadOnlyDictionary<string, object?> Data,
    IReadOnlyList<MailAttachment>? Attachments = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
