using Microsoft.AspNetCore.Mvc;
using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Web.Localization;

/// <summary>
/// What every problem response carries whoever wrote it: a <c>code</c> (the message's own, else one per status) and,
/// for the titles ASP.NET Core writes itself ("Not Found", "One or more validation errors occurred."), the title in
/// the request's language. Problems written with a <see cref="ServerMessage"/> already carry both.
/// </summary>
internal static class GeneralProblems
{
    public const string CodeKey = "code";

    public static void Localize(ProblemDetailsContext context)
    {
        ServerMessagesHosting.RestoreLanguage(context.HttpContext);
        var problem = context.ProblemDetails;
        var general = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        if (general is null)
        {
            return;
        }
        problem.Extensions.TryAdd(CodeKey, general.Code);
        if (problem.Title is null || IsAspNetDefault(problem))
        {
            problem.Title = general.Text;
        }
    }

    /// <summary>A problem whose title and code are <paramref name="message"/>.</summary>
    public static ProblemDetails Problem(int status, ServerMessage message, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = message.Text, Detail = detail };
        problem.Extensions[CodeKey] = message.Code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    private static bool IsAspNetDefault(ProblemDetails problem) => problem.Title is "Bad Request" or "Unauthorized" or "Forbidden"
        or "Not Found" or "Method Not Allowed" or "Not Acceptable" or "Conflict" or "Payload Too Large" or "Content Too Large"
        or "Unsupported Media Type" or "Unprocessable Entity" or "An error occurred while processing your request."
        or "Service Unavailable" or "One or more validation errors occurred.";

    private static ServerMessage? ForStatus(int status) => status switch
    {
        400 => Say("request.invalid", "One or more validation errors occurred.", "请求有误，请检查下列字段。"),
        401 => Say("auth.required", "Sign in first.", "请先登录。"),
        403 => Say("auth.forbidden", "Your role does not allow this.", "您的角色无权进行此操作。"),
        404 => Say("not-found", "Not found.", "未找到。"),
        405 => Say("request.method", "Method not allowed.", "不支持该请求方法。"),
        409 => Say("conflict", "Conflicts with what is stored.", "与已保存的数据冲突。"),
        413 => Say("request.too-large", "The request is too large.", "请求内容过大。"),
        415 => Say("request.media-type", "Unsupported media type.", "不支持的内容类型。"),
        423 => Say("account.locked", "The account is locked.", "账号已锁定。"),
        500 => Say("server.error", "An error occurred while processing your request.", "服务器处理请求时出错。"),
        503 => Say("server.unavailable", "The service is unavailable.", "服务暂时不可用。"),
        _ => null,
    };
}
