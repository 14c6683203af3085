using NetworkCenter.Workflows.Localization;
using static NetworkCenter.Workflows.Localization.ServerLanguage;

namespace NetworkCenter.Workflows.Model.Validation;

/// <summary>
/// Why a BPMN file cannot be deployed, as the designer pins it on the element, in English and Chinese (see
/// <see cref="ServerLanguage"/> for why a typed table). BPMN's own names (userTask, sourceRef) stay as they are in both.
/// </summary>
internal static class BpmnMessages
{
    public static ServerMessage NotExecutable(string processId) => Say("bpmn.not-executable",
        $"process {processId} is not executable (isExecutable=\"false\"), and the file has no executable process",
        $"流程 {processId} 不可执行（isExecutable=\"false\"），文件中也没有可执行的流程");

    public static ServerMessage NoStartEvent(string processId) =>
        Say("bpmn.no-start-event", $"process {processId} has no start event", $"流程 {processId} 没有开始事件");

    public static ServerMessage SeveralNoneStarts() => Say("bpmn.several-none-starts",
        "a process may have only one none start event (which would start it is ambiguous)", "一个流程只能有一个空开始事件（否则无法确定从哪个开始）");

    public static ServerMessage UnknownSource(string sourceId, string processId) => Say("bpmn.unknown-source",
        $"sourceRef \"{sourceId}\" names no supported element of process {processId}", $"sourceRef \"{sourceId}\" 指向的不是流程 {processId} 中受支持的元素");

    public static ServerMessage UnknownTarget(string targetId, string processId) => Say("bpmn.unknown-target",
        $"targetRef \"{targetId}\" names no supported element of process {processId}", $"targetRef \"{targetId}\" 指向的不是流程 {processId} 中受支持的元素");

    public static ServerMessage CrossesSubProcess() => Say("bpmn.flow-crosses-scope",
        "a sequence flow may not cross a sub-process boundary", "顺序流不能跨越子流程的边界");

    public static ServerMessage LeavesEndEvent(string endId) =>
        Say("bpmn.flow-leaves-end", $"a sequence flow may not leave end event {endId}", $"顺序流不能从结束事件 {endId} 引出");

    public static ServerMessage Enters(string kind, string targetId) =>
        Say("bpmn.flow-enters", $"a sequence flow may not enter {kind} {targetId}", $"顺序流不能进入 {kind} {targetId}");

    public static ServerMessage NoWayOut(string kind, string id, bool gateway) => gateway
        ? Say("bpmn.no-outgoing", $"{kind} {id} has no outgoing sequence flow", $"{kind} {id} 没有引出的顺序流")
        : Say("bpmn.no-outgoing", $"{kind} {id} has no outgoing sequence flow; end the path with an end event",
            $"{kind} {id} 没有引出的顺序流；请以结束事件结束该路径");

    public static ServerMessage RetryCycle(string retries) => Say("bpmn.retry-cycle",
        $"camunda:failedJobRetryTimeCycle \"{retries}\" is not an ISO 8601 repeating interval such as R5/PT5M",
        $"camunda:failedJobRetryTimeCycle \"{retries}\" 不是 ISO 8601 重复间隔（如 R5/PT5M）");

    public static ServerMessage DefaultNotOutgoing(string defaultFlow, string id) => Say("bpmn.default-flow",
        $"the default flow \"{defaultFlow}\" is not an outgoing sequence flow of {id}", $"默认流 \"{defaultFlow}\" 不是 {id} 引出的顺序流");

    public static ServerMessage NoCondition(string gatewayId, string flowId) => Say("bpmn.no-condition",
        $"exclusive gateway {gatewayId} has several outgoing flows, and {flowId} has neither a condition nor is the default flow",
        $"排他网关 {gatewayId} 有多条引出的流，而 {flowId} 既没有条件，也不是默认流");

    public static ServerMessage EventGatewayFlows() => Say("bpmn.event-gateway-flows",
        "an event-based gateway needs at least two outgoing flows", "事件网关至少需要两条引出的流");

    public static ServerMessage EventGatewayTarget(string flowId, string kind) => Say("bpmn.event-gateway-target",
        $"flow {flowId} of an event-based gateway must lead to a timer or message intermediate catch event, not a {kind}",
        $"事件网关的流 {flowId} 必须通向定时器或消息中间捕获事件，而不是 {kind}");

    public static ServerMessage EventGatewayCondition() => Say("bpmn.event-gateway-condition",
        "a flow leaving an event-based gateway may not have a condition", "从事件网关引出的流不能带条件");

