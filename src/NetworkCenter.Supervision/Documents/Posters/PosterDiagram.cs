using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace NetworkCenter.Supervision.Documents.Posters;

/// <summary>A shape of the diagram: the BPMN element's kind (its local name), name and markers, at its DI bounds.</summary>
public sealed record PosterShape(
    string Id, string Kind, string? Name, double X, double Y, double Width, double Height, string? EventKind, bool Interrupting,
    bool Expanded);

/// <summary>A connection of the diagram along its DI waypoints.</summary>
public sealed record PosterEdge(string Id, string Kind, string? Name, IReadOnlyList<(double X, double Y)> Points, bool IsDefault);

/// <summary>What a poster draws: the process's name and its diagram as BPMNDI lays it out.</summary>
public sealed record PosterDiagram(string Title, IReadOnlyList<PosterShape> Shapes, IReadOnlyList<PosterEdge> Edges)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    private static readonly string[] EventDefinitions =
        ["timer", "message", "terminate", "error", "signal", "escalation", "conditional", "compensate", "link"];

    /// <summary>
    /// Reads the diagram of <paramref name="processKey"/> from a BPMN file (namespaces by URI, no DTD); null when the
    /// file has no diagram information for it to draw.
    /// </summary>
    public static PosterDiagram? Read(string xml, string processKey)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = XDocument.Load(reader);
        var process = document.Descendants(Bpmn + "process").FirstOrDefault(p => (string?)p.Attribute("id") == processKey);
        var elements = document.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null)
            .GroupBy(e => (string)e.Attribute("id")!).ToDictionary(g => g.Key, g => g.First());
        var shapes = new List<PosterShape>();
        var edges = new List<PosterEdge>();
        foreach (var di in document.Descendants(BpmnDi + "BPMNShape"))
        {
            if (di.Element(Dc + "Bounds") is not { } bounds || !elements.TryGetValue((string?)di.Attribute("bpmnElement") ?? "", out var element))
            {
                continue;
            }
            var eventKind = element.Elements().Select(c => c.Name.LocalName)
                .Select(n => n.EndsWith("EventDefinition", StringComparison.Ordinal) ? n[..^"EventDefinition".Length] : null)
                .FirstOrDefault(n => n is not null && EventDefinitions.Contains(n));
            shapes.Add(new PosterShape(
                (string)element.Attribute("id")!, element.Name.LocalName, Name(element), Number(bounds, "x"), Number(bounds, "y"),
                Number(bounds, "width"), Number(bounds, "height"), eventKind,
                Interrupting: (string?)element.Attribute("cancelActivity") != "false",
                Expanded: (string?)di.Attribute("isExpanded") != "false"));
        }
        var defaults = elements.Values.Select(e => (string?)e.Attribute("default")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var di in document.Descendants(BpmnDi + "BPMNEdge"))
        {
            var points = di.Elements(Di + "waypoint").Select(p => (Number(p, "x"), Number(p, "y"))).ToList();
            if (points.Count < 2 || !elements.TryGetValue((string?)di.Attribute("bpmnElement") ?? "", out var element))
            {
                continue;
            }
            var id = (string)element.Attribute("id")!;
            edges.Add(new PosterEdge(id, element.Name.LocalName, Name(element), points, defaults.Contains(id)));
        }
        return shapes.Count == 0 ? null : new PosterDiagram(Name(process) ?? processKey, shapes, edges);
    }

    private static string? Name(XElement? element) =>
        element?.Attribute("name")?.Value is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;

    private static double Number(XElement element, string attribute) =>
        double.TryParse((string?)element.Attribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
