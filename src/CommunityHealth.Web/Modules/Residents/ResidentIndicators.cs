using System.Linq.Expressions;
using CommunityHealth.Data;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// The health-record indicators (standards §1.12): 居民健康档案建档率 and 电子健康档案建档率 (records ÷ the 常住人口 entered
/// per organisation and year) and 健康档案使用率 (records with a service of any module in the period ÷ all records). Every
/// record here is electronic, so both 建档率 count the same records; they stay two indicators because the national
/// reports ask for both. A record counts from its creation until it is closed; merged records are not people.
/// Also declares the population groups of the records: 常住人口, children 0–6 and residents 65+.
/// Targets: 建档率 80 % (modules.md §1, seed 002, local); 使用率 60 % (district plan, local); both configuration.
/// </summary>
public sealed class ResidentIndicators(IEnumerable<IResidentActivity> activities) : IIndicatorSource
{
    public const string Coverage = "records.coverage", Electronic = "records.electronic", Usage = "records.usage";
    public const string Population = "residents", Children = "children0to6", Elderly = "elderly65";

    public IEnumerable<IndicatorInfo> Indicators =>
    [
        new(Coverage, "records", "居民健康档案建档率", "Health record coverage", PeriodType.CalendarYear, true,
            "建档人数", "Residents with a health record", "辖区常住人口数", "Resident population (entered figure)", [new(2017, 80)], "modules.md §1 (local)", Population, 100),
        new(Electronic, "records", "电子健康档案建档率", "Electronic health record coverage", PeriodType.CalendarYear, true,
            "建立电子健康档案人数", "Residents with an electronic record", "辖区常住人口数", "Resident population (entered figure)", [new(2017, 80)], "modules.md §1 (local)", Population, 110),
        new(Usage, "records", "健康档案使用率", "Health record use", PeriodType.CalendarYear, true,
            "有动态记录的档案份数", "Records with a service in the period", "档案总份数", "Records held at the period's end", [new(2017, 60)], "district plan (local)", null, 120),
    ];

    public IEnumerable<PopulationGroupInfo> PopulationGroups =>
    [
        new(Population, "常住人口数", "Resident population", (db, asOf) => Held(db, asOf).Select(r => r.OrganizationId)),
        new(Children, "0～6岁儿童数", "Children aged 0–6", (db, asOf) => Held(db, asOf).Where(r => r.BirthDate > asOf.AddYears(-7)).Select(r => r.OrganizationId)),
        new(Elderly, "65岁及以上常住居民数", "Residents aged 65 and over", (db, asOf) => Held(db, asOf).Where(r => r.BirthDate <= asOf.AddYears(-65)).Select(r => r.OrganizationId)),
    ];

    /// <summary>The records held at the end of <paramref name="day"/> (China time): created by then, not closed by then, not merged away.</summary>
    public static IQueryable<Resident> Held(HealthDbContext db, DateOnly day)
    {
        var end = DateTime.SpecifyKind(day.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        return db.Residents.Where(r => r.CreatedAt < end && (r.Status == ResidentStatus.Active || (r.Status == ResidentStatus.Closed && r.ClosedOn > day)));
    }

    public IQueryable<IndicatorPerson> People(HealthDbContext db, string code, IndicatorRange range)
    {
        var held = Held(db, range.To);
        if (code != Usage) return held.Select(r => new IndicatorPerson { ResidentId = r.Id, OrganizationId = r.OrganizationId, InNumerator = true });
        // per resident: a probe of each module's services by (resident, date), so a page of the gap stops after its rows
        var r = Expression.Parameter(typeof(Resident), "r");
        var id = Expression.Property(r, nameof(Resident.Id));
        var person = Expression.MemberInit(Expression.New(typeof(IndicatorPerson)),
            Expression.Bind(typeof(IndicatorPerson).GetProperty(nameof(IndicatorPerson.ResidentId))!, id),
            Expression.Bind(typeof(IndicatorPerson).GetProperty(nameof(IndicatorPerson.OrganizationId))!, Expression.Property(r, nameof(Resident.OrganizationId))),
            Expression.Bind(typeof(IndicatorPerson).GetProperty(nameof(IndicatorPerson.InNumerator))!, ResidentPredicates.AnyOf(activities.Select(a => a.Served(db, range.From, range.To)), id)));
        return held.Select(Expression.Lambda<Func<Resident, IndicatorPerson>>(person, r));
    }

    /// <summary>
    /// 健康档案使用率 counted against the year's services as one set (built once by the database), not a probe per record; the
    /// other indicators count their people.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IndicatorTally>> CountAsync(HealthDbContext db, string code, IndicatorRange range, CancellationToken ct)
    {
        var held = Held(db, range.To);
        if (code != Usage) return await IndicatorQueries.CountByOrganizationAsync(People(db, code, range), ct);
        IQueryable<Guid>? served = null;
        foreach (var a in activities)
        {
            var q = a.ResidentsServed(db, range.From, range.To);
            served = served is null ? q : served.Concat(q);
        }
        var people = served is null
            ? held.Select(r => new IndicatorPerson { ResidentId = r.Id, OrganizationId = r.OrganizationId, InNumerator = false })
            : held.Select(r => new IndicatorPerson { ResidentId = r.Id, OrganizationId = r.OrganizationId, InNumerator = served.Contains(r.Id) });
        return await IndicatorQueries.CountByOrganizationAsync(people, ct);
    }
}
