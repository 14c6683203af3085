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

    public static ServerMessage AtLeastOneRole() => Say("staff.roles-required", "At least one staff role.", "至少需要一个干警角色。");

    public static ServerMessage KeepOwnAdministrator() => Say("staff.own-administrator",
        "You cannot remove the system-administrator role from yourself.", "不能取消自己的系统管理员角色。");

    public static ServerMessage DeactivateSelf() => Say("staff.deactivate-self", "You cannot deactivate yourself.", "不能停用自己。");

    public static ServerMessage NoOffice(long? id) => Say("office.not-found", $"No office or reporting point {id}.", $"没有联络站或信息点 {id}。");

    public static ServerMessage OfficeDeactivated(long? id) =>
        Say("office.deactivated", $"Office or reporting point {id} is deactivated.", $"联络站或信息点 {id} 已停用。");

    public static ServerMessage NotIdNumber() => Say("field.id-number",
        "Not an ID number (resident ID, unified social credit code or licence number: 15 to 18 letters and digits).",
        "不是证件号码（居民身份证、统一社会信用代码或执照号码：15 至 18 位字母和数字）。");

    public static ServerMessage TooManyTies(int most) => Say("liaison.ties", $"At most {most} ties.", $"关联关系最多 {most} 项。");

    public static ServerMessage LiaisonDeactivated() => Say("liaison.deactivated", "The liaison is deactivated.", "该联络员已停用。");

    public static ServerMessage OnlySpaces() => Say("password.only-spaces", "Not only spaces.", "不能只有空格。");

    public static ServerMessage SamePassword() =>
        Say("password.unchanged", "Must differ from the current password.", "新密码必须与当前密码不同。");

    public static ServerMessage WrongPassword() => Say("password.wrong", "Not your current password.", "当前密码不正确。");

    public static ServerMessage Username() => Say("account.username", "Letters, digits, '.', '_', '-' and '@', starting with a letter or digit.",
        "只能由字母、数字和 '.'、'_'、'-'、'@' 组成，并以字母或数字开头。");

    public static ServerMessage MonthOrRange() =>
        Say("period.month-or-range", "Give either month or from and to, not both.", "请给出 month，或给出 from 和 to，不能同时给出。");

    public static ServerMessage NotAMonth(string? month) =>
        Say("period.month", $"'{month}' is not a month written yyyy-MM.", $"“{month}”不是 yyyy-MM 格式的月份。");

    public static ServerMessage EndsBeforeStart(string end, string start) => Say("period.order",
        $"The period ends ({end}, excluded) before it starts ({start}): to must be after from.",
        $"期间的结束日（{end}，不含）早于开始日（{start}）：to 必须晚于 from。");

    public static ServerMessage PeriodTooLong(int days) => Say("period.length", $"A period covers at most {days} days.", $"期间最长 {days} 天。");

    public static ServerMessage NotAnInstant(string? value) => Say("period.as-of",
        $"'{value}' is not an ISO 8601 instant such as 2026-04-01T00:00:00+08:00.", $"“{value}”不是 ISO 8601 时刻（如 2026-04-01T00:00:00+08:00）。");

    public static ServerMessage PeriodBoundRequired() => Say("field.required",
        "Required (yyyy-MM-dd, CST), unless month (yyyy-MM) is given.", "必填（yyyy-MM-dd，北京时间），除非给出 month（yyyy-MM）。");

    public static ServerMessage NotADate(string? value) => Say("field.date", $"'{value}' is not a date written yyyy-MM-dd.", $"“{value}”不是 yyyy-MM-dd 格式的日期。");

    public static ServerMessage CorrectionNote() => Say("outcome.correction-note",
        "Required on a correction: say which entry it corrects and why.", "更正时必填：说明更正哪一条及原因。");

    public static ServerMessage DraftClue() => Say("outcome.draft-clue",
        "The clue is a draft: confirm it before recording what came of it.", "该线索仍是草稿：请先确认登记，再登记办理成效。");

    public static ServerMessage MergedClue(string? into) => Say("outcome.merged-clue",
        $"The clue was merged into {into}: record the outcome there, where its sources now are.", $"该线索已并入线索 {into}：请在该线索上登记办理成效。");

    public static ServerMessage NegativeAmount() => Say("outcome.negative",
        "Must not be negative; only a correction takes an amount back.", "不能为负数；只有更正才能冲减金额。");

    public static ServerMessage AmountTooLarge(string most) => Say("outcome.amount-max", $"At most {most} yuan.", $"最多 {most} 元。");

    public static ServerMessage TwoDecimals() => Say("outcome.decimals", "At most two decimal places (yuan and fen).", "最多两位小数（元、角分）。");

    public static ServerMessage BeforeFrom() => Say("period.order", "Before from.", "早于 from。");
}
