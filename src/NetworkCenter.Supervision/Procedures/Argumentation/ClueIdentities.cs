using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>Everyone and every number the clue names: what a brief must not show and what recusal is checked against.</summary>
internal sealed record ClueIdentities(
    IReadOnlyList<ClueIdentities.Party> Parties, IReadOnlyList<ClueIdentities.Agent> Agents, string? Judge,
    string? ReporterName, string? ReporterIdNumber, string? ReporterPhone)
{
    public sealed record Party(string Role, string PersonKind, string Name, string? IdNumber, string? Phone, string? Email, string? Address);

    public sealed record Agent(string Name, string? LawFirm, string? Phone);

    public static async Task<ClueIdentities> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId)
    {
        var parties = await connection.QueryAsync<Party>("""
            select role as Role, person_kind as PersonKind, name as Name, id_number as IdNumber, phone as Phone, email as Email, address as Address
            from supervision.clue_parties where clue_id = @clueId order by position
            """, new { clueId }, transaction);
        var agents = await connection.QueryAsync<Agent>(
            "select name as Name, law_firm as LawFirm, phone as Phone from supervision.clue_agents where clue_id = @clueId order by position",
            new { clueId }, transaction);
        var clue = await connection.QuerySingleAsync<(string? Judge, string? ReporterName, string? ReporterIdNumber, string? ReporterPhone)>(
            "select judge, reporter_name, reporter_id_number, reporter_phone from supervision.clues where id = @clueId", new { clueId }, transaction);
        return new ClueIdentities([.. parties], [.. agents], clue.Judge, clue.ReporterName, clue.ReporterIdNumber, clue.ReporterPhone);
    }

    /// <summary>Names a declared tie may match: every party, the judge, every agent and law firm.</summary>
    public IEnumerable<string> TieNames() =>
        Parties.Select(p => p.Name).Concat(Agents.Select(a => a.Name)).Concat(Agents.Select(a => a.LawFirm)).Append(Judge)
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Normalise(n!)).Distinct();

    public IEnumerable<string> TieIdNumbers() =>
        Parties.Select(p => p.IdNumber).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Normalise(n!)).Distinct();

    public static string Normalise(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
