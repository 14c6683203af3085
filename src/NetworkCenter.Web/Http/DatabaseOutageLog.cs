namespace NetworkCenter.Web.Http;

/// <summary>
/// What the log says about a database outage. Under load every request answers 503 while PostgreSQL is away, and a
/// line per request would bury everything else: the first 503 of an outage is a warning with its cause, later ones
/// are counted into at most one summary line a minute, and the first connection opened afterwards ends the outage
/// with an information line.
/// </summary>
internal sealed partial class DatabaseOutageLog(TimeProvider clock, ILogger<DatabaseOutageLog> logger)
{
    internal static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private volatile bool _down;
    private DateTimeOffset _since;
    private DateTimeOffset _summarisedAt;
    private int _sinceSummary;
    private int _total;

    /// <summary>A request answered 503 because the database is out of reach.</summary>
    public void Refused(string method, string path, Exception cause)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _total++;
            if (!_down)
            {
                (_down, _since, _summarisedAt, _sinceSummary) = (true, now, now, 0);
                OutageStarted(method, path, cause.GetBaseException().Message);
                return;
            }
            _sinceSummary++;
            if (now - _summarisedAt >= SummaryInterval)
            {
                StillDown(_sinceSummary, cause.GetBaseException().Message);
                (_summarisedAt, _sinceSummary) = (now, 0);
            }
        }
    }

    /// <summary>The database accepted a new connection: if an outage was on, it is over.</summary>
    public void Answered()
    {
        if (!_down)
        {
            return;
        }
        lock (_gate)
        {
            if (_down)
            {
                OutageEnded(_total, clock.GetUtcNow() - _since);
                (_down, _sinceSummary, _total) = (false, 0, 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Method} {Path} answered 503: the database is unavailable ({Reason}). Further 503s are counted once a minute until it answers again.")]
    private partial void OutageStarted(string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} requests answered 503 in the last minute: the database is still unavailable ({Reason}).")]
    private partial void StillDown(int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answers again: {Total} requests answered 503 during the outage of {Duration}.")]
    private partial void OutageEnded(int total, TimeSpan duration);
}