    public static ServerMessage SubProcessStarts(string id, int count) => Say("bpmn.sub-process-starts",
        $"a sub-process needs exactly one start event, {id} has {count}", $"子流程必须恰好有一个开始事件，{id} 有 {count} 个");

    public static ServerMessage SubProcessStartKind() => Say("bpmn.sub-process-start-kind",
        "the start event of an embedded sub-process must be a none start event", "内嵌子流程的开始事件必须是空开始事件");

    public static ServerMessage TimerStartDuration() => Say("bpmn.timer-start-duration",
        "a timer start event is scheduled on deploy, so it needs timeDate or timeCycle, not timeDuration",
        "定时开始事件在部署时排定，需要 timeDate 或 timeCycle，而不是 timeDuration");

    public static ServerMessage MessageRef() => Say("bpmn.message-ref",
        "a message event needs a messageRef to a bpmn:message with a name (the name is what correlation matches)",
        "消息事件需要 messageRef 指向一个有名称的 bpmn:message（关联按名称匹配）");

    public static ServerMessage AttachedToUnknown(string attachedTo) => Say("bpmn.attached-to",
        $"attachedToRef \"{attachedTo}\" names no activity of the process", $"attachedToRef \"{attachedTo}\" 指向的不是本流程的活动");

    public static ServerMessage BoundaryScope() => Say("bpmn.boundary-scope",
        "a boundary event must be in the same scope as its activity", "边界事件必须与其所附活动在同一作用域中");

    public static ServerMessage ErrorBoundaryHost(string kind) => Say("bpmn.error-boundary-host",
        $"error boundary events are supported on service and send tasks, not on a {kind}", $"错误边界事件只能附在服务任务和发送任务上，不能附在 {kind} 上");

    public static ServerMessage Priority(string priority) => Say("bpmn.priority",
        $"camunda:priority \"{priority}\" is neither an integer nor an expression", $"camunda:priority \"{priority}\" 既不是整数也不是表达式");

    public static ServerMessage NeedsTopic(string kind) => Say("bpmn.needs-topic",
        $"a {kind} needs camunda:type=\"external\" and a camunda:topic that names its handler",
        $"{kind} 需要 camunda:type=\"external\" 和指明其处理程序的 camunda:topic");

    public static ServerMessage UnknownTopic(string topic) =>
        Say("bpmn.unknown-topic", $"no handler is registered for topic \"{topic}\"", $"主题 \"{topic}\" 没有注册处理程序");

    public static ServerMessage NoScript() => Say("bpmn.no-script", "the script task has no script", "脚本任务没有脚本");

    public static ServerMessage CalledElement() => Say("bpmn.called-element",
        "a call activity needs calledElement (the id of the process to call)", "调用活动需要 calledElement（被调用流程的 id）");

    public static ServerMessage LoopCardinality(string cardinality) => Say("bpmn.loop-cardinality",
        $"loopCardinality \"{cardinality}\" is neither a non-negative integer nor an expression",
        $"loopCardinality \"{cardinality}\" 既不是非负整数也不是表达式");

    public static ServerMessage NoProcess() => Say("bpmn.no-process", "the file contains no process", "文件中没有流程");

    public static ServerMessage UnknownCalendar(string calendar) => Say("bpmn.calendar",
        $"calendar \"{calendar}\" is unknown; the only calendar is \"legal\"", $"日历 \"{calendar}\" 未知；唯一的日历是 \"legal\"（法定工作日）");

    public static ServerMessage LegalCalendarTime(string period) => Say("bpmn.calendar-time",
        $"calendar=legal counts whole days, weeks, months or years, but \"{period}\" has a time part",
        $"calendar=legal 按整日、周、月或年计算，但 \"{period}\" 含有时间部分");

    public static ServerMessage TimerValue(string attribute, string value, TimerKind kind) => kind switch
    {
        TimerKind.Date => Say("bpmn.timer-value", $"the timer's {attribute} \"{value}\" is not an ISO 8601 date-time such as 2026-03-01T09:00:00+08:00",
            $"定时器的 {attribute} \"{value}\" 不是 ISO 8601 日期时间（如 2026-03-01T09:00:00+08:00）"),
        TimerKind.Duration => Say("bpmn.timer-value", $"the timer's {attribute} \"{value}\" is not an ISO 8601 duration such as P7D or PT2H",
            $"定时器的 {attribute} \"{value}\" 不是 ISO 8601 时长（如 P7D 或 PT2H）"),
        _ => Say("bpmn.timer-value",
            $"the timer's {attribute} \"{value}\" is not an ISO 8601 repeating interval such as R/P7D, R3/P1D or R3/2026-01-01T00:00:00Z/P1D",
            $"定时器的 {attribute} \"{value}\" 不是 ISO 8601 重复间隔（如 R/P7D、R3/P1D 或 R3/2026-01-01T00:00:00Z/P1D）"),
    };

