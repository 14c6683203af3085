using NetworkCenter.Workflows.Model;
using Xunit.Abstractions;

namespace NetworkCenter.Workflows.Tests.Model;

/// <summary>
/// The OMG BPMN MIWG reference models (CC BY 3.0, see Miwg/README.md), written by other tools with their own prefixes
/// and extensions: each parses and validates clean or is refused naming every element it cannot run.
/// </summary>
public sealed class MiwgImportFacts(ITestOutputHelper output)
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Model", "Miwg"), "*.bpmn").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Load_MiwgReference_IsCleanOrNamesAnElementInEveryProblem_WithoutHanging(string file)
    {
        var xml = BpmnFixture.Read($"Miwg/{file}");

        var definitions = await Task.Run(() => BpmnFixture.LoadXml(xml)).WaitAsync(TimeSpan.FromSeconds(10));

        foreach (var problem in definitions.Problems)
        {
            output.WriteLine($"{problem.ElementId}: {problem.Message}");
        }

        Assert.NotEmpty(definitions.Processes);
        Assert.All(definitions.Problems, p => Assert.False(string.IsNullOrEmpty(p.ElementId), p.Message));
    }

    [Fact]
    public void Load_C91_RefusesOnlyTheReceiveTaskAndTheUnregisteredTopic()
    {
        var definitions = BpmnFixture.Load("Miwg/C.9.1.bpmn");

        Assert.Contains(definitions.Problems, p => p.ElementId == "ReceiveTask_WaitForDocument" && p.Message.Contains("receiveTask is not supported", StringComparison.Ordinal));
        Assert.All(definitions.Problems, p => Assert.True(
            p.ElementId == "ReceiveTask_WaitForDocument" || p.Message.Contains("no handler is registered for topic \"emailService\"", StringComparison.Ordinal),
            $"{p.ElementId}: {p.Message}"));
        var process = Assert.Single(definitions.ExecutableProcesses);
        Assert.Contains(process.Elements.Values.OfType<BoundaryEvent>(), b => b is { CancelActivity: false, Timer.Value: "R6/P1D" });
        Assert.Contains(process.Elements.Values.OfType<BoundaryEvent>(), b => b is { CancelActivity: true, Timer.Value: "P7D" });
    }
}
