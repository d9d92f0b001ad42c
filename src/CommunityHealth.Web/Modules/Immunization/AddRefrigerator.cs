using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record AddRefrigeratorRequest(Guid? OrganizationId, string? Name, string? Location);

/// <summary>Adds a clinic's refrigerator to the cold chain (names unique per clinic).</summary>
public sealed class AddRefrigerator(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder refrigerators) =>
        refrigerators.MapPost("/", async (AddRefrigeratorRequest cmd, CurrentUser user, AddRefrigerator h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok)).ProducesValidationProblem();

    public async Task<Outcome<RefrigeratorDto>> HandleAsync(StaffContext staff, AddRefrigeratorRequest cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var orgId = cmd.OrganizationId ?? staff.OrganizationId;
        var org = await organizations.FindActiveAsync(db.Scope, orgId, ct);
        var v = new Validation().RequireText("name", cmd.Name, 50).OptionalText("location", cmd.Location, 100);
        if (org is null || org.Kind == OrganizationKind.Bureau) v.Add("organizationId", "error.vaccination.clinic_required");
        if (v.ToError() is { } invalid) return invalid;
        var name = cmd.Name!.Trim();
        if (await db.Refrigerators.AnyAsync(r => r.OrganizationId == orgId && r.Name == name, ct)) return new Conflict("name", "error.vaccination.fridge_duplicate");
        var f = new Refrigerator
        {
            Id = Guid.CreateVersion7(), DistrictId = org!.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, Name = name,
            Location = string.IsNullOrWhiteSpace(cmd.Location) ? null : cmd.Location.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Refrigerators.Add(f);
        db.Audit(staff, "Refrigerator", f.Id.ToString(), AuditActions.Create, name);
        await db.SaveChangesAsync(ct);
        return new RefrigeratorDto(f.Id, f.OrganizationId, f.Name, f.Location, null, null, 0);
    }
}
