using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>One patient behind a number, with what puts them in or out of each numerator.</summary>
public sealed record ChronicIndicatorPatient(
    Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string OrganizationName, int FaceToFaceVisits, bool Exam, bool StandardManaged,
    DateOnly? LastVisitOn, bool Controlled, bool Lost);

/// <summary>The patients behind a number: the denominator, each marked for both numerators (<see cref="IndicatorCounts"/>).</summary>
public sealed class ListIndicatorPatients(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/patients", async (Programme programme, DateOnly? from, DateOnly? to, Guid? organizationId, CurrentUser user, ListIndicatorPatients h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), programme, from, to, organizationId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The managed patients behind the numbers, each marked standard-managed, controlled, lost").Produces<IReadOnlyList<ChronicIndicatorPatient>>();
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/patients/export", async (Programme programme, DateOnly? from, DateOnly? to, Guid? organizationId, CurrentUser user, ListIndicatorPatients h, CancellationToken ct) =>
        {
            var outcome = await h.HandleAsync(await user.GetAsync(), programme, from, to, organizationId, ct);
            return outcome.IsSuccess ? ReadAuditEndpoints.Export(Results.File(ToExcel(outcome.Value), IndicatorCounts.Xlsx, $"chronic-patients-{programme}.xlsx"), outcome.Value) : outcome.ToResult(TypedResults.Ok);
        }).WithSummary("The patient list as Excel");
    }

    public async Task<Outcome<IReadOnlyList<ChronicIndicatorPatient>>> HandleAsync(StaffContext staff, Programme programme, DateOnly? from, DateOnly? to,
        Guid? organizationId, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (IndicatorCounts.Period(from, to, today) is not { } period) return new Invalid("to", "error.chronic.period");
        if (!Enum.IsDefined(programme)) return new Invalid("programme", "error.code_unknown");
        await using var db = dbs.For(staff);
        var rules = ChronicRuleSet.For(period.To);
        var q = IndicatorCounts.Facts(db, programme, period.From, period.To, today);
        if (organizationId is { } org) q = q.Where(f => f.OrganizationId == org);
        var facts = await q.OrderBy(f => f.ResidentId).Take(20_000).ToListAsync(ct);
        var people = new Dictionary<Guid, (string Name, string Sex, DateOnly Birth)>();
        foreach (var chunk in facts.Select(f => f.ResidentId).Chunk(500))
            foreach (var r in await db.Residents.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate }).ToListAsync(ct))
                people[r.Id] = (r.Name, r.Sex, r.BirthDate);
        var names = await organizations.NamesAsync(facts.Select(f => f.OrganizationId), ct);
        return facts.Where(f => people.ContainsKey(f.ResidentId)).Select(f => new ChronicIndicatorPatient(f.ResidentId, people[f.ResidentId].Name, people[f.ResidentId].Sex,
                people[f.ResidentId].Birth, names.GetValueOrDefault(f.OrganizationId, ""), f.FaceToFace, f.Exam,
                FollowUpRules.StandardManaged(f.FaceToFace, f.Exam, rules), f.LastVisit, f.LastControlled == true, f.LastVisit is null))
            .OrderBy(p => p.OrganizationName).ThenBy(p => p.Name).ToList();
    }

    public static byte[] ToExcel(IEnumerable<ChronicIndicatorPatient> patients)
    {
        var rows = patients.Select(p => new Dictionary<string, object?>
        {
            ["姓名"] = p.Name, ["性别"] = p.Sex == "1" ? "男" : p.Sex == "2" ? "女" : "", ["出生日期"] = p.BirthDate.ToString("yyyy-MM-dd"), ["机构"] = p.OrganizationName,
            ["面对面随访次数"] = p.FaceToFaceVisits, ["年度体检"] = p.Exam ? "是" : "否", ["规范管理"] = p.StandardManaged ? "是" : "否",
            ["末次随访"] = p.LastVisitOn?.ToString("yyyy-MM-dd"), ["控制"] = p.Controlled ? "是" : "否", ["失访"] = p.Lost ? "是" : "否",
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { ["患者名单"] = rows });
    }
}
