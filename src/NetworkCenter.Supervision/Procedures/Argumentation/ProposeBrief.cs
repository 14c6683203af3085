using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// <c>argumentation-propose-brief</c>: proposes the pseudonymised brief (variable <c>briefDraft</c>, the procurator's
/// starting point) and stores the pseudonym key apart from it, never in a variable.
/// </summary>
internal sealed class ProposeBrief(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "argumentation-propose-brief";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var draft = await work.RunAsync(async (connection, transaction, _) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var people = await ClueIdentities.LoadAsync(connection, transaction, clueId);
            var proposal = BriefAnonymiser.Propose(clue, people);
            await connection.ExecuteAsync("""
                insert into supervision.argumentation_briefs (instance_id, clue_id, proposed, created_at)
                values (@InstanceId, @clueId, @Text, @now) on conflict (instance_id) do nothing
                """, new { context.InstanceId, clueId, proposal.Text, now = work.Now }, transaction);
            foreach (var entry in proposal.Key)
            {
                await connection.ExecuteAsync("""
                    insert into supervision.argumentation_pseudonym_keys (instance_id, pseudonym, real_name, kind)
                    values (@InstanceId, @Pseudonym, @RealName, @Kind) on conflict do nothing
                    """, new { context.InstanceId, entry.Pseudonym, entry.RealName, entry.Kind }, transaction);
            }
            return await connection.ExecuteScalarAsync<string>(
                "select proposed from supervision.argumentation_briefs where instance_id = @InstanceId", new { context.InstanceId }, transaction);
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["briefDraft"] = draft });
    }
}
