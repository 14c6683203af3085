using Dapper;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// <c>argumentation-report</c>: the argumentation report goes, for the record, to the county people's congress and the
/// city procuratorate's civil-administrative office (<c>reportRecipients</c>, set by the definition) — aggregated and
/// anonymised: kind, number of participants, proposed handling, outcome and decider, and the report text with every
/// identity of the clue replaced.
/// </summary>
internal sealed class ReportUp(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "argumentation-report";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var recipients = context.Required("reportRecipients").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var people = await ClueIdentities.LoadAsync(connection, transaction, clueId);
            var key = (await connection.QueryAsync<BriefAnonymiser.KeyEntry>("""
                select pseudonym as Pseudonym, real_name as RealName, kind as Kind from supervision.argumentation_pseudonym_keys where instance_id = @InstanceId
                """, new { context.InstanceId }, transaction)).ToList();
            var participants = await connection.ExecuteScalarAsync<int>(
                "select count(*) from supervision.argumentation_participants where instance_id = @InstanceId", new { context.InstanceId }, transaction);
            var report = BriefAnonymiser.Apply(context.GetString("report") ?? "", key, people);
            foreach (var address in recipients)
            {
                mails.Add(new OutgoingMail(context.Key(address), address, null, "zh-CN", "argumentation-report", new Dictionary<string, object?>
                {
                    ["clueKind"] = clue.Kind,
                    ["participants"] = participants,
                    ["proposedHandling"] = context.GetString("proposedHandling"),
                    ["outcome"] = context.GetString("outcome"),
                    ["deciderRole"] = context.GetString("deciderRole"),
                    ["report"] = report,
                    ["centerName"] = ProcedureVariables.CenterName("zh-CN"),
                    ["date"] = ProcedureVariables.Local(work.Now),
                }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["reportsSent"] = sent });
    }
}
