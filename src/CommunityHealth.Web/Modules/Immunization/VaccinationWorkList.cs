using CommunityHealth.Data;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Which children a work list shows.</summary>
public enum WorkListWindow { Week = 0, Overdue = 1, Due = 2 }

public sealed record WorkListRow(
    Guid VaccineeId, Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string Age, string CertificateNumber, string GuardianName,
    string GuardianPhone, string DueDoses, DateOnly DueDate, bool Overdue, int DaysOverdue, DateOnly? LastContactOn, Guid OrganizationId, string OrganizationName, Guid? TeamId,
    IReadOnlyList<string>? DueDoseCodes = null);

public sealed record WorkListPage(DateOnly AsOf, WorkListWindow Window, int Total, int Page, int PageSize, IReadOnlyList<WorkListRow> Rows);

/// <summary>
/// Due-this-week and overdue lists: an index range over the stored next due dates of active children
/// (kept current on every dose and change; <see cref="RefreshDueDates"/> re-evaluates those whose date has
/// passed, since a dose can age out). Children who moved away are not listed. The stored dates decide who is listed; the
/// doses shown are every dose due by the window's end (<see cref="DueDates.DueBy"/>), from the forecaster run for the
/// page's children only: an overdue child usually owes doses of several dates, and the stored codes name the earliest.
/// </summary>
public sealed class VaccinationWorkList(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    public const int MaxRows = 2000;

    public static void Map(RouteGroupBuilder vaccination) =>
        vaccination.MapGet("/worklist", async (WorkListWindow? window, Guid? organizationId, Guid? teamId, string? ageGroup, DateOnly? asOf, int? page, int? pageSize,
                CurrentUser user, VaccinationWorkList h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), window ?? WorkListWindow.Week, organizationId, teamId, ageGroup, asOf, page, pageSize, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Children due this week (Week), due (Due) or overdue (Overdue), per station, team and age group (0-1, 1-3, 3-7, 7-18); " +
                "one page (page from 1, pageSize 1–2000, default 100) and the total")
            .Produces<WorkListPage>().ProducesValidationProblem();

    /// <summary>Age groups for the filter: completed months [from, to).</summary>
    public static readonly IReadOnlyDictionary<string, (int From, int To, string Zh)> AgeGroups = new Dictionary<string, (int, int, string)>
    {
        ["0-1"] = (0, 12, "1岁以下"), ["1-3"] = (12, 36, "1–2岁"), ["3-7"] = (36, 84, "3–6岁"), ["7-18"] = (84, 216, "7岁及以上"),
    };

    public async Task<Outcome<WorkListPage>> HandleAsync(StaffContext staff, WorkListWindow window, Guid? organizationId, Guid? teamId, string? ageGroup,
        DateOnly? asOf = null, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var today = asOf ?? clock.Today();
        var paging = PageRequest.Of(page, pageSize, MaxRows);
        if (!paging.IsSuccess) return paging.Error!;
        var pg = paging.Value;
        if (ageGroup is { Length: > 0 } && !AgeGroups.ContainsKey(ageGroup)) return new Invalid("ageGroup", "error.code_unknown");
        await using var db = dbs.For(staff);
        var q = db.Vaccinees.AsNoTracking().Where(v => v.Status == VaccineeStatus.Active);
        if (organizationId is { } org) q = q.Where(v => v.OrganizationId == org);
        if (teamId is { } team) q = q.Where(v => v.TeamId == team);
        q = window switch
        {
            WorkListWindow.Overdue => q.Where(v => v.NextDueDate <= today && v.NextOverdueDate <= today), // the first bound walks the index
            WorkListWindow.Due => q.Where(v => v.NextDueDate <= today),
            _ => q.Where(v => v.NextDueDate <= today.AddDays(7)),
        };
        if (ageGroup is { Length: > 0 } && AgeGroups.TryGetValue(ageGroup, out var group))
        {
            var bornAfter = today.AddMonths(-group.To);
            var bornBy = today.AddMonths(-group.From);
            q = q.Where(v => v.BirthDate > bornAfter && v.BirthDate <= bornBy);
        }
        var total = await q.CountAsync(ct);
        if (pg.Skip >= total) return new WorkListPage(today, window, total, pg.Page, pg.PageSize, []);
        var rows = await q.OrderBy(v => v.NextDueDate).ThenBy(v => v.Id).Skip(pg.Skip).Take(pg.PageSize)
            .Join(db.Residents.Where(r => r.Status == ResidentStatus.Active), v => v.ResidentId, r => r.Id, (v, r) => new { v, r.Name, r.Sex })
            .ToListAsync(ct);
        var orgNames = await organizations.NamesAsync(rows.Select(r => r.v.OrganizationId), ct);
        var due = await DueOnPageAsync(db, rows.Select(r => r.v).ToList(), window == WorkListWindow.Week ? today.AddDays(7) : today, today, ct);
        return new WorkListPage(today, window, total, pg.Page, pg.PageSize, rows.Select(x =>
        {
            var r = x.v;
            var codes = due.TryGetValue(r.Id, out var d) && d.Length > 0 ? d : r.NextDueDoses ?? "";
            return new WorkListRow(
                r.Id, r.ResidentId, x.Name, x.Sex, r.BirthDate, AgeText(r.BirthDate, today), r.CertificateNumber, r.GuardianName, PhoneNumber.Mask(r.GuardianPhone), // masked as in every list
                DueText(codes), r.NextDueDate!.Value, r.NextOverdueDate <= today, r.NextOverdueDate <= today ? today.DayNumber - r.NextDueDate.Value.DayNumber : 0,
                r.LastContactOn, r.OrganizationId, orgNames.GetValueOrDefault(r.OrganizationId, ""), r.TeamId, codes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }).ToList());
    }

    /// <summary>The codes of every dose due by <paramref name="by"/> for the page's children: two reads (doses, contraindications) for the page, then the forecaster per child.</summary>
    private static async Task<Dictionary<Guid, string>> DueOnPageAsync(HealthDbContext db, List<Vaccinee> children, DateOnly by, DateOnly today, CancellationToken ct)
    {
        if (children.Count == 0) return [];
        var ids = children.Select(c => c.Id).ToList();
        var doses = (await db.VaccinationDoses.AsNoTracking().Where(d => ids.Contains(d.VaccineeId)).OrderBy(d => d.GivenAt)
                .Select(d => new { d.VaccineeId, d.Vaccine, d.GivenOn, d.Id }).ToListAsync(ct))
            .ToLookup(d => d.VaccineeId, d => new GivenDose(d.Vaccine, d.GivenOn, d.Id));
        var withCis = children.Where(c => c.HasContraindications).Select(c => c.Id).ToList();
        var cis = (withCis.Count == 0 ? [] : await db.VaccineeContraindications.AsNoTracking().Where(c => withCis.Contains(c.VaccineeId)).ToListAsync(ct)).ToLookup(c => c.VaccineeId);
        return children.ToDictionary(c => c.Id, c =>
            DueDates.Codes(DueDates.DueBy(Forecaster.Evaluate(ImmunizationMapping.Facts(c, cis[c.Id]), doses[c.Id], today), by)));
    }

    public static string AgeText(DateOnly birth, DateOnly today)
    {
        var months = Age.CompletedMonths(birth, today);
        if (Text.IsEnglish) return months < 24 ? $"{months} mo" : $"{months / 12} y{(months % 12 > 0 ? $" {months % 12} mo" : "")}";
        return months < 24 ? $"{months}月龄" : $"{months / 12}岁{(months % 12 > 0 ? $"{months % 12}月" : "")}";
    }

    /// <summary>"MMR-1,JE-L-1" → "麻腮风疫苗第1剂、乙脑减毒活疫苗第1剂" (in English "MMR vaccine, dose 1; …").</summary>
    public static string DueText(string? doses) => string.Join(Text.IsEnglish ? "; " : "、", (doses ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d =>
    {
        var dash = d.LastIndexOf('-');
        return dash > 0 && Vaccines.Find(d[..dash]) is { } v && int.TryParse(d[(dash + 1)..], out var n) ? Vaccines.DoseText(v, n, Text.IsEnglish) : d;
    }));
}
