using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.RapidResponse;

/// <summary>
/// <c>rapid-response-contact-card</c>: at once on assignment, each liaison who gave the clue gets a contact card — the
/// handling procurator's name and telephone, the register number and the stage, in the liaison's language. One card
/// per clue, procurator and liaison: a reassignment sends a new one.
/// </summary>
internal sealed class ContactCard(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "rapid-response-contact-card";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var username = context.Required("procurator");
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var procurator = await ProcedureQueries.StaffByUsernameAsync(connection, transaction, username)
                ?? throw new InvalidOperationException($"No staff member has the username '{username}'.");
            foreach (var liaison in await ProcedureQueries.SourceLiaisonsAsync(connection, transaction, clueId))
            {
                mails.Add(new OutgoingMail($"contact-card:{clueId}:{procurator.StaffId}:{liaison.Key}", liaison.Email, liaison.Name,
                    liaison.Language, "contact-card", new Dictionary<string, object?>
                    {
                        ["recipientName"] = liaison.Name,
                        ["registerNumber"] = clue.RegisterNumber,
                        ["procuratorName"] = procurator.Name,
                        ["procuratorPhone"] = procurator.Phone,
                        ["stageName"] = Feedback.StageNames.Of(clue.Status, liaison.Language),
                        ["centerName"] = ProcedureVariables.CenterName(liaison.Language),
                        ["date"] = ProcedureVariables.Local(work.Now),
                    }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["contactCardsSent"] = sent });
    }
}
