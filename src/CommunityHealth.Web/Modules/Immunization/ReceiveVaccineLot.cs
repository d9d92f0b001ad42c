using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record ReceiveLot(Guid? OrganizationId, string? Vaccine, string? Manufacturer, string? LotNumber, DateOnly? Expiry, int? Doses);

/// <summary>Receives doses of a lot at a clinic: creates the lot or adds to it, with a receipt movement. An expired lot is refused.</summary>
public sealed class ReceiveVaccineLot(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder lots) =>
        lots.MapPost("/", async (ReceiveLot cmd, CurrentUser user, ReceiveVaccineLot h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Receive doses of a lot (creates the lot or adds to it)").Produces<LotDto>().ProducesValidationProblem();

    public async Task<Outcome<LotDto>> HandleAsync(StaffContext staff, ReceiveLot cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var orgId = cmd.OrganizationId ?? staff.OrganizationId;
        var org = await organizations.FindActiveAsync(db.Scope, orgId, ct);
        var v = new Validation().RequireText("manufacturer", cmd.Manufacturer, 100).RequireText("lotNumber", cmd.LotNumber, 40);
        if (org is null || org.Kind == OrganizationKind.Bureau) v.Add("organizationId", "error.vaccination.clinic_required");
        VaccineeValidation.CheckVaccine(v, cmd.Vaccine);
        if (cmd.Expiry is null) v.Add("expiry", "error.required");
        else if (VaccineLotRules.Expired(cmd.Expiry.Value, today)) v.Add("expiry", "error.vaccination.lot_expired", cmd.Expiry.Value.ToString("yyyy-MM-dd"));
        if (!VaccineLotRules.ValidReceipt(cmd.Doses)) v.Add("doses", "error.vaccination.quantity");
        if (v.ToError() is { } invalid) return invalid;
        var lotNumber = cmd.LotNumber!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var lot = await db.VaccineLots.FirstOrDefaultAsync(l => l.OrganizationId == orgId && l.Vaccine == cmd.Vaccine && l.LotNumber == lotNumber, ct);
        if (lot is not null && lot.Expiry != cmd.Expiry) return new Invalid([new FieldError("expiry", "error.vaccination.lot_expiry_mismatch", lot.Expiry.ToString("yyyy-MM-dd"))]);
        if (lot is null)
        {
            lot = new VaccineLot
            {
                Id = Guid.CreateVersion7(), DistrictId = org!.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, Vaccine = cmd.Vaccine!,
                Manufacturer = cmd.Manufacturer!.Trim(), LotNumber = lotNumber, Expiry = cmd.Expiry!.Value, CreatedAt = now,
            };
            db.VaccineLots.Add(lot);
        }
        lot.DosesOnHand += cmd.Doses!.Value;
        lot.UpdatedAt = now;
        db.StockMovements.Add(Movement(lot, StockMovementKind.Receipt, cmd.Doses.Value, null, staff, now));
        db.Audit(staff, "VaccineLot", lot.Id.ToString(), AuditActions.Update, $"receipt {cmd.Doses} {lot.Vaccine} {lot.LotNumber}");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(lot, clock.Today());
    }

    /// <summary>A receipt or adjustment of a lot, with the balance after it.</summary>
    internal static StockMovement Movement(VaccineLot lot, StockMovementKind kind, int quantity, string? reason, StaffContext staff, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = lot.DistrictId, CenterId = lot.CenterId, OrganizationId = lot.OrganizationId, LotId = lot.Id,
        Kind = kind, Quantity = quantity, BalanceAfter = lot.DosesOnHand, Reason = reason, By = staff.DisplayName, At = now,
    };
}
