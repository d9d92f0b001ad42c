using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Data.Immunization;

/// <inheritdoc cref="IDoseStore"/>
public sealed class DoseStore : IDoseStore
{
    private static readonly string[] Judgement = [nameof(VaccinationDose.Valid), nameof(VaccinationDose.ValidityReason), nameof(VaccinationDose.Timely),
        nameof(VaccinationDose.DoseNumber)];

    private static readonly string[] NextDates = [nameof(Vaccinee.NextDueDate), nameof(Vaccinee.NextOverdueDate), nameof(Vaccinee.ReviewOn),
        nameof(Vaccinee.NextDueDoses), nameof(Vaccinee.UpdatedAt)];

    /// <summary>
    /// One hand-written command with the scope's conditions on each statement (decision 0008): the child, the dose history,
    /// the contraindications and the lots named in the request. One round trip on PostgreSQL; on SQLite none of the LINQ
    /// queries' fixed cost. The visit writes back only the child's next dates and the doses whose judgement changes.
    /// </summary>
    public async Task<DoseVisitInputs> ReadVisitAsync(HealthDbContext db, Guid vaccineeId, IReadOnlyList<Guid> lotIds, CancellationToken ct)
    {
        var children = RowReader<Vaccinee>.For(db);
        var lotRows = RowReader<VaccineLot>.For(db);
        var doseRows = RowReader<VaccinationDose>.For(db);
        var ciRows = RowReader<VaccineeContraindication>.For(db);
        Vaccinee? child = null;
        var lots = new Dictionary<Guid, VaccineLot>();
        var doses = new List<VaccinationDose>();
        var cis = new List<VaccineeContraindication>();
        await using (var read = await RawReads.OpenAsync(db, ct))
        await using (var cmd = read.Command())
        {
            var scope = cmd.ScopeCondition(db);
            cmd.Add(db, "@id", vaccineeId);
            var lotParameters = lotIds.Select((lot, i) => { cmd.Add(db, $"@lot{i}", lot); return $"@lot{i}"; }).ToList();
            cmd.CommandText = $"""
                SELECT {children.Columns} FROM vaccinees WHERE "Id" = @id AND {scope};
                SELECT {doseRows.Columns} FROM vaccination_doses WHERE "VaccineeId" = @id AND {scope} ORDER BY "GivenAt";
                SELECT {ciRows.Columns} FROM vaccinee_contraindications WHERE "VaccineeId" = @id AND {scope}
                """ + (lotIds.Count == 0 ? "" : $"""
                ;
                SELECT {lotRows.Columns} FROM vaccine_lots WHERE "Id" IN ({string.Join(", ", lotParameters)}) AND {scope}
                """);
            await using var r = await read.ExecuteReaderAsync(cmd, ct);
            if (await r.ReadAsync(ct)) child = children.Read(r);
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) doses.Add(doseRows.Read(r));
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) cis.Add(ciRows.Read(r));
            if (lotIds.Count > 0 && await r.NextResultAsync(ct))
                while (await r.ReadAsync(ct)) { var lot = lotRows.Read(r); lots[lot.Id] = lot; }
        }
        return new DoseVisitInputs(child, lots, doses, cis);
    }

    /// <summary>The save, hand-written (decision 0012): stock decrements and movements, the doses, the re-judged earlier doses, the child's next dates.</summary>
    public async Task<Guid?> SaveVisitAsync(HealthDbContext db, DoseVisitSave save, CancellationToken ct)
    {
        var (child, doses) = (save.Child, save.Doses);
        var write = new RawWrite(db);
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var group in doses.Where(d => d.LotId is not null).GroupBy(d => d.LotId!.Value))
        {
            var count = group.Count();
            var lastDay = group.Max(d => d.GivenOn);
            var stamp = save.At;
            // one statement: stock and expiry re-checked, decremented, the new balance returned
            var left = await db.Database.SqlQuery<int>(
                $"UPDATE vaccine_lots SET \"DosesOnHand\" = \"DosesOnHand\" - {count}, \"UpdatedAt\" = {stamp} WHERE \"Id\" = {db.StoredKey(group.Key)} AND \"DosesOnHand\" >= {count} AND \"Expiry\" >= {lastDay} RETURNING \"DosesOnHand\" AS \"Value\"")
                .ToListAsync(ct);
            if (left.Count == 0) return group.Key;
            var balance = left[0];
            var lot = save.Lots[group.Key];
            foreach (var d in group)
                write.Insert(new StockMovement
                {
                    Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = lot.CenterId, OrganizationId = lot.OrganizationId,
                    LotId = group.Key, Kind = StockMovementKind.Administration, Quantity = -1, BalanceAfter = balance + (count - 1 - group.ToList().IndexOf(d)),
                    DoseId = d.Id, By = save.By, At = save.At,
                });
        }
        foreach (var d in doses) write.Insert(d);
        foreach (var d in save.Rejudged) write.Update(d, Judgement);
        write.Update(child, NextDates);
        await write.ExecuteAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
