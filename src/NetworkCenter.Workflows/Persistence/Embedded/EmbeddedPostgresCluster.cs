using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NetworkCenter.Workflows.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL cluster made from the machine's binaries: created with initdb on first use, started
/// with pg_ctl on a free loopback port, reused on the next start, stopped on dispose. The service uses one under
/// <c>.data/postgres</c> when no connection string is configured; the tests use a throwaway one per run.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly PostgresBinaries _binaries;
    private readonly bool _runAsPostgresUser;
    private bool _started;

    private EmbeddedPostgresCluster(string dataDirectory, PostgresBinaries binaries)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        _binaries = binaries;
        // initdb and postgres refuse to run as root, so as root they run as the postgres system user.
        _runAsPostgresUser = Environment.UserName == "root";
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }

    /// <summary>A connection string for <paramref name="database"/> on this cluster, as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Creates the cluster if it does not exist and starts it (or adopts the one already running there).
    /// <c>maxConnections</c> goes into a new cluster's settings: a test run with many hosts needs more than a service.
    /// </summary>
    public static async Task<EmbeddedPostgresCluster> StartAsync(string dataDirectory, CancellationToken cancellationToken = default, int maxConnections = 300)
    {
        var cluster = new EmbeddedPostgresCluster(dataDirectory, PostgresBinaries.Locate());
        await cluster.InitialiseIfMissingAsync(maxConnections, cancellationToken);
        await cluster.StartOrAdoptAsync(cancellationToken);
        return cluster;
    }

    public async Task StopAsync()
    {
        if (!_started)
        {
            return;
        }
        _started = false;
        await RunAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None, throwOnError: false);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Takes the server down the way an outage does: <c>fast</c> (clients disconnected, a clean shutdown) or
    /// <c>immediate</c> (no shutdown checkpoint, crash recovery on the next start). The cluster keeps its port, so
    /// <see cref="RestartAsync"/> brings it back where every connection string still points.
    /// </summary>
    public async Task InterruptAsync(bool immediate = false)
    {
        _started = false;
        await RunAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"], CancellationToken.None);
    }

    /// <summary>Starts a cluster taken down by <see cref="InterruptAsync"/> again, on the same port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(_binaries.PgCtl,
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}"],
            cancellationToken);
        _started = true;
    }

    private async Task InitialiseIfMissingAsync(int maxConnections, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(DataDirectory);
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new EmbeddedPostgresException($"The data directory {DataDirectory} is neither empty nor a PostgreSQL cluster; move it away or set Database:DataDirectory.");
        }
        await GiveToPostgresUserAsync(cancellationToken);
        await RunAsync(_binaries.InitDb,
            ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            cancellationToken);
        // Loopback only, no Unix socket (its default directory may not exist or be writable here).
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            "\n# NetworkCenter embedded cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" +
            $"max_connections = {maxConnections.ToString(CultureInfo.InvariantCulture)}\nfsync = on\nshared_buffers = 128MB\n", cancellationToken);
    }

    private async Task StartOrAdoptAsync(CancellationToken cancellationToken)
    {
        var running = RunningPort();
        if (running is int port && await AcceptsConnectionsAsync(port, cancellationToken))
        {
            // Left running by a process that was killed: adopt it rather than start a second postmaster.
            Port = port;
            _started = true;
            return;
        }
        Port = FreeLoopbackPort();
        var log = Path.Combine(DataDirectory, "server.log");
        // A stale postmaster.pid from a crash is handled by postgres itself: it checks whether that process lives.
        await RunAsync(_binaries.PgCtl,
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", log, "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}"],
            cancellationToken);
        _started = true;
    }

    /// <summary>The port recorded in postmaster.pid (its fourth line) when a server looks alive there.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
            {
                return null;
            }
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        Port = port;
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString() + ";Timeout=3");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private async Task GiveToPostgresUserAsync(CancellationToken cancellationToken)
    {
        if (!_runAsPostgresUser)
        {
            return;
        }
        await RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], cancellationToken, asPostgres: false);
        await RunAsync("chmod", ["700", DataDirectory], cancellationToken, asPostgres: false);
        var probe = await RunAsync("test", ["-w", DataDirectory], cancellationToken, throwOnError: false);
        if (probe != 0)
        {
            throw new EmbeddedPostgresException(
                $"The postgres system user cannot reach {DataDirectory} (a parent folder is closed to it); set Database:DataDirectory to a folder it can reach.");
        }
    }

    private Task<int> RunAsync(string file, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true) =>
        RunAsync(file, arguments, cancellationToken, asPostgres: _runAsPostgresUser, throwOnError);

    private static async Task<int> RunAsync(string file, string[] arguments, CancellationToken cancellationToken, bool asPostgres, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var detail = ((await stderr).Trim() + " " + (await stdout).Trim()).Trim();
            throw new EmbeddedPostgresException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {detail}");
        }
        return process.ExitCode;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
