using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record MovementDto(Guid Id, string Kind, int Quantity, int BalanceAfter, string? Reason, Guid? DoseId, string By, DateTime At);

/// <summary>A lot's receipts, adjustments and doses, newest first.</summary>
public sealed class ListStockMovements(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder lots) =>
        lots.MapGet("/{id:guid}/movements", async (Guid id, CurrentUser user, ListStockMovements h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok)).WithSummary("Receipts, adjustments and doses of a lot");

    public async Task<Outcome<IReadOnlyList<MovementDto>>> HandleAsync(StaffContext staff, Guid lotId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.VaccineLots.AnyAsync(l => l.Id == lotId, ct)) return new NotFound("VaccineLot", lotId.ToString());
        var rows = await db.StockMovements.AsNoTracking().Where(m => m.LotId == lotId).OrderByDescending(m => m.At).ToListAsync(ct);
        return rows.Select(m => new MovementDto(m.Id, m.Kind.ToString(), m.Quantity, m.BalanceAfter, m.Reason, m.DoseId, m.By, m.At)).ToList();
    }
}
