using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Workflows.Forms;

/// <summary>
/// What a person reads next to a form field the server refused, in English and Chinese (see <see cref="ServerLanguage"/>
/// for why a typed table). <c>label</c> is the field's label in the reader's language, else its data key.
/// </summary>
internal static class FormMessages
{
    public static ServerMessage Required(string label) => Say("form.required", $"{label} is required.", $"{label}为必填项。");

    public static ServerMessage NotText(string label) => Say("form.text", $"{label} must be text.", $"{label}必须是文本。");

    public static ServerMessage MinLength(string label, int length) =>
        Say("form.min-length", $"{label} must be at least {length} characters long.", $"{label}至少需要 {length} 个字符。");

    public static ServerMessage MaxLength(string label, int length) =>
        Say("form.max-length", $"{label} must be at most {length} characters long.", $"{label}最多 {length} 个字符。");

    public static ServerMessage Pattern(string label, string pattern) =>
        Say("form.pattern", $"{label} must match the pattern {pattern}.", $"{label}的格式不符合要求（{pattern}）。");

    public static ServerMessage PatternTimeout(string label, string pattern) =>
        Say("form.pattern-timeout", $"{label} could not be checked against the pattern {pattern} in time.", $"{label}未能在时限内按格式（{pattern}）完成校验。");

    public static ServerMessage Email(string label) => Say("form.email", $"{label} must be an email address.", $"{label}必须是电子邮件地址。");

    public static ServerMessage Phone(string label) => Say("form.phone",
        $"{label} must be an international phone number, such as +8613800138000.", $"{label}必须是国际格式的电话号码，如 +8613800138000。");

    public static ServerMessage Boolean(string label) => Say("form.boolean", $"{label} must be true or false.", $"{label}只能为是或否。");

    public static ServerMessage Number(string label) => Say("form.number", $"{label} must be a number.", $"{label}必须是数字。");

    public static ServerMessage FiniteNumber(string label) => Say("form.finite-number", $"{label} must be a finite number.", $"{label}必须是有限的数字。");

    public static ServerMessage WholeNumber(string label) => Say("form.whole-number", $"{label} must be a whole number.", $"{label}必须是整数。");

    public static ServerMessage DecimalDigits(string label, int digits) =>
        Say("form.decimal-digits", $"{label} must have at most {digits} decimal digits.", $"{label}最多保留 {digits} 位小数。");

    public static ServerMessage Increment(string label, string increment) =>
        Say("form.increment", $"{label} must be a multiple of {increment}.", $"{label}必须是 {increment} 的整数倍。");

    public static ServerMessage Min(string label, string min) => Say("form.min", $"{label} must be at least {min}.", $"{label}不得小于 {min}。");

    public static ServerMessage Max(string label, string max) => Say("form.max", $"{label} must be at most {max}.", $"{label}不得大于 {max}。");

    public static ServerMessage SingleValue(string label) => Say("form.single-value", $"{label} must be a single value.", $"{label}只能是单个值。");

    public static ServerMessage EntrySingleValue(string label, int index) =>
        Say("form.single-value", $"{label}: entry {index} must be a single value.", $"{label}：序号为 {index} 的一项只能是单个值。");

    public static ServerMessage NotAChoice(string label, string value) =>
        Say("form.choice", $"{label}: {value} is not one of the choices.", $"{label}：{value} 不是可选的值。");

    public static ServerMessage List(string label) => Say("form.list", $"{label} must be a list.", $"{label}必须是列表。");

    public static ServerMessage TooManyEntries(string label, int most) =>
        Say("form.list-length", $"{label} must have at most {most} entries.", $"{label}最多 {most} 项。");

    public static ServerMessage Object(string label) => Say("form.object", $"{label} must be an object.", $"{label}必须是一组字段（JSON 对象）。");

    public static ServerMessage Date(string label) => Say("form.date", $"{label} must be a date such as 2026-03-02.", $"{label}必须是日期，如 2026-03-02。");

    public static ServerMessage Time(string label, string zone) =>
        Say("form.time", $"{label} must be a time such as 09:30{zone}.", $"{label}必须是时间，如 09:30{zone}。");

    public static ServerMessage DateTime(string label, string zone) => Say("form.datetime",
        $"{label} must be a date and time such as 2026-03-02T09:30{zone}.", $"{label}必须是日期和时间，如 2026-03-02T09:30{zone}。");

    public static ServerMessage DataTooLarge(int most) =>
        Say("form.data-too-large", $"The submitted data is larger than {most} characters.", $"提交的数据超过 {most} 个字符。");

    public static ServerMessage DataNotJson(string reason) =>
        Say("form.data-not-json", $"The submitted data is not valid JSON: {reason}", $"提交的数据不是有效的 JSON：{reason}");

    public static ServerMessage DataNotObject() =>
        Say("form.data-not-object", "The submitted data must be a JSON object.", "提交的数据必须是 JSON 对象。");

    /// <summary>The title of a refused task completion; the fields' own messages follow it.</summary>
    public static ServerMessage Rejected(string formKey) =>
        Say("form.invalid", $"The data does not satisfy the form '{formKey}'", $"提交的数据不符合表单“{formKey}”的要求");
}
