using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Workflows.Tests.Forms;

public sealed class FormValidatorFacts
{
    private static readonly string ClueRegistration = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", "clue-registration.form"));
    private static readonly string FilingDecision = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", "filing-decision.form"));

    private static JsonObject ValidClue() => new()
    {
        ["sourceKind"] = "liaison-office",
        ["receivedOn"] = "2026-03-02",
        ["nature"] = "judgment",
        ["court"] = new JsonObject { ["name"] = "某县人民法院", ["caseNumber"] = "（2025）冀0102民初123号" },
        ["parties"] = new JsonArray(
            new JsonObject { ["name"] = "张某", ["role"] = "plaintiff", ["phone"] = "+8613800138000" },
            new JsonObject { ["name"] = "某房地产开发有限公司", ["role"] = "defendant" }),
        ["content"] = "申请人认为原审判决认定事实错误，请求监督。",
        ["attachmentKinds"] = new JsonArray("judgment", "petition"),
        ["reporter"] = new JsonObject { ["email"] = "liaison@example.cn" },
        ["reporterConfidential"] = true,
        ["processVariableNotOnTheForm"] = 42,
    };

    private static JsonObject ValidDecision() => new()
    {
        ["decision"] = "file",
        ["decidedBy"] = "检察长",
        ["decidedAt"] = "2026-03-02T09:30+08:00",
        ["votesFor"] = 7,
        ["legalBasis"] = new JsonArray("cpl-216"),
        ["amountRecovered"] = "12500.50",
    };

    private static IReadOnlyList<FormFieldError> Errors(string schema, JsonObject data)
    {
        var result = FormValidator.Validate(schema, data.ToJsonString());
        Assert.Null(result.SchemaProblem);
        return result.Errors;
    }

    [Fact]
    public void ValidData_OfRealForms_HasNoErrors_AndUnboundKeysAreIgnored()
    {
        Assert.Empty(Errors(ClueRegistration, ValidClue()));
        Assert.Empty(Errors(FilingDecision, ValidDecision()));
    }

    [Fact]
    public void EmptySubmission_ReportsEveryRequiredField_AtOnce()
    {
        var errors = Errors(ClueRegistration, []);

        Assert.Equal(["sourceKind", "receivedOn", "nature", "content"], errors.Select(e => e.Field));
        // Outside a request the messages are English; each names the field by its label (a datetime's dateLabel).
        Assert.Equal(["线索来源 is required.", "收到日期 is required.", "线索性质 is required.", "线索内容 is required."], errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal("form.required", e.Code));
    }

    [Theory]
    [InlineData("sourceKind", "\"fax\"", "线索来源: \"fax\" is not one of the choices.")]
    [InlineData("sourceKind", "[\"liaison\"]", "线索来源 must be a single value.")]
    [InlineData("receivedOn", "\"2026-02-30\"", "收到日期 must be a date such as 2026-03-02.")]
    [InlineData("receivedOn", "\"02/03/2026\"", "收到日期 must be a date such as 2026-03-02.")]
    [InlineData("receivedOn", "20260302", "收到日期 must be a date such as 2026-03-02.")]
    [InlineData("content", "\"太短\"", "线索内容 must be at least 10 characters long.")]
    [InlineData("content", "42", "线索内容 must be text.")]
    [InlineData("content", "\"          \"", "线索内容 must be at least 10 characters long.")]
    [InlineData("attachmentKinds", "\"judgment\"", "所附材料 must be a list.")]
    [InlineData("attachmentKinds", "[\"judgment\",\"photo\"]", "所附材料: \"photo\" is not one of the choices.")]
    [InlineData("reporterConfidential", "\"yes\"", "举报人身份保密 must be true or false.")]
    public void WrongValue_IsReportedOnItsField(string key, string json, string message)
    {
        var data = ValidClue();
        data[key] = JsonNode.Parse(json);

        var error = Assert.Single(Errors(ClueRegistration, data));

        Assert.Equal((key, message), (error.Field, error.Message));
    }

