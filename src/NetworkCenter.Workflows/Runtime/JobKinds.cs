namespace NetworkCenter.Workflows.Runtime;

internal static class JobKinds
{
    /// <summary>A service or send task, a message end event: a handler found by topic.</summary>
    public const string Service = "service";

    /// <summary>A called instance ended; its parent continues (the topic column holds the called instance's id).</summary>
    public const string Resume = "resume";
}
