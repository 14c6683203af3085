using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkCenter.Workflows.Model.Parsing;

namespace NetworkCenter.Workflows.Tests.Model;

/// <summary>
/// Valid definitions (the repository's procedures and the engine's fixtures) mutated the ways a careless tool or an
/// attacker would: the parser and validator answer with problems or a clean model, never an exception, and quickly.
/// </summary>
public sealed class ParserFuzzProperties
{
    private static readonly TimeSpan PerFileBound = TimeSpan.FromSeconds(3);

    internal static readonly string[] Sources = LoadSources();

    private static readonly string[] IsoPieces =
        ["P", "T", "R", "R5/", "/", "1", "7", "0", "99999999999999999999", "Y", "M", "W", "D", "H", "S", ".", ",", "-", ":", "Z", "+08:00",
         "2026-03-02", "T09:30", "2026-02-30", "24:00", "-P1D", "PT", "P1.5D", "P1Y2M3W4DT5H6M7.8S", "9999-12-31T23:59:59Z", " ", "${d}"];

    private static readonly string[] ExpressionPieces =
        ["${", "}", "#{", "a", "b", "execution", ".", "getVariable('a')", "==", "eq", "and", "or", "not", "empty", "(", ")", "[", "]",
         "'", "\"", "1", "1e400", "&&", "||", "!", "?", ":", "null", "true", "while(true){}", "System.IO", "importNamespace('System')",
         "function f(){return f()} f()", "\\", "\n", "<", ">", "&amp;", "中文"];

    private static readonly string[] Names =
        ["task", "userTask", "serviceTask", "scriptTask", "subProcess", "boundaryEvent", "timerEventDefinition", "sequenceFlow",
         "exclusiveGateway", "parallelGateway", "callActivity", "multiInstanceLoopCharacteristics", "conditionExpression",
         "timeDuration", "timeCycle", "timeDate", "messageEventDefinition", "errorEventDefinition", "extensionElements", "script", "x"];

    private static readonly string[] Namespaces =
        ["urn:unknown", "http://www.omg.org/spec/BPMN/20100524/MODEL", "http://camunda.org/schema/1.0/bpmn", "http://www.w3.org/2000/xmlns/x", ""];

    private static string[] LoadSources()
    {
        var fixtures = Directory.GetFiles(AppContext.BaseDirectory, "*.bpmn", SearchOption.AllDirectories)
            .Where(f => !f.Contains("no-workflows", StringComparison.Ordinal));
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !Directory.Exists(Path.Combine(repository.FullName, "workflows", "forms")))
        {
            repository = repository.Parent;
        }
        var procedures = repository is null ? [] : Directory.GetFiles(Path.Combine(repository.FullName, "workflows"), "*.bpmn");
        return [.. procedures.Concat(fixtures).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    }

    /// <summary>One mutation, drawn from a seed so that FsCheck can shrink the list of them.</summary>
    private static string Mutate(string xml, int seed)
    {
        var random = new Random(seed);
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return MutateText(xml, random);
        }

        var elements = document.Descendants().ToList();
        var element = elements[random.Next(elements.Count)];
        switch (random.Next(12))
        {
            case 0 when element.Parent is not null:
                element.Remove();
                break;
            case 1 when element.Parent is not null:
                element.AddAfterSelf(new XElement(element));
                break;
            case 2:
                element.Name = XName.Get(Pick(random, Names), random.Next(3) == 0 ? Pick(random, Namespaces) : element.Name.NamespaceName);
                break;
            case 3 when element.Attributes().Any():
                element.Attributes().ElementAt(random.Next(element.Attributes().Count())).Remove();
                break;
            case 4 when element.Attributes().Any(a => !a.IsNamespaceDeclaration):
                var attribute = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList()[random.Next(element.Attributes().Count(a => !a.IsNamespaceDeclaration))];
                attribute.Value = RandomValue(random, elements);
                break;
            case 5:
                element.Add(new XElement(XName.Get(Pick(random, Names), "urn:unknown-" + random.Next(5)), new XAttribute("id", "u" + random.Next(9))));
                break;
            case 6:
                element.SetAttributeValue(XName.Get(Pick(random, ["id", "sourceRef", "targetRef", "attachedToRef", "default", "name", "calledElement"]),
                    random.Next(4) == 0 ? "http://camunda.org/schema/1.0/bpmn" : ""), RandomValue(random, elements));
                break;
            case 7:
                element.Value = random.Next(2) == 0 ? Compose(random, IsoPieces, 6) : Compose(random, ExpressionPieces, 10);
                break;
            case 8 when element.Parent is not null:
                var moved = elements[random.Next(elements.Count)];
                if (!moved.AncestorsAndSelf().Contains(element) && moved.Parent is not null && !element.AncestorsAndSelf().Contains(moved))
                {
                    moved.Remove();
                    element.Add(moved);
                }
                break;
            case 9:
                element.SetAttributeValue(XName.Get("attr" + random.Next(3), Pick(random, Namespaces.Where(n => n.Length > 0 && !n.Contains("xmlns", StringComparison.Ordinal)).ToArray())), "v");
                break;
            default:
                return MutateText(document.ToString(), random);
        }

