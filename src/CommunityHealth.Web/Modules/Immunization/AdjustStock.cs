using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record AdjustLot(int? Quantity, string? Reason);

/// <summary>An adjustment of a lot (breakage, count correction, return …) with a reason; the balance never goes below zero.</summary>
public sealed class AdjustStock(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder lots) =>
        lots.MapPost("/{id:guid}/adjustments", async (Guid id, AdjustLot cmd, CurrentUser user, AdjustStock h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Adjust the balance (±) with a reason").Produces<LotDto>().ProducesValidationProblem();

    public async Task<Outcome<LotDto>> HandleAsync(StaffContext staff, Guid lotId, AdjustLot cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var lot = await db.VaccineLots.FirstOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null) return new NotFound("VaccineLot", lotId.ToString());
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var v = new Validation().RequireText("reason", cmd.Reason, 200);
        if (!VaccineLotRules.ValidAdjustment(cmd.Quantity)) v.Add("quantity", "error.vaccination.quantity");
        else if (!VaccineLotRules.KeepsStock(lot.DosesOnHand, cmd.Quantity!.Value)) v.Add("quantity", "error.vaccination.below_zero", lot.DosesOnHand);
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var q = cmd.Quantity!.Value;
        // atomic against concurrent doses: the balance is checked and changed in one statement
        var changed = await db.VaccineLots.Where(l => l.Id == lotId && l.DosesOnHand + q >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DosesOnHand, l => l.DosesOnHand + q).SetProperty(l => l.UpdatedAt, now), ct);
        if (changed == 0) return new Invalid([new FieldError("quantity", "error.vaccination.below_zero", lot.DosesOnHand)]);
        await db.Entry(lot).ReloadAsync(ct);
        db.StockMovements.Add(ReceiveVaccineLot.Movement(lot, StockMovementKind.Adjustment, q, cmd.Reason!.Trim(), staff, now));
        db.Audit(staff, "VaccineLot", lot.Id.ToString(), AuditActions.Update, $"adjust {q} {cmd.Reason}");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(lot, clock.Today());
    }
}
