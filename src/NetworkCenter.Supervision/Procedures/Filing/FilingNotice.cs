using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Filing;

/// <summary>
/// <c>filing-notice-send</c>: the approved written notice of the decision — a PDF from the <c>filing-notice</c> letter
/// template (register number, decision, the reasons the department head let stand) — emailed to each liaison who gave
/// the clue, else to whoever sent it.
/// </summary>
internal sealed class FilingNotice(ProcedureWork work, LetterRenderer letters) : IServiceTaskHandler
{
    public string Topic => "filing-notice-send";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var decision = context.Required("decision");
        var reasons = context.GetString("noticeReasons");
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            foreach (var recipient in await ProcedureQueries.SendersAsync(connection, transaction, clue))
            {
                var data = new Dictionary<string, object?>
                {
                    ["recipientName"] = recipient.Name,
                    ["registerNumber"] = clue.RegisterNumber,
                    ["decision"] = decision,
                    ["reasons"] = string.IsNullOrWhiteSpace(reasons) ? null : reasons,
                    ["centerName"] = ProcedureVariables.CenterName(recipient.Language),
                    ["date"] = ProcedureVariables.Local(work.Now),
                };
                var pdf = await letters.RenderAsync("filing-notice", recipient.Language, data, cancellationToken);
                mails.Add(new OutgoingMail(context.Key(recipient.Key), recipient.Email, recipient.Name, recipient.Language, "filing-notice", data,
                    [new MailAttachment($"notice-{clue.RegisterNumber}.pdf", "application/pdf", pdf)]));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["noticesSent"] = sent, ["noticeSentAt"] = work.Now });
    }
}
