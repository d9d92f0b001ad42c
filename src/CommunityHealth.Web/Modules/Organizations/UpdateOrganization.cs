using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record UpdateOrganization(string? Name, string? DivisionCode, string? Address, string? Phone, bool? IsActive);

/// <summary>
/// Edits an organisation in the caller's scope (name, division code while it has no children, contacts) or closes it.
/// The handler keeps the suffix because the request's name is the API's (OpenAPI schema <c>UpdateOrganization</c>).
/// </summary>
public sealed class UpdateOrganizationHandler(ScopedDb dbs, TimeProvider clock, OrganizationCache cache)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPut("/{id:guid}", async (Guid id, UpdateOrganization cmd, CurrentUser user, UpdateOrganizationHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<OrganizationDto>> HandleAsync(StaffContext staff, Guid id, UpdateOrganization cmd, CancellationToken ct = default)
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
        if (cmd.Address is not null) org.Address = OrganizationMapping.Clean(cmd.Address);
        if (cmd.Phone is not null) org.Phone = OrganizationMapping.Clean(cmd.Phone);
        if (cmd.IsActive is { } active) org.IsActive = active;
        org.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(staff, "Organization", org.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, $"{org.DivisionCode} {org.Name}");
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return OrganizationMapping.ToDto(org);
    }
}
