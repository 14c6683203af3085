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
}
