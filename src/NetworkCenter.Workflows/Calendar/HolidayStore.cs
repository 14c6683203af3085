using Dapper;
using Npgsql;

namespace NetworkCenter.Workflows.Calendar;

/// <summary>
/// Reads and changes the holiday table; every change is journaled with its author in the same transaction, and the
/// calendar's cache is invalidated once it commits.
/// </summary>
internal sealed class HolidayStore(NpgsqlDataSource dataSource, HolidayCache cache, TimeProvider time)
{
    // Npgsql reads date as DateOnly and timestamptz as a UTC DateTime.
    private sealed record Row(DateOnly Date, string Kind, string Name, string? Source, string UpdatedBy, DateTime UpdatedAt)
    {
        public Holiday ToHoliday() => new(
            Date, HolidayKinds.TryParse(Kind, out var kind) ? kind : HolidayKind.DayOff, Name, Source, UpdatedBy,
            new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)));
    }

    private const string Columns = "date, kind, name, source, updated_by as UpdatedBy, updated_at as UpdatedAt";

    /// <summary>Every entry of <paramref name="year"/> (or of every year when null), by date.</summary>
    public async Task<IReadOnlyList<Holiday>> ListAsync(int? year, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"select {Columns} from engine.holidays where @year::int is null or extract(year from date) = @year order by date",
            new { year }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToHoliday())];
    }

    /// <summary>Who changed which entries of <paramref name="year"/> (or of every year when null), oldest first.</summary>
    public async Task<IReadOnlyList<HolidayChange>> ListChangesAsync(int? year, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateOnly Date, string Action, string? Kind, string? Name, string? Source, string ChangedBy, DateTime ChangedAt)>(
            new CommandDefinition(
                """
                select date, action, kind, name, source, changed_by, changed_at from engine.holiday_changes
                where @year::int is null or extract(year from date) = @year order by id
                """, new { year }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new HolidayChange(
            r.Date, r.Action, r.Kind, r.Name, r.Source, r.ChangedBy, new DateTimeOffset(DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc))))];
    }

    /// <summary>Creates or replaces the entry for <paramref name="date"/>.</summary>
    public async Task<Holiday> PutAsync(
        DateOnly date, HolidayKind kind, string name, string? source, string user, CancellationToken cancellationToken)
    {
        var now = Now();
        var parameters = new { date = date.ToDateTime(TimeOnly.MinValue), kind = kind.ToCode(), name, source, user, now };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"""
            insert into engine.holidays (date, kind, name, source, updated_by, updated_at)
            values (@date::date, @kind, @name, @source, @user, @now)
            on conflict (date) do update set kind = excluded.kind, name = excluded.name, source = excluded.source,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            returning {Columns}
            """, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into engine.holiday_changes (date, action, kind, name, source, changed_by, changed_at)
            values (@date::date, 'put', @kind, @name, @source, @user, @now)
            """, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
        return row.ToHoliday();
    }

    // Npgsql writes timestamptz only from offset-zero values; a manual clock may carry its start's offset.
    private DateTimeOffset Now() => time.GetUtcNow().ToUniversalTime();

    /// <summary>Removes the entry for <paramref name="date"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(DateOnly date, string user, CancellationToken cancellationToken)
    {
        var parameters = new { date = date.ToDateTime(TimeOnly.MinValue), user, now = Now() };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            """
            with gone as (delete from engine.holidays where date = @date::date returning date, kind, name, source)
            insert into engine.holiday_changes (date, action, kind, name, source, changed_by, changed_at)
            select date, 'delete', kind, name, source, @user, @now from gone
            """, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
        {
            cache.Invalidate();
        }
        return deleted > 0;
    }
}
