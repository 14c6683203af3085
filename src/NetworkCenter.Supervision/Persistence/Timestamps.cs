namespace NetworkCenter.Supervision.Persistence;

internal static class Timestamps
{
    /// <summary>
    /// Now, at offset zero: Npgsql writes a timestamptz only from a UTC <see cref="DateTimeOffset"/>, and nothing but
    /// convention makes every <see cref="TimeProvider"/> return one.
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider clock) => clock.GetUtcNow().ToUniversalTime();

    /// <summary>A timestamptz as Npgsql reads it (a UTC <see cref="DateTime"/>) back as an instant.</summary>
    public static DateTimeOffset AsInstant(this DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
