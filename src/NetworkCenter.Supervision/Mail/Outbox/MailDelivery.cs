using Dapper;
using Hangfire;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;

namespace NetworkCenter.Supervision.Mail.Outbox;

/// <summary>
/// Delivers outbox rows through MailKit. Each run re-reads its row under a row lock and does nothing when the row is
/// already sent or not yet due, so Hangfire's at-least-once execution sends a message once; the only second delivery
/// possible is a crash between the SMTP server's acceptance and our commit, and it carries the same Message-Id.
/// </summary>
public sealed class MailDelivery(
    NpgsqlDataSource dataSource, IMailSender sender, IBackgroundJobClient jobs, TimeProvider clock, ILogger<MailDelivery> logger)
{
    /// <summary>Back-off after failed attempt n (1-based); the last value repeats.</summary>
    internal static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>A message still undelivered after this many attempts is marked failed and left for a person to look at.</summary>
    internal const int MaxAttempts = 48;

    /// <summary>
    /// Queues delivery of rows that were just committed. When Hangfire's storage is unreachable (the database went away
    /// after the commit), the rows stay pending and the minutely sweep queues them: the caller's work did commit and
    /// must not fail for this.
    /// </summary>
    public void Dispatch(IEnumerable<long> outboxIds)
    {
        foreach (var id in outboxIds)
        {
            try
            {
                jobs.Enqueue<MailDelivery>(delivery => delivery.DeliverAsync(id, CancellationToken.None));
            }
            catch (BackgroundJobClientException e)
            {
                logger.LogWarning(e, "Mail {OutboxId} committed but not queued; the outbox sweep will queue it", id);
            }
        }
    }

    /// <summary>Delivers one row if it is pending and due.</summary>
    [AutomaticRetry(Attempts = 0)] // retries are the outbox's own (next_attempt_at), so a failure is never sent twice by both
    public async Task DeliverAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OutboxRow>(new CommandDefinition("""
            select id, message_id as MessageId, recipient_address as RecipientAddress, recipient_name as RecipientName,
                   subject, text_body as TextBody, attempts
            from supervision.mail_outbox
            where id = @outboxId and status = 'pending' and next_attempt_at <= @now
            for update skip locked
            """, new { outboxId, now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return;
        }
        var attachments = (await connection.QueryAsync<MailAttachment>(new CommandDefinition("""
            select file_name as FileName, content_type as ContentType, content from supervision.mail_outbox_attachments
            where outbox_id = @outboxId order by id
            """, new { outboxId }, transaction, cancellationToken: cancellationToken))).ToList();
        try
        {
            await sender.SendAsync(Compose(row, attachments), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "update supervision.mail_outbox set status = 'sent', sent_at = @now, attempts = attempts + 1, last_error = null where id = @outboxId",
                new { outboxId, now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException
                                      or ProtocolException or CommandException or TimeoutException or InvalidOperationException)
        {
            var attempts = row.Attempts + 1;
            var permanent = e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } || attempts >= MaxAttempts;
            var next = clock.GetUtcNow() + Backoff[Math.Min(attempts, Backoff.Length) - 1];
            await connection.ExecuteAsync(new CommandDefinition("""
                update supervision.mail_outbox
                set attempts = @attempts, last_error = @error, next_attempt_at = @next, status = case when @permanent then 'failed' else 'pending' end
                where id = @outboxId
                """, new { outboxId, attempts, error = e.Message, next, permanent }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogWarning("Mail {OutboxId} attempt {Attempt} failed ({Reason}); {Outcome}", outboxId, attempts, e.Message,
                permanent ? "given up" : $"next attempt at {next:O}");
            if (!permanent)
            {
                jobs.Schedule<MailDelivery>(delivery => delivery.DeliverAsync(outboxId, CancellationToken.None), next);
            }
        }
    }

    /// <summary>
    /// Queues every pending row that is due: the safety net for a job lost between a commit and its enqueue, and the
    /// way retries happen when the service's clock is manual. Runs as a recurring job every minute.
    /// </summary>
    [DisableConcurrentExecution(60)]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(
            "select id from supervision.mail_outbox where status = 'pending' and next_attempt_at <= @now order by id limit 1000",
            new { now = clock.GetUtcNow() }, cancellationToken: cancellationToken))).ToList();
        Dispatch(due);
        return due.Count;
    }

    private static MimeMessage Compose(OutboxRow row, IReadOnlyList<MailAttachment> attachments)
    {
        var message = new MimeMessage { MessageId = row.MessageId, Subject = row.Subject };
        message.To.Add(new MailboxAddress(row.RecipientName ?? "", row.RecipientAddress));
        var body = new BodyBuilder { TextBody = row.TextBody };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private sealed record OutboxRow(long Id, string MessageId, string RecipientAddress, string? RecipientName, string Subject, string TextBody, int Attempts);
}
