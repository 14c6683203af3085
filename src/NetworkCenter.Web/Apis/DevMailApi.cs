using System.Text;
using System.Text.Encodings.Web;
using NetworkCenter.Supervision.Mail.Sink;

namespace NetworkCenter.Web.Apis;

/// <summary>
/// What the in-process SMTP sink received, for developers: <c>/dev/mail</c> as a page, <c>/dev/mail/messages</c>
/// as JSON, <c>/dev/mail/{n}.eml</c> as the raw message. Mapped only when the sink runs.
/// </summary>
public static class DevMailApi
{
    public sealed record MailSummary(
        int Number, DateTimeOffset ReceivedAt, string? MessageId, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo,
        string? Subject, string? TextBody, IReadOnlyList<string> Attachments);

    public static void MapDevMail(this WebApplication app)
    {
        if (app.Services.GetService<SmtpSinkMailbox>() is null)
        {
            return;
        }
        var group = app.MapGroup("/dev/mail").ExcludeFromDescription();
        group.MapGet("/messages", (SmtpSinkMailbox mailbox) => TypedResults.Ok(mailbox.Messages.Select(Summarise)));
        group.MapGet("/{number:int}.eml", async (int number, SmtpSinkMailbox mailbox, HttpContext http) =>
        {
            if (mailbox.Find(number) is not { } mail)
            {
                return Results.NotFound();
            }
            using var buffer = new MemoryStream();
            await mail.Message.WriteToAsync(buffer, http.RequestAborted);
            return Results.File(buffer.ToArray(), "message/rfc822", $"{number}.eml");
        });
        group.MapGet("", (SmtpSinkMailbox mailbox) => Results.Content(Render(mailbox.Messages), "text/html; charset=utf-8"));
    }

    private static MailSummary Summarise(ReceivedMail mail) => new(
        mail.Number, mail.ReceivedAt, mail.Message.MessageId, mail.EnvelopeFrom, mail.EnvelopeTo, mail.Message.Subject,
        mail.Message.TextBody, [.. mail.Message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "attachment")]);

    private static string Render(IReadOnlyList<ReceivedMail> messages)
    {
        var html = HtmlEncoder.Default;
        var rows = new StringBuilder();
        foreach (var mail in messages.Reverse())
        {
            rows.Append(CultureInvariant($"<tr><td>{mail.Number}</td><td>{mail.ReceivedAt:u}</td><td>{html.Encode(string.Join(", ", mail.EnvelopeTo))}</td>"))
                .Append(CultureInvariant($"<td><a href=\"/dev/mail/{mail.Number}.eml\">{html.Encode(mail.Message.Subject ?? "(no subject)")}</a></td>"))
                .Append(CultureInvariant($"<td>{mail.Message.Attachments.Count()}</td></tr>"));
        }
        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development mail</title></head>
            <body><h1>Mail received by the development SMTP sink</h1>
            <table><thead><tr><th>#</th><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead>
            <tbody>{rows}</tbody></table></body></html>
            """;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
