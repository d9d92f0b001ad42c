using System.Globalization;

namespace CommunityHealth.Domain.Common;

/// <summary>
/// How an indicator's period is counted: the calendar year (the basic public health service year), the maternal and
/// child health reporting year (1 October of the previous year to 30 September, written "2025-MCH"), a quarter or a month
/// (modules.md §15: store the period type on each indicator).
/// </summary>
public enum PeriodType { CalendarYear = 1, MchYear = 2, Quarter = 3, Month = 4 }

/// <summary>
/// One reporting period: written "2025", "2025-MCH" (2024-10-01 … 2025-09-30), "2025-Q3" or "2025-07". Its first and last
/// days are inclusive; a period that has begun but not ended is counted up to the day asked (<see cref="EndOn"/>).
/// </summary>
public readonly record struct ReportPeriod(PeriodType Type, int Year, int Number)
{
    public const int MinYear = 2000;

    public DateOnly From => Type switch
    {
        PeriodType.CalendarYear => new DateOnly(Year, 1, 1),
        PeriodType.MchYear => new DateOnly(Year - 1, 10, 1),
        PeriodType.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    public DateOnly To => Type switch
    {
        PeriodType.CalendarYear => new DateOnly(Year, 12, 31),
        PeriodType.MchYear => new DateOnly(Year, 9, 30),
        PeriodType.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, Number, 1).AddMonths(1).AddDays(-1),
    };

    /// <summary>The last day counted on <paramref name="today"/>: the period's end, or today while it runs.</summary>
    public DateOnly EndOn(DateOnly today) => To < today ? To : today;

    /// <summary>Whether the period has begun by <paramref name="today"/> (a future period has no value).</summary>
    public bool HasBegun(DateOnly today) => From <= today;

    public ReportPeriod Previous() => Type switch
    {
        PeriodType.CalendarYear or PeriodType.MchYear => this with { Year = Year - 1 },
        PeriodType.Quarter => Number == 1 ? new(Type, Year - 1, 4) : this with { Number = Number - 1 },
        _ => Number == 1 ? new(Type, Year - 1, 12) : this with { Number = Number - 1 },
    };

    /// <summary>The <paramref name="count"/> periods ending with this one, oldest first.</summary>
    public IReadOnlyList<ReportPeriod> Last(int count)
    {
        var list = new List<ReportPeriod>(count);
        for (var p = this; list.Count < count && p.Year >= MinYear; p = p.Previous()) list.Add(p);
        list.Reverse();
        return list;
    }

    /// <summary>The period of <paramref name="type"/> that contains <paramref name="day"/>.</summary>
    public static ReportPeriod Containing(PeriodType type, DateOnly day) => type switch
    {
        PeriodType.CalendarYear => new(type, day.Year, 0),
        PeriodType.MchYear => new(type, day.Month >= 10 ? day.Year + 1 : day.Year, 0),
        PeriodType.Quarter => new(type, day.Year, (day.Month - 1) / 3 + 1),
        _ => new(type, day.Year, day.Month),
    };

    /// <summary>The period of <paramref name="type"/> named by a year: the year itself, its MCH year, its last quarter or month.</summary>
    public static ReportPeriod OfYear(PeriodType type, int year) => type switch
    {
        PeriodType.CalendarYear or PeriodType.MchYear => new(type, year, 0),
        PeriodType.Quarter => new(type, year, 4),
        _ => new(type, year, 12),
    };

    public override string ToString() => Type switch
    {
        PeriodType.CalendarYear => Year.ToString(CultureInfo.InvariantCulture),
        PeriodType.MchYear => $"{Year}-MCH",
        PeriodType.Quarter => $"{Year}-Q{Number}",
        _ => $"{Year}-{Number:D2}",
    };

    /// <summary>Reads "2025", "2025-MCH", "2025-Q3" or "2025-07" (case-insensitive); null for anything else.</summary>
    public static ReportPeriod? Parse(string? text)
    {
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length < 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < MinYear || year > 9998) return null;
        var rest = s[4..];
        if (rest.Length == 0) return new ReportPeriod(PeriodType.CalendarYear, year, 0);
        if (rest == "-MCH") return new ReportPeriod(PeriodType.MchYear, year, 0);
        if (rest.Length == 3 && rest[1] == 'Q' && rest[0] == '-' && rest[2] is >= '1' and <= '4') return new ReportPeriod(PeriodType.Quarter, year, rest[2] - '0');
        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return new ReportPeriod(PeriodType.Month, year, month);
        return null;
    }
}
