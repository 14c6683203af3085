namespace NetworkCenter.Workflows.Persistence.Embedded;

/// <summary>
/// Finds the machine's PostgreSQL server binaries (initdb, pg_ctl): on PATH, or in the newest
/// <c>/usr/lib/postgresql/N/bin</c> that Debian's packages install.
/// </summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
        "install them (Debian/Ubuntu: apt-get install postgresql) or set ConnectionStrings:NetworkCenter.";

    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public static PostgresBinaries Locate()
    {
        foreach (var directory in Candidates())
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return new PostgresBinaries(directory);
            }
        }
        throw new EmbeddedPostgresException(InstallHint);
    }

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (!File.Exists(initdb))
            {
                continue;
            }
            // Debian links /usr/bin tools to a wrapper; the real binaries sit beside the resolved target.
            var resolved = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            yield return Path.GetDirectoryName(resolved)!;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(x => x.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }
}
