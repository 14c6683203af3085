using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Supervision.Validation;

/// <summary>
/// The domain's messages about a request's fields, in English and Chinese; the field itself is the key they are listed
/// under (see <see cref="ServerLanguage"/> for why a typed table rather than resources).
/// </summary>
internal static class FieldMessages
{
    public static ServerMessage Required() => Say("field.required", "Required.", "必填。");

    public static ServerMessage TooLong(int most) => Say("field.max-length", $"At most {most} characters.", $"最多 {most} 个字符。");

    public static ServerMessage TooShort(int least) => Say("field.min-length", $"At least {least} characters.", $"至少 {least} 个字符。");

    public static ServerMessage ControlCharacters() => Say("field.control-characters", "Contains control characters.", "含有控制字符。");

    public static ServerMessage NotEmail() => Say("field.email", "Not an email address.", "不是电子邮件地址。");

    public static ServerMessage NotPhone() => Say("field.phone", "Not a telephone number.", "不是电话号码。");

    public static ServerMessage UnknownValue(string value, IEnumerable<string> allowed) => Say("field.unknown-value",
        $"Unknown value '{value}'; one of: {string.Join(", ", allowed)}.", $"未知的值“{value}”，可选：{string.Join("、", allowed)}。");

    public static ServerMessage NotSlug() =>
        Say("field.slug", "Lowercase letters, digits and hyphens, at most 40.", "只能由小写字母、数字和连字符组成，最多 40 个字符。");

    public static ServerMessage UsernameTaken(string username) =>
        Say("account.username-taken", $"The username '{username}' is taken.", $"用户名“{username}”已被占用。");

    public static ServerMessage OfficeNameTaken(string name) => Say("office.name-taken",
        $"An office or reporting point is already named '{name}'.", $"已有名为“{name}”的联络站或信息点。");

    public static ServerMessage LiaisonHasAccount(string username) => Say("liaison.has-account",
        $"The liaison already signs in as '{username}'.", $"该联络员已有登录账号“{username}”。");

    public static ServerMessage Range(long least, long most) => Say("field.range", $"From {least} to {most}.", $"取值范围为 {least} 至 {most}。");
}