        try
        {
            return document.ToString();
        }
        catch (Exception e) when (e is ArgumentException or System.Xml.XmlException)
        {
            // A mutation XML cannot write (a lone surrogate, a prefix bound twice): mutate the text instead.
            return MutateText(xml, random);
        }
    }

    private static string MutateText(string xml, Random random) => random.Next(5) switch
    {
        0 => Truncate(xml, random),
        1 => xml.Insert(random.Next(xml.Length + 1), Compose(random, ["<", ">", "/", "&", "\"", "'", "]]>", "<![CDATA[", "<!--", "-->", "&#x0;", "&#xD800;", "&lt;", "x"], 4)),
        2 => Reencode(xml, random),
        3 => new string([.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => (char)random.Next(0, 0xD7FF))]),
        _ => Cut(xml, random.Next(xml.Length + 1), random.Next(1, 80)),
    };

    private static string Cut(string xml, int start, int length) => xml.Remove(start, Math.Min(length, xml.Length - start));

    // Cut at a random byte, so a multi-byte character may be split, then read back leniently as an upload would be.
    private static string Truncate(string xml, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        return Encoding.UTF8.GetString(bytes, 0, random.Next(bytes.Length + 1));
    }

    // Bytes in one encoding read as another, as when a declaration lies.
    private static string Reencode(string xml, Random random)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding[] encodings = [Encoding.UTF8, Encoding.Unicode, Encoding.Latin1, Encoding.GetEncoding("GB18030"), Encoding.UTF32];
        var bytes = Pick(random, encodings).GetBytes(xml);
        return BpmnText.Decode(bytes).Text ?? Pick(random, encodings).GetString(bytes);
    }

    private static string RandomValue(Random random, List<XElement> elements) => random.Next(6) switch
    {
        0 => elements[random.Next(elements.Count)].Attribute("id")?.Value ?? "",
        1 => "missing-" + random.Next(100),
        2 => Compose(random, IsoPieces, 5),
        3 => Compose(random, ExpressionPieces, 8),
        4 => new string('a', random.Next(0, 5000)),
        _ => "",
    };

    private static string Compose(Random random, string[] pieces, int most) =>
        string.Concat(Enumerable.Range(0, random.Next(1, most + 1)).Select(_ => Pick(random, pieces)));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    internal static Gen<string> Mutated() =>
        from source in Gen.Choose(0, Sources.Length - 1)
        from seeds in Gen.Choose(1, 6).SelectMany(n => Gen.ListOf(ArbMap.Default.GeneratorFor<int>(), n))
        select seeds.Aggregate(Sources[source], Mutate);

    /// <summary>The documented answer: a model and problems, each problem with a message; within the bound.</summary>
    internal static bool Answers(string xml)
    {
        var clock = Stopwatch.StartNew();
        var definitions = BpmnFixture.LoadXml(xml);
        return clock.Elapsed < PerFileBound
            && definitions.Problems.All(p => !string.IsNullOrWhiteSpace(p.Message))
            && (definitions.IsValid || definitions.Problems.Count > 0);
    }

    [Fact]
    public void Sources_AreTheProceduresAndTheFixtures()
    {
        Assert.True(Sources.Length > 40, $"{Sources.Length} sources");
        Assert.Contains(Sources, s => s.Contains("id=\"clue-intake\"", StringComparison.Ordinal));
    }

    [Property(MaxTest = 400)]
    public Property MutatedDefinitions_AreAnsweredWithProblemsOrAModel_NeverAnException() =>
        Prop.ForAll(Mutated().ToArbitrary(), Answers);

    [Property(MaxTest = 200)]
    public Property RandomBytes_InAnyEncoding_AreAnswered() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            Answers(BpmnText.Decode(bytes).Text ?? Encoding.Latin1.GetString(bytes))
            && Answers("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">" + Encoding.Latin1.GetString(bytes)));

    [Fact]
    public void Mutations_ReachValidModelsAndManyKindsOfProblem()
    {
        var results = Mutated().Sample(300).Select(BpmnFixture.LoadXml).ToList();

        Assert.Contains(results, r => r.IsValid);
        var kinds = results.SelectMany(r => r.Problems).Select(p => p.Message.Split(' ', 3)[..2]).Select(w => string.Join(' ', w)).Distinct().Count();
        Assert.True(kinds > 20, $"only {kinds} kinds of problem");
    }
}
