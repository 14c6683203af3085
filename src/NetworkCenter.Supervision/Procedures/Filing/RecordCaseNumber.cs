using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Filing;

/// <summary>
/// <c>record-national-case-number</c>: the national case system stays the system of record for a filed case; its case
/// number (<c>nationalCaseNumber</c>) is kept with the clue.
/// </summary>
internal sealed class RecordCaseNumber(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "record-national-case-number";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var caseNumber = context.Required("nationalCaseNumber").Trim();
        await work.RunAsync(async (connection, transaction, _) =>
        {
            var recordedBy = await connection.QueryFirstOrDefaultAsync<string>("""
                select completed_by from engine.tasks where instance_id = @InstanceId and element_id = 'RecordCaseNumber' and status = 'completed'
                order by completed_at desc
                """, new { context.InstanceId }, transaction) ?? "workflow";
            return await connection.ExecuteAsync("""
                insert into supervision.clue_case_links (clue_id, national_case_number, recorded_by, recorded_at)
                values (@clueId, @caseNumber, @recordedBy, @now)
                on conflict (clue_id) do update set national_case_number = excluded.national_case_number,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                """, new { clueId, caseNumber, recordedBy, now = work.Now }, transaction);
        }, cancellationToken);
        return ServiceTaskResult.Empty;
    }
}
