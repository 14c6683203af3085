using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// Register numbers per year (<c>2026-0001</c>). The year's counter row is incremented inside the registering
/// transaction: a rollback takes its number back (no gaps) and a concurrent registration waits on the row lock until
/// this one commits (no repeats). Take the number last, just before commit, so the lock is held briefly.
/// </summary>
internal static class RegisterNumbers
{
    /// <summary>The register follows the procuratorate's calendar year, in China Standard Time (no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static async Task<(int Year, int Sequence, string Number)> NextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
    {
        var year = now.ToOffset(ChinaOffset).Year;
        var sequence = await connection.ExecuteScalarAsync<int>("""
            insert into supervision.clue_register_counters as c (year, last_number) values (@year, 1)
            on conflict (year) do update set last_number = c.last_number + 1
            returning last_number
            """, new { year }, transaction);
        return (year, sequence, Format(year, sequence));
    }

    public static string Format(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}-{sequence:0000}");

    /// <summary>Gives a draft its number and moves it to <c>registered</c>, journaled.</summary>
    public static async Task<string> AssignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId, string actor, DateTimeOffset now, string? note)
    {
        var (year, sequence, number) = await NextAsync(connection, transaction, now);
        await connection.ExecuteAsync("""
            update supervision.clues set status = 'registered', register_year = @year, register_seq = @sequence,
                register_number = @number, updated_at = @now
            where id = @clueId
            """, new { clueId, year, sequence, number, now }, transaction);
        await StatusHistory.AppendAsync(connection, transaction, clueId, ClueStatuses.Draft, ClueStatuses.Registered, actor, now, note ?? $"registered as {number}");
        return number;
    }
}
