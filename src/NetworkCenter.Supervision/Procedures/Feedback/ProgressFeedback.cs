using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Feedback;

/// <summary>
/// <c>progress-feedback.{stage}</c>: the clue enters a stage, and every liaison who gave it is told in their language —
/// the procedural status only, never the contents (liaisons are not parties). Once per clue, stage and liaison.
/// </summary>
internal abstract class ProgressFeedback(ProcedureWork work) : IServiceTaskHandler
{
    /// <summary>The stage, which is also the clue's status.</summary>
    protected abstract string Stage { get; }

    public string Topic => $"progress-feedback.{Stage}";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var told = await work.RunAsync(async (connection, transaction, mails) =>
        {
            await ProcedureQueries.SetStatusAsync(connection, transaction, clueId, Stage, $"{context.InstanceId:N}:{context.ElementId}", work.Now);
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var procurator = clue.AssignedProcuratorId is { } staffId ? await ProcedureQueries.StaffByIdAsync(connection, transaction, staffId) : null;
            foreach (var liaison in await ProcedureQueries.SourceLiaisonsAsync(connection, transaction, clueId))
            {
                mails.Add(new OutgoingMail($"progress-feedback:{clueId}:{Stage}:{liaison.Key}", liaison.Email, liaison.Name, liaison.Language,
                    "progress-feedback", new Dictionary<string, object?>
                    {
                        ["recipientName"] = liaison.Name,
                        ["registerNumber"] = clue.RegisterNumber,
                        ["stage"] = Stage,
                        ["stageName"] = StageNames.Of(Stage, liaison.Language),
                        ["procuratorName"] = procurator?.Name,
                        ["procuratorPhone"] = procurator?.Phone,
                        ["centerName"] = ProcedureVariables.CenterName(liaison.Language),
                        ["date"] = ProcedureVariables.Local(work.Now),
                    }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["feedbackStage"] = Stage, ["feedbackRecipients"] = told });
    }
}

internal sealed class RegisteredFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "registered";
}

internal sealed class AssignedFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "assigned";
}

internal sealed class FiledFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "filed";
}

internal sealed class NotFiledFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "not-filed";
}

internal sealed class ProtestProposedFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "protest-proposed";
}

internal sealed class ClosedFeedback(ProcedureWork work) : ProgressFeedback(work)
{
    protected override string Stage => "closed";
}