    [Fact]
    public void NestedFields_AreNamedByTheirDataPath()
    {
        var data = ValidClue();
        data["court"]!["caseNumber"] = "民初123号";
        data["parties"]![1]!["name"] = "";
        data["parties"]![1]!["role"] = "judge";
        data["parties"]![0]!["phone"] = "138-0013-8000";
        data["reporter"]!["email"] = "not an address";

        var errors = Errors(ClueRegistration, data);

        Assert.Equal(
            [
                ("court.caseNumber", "案号 must match the pattern ^（\\d{4}）.+号$."),
                ("parties[0].phone", "电话 must be an international phone number, such as +8613800138000."),
                ("parties[1].name", "姓名或名称 is required."),
                ("parties[1].role", "诉讼地位: \"judge\" is not one of the choices."),
                ("reporter.email", "联络员邮箱 must be an email address."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void GroupsAndLists_OfTheWrongShape_AreReported()
    {
        var data = ValidClue();
        data["court"] = "某县人民法院";
        data["parties"] = new JsonArray(new JsonObject { ["name"] = "张某" }, "李某");

        var errors = Errors(ClueRegistration, data);

        Assert.Equal([("court", "原审法院与案号 must be an object."), ("parties[1]", "当事人 [1] must be an object.")], errors.Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData("votesFor", "16", "赞成票 must be at most 15.")]
    [InlineData("votesFor", "-1", "赞成票 must be at least 0.")]
    [InlineData("votesFor", "2.5", "赞成票 must be a whole number.")]
    [InlineData("votesFor", "\"7\"", "赞成票 must be a number.")] // only serializeToString fields submit numbers as text
    [InlineData("amountRecovered", "\"12.345\"", "挽回损失（元） must have at most 2 decimal digits.")]
    [InlineData("amountRecovered", "\"lots\"", "挽回损失（元） must be a number.")]
    [InlineData("decidedAt", "\"2026-03-02T09:30\"", "decidedAt must be a date and time such as 2026-03-02T09:30+08:00.")]
    [InlineData("decidedAt", "\"2026-03-02 09:30+08:00\"", "decidedAt must be a date and time such as 2026-03-02T09:30+08:00.")]
    [InlineData("legalBasis", "[\"cpl-216\", {\"x\":1}]", "法律依据: entry 1 must be a single value.")]
    [InlineData("decision", "true", "决定: true is not one of the choices.")]
    public void NumbersDatesAndChoices_AreCheckedByComponentType(string key, string json, string message)
    {
        var data = ValidDecision();
        data[key] = JsonNode.Parse(json);

        var errors = Errors(FilingDecision, data);

        Assert.Contains((key, message), errors.Select(e => (e.Field, e.Message)));
        Assert.All(errors, e => Assert.Equal(key, e.Field));
    }

    [Fact]
    public void FieldsHiddenByAnExpression_AreNotRequired_ButStillTypeChecked_AndDisabledFieldsAreSkipped()
    {
        var data = ValidDecision();
        Assert.Empty(Errors(FilingDecision, data)); // reasons and legacyNumber are required but hidden or disabled

        data["reasons"] = 12;
        data["legacyNumber"] = 12;

        Assert.Equal([("reasons", "不予立案的理由 must be text.")], Errors(FilingDecision, data).Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData("time", null, "09:30+08:00", true)]
    [InlineData("time", null, "09:30Z", true)]
    [InlineData("time", null, "09:30", false)]
    [InlineData("time", "no_timezone", "09:30", true)]
    [InlineData("time", "no_timezone", "09:30Z", false)]
    [InlineData("time", "utc_normalized", "23:59Z", true)]
    [InlineData("time", "utc_normalized", "24:00Z", false)]
    [InlineData("datetime", "no_timezone", "2026-03-02T09:30", true)]
    [InlineData("date", null, "2024-02-29", true)]
    [InlineData("date", null, "2025-02-29", false)]
    public void DatetimeSubtypes_AcceptWhatFormJsSerialises(string subtype, string? format, string value, bool valid)
    {
        var schema = new JsonObject
        {
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "datetime", ["key"] = "at", ["subtype"] = subtype, ["timeSerializingFormat"] = format,
            }),
        };

        var result = FormValidator.Validate(schema.ToJsonString(), new JsonObject { ["at"] = value }.ToJsonString());

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("", "The form schema is empty.")]
    [InlineData("{\"components\": [", "The form schema is not valid JSON")]
    [InlineData("[]", "The form schema must be a JSON object")]
    [InlineData("{\"components\": {}}", "'components' must be an array.")]
    [InlineData("{\"components\": [{\"key\": \"x\"}]}", "A component has no type.")]
    [InlineData("{\"components\": [{\"type\": \"dynamiclist\", \"components\": []}]}", "A dynamiclist has no path.")]
    [InlineData("{\"components\": [{\"type\": \"textfield\", \"key\": \"x\", \"validate\": {\"pattern\": \"(\"}}]}", "The pattern of 'x' is not a valid regular expression")]
    public void UnusableSchema_IsASchemaProblem_NotAnException(string schema, string problem)
    {
        var result = FormValidator.Validate(schema, "{\"x\": \"a\"}");

        Assert.False(result.IsValid);
        Assert.StartsWith(problem, result.SchemaProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckSchema_AcceptsRealForms_AndFindsABrokenPattern_EvenWithoutData()
    {
        Assert.Null(FormValidator.CheckSchema(ClueRegistration));
        Assert.Null(FormValidator.CheckSchema(FilingDecision));

        var problem = FormValidator.CheckSchema("""
            {"components":[{"type":"dynamiclist","path":"parties","components":[
              {"type":"group","components":[{"type":"textfield","key":"caseNumber","validate":{"pattern":"[0-9"}}]}]}]}
            """);

        Assert.StartsWith("The pattern of 'parties[0].caseNumber' is not a valid regular expression", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "The submitted data must be a JSON object.")]
    [InlineData("{\"content\": ", "The submitted data is not valid JSON")]
    public void MalformedData_IsOneErrorOnTheWholeSubmission(string data, string message)
    {
        var result = FormValidator.Validate(ClueRegistration, data);

        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedOrTooDeepInput_IsRefusedCleanly()
    {
        var huge = "{\"content\": \"" + new string('x', FormValidator.MaxJsonLength) + "\"}";
        var deep = new string('[', 200) + new string(']', 200);

        Assert.StartsWith("The submitted data is larger", Assert.Single(FormValidator.Validate(ClueRegistration, huge).Errors).Message, StringComparison.Ordinal);
        Assert.StartsWith("The submitted data is not valid JSON", Assert.Single(FormValidator.Validate(ClueRegistration, "{\"a\":" + deep + "}").Errors).Message, StringComparison.Ordinal);
        Assert.NotNull(FormValidator.Validate("{\"components\":" + deep + "}", "{}").SchemaProblem);
    }

    [Fact]
    public void ACatastrophicPattern_TimesOutAsAFieldError()
    {
        var schema = """{"components":[{"type":"textfield","key":"x","validate":{"pattern":"^(a+)+$"}}]}""";
        var data = JsonSerializer.Serialize(new { x = new string('a', 5000) + "!" });

        var result = FormValidator.Validate(schema, data);

        Assert.Null(result.SchemaProblem);
        Assert.Equal("x", Assert.Single(result.Errors).Field);
    }
}
