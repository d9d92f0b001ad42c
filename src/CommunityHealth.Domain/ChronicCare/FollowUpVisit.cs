namespace CommunityHealth.Domain.ChronicCare;

/// <summary>An earlier visit of the patient as the chain reads it: its date, when it was entered, each programme's final class.</summary>
public sealed record ChainVisit(DateOnly Date, DateTime EnteredAt, VisitClass? HypertensionClass, VisitClass? DiabetesClass);

/// <summary>
/// The whole visit's decision for the programmes it serves: each programme's <see cref="VisitDecision"/>, the computed
/// classes (before an override), BP and glucose control, urgent referral with its reasons, whether to refer and the
/// proposed next visit (the earlier of the programmes' proposals).
/// </summary>
public sealed record VisitOutcome(
    VisitDecision? Hypertension, VisitDecision? Diabetes, VisitClass? HypertensionComputed, VisitClass? DiabetesComputed, bool? BpControlled,
    bool? GlucoseControlled, bool Urgent, IReadOnlyList<Finding> UrgentReasons, bool ReferralAdvised, DateOnly ProposedNextVisit)
{
    public IReadOnlyList<VisitDecision> Decisions => new[] { Hypertension, Diabetes }.Where(x => x is not null).Select(x => x!).ToList();
}

/// <summary>A later visit judged again after an earlier one was recorded: new reasons per programme, next visit, referral.</summary>
public sealed record Rejudgement(IReadOnlyList<Finding>? HypertensionReasons, IReadOnlyList<Finding>? DiabetesReasons, DateOnly? NextVisitOn,
    DateOnly ProposedNextVisit, bool ReferralAdvised);

/// <summary>
/// One follow-up visit serving one or both programmes (standards §1.7, §1.8): which programmes it is for, the combined
/// decision, re-judging later visits when one is recorded late, and the registration's run of unsatisfactory visits.
/// Pure: the rule set and every date are passed in.
/// </summary>
public static class FollowUpVisit
{
    /// <summary>
    /// The programmes a visit is for: as asked, or — when neither is given — every programme the patient is registered on;
    /// when only one is given, the other is not included.
    /// </summary>
    public static (bool Hypertension, bool Diabetes) Programmes(bool? hypertension, bool? diabetes, bool onHypertension, bool onDiabetes) =>
        (hypertension ?? (diabetes is null && onHypertension), diabetes ?? (hypertension is null && onDiabetes));

    /// <summary>
    /// Decides each programme of the visit from the chain of earlier visits (<paramref name="history"/>, any order; only
    /// earlier dates count), with the clinician's overrides; urgent reasons appear once even when both programmes find them.
    /// </summary>
    public static VisitOutcome Decide(bool forHypertension, bool forDiabetes, DateOnly date, int ageYears, VisitMeasures m, VisitObservations o,
        IReadOnlyList<ChainVisit> history, ChronicRuleSet rules, VisitClass? hypertensionOverride = null, VisitClass? diabetesOverride = null)
    {
        VisitDecision? hd = forHypertension ? FollowUpRules.Decide(Programme.Hypertension, date, ageYears, m, o,
            history.Where(h => h.HypertensionClass is not null).Select(h => new PriorVisit(h.Date, h.HypertensionClass!.Value)), rules, hypertensionOverride) : null;
        VisitDecision? dd = forDiabetes ? FollowUpRules.Decide(Programme.Diabetes, date, ageYears, m, o,
            history.Where(h => h.DiabetesClass is not null).Select(h => new PriorVisit(h.Date, h.DiabetesClass!.Value)), rules, diabetesOverride) : null;
        var decisions = new[] { hd, dd }.Where(x => x is not null).Select(x => x!).ToList();
        return new VisitOutcome(hd, dd,
            hd is null ? null : FollowUpRules.Classify(Programme.Hypertension, m, o, ageYears, rules).Class,
            dd is null ? null : FollowUpRules.Classify(Programme.Diabetes, m, o, ageYears, rules).Class,
            m is { Systolic: { } s, Diastolic: { } d } ? rules.BpControlled(s, d, ageYears) : null,
            m.FastingGlucose is { } g ? rules.GlucoseControlled(g) : null,
            decisions.Any(x => x.Urgent), decisions.SelectMany(x => x.UrgentReasons).DistinctBy(f => f.ToString()).ToList(),
            decisions.Any(x => x.ReferralAdvised), decisions.Min(x => x.NextVisit));
    }

