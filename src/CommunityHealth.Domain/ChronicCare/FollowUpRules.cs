using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.ChronicCare;

/// <summary>The measured values of a follow-up that the rules read (BP in mmHg, glucose in mmol/L, temperature in °C).</summary>
public sealed record VisitMeasures(int? Systolic, int? Diastolic, decimal? FastingGlucose = null, int? HeartRate = null, decimal? TemperatureC = null);

/// <summary>What the clinician recorded beside the numbers: drug adverse reaction, new or worse complication, urgent signs ticked.</summary>
public sealed record VisitObservations(bool AdverseReaction = false, bool NewOrWorseComplication = false, IReadOnlyList<string>? UrgentSigns = null);

/// <summary>The automatic decision for one programme at one visit, with its reasons.</summary>
public sealed record VisitDecision(
    Programme Programme, VisitClass Class, bool? Controlled, bool Urgent, IReadOnlyList<Finding> UrgentReasons,
    bool ReferralAdvised, int ConsecutiveUnsatisfactory, DateOnly NextVisit, IReadOnlyList<Finding> Reasons);

/// <summary>One earlier visit of the same programme, in the order the chain needs.</summary>
public sealed record PriorVisit(DateOnly Date, VisitClass Class);

/// <summary>
/// Classification, urgent referral and the next visit for 高血压/2型糖尿病 follow-ups (standards §1.7, §1.8).
/// Pure: the rule set and every date are passed in.
/// </summary>
public static class FollowUpRules
{
    /// <summary>Physiologically impossible values, per field (the form refuses them; nothing is saved).</summary>
    public static void Validate(Validation v, VisitMeasures m, string prefix = "")
    {
        if (m.Systolic is { } s && !VitalRanges.PlausibleSystolic(s)) v.Add(prefix + "systolic", "error.chronic.systolic_range", VitalRanges.SystolicMin, VitalRanges.SystolicMax);
        if (m.Diastolic is { } d && !VitalRanges.PlausibleDiastolic(d)) v.Add(prefix + "diastolic", "error.chronic.diastolic_range", VitalRanges.DiastolicMin, VitalRanges.DiastolicMax);
        else if (m is { Systolic: { } s2, Diastolic: { } d2 } && d2 >= s2 && VitalRanges.PlausibleSystolic(s2)) v.Add(prefix + "diastolic", "error.chronic.diastolic_above_systolic");
        if (m.FastingGlucose is { } g && (g < 1.0m || g > 50m)) v.Add(prefix + "fastingGlucose", "error.chronic.glucose_range", "1.0", "50.0");
        if (m.HeartRate is { } hr && (hr < 20 || hr > 250)) v.Add(prefix + "heartRate", "error.chronic.heart_rate_range", 20, 250);
        if (m.TemperatureC is { } t && (t < 34m || t > 43m)) v.Add(prefix + "temperatureC", "error.chronic.temperature_range", 34, 43);
    }

    /// <summary>Whether the visit's values meet the programme's target (null when the value is missing).</summary>
    public static bool? Controlled(Programme p, VisitMeasures m, int ageYears, ChronicRuleSet rules) => p switch
    {
        Programme.Hypertension => m is { Systolic: { } s, Diastolic: { } d } ? rules.BpControlled(s, d, ageYears) : null,
        _ => m.FastingGlucose is { } g ? rules.GlucoseControlled(g) : null,
    };

    /// <summary>
    /// 此次随访分类: 并发症 (new or worse complication) before 不良反应 (a drug adverse reaction) before the control
    /// judgement; a value that is missing cannot be called satisfactory.
    /// </summary>
    public static (VisitClass Class, Finding Reason) Classify(Programme p, VisitMeasures m, VisitObservations o, int ageYears, ChronicRuleSet rules)
    {
        if (o.NewOrWorseComplication) return (VisitClass.Complication, new Finding("chronic.reason.complication"));
        if (o.AdverseReaction) return (VisitClass.AdverseReaction, new Finding("chronic.reason.adr"));
        if (p == Programme.Hypertension)
        {
            if (m is not { Systolic: { } s, Diastolic: { } d }) return (VisitClass.Unsatisfactory, new Finding("chronic.reason.bp_missing"));
            var target = ageYears >= rules.ElderlyAge ? rules.ControlledSystolicElderly : rules.ControlledSystolic;
            return rules.BpControlled(s, d, ageYears)
                ? (VisitClass.Satisfactory, new Finding("chronic.reason.bp_controlled", s, d, target, rules.ControlledDiastolic))
                : (VisitClass.Unsatisfactory, new Finding("chronic.reason.bp_uncontrolled", s, d, target, rules.ControlledDiastolic));
        }
        if (m.FastingGlucose is not { } g) return (VisitClass.Unsatisfactory, new Finding("chronic.reason.glucose_missing"));
        return rules.GlucoseControlled(g)
            ? (VisitClass.Satisfactory, new Finding("chronic.reason.glucose_controlled", g, rules.ControlledFastingGlucose))
            : (VisitClass.Unsatisfactory, new Finding("chronic.reason.glucose_uncontrolled", g, rules.ControlledFastingGlucose));
    }

