using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record OrganizationDto(
    Guid Id, OrganizationKind Kind, string Name, string DivisionCode, Guid? ParentId, Guid? CenterId,
    string? Address, string? Phone, bool IsActive);

public sealed record CreateOrganization(
    OrganizationKind? Kind, string? Name, string? DivisionCode, Guid? ParentId, string? Address, string? Phone);

public sealed record UpdateOrganization(string? Name, string? DivisionCode, string? Address, string? Phone, bool? IsActive);

/// <summary>Organisation tree: list, read, create and edit, always inside the caller's data scope.</summary>
public sealed class OrganizationHandlers(ScopedDb dbs, TimeProvider clock, OrganizationCache cache)
{
    public async Task<IReadOnlyList<OrganizationDto>> ListAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.DivisionCode).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<Outcome<OrganizationDto>> GetAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? new NotFound("Organization", id.ToString()) : ToDto(org);
    }

    public async Task<Outcome<OrganizationDto>> CreateAsync(StaffContext staff, CreateOrganization cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.OrganizationsManage)) return new Forbidden();
        if (cmd.Kind is not { } kind || !Enum.IsDefined(kind)) return new Invalid("kind", "error.org.kind_unknown");
        if (kind == OrganizationKind.Bureau) return new Invalid("kind", "error.org.bureau_exists");

        await using var db = dbs.For(staff);
        var parent = cmd.ParentId is { } pid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        if (cmd.ParentId is not null && parent is null) return new Invalid("parentId", "error.org.parent_required");

        var draft = new OrganizationDraft(kind, cmd.Name, cmd.DivisionCode, parent?.DivisionCode, parent?.Kind, cmd.Address, cmd.Phone);
        if (OrganizationRules.Validate(draft) is { } invalid) return invalid;

        var code = cmd.DivisionCode!.Trim();
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.DistrictId == parent!.DistrictId && o.DivisionCode == code, ct))
            return new Conflict("divisionCode", "error.division_code.duplicate");

        var now = clock.GetUtcNow().UtcDateTime;
        var org = new Organization
        {
            Id = Guid.CreateVersion7(), DistrictId = parent!.DistrictId, ParentId = parent.Id, Kind = kind,
            Name = cmd.Name!.Trim(), DivisionCode = code, Address = Clean(cmd.Address), Phone = Clean(cmd.Phone),
            CreatedAt = now, UpdatedAt = now,
        };
        org.CenterId = kind == OrganizationKind.Center ? org.Id : parent.Id;
        db.Organizations.Add(org);
        var prefix = Domain.Residents.HealthRecordNumber.PrefixFor(code);
        if (!await db.RecordNumberSequences.IgnoreQueryFilters().AnyAsync(s => s.Prefix == prefix, ct)) // a code once used keeps its counter: numbers are never reused
            db.RecordNumberSequences.Add(new RecordNumberSequence { Prefix = prefix, DistrictId = org.DistrictId, Next = 1 });
        db.Audit(staff, "Organization", org.Id.ToString(), AuditActions.Create, $"{org.Kind} {org.DivisionCode} {org.Name}");
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return ToDto(org);
    }

    public async Task<Outcome<OrganizationDto>> UpdateAsync(StaffContext staff, Guid id, UpdateOrganization cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return new NotFound("Organization", id.ToString());
        if (!staff.Can(Permission.OrganizationsManage)) return new Forbidden();

        var parent = org.ParentId is { } pid ? await db.Organizations.IgnoreQueryFilters().FirstAsync(o => o.Id == pid, ct) : null;
        var code = cmd.DivisionCode?.Trim() ?? org.DivisionCode;
        var draft = new OrganizationDraft(org.Kind, cmd.Name ?? org.Name, code, parent?.DivisionCode, parent?.Kind,
            cmd.Address ?? org.Address, cmd.Phone ?? org.Phone);
        if (OrganizationRules.Validate(draft) is { } invalid) return invalid;

        if (code != org.DivisionCode)
        {
            if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.ParentId == org.Id, ct))
                return new Invalid("divisionCode", "error.division_code.has_children");
            if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.DistrictId == org.DistrictId && o.DivisionCode == code, ct))
                return new Conflict("divisionCode", "error.division_code.duplicate");
        }

        var closing = cmd.IsActive == false && org.IsActive;
        org.Name = (cmd.Name ?? org.Name).Trim();
        org.DivisionCode = code;
        if (cmd.Address is not null) org.Address = Clean(cmd.Address);
        if (cmd.Phone is not null) org.Phone = Clean(cmd.Phone);
        if (cmd.IsActive is { } active) org.IsActive = active;
        org.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(staff, "Organization", org.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, $"{org.DivisionCode} {org.Name}");
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return ToDto(org);
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static OrganizationDto ToDto(Organization o) =>
        new(o.Id, o.Kind, o.Name, o.DivisionCode, o.ParentId, o.CenterId, o.Address, o.Phone, o.IsActive);
}
