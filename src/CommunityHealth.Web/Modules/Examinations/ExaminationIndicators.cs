using CommunityHealth.Data;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>
/// 老年人健康体检率 in the catalogue: residents 65 and over on the period's last day (held records) with a 健康体检表 in the
/// period ÷ those residents — the list of the gap is whom the team invites to the exam day. The fuller 老年人健康管理率
/// (exam + guidance + complete form, standards §1.12) comes with the elderly module. Target 70 % (district plan, local; configuration).
/// Exams and encounters (接诊记录) are services on the record (健康档案使用率).
/// </summary>
public sealed class ExaminationIndicators : IIndicatorSource, IResidentActivity
{
    public const string ElderlyExam = "elderly.exam";

    public IEnumerable<IndicatorInfo> Indicators =>
    [
        new(ElderlyExam, "elderly", "老年人健康体检率", "Health examination of residents 65+", PeriodType.CalendarYear, true,
            "年内接受健康体检的65岁及以上居民数", "Residents 65+ with a health examination in the period",
            "65岁及以上居民建档数", "Residents 65+ with a record", [new(2017, 70)], "district plan (local)", null, 600),
    ];

    public IQueryable<IndicatorPerson> People(HealthDbContext db, string code, IndicatorRange range)
    {
        var (from, to, born) = (range.From, range.To, range.To.AddYears(-65));
        return ResidentIndicators.Held(db, to).Where(r => r.BirthDate <= born).Select(r => new IndicatorPerson
        {
            ResidentId = r.Id, OrganizationId = r.OrganizationId,
            InNumerator = db.Examinations.Any(e => e.ResidentId == r.Id && e.ExamDate >= from && e.ExamDate <= to),
        });
    }

    public IQueryable<Guid> ResidentsServed(HealthDbContext db, DateOnly from, DateOnly to) =>
        db.Examinations.Where(e => e.ExamDate >= from && e.ExamDate <= to).Select(e => e.ResidentId)
            .Concat(db.Encounters.Where(e => e.Date >= from && e.Date <= to).Select(e => e.ResidentId));

    public System.Linq.Expressions.Expression<Func<Guid, bool>> Served(HealthDbContext db, DateOnly from, DateOnly to) =>
        id => db.Examinations.Any(e => e.ResidentId == id && e.ExamDate >= from && e.ExamDate <= to) || db.Encounters.Any(e => e.ResidentId == id && e.Date >= from && e.Date <= to);
}
