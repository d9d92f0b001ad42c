using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// What the record's writes share: the placement (organisation and team), household and ID-number checks, joining or
/// founding a household, and the past-illness rows of a form.
/// </summary>
internal static class ResidentWrites
{
    public static async Task<Invalid?> CheckPlacementAsync(HealthDbContext db, Organization? org, Guid? teamId, CancellationToken ct)
    {
        if (org is null) return new Invalid("organizationId", "error.required");
        if (org.Kind == OrganizationKind.Bureau) return new Invalid("organizationId", "error.resident.bureau_cannot_manage");
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t && x.OrganizationId == org.Id && x.IsActive, ct))
            return new Invalid("teamId", "error.staff.team_org");
        return null;
    }

    /// <summary>An ID number can be registered once; the message points to the existing record when the caller may see it.</summary>
    public static async Task<Conflict?> DuplicateIdAsync(HealthDbContext db, ResidentDraft d, Guid? self, CancellationToken ct)
    {
        if (d.DocumentType != ResidentRules.IdCard) return null;
        // One query across the database; whether the caller may see the match is decided here, not by a second query.
        var match = await db.Residents.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.IdNumber == d.DocumentNumber && r.Status != ResidentStatus.Merged && r.Id != self)
            .Select(r => new { r.Id, r.RecordNumber, r.Name, r.DistrictId, r.CenterId, r.OrganizationId }).FirstOrDefaultAsync(ct);
        if (match is null) return null;
        return DuplicateId(db, new Resident
        {
            Id = match.Id, RecordNumber = match.RecordNumber, Name = match.Name, DistrictId = match.DistrictId, CenterId = match.CenterId, OrganizationId = match.OrganizationId,
        });
    }

    /// <summary>
    /// The same ID number is a conflict with stored data (409), at the document-number field. The message names the existing
    /// record (its name and number) when the caller may see it; otherwise only the managing organisation's part of the number
    /// (the first 12 digits), so the caller knows whom to ask for a transfer without learning the record.
    /// </summary>
    public static Conflict DuplicateId(HealthDbContext db, Resident match) => db.Scope.Contains(match)
        ? new Conflict("documentNumber", "error.resident.id_registered", match.RecordNumber, match.Name)
        : new Conflict("documentNumber", "error.resident.id_registered_elsewhere", MaskRecordNumber(match.RecordNumber));

    /// <summary>The organisation prefix of a record number, the sequence masked: 330106001002*****.</summary>
    internal static string MaskRecordNumber(string number)
    {
        var keep = number.Length > 12 ? 12 : number.Length / 2;
        return number[..keep] + new string('*', number.Length - keep);
    }

    public static async Task<Invalid?> CheckHouseholdAsync(HealthDbContext db, HouseholdChoice h, CancellationToken ct)
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

    public static async Task JoinHouseholdAsync(HealthDbContext db, Resident r, HouseholdChoice h, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
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

    public static List<ResidentCondition> Conditions(Resident r, ResidentDraft d) =>
        (d.PastIllnesses ?? []).Select(p => new ResidentCondition
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId,
            ResidentId = r.Id, Code = p.Code!, DiagnosedOn = p.DiagnosedOn, Note = string.IsNullOrWhiteSpace(p.Note) ? null : p.Note.Trim(),
        }).ToList();
}
