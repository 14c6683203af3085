using NetworkCenter.Workflows.Calendar;
using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Web.Apis;

/// <summary>The holiday table's refusals, in English and Chinese (see <see cref="ServerLanguage"/>).</summary>
internal static class HolidayMessages
{
    public static ServerMessage NotAYear(string? year) =>
        Say("holiday.year", $"'{year}' is not a year such as 2026.", $"“{year}”不是年份（如 2026）。");

    public static ServerMessage NotADate(string? date) =>
        Say("holiday.date", $"'{date}' is not a date in the form yyyy-MM-dd.", $"“{date}”不是 yyyy-MM-dd 格式的日期。");

    public static ServerMessage NotAKind(string? kind) => Say("holiday.kind",
        $"'{kind}' is not a kind: use '{HolidayKinds.DayOff}' or '{HolidayKinds.MakeUpWorkingDay}'.",
        $"“{kind}”不是有效的类型：请用“{HolidayKinds.DayOff}”（放假）或“{HolidayKinds.MakeUpWorkingDay}”（调休上班）。");

    public static ServerMessage NameRequired() =>
        Say("holiday.name-required", "A name is required, such as 春节 or 春节调休上班.", "请填写名称，如“春节”或“春节调休上班”。");

    public static ServerMessage NameTooLong(int most) =>
        Say("holiday.name-length", $"The name is longer than {most} characters.", $"名称超过 {most} 个字符。");

    public static ServerMessage SourceTooLong(int most) =>
        Say("holiday.source-length", $"The source is longer than {most} characters.", $"依据超过 {most} 个字符。");

    public static ServerMessage NotSaved() => Say("holiday.not-saved", "The holiday was not saved.", "节假日未保存。");

    public static ServerMessage NotAStart(string? start) => Say("holiday.start",
        $"'{start}' is not a date (yyyy-MM-dd) or a date and time with an offset (2026-02-10T09:30+08:00).",
        $"“{start}”不是日期（yyyy-MM-dd），也不是带时区的日期时间（2026-02-10T09:30+08:00）。");

    public static ServerMessage NotAPeriod(string? period, string reason) =>
        Say("holiday.period", $"'{period}' is not a legal period: {reason}", $"“{period}”不是有效的法定期间：{reason}");

    public static ServerMessage PeriodRefused(string reason) => Say("holiday.period", reason, $"无法计算该期间：{reason}");

    public static ServerMessage NoDueDate() => Say("holiday.no-due-date", "The due date cannot be computed.", "无法计算到期日。");
}
