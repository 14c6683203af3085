using NetworkCenter.Workflows.Instances;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Instances;

/// <summary>GET /api/instances/{id} while commands commit: what it shows of an instance is one moment of it.</summary>
public sealed class InstanceReadFacts(EngineApp app) : IClassFixture<EngineApp>
{
    // Two tasks that hand the token to each other; completing one names the other in `at`.
    private const string PingPong = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="test">
          <bpmn:process id="pingPong" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ping" />
            <bpmn:userTask id="ping" />
            <bpmn:sequenceFlow id="f2" sourceRef="ping" targetRef="pong" />
            <bpmn:userTask id="pong" />
            <bpmn:sequenceFlow id="f3" sourceRef="pong" targetRef="ping" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Get_ShowsTheVariablesOfTheSameMomentAsTheActiveElements_WhileCompletionsCommit()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(PingPong);
        var id = await client.StartAsync("pingPong", new { at = "ping" });
        var tasks = app.Service<TaskCommands>();
        var instances = app.Service<InstanceCommands>();
        var admin = new Actor("admin", new HashSet<string>([Actor.AdministratorGroup], StringComparer.Ordinal));
        var next = (await client.SingleTaskAsync(id, "ping")).Id;
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < 150; i++)
                {
                    var other = i % 2 == 0 ? "pong" : "ping";
                    next = Assert.Single(await tasks.CompleteAsync(next, new() { ["at"] = other }, admin, CancellationToken.None)).Id;
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });
        var torn = new List<string>();
        var reads = 0;
        while (!done.IsCancellationRequested)
        {
            var seen = (await instances.GetAsync(id, CancellationToken.None))!;
            reads++;
            var at = seen.Variables["at"]!.GetValue<string>();
            if (seen.ActiveElementIds.Count != 1 || seen.ActiveElementIds[0] != at)
            {
                torn.Add($"at = {at}, active = [{string.Join(", ", seen.ActiveElementIds)}]");
            }
        }
        await writer;

        Assert.True(reads > 20, $"only {reads} reads overlapped the completions");
        Assert.Empty(torn);
    }
}
