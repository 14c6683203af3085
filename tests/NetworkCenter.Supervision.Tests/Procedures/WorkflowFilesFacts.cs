using System.Text.RegularExpressions;
using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Mail.Templates;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// Every form is used by a definition and is a usable schema; every template renders in each language it exists in
/// (the procedure tests send one language of most, this sends the other).
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed partial class WorkflowFilesFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static string Folder(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "workflows", .. parts]);

    private static readonly Dictionary<string, object?> Data = new()
    {
        ["recipientName"] = "李某", ["registerNumber"] = "2026-0042", ["stage"] = "assigned", ["stageName"] = "已分配承办检察官",
        ["procuratorName"] = "张检察官", ["procuratorPhone"] = "0311-1234567", ["referredTo"] = "县自然资源局", ["court"] = "某县人民法院",
        ["caseNumber"] = "(2025)冀0123民初1号", ["judge"] = "审判员", ["summary"] = "摘要", ["triageNote"] = "意见", ["taskName"] = "集体讨论",
        ["assignee"] = "head", ["due"] = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), ["officeName"] = "城关镇联络室",
        ["officeKind"] = "liaison-office", ["decision"] = "file", ["reasons"] = "理由", ["brief"] = "案件简介\n张某与某厂", ["clueKind"] = "judgment-supervision",
        ["meetingAt"] = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), ["participants"] = 3, ["proposedHandling"] = "protest",
        ["outcome"] = "protest", ["deciderRole"] = "chief-procurator", ["report"] = "报告", ["centerName"] = "中心",
        ["date"] = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)),
    };

    [GeneratedRegex("camunda:formKey=\"([^\"]+)\"")]
    private static partial Regex FormKey();

    [Fact]
    public void EveryForm_IsUsedByADefinition_AndIsAUsableSchema()
    {
        var used = Directory.EnumerateFiles(Folder(), "*.bpmn").SelectMany(f => FormKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        var forms = Directory.EnumerateFiles(Folder("forms"), "*.form").ToList();
        Assert.NotEmpty(forms);
        Assert.All(forms, form =>
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(form), used);
            Assert.Null(FormValidator.Validate(File.ReadAllText(form), "{}").SchemaProblem);
        });
        Assert.All(used, key => Assert.True(File.Exists(Folder("forms", key + ".form")), $"no form file for {key}"));
    }

    [Fact]
    public async Task EveryMailTemplate_RendersASubjectAndABody()
    {
        var templates = app.Service<MailTemplates>();
        var files = Directory.EnumerateFiles(Folder("templates", "mail"), "*.liquid").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var parts = Path.GetFileName(file).Split('.');
            var mail = await templates.RenderAsync(parts[0], parts[1], Data, CancellationToken.None);
            Assert.False(string.IsNullOrWhiteSpace(mail.Subject), file);
            Assert.Contains("2026", mail.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryLetterTemplate_RendersAPdf()
    {
        var letters = app.Service<LetterRenderer>();
        foreach (var file in Directory.EnumerateFiles(Folder("templates", "letters"), "*.liquid"))
        {
            var parts = Path.GetFileName(file).Split('.');
            var pdf = await letters.RenderAsync(parts[0], parts[1], Data, CancellationToken.None);
            Assert.True(pdf.Length > 1000, file);
        }
    }
}
