namespace NetworkCenter.Workflows.Expressions;

/// <summary>An expression or script that does not parse, fails, or breaks a sandbox limit; the message says which.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
