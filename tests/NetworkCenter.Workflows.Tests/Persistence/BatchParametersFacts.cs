using Dapper;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Persistence;
using Npgsql;

namespace NetworkCenter.Workflows.Tests.Persistence;

// Dapper's analyzer looks for the properties of the parameter object's type in the SQL; BatchParameters hands its own
// parameters to the command, which the analyzer cannot see.
#pragma warning disable DAP018

public sealed class BatchParametersFacts
{
    private enum Level { Low = 1, High = 7 }

    [Fact]
    public async Task NullProperties_KeepTheTypeTheyDeclare_InAUnionAndInIsNull()
    {
        await using var connection = await OpenAsync();
        var parameters = new BatchParameters();
        parameters.AddProperties(new { due = (DateTimeOffset?)null, name = (string?)null, id = (Guid?)null }, "_w0");

        // Untyped, the null in the union would read as text ("UNION types timestamp with time zone and text cannot be
        // matched") and the others would have no type at all ("could not determine data type of parameter").
        var row = await connection.QuerySingleAsync<(bool NameIsNull, bool IdIsNull, int Rows)>(
            """
            select @name_w0 is null, @id_w0 is null,
                   (select count(*)::int from (select now() as at union select @due_w0) u)
            """, parameters);

        Assert.Equal((true, true, 2), row);
    }

    [Fact]
    public async Task Values_ArriveAsSent_EnumsAsTheirNumber_AndMergedBagsTogether()
    {
        await using var connection = await OpenAsync();
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var first = new BatchParameters();
        first.Add("ids", new[] { Guid.Empty, Guid.AllBitsSet });
        first.Add("level", Level.High);
        var merged = new BatchParameters();
        merged.AddProperties(new { at, label = "审查" });
        merged.AddProperties(first);

        var row = await connection.QuerySingleAsync<(int Ids, int Level, DateTime At, string Label)>(
            "select cardinality(@ids), @level, @at, @label", merged);

        Assert.Equal((2, 7, at.UtcDateTime, "审查"), (row.Ids, row.Level, row.At.ToUniversalTime(), row.Label));
        Assert.Equal(4, merged.Count);
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await PostgresTestCluster.CreateDatabaseAsync("batch_parameters"));
        await connection.OpenAsync();
        return connection;
    }
}
