namespace NetworkCenter.Supervision.Validation;

/// <summary>
/// What a use case answers: its result, the fields it rejected (nothing stored), or that the thing is not there (or
/// not visible to this user, which a caller must not be able to tell apart).
/// </summary>
internal abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Success(T Value) : Outcome<T>;

    public sealed record Rejected(FieldErrors Errors) : Outcome<T>;

    public sealed record Missing : Outcome<T>;

    public static Outcome<T> NotFound { get; } = new Missing();

    public static implicit operator Outcome<T>(T value) => new Success(value);

    public static implicit operator Outcome<T>(FieldErrors errors) => new Rejected(errors);
}
