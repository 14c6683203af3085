using System.Net.Sockets;
using NetworkCenter.Web.Http;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>Which database failures are an outage (503, try again) and which are a fault of ours (500).</summary>
public sealed class DatabaseUnavailableFacts
{
    [Theory]
    [InlineData("57P01", true)] // terminating connection due to administrator command
    [InlineData("57P02", true)] // crash shutdown
    [InlineData("57P03", true)] // the database system is shutting down / starting up
    [InlineData("08006", true)] // connection failure
    [InlineData("53300", true)] // too many connections
    [InlineData("42601", false)] // a syntax error is our bug, whatever the database's state
    [InlineData("23505", false)] // a unique violation is a conflict the code must handle
    [InlineData("40001", false)] // a serialisation failure is retried by the code, not by the client
    public void PostgresErrors_AreAnOutage_OnlyWhenTheServerIsGoingAwayOrNotThere(string sqlState, bool unavailable)
    {
        var exception = new PostgresException("message", "FATAL", "FATAL", sqlState);

        Assert.Equal(unavailable, DatabaseUnavailableProblems.IsUnavailable(exception));
        Assert.Equal(unavailable, DatabaseUnavailableProblems.IsUnavailable(new InvalidOperationException("wrapped", exception)));
    }

    [Fact]
    public void RefusedConnection_IsAnOutage_AndAPlainFailureIsNot()
    {
        Assert.True(DatabaseUnavailableProblems.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(DatabaseUnavailableProblems.IsUnavailable(new InvalidOperationException("a bug")));
    }
}
