using NetworkCenter.Web.Hosting;
using NetworkCenter.Workflows.Persistence;
using Npgsql;

namespace NetworkCenter.Web.Auth;

/// <summary>What the verification found: OK, or per table the first row where the hash chain breaks.</summary>
internal sealed record AuditVerificationResult(bool Ok, IReadOnlyList<HashChainReport> Tables);

/// <summary>
/// Checks the hash chains of the two append-only journals, engine.journal (one chain per instance) and
/// supervision.audit_log (one chain), from the API (<c>GET /api/audit/verify</c>) or the command line
/// (<c>dotnet run --project src/NetworkCenter.Web -- verify-audit</c>, before the web server starts).
/// </summary>
internal static class AuditVerification
{
    private static readonly HashChain[] Chains =
    [
        HashChain.EngineJournal,
        new("supervision.audit_log", null, "supervision.audit_log_canonical"),
    ];

    public static async Task<AuditVerificationResult> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await VerifyAsync(connection, cancellationToken);
    }

    /// <summary>Verifies on <paramref name="connection"/>, inside whatever transaction it is in.</summary>
    public static async Task<AuditVerificationResult> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var reports = new List<HashChainReport>();
        foreach (var chain in Chains)
        {
            reports.Add(await HashChainVerifier.VerifyAsync(connection, chain, cancellationToken));
        }
        return new AuditVerificationResult(reports.All(r => r.Ok), reports);
    }

    /// <summary>
    /// The <c>verify-audit</c> command: prints one line per table and exits 0 when every chain holds, 2 when one is
    /// broken. Runs on the prepared (migrated) database and stops the embedded cluster, if any, on the way out.
    /// </summary>
    public static async Task<int> RunVerifyAuditCommandAsync(this WebApplication app)
    {
        try
        {
            var result = await VerifyAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
            foreach (var table in result.Tables)
            {
                Console.WriteLine(table.FirstBroken is not { } broken
                    ? $"{table.Table}: OK ({table.Rows} rows)"
                    : $"{table.Table}: BROKEN at id {broken.Id}: {broken.Problem}; expected {broken.Expected}, found {broken.Found}");
            }
            return result.Ok ? 0 : 2;
        }
        finally
        {
            await app.Services.GetRequiredService<NetworkCenterDatabase>().DisposeAsync();
        }
    }
}
