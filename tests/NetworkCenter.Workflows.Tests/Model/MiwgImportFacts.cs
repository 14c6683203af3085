using NetworkCenter.Workflows.Model.Parsing;
using Xunit.Abstractions;

namespace NetworkCenter.Workflows.Tests.Model;

public sealed class MiwgImportFacts(ITestOutputHelper output)
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Model", "Miwg"), "*.bpmn").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_MiwgReference_ParsesCleanOrNamesEveryElementItRefuses(string file)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", "Miwg", file));
        var definitions = BpmnParser.Parse(xml);
        foreach (var problem in definitions.Problems)
        {
            output.WriteLine($"{problem.ElementId}: {problem.Message}");
        }

        Assert.All(definitions.Problems, p => Assert.False(string.IsNullOrEmpty(p.ElementId), p.Message));
    }
}
