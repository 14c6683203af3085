using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Tests.Model;

/// <summary>Reads a fixture copied beside the tests and runs it through the parser and validator.</summary>
internal static class BpmnFixture
{
    public static readonly IReadOnlySet<string> KnownTopics = new HashSet<string> { "send-notice", "register-clue" };

    private static readonly DefinitionValidator Validator = new(new JintExpressionEvaluator());

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", relativePath));

    public static BpmnDefinitions Load(string relativePath) => Validator.ParseAndValidate(Read(relativePath), KnownTopics);

    public static BpmnDefinitions LoadXml(string xml) => Validator.ParseAndValidate(xml, KnownTopics);

    public static void AssertClean(BpmnDefinitions definitions) =>
        Assert.True(definitions.IsValid, string.Join("\n", definitions.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
}
