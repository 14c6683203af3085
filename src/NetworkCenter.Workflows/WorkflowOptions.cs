namespace NetworkCenter.Workflows;

/// <summary>Settings under <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder whose <c>*.bpmn</c> files are deployed at start-up; relative paths are beside the binaries.</summary>
    public string Directory { get; set; } = "workflows";
}
