namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// What expressions and scripts may read about the running execution, as Camunda's <c>execution</c> offers it:
/// <c>execution.processInstanceId</c>, <c>processBusinessKey</c> (also <c>businessKey</c>), <c>currentActivityId</c>,
/// <c>processDefinitionKey</c>, and the matching <c>get...()</c> methods.
/// </summary>
public sealed record ExecutionInfo(
    string? ProcessInstanceId = null,
    string? BusinessKey = null,
    string? ActivityId = null,
    string? ProcessDefinitionKey = null);
