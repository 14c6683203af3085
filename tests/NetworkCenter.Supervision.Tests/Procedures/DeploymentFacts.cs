using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

[Collection(ProceduresCollection.Name)]
public sealed class DeploymentFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task EveryWorkflowFile_IsDeployedAtStartUp()
    {
        using var client = await app.SignedInClientAsync();
        var deployed = (await client.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Select(d => (string)d!["key"]!).ToHashSet();
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, key => Assert.Contains(key!, deployed));
    }
}
