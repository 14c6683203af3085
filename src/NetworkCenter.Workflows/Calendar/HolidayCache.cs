using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NetworkCenter.Workflows.Calendar;

/// <summary>
/// The holiday table in memory: read again when this process changed it, and when the copy is older than
/// <see cref="LegalCalendarOptions.HolidayRefreshInterval"/> so other processes' changes are seen too. Age is measured
/// on the monotonic timestamp, which a manual test clock does not move.
/// </summary>
internal sealed class HolidayCache(
    NpgsqlDataSource dataSource, TimeProvider time, IOptionsMonitor<LegalCalendarOptions> options, ILogger<HolidayCache> logger)
    : IDisposable
{
    private sealed record Entry(HolidayCalendar Calendar, long LoadedAt, int Generation);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Entry? _entry;
    private int _generation;

    /// <summary>Makes the next read go to the database; called after every change committed through this process.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<HolidayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && IsFresh(entry))
        {
            return entry.Calendar;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            entry = Volatile.Read(ref _entry);
            if (entry is not null && IsFresh(entry))
            {
                return entry.Calendar;
            }
            // Read the generation before loading: a change committed during the load leaves this entry stale at once.
            var generation = Volatile.Read(ref _generation);
            HolidayCalendar calendar;
            try
            {
                calendar = await LoadAsync(cancellationToken);
            }
            catch (Exception exception) when (entry is not null && exception is NpgsqlException or TimeoutException)
            {
                // A deadline computed from a copy a minute old beats a timer that fails because the database blinked.
                logger.LogWarning(exception, "Could not reload the holiday table; using the copy loaded before");
                return entry.Calendar;
            }
            Volatile.Write(ref _entry, new Entry(calendar, time.GetTimestamp(), generation));
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private bool IsFresh(Entry entry) =>
        entry.Generation == Volatile.Read(ref _generation)
        && time.GetElapsedTime(entry.LoadedAt) < options.CurrentValue.HolidayRefreshInterval;

    private async Task<HolidayCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateOnly Date, string Kind)>(
            new CommandDefinition("select date, kind from engine.holidays", cancellationToken: cancellationToken));
        var days = new Dictionary<DateOnly, HolidayKind>();
        foreach (var (date, code) in rows)
        {
            if (HolidayKinds.TryParse(code, out var kind))
            {
                days[date] = kind;
            }
        }
        return new HolidayCalendar(days, options.CurrentValue.MakeUpDaysAreWorkingDays);
    }
}
