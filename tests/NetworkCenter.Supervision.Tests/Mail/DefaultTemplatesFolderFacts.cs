using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Mail.Templates;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Mail;

/// <summary>
/// The host with default settings, laid out as under <c>dotnet run</c>: the content root is <c>src/NetworkCenter.Web</c>
/// of a scratch source tree whose <c>workflows/templates</c> holds templates the copy beside the binaries does not.
/// </summary>
public sealed class TemplatesSourceTreeApp : NetworkCenterApp
{
    public string Root { get; } = Directory.CreateTempSubdirectory("nc-template-tree-").FullName;

    public string Templates => Path.Combine(Root, "workflows", "templates");

    public override async Task InitializeAsync()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(Root, "src", "NetworkCenter.Web")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        Directory.CreateDirectory(Path.Combine(Templates, "mail"));
        Directory.CreateDirectory(Path.Combine(Templates, "letters"));
        await File.WriteAllTextAsync(Path.Combine(Templates, "mail", "contact-card.zh-CN.liquid"), "---\nsubject: 仓库中的联系卡 {{ n }}\n---\n仓库正文\n");
        await File.WriteAllTextAsync(Path.Combine(Templates, "letters", "repository-only.zh-CN.liquid"), "# 仓库中的告知书\n\n{{ n }}\n");
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

/// <summary>With no templates folder configured, mail and letters use the repository's workflows/templates, as edited.</summary>
public sealed class DefaultTemplatesFolderFacts(TemplatesSourceTreeApp app) : IClassFixture<TemplatesSourceTreeApp>
{
    private static readonly Dictionary<string, object?> Data = new() { ["n"] = "7" };

    [Fact]
    public async Task MailTemplate_IsTheRepositoryFile_AndAnEditIsUsedAtTheNextRender()
    {
        var templates = app.Service<MailTemplates>();

        var before = await templates.RenderAsync("contact-card", "zh-CN", Data, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(app.Templates, "mail", "contact-card.zh-CN.liquid"), "---\nsubject: 改过的联系卡 {{ n }}号\n---\n改过的正文\n");
        var after = await templates.RenderAsync("contact-card", "zh-CN", Data, CancellationToken.None);

        Assert.Equal(("仓库中的联系卡 7", "仓库正文\n"), (before.Subject, before.Body));
        Assert.Equal(("改过的联系卡 7号", "改过的正文\n"), (after.Subject, after.Body));
    }

    [Fact]
    public async Task LetterTemplate_IsTheRepositoryFile()
    {
        var pdf = await app.Service<LetterRenderer>().RenderAsync("repository-only", "zh-CN", Data, CancellationToken.None);

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }
}
