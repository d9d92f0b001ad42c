namespace CommunityHealth.Domain.Common;

/// <summary>
/// Checks an entered population figure (常住人口, estimated patients …): a whole number, not negative, not fewer than the
/// people of that group the records already hold for the organisation (a denominator below its own numerator is a typing
/// error), for a year from 2000 to next year (plans are entered ahead), with its source named.
/// </summary>
public static class PopulationRules
{
    public const int MaxValue = 50_000_000;

    public static Invalid? Check(int year, int value, string? source, long recordsHeld, int thisYear)
    {
        var errors = new List<FieldError>();
        if (year < ReportPeriod.MinYear || year > thisYear + 1) errors.Add(new FieldError("year", "error.range", ReportPeriod.MinYear, thisYear + 1));
        if (value < 0) errors.Add(new FieldError("value", "error.population.negative"));
        else if (value > MaxValue) errors.Add(new FieldError("value", "error.range", 0, MaxValue));
        else if (value < recordsHeld) errors.Add(new FieldError("value", "error.population.below_records", recordsHeld));
        if (string.IsNullOrWhiteSpace(source)) errors.Add(new FieldError("source", "error.required"));
        else if (source.Trim().Length > 200) errors.Add(new FieldError("source", "error.too_long", 200));
        return errors.Count == 0 ? null : new Invalid(errors);
    }
}
