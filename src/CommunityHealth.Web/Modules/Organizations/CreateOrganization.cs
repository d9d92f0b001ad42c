using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record CreateOrganization(
    OrganizationKind? Kind, string? Name, string? DivisionCode, Guid? ParentId, string? Address, string? Phone);

/// <summary>
/// A new center or station under a parent in the caller's scope, with its record-number counter. The handler keeps the
/// suffix because the request's name is the API's (OpenAPI schema <c>CreateOrganization</c>).
/// </summary>
public sealed class CreateOrganizationHandler(ScopedDb dbs, TimeProvider clock, OrganizationCache cache)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/", async (CreateOrganization cmd, CurrentUser user, CreateOrganizationHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(o => TypedResults.Created($"/api/organizations/{o.Id}", o)))
            .Produces<OrganizationDto>(201).ProducesValidationProblem().ProducesProblem(403);

    public async Task<Outcome<OrganizationDto>> HandleAsync(StaffContext staff, CreateOrganization cmd, CancellationToken ct = default)
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
            Name = cmd.Name!.Trim(), DivisionCode = code, Address = OrganizationMapping.Clean(cmd.Address), Phone = OrganizationMapping.Clean(cmd.Phone),
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
        return OrganizationMapping.ToDto(org);
    }
}
