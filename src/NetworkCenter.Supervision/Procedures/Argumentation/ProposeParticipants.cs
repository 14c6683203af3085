using Dapper;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// <c>argumentation-propose-participants</c>: liaisons with the expertise the clue needs (or of the argumentation
/// group) who can sign in to give an opinion, minus everyone whose declared ties touch the clue's parties, judge, agents
/// or law firms — checked on real identities, before anything is released. Gives <c>proposedParticipantIds</c> and a
/// readable <c>proposedParticipants</c>.
/// </summary>
internal sealed class ProposeParticipants(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "argumentation-propose-participants";

    private sealed record Candidate(long Id, string Name, string Unit);

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var (candidates, recused) = await work.RunAsync(async (connection, transaction, _) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var people = await ClueIdentities.LoadAsync(connection, transaction, clueId);
            var tied = (await Recusal.TiedLiaisonsAsync(connection, transaction, people)).ToHashSet();
            var all = (await connection.QueryAsync<Candidate>("""
                select id as Id, name as Name, unit as Unit from supervision.liaisons
                where active and account_id is not null and email is not null and email <> ''
                  and ('argumentation' = any(groups) or expertise && @expertise)
                order by id
                """, new { expertise = ExpertiseFor(clue.Kind) }, transaction)).ToList();
            return (all.Where(c => !tied.Contains(c.Id)).ToList(), all.Count(c => tied.Contains(c.Id)));
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["proposedParticipantIds"] = candidates.Select(c => c.Id).ToArray(),
            ["proposedParticipants"] = string.Join("；", candidates.Select(c => $"{c.Id} {c.Name}（{c.Unit}）")),
            ["recusedCount"] = recused,
        });
    }

    private static string[] ExpertiseFor(string kind) => kind switch
    {
        "judgment-supervision" => ["civil", "administrative"],
        "judicial-misconduct" => ["criminal-justice"],
        "public-interest" => ["land", "bankruptcy", "fees", "environment", "administrative"],
        _ => [],
    };
}

/// <summary>Declared ties against the clue's real identities.</summary>
internal static class Recusal
{
    public static Task<IEnumerable<long>> TiedLiaisonsAsync(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, ClueIdentities people) =>
        connection.QueryAsync<long>("""
            select distinct liaison_id from supervision.liaison_ties
            where upper(regexp_replace(name, '\s', '', 'g')) = any(@names)
               or (id_number is not null and upper(regexp_replace(id_number, '\s', '', 'g')) = any(@ids))
            """, new { names = people.TieNames().ToArray(), ids = people.TieIdNumbers().ToArray() }, transaction);
}
