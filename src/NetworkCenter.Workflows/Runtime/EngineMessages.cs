using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>Why the engine refused a command, in English and Chinese (see <see cref="ServerLanguage"/> for why a typed table).</summary>
public static class EngineMessages
{
    public static ServerMessage NoTask(Guid taskId) => Say("task.not-found", $"There is no task {taskId}.", $"没有任务 {taskId}。");

    public static ServerMessage TaskNotOpen() => Say("task.not-open", "The task is no longer open.", "该任务已办结或已撤销，不能再办理。");

    public static ServerMessage TaskClaimed(string assignee) =>
        Say("task.claimed", $"The task is already claimed by {assignee}.", $"该任务已由 {assignee} 认领。");

    public static ServerMessage NotACandidate() => Say("task.not-a-candidate",
        "You are neither the assignee, a candidate user, in a candidate group, nor a system administrator.",
        "您不是该任务的办理人、候选人、候选组成员，也不是系统管理员。");

    public static ServerMessage AssignedToAnother(string assignee) => Say("task.assigned-to-another",
        $"The task is assigned to {assignee}; only they or a system administrator may act on it.",
        $"该任务已分配给 {assignee}，只有其本人或系统管理员可以办理。");

    public static ServerMessage NoInstance(Guid instanceId) =>
        Say("instance.not-found", $"No process instance has the id {instanceId}.", $"没有 id 为 {instanceId} 的流程实例。");

    public static ServerMessage InstanceEnded(Guid instanceId, string status) => Say("instance.ended",
        $"Process instance {instanceId} has ended ({status}): its variables can no longer change.",
        $"流程实例 {instanceId} 已结束（{status}）：其变量不能再更改。");

    public static ServerMessage NoIncident(Guid incidentId) =>
        Say("incident.not-found", $"There is no incident {incidentId}.", $"没有故障 {incidentId}。");

    public static ServerMessage IncidentResolved() => Say("incident.resolved", "The incident is already resolved.", "该故障已经处理。");

    public static ServerMessage SystemClock() => Say("clock.system",
        "The clock is the system clock; only a manual clock (Clock:Mode=Manual) can be advanced.",
        "当前使用系统时钟；只有手动时钟（Clock:Mode=Manual）可以拨快。");

    public static ServerMessage ClockBackwards() => Say("clock.backwards", "The clock never goes back.", "时钟不能往回拨。");

    public static ServerMessage ClockStillDue(int timers, int jobs, double seconds) => Say("clock.still-due",
        $"{timers} timers and {jobs} jobs were still due after {seconds} s.",
        $"{seconds} 秒后仍有 {timers} 个定时器和 {jobs} 个作业未执行。");

    public static ServerMessage NothingWaits(string name, string? businessKey, Guid? instanceId) => Say("message.not-awaited",
        $"Nothing waits for the message '{name}'" + (businessKey is not null ? $" with business key '{businessKey}'" : "")
            + (instanceId is not null ? $" in instance {instanceId}" : "") + ".",
        (instanceId is not null ? $"流程实例 {instanceId} 中" : "") + (businessKey is not null ? $"业务键为“{businessKey}”的" : "")
            + $"流程没有在等待消息“{name}”。");

    public static ServerMessage NoNoneStartEvent(string processId) => Say("process.no-none-start",
        $"Process '{processId}' has no none start event; it starts by a timer or a message only.",
        $"流程“{processId}”没有空开始事件，只能由定时器或消息启动。");

    public static ServerMessage NoDefinition(string key) =>
        Say("definition.not-found", $"No process definition has the key '{key}'.", $"没有键为“{key}”的流程定义。");
}
