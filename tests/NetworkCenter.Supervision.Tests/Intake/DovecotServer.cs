using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Imap;
using MailKit.Security;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Intake;

/// <summary>
/// A real IMAP server on loopback: Debian's dovecot (package dovecot-imapd) with a throwaway configuration in a temporary
/// folder — its own base_dir and log, one plain-password user in a passwd-file, Maildir storage, no TLS. Run as root,
/// dovecot needs its unprivileged users for the login and internal processes and a non-root uid for mail.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Username = "intake";
    public const string Password = "intake-secret";

    private readonly Process _process;
    private readonly string _folder;

    private DovecotServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<DovecotServer> StartAsync()
    {
        const string binary = "/usr/sbin/dovecot";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("dovecot is not installed: apt-get install dovecot-imapd (listed in .ci/apt-packages).");
        }
        StopAbandoned();
        var folder = Directory.CreateTempSubdirectory("nc-dovecot-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mail = Directory.CreateDirectory(Path.Combine(folder, "mail")).FullName;
        var root = await RunAsync("id", "-u") == "0";
        // Mail runs as dovecot's own user when we are root (dovecot refuses uid 0), so the mail folder must be writable by it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        }
        var (user, group) = root ? ("dovecot", "dovecot") : (await RunAsync("id", "-un"), await RunAsync("id", "-gn"));
        var (uid, gid) = (await RunAsync("id", "-u", user), await RunAsync("id", "-g", user));
        var port = FreePort();
        var users = Path.Combine(folder, "users");
        await File.WriteAllTextAsync(users, $"{Username}:{{PLAIN}}{Password}::::::\n");
        var config = Path.Combine(folder, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{user}}
            default_internal_group = {{group}}
            default_login_user = {{(root ? "dovenull" : user)}}
            first_valid_uid = 1
            first_valid_gid = 1
            mail_location = maildir:{{mail}}/%u
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{users}}
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{users}}
              default_fields = uid={{uid}} gid={{gid}} home={{mail}}/%u
            }
            """);
        var process = Process.Start(new ProcessStartInfo(binary, ["-F", "-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("dovecot did not start");
        var server = new DovecotServer(process, folder, port);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"dovecot exited: {await process.StandardError.ReadToEndAsync()} {server.Log()}");
                }
                try
                {
                    using var probe = await server.ConnectAsync();
                    return true;
                }
                catch (Exception e) when (e is SocketException or IOException or ImapProtocolException or AuthenticationException)
                {
                    return false;
                }
            }, $"dovecot to accept IMAP logins on 127.0.0.1:{port}", TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException e)
        {
            var log = server.Log();
            await server.DisposeAsync();
            throw new TimeoutException($"{e.Message}; dovecot's log: {log}", e);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A client signed in to the intake account, for delivering messages (IMAP APPEND) and changing folders.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(Username, Password);
        return client;
    }

    public string Log() => File.Exists(Path.Combine(_folder, "dovecot.log")) ? File.ReadAllText(Path.Combine(_folder, "dovecot.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a process still closing a file; the temporary folder is cleaned with the machine
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Dovecots left by test processes that were killed before disposing them: stopped (SIGTERM) and deleted.</summary>
    private static void StopAbandoned()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "nc-dovecot-*"))
        {
            if (File.Exists(Path.Combine(folder, "owner.pid")) && int.TryParse(File.ReadAllText(Path.Combine(folder, "owner.pid")), out var owner) && IsAlive(owner))
            {
                continue;
            }
            if (File.Exists(Path.Combine(folder, "run", "master.pid")) && int.TryParse(File.ReadAllText(Path.Combine(folder, "run", "master.pid")).Trim(), out var master) && IsAlive(master))
            {
                using var process = Process.GetProcessById(master);
                if (process.ProcessName == "dovecot")
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
