using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Workflows.Persistence;

/// <summary>Loads an instance under its row lock and writes it back, executions included, in the command's transaction.</summary>
internal static class InstanceStore
{
    private sealed record InstanceRow(
        Guid Id, Guid DefinitionId, string? BusinessKey, string Status, string Variables, Guid? ParentInstanceId,
        Guid? ParentExecutionId, DateTime? EndedAt);

    private sealed record ExecutionRow(
        Guid Id, Guid? ParentId, string? ElementId, string Kind, string State, string Variables, int? LoopCounter, long CreatedSeq);

    /// <summary>Locks the instance row until the transaction ends; null when there is no such instance.</summary>
    public static Task<InstanceState?> LoadForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id) =>
        LoadAsync(connection, transaction, id, forUpdate: true);

    public static async Task<InstanceState?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate = false)
    {
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(
            """
            select id, definition_id as definitionid, business_key as businesskey, status, variables::text as variables,
                   parent_instance_id as parentinstanceid, parent_execution_id as parentexecutionid, ended_at as endedat
            from engine.instances where id = @id
            """ + (forUpdate ? " for update" : ""), new { id }, transaction);
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
        var executions = await connection.QueryAsync<ExecutionRow>(
            """
            select id, parent_id as parentid, element_id as elementid, kind, state, variables::text as variables,
                   loop_counter as loopcounter, created_seq as createdseq
            from engine.executions where instance_id = @id order by created_seq
            """, new { id }, transaction);
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
        return state;
    }

    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceState state, DateTimeOffset now, string? user) =>
        connection.ExecuteAsync(
            """
            insert into engine.instances (id, definition_id, business_key, status, variables, parent_instance_id, parent_execution_id, started_at, started_by)
            values (@Id, @DefinitionId, @BusinessKey, @Status, @Variables::jsonb, @ParentInstanceId, @ParentExecutionId, @now, @user)
            """,
            new
            {
                state.Id, state.DefinitionId, state.BusinessKey, state.Status, Variables = state.Variables.ToJsonString(),
                state.ParentInstanceId, state.ParentExecutionId, now, user,
            }, transaction);

    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceState state)
    {
        await connection.ExecuteAsync(
            """
            update engine.instances set status = @Status, variables = @Variables::jsonb, ended_at = @EndedAt, revision = revision + 1
            where id = @Id
            """, new { state.Id, state.Status, Variables = state.Variables.ToJsonString(), state.EndedAt }, transaction);
        await connection.ExecuteAsync("delete from engine.executions where instance_id = @Id", new { state.Id }, transaction);
        if (state.Executions.Count == 0)
        {
            return;
        }
        var rows = state.Executions;
        await connection.ExecuteAsync(
            """
            insert into engine.executions (id, instance_id, parent_id, element_id, kind, state, variables, loop_counter, created_seq)
            select u.id, @instance, u.parent, u.element, u.kind, u.state, u.variables::jsonb, u.loop_counter, u.seq
            from unnest(@ids, @parents, @elements, @kinds, @states, @variables, @loops, @seqs)
                as u(id, parent, element, kind, state, variables, loop_counter, seq)
            """,
            new
            {
                instance = state.Id,
                ids = rows.Select(e => e.Id).ToArray(),
                parents = rows.Select(e => e.ParentId).ToArray(),
                elements = rows.Select(e => e.ElementId).ToArray(),
                kinds = rows.Select(e => e.Kind.ToString()).ToArray(),
                states = rows.Select(e => e.State.ToString()).ToArray(),
                variables = rows.Select(e => e.Variables.ToJsonString()).ToArray(),
                loops = rows.Select(e => e.LoopCounter).ToArray(),
                seqs = rows.Select(e => e.Sequence).ToArray(),
            }, transaction);
    }

    public static JsonObject ParseObject(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];
}
