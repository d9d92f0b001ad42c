using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// Merges a duplicate into a survivor: every examination, encounter, past illness, change and household membership moves
/// to the survivor, empty survivor fields are filled, the duplicate becomes "merged". The merge row remembers what moved,
/// so <see cref="UndoMerge"/> restores both records exactly.
/// </summary>
public sealed class MergeResidents(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/merge", async (Guid id, MergeCommand cmd, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Merge duplicateId into this record; all history moves here; reversible")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<MergeDto>> HandleAsync(StaffContext staff, Guid survivorId, MergeCommand cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var survivor = await db.Residents.FirstOrDefaultAsync(x => x.Id == survivorId, ct);
        if (survivor is null) return new NotFound("Resident", survivorId.ToString());
        if (!staff.Can(Permission.ResidentsMerge)) return new Forbidden();
        var v = new Validation().RequireText("reason", cmd.Reason, 200);
        var dup = cmd.DuplicateId is { } did ? await db.Residents.FirstOrDefaultAsync(x => x.Id == did, ct) : null;
        if (dup is null) v.Add("duplicateId", cmd.DuplicateId is null ? "error.required" : "error.not_found");
        else if (dup.Id == survivor.Id) v.Add("duplicateId", "error.merge.same");
        else if (dup.Status == ResidentStatus.Merged || survivor.Status == ResidentStatus.Merged) v.Add("duplicateId", "error.resident.merged");
        else if (dup.IdNumber is not null && survivor.IdNumber is not null && dup.IdNumber != survivor.IdNumber) v.Add("duplicateId", "error.merge.different_ids");
        else
        {
            // one vaccination record and one active registration per programme per person: two are reconciled by hand first
            var pair = new[] { survivor.Id, dup.Id };
            if (await db.Vaccinees.IgnoreQueryFilters().CountAsync(x => pair.Contains(x.ResidentId), ct) > 1) v.Add("duplicateId", "error.merge.both_vaccinees");
            foreach (var programme in await db.ChronicRegistrations.IgnoreQueryFilters().Where(x => pair.Contains(x.ResidentId) && x.Status == RegistrationStatus.Active)
                         .GroupBy(x => x.Programme).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct))
                v.Add("duplicateId", "error.merge.both_registered", ChronicMapping.ProgrammeName(programme));
        }
        if (v.ToError() is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginWriteAsync(ct);
        var moves = new MergeMoves();
        await ResidentRows.CollectAsync(db, dup!.Id, moves, ct);
        await ResidentRows.MoveAsync(db, moves, dup.Id, survivor, ct);
        await ChronicStats.RebuildAsync(db, survivor.Id, now, ct);
        await ChronicStats.RebuildAsync(db, dup.Id, now, ct);
        foreach (var (name, get, set) in MergeMapping.FillableFields())
            if (get(survivor) is null && get(dup) is { } value) { moves.FilledFields[name] = value; set(survivor, value); }
        if (survivor.HouseholdId is null && dup.HouseholdId is not null) { moves.FilledFields["householdId"] = dup.HouseholdId.ToString(); survivor.HouseholdId = dup.HouseholdId; }
        dup.Status = ResidentStatus.Merged;
        dup.MergedIntoId = survivor.Id;
        dup.PossibleDuplicate = false;
        survivor.PossibleDuplicate = false;
        survivor.UpdatedAt = dup.UpdatedAt = now;
        var merge = new ResidentMerge
        {
            Id = Guid.CreateVersion7(), DistrictId = survivor.DistrictId, CenterId = survivor.CenterId, OrganizationId = survivor.OrganizationId,
            SurvivorId = survivor.Id, MergedId = dup.Id, At = now, UserName = staff.UserName, Reason = cmd.Reason!.Trim(), Moves = moves,
        };
        db.ResidentMerges.Add(merge);
        db.ResidentChanges.Add(ResidentMapping.Change(survivor, staff, now, "mergedFrom", null, $"{dup.RecordNumber} {dup.Name}"));
        db.Audit(staff, "Resident", survivor.Id.ToString(), "merge", $"merge {merge.Id}: {dup.RecordNumber} into {survivor.RecordNumber}; {merge.Reason}");
        db.Audit(staff, "Resident", dup.Id.ToString(), "merge", $"merge {merge.Id}: merged into {survivor.RecordNumber}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return MergeMapping.ToDto(merge);
    }
}
