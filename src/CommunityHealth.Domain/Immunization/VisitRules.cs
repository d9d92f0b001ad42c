namespace CommunityHealth.Domain.Immunization;

/// <summary>A dose about to be recorded at a visit: its id, vaccine, day, series and the dose number the nurse claims (if any).</summary>
public sealed record VisitDose(GivenDose Dose, Series Series, int? ClaimedNumber);

/// <summary>
/// How a visit's dose counts: the dose number it takes, the clinical warning the nurse must acknowledge with a reason
/// (the dose would not count, or the series is contraindicated on that day), and the number the nurse claimed when it
/// differs from the one the dose counts as.
/// </summary>
public sealed record VisitDoseCheck(int DoseNumber, string? Warning, int? MismatchedClaim);

/// <summary>
/// Judging the doses of one visit against the child's history (国家免疫规划疫苗儿童免疫程序及说明 2021; the forecaster's
/// rule sets). Pure: the child's facts, the history and the visit are passed in.
/// </summary>
public static class VisitRules
{
    /// <summary>The 30-minute observation after a dose (留观30分钟, 预防接种工作规范 2023 年版).</summary>
    public const int ObservationMinutes = 30;

    /// <summary>True when an observation that ended at <paramref name="until"/> lasted the full 30 minutes after the dose.</summary>
    public static bool ObservationComplete(DateTime givenAt, DateTime until) => until >= givenAt.AddMinutes(ObservationMinutes);

    /// <summary>
    /// Each visit dose judged over the history plus the other doses of the visit (evaluated on the visit's last day); the
    /// contraindication check looks at the series on the dose's own day, with the doses given up to that day.
    /// </summary>
    public static IReadOnlyList<VisitDoseCheck> Check(ChildFacts facts, IEnumerable<GivenDose> history, IReadOnlyList<VisitDose> visit)
    {
        var all = history.Concat(visit.Select(v => v.Dose)).ToList();
        var forecast = Forecaster.Evaluate(facts, all, visit.Max(d => d.Dose.Date));
        var checks = new List<VisitDoseCheck>(visit.Count);
        foreach (var v in visit)
        {
            var d = v.Dose;
            var e = forecast.Doses.First(x => x.Dose.Id == d.Id);
            var before = Forecaster.Evaluate(facts, all.Where(x => x.Id != d.Id && x.Date <= d.Date), d.Date);
            var series = before[v.Series];
            var warning = !e.Valid ? e.Reason : series.Status == ForecastStatus.Contraindicated ? series.Reason : null;
            int? mismatch = warning is null && v.ClaimedNumber is { } claimed && claimed != e.DoseNumber ? claimed : null;
            checks.Add(new VisitDoseCheck(e.DoseNumber, warning, mismatch));
        }
        return checks;
    }

    /// <summary>
    /// The vaccine the visit form proposes next: the next dose of the first series, in the schedule's order, that is due or
    /// overdue on the forecast's day and not already on the visit (<paramref name="onVisit"/>: the vaccines chosen so far).
    /// </summary>
    public static string? Propose(Forecast forecast, IEnumerable<string?> onVisit)
    {
        var taken = onVisit.Select(Vaccines.Find).Where(v => v is not null).Select(v => v!.Series).ToHashSet();
        return forecast.Series.FirstOrDefault(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue && !taken.Contains(s.Series))?.Next!.Vaccine;
    }
}