    /// <summary>
    /// A later visit judged again against the chain of the other visits (<paramref name="others"/>, the new one included):
    /// a class the clinician overrode stays overridden, and a next-visit date the clinician chose (not the proposal) stays.
    /// </summary>
    public static Rejudgement Rejudge(bool forHypertension, bool forDiabetes, DateOnly date, int ageYears, VisitMeasures m, VisitObservations o,
        VisitClass? hypertensionClass, VisitClass? hypertensionComputed, VisitClass? diabetesClass, VisitClass? diabetesComputed,
        DateOnly? nextVisitOn, DateOnly? proposedNextVisit, IReadOnlyList<ChainVisit> others, ChronicRuleSet rules)
    {
        var decisions = new List<VisitDecision>();
        if (forHypertension)
            decisions.Add(FollowUpRules.Decide(Programme.Hypertension, date, ageYears, m, o,
                others.Where(x => x.HypertensionClass is not null).Select(x => new PriorVisit(x.Date, x.HypertensionClass!.Value)), rules,
                hypertensionClass != hypertensionComputed ? hypertensionClass : null));
        if (forDiabetes)
            decisions.Add(FollowUpRules.Decide(Programme.Diabetes, date, ageYears, m, o,
                others.Where(x => x.DiabetesClass is not null).Select(x => new PriorVisit(x.Date, x.DiabetesClass!.Value)), rules,
                diabetesClass != diabetesComputed ? diabetesClass : null));
        var proposed = decisions.Min(x => x.NextVisit);
        return new Rejudgement(decisions.FirstOrDefault(d => d.Programme == Programme.Hypertension)?.Reasons,
            decisions.FirstOrDefault(d => d.Programme == Programme.Diabetes)?.Reasons,
            nextVisitOn == proposedNextVisit ? proposed : nextVisitOn, proposed, decisions.Any(x => x.ReferralAdvised));
    }

    /// <summary>
    /// The run of 控制不满意 visits ending at the latest one (newest first, by date then entry), across year ends: two or
    /// more call for referral (§1.7).
    /// </summary>
    public static int ConsecutiveUnsatisfactory(IEnumerable<(DateOnly Date, DateTime EnteredAt, VisitClass? Class)> visits) =>
        visits.Where(x => x.Class is not null).OrderByDescending(x => x.Date).ThenByDescending(x => x.EnteredAt)
            .TakeWhile(x => x.Class == VisitClass.Unsatisfactory).Count();

    /// <summary>The run after one more visit, the latest: one longer when it is 控制不满意, otherwise ended.</summary>
    public static int ConsecutiveUnsatisfactory(int before, VisitClass? latest) => latest == VisitClass.Unsatisfactory ? before + 1 : 0;

    /// <summary>
    /// The work lists' note on a registration whose stored run of 控制不满意 visits calls for referral (two or more,
    /// §1.7): the same reason the visit gave; null when the run is shorter.
    /// </summary>
    public static Finding? ReferralForRun(int consecutiveUnsatisfactory, ChronicRuleSet rules) =>
        consecutiveUnsatisfactory >= 2 ? new Finding("chronic.reason.refer_consecutive", consecutiveUnsatisfactory, rules.RecheckDays) : null;

    /// <summary>Patients last seen before this date (or registered before it and never seen) are lost-to-follow-up candidates.</summary>
    public static DateOnly NotSeenSince(DateOnly today, ChronicRuleSet rules) => today.AddMonths(-rules.LostAfterMonths);

    /// <summary>Whether a programme's decision reasons include a referral (urgent, complication or consecutive unsatisfactory).</summary>
    public static bool AdvisesReferral(IEnumerable<Finding> reasons) =>
        reasons.Any(r => r.Code.StartsWith("chronic.reason.refer", StringComparison.Ordinal) || r.Code == "chronic.reason.urgent_referral");
}
