namespace NetworkCenter.Workflows.Runtime;

/// <summary>Why a command was refused; the API turns each into its status code.</summary>
public enum EngineError
{
    NotFound,
    Conflict,
    Forbidden,
    Invalid,
}

/// <summary>A command was refused; nothing it did was kept.</summary>
public sealed class EngineException(EngineError error, string message) : Exception(message)
{
    public EngineError Error { get; } = error;

    public static EngineException NotFound(string message) => new(EngineError.NotFound, message);

    public static EngineException Conflict(string message) => new(EngineError.Conflict, message);

    public static EngineException Forbidden(string message) => new(EngineError.Forbidden, message);

    public static EngineException Invalid(string message) => new(EngineError.Invalid, message);
}
