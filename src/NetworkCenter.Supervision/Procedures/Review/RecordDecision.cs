using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Review;

/// <summary>
/// <c>record-decision</c>: the formal decision, stored apart from the discussion that advised it. The decider is who
/// completed the decision task (<c>Decide_*</c>), as the engine recorded it, not what a form says; the decider's role
/// is the definition's routing (<c>deciderRole</c>).
/// </summary>
internal sealed class RecordDecision(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "record-decision";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var decision = context.Required("decision");
        var deciderRole = context.Required("deciderRole");
        var decidedBy = await work.RunAsync(async (connection, transaction, _) =>
        {
            var decider = await connection.QueryFirstOrDefaultAsync<string>("""
                select completed_by from engine.tasks
                where instance_id = @InstanceId and element_id like 'Decide\_%' and status = 'completed'
                order by completed_at desc
                """, new { context.InstanceId }, transaction) ?? "unknown";
            var chair = await connection.QueryFirstOrDefaultAsync<string>("""
                select completed_by from engine.tasks where instance_id = @InstanceId and element_id = 'Discussion' and status = 'completed'
                order by completed_at desc
                """, new { context.InstanceId }, transaction);
            await connection.ExecuteAsync("""
                insert into supervision.clue_decisions (clue_id, instance_id, discussion_recommendation, recommended_instrument, discussion_chair,
                                                        decider_role, decided_by, decision, reasons, decided_at)
                values (@clueId, @InstanceId, @recommendation, @instrument, @chair, @deciderRole, @decider, @decision, @reasons, @now)
                on conflict (instance_id) do nothing
                """, new
            {
                clueId,
                context.InstanceId,
                recommendation = context.GetString("recommendation"),
                instrument = context.GetString("recommendedInstrument"),
                chair,
                deciderRole,
                decider,
                decision,
                reasons = context.GetString("reasons"),
                now = work.Now,
            }, transaction);
            return decider;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["decidedBy"] = decidedBy });
    }
}
