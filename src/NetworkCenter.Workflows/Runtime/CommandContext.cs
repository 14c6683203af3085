using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Persistence;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Tasks;
using Npgsql;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// One command's transaction: the connection, the time the command happens at, who asked, the instances it loaded
/// (saved before commit), its journal lines and the Hangfire dispatches that may only happen after commit.
/// Writes nothing in the command reads back until later (task, timer, subscription and job rows) are deferred: they go
/// ahead of the command's next statement in its round trip, or with the final save, in the order they were made.
/// </summary>
internal sealed class CommandContext(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, string? user, TimeSpan timerHorizon)
{
    private readonly List<JournalLine> _journal = [];
    private readonly Dictionary<Guid, InstanceState> _instances = [];
    private readonly DeferredWrites _deferred = new();
    private readonly HashSet<Guid> _completedTaskExecutions = [];
    private readonly List<(Guid ExecutionId, TaskView Task)> _createdTasks = [];

    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public DateTimeOffset Now { get; } = now;
    public string? User { get; } = user;
    public List<Dispatch> Dispatches { get; } = [];

    public async Task<InstanceState?> LockInstanceAsync(Guid id)
    {
        if (_instances.TryGetValue(id, out var loaded))
        {
            return loaded;
        }
        var (state, _) = await LockInstanceWithAsync<bool>("@id", new { id }, extraSelect: null);
        return state;
    }

    /// <summary>
    /// Locks the instance whose id <paramref name="instanceIdSql"/> yields and reads it, then runs
    /// <paramref name="extraSelect"/> (one row, under the lock), all in one round trip.
    /// </summary>
    public async Task<(InstanceState? State, T? Extra)> LockInstanceWithAsync<T>(string instanceIdSql, object parameters, string? extraSelect)
    {
        var (sql, merged) = _deferred.Before("", parameters);
        var (state, extra) = await InstanceStore.LoadForUpdateAsync<T>(Connection, Transaction, sql, instanceIdSql, merged, extraSelect);
        if (state is not null)
        {
            if (_instances.TryGetValue(state.Id, out var loaded))
            {
                return (loaded, extra);
            }
            _instances[state.Id] = state;
        }
        return (state, extra);
    }

    /// <summary>A new instance: inserted now so rows that refer to it can be written, saved again at the end.</summary>
    public async Task AddInstanceAsync(InstanceState state)
    {
        await InstanceStore.InsertAsync(Connection, Transaction, state, Now, User);
        _instances[state.Id] = state;
    }

    public void Journal(Guid instanceId, string kind, string? elementId = null, JsonObject? data = null, string? user = null) =>
        _journal.Add(new JournalLine(instanceId, Now, kind, elementId, user ?? User, data?.ToJsonString()));

    public void AfterCommit(Dispatch dispatch) => Dispatches.Add(dispatch);

    /// <summary>This command completed the task of <paramref name="executionId"/>: that execution holds no open task now.</summary>
    public void TaskCompleted(Guid executionId) => _completedTaskExecutions.Add(executionId);

    public bool CompletedTaskOf(Guid executionId) => _completedTaskExecutions.Contains(executionId);

    /// <summary>This command created <paramref name="task"/> for the token <paramref name="executionId"/>.</summary>
    public void TaskCreated(Guid executionId, TaskView task) => _createdTasks.Add((executionId, task));

    /// <summary>
    /// The tasks this command created in <paramref name="instanceId"/> that are still open as it ends: a token that
    /// moved on in the same command (a boundary event, a gateway) got a new execution id, and its task was cancelled.
    /// </summary>
    public IReadOnlyList<TaskView> OpenTasksCreatedIn(Guid instanceId) =>
        _instances.TryGetValue(instanceId, out var state) && !state.IsEnded
            ? [.. _createdTasks.Where(c => c.Task.InstanceId == instanceId && state.Find(c.ExecutionId)?.ElementId == c.Task.ElementId).Select(c => c.Task)]
            : [];

    /// <summary>
    /// Hands a timer written now to Hangfire after commit when it is due within the horizon, and returns the value of
    /// its <c>handed_over_at</c>: null leaves it to <see cref="TimerHandOver"/>, which hands it over when its time nears.
    /// </summary>
    public DateTimeOffset? HandOverTimer(Guid timerId, DateTimeOffset due)
    {
        if (due > Now + timerHorizon)
        {
            return null;
        }
        AfterCommit(Dispatch.Timer(timerId, due));
        return Now;
    }

    /// <summary>
    /// Queues a write whose rows this command does not read back before its next statement; <paramref name="sql"/>'s
    /// parameters are the properties of <paramref name="parameters"/>, as with Dapper.
    /// </summary>
    public void Defer(string sql, object parameters) => _deferred.Add(sql, parameters);

    public Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        var (all, merged) = _deferred.Before(sql, parameters);
        return Connection.ExecuteAsync(all, merged, Transaction);
    }

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var (all, merged) = _deferred.Before(sql, parameters);
        return Connection.QueryAsync<T>(all, merged, Transaction);
    }

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null)
    {
        var (all, merged) = _deferred.Before(sql, parameters);
        return Connection.QuerySingleOrDefaultAsync<T>(all, merged, Transaction);
    }

    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null)
    {
        var (all, merged) = _deferred.Before(sql, parameters);
        return Connection.QueryMultipleAsync(all, merged, Transaction);
    }

    /// <summary>
    /// Writes the deferred rows, what the command changed of its instances, and its journal, and commits, in one round
    /// trip: <c>commit</c> is the batch's last statement. A failing statement skips the rest of the batch, commit
    /// included, and leaves the transaction failed, so the runner's dispose rolls it back; a failing commit has ended
    /// it already. Either way the call throws. Npgsql reads the idle status the commit leaves and treats its
    /// <see cref="NpgsqlTransaction"/> as completed (nothing to roll back on dispose).
    /// </summary>
    public async Task FlushAndCommitAsync()
    {
        var (deferredSql, deferredParameters) = _deferred.Before("", null);
        var sql = new StringBuilder(deferredSql);
        var parameters = (deferredParameters as BatchParameters) ?? new BatchParameters();
        var n = 0;
        foreach (var state in _instances.Values)
        {
            InstanceStore.AppendSave(sql, parameters, state, n++);
        }
        if (_journal.Count > 0)
        {
            sql.Append(
                """
                insert into engine.journal (instance_id, at, kind, element_id, user_id, data)
                select * from unnest(@journalInstances, @journalAts, @journalKinds, @journalElements, @journalUsers, @journalDatas::jsonb[]);
                """);
            parameters.Add("journalInstances", _journal.Select(j => j.InstanceId).ToArray());
            parameters.Add("journalAts", _journal.Select(j => j.At).ToArray());
            parameters.Add("journalKinds", _journal.Select(j => j.Kind).ToArray());
            parameters.Add("journalElements", _journal.Select(j => j.ElementId).ToArray());
            parameters.Add("journalUsers", _journal.Select(j => j.User).ToArray());
            parameters.Add("journalDatas", _journal.Select(j => j.Data).ToArray());
        }
        sql.Append("commit;");
        await Connection.ExecuteAsync(sql.ToString(), parameters, Transaction);
        foreach (var state in _instances.Values)
        {
            InstanceStore.Saved(state);
        }
        _journal.Clear();
    }

    private sealed record JournalLine(Guid InstanceId, DateTimeOffset At, string Kind, string? ElementId, string? User, string? Data);
}
