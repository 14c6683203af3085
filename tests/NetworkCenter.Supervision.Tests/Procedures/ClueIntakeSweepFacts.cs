using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Supervision.Tests.Procedures;

[Collection(ProceduresCollection.Name)]
public sealed class ClueIntakeSweepFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task ClueRegisteredButCutOffBeforeItsIntake_IsStartedByTheSweep_Once_AfterAMinute()
    {
        var officeId = await ClueTestData.OfficeAsync(app);
        var json = JsonSerializer.Serialize(ClueTestData.Judgment(officeId));
        var input = JsonSerializer.Deserialize<ClueInput>(json, app.Service<IOptions<JsonOptions>>().Value.SerializerOptions)!;
        // The registration commits; the request dies before it starts the intake (as during a database outage).
        var registered = Assert.IsType<RegisterOutcome.Registered>(await app.Service<RegisterClue>().HandleAsync(input, [], "clerk", CancellationToken.None));
        var sweep = app.Service<StartClueIntake>();

        Assert.Equal(0, await sweep.StartMissingAsync(CancellationToken.None)); // the request may still be starting it
        Assert.Equal(0, await IntakesAsync(registered.Id));
        app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(2));
        // The recurring sweep may get there first; either way the clue gets one intake, and a second sweep adds none.
        await sweep.StartMissingAsync(CancellationToken.None);
        Assert.Equal(1, await IntakesAsync(registered.Id));
        Assert.Equal(0, await sweep.StartMissingAsync(CancellationToken.None));

        Assert.Equal(1, await IntakesAsync(registered.Id));
    }

    private async Task<int> IntakesAsync(long clueId)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("""
            select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id
            where d.key = 'clue-intake' and i.business_key = @key
            """, new { key = clueId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
