using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// One dose given at a visit. <see cref="LotId"/> names a lot of this clinic's stock (decremented); a dose given
/// elsewhere (copied from the certificate) has no lot id and may carry the lot number as text. <see cref="Transcribed"/>
/// marks a historical dose copied from another record (FHIR <c>primarySource: false</c>): a fact to keep, so one the rules
/// judge invalid is stored marked invalid with the reason instead of needing an override reason; it never uses our stock.
/// </summary>
public sealed record DoseInput(
    string? Vaccine, int? DoseNumber, DateTime? GivenAt, Guid? LotId, string? LotNumber, string? Manufacturer, DateOnly? Expiry,
    string? Site, string? Route, string? Nurse, string? OverrideReason, bool Transcribed = false);

public sealed record RecordVisit(List<DoseInput>? Doses);

/// <summary>What recording a visit answers: the saved doses and the new forecast.</summary>
public sealed record VisitResult(IReadOnlyList<DoseDto> Doses, ForecastDto Forecast);

/// <summary>
/// Records the doses of one visit. Each dose is judged against the forecast with the doses before it
/// (<see cref="VisitRules"/>); a dose that would not count, or is contraindicated, is refused unless the nurse gives a
/// reason (override); a transcribed dose is stored as the fact it is, marked invalid with the reason. Lots must be this clinic's and able to supply the dose (<see cref="VaccineLotRules"/>); the stock is
/// decremented atomically in the write transaction. Either everything is saved or nothing. EF Core's normal path:
/// it meets the 200 doses/s target (docs/benchmarks.md, "record a dose"), so the hand-written path of decision 0012 is gone.
/// </summary>
public sealed class AdministerDose(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/visits", async (Guid id, RecordVisit cmd, CurrentUser user, AdministerDose h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Record the doses of a visit; a dose that would not count needs overrideReason; stock is decremented")
            .Produces<VisitResult>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<VisitResult>> HandleAsync(StaffContext staff, Guid id, RecordVisit cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var inputs = cmd.Doses ?? [];
        var lotIds = inputs.Where(d => d.LotId is not null).Select(d => d.LotId!.Value).Distinct().ToList();
        var (child, lots, history, cis) = await ReadVisitAsync(db, id, lotIds, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        return await RecordAsync(db, staff, child, isNew: false, lots, history, cis, inputs, ct);
    }

    /// <summary>
    /// The doses of a child whose vaccination record is opened by this visit (<paramref name="opened"/>, not yet saved:
    /// <see cref="RegisterVaccinee.ProvisionalAsync"/>): the record, the doses and both audit rows in one transaction. When
    /// another request opened the child's record meanwhile, the answer is a conflict at <c>residentId</c> and nothing is saved.
    /// </summary>
    public async Task<Outcome<VisitResult>> OpenAndRecordAsync(StaffContext staff, Vaccinee opened, RecordVisit cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var inputs = cmd.Doses ?? [];
        var lotIds = inputs.Where(d => d.LotId is not null).Select(d => d.LotId!.Value).Distinct().ToList();
        var lots = lotIds.Count == 0 ? [] : await db.VaccineLots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        try
        {
            return await RecordAsync(db, staff, opened, isNew: true, lots, [], [], inputs, ct);
        }
        catch (DbUpdateException)
        {
            // the unique resident of vaccinees: another request opened the record first
            await using var check = dbs.For(staff);
            if (await check.Vaccinees.AnyAsync(v => v.ResidentId == opened.ResidentId, ct)) return new Conflict("residentId", "error.vaccinee.already_registered");
            throw;
        }
    }

    private async Task<Outcome<VisitResult>> RecordAsync(HealthDbContext db, StaffContext staff, Vaccinee child, bool isNew, Dictionary<Guid, VaccineLot> lots,
        List<VaccinationDose> history, List<VaccineeContraindication> cis, List<DoseInput> inputs, CancellationToken ct)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        if (child.Status != VaccineeStatus.Active) return new Invalid("doses", "error.vaccinee.not_active");
        var v = new Validation();
        if (inputs.Count == 0) v.Add("doses", "error.required");
        var now = clock.GetUtcNow();
        var doses = new List<VaccinationDose>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var f = $"doses[{i}]";
            var vaccine = Vaccines.Find(input.Vaccine?.Trim());
            if (vaccine is null) v.Add($"{f}.vaccine", string.IsNullOrWhiteSpace(input.Vaccine) ? "error.required" : "error.vaccination.unknown_vaccine");
            var givenAt = input.GivenAt is { } g ? ChinaTime.ToUtc(g) : now.UtcDateTime;
            var givenOn = ChinaTime.DateOf(givenAt);
            if (givenAt > now.UtcDateTime.AddMinutes(5)) v.Add($"{f}.givenAt", "error.date_future");
            else if (givenOn < child.BirthDate) v.Add($"{f}.givenAt", "error.date_before_birth");
            VaccineLot? lot = null;
            if (input.LotId is not null && input.Transcribed) v.Add($"{f}.lotId", "error.vaccination.transcribed_lot");
            else if (input.LotId is { } lotId)
            {
                if (!lots.TryGetValue(lotId, out lot) || lot.OrganizationId != staff.OrganizationId && staff.OrganizationKind == OrganizationKind.Station)
                    v.Add($"{f}.lotId", "error.vaccination.lot_unknown");
                else
                    switch (VaccineLotRules.ForDose(lot.Vaccine, lot.Expiry, lot.DosesOnHand, vaccine?.Code, givenOn, inputs.Count(x => x.LotId == lotId)))
                    {
                        case LotProblem.OtherVaccine: v.Add($"{f}.lotId", "error.vaccination.lot_other_vaccine", Vaccines.Find(lot.Vaccine)?.Zh ?? lot.Vaccine); break;
                        case LotProblem.Expired: v.Add($"{f}.lotId", "error.vaccination.lot_expired", lot.Expiry.ToString("yyyy-MM-dd")); break;
                        case LotProblem.Empty: v.Add($"{f}.lotId", "error.vaccination.lot_empty"); break;
                    }
            }
            v.OptionalText($"{f}.lotNumber", input.LotNumber, 40).OptionalText($"{f}.manufacturer", input.Manufacturer, 100)
                .OptionalText($"{f}.site", input.Site, 40).OptionalText($"{f}.overrideReason", input.OverrideReason, 200).OptionalText($"{f}.nurse", input.Nurse, 50);
            if (input.Route is { Length: > 0 } route && !Vaccines.Routes.ContainsKey(route)) v.Add($"{f}.route", "error.code_unknown");
            if (input.DoseNumber is { } n && (n < 1 || n > 6)) v.Add($"{f}.doseNumber", "error.vaccination.dose_number");
            if (vaccine is null || v.HasErrors) continue;
            doses.Add(new VaccinationDose
            {
                Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId,
                VaccineeId = child.Id, ResidentId = child.ResidentId, BirthDate = child.BirthDate, Vaccine = vaccine.Code, Series = vaccine.Series.ToString(), GivenAt = givenAt, GivenOn = givenOn,
                LotId = lot?.Id, LotNumber = lot?.LotNumber ?? input.LotNumber?.Trim() ?? "", Manufacturer = lot?.Manufacturer ?? input.Manufacturer?.Trim() ?? "",
                Expiry = lot?.Expiry ?? input.Expiry, Site = input.Site?.Trim() is { Length: > 0 } site ? site : vaccine.DefaultSite,
                Route = input.Route is { Length: > 0 } r ? r : vaccine.Route, Nurse = input.Nurse?.Trim() is { Length: > 0 } nurse ? nurse : staff.DisplayName,
                OverrideReason = string.IsNullOrWhiteSpace(input.OverrideReason) ? null : input.OverrideReason.Trim(), CreatedById = staff.UserId, CreatedAt = now.UtcDateTime,
            });
        }
        if (v.ToError() is { } invalid) return invalid;

        // warnings that must be acknowledged: every new dose judged against the history plus the other doses of this visit
        var checks = VisitRules.Check(ImmunizationMapping.Facts(child, cis), history.Select(ImmunizationMapping.Given),
            doses.Select((d, i) => new VisitDose(ImmunizationMapping.Given(d), Enum.Parse<Series>(d.Series), inputs[i].DoseNumber)).ToList());
        for (var i = 0; i < doses.Count; i++)
        {
            var check = checks[i];
            var warning = check.Warning ?? (check.MismatchedClaim is { } claimed ? Text.Get("error.vaccination.dose_number_mismatch", claimed, check.DoseNumber) : null);
            // a transcribed dose already happened: it is kept, and the judgement below marks it invalid with the reason
            if (warning is not null && doses[i].OverrideReason is null && !inputs[i].Transcribed) v.Add($"doses[{i}].overrideReason", "error.vaccination.needs_reason", warning);
            doses[i].DoseNumber = check.DoseNumber;
        }
        if (v.ToError() is { } warned) return warned;

        // the visit judged over the whole history (later doses may count differently now), before the write transaction
        var judged = history.ToDictionary(d => d.Id, d => (d.Valid, d.ValidityReason, d.Timely, d.DoseNumber));
        history.AddRange(doses);
        var final = VaccinationHistory.Recompute(child, history, cis, clock.Today());
        await ImmunizationWorkItems.SyncAsync(db, child, final, clock.Today(), now.UtcDateTime, ct); // saved with the visit
        child.UpdatedAt = now.UtcDateTime;
        var rejudged = history.Where(d => judged.TryGetValue(d.Id, out var j) && j != (d.Valid, d.ValidityReason, d.Timely, d.DoseNumber)).ToList();
        if (isNew) db.Audit(staff, "Vaccinee", child.Id.ToString(), AuditActions.Create, RegisterVaccinee.ProvisionalDetail);
        for (var i = 0; i < doses.Count; i++)
        {
            var d = doses[i];
            db.Audit(staff, "VaccinationDose", d.Id.ToString(), AuditActions.Create, $"{d.Vaccine}-{d.DoseNumber} {d.GivenOn:yyyy-MM-dd} {d.LotNumber}"
                + (inputs[i].Transcribed ? " transcribed" : "") + (d.Valid ? "" : " invalid") + (d.OverrideReason is null ? "" : " override: " + d.OverrideReason));
        }
        if (await SaveVisitAsync(db, child, isNew, doses, rejudged, lots, staff.DisplayName, now.UtcDateTime, ct) is { } emptyLot)
            return new Invalid($"doses[{doses.FindIndex(d => d.LotId == emptyLot)}].lotId", "error.vaccination.lot_empty");
        return new VisitResult(doses.Select(ImmunizationMapping.ToDto).ToList(), ImmunizationMapping.ToDto(final));
    }

    /// <summary>The child (null when out of scope), its dose history in the order given, its contraindications and the lots named by the visit, untracked.</summary>
    private static async Task<(Vaccinee? Child, Dictionary<Guid, VaccineLot> Lots, List<VaccinationDose> History, List<VaccineeContraindication> Contraindications)>
        ReadVisitAsync(HealthDbContext db, Guid vaccineeId, List<Guid> lotIds, CancellationToken ct)
    {
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vaccineeId, ct);
        if (child is null) return (null, [], [], []);
        var history = await db.VaccinationDoses.AsNoTracking().Where(d => d.VaccineeId == vaccineeId).OrderBy(d => d.GivenAt).ToListAsync(ct);
        var cis = await db.VaccineeContraindications.AsNoTracking().Where(c => c.VaccineeId == vaccineeId).ToListAsync(ct);
        var lots = lotIds.Count == 0 ? [] : await db.VaccineLots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        return (child, lots, history, cis);
    }

    /// <summary>
    /// One write transaction: each lot used is decremented by one conditional update (stock and expiry re-checked in the
    /// statement, so a lot never goes below zero) with a stock movement per dose, then the new doses, the earlier doses whose
    /// judgement changed and the child's next dates. Returns the lot that could not supply its doses (nothing is saved).
    /// </summary>
    private static async Task<Guid?> SaveVisitAsync(HealthDbContext db, Vaccinee child, bool isNew, List<VaccinationDose> doses, List<VaccinationDose> rejudged,
        Dictionary<Guid, VaccineLot> lots, string by, DateTime at, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var group in doses.Where(d => d.LotId is not null).GroupBy(d => d.LotId!.Value))
        {
            var count = group.Count();
            var lastDay = group.Max(d => d.GivenOn);
            var updated = await db.VaccineLots.Where(l => l.Id == group.Key && l.DosesOnHand >= count && l.Expiry >= lastDay)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.DosesOnHand, l => l.DosesOnHand - count).SetProperty(l => l.UpdatedAt, at), ct);
            if (updated == 0) return group.Key;
            var balance = await db.VaccineLots.Where(l => l.Id == group.Key).Select(l => l.DosesOnHand).SingleAsync(ct);
            var lot = lots[group.Key];
            var left = count;
            foreach (var d in group)
                db.StockMovements.Add(new StockMovement
                {
                    Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = lot.CenterId, OrganizationId = lot.OrganizationId,
                    LotId = group.Key, Kind = StockMovementKind.Administration, Quantity = -1, BalanceAfter = balance + --left,
                    DoseId = d.Id, By = by, At = at,
                });
        }
        db.VaccinationDoses.AddRange(doses);
        foreach (var d in rejudged)
        {
            var entry = db.Attach(d);
            entry.Property(x => x.Valid).IsModified = true;
            entry.Property(x => x.ValidityReason).IsModified = true;
            entry.Property(x => x.Timely).IsModified = true;
            entry.Property(x => x.DoseNumber).IsModified = true;
        }
        if (isNew) db.Vaccinees.Add(child);
        else
        {
            var c = db.Attach(child);
            c.Property(x => x.NextDueDate).IsModified = true;
            c.Property(x => x.NextOverdueDate).IsModified = true;
            c.Property(x => x.ReviewOn).IsModified = true;
            c.Property(x => x.NextDueDoses).IsModified = true;
            c.Property(x => x.UpdatedAt).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
