using Dapper;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures.Deadlines;

internal sealed record OpenTaskFacts(string ElementId, string? Name, string? Assignee, string[] CandidateGroups, DateTime? DueAt);

/// <summary>
/// The task a reminder or escalation is about. The convention of the definitions: the service task on a timer boundary
/// of task <c>X</c> is called <c>Remind_X</c> or <c>Escalate_X</c>.
/// </summary>
internal static class OpenTask
{
    public static async Task<OpenTaskFacts?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ServiceTaskContext context)
    {
        var separator = context.ElementId.IndexOf('_', StringComparison.Ordinal);
        var taskElement = separator < 0 ? context.ElementId : context.ElementId[(separator + 1)..];
        var row = await connection.QueryFirstOrDefaultAsync<Row>("""
            select element_id as ElementId, name as Name, assignee as Assignee, candidate_groups as CandidateGroups, due_at as DueAt
            from engine.tasks where instance_id = @InstanceId and element_id = @taskElement and status = 'open'
            order by created_at desc
            """, new { context.InstanceId, taskElement }, transaction);
        return row is null ? null : new OpenTaskFacts(row.ElementId, row.Name, row.Assignee, row.CandidateGroups, row.DueAt);
    }

    // Settable properties: Dapper hands text[] to constructors as System.Array.
    private sealed class Row
    {
        public string ElementId { get; set; } = "";
        public string? Name { get; set; }
        public string? Assignee { get; set; }
        public string[] CandidateGroups { get; set; } = [];
        public DateTime? DueAt { get; set; }
    }
}
