using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Calendar;

namespace NetworkCenter.Workflows.Tests.Calendar;

public sealed class HolidayCacheFacts(CalendarDatabase database) : IClassFixture<CalendarDatabase>
{
    // 2026-11-02 is a Monday; 2026-10-30 + P3D ends on it.
    private static readonly DateOnly Trigger = new(2026, 10, 30);
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public async Task DueDate_FollowsAChangeToTheTable_AtOnce_InTheProcessThatMadeIt()
    {
        var services = database.Services();
        var calendar = services.GetRequiredService<ILegalCalendar>();
        var store = services.GetRequiredService<HolidayStore>();
        Assert.Equal(Monday, await calendar.DueDateAsync(Trigger, "P3D", default));

        await store.PutAsync(Monday, HolidayKind.DayOff, "地方假日", "test", "tester", default);
        var afterPut = await calendar.DueDateAsync(Trigger, "P3D", default);
        await store.DeleteAsync(Monday, "tester", default);
        var afterDelete = await calendar.DueDateAsync(Trigger, "P3D", default);

        Assert.Equal(Monday.AddDays(1), afterPut);
        Assert.Equal(Monday, afterDelete);
    }

    [Fact]
    public async Task DueDate_FollowsAChangeMadeByAnotherProcess_AfterTheRefreshInterval()
    {
        var date = new DateOnly(2026, 11, 16);
        var reader = database.Services(("HolidayRefreshInterval", "00:00:00.300")).GetRequiredService<ILegalCalendar>();
        var writer = database.Services().GetRequiredService<HolidayStore>();
        Assert.Equal(date, await reader.DueDateAsync(date.AddDays(-3), "P3D", default));

        await writer.PutAsync(date, HolidayKind.DayOff, "地方假日", null, "tester", default);

        await Eventually.HoldsAsync(
            async () => await reader.DueDateAsync(date.AddDays(-3), "P3D", default) == date.AddDays(1),
            "the other process's calendar sees the new day off");
        await writer.DeleteAsync(date, "tester", default);
    }

    [Fact]
    public async Task EveryChange_IsJournaledWithItsAuthor()
    {
        var store = database.Services().GetRequiredService<HolidayStore>();
        var date = new DateOnly(2026, 12, 1);

        var put = await store.PutAsync(date, HolidayKind.DayOff, "地方假日", "某自治县通知", "supervisor-1", default);
        var deleted = await store.DeleteAsync(date, "supervisor-2", default);
        var deletedAgain = await store.DeleteAsync(date, "supervisor-2", default);

        Assert.Equal("supervisor-1", put.UpdatedBy);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        var journal = await Dapper.SqlMapper.QueryAsync<(string Action, string ChangedBy)>(connection,
            "select action, changed_by from engine.holiday_changes where date = @date order by id", new { date });
        Assert.Equal([("put", "supervisor-1"), ("delete", "supervisor-2")], journal);
    }
}
