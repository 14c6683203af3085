using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Forms;

/// <summary>
/// The host with default settings, laid out as under <c>dotnet run</c>: the content root is <c>src/NetworkCenter.Web</c>
/// of a scratch source tree whose <c>workflows</c> holds a procedure and (once saved) its form, while the copy beside
/// the binaries holds neither.
/// </summary>
public sealed class SourceTreeApp : NetworkCenterApp
{
    public string Root { get; } = Directory.CreateTempSubdirectory("nc-source-tree-").FullName;

    public string RepositoryForms => Path.Combine(Root, "workflows", "forms");

    public override async Task InitializeAsync()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(Root, "src", "NetworkCenter.Web")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        Directory.CreateDirectory(RepositoryForms);
        await File.WriteAllTextAsync(Path.Combine(Root, "workflows", "saved-form.bpmn"), EngineClient.Fixture("saved-form.bpmn"));
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(Path.Combine(Root, "src", "NetworkCenter.Web"));
    }
}

/// <summary>With no folder configured, the form editor, the form check and the start-up deployment use the repository's workflows.</summary>
public sealed class DefaultFoldersFacts(SourceTreeApp app) : IClassFixture<SourceTreeApp>
{
    private const string NeedsOpinion = """{ "type": "default", "components": [ { "type": "textfield", "key": "opinion", "label": "意见", "validate": { "required": true } } ] }""";

    [Fact]
    public async Task FormSavedThroughTheApi_JudgesTheNextCompletion_OfAProcedureDeployedFromTheRepository()
    {
        var client = await app.SignedInClientAsync();
        // Deployed at start-up from the repository's workflows: the copy beside the binaries has no savedForm.
        var task = await client.SingleTaskAsync(await client.StartAsync("savedForm"), "review");

        var saved = await client.PutAsync("/api/forms/saved-form.form", new StringContent(NeedsOpinion, Encoding.UTF8, "application/json"));
        var withoutOpinion = await client.TryCompleteAsync(task.Id, new { reason = "r" });
        var withOpinion = await client.TryCompleteAsync(task.Id, new { opinion = "o" });

        Assert.True(saved.IsSuccessStatusCode, $"saving the form answered {(int)saved.StatusCode}");
        Assert.True(File.Exists(Path.Combine(app.RepositoryForms, "saved-form.form")), "the form was saved into the repository's workflows/forms");
        var refusal = await withoutOpinion.Content.ReadAsStringAsync();
        Assert.True(withoutOpinion.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)withoutOpinion.StatusCode}: {refusal}");
        Assert.Contains("opinion:", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, withOpinion.StatusCode);
    }
}
