using Dapper;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Supervision.Tests.Procedures;

[Collection(ProceduresCollection.Name)]
public sealed class MissingClueIntakeFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task ConcurrentSweeps_StartOneIntake_AndLeaveTheClueThatHasOne()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync();
        var (registeredId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.TaskAsync(registeredId, "Triage");
        var orphanId = await CopyWithoutIntakeAsync(registeredId);
        var sweep = app.Service<StartClueIntake>();

        var beforeGrace = await sweep.StartMissingAsync(CancellationToken.None);
        app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(2));
        var started = await Task.WhenAll(sweep.StartMissingAsync(CancellationToken.None), sweep.StartMissingAsync(CancellationToken.None));
        var again = await sweep.StartMissingAsync(CancellationToken.None);

        Assert.Equal(0, beforeGrace);
        Assert.Equal(0, again);
        Assert.Equal(1, started.Sum());
        await driver.TaskAsync(orphanId, "Triage");
        Assert.Equal(1, await IntakeCountAsync(orphanId));
        Assert.Equal(1, await IntakeCountAsync(registeredId));
    }

    [Fact]
    public async Task Sweep_LeavesClues_ThatAreNoLongerAtRegistered()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync();
        var (registeredId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var orphanId = await CopyWithoutIntakeAsync(registeredId);
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update supervision.clues set status = 'closed' where id = @orphanId", new { orphanId });
        }
        app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(2));

        await app.Service<StartClueIntake>().StartMissingAsync(CancellationToken.None);

        Assert.Equal(0, await IntakeCountAsync(orphanId));
    }

    // A registered clue as a failed request or an import leaves it: in the register, with no intake instance.
    private async Task<long> CopyWithoutIntakeAsync(long clueId)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            insert into supervision.clues (register_year, register_seq, register_number, status, source_kind, office_id,
                liaison_id, received_at, kind, summary, created_by, created_at, updated_at)
            select register_year, register_seq + 100000, register_number || '-copy', 'registered', source_kind, office_id,
                liaison_id, received_at, kind, summary, created_by, created_at, updated_at
            from supervision.clues where id = @clueId
            returning id
            """, new { clueId });
    }

    private async Task<long> IntakeCountAsync(long clueId)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id
            where d.key = 'clue-intake' and i.business_key = @key
            """, new { key = clueId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
