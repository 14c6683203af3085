using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkCenter.Workflows.Calendar;

namespace NetworkCenter.Workflows.Tests.Calendar;

/// <summary>CPL Art. 85's roll-forward over arbitrary holiday tables, not only the seeded ones.</summary>
public sealed class HolidayCalendarProperties
{
    private static readonly DateOnly Epoch = new(2026, 1, 1);

    private sealed record Case(Dictionary<DateOnly, HolidayKind> Table, DateOnly Trigger, IsoDatePeriod Period)
    {
        public override string ToString() =>
            $"{Trigger:yyyy-MM-dd} + {Period}, table: {string.Join(", ", Table.OrderBy(d => d.Key).Select(d => $"{d.Key:MM-dd} {d.Value}"))}";
    }

    private static Gen<Case> Cases() =>
        from days in Gen.Choose(0, 40).SelectMany(n => Gen.ListOf(Gen.Choose(0, 400).Zip(Gen.Elements(HolidayKind.DayOff, HolidayKind.DayOff, HolidayKind.MakeUpWorkingDay)), n))
        from trigger in Gen.Choose(0, 365)
        from years in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(0, 2)))
        from months in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 14)))
        from weeks in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 4)))
        from count in Gen.Choose(0, 40)
        select new Case(
            days.GroupBy(d => d.Item1).ToDictionary(g => Epoch.AddDays(g.Key), g => g.First().Item2),
            Epoch.AddDays(trigger),
            new IsoDatePeriod(years, months, weeks, count));

    [Property(MaxTest = 500)]
    public Property DueDate_IsTheFirstWorkingDayOnOrAfterTheRawLastDay() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            foreach (var makeUpDaysAreWorkingDays in new[] { true, false })
            {
                var calendar = new HolidayCalendar(c.Table, makeUpDaysAreWorkingDays);
                var raw = c.Period.AddTo(c.Trigger);
                var due = calendar.DueDate(c.Trigger, c.Period);
                if (due < raw || calendar.IsRestDay(due) || !Enumerable.Range(0, due.DayNumber - raw.DayNumber).All(i => calendar.IsRestDay(raw.AddDays(i))))
                {
                    return false;
                }
            }
            return true;
        });

    [Property(MaxTest = 500)]
    public Property CountingMakeUpDaysAsRestDays_NeverEndsAPeriodEarlier() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
            new HolidayCalendar(c.Table, makeUpDaysAreWorkingDays: true).DueDate(c.Trigger, c.Period)
            <= new HolidayCalendar(c.Table, makeUpDaysAreWorkingDays: false).DueDate(c.Trigger, c.Period));

    [Property(MaxTest = 300)]
    public Property AddingADayOff_NeverEndsAPeriodEarlier() =>
        Prop.ForAll(Cases().ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (c, extra) =>
        {
            var more = new Dictionary<DateOnly, HolidayKind>(c.Table) { [Epoch.AddDays(extra)] = HolidayKind.DayOff };
            return new HolidayCalendar(c.Table, true).DueDate(c.Trigger, c.Period) <= new HolidayCalendar(more, true).DueDate(c.Trigger, c.Period);
        });

    [Property(MaxTest = 300)]
    public Property PeriodText_RoundTrips() =>
        Prop.ForAll(Cases().ToArbitrary(), c => IsoDatePeriod.Parse(c.Period.ToString()) == c.Period);
}
