using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>Parses and validates a BPMN file; <c>topics</c> null skips the handler check (already deployed).</summary>
internal static class ModelReader
{
    public static BpmnDefinitions Read(string xml, IReadOnlySet<string>? topics) =>
        throw new NotImplementedException("Waits for the parser from branch engine-model.");
}
