using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// <c>argumentation-check-brief</c>: the procurator's <c>brief</c> is released only when no known name or number of the
/// clue appears in it; otherwise <c>briefAccepted</c> is false and <c>briefProblems</c> says what is left, and the
/// definition sends it back for editing.
/// </summary>
internal sealed class CheckBrief(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "argumentation-check-brief";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var brief = context.Required("brief");
        var findings = await work.RunAsync(async (connection, transaction, _) =>
        {
            var people = await ClueIdentities.LoadAsync(connection, transaction, clueId);
            var found = BriefAnonymiser.Findings(brief, people);
            if (found.Count == 0)
            {
                await connection.ExecuteAsync(
                    "update supervision.argumentation_briefs set released = @brief, released_at = @now where instance_id = @InstanceId",
                    new { brief, now = work.Now, context.InstanceId }, transaction);
            }
            return found;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["briefAccepted"] = findings.Count == 0,
            ["briefProblems"] = string.Join("；", findings),
        });
    }
}
