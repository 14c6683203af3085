namespace NetworkCenter.Supervision.Procedures.Deadlines;

/// <summary>What reminders and escalations say about a task.</summary>
internal static class DeadlineMail
{
    public static Dictionary<string, object?> Data(ClueFacts clue, OpenTaskFacts task, string recipientName, string language, DateTimeOffset now) => new()
    {
        ["recipientName"] = recipientName,
        ["registerNumber"] = clue.RegisterNumber,
        ["taskName"] = task.Name ?? task.ElementId,
        ["assignee"] = task.Assignee,
        ["due"] = task.DueAt is { } due ? ProcedureVariables.Local(new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))) : null,
        ["centerName"] = ProcedureVariables.CenterName(language),
        ["date"] = ProcedureVariables.Local(now),
    };
}
