using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.ClueIntake;

/// <summary>
/// <c>clue-assign-procurator</c>: the clue is assigned to the staff member whose username is <c>procurator</c>; gives
/// the procedures after it <c>procuratorName</c> and <c>procuratorPhone</c>.
/// </summary>
internal sealed class AssignProcurator(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "clue-assign-procurator";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var username = context.Required("procurator");
        var procurator = await work.RunAsync(async (connection, transaction, _) =>
        {
            var staff = await ProcedureQueries.StaffByUsernameAsync(connection, transaction, username)
                ?? throw new BpmnErrorException("unknown-procurator", $"No staff member has the username '{username}'.");
            await connection.ExecuteAsync("update supervision.clues set assigned_procurator_id = @StaffId, updated_at = @now where id = @clueId",
                new { staff.StaffId, now = work.Now, clueId }, transaction);
            await ProcedureQueries.SetStatusAsync(connection, transaction, clueId, "assigned", $"assigned to {staff.Username}", work.Now);
            return staff;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["procuratorName"] = procurator.Name,
            ["procuratorPhone"] = procurator.Phone,
        });
    }
}
