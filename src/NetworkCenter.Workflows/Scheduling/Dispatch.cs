namespace NetworkCenter.Workflows.Scheduling;

internal enum DispatchKind
{
    Timer,
    Job,
}

/// <summary>A timer or job row a command wrote, to hand to Hangfire once the command has committed.</summary>
internal sealed record Dispatch(DispatchKind Kind, Guid Id, DateTimeOffset At)
{
    public static Dispatch Timer(Guid id, DateTimeOffset dueAt) => new(DispatchKind.Timer, id, dueAt);

    public static Dispatch Job(Guid id, DateTimeOffset runAt) => new(DispatchKind.Job, id, runAt);
}
