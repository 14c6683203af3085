using NetworkCenter.Workflows.Forms;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>Why a command was refused; the API turns each into its status code.</summary>
public enum EngineError
{
    NotFound,
    Conflict,
    Forbidden,
    Invalid,
}

/// <summary>
/// A command was refused; nothing it did was kept. The message is in the language of the request that sent the command;
/// <see cref="Code"/> says which refusal it is, and <see cref="FieldErrors"/> the fields at fault when data was refused.
/// </summary>
public sealed class EngineException(EngineError error, ServerMessage message, IReadOnlyList<FormFieldError>? fieldErrors = null)
    : Exception(message.Text)
{
    public EngineError Error { get; } = error;

    public string Code { get; } = message.Code;

    public IReadOnlyList<FormFieldError> FieldErrors { get; } = fieldErrors ?? [];

    public static EngineException NotFound(ServerMessage message) => new(EngineError.NotFound, message);

    public static EngineException Conflict(ServerMessage message) => new(EngineError.Conflict, message);

    public static EngineException Forbidden(ServerMessage message) => new(EngineError.Forbidden, message);

    public static EngineException Invalid(ServerMessage message, IReadOnlyList<FormFieldError>? fieldErrors = null) =>
        new(EngineError.Invalid, message, fieldErrors);
}
