using Npgsql;

namespace NetworkCenter.FaultHarness;

/// <summary>The runs: crash-free (the reference), killed with SIGKILL again and again, and two processes on one database.</summary>
internal sealed class Scenarios(HarnessCluster cluster, Workload workload, Findings findings, DateTimeOffset deadline, string logFolder)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>One process, never killed: the end state every other run must reach.</summary>
    public async Task<EndState> CrashFreeAsync()
    {
        var (database, smtp) = (await cluster.CreateDatabaseAsync("faults_reference"), new SmtpLog());
        await using var _ = smtp;
        await using var service = new ServiceProcess("reference", database, smtp.Settings(), Path.Combine(logFolder, "reference.log"));
        await service.StartAsync(StartTimeout);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clients = Clients(service, 4);
        await Workload.PrepareAsync(clients[0]);
        var driver = new Driver(workload, dataSource, findings, deadline);
        await Task.WhenAll(driver.StartAllAsync(clients, TimeSpan.Zero), driver.CompleteAllAsync(clients, race: false));
        return await SettleAsync("crash-free run", dataSource, smtp, []);
    }

    /// <summary>
    /// One process killed with SIGKILL <paramref name="kills"/> times at random moments while instances start, tasks
    /// are completed, timers fire and mail goes out, and started again each time on the same port.
    /// </summary>
    public async Task<EndState> CrashAsync(int kills, int seed)
    {
        var (database, smtp) = (await cluster.CreateDatabaseAsync("faults_crash"), new SmtpLog());
        await using var _ = smtp;
        await using var service = new ServiceProcess("crashing", database, smtp.Settings(), Path.Combine(logFolder, "crash.log"));
        await service.StartAsync(StartTimeout);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clients = Clients(service, 4);
        await Workload.PrepareAsync(clients[0]);
        var driver = new Driver(workload, dataSource, findings, deadline);
        var killedAt = new List<DateTimeOffset>();
        var random = new Random(seed);
        var afterMail = 0;
        async Task KillAgainAndAgainAsync()
        {
            for (var kill = 0; kill < kills; kill++)
            {
                // Up for 1.5 to 6 s, then killed wherever it is: a start, a completion, a timer, an SMTP conversation.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 6000)));
                // Every fourth kill aims at the window SMTP cannot close: the server has accepted a message and the
                // process has not yet committed that it was sent.
                if (kill % 4 == 3)
                {
                    var accepted = smtp.NextAcceptanceAsync();
                    if (await Task.WhenAny(accepted, Task.Delay(TimeSpan.FromSeconds(20))) == accepted)
                    {
                        afterMail++;
                    }
                }
                // The instant the process is known dead: what it accepted on the server before, it may not have recorded.
                await service.KillAsync();
                killedAt.Add(DateTimeOffset.UtcNow);
                await service.StartAsync(StartTimeout);
            }
        }
        // Starts spread over about the time the kills take, so instances are in every state when a kill comes.
        var spread = TimeSpan.FromSeconds(kills * 7);
        await Task.WhenAll(KillAgainAndAgainAsync(), driver.StartAllAsync(clients, spread), driver.CompleteAllAsync(Clients(service, 4), race: false));
        findings.Figure($"- crash run: {killedAt.Count} SIGKILLs ({afterMail} of them right after the SMTP server accepted a message), {service.Starts} starts of the service; {driver.Completions} approvals answered 204, " +
            $"{driver.CompletionsAfterLostAnswer} answered 409 after an earlier try died with the process (the first try had committed)");
        return await SettleAsync("crash run", dataSource, smtp, killedAt);
    }

    /// <summary>Two processes on one database under load, none killed; every approval is completed through both at once.</summary>
    public async Task<EndState> TwoProcessesAsync()
    {
        var (database, smtp) = (await cluster.CreateDatabaseAsync("faults_two"), new SmtpLog());
        await using var _ = smtp;
        await using var first = new ServiceProcess("first", database, smtp.Settings(), Path.Combine(logFolder, "two-first.log"));
        await first.StartAsync(StartTimeout);
        await using var second = new ServiceProcess("second", database, smtp.Settings(), Path.Combine(logFolder, "two-second.log"));
        await second.StartAsync(StartTimeout);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var starters = Clients(first, 2).Concat(Clients(second, 2)).ToList();
        await Workload.PrepareAsync(starters[0]);
        var driver = new Driver(workload, dataSource, findings, deadline);
        await Task.WhenAll(driver.StartAllAsync(starters, TimeSpan.Zero), driver.CompleteAllAsync([.. Clients(first, 1), .. Clients(second, 1)], race: true));
        findings.Figure($"- two processes: {driver.Completions} approvals answered 204 and {driver.Conflicts} answered 409, each task completed through both processes at once");
        return await SettleAsync("two processes", dataSource, smtp, []);
    }

    private async Task<EndState> SettleAsync(string run, NpgsqlDataSource dataSource, SmtpLog smtp, IReadOnlyList<DateTimeOffset> kills)
    {
        var settling = DateTimeOffset.UtcNow;
        if (!await EndState.WaitUntilQuiescentAsync(dataSource, workload, deadline))
        {
            findings.Violation($"{run}: work was still pending at the deadline");
        }
        findings.Figure($"- {run}: quiescent {(DateTimeOffset.UtcNow - settling).TotalSeconds:F0} s after the last task was completed");
        var end = await EndState.ReadAsync(dataSource);
        await EndState.VerifyAsync(dataSource, workload, end, findings);
        await MailAudit.VerifyAsync(dataSource, workload, smtp.Accepted, kills, findings, run);
        return end;
    }

    private List<HarnessClient> Clients(ServiceProcess service, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new HarnessClient(service, deadline))];
}
