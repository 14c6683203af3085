using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Procedures;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Localization;

/// <summary>
/// Every problem the API writes is in the request's language: the account's, else Accept-Language, else zh-CN; the
/// machine-readable parts (field names, element ids, codes) are the same in both.
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class ServerMessagesFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Theory]
    [InlineData("zh-CN", "是否属于本院管辖为必填项。", "线索类别：\"fax\" 不是可选的值。", "提交的数据不符合表单“triage”的要求")]
    [InlineData("en", "Within our jurisdiction is required.", "Kind: \"fax\" is not one of the choices.", "The data does not satisfy the form 'triage'")]
    public async Task InvalidFormCompletion_NamesTheFieldByItsLabel_AndTheRule_InTheAccountsLanguage(
        string language, string required, string notAChoice, string title)
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var clerk = await driver.StaffAsync(Roles.ClueAdministrator, language);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var triage = await driver.TaskAsync(clueId, "Triage");
        using var client = await driver.AsAsync(clerk);

        var refused = await driver.TryCompleteAsync(client, triage.Id, new { kind = "fax", department = "civil" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("form.invalid", (string?)problem["code"]);
        Assert.StartsWith(title, (string?)problem["title"], StringComparison.Ordinal);
        Assert.Equal(required, (string?)problem["errors"]!["jurisdiction"]![0]);
        Assert.Equal("form.required", (string?)problem["codes"]!["jurisdiction"]![0]);
        Assert.Equal(notAChoice, (string?)problem["errors"]!["kind"]![0]);
        Assert.Equal("form.choice", (string?)problem["codes"]!["kind"]![0]);
        Assert.NotNull(await driver.FindTaskAsync(clueId, "Triage")); // refused: still open
    }

    [Theory]
    [InlineData("zh-CN", "该任务已办结或已撤销，不能再办理。")]
    [InlineData("en", "The task is no longer open.")]
    public async Task CompletingATaskTwice_Answers409_InTheAccountsLanguage(string language, string title)
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var clerk = await driver.StaffAsync(Roles.ClueAdministrator, language);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var triage = await driver.TaskAsync(clueId, "Triage");
        using var client = await driver.AsAsync(clerk);
        var answer = new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" };
        await driver.CompleteAsync(client, triage, answer);

        var again = await driver.TryCompleteAsync(client, triage.Id, answer);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title, (string?)problem["title"]);
        Assert.Equal("task.not-open", (string?)problem["code"]);
    }

    [Fact]
    public async Task BrokenBpmn_DeployedByAChineseSupervisor_ListsChineseMessages_OnTheElements()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var supervisor = await driver.StaffAsync(Roles.Supervisor, "zh-CN");
        using var client = await driver.AsAsync(supervisor);
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.cn">
              <bpmn:process id="broken" isExecutable="true">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="ToReview" sourceRef="Start" targetRef="Review" />
                <bpmn:userTask id="Review" />
                <bpmn:sequenceFlow id="ToNowhere" sourceRef="Start" targetRef="Nowhere" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var response = await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("该 BPMN 文件无法部署。", (string?)problem["title"]);
        Assert.Equal("bpmn.invalid", (string?)problem["code"]);
        var errors = problem["errors"]!.AsArray().Select(e => ((string?)e!["elementId"], (string?)e["message"], (string?)e["code"])).ToList();
        Assert.Contains(("Review", "userTask Review 没有引出的顺序流；请以结束事件结束该路径", "bpmn.no-outgoing"), errors);
        Assert.Contains(("ToNowhere", "targetRef \"Nowhere\" 指向的不是流程 broken 中受支持的元素", "bpmn.unknown-target"), errors);
    }

    [Theory]
    [InlineData("zh-CN", "BPMN 文件最大为 5242880 字节。")]
    [InlineData("en", "A BPMN file may be at most 5242880 bytes.")]
    public async Task OversizedUpload_Answers413_InTheAccountsLanguage(string language, string title)
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var supervisor = await driver.StaffAsync(Roles.Supervisor, language);
        using var client = await driver.AsAsync(supervisor);
        var xml = "<?xml version=\"1.0\"?><!--" + new string('x', 5 * 1024 * 1024) + "-->";

        var response = await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title, (string?)problem["title"]);
        Assert.Equal("upload.too-large", (string?)problem["code"]);
    }

    [Theory]
    [InlineData("zh-CN", "裁判结果监督（judgment-supervision）线索必填", "必填")]
    [InlineData("en", "is required for judgment-supervision clues", "is required")]
    public async Task ClueRegistration_NamesEachField_InTheAccountsLanguage_WithCodes(string language, string court, string summary)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language);
        using var _client = client;

        var response = await client.PostAsJsonAsync("/api/clues", new { sourceKind = "walk-in", kind = "judgment-supervision", caseNumber = "(2026)冀0102民初1号" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(court, (string?)problem["errors"]!["court"]![0]);
        Assert.Equal("clue.required-for-judgment", (string?)problem["codes"]!["court"]![0]);
        Assert.Equal(summary, (string?)problem["errors"]!["summary"]![0]);
        Assert.Equal("clue.required", (string?)problem["codes"]!["summary"]![0]);
    }

    [Theory]
    [InlineData(null, "请先登录。")]
    [InlineData("en-US,en;q=0.9", "Sign in first.")]
    [InlineData("fr-FR, de;q=0.5", "请先登录。")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "请先登录。")]
    public async Task WithoutAnAccount_AcceptLanguageChooses_AndAnythingElseIsChinese(string? acceptLanguage, string title)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title, (string?)problem["title"]);
        Assert.Equal("auth.required", (string?)problem["code"]);
    }

    [Fact]
    public async Task TheLanguagePickedOnThePages_WinsOverAcceptLanguage()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        request.Headers.TryAddWithoutValidation("Cookie", "nc.lang=en"); // what the pages' language menu sets

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Sign in first.", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Fact]
    public async Task TheAccountsLanguage_WinsOverAcceptLanguage()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var clerk = await driver.StaffAsync(Roles.ClueAdministrator, "zh-CN");
        using var client = await driver.AsAsync(clerk);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");

        var response = await client.PostAsJsonAsync("/api/network/offices", new { name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("必填。", (string?)problem["errors"]!["name"]![0]);
        Assert.Equal("field.required", (string?)problem["codes"]!["name"]![0]);
        Assert.Equal("request.invalid", (string?)problem["code"]);
    }
}
