using System.Collections.Concurrent;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// The session facts of signed-in accounts (as <see cref="FindSession"/> reads them), kept so that a request needs no
/// database read to check its session. Trusted only while <see cref="SessionChangeListener"/> listens for the
/// <c>account_changed</c> notifications that a trigger sends on every change to them (migration 0075), in whichever
/// process it was made: without the listener nothing cached is used, and every (re)connection starts empty, so no
/// change missed meanwhile is ever trusted.
/// </summary>
internal sealed class SessionCache(FindSession sessions)
{
    /// <summary>A bound on memory against a flood of sessions; far above the accounts a county network has.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<long, CurrentUser> _users = new();
    private readonly Lock _gate = new();

    // Bumped by every invalidation: a read that began before one must not store what it read, which may be older.
    private long _generation;
    private volatile bool _listening;

    public bool IsListening => _listening;

    /// <summary>The user as stored now; null when the account is gone or deactivated.</summary>
    public async Task<CurrentUser?> FindAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (_listening && _users.TryGetValue(user.AccountId, out var cached))
        {
            return cached;
        }
        var generation = Interlocked.Read(ref _generation);
        var stored = await sessions.RefreshAsync(user, cancellationToken);
        if (stored is not null)
        {
            lock (_gate)
            {
                if (_listening && _generation == generation)
                {
                    if (_users.Count >= MaxEntries)
                    {
                        _users.Clear();
                    }
                    _users[stored.AccountId] = stored;
                }
            }
        }
        return stored;
    }

    /// <summary>Something of the account changed: read it again on its next request.</summary>
    public void Invalidate(long accountId)
    {
        lock (_gate)
        {
            _generation++;
            _users.TryRemove(accountId, out _);
        }
    }

    /// <summary>Forgets every account, e.g. after a request of this process that may have changed some.</summary>
    public void Clear() => Reset(_listening);

    /// <summary>The listener listens from now on: start empty, as changes may have been missed before.</summary>
    public void Listening() => Reset(listening: true);

    /// <summary>The listener lost its connection: read every session from the database until it is back.</summary>
    public void NotListening() => Reset(listening: false);

    private void Reset(bool listening)
    {
        lock (_gate)
        {
            _generation++;
            _listening = listening;
            _users.Clear();
        }
    }
}
