using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Web.Localization;

/// <summary>The host's own messages (requests it cannot read, uploads it refuses), in English and Chinese; see <see cref="ServerLanguage"/>.</summary>
internal static class WebMessages
{
    public static ServerMessage Unreadable() => Say("request.unreadable", "The request could not be read.", "无法读取该请求。");

    public static ServerMessage NotAValue() => Say("request.value",
        "Not a valid value here (or the JSON is malformed).", "此处的值无效（或 JSON 格式有误）。");

    public static ServerMessage DatabaseUnavailable() => Say("server.database-unavailable", "The database is unavailable.", "数据库暂时无法访问。");

    public static ServerMessage TryAgain() => Say("server.retry", "Try again in a few seconds.", "请几秒钟后重试。");

    public static ServerMessage BpmnTooLarge(int most) =>
        Say("upload.too-large", $"A BPMN file may be at most {most} bytes.", $"BPMN 文件最大为 {most} 字节。");

    public static ServerMessage BpmnMediaType() => Say("upload.media-type",
        "Send the BPMN file as application/xml or text/xml.", "请以 application/xml 或 text/xml 类型发送 BPMN 文件。");

    public static ServerMessage BpmnNotUtf8(string type) => Say("upload.not-text",
        $"The BPMN file is declared as {type} but is not UTF-8 text.", $"BPMN 文件声明为 {type}，但不是 UTF-8 文本。");

    public static ServerMessage BpmnNotText(string type, string why) => Say("upload.not-text",
        $"The BPMN file is declared as {type} but {why}.", $"BPMN 文件声明为 {type}，但其内容不是该编码的文本（{why}）。");

    public static ServerMessage BpmnNotXml(string type) => Say("upload.not-xml",
        $"The BPMN file is declared as {type} but its content is not XML.", $"BPMN 文件声明为 {type}，但其内容不是 XML。");

    public static ServerMessage BpmnRejected() => Say("bpmn.invalid", "The BPMN file cannot be deployed.", "该 BPMN 文件无法部署。");

    public static ServerMessage NoDefinition(string key, int? version) => Say("definition.not-found",
        $"No definition '{key}'" + (version is null ? "." : $" version {version}."),
        $"没有流程定义“{key}”" + (version is null ? "。" : $"的第 {version} 版。"));

    public static ServerMessage DraftMediaType() => Say("upload.media-type",
        "Send the draft as application/xml or text/xml.", "请以 application/xml 或 text/xml 类型发送草稿。");

    public static ServerMessage DraftTooLarge(int most) => Say("upload.too-large", $"A draft may be at most {most} bytes.", $"草稿最大为 {most} 字节。");

    public static ServerMessage DraftNotSaved() => Say("draft.not-saved", "The draft was not saved.", "草稿未保存。");

    public static ServerMessage VersionFromOne() => Say("draft.base-version", "A version number starts at 1.", "版本号从 1 开始。");

    public static ServerMessage Range(long least, long most) => Say("field.range", $"From {least} to {most}.", $"取值范围为 {least} 至 {most}。");

    public static ServerMessage NoInstance(Guid id) => Say("instance.not-found", $"There is no instance {id}.", $"没有流程实例 {id}。");

    public static ServerMessage CredentialsRequired() =>
        Say("auth.credentials-required", "Username and password are both required.", "请填写用户名和密码。");

    public static ServerMessage LockedOut() => Say("auth.locked-out",
        "Too many failed sign-ins: the account is locked for a while.", "登录失败次数过多，账号已暂时锁定。");

    public static ServerMessage BadCredentials() => Say("auth.bad-credentials", "Unknown user or wrong password.", "用户名或密码错误。");

    public static ServerMessage NoLiaisonRecord() => Say("portal.no-liaison", "This account has no liaison record.", "该账号没有对应的联络员记录。");

    public static ServerMessage Duplicates() => Say("clue.duplicates",
        "The register already holds this matter: merge into it, or register anyway with registerAnyway = true.",
        "登记簿中已有此事项：请并入已有线索，或以 registerAnyway = true 仍然登记。");

    public static ServerMessage NotADraft(string status) =>
        Say("clue.not-a-draft", $"Only a draft can be confirmed; this clue is {status}.", $"只有草稿可以确认登记；该线索的状态为 {status}。");

    public static ServerMessage NoForm(string name) => Say("form-file.not-found", $"No form named {name}.", $"没有名为 {name} 的表单。");

    public static ServerMessage FormFileName() => Say("form-file.name",
        "A form file name has only lower-case letters, digits and hyphens, and ends in .form.", "表单文件名只能由小写字母、数字和连字符组成，并以 .form 结尾。");

    public static ServerMessage FormMediaType(string name, string? type) => Say("upload.media-type",
        $"Send {name} as application/json (a form-js schema), not {type ?? "without a content type"}.",
        $"请以 application/json（form-js 表单结构）发送 {name}，而不是 {type ?? "不带内容类型"}。");

    public static ServerMessage FormTooLarge(int most) => Say("upload.too-large", $"A form file is at most {most} bytes.", $"表单文件最大为 {most} 字节。");

    public static ServerMessage FormNotUtf8() => Say("form-file.utf8", "The form is not valid UTF-8.", "表单不是有效的 UTF-8 文本。");

    public static ServerMessage FormNotJson(string reason) => Say("form-file.json", $"The form is not valid JSON: {reason}", $"表单不是有效的 JSON：{reason}");

