using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Parsing;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>Parses a stored definition (already validated when deployed) or parses and validates an upload.</summary>
internal sealed class ModelReader(DefinitionValidator validator)
{
    public static BpmnDefinitions Parse(string xml) => BpmnParser.Parse(xml);

    public BpmnDefinitions Validate(string xml, IReadOnlySet<string> topics) => validator.ParseAndValidate(xml, topics);
}
