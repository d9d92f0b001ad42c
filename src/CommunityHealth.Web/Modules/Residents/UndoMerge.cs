using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Undoes a merge: the moved rows go back, filled fields are cleared, the duplicate is active again.</summary>
public sealed class UndoMerge(ScopedDb dbs, TimeProvider clock)
{
    /// <summary>Maps <c>/resident-merges/{id}/undo</c> into <paramref name="api"/> (not under <c>/residents</c>).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/resident-merges/{id:guid}/undo", async (Guid id, CurrentUser user, UndoMerge h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("Undo a merge: both records are restored exactly")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<MergeDto>> HandleAsync(StaffContext staff, Guid mergeId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var merge = await db.ResidentMerges.FirstOrDefaultAsync(x => x.Id == mergeId, ct);
        if (merge is null) return new NotFound("ResidentMerge", mergeId.ToString());
        if (!staff.Can(Permission.ResidentsMerge)) return new Forbidden();
        if (merge.UndoneAt is not null) return new Invalid("", "error.merge.already_undone");
        var survivor = await db.Residents.FirstAsync(x => x.Id == merge.SurvivorId, ct);
        var dup = await db.Residents.FirstAsync(x => x.Id == merge.MergedId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginWriteAsync(ct);
        await ResidentRows.MoveAsync(db, merge.Moves, survivor.Id, dup, ct);
        await ChronicStats.RebuildAsync(db, survivor.Id, now, ct);
        await ChronicStats.RebuildAsync(db, dup.Id, now, ct);
        foreach (var (name, _, set) in MergeMapping.FillableFields())
            if (merge.Moves.FilledFields.ContainsKey(name)) set(survivor, null);
        if (merge.Moves.FilledFields.ContainsKey("householdId")) survivor.HouseholdId = null;
        dup.Status = ResidentStatus.Active;
        dup.MergedIntoId = null;
        survivor.UpdatedAt = dup.UpdatedAt = now;
        merge.UndoneAt = now;
        merge.UndoneBy = staff.UserName;
        db.ResidentChanges.Add(ResidentMapping.Change(survivor, staff, now, "mergedFrom", $"{dup.RecordNumber} {dup.Name}", null));
        db.Audit(staff, "Resident", survivor.Id.ToString(), "unmerge", $"undo merge {merge.Id}");
        db.Audit(staff, "Resident", dup.Id.ToString(), "unmerge", $"undo merge {merge.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return MergeMapping.ToDto(merge);
    }
}
