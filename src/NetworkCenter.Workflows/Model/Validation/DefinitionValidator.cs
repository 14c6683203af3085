using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model.Parsing;

namespace NetworkCenter.Workflows.Model.Validation;

/// <summary>
/// Checks a parsed file against the engine's contract and returns every problem at once; it never throws for bad
/// input. Only executable processes are checked: a pool that documents a partner is never run.
/// </summary>
public sealed class DefinitionValidator(IExpressionEvaluator expressions)
{
    /// <summary>
    /// Parses and validates: the definitions with the parser's and the validator's problems together. Deploy only when
    /// <see cref="BpmnDefinitions.IsValid"/>.
    /// </summary>
    /// <param name="xml">The uploaded file.</param>
    /// <param name="knownTopics">Topics that have a service-task handler.</param>
    /// <param name="options">Parser limits; the defaults when null.</param>
    public BpmnDefinitions ParseAndValidate(string xml, IReadOnlySet<string> knownTopics, BpmnParserOptions? options = null)
    {
        var parsed = BpmnParser.Parse(xml, options);
        return parsed with { Problems = [.. parsed.Problems, .. Validate(parsed, knownTopics)] };
    }

    /// <summary>The semantic problems of already parsed definitions (the parser's own problems are not repeated).</summary>
    public IReadOnlyList<DefinitionProblem> Validate(BpmnDefinitions definitions, IReadOnlySet<string> knownTopics)
    {
        var problems = new List<DefinitionProblem>();
        if (definitions.Processes.Count == 0)
        {
            return problems;
        }

        var executable = definitions.ExecutableProcesses.ToList();
        if (executable.Count == 0)
        {
            problems.AddRange(definitions.Processes.Select(p =>
                new DefinitionProblem(p.Id, BpmnMessages.NotExecutable(p.Id))));
            return problems;
        }

        foreach (var process in executable)
        {
            var rules = new ElementRules(process, expressions, knownTopics, problems);
            CheckStartEvents(process, problems);
            CheckFlows(process, problems);
            foreach (var node in process.Elements.Values)
            {
                rules.Check(node);
            }
        }

        return problems;
    }

    private static void CheckStartEvents(ProcessDefinitionModel process, List<DefinitionProblem> problems)
    {
        if (process.StartEvents.Count == 0)
        {
            problems.Add(new DefinitionProblem(process.Id, BpmnMessages.NoStartEvent(process.Id)));
        }

        var noneStarts = process.StartEvents.Where(s => s.Definition is null).ToList();
        if (noneStarts.Count > 1)
        {
            problems.AddRange(noneStarts.Skip(1).Select(s =>
                new DefinitionProblem(s.Id, BpmnMessages.SeveralNoneStarts())));
        }
    }

    private static void CheckFlows(ProcessDefinitionModel process, List<DefinitionProblem> problems)
    {
        foreach (var flow in process.Flows.Values)
        {
            var source = process.Elements.GetValueOrDefault(flow.SourceId);
            var target = process.Elements.GetValueOrDefault(flow.TargetId);
            if (source is null && !process.RefusedElementIds.Contains(flow.SourceId))
            {
                problems.Add(new DefinitionProblem(flow.Id, BpmnMessages.UnknownSource(flow.SourceId, process.Id)));
            }

            if (target is null && !process.RefusedElementIds.Contains(flow.TargetId))
            {
                problems.Add(new DefinitionProblem(flow.Id, BpmnMessages.UnknownTarget(flow.TargetId, process.Id)));
            }

            if ((source is not null && source.ParentId != flow.ParentId) || (target is not null && target.ParentId != flow.ParentId))
            {
                problems.Add(new DefinitionProblem(flow.Id, BpmnMessages.CrossesSubProcess()));
            }

            if (source is EndEvent)
            {
                problems.Add(new DefinitionProblem(flow.Id, BpmnMessages.LeavesEndEvent(source.Id)));
            }

            if (target is StartEvent or BoundaryEvent)
            {
                problems.Add(new DefinitionProblem(flow.Id, BpmnMessages.Enters(target.Kind, target.Id)));
            }
        }
    }
}
