using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

public sealed record DuplicateCandidate(ResidentSummary Record, IReadOnlyList<ResidentSummary> Matches, string Reason);

public sealed record MergeCommand(Guid? DuplicateId, string? Reason);

public sealed record MergeDto(Guid Id, Guid SurvivorId, Guid MergedId, DateTime At, string UserName, string Reason, DateTime? UndoneAt);

/// <summary>
/// Possible duplicates (same name + birth date, or same phone + birth date) for review, and the merge of
/// a duplicate into a survivor: every examination, encounter, past illness, change and household
/// membership moves to the survivor, empty survivor fields are filled, the duplicate becomes "merged".
/// The merge row remembers what moved, so undoing it restores both records exactly.
/// </summary>
public sealed class MergeResidents(ScopedDb dbs, TimeProvider clock)
{
    /// <summary>Maps the duplicate list, the review, the merge and a record's merges under <c>/residents</c>.</summary>
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/duplicates", async (CurrentUser user, MergeResidents h, CancellationToken ct) => TypedResults.Ok(await h.CandidatesAsync(await user.GetAsync(), ct)))
            .WithSummary("Records flagged as possible duplicates (same name + birth date, or phone + birth date), with their matches");
        g.MapPost("/{id:guid}/not-duplicate", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.DismissAsync(await user.GetAsync(), id, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithSummary("Reviewed: not a duplicate").ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/merge", async (Guid id, MergeCommand cmd, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.MergeAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Merge duplicateId into this record; all history moves here; reversible")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/{id:guid}/merges", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) => TypedResults.Ok(await h.HistoryAsync(await user.GetAsync(), id, ct)));
    }

    /// <summary>Maps <c>/resident-merges/{id}/undo</c> into <paramref name="api"/> (not under <c>/residents</c>).</summary>
    public static void MapUndo(RouteGroupBuilder api) =>
        api.MapPost("/resident-merges/{id:guid}/undo", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.UndoAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("Undo a merge: both records are restored exactly")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public static bool CanMerge(StaffContext staff) => staff.Roles.Any(r => r is StaffRole.SystemAdministrator or StaffRole.CenterDirector);

    public async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var flagged = await db.Residents.AsNoTracking().Where(r => r.PossibleDuplicate && r.Status == ResidentStatus.Active).OrderBy(r => r.Name).Take(200).ToListAsync(ct);
        var today = clock.Today();
        var result = new List<DuplicateCandidate>();
        foreach (var r in flagged)
        {
            var matches = await db.Residents.AsNoTracking()
                .Where(x => x.Id != r.Id && x.Status != ResidentStatus.Merged && x.BirthDate == r.BirthDate && (x.Name == r.Name || (r.Phone != null && x.Phone == r.Phone)))
                .Take(10).ToListAsync(ct);
            if (matches.Count == 0) continue;
            var reason = matches.Any(m => m.Name == r.Name) ? "name+birthDate" : "phone+birthDate";
            result.Add(new DuplicateCandidate(ResidentMapping.Summary(r, today), matches.Select(m => ResidentMapping.Summary(m, today)).ToList(), reason));
        }
        return result;
    }

    /// <summary>Reviewed: not a duplicate. The flag is cleared and the review audited.</summary>
    public async Task<Outcome<bool>> DismissAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!CanMerge(staff)) return new Forbidden();
        r.PossibleDuplicate = false;
        db.Audit(staff, "Resident", id.ToString(), AuditActions.Update, "reviewed: not a duplicate");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Outcome<MergeDto>> MergeAsync(StaffContext staff, Guid survivorId, MergeCommand cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var survivor = await db.Residents.FirstOrDefaultAsync(x => x.Id == survivorId, ct);
        if (survivor is null) return new NotFound("Resident", survivorId.ToString());
        if (!CanMerge(staff)) return new Forbidden();
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
        foreach (var (name, get, set) in FillableFields())
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
        return ToDto(merge);
    }

    /// <summary>Undoes a merge: the moved rows go back, filled fields are cleared, the duplicate is active again.</summary>
    public async Task<Outcome<MergeDto>> UndoAsync(StaffContext staff, Guid mergeId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var merge = await db.ResidentMerges.FirstOrDefaultAsync(x => x.Id == mergeId, ct);
        if (merge is null) return new NotFound("ResidentMerge", mergeId.ToString());
        if (!CanMerge(staff)) return new Forbidden();
        if (merge.UndoneAt is not null) return new Invalid("", "error.merge.already_undone");
        var survivor = await db.Residents.FirstAsync(x => x.Id == merge.SurvivorId, ct);
        var dup = await db.Residents.FirstAsync(x => x.Id == merge.MergedId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginWriteAsync(ct);
        await ResidentRows.MoveAsync(db, merge.Moves, survivor.Id, dup, ct);
        await ChronicStats.RebuildAsync(db, survivor.Id, now, ct);
        await ChronicStats.RebuildAsync(db, dup.Id, now, ct);
        foreach (var (name, _, set) in FillableFields())
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
        return ToDto(merge);
    }

    public async Task<IReadOnlyList<MergeDto>> HistoryAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var rows = await db.ResidentMerges.AsNoTracking().Where(m => m.SurvivorId == residentId || m.MergedId == residentId).OrderByDescending(m => m.At).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    private static IEnumerable<(string Name, Func<Resident, string?> Get, Action<Resident, string?> Set)> FillableFields() =>
    [
        ("phone", r => r.Phone, (r, v) => r.Phone = v),
        ("workUnit", r => r.WorkUnit, (r, v) => r.WorkUnit = v),
        ("contactName", r => r.ContactName, (r, v) => r.ContactName = v),
        ("contactPhone", r => r.ContactPhone, (r, v) => r.ContactPhone = v),
        ("address", r => r.Address, (r, v) => r.Address = v),
        ("abo", r => r.Abo, (r, v) => r.Abo = v),
        ("rh", r => r.Rh, (r, v) => r.Rh = v),
        ("education", r => r.Education, (r, v) => r.Education = v),
        ("occupation", r => r.Occupation, (r, v) => r.Occupation = v),
        ("marital", r => r.Marital, (r, v) => r.Marital = v),
    ];


    private static MergeDto ToDto(ResidentMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.At, m.UserName, m.Reason, m.UndoneAt);
}