    /// <summary>The signs of §1.7/§1.8 that call for urgent referral at this visit, each explained.</summary>
    public static IReadOnlyList<Finding> UrgentReasons(Programme p, VisitMeasures m, VisitObservations o, ChronicRuleSet rules)
    {
        var reasons = new List<Finding>();
        // a value the form refuses is a typing error, not a sign: no advice is drawn from it (its field shows the range);
        // the other values and the signs ticked still count
        var check = new Validation();
        Validate(check, m);
        var refused = check.ToError() is Invalid invalid ? invalid.Errors.Select(e => e.Field).ToHashSet() : [];
        m = new VisitMeasures(refused.Contains("systolic") ? null : m.Systolic, refused.Contains("diastolic") ? null : m.Diastolic,
            refused.Contains("fastingGlucose") ? null : m.FastingGlucose, refused.Contains("heartRate") ? null : m.HeartRate,
            refused.Contains("temperatureC") ? null : m.TemperatureC);
        if (m.Systolic is { } s && s >= rules.UrgentSystolic) reasons.Add(new("chronic.urgent.systolic", s, rules.UrgentSystolic));
        if (m.Diastolic is { } d && d >= rules.UrgentDiastolic) reasons.Add(new("chronic.urgent.diastolic", d, rules.UrgentDiastolic));
        if (p == Programme.Diabetes)
        {
            if (m.FastingGlucose is { } g && g >= rules.UrgentGlucoseHigh) reasons.Add(new("chronic.urgent.glucose_high", g, rules.UrgentGlucoseHigh));
            if (m.FastingGlucose is { } g2 && g2 <= rules.UrgentGlucoseLow) reasons.Add(new("chronic.urgent.glucose_low", g2, rules.UrgentGlucoseLow));
            if (m.HeartRate is { } hr && hr > rules.UrgentHeartRate) reasons.Add(new("chronic.urgent.heart_rate", hr, rules.UrgentHeartRate));
            if (m.TemperatureC is { } t && t > rules.UrgentTemperature) reasons.Add(new("chronic.urgent.temperature", t, rules.UrgentTemperature));
        }
        foreach (var sign in (o.UrgentSigns ?? []).Distinct().Where(c => ChronicCodes.SignApplies(c, p)))
            reasons.Add(new("chronic.urgent.sign", sign));
        return reasons;
    }

    /// <summary>
    /// The decision for one visit given the visits before it (any order; only those before <paramref name="date"/>
    /// count, and the count runs across year ends): classification, urgent referral, whether to refer, the next visit.
    /// 满意 → the routine interval; the first 不满意 or an ADR → recheck in 2 weeks; two consecutive 不满意, a
    /// complication or an urgent sign → refer and follow up within 2 weeks.
    /// </summary>
    public static VisitDecision Decide(Programme p, DateOnly date, int ageYears, VisitMeasures m, VisitObservations o,
        IEnumerable<PriorVisit> before, ChronicRuleSet rules, VisitClass? overrideClass = null)
    {
        var (computed, classReason) = Classify(p, m, o, ageYears, rules);
        var cls = overrideClass ?? computed;
        var reasons = new List<Finding> { classReason };
        if (overrideClass is { } oc && oc != computed) reasons.Add(new Finding("chronic.reason.overridden", (int)oc));
        var urgent = UrgentReasons(p, m, o, rules);
        var previous = before.Where(v => v.Date < date).OrderBy(v => v.Date).ToList();
        var consecutive = 0;
        if (cls == VisitClass.Unsatisfactory)
        {
            consecutive = 1;
            for (var i = previous.Count - 1; i >= 0 && previous[i].Class == VisitClass.Unsatisfactory; i--) consecutive++;
        }
        bool refer;
        DateOnly next;
        if (urgent.Count > 0)
        {
            (refer, next) = (true, date.AddDays(rules.RecheckDays));
            reasons.Add(new Finding("chronic.reason.urgent_referral", rules.RecheckDays));
        }
        else if (cls == VisitClass.Complication)
        {
            (refer, next) = (true, date.AddDays(rules.RecheckDays));
            reasons.Add(new Finding("chronic.reason.refer_complication", rules.RecheckDays));
        }
        else if (consecutive >= 2)
        {
            (refer, next) = (true, date.AddDays(rules.RecheckDays));
            reasons.Add(new Finding("chronic.reason.refer_consecutive", consecutive, rules.RecheckDays));
        }
        else if (cls is VisitClass.Unsatisfactory or VisitClass.AdverseReaction)
        {
            (refer, next) = (false, date.AddDays(rules.RecheckDays));
            reasons.Add(new Finding(cls == VisitClass.AdverseReaction ? "chronic.reason.recheck_adr" : "chronic.reason.recheck_first", rules.RecheckDays));
        }
        else
        {
            (refer, next) = (false, date.AddMonths(rules.RoutineMonths));
            reasons.Add(new Finding("chronic.reason.routine", rules.RoutineMonths));
        }
        return new VisitDecision(p, cls, Controlled(p, m, ageYears, rules), urgent.Count > 0, urgent, refer, consecutive, next, reasons);
    }

    /// <summary>A patient is "managed per specification" in a year with enough face-to-face visits and (per the rule set) an examination.</summary>
    public static bool StandardManaged(int faceToFaceVisits, bool hadExam, ChronicRuleSet rules) =>
        faceToFaceVisits >= rules.MinFaceToFaceVisits && (hadExam || !rules.StandardNeedsExam);

    public static bool FaceToFace(VisitMode mode) => mode is VisitMode.Clinic or VisitMode.Home;
}
