using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Procedures.Feedback;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// What the clue's page shows beside the register facts: the procedures it is in (the instances whose business key is
/// the clue, and the instances they called), their open tasks with due dates, the contact card the liaison was sent
/// (handling procurator, telephone, stage) and the national case number once filed.
/// </summary>
internal sealed class ClueProcedures(NpgsqlDataSource dataSource)
{
    public sealed record View(ContactDetails Contact, string? NationalCaseNumber, IReadOnlyList<Instance> Instances, IReadOnlyList<OpenTask> Tasks);

    /// <summary>The stage in both languages, worded as the liaison's contact card and feedback word it.</summary>
    public sealed record ContactDetails(long? ProcuratorId, string? ProcuratorName, string? ProcuratorPhone, string Stage,
        IReadOnlyDictionary<string, string> StageNames);

    public sealed record Instance(Guid Id, string DefinitionKey, string? DefinitionName, int Version, string Status, DateTime StartedAt,
        DateTime? EndedAt, Guid? ParentInstanceId);

    public sealed record OpenTask(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, DateTime? Due, DateTime? FollowUp);

    private sealed record ClueRow(string Status, long? ProcuratorId, string? ProcuratorName, string? ProcuratorPhone, string? NationalCaseNumber);

    /// <summary>Null when there is no such clue.</summary>
    public async Task<View?> HandleAsync(long clueId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var clue = await connection.QuerySingleOrDefaultAsync<ClueRow>("""
            select c.status as Status, s.id as ProcuratorId, s.name as ProcuratorName, s.phone as ProcuratorPhone,
                   l.national_case_number as NationalCaseNumber
            from supervision.clues c
            left join supervision.staff s on s.id = c.assigned_procurator_id
            left join supervision.clue_case_links l on l.clue_id = c.id
            where c.id = @clueId
            """, new { clueId });
        if (clue is null)
        {
            return null;
        }
        // Called instances may carry another business key (or none): follow parent links from the clue's own instances.
        var instances = (await connection.QueryAsync<Instance>("""
            with recursive tree as (
                select id from engine.instances where business_key = @businessKey
                union
                select i.id from engine.instances i join tree t on i.parent_instance_id = t.id
            )
            select i.id as Id, d.key as DefinitionKey, d.name as DefinitionName, d.version as Version, i.status as Status,
                   i.started_at as StartedAt, i.ended_at as EndedAt, i.parent_instance_id as ParentInstanceId
            from tree join engine.instances i on i.id = tree.id join engine.definitions d on d.id = i.definition_id
            order by i.started_at, i.id
            """, new { businessKey = clueId.ToString(CultureInfo.InvariantCulture) })).ToList();
        var tasks = await connection.QueryAsync<OpenTask>("""
            select id as Id, instance_id as InstanceId, element_id as ElementId, name as Name, assignee as Assignee,
                   due_at as Due, follow_up_at as FollowUp
            from engine.tasks where status = 'open' and instance_id = any(@ids)
            order by due_at nulls last, created_at, id
            """, new { ids = instances.Select(i => i.Id).ToArray() });
        var stages = new Dictionary<string, string> { ["zh-CN"] = StageNames.Of(clue.Status, "zh-CN"), ["en"] = StageNames.Of(clue.Status, "en") };
        return new View(new ContactDetails(clue.ProcuratorId, clue.ProcuratorName, clue.ProcuratorPhone, clue.Status, stages),
            clue.NationalCaseNumber, instances, [.. tasks]);
    }
}
