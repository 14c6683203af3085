using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Localization;
using NetworkCenter.Workflows.Calendar;

namespace NetworkCenter.Web.Apis;

/// <summary>
/// The holiday table behind the legal calendar: anyone signed in reads it and asks when a period falls due;
/// supervisors and system administrators enter each year's State Council notice.
/// </summary>
public static class HolidaysApi
{
    public sealed record HolidayResponse(DateOnly Date, string Kind, string Name, string? Source, string UpdatedBy, DateTimeOffset UpdatedAt);

    public sealed record PutHolidayRequest(string? Kind, string? Name, string? Source);

    /// <summary>
    /// <c>PeriodEnd</c> is the last day before any roll-forward; <c>Due</c> is later only when that day is a rest day.
    /// <c>DueAt</c>, given when the start had a time and offset, is when a timer counted on the legal calendar fires.
    /// <c>HolidayTableCoversYear</c> is false when the table has nothing for the due date's year, so only weekends
    /// were taken as rest days.
    /// </summary>
    public sealed record DueDateResponse(
        DateOnly Start, string Period, DateOnly PeriodEnd, DateOnly Due, DateTimeOffset? DueAt, bool HolidayTableCoversYear);

    private const int MaxNameLength = 100;
    private const int MaxSourceLength = 200;

    public static void MapHolidaysApi(this IEndpointRouteBuilder routes)
    {
        var holidays = routes.MapGroup("/api/holidays").WithTags("Calendar");
        holidays.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.SignedIn);
        var editing = holidays.MapGroup("").RequireAuthorization(AccessPolicies.HolidayEditor);
        editing.MapGet("/changes", ListChangesAsync);
        editing.MapPut("/{date}", PutAsync);
        editing.MapDelete("/{date}", DeleteAsync);
        routes.MapGet("/api/calendar/due", DueAsync).WithTags("Calendar").RequireAuthorization(AccessPolicies.SignedIn);
    }

    private static async Task<Results<Ok<IEnumerable<HolidayResponse>>, ValidationProblem>> ListAsync(
        string? year, HolidayStore store, CancellationToken cancellationToken)
    {
        if (!TryParseYear(year, out var wanted))
        {
            return FieldProblems.One("year", HolidayMessages.NotAYear(year));
        }
        var list = await store.ListAsync(wanted, cancellationToken);
        return TypedResults.Ok(list.Select(ToResponse));
    }

    private static async Task<Results<Ok<IReadOnlyList<HolidayChange>>, ValidationProblem>> ListChangesAsync(
        string? year, HolidayStore store, CancellationToken cancellationToken)
    {
        if (!TryParseYear(year, out var wanted))
        {
            return FieldProblems.One("year", HolidayMessages.NotAYear(year));
        }
        return TypedResults.Ok(await store.ListChangesAsync(wanted, cancellationToken));
    }

    private static async Task<Results<Ok<HolidayResponse>, ValidationProblem>> PutAsync(
        string date, PutHolidayRequest request, HolidayStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldProblems();
        if (!TryParseDate(date, out var day))
        {
            errors.Add("date", HolidayMessages.NotADate(date));
        }
        if (!HolidayKinds.TryParse(request.Kind, out var kind))
        {
            errors.Add("kind", HolidayMessages.NotAKind(request.Kind));
        }
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", HolidayMessages.NameRequired());
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", HolidayMessages.NameTooLong(MaxNameLength));
        }
        var source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        if (source?.Length > MaxSourceLength)
        {
            errors.Add("source", HolidayMessages.SourceTooLong(MaxSourceLength));
        }
        if (errors.Count > 0)
        {
            return errors.ToResult(HolidayMessages.NotSaved());
        }
        var saved = await store.PutAsync(day, kind, name!, source, UserName(user), cancellationToken);
        return TypedResults.Ok(ToResponse(saved));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteAsync(
        string date, HolidayStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day))
        {
            return FieldProblems.One("date", HolidayMessages.NotADate(date));
        }
        return await store.DeleteAsync(day, UserName(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DueDateResponse>, ValidationProblem>> DueAsync(
        string? start, string? period, LegalCalendar calendar, CancellationToken cancellationToken)
    {
        var errors = new FieldProblems();
        DateTimeOffset? startAt = null;
        if (!TryParseDate(start, out var trigger))
        {
            if (TryParseInstant(start, out var instant))
            {
                startAt = instant;
                trigger = DateOnly.FromDateTime(instant.ToOffset(LegalCalendar.ChinaStandardTime).DateTime);
            }
            else
            {
                errors.Add("start", HolidayMessages.NotAStart(start));
            }
        }
        if (!IsoDatePeriod.TryParse(period, out var parsed, out var reason))
        {
            errors.Add("period", HolidayMessages.NotAPeriod(period, reason));
        }
        if (errors.Count > 0)
        {
            return errors.ToResult(HolidayMessages.NoDueDate());
        }
        DateOnly periodEnd, due;
        DateTimeOffset? dueAt = null;
        try
        {
            periodEnd = parsed.AddTo(trigger);
            due = await calendar.DueDateAsync(trigger, period!, cancellationToken);
            if (startAt is { } at)
            {
                dueAt = await calendar.DueAsync(at, period!, cancellationToken);
            }
        }
        catch (ArgumentException exception)
        {
            return FieldProblems.One("period", HolidayMessages.PeriodRefused(exception.Message));
        }
        var table = await calendar.CalendarAsync(cancellationToken);
        return TypedResults.Ok(new DueDateResponse(trigger, parsed.ToString(), periodEnd, due, dueAt, table.Covers(due.Year)));
    }

    /// <summary>An absent year means every year.</summary>
    private static bool TryParseYear(string? value, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1900 or > 9999)
        {
            return false;
        }
        year = parsed;
        return true;
    }

    private static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // An instant needs its offset: a bare local time would silently mean the server's zone.
    private static bool TryParseInstant(string? value, out DateTimeOffset instant)
    {
        instant = default;
        return value is { Length: > 16 } && value[10] == 'T' && (value.EndsWith('Z') || value[^6] is '+' or '-')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static string UserName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An authorised request without a user name.");

    private static HolidayResponse ToResponse(Holiday holiday) =>
        new(holiday.Date, holiday.Kind.ToCode(), holiday.Name, holiday.Source, holiday.UpdatedBy, holiday.UpdatedAt);
}
