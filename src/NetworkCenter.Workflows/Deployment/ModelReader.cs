using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Parsing;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>Parses and validates a BPMN file; with <c>topics</c> null the handler check is skipped (already deployed).</summary>
internal static class ModelReader
{
    public static BpmnDefinitions Read(string xml, IReadOnlySet<string>? topics)
    {
        var parsed = BpmnParser.Parse(xml);
        if (topics is null)
        {
            return parsed;
        }
        var problems = parsed.Problems.ToList();
        foreach (var process in parsed.Processes)
        {
            foreach (var node in process.Elements.Values)
            {
                var topic = node switch { ExternalWorkActivity a => a.Topic, EndEvent e => e.Topic, _ => null };
                if (topic is not null && !topics.Contains(topic))
                {
                    problems.Add(new DefinitionProblem(node.Id, $"no service-task handler serves topic '{topic}'"));
                }
            }
        }
        return parsed with { Problems = problems };
    }
}
