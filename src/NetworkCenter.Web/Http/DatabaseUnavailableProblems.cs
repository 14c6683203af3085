using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using NetworkCenter.Web.Localization;
using Npgsql;

namespace NetworkCenter.Web.Http;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached (restarting, shutting down, the pool starved) answers 503
/// with a Retry-After, not 500: nothing is wrong with the request, and the same request succeeds once the database
/// is back. Every command runs in one transaction, so a request cut off this way leaves nothing half-done.
/// </summary>
public static class DatabaseUnavailableProblems
{
    /// <summary>How long a client is asked to wait: a PostgreSQL restart or fail-over takes seconds.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddDatabaseUnavailableProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseOutageLog>();
        builder.Services.AddExceptionHandler<Handler>();
        return builder;
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database is out of reach, not that the request is wrong.</summary>
    internal static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 (connection exceptions), 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too
                // many connections): the server's own word that it is going away or not there yet.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                // Refused or broken sockets, "Exception while reading from stream", pool timeouts: Npgsql marks these
                // transient (a PostgresException with a syntax error, say, is not, and stays a 500).
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    internal sealed class Handler(IProblemDetailsService problems, DatabaseOutageLog log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsUnavailable(exception) || httpContext.Response.HasStarted)
            {
                return false;
            }
            log.Refused(httpContext.Request.Method, httpContext.Request.Path, exception);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            ServerMessagesHosting.RestoreLanguage(httpContext);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = GeneralProblems.Problem(StatusCodes.Status503ServiceUnavailable, WebMessages.DatabaseUnavailable(), WebMessages.TryAgain().Text),
            });
        }
    }
}
