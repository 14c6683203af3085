using System.Globalization;
using Microsoft.Extensions.Options;
using NetworkCenter.Web.Hosting;
using Npgsql;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// Listens on <c>account_changed</c> on one dedicated connection (outside the pool: a pooled connection is reused
/// without a reset, and must never carry a LISTEN) and invalidates <see cref="SessionCache"/>'s entry of each account
/// named. While it is not connected the cache is not used. A connection that died quietly is found by a ping when no
/// notification came for <see cref="AuthOptions.SessionListenerPingInterval"/>.
/// </summary>
internal sealed partial class SessionChangeListener(
    SessionCache cache, NetworkCenterDatabase database, IOptions<AuthOptions> options, ILogger<SessionChangeListener> logger) : BackgroundService
{
    public const string Channel = "account_changed";
    public const string ApplicationName = "networkcenter-session-listener";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke it, the cache is not trusted until a new connection listens.
                LogLost(logger, e, options.Value.SessionListenerRetryInterval);
            }
            finally
            {
                cache.NotListening();
            }
            try
            {
                await Task.Delay(options.Value.SessionListenerRetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            CommandTimeout = 10,
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
            {
                cache.Invalidate(accountId);
            }
            else
            {
                cache.Clear();
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        cache.Listening();
        while (true)
        {
            if (!await connection.WaitAsync(options.Value.SessionListenerPingInterval, stoppingToken))
            {
                await using var ping = new NpgsqlCommand("select 1", connection);
                await ping.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the account-change listener; sessions are read from the database until it is back (retry in {Retry})")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan retry);
}
