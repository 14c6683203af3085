using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Workflows.Persistence;

/// <summary>
/// Loads an instance under its row lock and writes back what the command changed of it, executions included, in the
/// command's transaction. A command usually moves one token and leaves the rest of the tree alone, so rewriting every
/// execution row (and the instance's variables) each time would cost most of a command's writes.
/// </summary>
internal static class InstanceStore
{
    private sealed record InstanceRow(
        Guid Id, Guid DefinitionId, string? BusinessKey, string Status, string Variables, Guid? ParentInstanceId,
        Guid? ParentExecutionId, DateTime? EndedAt);

    private sealed record ExecutionRow(
        Guid Id, Guid? ParentId, string? ElementId, string Kind, string State, string Variables, int? LoopCounter, long CreatedSeq);

    /// <summary>
    /// Locks the row of the instance whose id <paramref name="instanceIdSql"/> yields until the transaction ends, reads
    /// it with its executions, then runs <paramref name="extraSelect"/> (one row or none), all in one round trip after
    /// <paramref name="prefixSql"/> (writes of the command still to be sent). Null when there is no such instance.
    /// </summary>
    public static async Task<(InstanceState? State, T? Extra)> LoadForUpdateAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string prefixSql, string instanceIdSql, object? parameters, string? extraSelect)
    {
        // The executions and the extra row are read after the lock is granted (each statement takes a new snapshot
        // under read committed), so they are what the previous holder of the lock committed.
        await using var results = await connection.QueryMultipleAsync(
            prefixSql + Select(instanceIdSql, forUpdate: true) + (extraSelect is null ? "" : ";\n" + extraSelect), parameters, transaction);
        var state = await ReadAsync(results);
        var extra = extraSelect is null ? default : await results.ReadSingleOrDefaultAsync<T>();
        return (state, extra);
    }

    public static async Task<InstanceState?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id)
    {
        await using var results = await connection.QueryMultipleAsync(Select("@id", forUpdate: false), new { id }, transaction);
        return await ReadAsync(results);
    }

    private static string Select(string instanceIdSql, bool forUpdate) =>
        $"""
        select id, definition_id as definitionid, business_key as businesskey, status, variables::text as variables,
               parent_instance_id as parentinstanceid, parent_execution_id as parentexecutionid, ended_at as endedat
        from engine.instances where id = {instanceIdSql}{(forUpdate ? " for update" : "")};
        select id, parent_id as parentid, element_id as elementid, kind, state, variables::text as variables,
               loop_counter as loopcounter, created_seq as createdseq
        from engine.executions where instance_id = {instanceIdSql} order by created_seq
        """;

    private static async Task<InstanceState?> ReadAsync(SqlMapper.GridReader results)
    {
        var row = await results.ReadSingleOrDefaultAsync<InstanceRow>();
        var executions = await results.ReadAsync<ExecutionRow>();
        if (row is null)
        {
            return null;
        }
        var state = new InstanceState
        {
            Id = row.Id,
            DefinitionId = row.DefinitionId,
            BusinessKey = row.BusinessKey,
            Status = row.Status,
            Variables = ParseObject(row.Variables),
            ParentInstanceId = row.ParentInstanceId,
            ParentExecutionId = row.ParentExecutionId,
            EndedAt = row.EndedAt is { } ended ? new DateTimeOffset(ended, TimeSpan.Zero) : null,
        };
        foreach (var e in executions)
        {
            state.Executions.Add(new Execution
            {
                Id = e.Id,
                ParentId = e.ParentId,
                ElementId = e.ElementId,
                Kind = Enum.Parse<ExecutionKind>(e.Kind),
                State = Enum.Parse<ExecutionState>(e.State),
                Variables = ParseObject(e.Variables),
                LoopCounter = e.LoopCounter,
                Sequence = e.CreatedSeq,
            });
        }
        state.Stored = Fingerprint(state);
        return state;
    }

    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceState state, DateTimeOffset now, string? user)
    {
        await connection.ExecuteAsync(
            """
            insert into engine.instances (id, definition_id, business_key, status, variables, parent_instance_id, parent_execution_id, started_at, started_by)
            values (@Id, @DefinitionId, @BusinessKey, @Status, @Variables::jsonb, @ParentInstanceId, @ParentExecutionId, @now, @user)
            """,
            new
            {
                state.Id, state.DefinitionId, state.BusinessKey, state.Status, Variables = state.Variables.ToJsonString(),
                state.ParentInstanceId, state.ParentExecutionId, now, user,
            }, transaction);
        state.Stored = new StoredInstance(InstanceFingerprint(state), []);
    }

    /// <summary>
    /// Appends to <paramref name="sql"/> the statements that bring the stored instance up to <paramref name="state"/>
    /// (parameters suffixed with <paramref name="n"/>), so that a command's saves and journal go in one round trip.
    /// Call <see cref="Saved"/> once they have run.
    /// </summary>
    public static void AppendSave(StringBuilder sql, BatchParameters parameters, InstanceState state, int n)
    {
        var stored = state.Stored ?? new StoredInstance("", []);
        var current = state.Executions.ToDictionary(e => e.Id, Fingerprint);
        var gone = stored.Executions.Keys.Where(id => !current.ContainsKey(id)).ToArray();
        var added = state.Executions.Where(e => !stored.Executions.ContainsKey(e.Id)).ToList();
        var changed = state.Executions.Where(e => stored.Executions.TryGetValue(e.Id, out var was) && was != current[e.Id]).ToList();
        var row = InstanceFingerprint(state);
        if (row == stored.Row && gone.Length == 0 && added.Count == 0 && changed.Count == 0)
        {
            return;
        }
        sql.Append($"""
            update engine.instances set status = @status{n}, variables = @variables{n}::jsonb, ended_at = @ended{n}, revision = revision + 1
            where id = @id{n};

            """);
        parameters.Add($"id{n}", state.Id);
        parameters.Add($"status{n}", state.Status);
        parameters.Add($"variables{n}", state.Variables.ToJsonString());
        parameters.Add($"ended{n}", state.EndedAt);
        if (gone.Length > 0)
        {
            sql.Append($"delete from engine.executions where id = any(@gone{n});\n");
            parameters.Add($"gone{n}", gone);
        }
        if (changed.Count > 0)
        {
            sql.Append($"""
                update engine.executions e set parent_id = u.parent, element_id = u.element, kind = u.kind, state = u.state,
                    variables = u.variables::jsonb, loop_counter = u.loop_counter, created_seq = u.seq
                from unnest(@cids{n}, @cparents{n}, @celements{n}, @ckinds{n}, @cstates{n}, @cvariables{n}, @cloops{n}, @cseqs{n})
                    as u(id, parent, element, kind, state, variables, loop_counter, seq)
                where e.id = u.id;

                """);
            AddColumns(parameters, "c", n, changed);
        }
        if (added.Count > 0)
        {
            sql.Append($"""
                insert into engine.executions (id, instance_id, parent_id, element_id, kind, state, variables, loop_counter, created_seq)
                select u.id, @id{n}, u.parent, u.element, u.kind, u.state, u.variables::jsonb, u.loop_counter, u.seq
                from unnest(@aids{n}, @aparents{n}, @aelements{n}, @akinds{n}, @astates{n}, @avariables{n}, @aloops{n}, @aseqs{n})
                    as u(id, parent, element, kind, state, variables, loop_counter, seq);

                """);
            AddColumns(parameters, "a", n, added);
        }
    }

    /// <summary>The statements of <see cref="AppendSave"/> ran: what is stored is now the state.</summary>
    public static void Saved(InstanceState state) => state.Stored = Fingerprint(state);

    public static JsonObject ParseObject(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    private static void AddColumns(BatchParameters parameters, string prefix, int n, List<Execution> rows)
    {
        parameters.Add($"{prefix}ids{n}", rows.Select(e => e.Id).ToArray());
        parameters.Add($"{prefix}parents{n}", rows.Select(e => e.ParentId).ToArray());
        parameters.Add($"{prefix}elements{n}", rows.Select(e => e.ElementId).ToArray());
        parameters.Add($"{prefix}kinds{n}", rows.Select(e => e.Kind.ToString()).ToArray());
        parameters.Add($"{prefix}states{n}", rows.Select(e => e.State.ToString()).ToArray());
        parameters.Add($"{prefix}variables{n}", rows.Select(e => e.Variables.ToJsonString()).ToArray());
        parameters.Add($"{prefix}loops{n}", rows.Select(e => e.LoopCounter).ToArray());
        parameters.Add($"{prefix}seqs{n}", rows.Select(e => e.Sequence).ToArray());
    }

    private static StoredInstance Fingerprint(InstanceState state) =>
        new(InstanceFingerprint(state), state.Executions.ToDictionary(e => e.Id, Fingerprint));

    private static string InstanceFingerprint(InstanceState state) => $"{state.Status}|{state.EndedAt:O}|{state.Variables.ToJsonString()}";

    private static string Fingerprint(Execution e) =>
        $"{e.ParentId}|{e.ElementId}|{e.Kind}|{e.State}|{e.LoopCounter}|{e.Sequence}|{e.Variables.ToJsonString()}";
}
