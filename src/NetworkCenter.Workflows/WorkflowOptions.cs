namespace NetworkCenter.Workflows;

/// <summary>Settings under <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>
    /// The folder whose <c>*.bpmn</c> files are deployed at start-up; relative paths are beside the binaries. Empty: the
    /// repository's <c>workflows</c> when running from a source tree (the content root's <c>../../workflows</c> exists,
    /// as under <c>dotnet run</c>), else <c>workflows</c> beside the binaries.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The folder of the task forms (<c>*.form</c>), read by the engine when a task is completed and written by the form
    /// editor; relative paths are beside the binaries. Empty: <c>forms</c> inside <see cref="Directory"/>'s folder.
    /// </summary>
    public string? FormsDirectory { get; set; }

    /// <summary>
    /// Timers due within this span are handed to Hangfire when they are written; later ones are handed over by a
    /// recurring job, every 20 seconds, as they come within it. Most long timers (a P1D boundary on a task done in
    /// minutes) are cancelled before that and never cost a Hangfire job. At least one minute, so that a timer is handed
    /// over well before it is due even when a hand-over run is late.
    /// </summary>
    public TimeSpan TimerHorizon { get; set; } = TimeSpan.FromMinutes(2);
}
