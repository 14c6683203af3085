using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Mail.Templates;
using Npgsql;

namespace NetworkCenter.Supervision.Mail.Outbox;

/// <summary>
/// Writes outgoing mail into the outbox inside the caller's transaction, rendered from its template at that moment
/// (so what was decided is what is sent, even if a template changes later). Delivery happens after commit.
/// </summary>
public sealed class MailOutbox(MailTemplates templates, TimeProvider clock)
{
    /// <summary>The outbox row for <paramref name="mail"/>: a new one, or the existing one when the key was used before.</summary>
    public async Task<OutboxEntry> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var rendered = await templates.RenderAsync(mail.Template, mail.Language, mail.Data, cancellationToken);
        var now = clock.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into supervision.mail_outbox
                (idempotency_key, message_id, recipient_address, recipient_name, language, template, data,
                 subject, text_body, next_attempt_at, created_at)
            values (@IdempotencyKey, @MessageId, @RecipientAddress, @RecipientName, @Language, @Template, @Data::jsonb,
                    @Subject, @TextBody, @Now, @Now)
            on conflict (idempotency_key) do nothing
            returning id
            """,
            new
            {
                mail.IdempotencyKey,
                MessageId = MessageIdFor(mail.IdempotencyKey),
                mail.RecipientAddress,
                mail.RecipientName,
                mail.Language,
                mail.Template,
                Data = JsonSerializer.Serialize(mail.Data),
                rendered.Subject,
                TextBody = rendered.Body,
                Now = now,
            }, transaction, cancellationToken: cancellationToken));
        if (id is null)
        {
            var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "select id from supervision.mail_outbox where idempotency_key = @key", new { key = mail.IdempotencyKey }, transaction,
                cancellationToken: cancellationToken));
            return new OutboxEntry(existing, Created: false);
        }
        foreach (var attachment in mail.Attachments ?? [])
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into supervision.mail_outbox_attachments (outbox_id, file_name, content_type, content)
                values (@id, @FileName, @ContentType, @Content)
                """, new { id, attachment.FileName, attachment.ContentType, attachment.Content }, transaction, cancellationToken: cancellationToken));
        }
        return new OutboxEntry(id.Value, Created: true);
    }

    /// <summary>The same key always gives the same Message-Id, so a duplicate delivery is recognisable as one.</summary>
    public static string MessageIdFor(string idempotencyKey)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        return $"{hash}@networkcenter";
    }
}

public sealed record OutboxEntry(long Id, bool Created);
