using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>Why an uploaded file or request was refused, naming the file, in English and Chinese (see <see cref="ServerLanguage"/>).</summary>
internal static class UploadMessages
{
    public static ServerMessage TooLarge(string file, int megabytes) =>
        Say("upload.too-large", $"{file} is larger than the {megabytes} MB limit", $"文件“{file}”超过 {megabytes} MB 的上限");

    public static ServerMessage Empty(string file) => Say("upload.empty", $"{file} is empty", $"文件“{file}”是空的");

    public static ServerMessage NoExtension(string file, string accepted) => Say("upload.extension",
        $"{file} has no file extension (accepted: {accepted})", $"文件“{file}”没有扩展名（可接受：{accepted}）");

    public static ServerMessage Extension(string file, string extension, string accepted) => Say("upload.extension",
        $"{file} has the extension {extension}, which is not accepted (accepted: {accepted})",
        $"文件“{file}”的扩展名 {extension} 不被接受（可接受：{accepted}）");

    public static ServerMessage DeclaredOther(string file, string declared, string extension, string named) => Say("upload.declared-type",
        $"{file} is declared as {declared} but its extension {extension} stands for {named}",
        $"文件“{file}”声明为 {declared}，但扩展名 {extension} 表示 {named}");

    public static ServerMessage DeclaredUnknown(string file, string declared) => Say("upload.declared-type",
        $"{file} is declared as {declared}, which is not an accepted type", $"文件“{file}”声明为 {declared}，不是可接受的类型");

    public static ServerMessage Macros(string file) => Say("upload.macros",
        $"{file} contains macros, which are not accepted; save it without macros", $"文件“{file}”含有宏，不被接受；请另存为不含宏的文件");

    public static ServerMessage Content(string file, string extension, string named, string? actual) => Say("upload.content",
        $"{file} is named {extension} ({named}) but its content is {actual ?? "not an accepted type"}",
        $"文件“{file}”名为 {extension}（{named}），但其内容是{actual ?? "不可接受的类型"}");

    public static ServerMessage TooManyFiles(int most) =>
        Say("upload.too-many-files", $"at most {most} files per request", $"每次最多上传 {most} 个文件");

    public static ServerMessage RequestTooLarge(int megabytes, int files) => Say("upload.request-too-large",
        $"The request is larger than {megabytes} MB: at most {files} files of 20 MB each.",
        $"请求超过 {megabytes} MB：最多 {files} 个文件，每个不超过 20 MB。");

    public static ServerMessage MediaType() => Say("upload.media-type",
        "Send the clue as application/json, or as multipart/form-data with a part named clue and the files.",
        "请以 application/json 发送线索，或以 multipart/form-data 发送名为 clue 的部分及附件。");
}
