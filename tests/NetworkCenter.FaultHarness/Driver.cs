using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace NetworkCenter.FaultHarness;

/// <summary>
/// Starts the workload's instances and completes their approval tasks through the REST API. A call that got no answer
/// (the process died under it) is settled from the database before it is tried again, so a start is never repeated
/// after it committed; a 409 is fine only for a task whose earlier try went unanswered.
/// </summary>
internal sealed class Driver(Workload workload, NpgsqlDataSource database, Findings findings, DateTimeOffset deadline)
{
    private readonly ConcurrentDictionary<Guid, bool> _unanswered = new();
    private readonly ConcurrentDictionary<Guid, byte> _inFlight = new();
    private readonly ConcurrentDictionary<Guid, byte> _done = new();
    private int _startsDone;

    public int Completions;
    public int CompletionsAfterLostAnswer;
    public int Conflicts;

    public bool AllStarted => Volatile.Read(ref _startsDone) == workload.Instances;

    /// <summary>Starts every instance, instance i not before <paramref name="spread"/> × i / n from now.</summary>
    public async Task StartAllAsync(IReadOnlyList<HarnessClient> clients, TimeSpan spread)
    {
        var begin = DateTimeOffset.UtcNow;
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < workload.Instances)
            {
                var notBefore = begin + spread * index / workload.Instances;
                if (notBefore > DateTimeOffset.UtcNow)
                {
                    await Task.Delay(notBefore - DateTimeOffset.UtcNow);
                }
                await StartOneAsync(client, index);
                Interlocked.Increment(ref _startsDone);
            }
        }));
    }

    private async Task StartOneAsync(HarnessClient client, int index)
    {
        var businessKey = Workload.BusinessKey(index);
        while (true)
        {
            var status = await client.TryStartAsync(Workload.Key, businessKey, workload.Variables(index));
            if (status == HttpStatusCode.Created)
            {
                return;
            }
            // No answer, or an error from a process going down: did the start commit before it died?
            await Task.Delay(500);
            await using var connection = await database.OpenConnectionAsync();
            if (await connection.ExecuteScalarAsync<int>("select count(*) from engine.instances where business_key = @businessKey", new { businessKey }) > 0)
            {
                return;
            }
            if (status is { } other and not HttpStatusCode.ServiceUnavailable and not HttpStatusCode.InternalServerError)
            {
                findings.Violation($"start of {businessKey} answered {(int)other}");
                return;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{businessKey} could not be started before the deadline");
            }
        }
    }

    /// <summary>
    /// Completes open approval tasks as they appear, until every instance has started and none is left open. With
    /// <paramref name="race"/>, each task is completed through every client at once: exactly one may succeed.
    /// </summary>
    public async Task CompleteAllAsync(IReadOnlyList<HarnessClient> clients, bool race)
    {
        var queue = Channel.CreateUnbounded<Guid>();
        var workers = race
            ? Enumerable.Range(0, 4).Select(_ => RaceWorkerAsync(queue, clients)).ToList()
            : clients.Select(client => WorkerAsync(queue, client)).ToList();
        while (true)
        {
            await using (var connection = await database.OpenConnectionAsync())
            {
                var open = (await connection.QueryAsync<Guid>("""
                    select t.id from engine.tasks t join engine.instances i on i.id = t.instance_id
                    join engine.definitions d on d.id = i.definition_id
                    where d.key = @key and t.status = 'open' and t.element_id = 'approve'
                    """, new { key = Workload.Key })).ToList();
                foreach (var id in open.Where(id => _inFlight.TryAdd(id, 0)))
                {
                    // The query may have read the task just before a worker completed it; workers mark it done
                    // before they let it go, so a task taken here after that is seen as done.
                    if (_done.ContainsKey(id))
                    {
                        _inFlight.TryRemove(id, out _);
                        continue;
                    }
                    await queue.Writer.WriteAsync(id);
                }
                if (open.Count == 0 && AllStarted && await NoneWaitsForApprovalAsync(connection))
                {
                    break;
                }
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("approval tasks were still appearing at the deadline");
            }
            await Task.Delay(500);
        }
        queue.Writer.Complete();
        await Task.WhenAll(workers);
    }

    // Before the first timer fires an instance has no task yet; done only when every instance is past "approve".
    private async Task<bool> NoneWaitsForApprovalAsync(NpgsqlConnection connection) =>
        await connection.ExecuteScalarAsync<int>("""
            select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id
            where d.key = @key and not exists (select 1 from engine.tasks t where t.instance_id = i.id and t.element_id = 'approve' and t.status = 'completed')
            """, new { key = Workload.Key }) == 0;

    private async Task WorkerAsync(Channel<Guid> queue, HarnessClient client)
    {
        await foreach (var taskId in queue.Reader.ReadAllAsync())
        {
            var status = await client.TryCompleteAsync(taskId);
            switch (status)
            {
                case HttpStatusCode.NoContent:
                    Interlocked.Increment(ref Completions);
                    _done[taskId] = 0;
                    break;
                case HttpStatusCode.Conflict when _unanswered.ContainsKey(taskId):
                    Interlocked.Increment(ref CompletionsAfterLostAnswer);
                    _done[taskId] = 0;
                    break;
                case HttpStatusCode.Conflict:
                    findings.Violation($"task {taskId} answered 409 on its first answered try: someone else completed it");
                    break;
                default:
                    // No answer, or an error from a dying process: the poller hands it out again while it stays open.
                    _unanswered[taskId] = true;
                    break;
            }
            _inFlight.TryRemove(taskId, out _);
        }
    }

    private async Task RaceWorkerAsync(Channel<Guid> queue, IReadOnlyList<HarnessClient> clients)
    {
        await foreach (var taskId in queue.Reader.ReadAllAsync())
        {
            var answers = await Task.WhenAll(clients.Select(client => client.TryCompleteAsync(taskId)));
            var successes = answers.Count(a => a == HttpStatusCode.NoContent);
            var conflicts = answers.Count(a => a == HttpStatusCode.Conflict);
            Interlocked.Add(ref Completions, successes);
            Interlocked.Add(ref Conflicts, conflicts);
            _done[taskId] = 0;
            if (successes != 1 || conflicts != answers.Length - 1)
            {
                findings.Violation($"task {taskId} completed concurrently through {answers.Length} processes answered [{string.Join(", ", answers.Select(a => a is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer"))}]; expected one 204, the rest 409");
            }
            _inFlight.TryRemove(taskId, out _);
        }
    }
}
