using System.Net;
using System.Text;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Forms;

/// <summary>A host on a scratch workflows folder; its form editor saves into that folder's forms, which the engine reads.</summary>
public class SharedFormsApp : EngineApp
{
    public SharedFormsApp() : this(Directory.CreateTempSubdirectory("nc-shared-forms-").FullName)
    {
    }

    protected SharedFormsApp(string workflows)
    {
        Workflows = workflows;
        Directory.CreateDirectory(Path.Combine(workflows, "forms"));
    }

    public string Workflows { get; }

    protected override string WorkflowsDirectory => Workflows;
}

/// <summary>A second process on the first one's database and form folder.</summary>
public sealed class SecondSharedFormsApp(SharedFormsApp first) : SharedFormsApp(first.Workflows)
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);
}

public sealed class SharedFormsHosts : IAsyncLifetime
{
    public SharedFormsHosts() => Second = new SecondSharedFormsApp(First);

    public SharedFormsApp First { get; } = new();

    public SecondSharedFormsApp Second { get; }

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        _ = First.Server;
        await Second.InitializeAsync();
        _ = Second.Server;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        Directory.Delete(First.Workflows, recursive: true);
    }
}

/// <summary>A form saved through the form editor judges the next completion of its tasks, in this process and in any other on the same folder.</summary>
public sealed class SavedFormFacts(SharedFormsHosts hosts) : IClassFixture<SharedFormsHosts>
{
    private const string NeedsOpinion = """{ "type": "default", "components": [ { "type": "textfield", "key": "opinion", "label": "意见", "validate": { "required": true } } ] }""";

    private const string NeedsReason = """{ "type": "default", "components": [ { "type": "textfield", "key": "reason", "label": "理由", "validate": { "required": true } } ] }""";

    [Fact]
    public async Task Complete_IsJudgedByTheFormAsLastSaved_WithoutARestart_InEitherProcess()
    {
        var first = await hosts.First.SignedInClientAsync();
        var second = await hosts.Second.SignedInClientAsync();
        await first.DeployAsync(EngineClient.Fixture("saved-form.bpmn"));
        await SaveAsync(first, NeedsOpinion);
        var inFirst = await first.SingleTaskAsync(await first.StartAsync("savedForm"), "review");
        var inSecond = await second.SingleTaskAsync(await second.StartAsync("savedForm"), "review");
        // Both processes read (and, before the fix, kept) the first schema.
        var firstUnderOld = await first.TryCompleteAsync(inFirst.Id, new { reason = "r" });
        var secondUnderOld = await second.TryCompleteAsync(inSecond.Id, new { reason = "r" });

        await SaveAsync(first, NeedsReason);

        var firstWithoutReason = await first.TryCompleteAsync(inFirst.Id, new { opinion = "o" });
        var secondWithoutReason = await second.TryCompleteAsync(inSecond.Id, new { opinion = "o" });
        var firstUnderNew = await first.TryCompleteAsync(inFirst.Id, new { reason = "r" });
        var secondUnderNew = await second.TryCompleteAsync(inSecond.Id, new { reason = "r" });

        await AssertRefusedNamingAsync(firstUnderOld, "opinion");
        await AssertRefusedNamingAsync(secondUnderOld, "opinion");
        await AssertRefusedNamingAsync(firstWithoutReason, "reason");
        await AssertRefusedNamingAsync(secondWithoutReason, "reason");
        Assert.Equal(HttpStatusCode.NoContent, firstUnderNew.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, secondUnderNew.StatusCode);
    }

    private static async Task SaveAsync(HttpClient client, string schema)
    {
        var response = await client.PutAsync("/api/forms/saved-form.form", new StringContent(schema, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"saving the form answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task AssertRefusedNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Contains($"{field}:", body, StringComparison.Ordinal);
    }
}
