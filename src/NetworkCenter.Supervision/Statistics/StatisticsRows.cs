namespace NetworkCenter.Supervision.Statistics;

// The rows of the statistics tables, as the JSON API returns them and as the CSV and XLSX exports write them (one
// column per property, in this order). Rates are fractions in [0, 1] rounded to 4 places, null when nothing was given.

/// <summary>The period's headline figures.</summary>
internal sealed record StatisticsSummary(
    DateOnly From, DateOnly To, string? Kind, DateTimeOffset AsOf,
    long Registered, long AdoptedClues, decimal? AdoptionRate,
    long SourcesGiven, long SourcesAdopted, decimal? SourceAdoptionRate,
    long Outcomes, decimal AmountRecovered, decimal LossAvoided,
    long TasksCompleted, long TasksCompletedOnTime, decimal? OnTimeShare);

/// <summary>Clues given through one kind of channel (liaison office, reporting point, liaison, walk-in, 12309, ...).</summary>
internal sealed record SourceFigures(string Source, long Given, long Adopted, decimal? AdoptionRate, decimal AmountRecovered,
    decimal LossAvoided);

/// <summary>Clues given through one liaison office or reporting point, by whoever gave them there.</summary>
internal sealed record OfficeFigures(long OfficeId, string Office, string OfficeKind, long Given, long Adopted, decimal? AdoptionRate,
    decimal AmountRecovered, decimal LossAvoided);

/// <summary>One liaison's clues over a period (or one month of it), ranked by adoption rate, then value, then adopted count.</summary>
internal sealed record LiaisonFigures(string? Month, long LiaisonId, string Liaison, string Unit, string? Office, long Given, long Adopted,
    decimal? AdoptionRate, decimal AmountRecovered, decimal LossAvoided, decimal Value, long Rank);

/// <summary>Registered clues of one kind (and public-interest area) and how many were adopted.</summary>
internal sealed record KindFigures(string Kind, string? Area, long Registered, long Adopted, decimal? AdoptionRate);

/// <summary>Where the clues registered in the period stand now.</summary>
internal sealed record StatusFigures(string Status, long Clues);

/// <summary>Formal decisions taken in the period.</summary>
internal sealed record DecisionFigures(string Decision, string DeciderRole, long Decisions);

/// <summary>Outcomes recorded in the period and their value.</summary>
internal sealed record OutcomeFigures(string Outcome, long Outcomes, decimal AmountRecovered, decimal LossAvoided);

/// <summary>
/// One deadline of one procedure: the tasks created in the period that carried a due date, how many were completed and
/// how many of those by the due date, how many are still open past it, and how long completion took.
/// </summary>
internal sealed record DeadlineFigures(string Procedure, string Task, string? TaskName, long Tasks, long Completed, long CompletedOnTime,
    long CompletedLate, long OpenOverdue, decimal? OnTimeShare, double? MedianHours, double? AverageHours);

/// <summary>One CST calendar month of the period.</summary>
internal sealed record MonthFigures(string Month, long Registered, long Adopted, decimal? AdoptionRate, long SourcesGiven,
    long Outcomes, decimal AmountRecovered, decimal LossAvoided);

/// <summary>A field (public-interest area, or the clue kind for other kinds) against the same length of time before.</summary>
internal sealed record FieldFigures(string Field, string Kind, string? Area, long Clues, long PreviousClues, long Change,
    decimal? Growth);
