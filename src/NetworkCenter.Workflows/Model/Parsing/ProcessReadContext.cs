using System.Xml.Linq;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>What reading one process collects: its nodes and flows in document order, and the problems found.</summary>
internal sealed class ProcessReadContext(
    IReadOnlyDictionary<string, MessageDefinition> messages,
    IReadOnlyDictionary<string, ErrorDefinition> errors)
{
    private readonly Dictionary<string, FlowNode> _byId = new(StringComparer.Ordinal);

    public List<FlowNode> Nodes { get; } = [];

    public void Add(FlowNode node)
    {
        Nodes.Add(node);
        _byId.TryAdd(node.Id, node);
    }

    public FlowNode? NodeById(string id) => _byId.GetValueOrDefault(id);

    public List<SequenceFlow> Flows { get; } = [];

    public List<DefinitionProblem> Problems { get; } = [];

    public IReadOnlyDictionary<string, MessageDefinition> Messages => messages;

    public IReadOnlyDictionary<string, ErrorDefinition> Errors => errors;

    /// <summary>Elements left out of the model because they cannot run; flows to them are not reported again.</summary>
    public HashSet<string> RefusedIds { get; } = new(StringComparer.Ordinal);

    public void Problem(string? elementId, string message) => Problems.Add(new DefinitionProblem(elementId, message));

    public void Problem(string? elementId, Localization.ServerMessage message) => Problems.Add(new DefinitionProblem(elementId, message));

    public void Refuse(string elementId, Localization.ServerMessage message)
    {
        RefusedIds.Add(elementId);
        Problem(elementId, message);
    }

    public void Refuse(string elementId, string message)
    {
        RefusedIds.Add(elementId);
        Problem(elementId, message);
    }

    /// <summary>The element's id, or null after reporting that it has none.</summary>
    public string? RequireId(XElement element)
    {
        var id = element.Attr("id");
        if (id is null)
        {
            Problem(null, BpmnMessages.NoId(element.Name.LocalName + element.Where()));
        }

        return id;
    }

    /// <summary><c>camunda:properties</c>; a property given twice keeps its last value.</summary>
    public static IReadOnlyDictionary<string, string> Properties(XElement element)
    {
        var properties = element.CamundaExtensions().Where(e => e.IsCamunda("properties")).Elements(BpmnXml.Camunda + "property")
            .Select(p => (Name: p.Attr("name"), Value: p.Attribute("value")?.Value ?? p.Value))
            .Where(p => p.Name is not null)
            .ToList();
        if (properties.Count == 0)
        {
            return FlowNode.EmptyProperties;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            map[name!] = value;
        }

        return map;
    }

    /// <summary>Camunda extensions whose meaning the engine cannot honour, so accepting them would silently change behaviour.</summary>
    public void RejectUnsupportedCamundaExtensions(XElement element, string id)
    {
        foreach (var extension in element.CamundaExtensions())
        {
            var name = extension.Name.LocalName;
            var problem = name switch
            {
                "executionListener" or "taskListener" => BpmnMessages.Unsupported($"camunda:{name}: listeners are not supported", $"camunda:{name}：不支持监听器"),
                "inputOutput" => BpmnMessages.Unsupported($"camunda:{name}: input/output mappings (camunda:inputOutput) are not supported",
                    $"camunda:{name}：不支持输入/输出映射（camunda:inputOutput）"),
                "connector" => BpmnMessages.Unsupported($"camunda:{name}: connectors are not supported; use camunda:type=\"external\" with camunda:topic",
                    $"camunda:{name}：不支持连接器；请使用 camunda:type=\"external\" 和 camunda:topic"),
                _ => null,
            };
            if (problem is not null)
            {
                Problem(id, problem);
            }
        }
    }
}
