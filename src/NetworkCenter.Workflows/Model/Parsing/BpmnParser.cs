using System.Text;
using System.Xml;
using System.Xml.Linq;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>Limits for reading an uploaded BPMN file.</summary>
public sealed record BpmnParserOptions
{
    /// <summary>Largest file accepted, in bytes (UTF-8); 5 MB by default.</summary>
    public int MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; real models stay far below it, and it keeps reading free of deep recursion.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Most XML elements in one file, diagram included; a model of 500 tasks with its diagram has about 5,000.</summary>
    public int MaxElements { get; init; } = 50_000;

    /// <summary>Longest attribute value; ids, names, references and expressions stay far below it.</summary>
    public int MaxAttributeLength { get; init; } = 32 * 1024;
}

/// <summary>
/// Reads BPMN 2.0 XML into <see cref="BpmnDefinitions"/>: the processes and every problem found while reading (unsupported
/// elements and attributes). It never throws for bad input. <c>DefinitionValidator</c> adds the semantic checks.
/// </summary>
public static class BpmnParser
{
    // Files saved by Chinese-language tools may declare GB18030 or GBK, which .NET decodes only with this provider.
    static BpmnParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static BpmnDefinitions Parse(string xml, BpmnParserOptions? options = null)
    {
        options ??= new BpmnParserOptions();
        if (Encoding.UTF8.GetByteCount(xml) > options.MaxBytes)
        {
            return TooLarge(options);
        }

        return Load(() => XmlReader.Create(new StringReader(xml), Settings(options)), options);
    }

    public static BpmnDefinitions Parse(Stream stream, BpmnParserOptions? options = null)
    {
        options ??= new BpmnParserOptions();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                return TooLarge(options);
            }
        }

        return Load(
            () =>
            {
                buffer.Position = 0;
                return XmlReader.Create(buffer, Settings(options));
            },
            options);
    }

    private static BpmnDefinitions TooLarge(BpmnParserOptions options) =>
        Refused(BpmnMessages.FileTooLarge(options.MaxBytes));

    private static BpmnDefinitions Refused(string message) => new([], [new DefinitionProblem(null, message)]);

    private static BpmnDefinitions Refused(Localization.ServerMessage message) => new([], [new DefinitionProblem(null, message)]);

    // No DTD (billion laughs, external entities), no resolver (no file or network access while parsing).
    private static XmlReaderSettings Settings(BpmnParserOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static BpmnDefinitions Load(Func<XmlReader> open, BpmnParserOptions options)
    {
        XDocument document;
        try
        {
            using (var scan = open())
            {
                if (Scan(scan, options) is { } refusal)
                {
                    return Refused(refusal);
                }
            }

            using var reader = open();
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return Refused(BpmnMessages.Dtd(e.LineNumber, e.LinePosition));
        }
        catch (XmlException e)
        {
            return Refused(BpmnMessages.NotWellFormed(e.Message));
        }

        return Read(document.Root!);
    }

    // Streams through the file once before anything is built from it, so a hostile shape costs no tree and no recursion.
    private static string? Scan(XmlReader scan, BpmnParserOptions options)
    {
        var elements = 0;
        while (scan.Read())
        {
            var line = ((IXmlLineInfo)scan).LineNumber;
            if (scan.Depth > options.MaxDepth)
            {
                return $"elements are nested deeper than {options.MaxDepth} levels (line {line})";
            }
            if (scan.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (++elements > options.MaxElements)
            {
                return $"the file has more than {options.MaxElements} elements (line {line})";
            }
            while (scan.MoveToNextAttribute())
            {
                if (scan.Value.Length > options.MaxAttributeLength)
                {
                    return $"attribute {scan.Name} is longer than {options.MaxAttributeLength} characters (line {line})";
                }
            }
        }

        return null;
    }

    private static BpmnDefinitions Read(XElement root)
    {
        if (!root.IsBpmn("definitions"))
        {
            return Refused(BpmnMessages.NotBpmn($"{{{root.Name.NamespaceName}}}{root.Name.LocalName}"));
        }

        var messages = root.BpmnChildren("message").Where(m => m.Attr("id") is not null)
            .DistinctBy(m => m.Attr("id"))
            .ToDictionary(m => m.Attr("id")!, m => new MessageDefinition(m.Attr("id")!, m.Attr("name")));
        var errors = root.BpmnChildren("error").Where(e => e.Attr("id") is not null)
            .DistinctBy(e => e.Attr("id"))
            .ToDictionary(e => e.Attr("id")!, e => new ErrorDefinition(e.Attr("id")!, e.Attr("name"), e.Attr("errorCode")));

        var processes = new List<ProcessDefinitionModel>();
        var problems = new List<DefinitionProblem>();
        foreach (var element in root.BpmnChildren("process"))
        {
            var context = new ProcessReadContext(messages, errors);
            var id = context.RequireId(element);
            var childIds = new ScopeReader(context).Read(element, null);
            // Camunda 7 deploys a process without isExecutable too; only an explicit "false" opts out.
            var executable = element.BoolAttr("isExecutable", true);
            if (id is null)
            {
                problems.AddRange(context.Problems);
                continue;
            }

            processes.Add(Assemble(id, element, executable, childIds, context, messages, errors));
            // A pool that only documents a partner is not run, so what it contains does not matter.
            if (executable)
            {
                problems.AddRange(context.Problems);
            }
        }

        if (processes.Count == 0)
        {
            problems.Add(new DefinitionProblem(null, BpmnMessages.DefinesNoProcess()));
        }

        return new BpmnDefinitions(processes, problems);
    }

    private static ProcessDefinitionModel Assemble(
        string id,
        XElement element,
        bool executable,
        List<string> childIds,
        ProcessReadContext context,
        IReadOnlyDictionary<string, MessageDefinition> messages,
        IReadOnlyDictionary<string, ErrorDefinition> errors)
    {
        var duplicates = context.Nodes.Select(n => n.Id).Concat(context.Flows.Select(f => f.Id))
            .GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in duplicates)
        {
            context.Problem(duplicate, BpmnMessages.DuplicateId(duplicate));
        }

        var outgoing = context.Flows.ToLookup(f => f.SourceId, f => f.Id);
        var incoming = context.Flows.ToLookup(f => f.TargetId, f => f.Id);
        var boundaries = context.Nodes.OfType<BoundaryEvent>().ToLookup(b => b.AttachedToId, b => b.Id);
        var elements = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in context.Nodes)
        {
            var linked = node with { Incoming = incoming[node.Id].ToList(), Outgoing = outgoing[node.Id].ToList() };
            if (linked is Activity activity)
            {
                linked = activity with { BoundaryEventIds = boundaries[node.Id].ToList() };
            }

            elements.TryAdd(node.Id, linked);
        }

        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var flow in context.Flows)
        {
            flows.TryAdd(flow.Id, flow);
        }

        return new ProcessDefinitionModel
        {
            Id = id,
            Name = element.Attr("name"),
            IsExecutable = executable,
            Elements = elements,
            Flows = flows,
            StartEvents = childIds.Select(c => elements[c]).OfType<StartEvent>().ToList(),
            ChildIds = childIds,
            RefusedElementIds = context.RefusedIds,
            Messages = messages,
            Errors = errors,
        };
    }
}
