using System.Xml;
using System.Xml.Linq;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>Namespaces and attribute helpers. Elements are matched by namespace URI, never by prefix.</summary>
internal static class BpmnXml
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static bool IsBpmn(this XElement element, string localName) =>
        element.Name.Namespace == Bpmn && element.Name.LocalName == localName;

    public static bool IsCamunda(this XElement element, string localName) =>
        element.Name.Namespace == Camunda && element.Name.LocalName == localName;

    /// <summary>An unqualified attribute, null when absent or blank.</summary>
    public static string? Attr(this XElement element, string name) => NullIfBlank(element.Attribute(name)?.Value);

    public static string? CamundaAttr(this XElement element, string name) => NullIfBlank(element.Attribute(Camunda + name)?.Value);

    /// <summary>An id reference; some tools write them as QNames (<c>tns:Message_1</c>), and ids never contain colons.</summary>
    public static string? RefAttr(this XElement element, string name) => StripPrefix(element.Attr(name));

    public static string? StripPrefix(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? reference : reference[(colon + 1)..];
    }

    public static bool BoolAttr(this XElement element, string name, bool fallback) =>
        element.Attr(name) is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : fallback;

    public static IEnumerable<XElement> BpmnChildren(this XElement element, string localName) => element.Elements(Bpmn + localName);

    public static XElement? BpmnChild(this XElement element, string localName) => element.Element(Bpmn + localName);

    /// <summary>Trimmed text content, null when blank.</summary>
    public static string? Text(this XElement? element) => element is null ? null : NullIfBlank(element.Value.Trim());

    /// <summary>The elements under <c>extensionElements</c> in the Camunda namespace.</summary>
    public static IEnumerable<XElement> CamundaExtensions(this XElement element) =>
        element.BpmnChildren("extensionElements").Elements().Where(e => e.Name.Namespace == Camunda);

    public static string Where(this XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
