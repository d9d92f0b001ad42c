namespace CommunityHealth.Domain.ChronicCare;

/// <summary>One follow-up as the indicators see it: when, how, in what order it was entered, and whether the values met the target.</summary>
public sealed record CountedVisit(DateOnly Date, DateTime EnteredAt, VisitMode Mode, bool? Controlled);

/// <summary>
/// A patient's programme year up to the end of <see cref="Month"/>: visits and face-to-face visits so far this year, and
/// the last visit of the year so far with its control. The indicators for a period from 1 January to a month end read
/// the latest such row instead of the visits themselves.
/// </summary>
public sealed record MonthToDate(int Month, int Visits, int FaceToFace, DateOnly LastVisitOn, bool? LastControlled);

public static class YearToDate
{
    /// <summary>
    /// One row per month of <paramref name="year"/> that has a visit (the months between carry the previous row's values,
    /// so the reader takes the latest row at or before its month). The last visit is the latest by date, then by entry.
    /// </summary>
    public static IReadOnlyList<MonthToDate> Build(int year, IEnumerable<CountedVisit> visits)
    {
        var rows = new List<MonthToDate>();
        int count = 0, faceToFace = 0;
        foreach (var month in visits.Where(v => v.Date.Year == year).OrderBy(v => v.Date).ThenBy(v => v.EnteredAt).GroupBy(v => v.Date.Month))
        {
            var inMonth = month.ToList();
            count += inMonth.Count;
            faceToFace += inMonth.Count(v => FollowUpRules.FaceToFace(v.Mode));
            rows.Add(new MonthToDate(month.Key, count, faceToFace, inMonth[^1].Date, inMonth[^1].Controlled));
        }
        return rows;
    }
}
