using Dapper;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>
/// The comparison of <see cref="StatisticsDerivedFacts"/> notices a trigger that is missing: with one disabled, a write
/// it should have followed makes the statistics differ from the recomputation, and the rebuild statements put it right.
/// A fixture of its own, since it changes the history.
/// </summary>
public sealed class StatisticsDerivedTriggerFacts(StatisticsVariedHistoryApp app) : IClassFixture<StatisticsVariedHistoryApp>
{
    [Theory]
    [InlineData("supervision.clue_decisions", "clue_decisions_adoption", "kinds", """
        insert into supervision.clue_decisions (clue_id, instance_id, decider_role, decided_by, decision, decided_at)
        select id, gen_random_uuid(), 'chief-procurator', 'test', 'file', received_at + interval '1 day' from supervision.clues
        where register_number is not null and status <> 'merged' and id not in (select clue_id from supervision.clue_adoptions)
        order by id limit 1
        """)]
    [InlineData("supervision.clue_status_history", "clue_status_history_adoption", "kinds", """
        delete from supervision.clue_status_history where id = (
            select h.id from supervision.clue_status_history h join supervision.clues c on c.id = h.clue_id
            where h.to_status in ('filed', 'protest-proposed') and c.status <> 'merged'
              and not exists (select 1 from supervision.clue_decisions d where d.clue_id = h.clue_id and d.decision = 'file')
            order by h.id limit 1)
        """)]
    [InlineData("engine.tasks", "tasks_deadlines_changed", "deadlines", """
        update engine.tasks set status = 'completed', completed_by = 'test', completed_at = created_at + interval '1 hour'
        where id = (select t.task_id from supervision.task_deadlines t where t.completed_at is null order by t.created_at limit 1)
        """)]
    public async Task WithATriggerDisabled_TheComparisonFails_AndTheRebuildMendsIt(string table, string trigger, string differingTable, string write)
    {
        await using var connection = await app.OpenConnectionAsync();
        Assert.Empty(await StatisticsDerivedFacts.DifferencesAsync(app));

        await connection.ExecuteAsync($"alter table {table} disable trigger {trigger}");
        try
        {
            Assert.Equal(1, await connection.ExecuteAsync(write));
        }
        finally
        {
            await connection.ExecuteAsync($"alter table {table} enable trigger {trigger}");
        }

        var differences = await StatisticsDerivedFacts.DifferencesAsync(app);
        Assert.Contains(differences, d => d.Contains($" {differingTable}:", StringComparison.Ordinal));

        await connection.ExecuteAsync("select supervision.rebuild_clue_adoptions(); select supervision.rebuild_task_deadlines()");
        Assert.Empty(await StatisticsDerivedFacts.DifferencesAsync(app));
    }
}
