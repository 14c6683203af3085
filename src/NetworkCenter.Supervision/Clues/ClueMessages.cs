using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// What the register says about a clue's fields, shown beside the field it is listed under, in English and Chinese
/// (see <see cref="ServerLanguage"/> for why a typed table). Vocabulary codes (judgment-supervision, natural) stay as
/// the API spells them.
/// </summary>
internal static class ClueMessages
{
    public static ServerMessage Required() => Say("clue.required", "is required", "必填");

    public static ServerMessage InTheFuture() => Say("clue.future", "must not be in the future", "不能晚于现在");

    public static ServerMessage OneOf(IEnumerable<string> allowed) =>
        Say("clue.one-of", $"must be one of {string.Join(", ", allowed)}", $"必须是以下之一：{string.Join("、", allowed)}");

    public static ServerMessage RequiredOneOf(IEnumerable<string> allowed) =>
        Say("clue.required", $"is required: one of {string.Join(", ", allowed)}", $"必填，可选：{string.Join("、", allowed)}");

    public static ServerMessage AreaRequired(IEnumerable<string> areas) => Say("clue.area-required",
        $"is required for public-interest clues: one of {string.Join(", ", areas)}",
        $"公益诉讼（public-interest）线索必填，可选：{string.Join("、", areas)}");

    public static ServerMessage AreaOnlyForPublicInterest() =>
        Say("clue.area-only-public-interest", "is only for public-interest clues", "仅适用于公益诉讼（public-interest）线索");

    public static ServerMessage RequiredForJudgment() => Say("clue.required-for-judgment",
        "is required for judgment-supervision clues", "裁判结果监督（judgment-supervision）线索必填");

    public static ServerMessage PastDate() => Say("clue.past-date", "must be a past date", "必须是过去的日期");

    public static ServerMessage Amount() => Say("clue.amount",
        "must be between 0 and 9999999999999 yuan with at most two decimals", "必须在 0 至 9999999999999 元之间，最多两位小数");

    public static ServerMessage NotResidentId() => Say("clue.resident-id", "is not a valid resident ID number", "不是有效的居民身份证号码");

    public static ServerMessage NotPartyResidentId() => Say("clue.resident-id",
        "is not a valid resident ID number (18 characters with a valid check digit)", "不是有效的居民身份证号码（18 位，校验位须正确）");

    public static ServerMessage NotCreditCode() => Say("clue.credit-code",
        "is not a valid unified social credit code (18 characters)", "不是有效的统一社会信用代码（18 位）");

    public static ServerMessage OfficeRequired(string sourceKind) => Say("clue.office-required",
        $"is required when the source is a {sourceKind}", $"来源为 {sourceKind} 时必填");

    public static ServerMessage LiaisonRequired() => Say("clue.liaison-required",
        "is required when the source is a liaison", "来源为联络员（liaison）时必填");

    public static ServerMessage TransferDepartment() => Say("clue.transfer-department",
        "must name the department that transferred the clue", "须写明移送线索的部门");

    public static ServerMessage AtMostParties(int most) => Say("clue.too-many", $"at most {most} parties", $"当事人最多 {most} 个");

    public static ServerMessage AtMostAgents(int most) => Say("clue.too-many", $"at most {most} agents", $"代理人最多 {most} 个");

    public static ServerMessage NotNull() => Say("clue.not-null", "must not be null", "不能为 null");

    public static ServerMessage PersonKind() => Say("clue.person-kind", "must be natural or legal", "必须是 natural（自然人）或 legal（法人）");

    public static ServerMessage TooLong(int most) => Say("clue.max-length", $"must be at most {most} characters", $"最多 {most} 个字符");

    public static ServerMessage NotPhone() => Say("clue.phone", "is not a telephone number", "不是电话号码");

    public static ServerMessage NotEmail() => Say("clue.email", "is not an email address", "不是电子邮件地址");

    public static ServerMessage NoOffice(long id) => Say("clue.office-unknown", $"no office {id}", $"没有联络站或信息点 {id}");

    public static ServerMessage OfficeInactive(long id) => Say("clue.office-inactive", $"office {id} is inactive", $"联络站或信息点 {id} 已停用");

    public static ServerMessage OfficeKind(long id, string kind, string sourceKind) =>
        Say("clue.office-kind", $"office {id} is a {kind}, not a {sourceKind}", $"{id} 是 {kind}，不是 {sourceKind}");

    public static ServerMessage NoLiaison(long id) => Say("clue.liaison-unknown", $"no liaison {id}", $"没有联络员 {id}");

    public static ServerMessage LiaisonInactive(long id) => Say("clue.liaison-inactive", $"liaison {id} is inactive", $"联络员 {id} 已停用");

    public static ServerMessage NotAllowedValue(string value, IEnumerable<string> allowed) =>
        Say("clue.one-of", $"'{value}' is not one of {string.Join(", ", allowed)}", $"“{value}”不是以下之一：{string.Join("、", allowed)}");