    public static ServerMessage FormNotSchema() => Say("form-file.schema",
        "A form is a form-js schema: a JSON object with a components array.", "表单须为 form-js 表单结构：带 components 数组的 JSON 对象。");

    public static ServerMessage FormUnusable(string problem) => Say("form-file.unusable",
        $"The form cannot be used to check submissions: {problem}", $"该表单无法用于校验提交的数据：{problem}");

    public static ServerMessage FormChanged() => Say("form-file.changed",
        "The form changed since you opened it; open it again before saving.", "表单在您打开后已被修改；请重新打开后再保存。");

    public static ServerMessage NotAPaper(string? paper) => Say("poster.paper", $"'{paper}' is not a paper size: use A4 or A3.", $"“{paper}”不是纸张尺寸：请用 A4 或 A3。");

    public static ServerMessage NoDiagram(string key, int version) => Say("poster.no-diagram",
        $"Definition '{key}' version {version} has no diagram (BPMNDI) to draw.", $"流程定义“{key}”第 {version} 版没有可绘制的图形（BPMNDI）。");

    public static ServerMessage SystemClock() => Say("clock.system",
        "The clock is the system clock; it can be advanced only with Clock:Mode=Manual (refused in Production).",
        "当前使用系统时钟；只有 Clock:Mode=Manual 时才能拨快（生产环境不允许）。");

    public static ServerMessage ClockBy() => Say("clock.by", "by must be an ISO 8601 duration such as P3D or PT2H.", "by 必须是 ISO 8601 时长，如 P3D 或 PT2H。");

    public static ServerMessage Required(string field) => Say("field.required", $"{field} is required.", $"{field} 为必填项。");

    public static ServerMessage NoTable(string name, IEnumerable<string> tables) => Say("statistics.no-table",
        $"There is no statistics table '{name}'; the tables are {string.Join(", ", tables)}, each also as .csv and .xlsx.",
        $"没有统计表“{name}”；统计表有 {string.Join("、", tables)}，均可加 .csv 或 .xlsx 下载。");

    public static ServerMessage Between(long least, long most) => Say("field.range", $"Between {least} and {most}.", $"取值范围为 {least} 至 {most}。");

    public static ServerMessage MinAdopted() => Say("statistics.min-adopted",
        "At least 1: an outstanding liaison has at least one adopted clue.", "至少为 1：优秀联络员至少有一条线索被采纳。");

    public static ServerMessage NotAnAudience(string? audience) =>
        Say("report.audience", $"'{audience}' is not an audience: use members or congress.", $"“{audience}”不是有效的读者：请用 members（成员）或 congress（人大）。");

    public static ServerMessage NotAReportLanguage(string? lang) =>
        Say("report.language", $"'{lang}' is not a report language: use zh-CN or en.", $"“{lang}”不是报告语言：请用 zh-CN 或 en。");

    public static ServerMessage CorrectionMediaType() => Say("upload.media-type",
        "Send the fields to correct as a JSON object (application/json or application/merge-patch+json).",
        "请以 JSON 对象（application/json 或 application/merge-patch+json）发送要更正的字段。");

    public static ServerMessage CorrectionTooLarge(int kilobytes) =>
        Say("upload.too-large", $"A correction is at most {kilobytes} KB.", $"一次更正最大为 {kilobytes} KB。");

    public static ServerMessage StaleRevision(int revision, int? sent) => Say("clue.stale-revision",
        $"The clue changed since you read it (it is at revision {revision}, you sent {sent}): read it again before correcting.",
        $"线索在您读取后已被修改（当前为第 {revision} 版，您提交的是第 {sent} 版）：请重新读取后再更正。");

    public static ServerMessage CorrectionNotJson(string reason) => Say("clue.json", $"is not valid JSON: {reason}", $"不是有效的 JSON：{reason}");

    public static ServerMessage CorrectionNotObject() =>
        Say("clue.json", "must be a JSON object with the fields to correct", "必须是包含要更正字段的 JSON 对象");

    public static ServerMessage NotAnETag(string? tag) => Say("clue.etag",
        $"'{tag}' is not the ETag of a clue (such as \"3\"): read the clue again and send its ETag",
        $"“{tag}”不是线索的 ETag（如 \"3\"）：请重新读取线索并发送其 ETag");

    public static ServerMessage DraftNotBpmn(string root, string ns) => Say("draft.not-bpmn",
        $"The root element is {root}, not BPMN 2.0 definitions ({ns}).", $"根元素是 {root}，不是 BPMN 2.0 definitions（{ns}）。");

    public static ServerMessage DraftNoProcess(string key, IReadOnlyList<string> processes) => Say("draft.no-process",
        $"The file holds no process with id '{key}'" + (processes.Count > 0 ? $" (it holds {string.Join(", ", processes)})." : "."),
        $"文件中没有 id 为“{key}”的流程" + (processes.Count > 0 ? $"（文件中有 {string.Join("、", processes)}）。" : "。"));

    public static ServerMessage DraftNotWellFormed(string reason) =>
        Say("draft.not-well-formed", $"The file is not well-formed XML: {reason}", $"文件不是格式正确的 XML：{reason}");

    public static ServerMessage CorrectionDuplicates() => Say("clue.duplicates",
        "The register already holds this matter: merge into it, or correct anyway with correctAnyway = true.",
        "登记簿中已有此事项：请并入已有线索，或以 correctAnyway = true 仍然更正。");
}