    public static ServerMessage TaskDate(string attribute, string value) => Say("bpmn.task-date",
        $"{attribute} \"{value}\" is neither an ISO 8601 duration (P3D), an ISO 8601 date-time nor an expression",
        $"{attribute} \"{value}\" 既不是 ISO 8601 时长（P3D）、ISO 8601 日期时间，也不是表达式");

    public static ServerMessage ConditionLanguage(string? language) => Say("bpmn.condition-language",
        $"condition language \"{language}\" is not supported; use javascript or ${{...}}", $"不支持条件语言 \"{language}\"；请使用 javascript 或 ${{...}}");

    public static ServerMessage ConditionNotExpression(string text) => Say("bpmn.condition",
        $"the condition \"{text}\" is not an expression; write ${{...}}", $"条件 \"{text}\" 不是表达式；请写作 ${{...}}");

    public static ServerMessage FileTooLarge(long most) => Say("bpmn.file-too-large",
        $"the file is larger than the limit of {most} bytes", $"文件超过 {most} 字节的上限");

    public static ServerMessage Dtd(int line, int position) => Say("bpmn.dtd",
        $"DTDs are not allowed in BPMN files (line {line}, position {position})", $"BPMN 文件中不允许 DTD（第 {line} 行，第 {position} 列）");

    public static ServerMessage NotWellFormed(string reason) =>
        Say("bpmn.not-well-formed", $"the file is not well-formed XML: {reason}", $"文件不是格式正确的 XML：{reason}");

    public static ServerMessage NotBpmn(string root) => Say("bpmn.not-bpmn",
        $"the root element is {root}, not BPMN 2.0 definitions (namespace http://www.omg.org/spec/BPMN/20100524/MODEL)",
        $"根元素是 {root}，不是 BPMN 2.0 definitions（命名空间 http://www.omg.org/spec/BPMN/20100524/MODEL）");

    public static ServerMessage DefinesNoProcess() => Say("bpmn.no-process", "the file defines no process", "文件中没有定义流程");

    public static ServerMessage DuplicateId(string id) =>
        Say("bpmn.duplicate-id", $"the id \"{id}\" is used by more than one element", $"id \"{id}\" 被多个元素使用");

    public static ServerMessage NoId(string element) => Say("bpmn.no-id", $"a {element} has no id", $"{element} 没有 id");

    public static ServerMessage FlowRefs() => Say("bpmn.flow-refs",
        "the sequence flow needs both sourceRef and targetRef", "顺序流必须同时有 sourceRef 和 targetRef");

    public static ServerMessage UnknownMessage(string messageRef) =>
        Say("bpmn.message-ref", $"messageRef \"{messageRef}\" names no bpmn:message", $"messageRef \"{messageRef}\" 没有对应的 bpmn:message");

    public static ServerMessage UnknownError(string errorRef) =>
        Say("bpmn.error-ref", $"errorRef \"{errorRef}\" names no bpmn:error", $"errorRef \"{errorRef}\" 没有对应的 bpmn:error");

    public static ServerMessage TimerParts() => Say("bpmn.timer-parts",
        "a timer needs exactly one of timeDate, timeDuration or timeCycle", "定时器必须恰好有 timeDate、timeDuration、timeCycle 之一");

    public static ServerMessage TimerEmpty(string part) => Say("bpmn.timer-empty", $"the timer's {part} is empty", $"定时器的 {part} 为空");

    public static ServerMessage Unsupported(string english, string chinese) => Say("bpmn.unsupported", english, chinese);

    public static ServerMessage MultiInstanceInput() => Say("bpmn.multi-instance",
        "multi-instance needs camunda:collection or loopCardinality", "多实例需要 camunda:collection 或 loopCardinality");

    public static ServerMessage VariableMapping(string element) => Say("bpmn.variable-mapping",
        $"camunda:{element} needs variables=\"all\", or source or sourceExpression with target",
        $"camunda:{element} 需要 variables=\"all\"，或带 target 的 source 或 sourceExpression");

    public static ServerMessage BoundaryAttachedTo() => Say("bpmn.attached-to", "a boundaryEvent needs attachedToRef", "边界事件需要 attachedToRef");

    public static ServerMessage ErrorBoundaryInterrupts() => Say("bpmn.error-boundary-interrupts",
        "an error boundary event always interrupts (cancelActivity=\"false\" is not allowed)", "错误边界事件总是中断活动（不允许 cancelActivity=\"false\"）");
}
