using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// Replaces the 个人基本信息表 of a resident; each changed field is kept in the history. A corrected birth date moves the
/// child's vaccination record with it.
/// </summary>
public sealed class UpdateResident(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPut("/{id:guid}", async (Guid id, ResidentDraft record, CurrentUser user, UpdateResident h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, record, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Replace the 个人基本信息表; each changed field is kept in the history")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, Guid id, ResidentDraft? record, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status == ResidentStatus.Merged) return new Invalid("", "error.resident.merged");
        var checkedDraft = ResidentRules.Validate(record ?? new ResidentDraft(), clock.Today());
        if (!checkedDraft.IsSuccess) return checkedDraft.Error!;
        var draft = checkedDraft.Value;
        if (await ResidentWrites.DuplicateIdAsync(db, draft, r.Id, ct) is { } dup) return dup;

        var before = ResidentMapping.ToDraft(r);
        ResidentMapping.Apply(r, draft);
        db.ResidentConditions.RemoveRange(r.Conditions);
        r.Conditions = ResidentWrites.Conditions(r, draft);
        db.ResidentConditions.AddRange(r.Conditions);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = ResidentDiff.Between(before, ResidentMapping.ToDraft(r)).ToList();
        foreach (var (field, oldValue, newValue) in changes)
            db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, field, oldValue, newValue));
        r.UpdatedAt = now;
        // a corrected birth date moves the child's vaccination record with it: ages, validity and due dates change
        if (before.BirthDate != r.BirthDate && await db.Vaccinees.FirstOrDefaultAsync(v => v.ResidentId == r.Id, ct) is { } child)
        {
            child.BirthDate = r.BirthDate;
            var (doses, cis) = await Immunization.VaccinationHistory.ReadAsync(db, child, tracked: true, ct);
            foreach (var dose in doses) dose.BirthDate = r.BirthDate;
            await Immunization.ImmunizationWorkItems.SyncAsync(db, child, Immunization.VaccinationHistory.Recompute(child, doses, cis, clock.Today()), clock.Today(), now, ct);
        }
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, string.Join(',', changes.Select(c => c.Field)));
        await db.SaveChangesAsync(ct);
        return ResidentMapping.ToDto(r, clock.Today());
    }
}
