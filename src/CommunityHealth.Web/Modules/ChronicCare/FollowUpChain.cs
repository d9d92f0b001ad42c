using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// A follow-up's effect on the patient's other rows: later visits judged again when one is recorded late, and the
/// registrations' stored outcome (last visit, class, control, next visit, run of unsatisfactory visits) for the work lists.
/// The decisions are <see cref="FollowUpVisit"/>'s; this applies them to the stored rows.
/// </summary>
public static class FollowUpChain
{
    public static IReadOnlyList<ChainVisit> Of(IEnumerable<ChronicVisit> visits) =>
        visits.Select(v => new ChainVisit(v.VisitDate, v.CreatedAt, v.HypertensionClass, v.DiabetesClass)).ToList();

    /// <summary>
    /// A visit recorded before later ones: the later visits' chain (consecutive count, referral, next date) is judged again.
    /// Returns all the resident's visits, the new one included, and the later ones that changed (to be updated).
    /// </summary>
    public static async Task<(List<ChronicVisit> All, List<ChronicVisit> Changed)> RejudgeLaterAsync(HealthDbContext db, Guid residentId, ChronicVisit inserted,
        ChronicRuleSet rules, CancellationToken ct)
    {
        var all = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).ToListAsync(ct);
        all.Add(inserted);
        var changed = new List<ChronicVisit>();
        foreach (var v in all.Where(x => x.VisitDate > inserted.VisitDate).OrderBy(x => x.VisitDate).ThenBy(x => x.CreatedAt))
        {
            var j = FollowUpVisit.Rejudge(v.ForHypertension, v.ForDiabetes, v.VisitDate, v.AgeYears,
                new VisitMeasures(v.Systolic, v.Diastolic, v.FastingGlucose, v.HeartRate, v.Form.TemperatureC),
                new VisitObservations(v.Form.AdverseReaction, v.Form.NewOrWorseComplication, v.Form.UrgentSigns),
                v.HypertensionClass, v.HypertensionComputed, v.DiabetesClass, v.DiabetesComputed, v.NextVisitOn, v.ProposedNextVisit,
                Of(all.Where(x => x.Id != v.Id)), rules);
            var before = (v.HypertensionReasons, v.DiabetesReasons, v.NextVisitOn, v.ProposedNextVisit, v.ReferralAdvised);
            if (j.HypertensionReasons is { } hr) v.HypertensionReasons = Findings.Store(hr);
            if (j.DiabetesReasons is { } dr) v.DiabetesReasons = Findings.Store(dr);
            (v.NextVisitOn, v.ProposedNextVisit, v.ReferralAdvised) = (j.NextVisitOn, j.ProposedNextVisit, j.ReferralAdvised);
            if (before != (v.HypertensionReasons, v.DiabetesReasons, v.NextVisitOn, v.ProposedNextVisit, v.ReferralAdvised)) changed.Add(v);
        }
        return (all, changed);
    }

    /// <summary>
    /// The registration's stored outcome comes from its latest visit (by date, then by entry); <paramref name="chain"/> is all
    /// the resident's visits when the new one is not the latest (null when it is).
    /// </summary>
    public static ChronicRegistration UpdateRegistration(ChronicRegistration reg, ChronicVisit visit, List<ChronicVisit>? chain)
    {
        var htn = reg.Programme == Programme.Hypertension;
        var latest = chain is null ? visit
            : chain.Where(x => htn ? x.ForHypertension : x.ForDiabetes).OrderByDescending(x => x.VisitDate).ThenByDescending(x => x.CreatedAt).First();
        reg.LastVisitOn = latest.VisitDate;
        reg.LastClass = htn ? latest.HypertensionClass : latest.DiabetesClass;
        reg.LastControlled = htn ? latest.BpControlled : latest.GlucoseControlled;
        reg.NextVisitOn = latest.NextVisitOn;
        reg.ConsecutiveUnsatisfactory = chain is null
            ? FollowUpVisit.ConsecutiveUnsatisfactory(reg.ConsecutiveUnsatisfactory, reg.LastClass)
            : FollowUpVisit.ConsecutiveUnsatisfactory(chain.Select(x => (x.VisitDate, x.CreatedAt, htn ? x.HypertensionClass : x.DiabetesClass)));
        reg.UpdatedAt = visit.UpdatedAt;
        return reg;
    }
}
