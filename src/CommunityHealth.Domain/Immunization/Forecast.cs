namespace CommunityHealth.Domain.Immunization;

/// <summary>A dose as recorded: the vaccine code and the day it was given.</summary>
public sealed record GivenDose(string Vaccine, DateOnly Date, Guid? Id = null);

public enum HBsAgStatus { Unknown, Negative, Positive }

public enum PpdResult { Negative, Positive }

/// <summary>A contraindication or exemption recorded for one vaccine, from a date until a date (open = permanent).</summary>
public sealed record VaccineContraindication(string Vaccine, DateOnly From, DateOnly? Until, string Reason)
{
    public bool ActiveOn(DateOnly d) => From <= d && (Until is null || d < Until);
}

/// <summary>What the forecaster needs to know about a child besides the doses.</summary>
public sealed record ChildFacts(DateOnly BirthDate)
{
    public HBsAgStatus MotherHBsAg { get; init; } = HBsAgStatus.Unknown;
    public int? BirthWeightGrams { get; init; }
    /// <summary>Immunodeficiency or HIV infection/exposure: no live vaccines.</summary>
    public bool Immunodeficient { get; init; }
    public IReadOnlyList<VaccineContraindication> Contraindications { get; init; } = [];
    public IReadOnlyList<DateOnly> ImmunoglobulinDates { get; init; } = [];
    /// <summary>The latest PPD (tuberculin) result and its date, for BCG catch-up from 3 months.</summary>
    public PpdResult? Ppd { get; init; }
    public DateOnly? PpdDate { get; init; }

    public bool LowBirthWeight => BirthWeightGrams is < 2000;
}

public enum ForecastStatus { Due, Overdue, NotDue, Complete, AgedOut, Contraindicated }

/// <summary>
/// One recorded dose as the forecaster counts it: the dose number it was given as, valid or not, and why; timely
/// (及时) when valid and given before the schedule's "complete before" age for that dose.
/// </summary>
public sealed record DoseEvaluation(GivenDose Dose, Series Series, int DoseNumber, bool Valid, string Reason, bool Timely = false);

/// <summary>The next dose of a series: number, vaccine, earliest and recommended dates, and when it becomes overdue.</summary>
public sealed record NextDose(int DoseNumber, string Vaccine, DateOnly Earliest, DateOnly Recommended, DateOnly OverdueFrom, DateOnly? LastDay);

public sealed record SeriesForecast(Series Series, IReadOnlyList<DoseEvaluation> Doses, bool Complete, NextDose? Next, ForecastStatus Status, string Reason)
{
    public int ValidDoses => Doses.Count(d => d.Valid);
}

/// <summary>The forecast for one child on one date: every NIP series, in the schedule's order.</summary>
public sealed record Forecast(DateOnly AsOf, NipSchedule Schedule, IReadOnlyList<SeriesForecast> Series, IReadOnlyList<DoseEvaluation> Unknown)
{
    public SeriesForecast this[Series s] => Series.Single(x => x.Series == s);

    public IEnumerable<DoseEvaluation> Doses => Series.SelectMany(s => s.Doses).Concat(Unknown).OrderBy(d => d.Dose.Date);

    /// <summary>The earliest recommended date among series not complete and not closed: what the work list stores.</summary>
    public DateOnly? NextDueDate => Series.Where(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue or ForecastStatus.NotDue)
        .Select(s => (DateOnly?)s.Next!.Recommended).Min();
}
