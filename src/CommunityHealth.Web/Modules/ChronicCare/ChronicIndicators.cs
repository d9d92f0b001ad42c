using CommunityHealth.Data;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// The chronic-care indicators in the catalogue (standards §1.12): per programme, 患者管理率 (patients under management ÷ the
/// estimated patients entered as a population figure), 规范管理率 and 管理人群血压/血糖控制率 (÷ patients under management at the
/// period's end, as <see cref="IndicatorCounts"/> defines them; a patient without a visit in the period is lost, so
/// uncontrolled). Calendar-year indicators; a year running today counts to today.
/// Targets: the national text sets none; the figures below are the district plan's (local) and are configuration
/// (<see cref="IndicatorCatalogue"/>).
/// </summary>
public sealed class ChronicIndicators : IIndicatorSource
{
    public const string HtnManagement = "htn.management", HtnStandard = "htn.standard", HtnControl = "htn.control";
    public const string DmManagement = "dm.management", DmStandard = "dm.standard", DmControl = "dm.control";
    public const string HtnEstimate = "hypertension", DmEstimate = "diabetes";

    public IEnumerable<IndicatorInfo> Indicators =>
    [
        new(HtnManagement, "hypertension", "高血压患者管理率", "Hypertension patients under management", PeriodType.CalendarYear, true,
            "年内已管理的高血压患者人数", "Hypertension patients under management at the period's end",
            "辖区高血压患者估算人数", "Estimated hypertension patients (entered figure)", [new(2017, 40)], "district plan (local)", HtnEstimate, 400),
        new(HtnStandard, "hypertension", "高血压患者规范管理率", "Hypertension patients managed per specification", PeriodType.CalendarYear, true,
            "按照规范要求进行高血压患者健康管理的人数", "Patients with the required face-to-face visits (and exam) in the period",
            "年内已管理的高血压患者人数", "Hypertension patients under management at the period's end", [new(2017, 60)], "district plan (local)", null, 410),
        new(HtnControl, "hypertension", "管理人群血压控制率", "Blood pressure control among managed patients", PeriodType.CalendarYear, true,
            "年内最近一次随访血压达标人数", "Patients whose last visit of the period met the BP target",
            "年内已管理的高血压患者人数", "Hypertension patients under management at the period's end", [new(2017, 60)], "district plan (local)", null, 420),
        new(DmManagement, "diabetes", "2型糖尿病患者管理率", "Type 2 diabetes patients under management", PeriodType.CalendarYear, true,
            "年内已管理的2型糖尿病患者人数", "Diabetes patients under management at the period's end",
            "辖区2型糖尿病患者估算人数", "Estimated type 2 diabetes patients (entered figure)", [new(2017, 35)], "district plan (local)", DmEstimate, 500),
        new(DmStandard, "diabetes", "2型糖尿病患者规范管理率", "Diabetes patients managed per specification", PeriodType.CalendarYear, true,
            "按照规范要求进行2型糖尿病患者健康管理的人数", "Patients with the required face-to-face visits (and exam) in the period",
            "年内已管理的2型糖尿病患者人数", "Diabetes patients under management at the period's end", [new(2017, 60)], "district plan (local)", null, 510),
        new(DmControl, "diabetes", "管理人群血糖控制率", "Blood glucose control among managed patients", PeriodType.CalendarYear, true,
            "年内最近一次随访空腹血糖达标人数", "Patients whose last fasting glucose of the period was under 7.0 mmol/L",
            "年内已管理的2型糖尿病患者人数", "Diabetes patients under management at the period's end", [new(2017, 55)], "district plan (local)", null, 520),
    ];

    public IEnumerable<PopulationGroupInfo> PopulationGroups =>
    [
        new(HtnEstimate, "高血压患者估算人数", "Estimated hypertension patients", (db, asOf) => IndicatorCounts.Managed(db, Programme.Hypertension, asOf).Select(r => r.OrganizationId)),
        new(DmEstimate, "2型糖尿病患者估算人数", "Estimated type 2 diabetes patients", (db, asOf) => IndicatorCounts.Managed(db, Programme.Diabetes, asOf).Select(r => r.OrganizationId)),
    ];

    private static (Programme Programme, string Kind) Parse(string code) =>
        (code.StartsWith("htn.", StringComparison.Ordinal) ? Programme.Hypertension : Programme.Diabetes, code[(code.IndexOf('.') + 1)..]);

    public IQueryable<IndicatorPerson> People(HealthDbContext db, string code, IndicatorRange range)
    {
        var (programme, kind) = Parse(code);
        if (kind == "management")
            return IndicatorCounts.Managed(db, programme, range.To).Select(r => new IndicatorPerson { ResidentId = r.ResidentId, OrganizationId = r.OrganizationId, InNumerator = true });
        var facts = IndicatorCounts.Facts(db, programme, range.From, range.To, range.Today);
        if (kind == "control") return facts.Select(f => new IndicatorPerson { ResidentId = f.ResidentId, OrganizationId = f.OrganizationId, InNumerator = f.LastControlled == true });
        var rules = ChronicRuleSet.For(range.To);
        var (min, needsExam) = (rules.MinFaceToFaceVisits, rules.StandardNeedsExam);
        return facts.Select(f => new IndicatorPerson { ResidentId = f.ResidentId, OrganizationId = f.OrganizationId, InNumerator = f.FaceToFace >= min && (f.Exam || !needsExam) });
    }

    /// <summary>The stored year-to-date rows count 规范管理 and 控制 without a per-patient join (docs/decisions/0005).</summary>
    public async Task<IReadOnlyDictionary<Guid, IndicatorTally>> CountAsync(HealthDbContext db, string code, IndicatorRange range, CancellationToken ct)
    {
        var (programme, kind) = Parse(code);
        if (kind == "management")
            return (await IndicatorCounts.Managed(db, programme, range.To).GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => new IndicatorTally(x.Count, 0));
        var perOrg = await IndicatorCounts.CountsAsync(db, programme, range.From, range.To, null, range.Today, ct);
        return perOrg.ToDictionary(o => o.OrganizationId, o => new IndicatorTally(kind == "control" ? o.Controlled : o.Standard, o.Managed));
    }
}

/// <summary>A follow-up visit is a service on the patient's record (健康档案使用率).</summary>
public sealed class ChronicActivity : IResidentActivity
{
    public IQueryable<Guid> ResidentsServed(HealthDbContext db, DateOnly from, DateOnly to) =>
        db.ChronicVisits.Where(v => v.VisitDate >= from && v.VisitDate <= to).Select(v => v.ResidentId);

    public System.Linq.Expressions.Expression<Func<Guid, bool>> Served(HealthDbContext db, DateOnly from, DateOnly to) =>
        id => db.ChronicVisits.Any(v => v.ResidentId == id && v.VisitDate >= from && v.VisitDate <= to);
}
