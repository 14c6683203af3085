using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>Why a meeting's participants or date were refused, beside the form field, in English and Chinese (see <see cref="ServerLanguage"/>).</summary>
internal static class ArgumentationMessages
{
    public static ServerMessage TooFewParticipants(int minimum, int chosen) => Say("meeting.too-few-participants",
        $"at least {minimum} participants are needed, {chosen} chosen", $"至少需要 {minimum} 名参加人员，已选 {chosen} 名");

    public static ServerMessage NotProposed(long id) => Say("meeting.not-proposed",
        $"liaison {id} was not proposed: unknown, without the expertise, or recused for declared ties",
        $"联络员 {id} 不在推荐名单中：不存在、不具备相关专长，或因申报的关联关系回避");

    public static ServerMessage NotADateTime() => Say("meeting.date-time", "is not a date and time", "不是日期和时间");

    public static ServerMessage TooSoon(int days, string earliest) => Say("meeting.too-soon",
        $"must be at least {days} days after the brief is sent (not before {earliest})", $"须在发出案件简介至少 {days} 天之后（不早于 {earliest}）");
}
