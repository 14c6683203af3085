using System.Security.Cryptography;
using Dapper;
using MimeKit;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Clues.Attachments;
using Npgsql;

namespace NetworkCenter.Supervision.Intake.Imap;

/// <summary>
/// Turns one email into a draft clue inside the caller's transaction: the sender matched to an active liaison by
/// address (who then gets the credit), subject and text as the summary, each acceptable attachment stored and each
/// refused one named in the draft's history. Kind and register number wait for the clue administrator.
/// </summary>
internal static class DraftFromMessage
{
    public const string Actor = "mail-intake";

    public static string KeyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return message.MessageId.Trim();
        }
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static async Task<long> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MimeMessage message,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var liaison = sender is null ? null : await connection.QueryFirstOrDefaultAsync<LiaisonRow>("""
            select id as Id, office_id as OfficeId from supervision.liaisons
            where lower(email) = lower(@Address) and active order by id limit 1
            """, new { sender.Address }, transaction);
        var files = new List<IncomingAttachment>();
        try
        {
            foreach (var part in message.Attachments.OfType<MimePart>())
            {
                await using var content = part.Content?.Open() ?? Stream.Null;
                files.Add(await IncomingAttachment.SpoolAsync(part.FileName, part.ContentType.MimeType, content, cancellationToken));
            }
            var refused = new ProblemList(); // a job, outside any request: the reasons are English
            var accepted = RegisterClue.CheckFiles(files, refused);
            var received = message.Date != default && message.Date <= now ? message.Date : now;
            var clue = new ClueInput(
                SourceKinds.Email, liaison?.OfficeId, liaison?.Id, sender?.Address, received, Kind: null, PublicInterestArea: null,
                Parties: null, Court: null, CaseNumber: null, JudgmentDate: null, Judge: null, Agents: null, Summary: SummaryOf(message),
                AmountInvolved: null, Reporter: new ReporterInput(NullIfEmpty(sender?.Name), null, null, sender?.Address));
            var note = $"received by email from {sender?.Address ?? "an unknown sender"}"
                + (liaison is null ? ", matching no liaison" : $", liaison {liaison.Id}")
                + (refused.Count > 0 ? "; attachments refused: " + string.Join("; ", refused.ToDictionary().Values.SelectMany(v => v)) : "");
            return await NewClueRows.InsertDraftAsync(connection, transaction, clue,
                new NewClueRows.Source(SourceKinds.Email, liaison?.OfficeId, liaison?.Id, sender?.Address), received, accepted, Actor, now, note);
        }
        finally
        {
            foreach (var file in files) await file.DisposeAsync();
        }
    }

    /// <summary>Subject and plain text; an HTML-only message is kept as its HTML source, as text.</summary>
    private static string SummaryOf(MimeMessage message)
    {
        var body = message.TextBody ?? message.HtmlBody ?? "";
        var summary = string.IsNullOrWhiteSpace(message.Subject) ? body : $"{message.Subject}\n\n{body}";
        summary = summary.Trim();
        if (summary.Length == 0) summary = "(empty message)";
        return summary.Length > ValidateClue.MaxSummary ? summary[..ValidateClue.MaxSummary] : summary;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record LiaisonRow(long Id, long? OfficeId);
}
