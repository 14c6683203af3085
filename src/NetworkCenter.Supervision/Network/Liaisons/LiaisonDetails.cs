using System.Text.RegularExpressions;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>A declared tie as a request gives it.</summary>
public sealed record TieRequest(string? Kind, string? Name, string? IdNumber, string? Note);

/// <summary>What registering and changing a liaison both check, and the ties they both keep in step.</summary>
internal sealed partial record LiaisonDetails(
    string Name, string Unit, long? OfficeId, string? Phone, string? Email, string Language, string[] Expertise, string[] Groups)
{
    public static string Subject(long id) => $"liaison:{id}";

    public sealed record CheckedTie(string Kind, string Name, string? IdNumber, string? Note);

    public static LiaisonDetails Check(
        FieldErrors errors, string? name, string? unit, long? officeId, string? phone, string? email, string? language,
        IReadOnlyList<string>? expertise, IReadOnlyList<string>? groups) =>
        new(
            errors.Required("name", name) ?? "",
            errors.Required("unit", unit) ?? "",
            officeId,
            errors.Phone("phone", phone),
            errors.Email("email", email),
            errors.OneOf("language", language ?? Languages.Default, Languages.All) ?? Languages.Default,
            errors.Codes("expertise", expertise),
            errors.Codes("groups", groups, Vocabulary.LiaisonGroups));

    /// <summary>The office or point must exist, and be active unless the liaison already belongs to it.</summary>
    public static async Task CheckOfficeAsync(
        FieldErrors errors, NpgsqlConnection connection, NpgsqlTransaction transaction, long? officeId, long? currentOfficeId)
    {
        if (officeId is null)
        {
            return;
        }
        var active = await connection.QuerySingleOrDefaultAsync<bool?>(
            "select active from supervision.offices where id = @officeId", new { officeId }, transaction);
        if (active is null)
        {
            errors.Add("officeId", FieldMessages.NoOffice(officeId));
        }
        else if (active == false && officeId != currentOfficeId)
        {
            errors.Add("officeId", FieldMessages.OfficeDeactivated(officeId));
        }
    }

    public static CheckedTie[] CheckTies(FieldErrors errors, IReadOnlyList<TieRequest?>? ties)
    {
        var result = new List<CheckedTie>();
        for (var i = 0; i < (ties?.Count ?? 0); i++)
        {
            var tie = ties![i];
            var field = $"ties[{i}]";
            if (tie is null)
            {
                errors.Add(field, FieldMessages.Required());
                continue;
            }
            var kind = errors.OneOf(field + ".kind", tie.Kind, Vocabulary.TieKinds);
            var tieName = errors.Required(field + ".name", tie.Name);
            var idNumber = errors.Optional(field + ".idNumber", tie.IdNumber, 30)?.ToUpperInvariant();
            if (idNumber is not null && !IdNumberPattern().IsMatch(idNumber))
            {
                errors.Add(field + ".idNumber", FieldMessages.NotIdNumber());
            }
            var note = errors.Optional(field + ".note", tie.Note, FieldErrors.TextLength);
            if (kind is not null && tieName is not null)
            {
                result.Add(new CheckedTie(kind, tieName, idNumber, note));
            }
        }
        if (result.Count > 100)
        {
            errors.Add("ties", FieldMessages.TooManyTies(100));
        }
        return [.. result.Distinct()];
    }

    /// <summary>
    /// Makes the liaison's declared ties the given ones: unchanged ties stay (with their date), the others are withdrawn,
    /// new ones added. Returns whether anything changed.
    /// </summary>
    public static async Task<bool> SyncTiesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long liaisonId, IReadOnlyList<CheckedTie> ties, DateTimeOffset now)
    {
        var current = (await connection.QueryAsync<(long Id, string Kind, string Name, string? IdNumber, string? Note)>(
            """
            select id, tie_kind, name, id_number, note from supervision.liaison_ties
            where liaison_id = @liaisonId and withdrawn_at is null for update
            """,
            new { liaisonId }, transaction)).ToList();
        var kept = current.Where(c => ties.Contains(new CheckedTie(c.Kind, c.Name, c.IdNumber, c.Note))).ToList();
        var withdrawn = current.Except(kept).Select(c => c.Id).ToArray();
        var added = ties.Where(t => !kept.Any(c => new CheckedTie(c.Kind, c.Name, c.IdNumber, c.Note) == t)).ToList();
        await connection.ExecuteAsync(
            "update supervision.liaison_ties set withdrawn_at = @now where id = any(@withdrawn)", new { withdrawn, now }, transaction);
        foreach (var tie in added)
        {
            await connection.ExecuteAsync(
                """
                insert into supervision.liaison_ties (liaison_id, tie_kind, name, id_number, note, created_at)
                values (@liaisonId, @Kind, @Name, @IdNumber, @Note, @now)
                """,
                new { liaisonId, tie.Kind, tie.Name, tie.IdNumber, tie.Note, now }, transaction);
        }
        return withdrawn.Length > 0 || added.Count > 0;
    }

    [GeneratedRegex("^[0-9A-Z]{15,18}$")]
    private static partial Regex IdNumberPattern();
}
