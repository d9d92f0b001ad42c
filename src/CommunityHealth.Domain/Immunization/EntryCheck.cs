namespace CommunityHealth.Domain.Immunization;

/// <summary>What an entry check (入托入学查验) concludes for one NIP series.</summary>
public enum EntryCheckConclusion
{
    /// <summary>The series is complete (全程完成).</summary>
    Complete,
    /// <summary>Every dose due by the child's age is given; later doses are not yet due (按年龄已完成).</summary>
    UpToDate,
    /// <summary>A dose due by the child's age is missing: refer for catch-up (需补种).</summary>
    CatchUp,
    /// <summary>Contraindicated or exempted: recorded, not a missing dose (禁忌/免种).</summary>
    Contraindicated,
    /// <summary>Past the age a catch-up is given (超龄不补).</summary>
    AgedOut,
}

/// <summary>One series of the entry check: the conclusion and, for a catch-up, the dose to give.</summary>
public sealed record EntryCheckLine(Series Series, EntryCheckConclusion Conclusion, NextDose? CatchUpDose);

/// <summary>
/// The entry check of kindergarten and school admission (入托、入学儿童预防接种证查验, 国家免疫规划疫苗儿童免疫程序及说明
/// 2021, standards §2 "补种"): each NIP series is judged from the forecast on the day of the check; a dose due or overdue
/// on that day is a missing dose to catch up. Only the missing doses are given, never the series again.
/// </summary>
public static class EntryCheck
{
    public static IReadOnlyList<EntryCheckLine> Of(Forecast forecast) =>
        forecast.Series.Select(s => new EntryCheckLine(s.Series, Conclude(s.Status), s.Status is ForecastStatus.Due or ForecastStatus.Overdue ? s.Next : null)).ToList();

    /// <summary>The child needs no catch-up when no series does.</summary>
    public static bool Complete(IEnumerable<EntryCheckLine> lines) => lines.All(l => l.Conclusion != EntryCheckConclusion.CatchUp);

    public static EntryCheckConclusion Conclude(ForecastStatus status) => status switch
    {
        ForecastStatus.Complete => EntryCheckConclusion.Complete,
        ForecastStatus.NotDue => EntryCheckConclusion.UpToDate,
        ForecastStatus.Due or ForecastStatus.Overdue => EntryCheckConclusion.CatchUp,
        ForecastStatus.Contraindicated => EntryCheckConclusion.Contraindicated,
        _ => EntryCheckConclusion.AgedOut,
    };
}