    public static ServerMessage PositiveWholeNumber() => Say("clue.positive-number", "must be a positive whole number", "必须是正整数");

    public static ServerMessage DateLike() => Say("clue.date", "must be a date like 2026-03-02", "必须是日期，如 2026-03-02");

    public static ServerMessage WholeNumberFrom(int min, int max) =>
        Say("clue.range", $"must be a whole number from {min} to {max}", $"必须是 {min} 至 {max} 之间的整数");

    public static ServerMessage Sort(IEnumerable<string> keys) => Say("clue.sort",
        $"must be one of {string.Join(", ", keys)}, with - in front for descending", $"必须是以下之一：{string.Join("、", keys)}；前加 - 表示降序");

    public static ServerMessage NotJson() => Say("clue.json", "is not valid JSON", "不是有效的 JSON");

    public static ServerMessage InvalidValue() => Say("clue.value",
        "has an invalid value (dates as 2026-03-02, times with an offset, numbers as numbers)",
        "值无效（日期写作 2026-03-02，时间须带时区，数字须为数值）");

    public static ServerMessage CluePartRequired() => Say("clue.part-required",
        "a part named clue with the clue as JSON is required", "须有名为 clue 的部分，内容为线索的 JSON");

    public static ServerMessage MergeIntoItself() => Say("clue.merge-self", "A clue cannot be merged into itself.", "线索不能并入自身。");

    public static ServerMessage AlreadyMerged(string clue, long? into) =>
        Say("clue.already-merged", $"Clue {clue} is already merged into clue {into}.", $"线索 {clue} 已并入线索 {into}。");

    public static ServerMessage TargetMerged(string clue, long? into) => Say("clue.target-merged",
        $"Clue {clue} was itself merged into clue {into}: merge into that one.", $"线索 {clue} 本身已并入线索 {into}：请并入该线索。");

    public static ServerMessage TextOrNull() => Say("clue.text", "must be text or null", "必须是文本或 null");

    public static ServerMessage RecordIdOrNull() => Say("clue.record-id", "must be a record id (a whole number) or null", "必须是记录编号（整数）或 null");

    public static ServerMessage DateOrNull() => Say("clue.date", "must be a date such as 2026-03-02, or null", "必须是日期（如 2026-03-02）或 null");

    public static ServerMessage YuanOrNull() => Say("clue.amount", "must be a number of yuan, or null", "必须是金额（元）或 null");

    public static ServerMessage NotCorrectable(IEnumerable<string> fields) => Say("clue.not-correctable",
        $"is not a field of a clue that can be corrected; those are {string.Join(", ", fields)}", $"不是可更正的线索字段；可更正的有：{string.Join("、", fields)}");

    public static ServerMessage WholeList() => Say("clue.whole-list",
        "must be the whole list (an array; [] for none)", "必须给出完整列表（数组；没有则为 []）");

    public static ServerMessage ListItemValue() => Say("clue.value",
        "has an invalid value (text or null in each field)", "值无效（每个字段须为文本或 null）");

    public static ServerMessage NoStaff(long id) => Say("clue.procurator-unknown", $"no staff member {id}", $"没有干警 {id}");

    public static ServerMessage StaffInactive(long id) => Say("clue.procurator-inactive", $"staff member {id} is inactive", $"干警 {id} 已停用");

    public static ServerMessage NotAProcurator(long id) =>
        Say("clue.not-a-procurator", $"staff member {id} is not a handling procurator", $"干警 {id} 不是承办检察官");

    public static ServerMessage CorrectMerged(string clue, string into) => Say("clue.merged",
        $"Clue {clue} was merged into clue {into}: correct that one instead.", $"线索 {clue} 已并入线索 {into}：请更正该线索。");

    public static ServerMessage AssignmentBeingRecorded() => Say("clue.assignment-being-recorded",
        "Clue intake is recording the handling procurator its task 'Assign a handling procurator' chose: "
            + "try again in a moment, then change the procurator here.",
        "线索受理流程正在记录“分配承办检察官”任务选定的承办检察官：请稍后再在此更换承办检察官。");

    public static ServerMessage ProcuratorKept(string procedures) => Say("clue.procurator-kept",
        $"the clue is under a running procedure ({procedures}) and keeps a handling procurator: give another one instead of none",
        $"该线索有正在进行的流程（{procedures}），须保留承办检察官：请改为指定另一名，而不是清空");

    public static ServerMessage AssignmentTaskOpen(string task, Guid? taskId) => Say("clue.assignment-task-open",
        $"Clue intake is waiting for its task '{task}' (task {taskId}): complete that task in the task inbox to "
            + "assign the handling procurator, so the assignment is recorded and the liaison told.",
        $"线索受理流程正在等待任务“{task}”（任务 {taskId}）：请在待办任务中办理该任务来分配承办检察官，以便记录分配并告知联络员。");

    public static ServerMessage TrueOrFalse() => Say("clue.boolean", "must be true or false", "必须是 true 或 false");
}
