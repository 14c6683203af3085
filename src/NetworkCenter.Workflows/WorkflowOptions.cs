namespace NetworkCenter.Workflows;

/// <summary>Settings under <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder whose <c>*.bpmn</c> files are deployed at start-up; relative paths are beside the binaries.</summary>
    public string Directory { get; set; } = "workflows";

    /// <summary>
    /// Timers due within this span are handed to Hangfire when they are written; later ones are handed over by a
    /// recurring job, every 20 seconds, as they come within it. Most long timers (a P1D boundary on a task done in
    /// minutes) are cancelled before that and never cost a Hangfire job. At least one minute, so that a timer is handed
    /// over well before it is due even when a hand-over run is late.
    /// </summary>
    public TimeSpan TimerHorizon { get; set; } = TimeSpan.FromMinutes(2);
}
