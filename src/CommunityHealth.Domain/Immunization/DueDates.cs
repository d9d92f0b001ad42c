namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// What the work lists store for a child: the earliest recommended date among the open series (due, overdue or not yet
/// due), the earliest overdue date, the day to review the child again (an open dose's last age, e.g. MPSV-A at 24
/// months) and the doses due on the next date ("MMR-1,JE-L-1").
/// </summary>
public sealed record DueDates(DateOnly? NextDueDate, DateOnly? NextOverdueDate, DateOnly? ReviewOn, string? NextDueDoses)
{
    public static DueDates Of(Forecast forecast)
    {
        var open = forecast.Series.Where(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue or ForecastStatus.NotDue).ToList();
        if (open.Count == 0) return new DueDates(null, null, null, null);
        var next = open.Min(s => s.Next!.Recommended);
        return new DueDates(next, open.Min(s => s.Next!.OverdueFrom), open.Where(s => s.Next!.LastDay is not null).Select(s => s.Next!.LastDay).Min(),
            string.Join(',', open.Where(s => s.Next!.Recommended == next).Select(s => $"{s.Next!.Vaccine}-{s.Next.DoseNumber}")));
    }

    /// <summary>
    /// Every dose a work list shows for a child: each open series whose next dose is recommended by <paramref name="by"/>
    /// (due or overdue on the day; for a week's list also those falling due within it), in the schedule's order. The
    /// stored <see cref="NextDueDoses"/> holds only the earliest date's doses; an overdue child often owes several.
    /// </summary>
    public static IReadOnlyList<NextDose> DueBy(Forecast forecast, DateOnly by) =>
        forecast.Series.Where(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue or ForecastStatus.NotDue && s.Next.Recommended <= by)
            .Select(s => s.Next!).ToList();

    /// <summary>The codes of doses as stored ("MMR-1,JE-L-1").</summary>
    public static string Codes(IEnumerable<NextDose> doses) => string.Join(',', doses.Select(d => $"{d.Vaccine}-{d.DoseNumber}"));
}
