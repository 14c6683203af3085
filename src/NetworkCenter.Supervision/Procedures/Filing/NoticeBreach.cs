using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Filing;

/// <summary>
/// <c>filing-notice-breach</c>: the written notice was not out within its period. The breach is kept in the audit log
/// and, through the variables this returns, in the instance's journal.
/// </summary>
internal sealed class NoticeBreach(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "filing-notice-breach";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        await work.RunAsync(async (connection, transaction, _) =>
        {
            // At least once: a second run of this job finds the first one's entry and adds none.
            var key = context.Key();
            await connection.ExecuteAsync("select pg_advisory_xact_lock(hashtext(@key))", new { key }, transaction);
            if (await connection.ExecuteScalarAsync<bool>(
                "select exists (select 1 from supervision.audit_log where action = 'notice-period-breached' and details ->> 'key' = @key)",
                new { key }, transaction))
            {
                return 0;
            }
            await Audit.AuditLog.AppendAsync(connection, transaction, work.Now, Audit.Actor.System, "notice-period-breached", $"clue:{clueId}",
                new { key, instanceId = context.InstanceId, element = context.ElementId, decision = context.GetString("decision") });
            return 0;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["noticeBreached"] = true,
            ["noticeBreachedAt"] = work.Now,
        });
    }
}
