using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>居民健康档案: register, read (audited), update with field history, close, transfer.</summary>
public sealed class ResidentHandlers(ScopedDb dbs, IResidentReads reads, TimeProvider clock, OrganizationCache organizations)
{
    private DateOnly Today => clock.Today();

    public async Task<Outcome<ResidentDto>> GetAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await reads.ReadProfileAsync(db, id, ct);
        // the read is audited at the door (ReadAudit): the route or page that shows it, not every internal use
        return r is null ? new NotFound("Resident", id.ToString()) : ResidentMapping.ToDto(r, Today);
    }

    public async Task<Outcome<ResidentDto>> RegisterAsync(StaffContext staff, RegisterResident cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var checkedDraft = ResidentRules.Validate(cmd.Record ?? new ResidentDraft(), Today);
        await using var db = dbs.For(staff);
        var org = cmd.OrganizationId is { } oid ? await organizations.FindActiveAsync(db.Scope, oid, ct) : null;
        var placement = await CheckPlacementAsync(db, org, cmd.TeamId, ct);
        if (!checkedDraft.IsSuccess || placement is not null)
            return Merge(checkedDraft.Error as Invalid, placement);
        var draft = checkedDraft.Value;
        var householdError = cmd.Household is { } h ? await CheckHouseholdAsync(db, h, ct) : null;
        if (householdError is not null) return householdError;

        var now = clock.GetUtcNow().UtcDateTime;
        var r = new Resident
        {
            Id = Guid.CreateVersion7(), DistrictId = org!.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = cmd.TeamId,
            CreatedAt = now, UpdatedAt = now,
        };
        ResidentMapping.Apply(r, draft);
        r.Conditions = Conditions(r, draft);
        // One round trip for both checks: the same ID number anywhere (refused), and possible duplicates in the
        // caller's scope (same birth date and name, or phone), flagged for review.
        var idNumber = draft.DocumentType == ResidentRules.IdCard ? draft.DocumentNumber : null;
        var candidates = await db.Residents.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Status != ResidentStatus.Merged && ((idNumber != null && x.IdNumber == idNumber)
                || (x.DistrictId == r.DistrictId && x.BirthDate == r.BirthDate && (x.Name == r.Name || (r.Phone != null && x.Phone == r.Phone)))))
            .Select(x => new Resident { Id = x.Id, RecordNumber = x.RecordNumber, DistrictId = x.DistrictId, CenterId = x.CenterId, OrganizationId = x.OrganizationId, IdNumber = x.IdNumber })
            .Take(50).ToListAsync(ct);
        if (idNumber is not null && candidates.FirstOrDefault(x => x.IdNumber == idNumber) is { } taken) return DuplicateId(db, taken);
        r.PossibleDuplicate = candidates.Any(db.Scope.Contains);

        // The counter row is locked from here to commit: keep this span to the number and the inserts.
        await using var tx = await db.BeginWriteAsync(ct);
        var number = await RecordNumbers.NextAsync(db, org.DistrictId, HealthRecordNumber.PrefixFor(org.DivisionCode), ct);
        if (number is null) return new Invalid("organizationId", "error.resident.numbers_exhausted");
        r.RecordNumber = number;
        r.RecordLast8 = number[9..];
        db.Residents.Add(r);
        if (cmd.Household is { } choice) await JoinHouseholdAsync(db, r, choice, ct);
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Create, r.RecordNumber);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, Today);
    }

    public async Task<Outcome<ResidentDto>> UpdateAsync(StaffContext staff, Guid id, ResidentDraft? record, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status == ResidentStatus.Merged) return new Invalid("", "error.resident.merged");
        var checkedDraft = ResidentRules.Validate(record ?? new ResidentDraft(), Today);
        if (!checkedDraft.IsSuccess) return checkedDraft.Error!;
        var draft = checkedDraft.Value;
        if (await DuplicateIdAsync(db, draft, r.Id, ct) is { } dup) return dup;

        var before = ResidentMapping.ToDraft(r);
        ResidentMapping.Apply(r, draft);
        db.ResidentConditions.RemoveRange(r.Conditions);
        r.Conditions = Conditions(r, draft);
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
            Immunization.VaccinationHistory.Recompute(child, doses, cis, Today);
        }
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, string.Join(',', changes.Select(c => c.Field)));
        await db.SaveChangesAsync(ct);
        return ResidentMapping.ToDto(r, Today);
    }

    public async Task<Outcome<ResidentDto>> CloseAsync(StaffContext staff, Guid id, CloseResident cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var v = new Validation();
        if (r.Status != ResidentStatus.Active) v.Add("reason", "error.resident.not_active");
        if (!ResidentCodes.CloseReason.IsValid(cmd.Reason, Today)) v.Add("reason", string.IsNullOrEmpty(cmd.Reason) ? "error.required" : "error.code_unknown");
        if (cmd.Date is null) v.Add("date", "error.required");
        else if (cmd.Date > Today) v.Add("date", "error.date_future");
        else if (cmd.Date < r.BirthDate) v.Add("date", "error.date_before_birth");
        if (cmd.Reason == "death" && string.IsNullOrWhiteSpace(cmd.Note)) v.Add("note", "error.resident.death_cause_required");
        v.OptionalText("note", cmd.Note, 200);
        if (v.ToError() is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        r.Status = ResidentStatus.Closed;
        r.ClosedOn = cmd.Date;
        r.CloseReason = cmd.Reason;
        r.CloseNote = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        r.UpdatedAt = now;
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "status", "Active", $"Closed {cmd.Reason} {cmd.Date:yyyy-MM-dd} {r.CloseNote}".Trim()));
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Close, $"{cmd.Reason} {cmd.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return ResidentMapping.ToDto(r, Today);
    }

    /// <summary>A resident moves within the district: the managing organisation changes, the record number stays.</summary>
    public async Task<Outcome<ResidentDto>> TransferAsync(StaffContext staff, Guid id, TransferResident cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("organizationId", "error.resident.not_active");
        var org = cmd.OrganizationId is { } oid ? await organizations.FindActiveAsync(db.Scope, oid, ct) : null;
        if (await CheckPlacementAsync(db, org, cmd.TeamId, ct) is { } invalid) return invalid;
        if (org!.Id == r.OrganizationId && cmd.TeamId == r.TeamId) return new Invalid("organizationId", "error.resident.same_place");

        var now = clock.GetUtcNow().UtcDateTime;
        var (oldOrg, oldTeam) = (r.OrganizationId, r.TeamId);
        await using var tx = await db.BeginWriteAsync(ct);
        // the history moves with the resident so the new organisation sees it and keeps the resident on its work lists
        await ResidentRows.RelocateAsync(db, r.Id, org.CenterId, org.Id, cmd.TeamId, ct);
        r.CenterId = org.CenterId;
        r.OrganizationId = org.Id;
        r.TeamId = cmd.TeamId;
        r.UpdatedAt = now;
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "organizationId", oldOrg.ToString(), org.Id.ToString()));
        if (cmd.TeamId != oldTeam) db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "teamId", oldTeam?.ToString(), cmd.TeamId?.ToString()));
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, $"transfer to {org.DivisionCode}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, Today);
    }

    public async Task<Outcome<IReadOnlyList<ResidentChangeDto>>> HistoryAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == id, ct)) return new NotFound("Resident", id.ToString());
        var rows = await db.ResidentChanges.AsNoTracking().Where(c => c.ResidentId == id).OrderByDescending(c => c.At)
            .Select(c => new ResidentChangeDto(c.At, c.UserName, c.Field, c.OldValue, c.NewValue)).ToListAsync(ct);
        return rows;
    }

    /// <summary>Moves a resident into another (or a new) household: the old membership is ended, not deleted.</summary>
    public async Task<Outcome<ResidentDto>> MoveHouseholdAsync(StaffContext staff, Guid id, HouseholdChoice cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("household.householdId", "error.resident.not_active");
        if (await CheckHouseholdAsync(db, cmd, ct) is { } invalid) return invalid;
        if (cmd.HouseholdId is { } target && target == r.HouseholdId) return new Invalid("household.householdId", "error.resident.same_household");

        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var oldHousehold = r.HouseholdId;
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var m in await db.HouseholdMembers.Where(m => m.ResidentId == r.Id && m.To == null).ToListAsync(ct)) m.To = today;
        if (oldHousehold is { } old && await db.Households.FirstOrDefaultAsync(h => h.Id == old, ct) is { } previous && previous.HeadId == r.Id)
            previous.HeadId = null; // the household keeps its history; a new head is chosen by moving or re-registering members
        await JoinHouseholdAsync(db, r, cmd, ct);
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "householdId", oldHousehold?.ToString(), r.HouseholdId?.ToString()));
        r.UpdatedAt = now;
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, $"household {oldHousehold} -> {r.HouseholdId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, Today);
    }

    public async Task<Outcome<HouseholdDto>> HouseholdAsync(StaffContext staff, Guid householdId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return new NotFound("Household", householdId.ToString());
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == householdId
                             orderby m.To == null descending, m.Relationship
                             select new HouseholdMemberDto(r.Id, r.Name, r.Sex, r.BirthDate, m.Relationship, m.From, m.To)).ToListAsync(ct);
        return new HouseholdDto(h.Id, h.Address, h.HeadId, members);
    }

    private static async Task<Invalid?> CheckPlacementAsync(HealthDbContext db, Organization? org, Guid? teamId, CancellationToken ct)
    {
        if (org is null) return new Invalid("organizationId", "error.required");
        if (org.Kind == OrganizationKind.Bureau) return new Invalid("organizationId", "error.resident.bureau_cannot_manage");
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t && x.OrganizationId == org.Id && x.IsActive, ct))
            return new Invalid("teamId", "error.staff.team_org");
        return null;
    }

    private static Error Merge(Invalid? a, Invalid? b) => new Invalid([.. a?.Errors ?? [], .. b?.Errors ?? []]);

    /// <summary>An ID number can be registered once; the message points to the existing record when the caller may see it.</summary>
    private static async Task<Error?> DuplicateIdAsync(HealthDbContext db, ResidentDraft d, Guid? self, CancellationToken ct)
    {
        if (d.DocumentType != ResidentRules.IdCard) return null;
        // One query across the database; whether the caller may see the match is decided here, not by a second query.
        var match = await db.Residents.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.IdNumber == d.DocumentNumber && r.Status != ResidentStatus.Merged && r.Id != self)
            .Select(r => new { r.Id, r.RecordNumber, r.DistrictId, r.CenterId, r.OrganizationId }).FirstOrDefaultAsync(ct);
        if (match is null) return null;
        return DuplicateId(db, new Resident { Id = match.Id, RecordNumber = match.RecordNumber, DistrictId = match.DistrictId, CenterId = match.CenterId, OrganizationId = match.OrganizationId });
    }

    /// <summary>The message points to the existing record only when the caller may see it.</summary>
    private static Invalid DuplicateId(HealthDbContext db, Resident match) => db.Scope.Contains(match)
        ? new Invalid([new FieldError("documentNumber", "error.resident.id_registered", match.RecordNumber, match.Id)])
        : new Invalid("documentNumber", "error.resident.id_registered_elsewhere");

    private static async Task<Invalid?> CheckHouseholdAsync(HealthDbContext db, HouseholdChoice h, CancellationToken ct)
    {
        if (h.HouseholdId is { } hid)
        {
            if (!await db.Households.AnyAsync(x => x.Id == hid, ct)) return new Invalid("household.householdId", "error.not_found");
            if (string.IsNullOrEmpty(h.Relationship)) return new Invalid("household.relationship", "error.required");
            if (!ResidentCodes.Relationship.IsValid(h.Relationship, DateOnly.MaxValue.AddDays(-1))) return new Invalid("household.relationship", "error.code_unknown");
            return null;
        }
        var v = new Validation().RequireText("household.newAddress", h.NewAddress, 200);
        return v.ToError();
    }

    private async Task JoinHouseholdAsync(HealthDbContext db, Resident r, HouseholdChoice h, CancellationToken ct)
    {
        var today = Today;
        if (h.HouseholdId is { } hid)
        {
            var household = await db.Households.FirstAsync(x => x.Id == hid, ct);
            r.HouseholdId = household.Id;
            db.HouseholdMembers.Add(new HouseholdMember
            {
                Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = household.CenterId, OrganizationId = household.OrganizationId,
                HouseholdId = household.Id, ResidentId = r.Id, Relationship = h.Relationship!, From = today,
            });
            return;
        }
        var created = new Household
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId,
            Address = h.NewAddress!.Trim(), HeadId = r.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Households.Add(created);
        r.HouseholdId = created.Id;
        db.HouseholdMembers.Add(new HouseholdMember
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId,
            HouseholdId = created.Id, ResidentId = r.Id, Relationship = "01", From = today,
        });
    }

    private static List<ResidentCondition> Conditions(Resident r, ResidentDraft d) =>
        (d.PastIllnesses ?? []).Select(p => new ResidentCondition
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId,
            ResidentId = r.Id, Code = p.Code!, DiagnosedOn = p.DiagnosedOn, Note = string.IsNullOrWhiteSpace(p.Note) ? null : p.Note.Trim(),
        }).ToList();
}
