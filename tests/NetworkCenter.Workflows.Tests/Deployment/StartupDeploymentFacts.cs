using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkCenter.Workflows.Deployment;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Deployment;

/// <summary>The host deploys the <c>*.bpmn</c> files of a temporary <c>Workflows:Directory</c> when it starts.</summary>
public sealed class StartupDeploymentApp : EngineApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nc-startup-workflows-").FullName;

    protected override string WorkflowsDirectory => _folder;

    public override async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "versioned.bpmn"), EngineClient.Fixture("versioned.bpmn", Path.Combine("x", "Deployment", "x.cs")));
        await File.WriteAllTextAsync(Path.Combine(_folder, "invalid.bpmn"), EngineClient.Fixture("invalid.bpmn", Path.Combine("x", "Deployment", "x.cs")));
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "not a definition");
        await base.InitializeAsync();
    }
}

public sealed class StartupDeploymentFacts(StartupDeploymentApp app) : IClassFixture<StartupDeploymentApp>
{
    [Fact]
    public async Task Startup_DeploysEveryValidBpmnFile_AndRedeployingUnchangedFilesAddsNoVersion()
    {
        var client = await app.SignedInClientAsync();
        await using var db = await app.OpenConnectionAsync();
        Assert.Equal(["versioned"], await db.QueryAsync<string>("select key from engine.definitions"));
        Assert.Equal("system", await db.ExecuteScalarAsync<string>("select deployed_by from engine.definitions"));

        await app.Services.GetServices<IHostedService>().OfType<EngineStartup>().Single().StartAsync(CancellationToken.None);

        Assert.Equal(1, await db.ExecuteScalarAsync<int>("select count(*) from engine.definitions"));
        Assert.Equal("versioned", (await client.InstanceAsync(await client.StartAsync("versioned"))).DefinitionKey);
    }
}
