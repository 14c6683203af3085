using System.Security.Cryptography;
using System.Text;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Validation;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Runtime.Behaviors;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>One process of a deployed file: its definition id and version; <see cref="Created"/> is false when the XML was unchanged.</summary>
public sealed record DeployedDefinition(Guid Id, string Key, int Version, bool Created);

/// <summary>The file was refused; every problem is listed and nothing was stored.</summary>
public sealed class DefinitionRejectedException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("The BPMN file cannot be deployed: " + string.Join("; ", problems.Select(p => $"{p.ElementId}: {p.Message}")))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}

/// <summary>
/// Deploys a BPMN file: validates all of it first, then, per process, stores version n+1 unless the latest version
/// has the same content, and replaces the previous version's start timers and message start subscriptions.
/// </summary>
internal sealed class Deployer(CommandRunner commands, DefinitionCache cache, HandlerTopics topics, ModelReader reader)
{
    public async Task<IReadOnlyList<DeployedDefinition>> DeployAsync(string xml, string? user, CancellationToken cancellationToken)
    {
        var parsed = reader.Validate(xml, topics.Known());
        var processes = parsed.ExecutableProcesses.ToList();
        if (processes.Count == 0 && parsed.IsValid)
        {
            processes = [.. parsed.Processes];
        }
        if (!parsed.IsValid || processes.Count == 0)
        {
            throw new DefinitionRejectedException(parsed.IsValid ? [new DefinitionProblem(null, BpmnMessages.NoProcess())] : parsed.Problems);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        return await commands.RunAsync(user, async context =>
        {
            var results = new List<DeployedDefinition>();
            foreach (var process in processes)
            {
                results.Add(await DeployProcessAsync(context, process, xml, hash));
            }
            return results;
        }, cancellationToken);
    }

    private async Task<DeployedDefinition> DeployProcessAsync(CommandContext context, ProcessDefinitionModel process, string xml, string hash)
    {
        // Two deployments of one key at once would both compute the same next version.
        await context.ExecuteAsync("select pg_advisory_xact_lock(hashtext('engine.definition:' || @key))", new { key = process.Key });
        // What was deployed supersedes the designer's draft of it, changed or not.
        await context.ExecuteAsync("delete from engine.definition_drafts where key = @key", new { key = process.Key });
        var latest = await context.QuerySingleOrDefaultAsync<LatestRow>(
            "select id, version, content_hash as hash from engine.definitions where key = @key order by version desc limit 1", new { key = process.Key });
        if (latest is { } same && same.Hash == hash)
        {
            return new DeployedDefinition(same.Id, process.Key, same.Version, Created: false);
        }
        var id = Guid.CreateVersion7();
        var version = (latest?.Version ?? 0) + 1;
        await context.ExecuteAsync(
            """
            insert into engine.definitions (id, key, version, name, xml, content_hash, deployed_at, deployed_by)
            values (@id, @key, @version, @name, @xml, @hash, @now, @user)
            """, new { id, key = process.Key, version, name = process.Name, xml, hash, now = context.Now, user = context.User });
        cache.Remember(id, process);
        await context.ExecuteAsync(
            """
            update engine.timers set status = 'cancelled'
            where status = 'pending' and instance_id is null and definition_id in (select id from engine.definitions where key = @key and id <> @id);
            delete from engine.message_subscriptions
            where instance_id is null and definition_id in (select id from engine.definitions where key = @key and id <> @id);
            """, new { key = process.Key, id });
        foreach (var start in process.StartEvents)
        {
            await SubscribeStartAsync(context, id, start);
        }
        return new DeployedDefinition(id, process.Key, version, Created: true);
    }

    private sealed record LatestRow(Guid Id, int Version, string Hash);

    private static async Task SubscribeStartAsync(CommandContext context, Guid definitionId, StartEvent start)
    {
        switch (start.Definition)
        {
            case TimerEventDefinition timer when await Deadlines.FirstAsync(null, start, timer.Kind, timer.Value, context.Now) is { } due:
                var timerId = Guid.CreateVersion7();
                var handedOver = context.HandOverTimer(timerId, due.Due);
                await context.ExecuteAsync(
                    """
                    insert into engine.timers (id, definition_id, element_id, kind, due_at, cycle, status, created_at, handed_over_at)
                    values (@timerId, @definitionId, @element, 'start', @due, @cycle, 'pending', @now, @handedOver)
                    """, new { timerId, definitionId, element = start.Id, due = due.Due, cycle = due.Cycle, now = context.Now, handedOver });
                break;
            case MessageEventDefinition message when (message.MessageName ?? message.MessageRef) is { } name:
                await context.ExecuteAsync(
                    """
                    insert into engine.message_subscriptions (id, definition_id, element_id, name, created_at)
                    values (@id, @definitionId, @element, @name, @now)
                    """, new { id = Guid.CreateVersion7(), definitionId, element = start.Id, name, now = context.Now });
                break;
        }
    }
}
