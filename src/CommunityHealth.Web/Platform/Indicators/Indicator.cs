using CommunityHealth.Data;
using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.Indicators;

/// <summary>A target that holds from a year on (targets change with each year's NHC notice and the centers' plans).</summary>
public sealed record IndicatorTarget(int FromYear, decimal Value);

/// <summary>
/// One indicator as its module declares it (standards §1.12): code, names, programme, what the numerator and denominator
/// count, the period type, the targets and whether higher is better. A denominator that is not in the records (常住人口,
/// estimated patients) names its <see cref="Population"/> group; its figure is entered per organisation and year.
/// </summary>
public sealed record IndicatorInfo(
    string Code, string Programme, string Zh, string En, PeriodType PeriodType, bool HigherIsBetter,
    string NumeratorZh, string NumeratorEn, string DenominatorZh, string DenominatorEn,
    IReadOnlyList<IndicatorTarget> Targets, string TargetSource, string? Population = null, int Order = 0)
{
    public string Name => Text.IsEnglish ? En : Zh;
    public string Numerator => Text.IsEnglish ? NumeratorEn : NumeratorZh;
    public string Denominator => Text.IsEnglish ? DenominatorEn : DenominatorZh;

    /// <summary>The target for a period ending in <paramref name="year"/>: the latest one in force; null when none is set.</summary>
    public decimal? TargetFor(int year) => Targets.Where(t => t.FromYear <= year).OrderByDescending(t => t.FromYear).Select(t => (decimal?)t.Value).FirstOrDefault();

    /// <summary>Whether the people behind the denominator are in the records (not an entered population figure).</summary>
    public bool DenominatorIsPeople => Population is null;
}

/// <summary>A population group whose figure is entered (常住人口 …), and how many of it the records already hold per organisation.</summary>
public sealed record PopulationGroupInfo(string Code, string Zh, string En, Func<HealthDbContext, DateOnly, IQueryable<Guid>> RecordsByOrganization)
{
    public string Name => Text.IsEnglish ? En : Zh;
}

/// <summary>One person behind an indicator: in the denominator, and whether also in the numerator. Member-initialised so the databases can filter and group on it.</summary>
public sealed class IndicatorPerson
{
    public Guid ResidentId { get; init; }
    public Guid OrganizationId { get; init; }
    public bool InNumerator { get; init; }
}

/// <summary>Numerator and denominator of one organisation (a population denominator comes from the entered figures, not from here).</summary>
public readonly record struct IndicatorTally(long Numerator, long Denominator)
{
    public static IndicatorTally operator +(IndicatorTally a, IndicatorTally b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);
}

/// <summary>The days an indicator counts: the period's first day to its last day, or to today while it runs.</summary>
public sealed record IndicatorRange(ReportPeriod Period, DateOnly From, DateOnly To, DateOnly Today)
{
    public static IndicatorRange Of(ReportPeriod period, DateOnly today) => new(period, period.From, period.EndOn(today), today);
}

/// <summary>
/// What a module brings to the indicator catalogue (registered in its <c>&lt;Name&gt;Module.cs</c>): its indicators and, for each,
/// the people behind it as one set-based query — the denominator's people, each marked whether in the numerator (for a
/// population denominator: the numerator's people only). The counts default to grouping that query, so the number and the
/// people behind it cannot disagree; a source may count faster from stored figures and the HTTP tests check both agree.
/// </summary>
public interface IIndicatorSource
{
    IEnumerable<IndicatorInfo> Indicators { get; }

    IEnumerable<PopulationGroupInfo> PopulationGroups => [];

    /// <summary>The people of <paramref name="code"/> for the range, within the context's data scope.</summary>
    IQueryable<IndicatorPerson> People(HealthDbContext db, string code, IndicatorRange range);

    /// <summary>Numerator and denominator per organisation (the rows' managing organisation).</summary>
    Task<IReadOnlyDictionary<Guid, IndicatorTally>> CountAsync(HealthDbContext db, string code, IndicatorRange range, CancellationToken ct) =>
        IndicatorQueries.CountByOrganizationAsync(People(db, code, range), ct);
}

public static class IndicatorQueries
{
    /// <summary>One grouped query: per organisation, the people and those of them in the numerator.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IndicatorTally>> CountByOrganizationAsync(IQueryable<IndicatorPerson> people, CancellationToken ct) =>
        (await people.GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Denominator = g.Count(), Numerator = g.Count(p => p.InNumerator) }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => new IndicatorTally(x.Numerator, x.Denominator));

    /// <summary>numerator ÷ denominator × 100, two decimals; null when the denominator is zero or unknown (standards §1.12).</summary>
    public static decimal? Rate(long numerator, long? denominator) => denominator is null or 0 ? null : Math.Round(100m * numerator / denominator.Value, 2);

    /// <summary>Whether <paramref name="value"/> meets <paramref name="target"/>; null without either.</summary>
    public static bool? Met(decimal? value, decimal? target, bool higherIsBetter) =>
        value is null || target is null ? null : higherIsBetter ? value >= target : value <= target;
}

/// <summary>
/// A module's services to residents (a dose, a follow-up, an exam, an encounter): who was served in a period. The records
/// module's 健康档案使用率 counts a record as used when any module served its resident (standards §1.12: a dynamic entry in the year).
/// </summary>
public interface IResidentActivity
{
    /// <summary>Every resident served in the period, once per service (a set to count against: the databases build it once).</summary>
    IQueryable<Guid> ResidentsServed(HealthDbContext db, DateOnly from, DateOnly to);

    /// <summary>Whether one resident was served in the period (an index probe per resident: for a page of people, which stops early).</summary>
    System.Linq.Expressions.Expression<Func<Guid, bool>> Served(HealthDbContext db, DateOnly from, DateOnly to);
}

/// <summary>Joins predicates on a resident id with OR and applies them to another expression (no expression library needed).</summary>
public static class ResidentPredicates
{
    public static System.Linq.Expressions.Expression AnyOf(IEnumerable<System.Linq.Expressions.Expression<Func<Guid, bool>>> predicates, System.Linq.Expressions.Expression residentId)
    {
        System.Linq.Expressions.Expression? body = null;
        foreach (var p in predicates)
        {
            var applied = new Replace(p.Parameters[0], residentId).Visit(p.Body);
            body = body is null ? applied : System.Linq.Expressions.Expression.OrElse(body, applied);
        }
        return body ?? System.Linq.Expressions.Expression.Constant(false);
    }

    private sealed class Replace(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
