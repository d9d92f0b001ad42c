using CommunityHealth.Data;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// Immunization on the home list: one item per series' next dose, as the forecast shows it (due, overdue or not yet due),
/// due on the recommended date and overdue from the schedule's overdue day. Written with the child's stored due dates
/// (<see cref="VaccinationHistory"/>), so every dose, contraindication and change of facts moves the items in its own save.
/// </summary>
public sealed class ImmunizationWorkItems(RefreshDueDates refresh) : IWorkProgramme
{
    public const string ProgrammeKey = "immunization";

    public string Key => ProgrammeKey;
    public string Name => "预防接种";
    public int Order => 10;
    public Permission ReadPermission => Permission.ImmunizationRead;
    public Permission WritePermission => Permission.ImmunizationWrite;
    public string ActionLabel => "接种";

    /// <summary>The items a forecast gives: every open series' next dose.</summary>
    public static IReadOnlyList<DueItem> Due(Forecast forecast) =>
        DueDates.DueBy(forecast, DateOnly.MaxValue).Select(d => new DueItem($"{d.Vaccine}-{d.DoseNumber}", d.Recommended, d.OverdueFrom)).ToList();

    public static WorkSource Source(Vaccinee child) =>
        new(ProgrammeKey, "dose", child.Id, child.ResidentId, child.DistrictId, child.CenterId, child.OrganizationId, child.TeamId, null);

    /// <summary>
    /// Brings the child's items to the forecast (an inactive child has none). An item no longer due is done when its series
    /// now counts a valid dose of that number, else closed (aged out, contraindicated, moved away).
    /// </summary>
    public static Task SyncAsync(HealthDbContext db, Vaccinee child, Forecast forecast, DateOnly today, DateTime now, CancellationToken ct)
    {
        var given = forecast.Series.SelectMany(s => s.Doses.Where(d => d.Valid).Select(d => $"{s.Series}-{d.DoseNumber}")).ToHashSet();
        return WorkItemWriter.SyncAsync(db, Source(child), child.Status == VaccineeStatus.Active ? Due(forecast) : [], today, now,
            code => given.Contains(SeriesCode(code)) ? WorkItemStatus.Done : WorkItemStatus.Closed, ct);
    }

    /// <summary>"MMR-1" → "MMR-1" by series ("Mmr-1"): a dose counts for its series whichever vaccine of it was given.</summary>
    private static string SeriesCode(string code)
    {
        var dash = code.LastIndexOf('-');
        return dash > 0 && Vaccines.Find(code[..dash]) is { } v ? $"{v.Series}-{code[(dash + 1)..]}" : code;
    }

    public string Label(WorkItem item)
    {
        var dash = item.Code.LastIndexOf('-');
        if (dash <= 0 || Vaccines.Find(item.Code[..dash]) is not { } v) return item.Code;
        return $"{(Text.IsEnglish ? v.En : v.Zh)} {Text.Get("immunization.dose_number", item.Code[(dash + 1)..])}";
    }

    /// <summary>The child's page with the item's vaccine proposed on the visit form.</summary>
    public string Href(WorkItem item) => $"immunization/{item.SourceId}?vaccine={Uri.EscapeDataString(item.Code[..Math.Max(0, item.Code.LastIndexOf('-'))])}";

    public Task<int> RefreshAsync(HealthDbContext db, DateOnly today, DateTime now, CancellationToken ct) => refresh.HandleAsync(db, today, ct);

    public Task<List<Guid>> SourcesAsync(HealthDbContext db, CancellationToken ct) =>
        db.Vaccinees.Where(v => v.Status == VaccineeStatus.Active && db.Residents.Any(r => r.Id == v.ResidentId && r.Status == ResidentStatus.Active))
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<SourceDue>> ExpectedAsync(HealthDbContext db, DateOnly today, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct)
    {
        var ids = sourceIds.ToList();
        var children = await db.Vaccinees.AsNoTracking().Where(v => ids.Contains(v.Id) && v.Status == VaccineeStatus.Active)
            .Where(v => db.Residents.Any(r => r.Id == v.ResidentId && r.Status == ResidentStatus.Active)).ToListAsync(ct); // a closed record has nothing due
        var doses = (await db.VaccinationDoses.AsNoTracking().Where(d => ids.Contains(d.VaccineeId)).OrderBy(d => d.GivenAt).ToListAsync(ct)).ToLookup(d => d.VaccineeId);
        var cis = (await db.VaccineeContraindications.AsNoTracking().Where(c => ids.Contains(c.VaccineeId)).ToListAsync(ct)).ToLookup(c => c.VaccineeId);
        return children.Select(c => new SourceDue(Source(c),
            Due(Forecaster.Evaluate(ImmunizationMapping.Facts(c, cis[c.Id]), doses[c.Id].Select(ImmunizationMapping.Given), today)))).ToList();
    }

    /// <summary>To the guardian, naming every dose due that day and the clinic (预防接种工作规范 2023 年版, 接种通知).</summary>
    public async Task<IReadOnlyList<ReminderDraft?>> RemindersAsync(HealthDbContext db, IReadOnlyList<IReadOnlyList<WorkItem>> groups, CancellationToken ct)
    {
        var sources = groups.Select(g => g[0].SourceId).Distinct().ToList();
        var children = await db.Vaccinees.AsNoTracking().Where(v => sources.Contains(v.Id))
            .Join(db.Residents, v => v.ResidentId, r => r.Id, (v, r) => new { v.Id, v.GuardianName, v.GuardianPhone, r.Name, v.OrganizationId })
            .ToDictionaryAsync(v => v.Id, ct);
        var orgIds = children.Values.Select(c => c.OrganizationId).Distinct().ToList();
        var clinics = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return groups.Select(g =>
        {
            if (!children.TryGetValue(g[0].SourceId, out var c) || string.IsNullOrEmpty(c.GuardianPhone)) return null;
            var doses = VaccinationWorkList.DueText(string.Join(',', g.Select(i => i.Code)));
            return new ReminderDraft(c.GuardianPhone, $"【预防接种提醒】{c.GuardianName}您好：{c.Name}应于{g[0].DueOn:yyyy-MM-dd}接种{doses}，" +
                $"请携带预防接种证到{clinics.GetValueOrDefault(c.OrganizationId, "")}接种。如已接种请忽略。");
        }).ToList();
    }
}
