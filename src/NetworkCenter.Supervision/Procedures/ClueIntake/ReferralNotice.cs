using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.ClueIntake;

/// <summary>
/// <c>clue-referral-notice</c>: a clue outside the procuratorate's jurisdiction is referred to <c>referredTo</c>; the
/// clue becomes <c>referred</c> and whoever sent it is told where it went.
/// </summary>
internal sealed class ReferralNotice(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "clue-referral-notice";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var referredTo = context.Required("referredTo");
        var told = await work.RunAsync(async (connection, transaction, mails) =>
        {
            await ProcedureQueries.SetStatusAsync(connection, transaction, clueId, "referred", $"referred to {referredTo}", work.Now);
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            foreach (var sender in await ProcedureQueries.SendersAsync(connection, transaction, clue))
            {
                mails.Add(new OutgoingMail(context.Key(sender.Key), sender.Email, sender.Name, sender.Language, "referral-notice",
                    new Dictionary<string, object?>
                    {
                        ["recipientName"] = sender.Name,
                        ["registerNumber"] = clue.RegisterNumber,
                        ["referredTo"] = referredTo,
                        ["centerName"] = ProcedureVariables.CenterName(sender.Language),
                        ["date"] = ProcedureVariables.Local(work.Now),
                    }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["referralNoticesSent"] = told });
    }
}
