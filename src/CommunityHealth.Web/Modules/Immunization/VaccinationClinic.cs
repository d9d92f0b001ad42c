using CommunityHealth.Domain.Staff;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// 接种门诊: register a child, see the forecast, record the doses of a visit (stock decremented in the same
/// transaction), the 30-minute observation, contraindications and exemptions, AEFI, guardian contacts.
/// Every change recomputes the child's forecast once and stores its next due date for the work lists.
/// </summary>
public sealed class VaccinationClinic(ScopedDb dbs, AuditLog audit, TimeProvider clock, OrganizationCache organizations)
{
    private DateOnly Today => clock.Today();

    public async Task<Outcome<VaccineeDto>> RegisterAsync(StaffContext staff, RegisterVaccinee cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        await using var db = dbs.For(staff);
        var resident = cmd.ResidentId is { } rid ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var v = new Validation();
        if (cmd.ResidentId is null) v.Add("residentId", "error.required");
        else if (resident is null) return new NotFound("Resident", cmd.ResidentId.ToString()!);
        else if (resident.Status != ResidentStatus.Active) v.Add("residentId", "error.resident.not_active");
        else if (resident.BirthDate.AddYears(18) <= Today) v.Add("residentId", "error.vaccinee.too_old");
        ValidateCertificate(v, cmd.CertificateNumber, cmd.CertificateIssuedOn, resident?.BirthDate);
        ValidateGuardian(v, cmd.GuardianName, cmd.GuardianRelation, cmd.GuardianPhone);
        if (cmd.BirthWeightGrams is { } w && (w < 300 || w > 7000)) v.Add("birthWeightGrams", "error.vaccinee.birth_weight");
        if (v.ToError() is { } invalid) return invalid;
        if (await db.Vaccinees.AnyAsync(x => x.ResidentId == resident!.Id, ct)) return new Conflict("residentId", "error.vaccinee.already_registered");
        var certificate = cmd.CertificateNumber!.Trim();
        if (await db.Vaccinees.IgnoreQueryFilters().AnyAsync(x => x.DistrictId == resident!.DistrictId && x.CertificateNumber == certificate, ct))
            return new Conflict("certificateNumber", "error.vaccinee.certificate_taken");

        var now = clock.GetUtcNow().UtcDateTime;
        var child = new Vaccinee
        {
            Id = Guid.CreateVersion7(), DistrictId = resident!.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId,
            TeamId = resident.TeamId, ResidentId = resident.Id, BirthDate = resident.BirthDate, CertificateNumber = certificate,
            CertificateIssuedOn = cmd.CertificateIssuedOn ?? Today, GuardianName = cmd.GuardianName!.Trim(), GuardianRelation = cmd.GuardianRelation?.Trim() ?? "",
            GuardianPhone = PhoneNumber.Normalize(cmd.GuardianPhone)!, MotherHBsAg = cmd.MotherHBsAg ?? HBsAgStatus.Unknown,
            BirthWeightGrams = cmd.BirthWeightGrams, Immunodeficient = cmd.Immunodeficient ?? false, CreatedAt = now, UpdatedAt = now,
        };
        Recompute(child, [], [], Today);
        db.Vaccinees.Add(child);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", child.Id.ToString(), AuditActions.Create, $"certificate {certificate}");
        return await ViewAsync(db, child.Id, null, ct);
    }

    public async Task<Outcome<VaccineeDto>> GetAsync(StaffContext staff, Guid id, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Vaccinees.AnyAsync(x => x.Id == id, ct)) return new NotFound("Vaccinee", id.ToString());
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.View);
        return await ViewAsync(db, id, asOf, ct);
    }

    public async Task<Outcome<VaccineeDto>> ByResidentAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var id = await db.Vaccinees.Where(x => x.ResidentId == residentId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (id is null) return new NotFound("Vaccinee", residentId.ToString());
        audit.Record(staff, "Vaccinee", id.Value.ToString(), AuditActions.View);
        return await ViewAsync(db, id.Value, null, ct);
    }

    /// <summary>The forecast as of a date (today when absent), computed from the stored history.</summary>
    public async Task<Outcome<(Vaccinee Child, Forecast Forecast)>> ForecastAsync(StaffContext staff, Guid id, DateOnly? asOf, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        var (doses, cis) = await HistoryAsync(db, child, tracked: false, ct);
        return (child, Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(Given), asOf ?? Today));
    }

    /// <summary>
    /// The forecast for a resident as of a date: from the vaccination record when the child is registered, else from
    /// the birth date alone (no doses known).
    /// </summary>
    public async Task<Outcome<(Guid ResidentId, Guid? VaccineeId, Guid OrganizationId, Forecast Forecast)>> ResidentForecastAsync(StaffContext staff, Guid residentId, DateOnly? asOf, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status != ResidentStatus.Merged)
            .Select(r => new { r.Id, r.BirthDate, r.OrganizationId }).FirstOrDefaultAsync(ct);
        if (resident is null) return new NotFound("Patient", residentId.ToString());
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(v => v.ResidentId == residentId, ct);
        if (child is null)
            return (resident.Id, null, resident.OrganizationId, Forecaster.Evaluate(new ChildFacts(resident.BirthDate), [], asOf ?? Today));
        var (doses, cis) = await HistoryAsync(db, child, tracked: false, ct);
        return (resident.Id, child.Id, child.OrganizationId, Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(Given), asOf ?? Today));
    }

    public async Task<Guid?> VaccineeOfResidentAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        return await db.Vaccinees.Where(v => v.ResidentId == residentId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<Outcome<VaccineeDto>> UpdateFactsAsync(StaffContext staff, Guid id, UpdateVaccineeFacts cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation();
        ValidateGuardian(v, cmd.GuardianName ?? child.GuardianName, cmd.GuardianRelation ?? child.GuardianRelation, cmd.GuardianPhone ?? child.GuardianPhone);
        if (cmd.BirthWeightGrams is { } w && (w < 300 || w > 7000)) v.Add("birthWeightGrams", "error.vaccinee.birth_weight");
        if (cmd.Ppd is not null && cmd.PpdDate is null) v.Add("ppdDate", "error.required");
        CheckDay(v, "ppdDate", cmd.PpdDate, child.BirthDate);
        foreach (var (day, i) in (cmd.ImmunoglobulinDates ?? []).Select((d, i) => (d, i))) CheckDay(v, $"immunoglobulinDates[{i}]", day, child.BirthDate);
        if (v.ToError() is { } invalid) return invalid;

        if (cmd.GuardianName is not null) child.GuardianName = cmd.GuardianName.Trim();
        if (cmd.GuardianRelation is not null) child.GuardianRelation = cmd.GuardianRelation.Trim();
        if (cmd.GuardianPhone is not null) child.GuardianPhone = PhoneNumber.Normalize(cmd.GuardianPhone)!;
        if (cmd.MotherHBsAg is { } hbsag) child.MotherHBsAg = hbsag;
        if (cmd.BirthWeightGrams is not null) child.BirthWeightGrams = cmd.BirthWeightGrams;
        if (cmd.Immunodeficient is { } immuno) child.Immunodeficient = immuno;
        if (cmd.Ppd is not null) (child.Ppd, child.PpdDate) = (cmd.Ppd, cmd.PpdDate);
        if (cmd.ImmunoglobulinDates is not null) child.ImmunoglobulinDates = cmd.ImmunoglobulinDates.Distinct().Order().ToList();
        await RecomputeAsync(db, child, Today, ct);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.Update, "facts");
        return await ViewAsync(db, id, null, ct);
    }

    /// <summary>
    /// Records the doses of one visit. Each dose is checked against the forecast with the doses before it; a dose
    /// that would not count, or is contraindicated, is refused unless the nurse gives a reason (override). Lots
    /// must be this clinic's, of the same vaccine, unexpired on the day and in stock; the stock is decremented
    /// atomically. Either everything is saved or nothing.
    /// </summary>
    public async Task<Outcome<VisitResult>> RecordVisitAsync(StaffContext staff, Guid id, RecordVisit cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var inputs = cmd.Doses ?? [];
        var lotIds = inputs.Where(d => d.LotId is not null).Select(d => d.LotId!.Value).Distinct().ToList();
        var (child, lots, history, cis) = await VisitInputsAsync(db, id, lotIds, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        if (child.Status != VaccineeStatus.Active) return new Invalid("doses", "error.vaccinee.not_active");
        var v = new Validation();
        if (inputs.Count == 0) v.Add("doses", "error.required");
        var now = clock.GetUtcNow();
        var facts = ImmunizationMapping.Facts(child, cis);
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
            if (input.LotId is { } lotId)
            {
                if (!lots.TryGetValue(lotId, out lot) || lot.OrganizationId != staff.OrganizationId && staff.OrganizationKind == Domain.Organizations.OrganizationKind.Station)
                    v.Add($"{f}.lotId", "error.vaccination.lot_unknown");
                else if (vaccine is not null && lot.Vaccine != vaccine.Code) v.Add($"{f}.lotId", "error.vaccination.lot_other_vaccine", Vaccines.Find(lot.Vaccine)?.Zh ?? lot.Vaccine);
                else if (lot.Expiry < givenOn) v.Add($"{f}.lotId", "error.vaccination.lot_expired", lot.Expiry.ToString("yyyy-MM-dd"));
                else if (lot.DosesOnHand < inputs.Count(x => x.LotId == lotId)) v.Add($"{f}.lotId", "error.vaccination.lot_empty");
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

        // warnings that must be acknowledged: judge every new dose against the history plus the other doses of this visit
        var all = history.Select(Given).Concat(doses.Select(Given)).ToList();
        var forecast = Forecaster.Evaluate(facts, all, doses.Max(d => d.GivenOn));
        for (var i = 0; i < doses.Count; i++)
        {
            var d = doses[i];
            var e = forecast.Doses.First(x => x.Dose.Id == d.Id);
            var before = Forecaster.Evaluate(facts, all.Where(x => x.Id != d.Id && x.Date <= d.GivenOn), d.GivenOn);
            var series = before[Enum.Parse<Series>(d.Series)];
            string? warning = !e.Valid ? e.Reason : series.Status == ForecastStatus.Contraindicated ? series.Reason : null;
            if (warning is null && inputs[i].DoseNumber is { } claimed && claimed != e.DoseNumber)
                warning = Text.Get("error.vaccination.dose_number_mismatch", claimed, e.DoseNumber);
            if (warning is not null && d.OverrideReason is null) v.Add($"doses[{i}].overrideReason", "error.vaccination.needs_reason", warning);
            d.DoseNumber = e.DoseNumber;
        }
        if (v.ToError() is { } warned) return warned;

        // the visit judged over the whole history (later doses may count differently now), before the write transaction
        var judged = history.ToDictionary(d => d.Id, d => (d.Valid, d.ValidityReason, d.Timely, d.DoseNumber));
        history.AddRange(doses);
        var final = Recompute(child, history, cis, Today);
        child.UpdatedAt = now.UtcDateTime;
        // the save, hand-written (docs/decisions/0012): stock movements, the doses, the re-judged earlier doses, the child's next dates
        var write = new RawWrite(db);
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var group in doses.Where(d => d.LotId is not null).GroupBy(d => d.LotId!.Value))
        {
            var count = group.Count();
            var lastDay = group.Max(d => d.GivenOn);
            var stamp = now.UtcDateTime;
            // one statement: stock and expiry re-checked, decremented, the new balance returned
            var left = await db.Database.SqlQuery<int>(
                $"UPDATE vaccine_lots SET \"DosesOnHand\" = \"DosesOnHand\" - {count}, \"UpdatedAt\" = {stamp} WHERE \"Id\" = {db.StoredKey(group.Key)} AND \"DosesOnHand\" >= {count} AND \"Expiry\" >= {lastDay} RETURNING \"DosesOnHand\" AS \"Value\"")
                .ToListAsync(ct);
            if (left.Count == 0) return new Invalid($"doses[{doses.IndexOf(group.First())}].lotId", "error.vaccination.lot_empty");
            var balance = left[0];
            foreach (var d in group)
                write.Insert(new StockMovement
                {
                    Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = lots[group.Key].CenterId, OrganizationId = lots[group.Key].OrganizationId,
                    LotId = group.Key, Kind = StockMovementKind.Administration, Quantity = -1, BalanceAfter = balance + (count - 1 - group.ToList().IndexOf(d)),
                    DoseId = d.Id, By = staff.DisplayName, At = now.UtcDateTime,
                });
        }
        foreach (var d in doses) write.Insert(d);
        foreach (var d in history.Where(d => judged.TryGetValue(d.Id, out var j) && j != (d.Valid, d.ValidityReason, d.Timely, d.DoseNumber)))
            write.Update(d, Judgement);
        write.Update(child, NextDates);
        await write.ExecuteAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var d in doses)
            audit.Record(staff, "VaccinationDose", d.Id.ToString(), AuditActions.Create, $"{d.Vaccine}-{d.DoseNumber} {d.GivenOn:yyyy-MM-dd} {d.LotNumber}{(d.OverrideReason is null ? "" : " override: " + d.OverrideReason)}");
        return new VisitResult(doses.Select(ImmunizationMapping.ToDto).ToList(), ImmunizationMapping.ToDto(final));
    }

    private static readonly string[] Judgement = [nameof(VaccinationDose.Valid), nameof(VaccinationDose.ValidityReason), nameof(VaccinationDose.Timely),
        nameof(VaccinationDose.DoseNumber)];

    private static readonly string[] NextDates = [nameof(Vaccinee.NextDueDate), nameof(Vaccinee.NextOverdueDate), nameof(Vaccinee.ReviewOn),
        nameof(Vaccinee.NextDueDoses), nameof(Vaccinee.UpdatedAt)];

    public async Task<Outcome<DoseDto>> ObserveAsync(StaffContext staff, Guid doseId, RecordObservation cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var dose = await db.VaccinationDoses.FirstOrDefaultAsync(d => d.Id == doseId, ct);
        if (dose is null) return new NotFound("VaccinationDose", doseId.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var until = cmd.ObservedUntil is { } u ? ChinaTime.ToUtc(u) : clock.GetUtcNow().UtcDateTime;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (until < dose.GivenAt.AddMinutes(30)) v.Add("observedUntil", "error.vaccination.observation_short");
        else if (until > clock.GetUtcNow().UtcDateTime.AddMinutes(5)) v.Add("observedUntil", "error.date_future");
        if (v.ToError() is { } invalid) return invalid;
        dose.ObservedUntil = until;
        dose.ObservationNote = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "VaccinationDose", dose.Id.ToString(), AuditActions.Update, "observation");
        return ImmunizationMapping.ToDto(dose);
    }

    public async Task<Outcome<VaccineeDto>> AddContraindicationAsync(StaffContext staff, Guid id, RecordContraindication cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("reason", cmd.Reason, 200);
        if (Vaccines.Find(cmd.Vaccine) is null) v.Add("vaccine", string.IsNullOrWhiteSpace(cmd.Vaccine) ? "error.required" : "error.vaccination.unknown_vaccine");
        if (cmd.From is null) v.Add("from", "error.required");
        CheckDay(v, "from", cmd.From, child.BirthDate);
        if (cmd.Until is { } until && cmd.From is { } from && until <= from) v.Add("until", "error.vaccination.until_before_from");
        if (v.ToError() is { } invalid) return invalid;
        db.VaccineeContraindications.Add(new VaccineeContraindication
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            Vaccine = cmd.Vaccine!, Kind = cmd.Kind ?? ContraindicationKind.Contraindication, From = cmd.From!.Value, Until = cmd.Until,
            Reason = cmd.Reason!.Trim(), RecordedBy = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        child.HasContraindications = true;
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db, child, Today, ct);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"{cmd.Kind ?? ContraindicationKind.Contraindication} {cmd.Vaccine}");
        return await ViewAsync(db, id, null, ct);
    }

    /// <summary>Ends a contraindication or exemption today (it stays in the history).</summary>
    public async Task<Outcome<VaccineeDto>> EndContraindicationAsync(StaffContext staff, Guid id, Guid contraindicationId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        var ci = await db.VaccineeContraindications.FirstOrDefaultAsync(x => x.Id == contraindicationId && x.VaccineeId == id, ct);
        if (child is null || ci is null) return new NotFound("VaccineeContraindication", contraindicationId.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        if (ci.Until is { } u && u <= Today) return new Invalid("until", "error.vaccination.already_ended");
        ci.Until = Today < ci.From ? ci.From : Today; // from today it no longer applies
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db, child, Today, ct);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"end {ci.Kind} {ci.Vaccine}");
        return await ViewAsync(db, id, null, ct);
    }

    public async Task<Outcome<AdverseEventDto>> AddAdverseEventAsync(StaffContext staff, Guid id, RecordAdverseEvent cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("symptoms", cmd.Symptoms, 500).RequireText("outcome", cmd.Outcome, 200).OptionalText("note", cmd.Note, 500);
        var dose = cmd.DoseId is { } did ? await db.VaccinationDoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == did && d.VaccineeId == id, ct) : null;
        if (cmd.DoseId is not null && dose is null) v.Add("doseId", "error.vaccination.dose_unknown");
        var onset = cmd.OnsetAt is { } o ? ChinaTime.ToUtc(o) : (DateTime?)null;
        if (onset is null) v.Add("onsetAt", "error.required");
        else if (onset > clock.GetUtcNow().UtcDateTime.AddMinutes(5)) v.Add("onsetAt", "error.date_future");
        else if (dose is not null && onset < dose.GivenAt) v.Add("onsetAt", "error.vaccination.onset_before_dose");
        else if (ChinaTime.DateOf(onset.Value) < child.BirthDate) v.Add("onsetAt", "error.date_before_birth");
        if (v.ToError() is { } invalid) return invalid;
        var aefi = new AdverseEvent
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            DoseId = dose?.Id, OnsetAt = onset!.Value, Symptoms = cmd.Symptoms!.Trim(), Serious = cmd.Serious ?? false, Outcome = cmd.Outcome!.Trim(),
            Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(), RecordedBy = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AdverseEvents.Add(aefi);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "AdverseEvent", aefi.Id.ToString(), AuditActions.Create, $"vaccinee {id}{(aefi.Serious ? " serious" : "")}");
        return ToDto(aefi);
    }

    public async Task<Outcome<ContactDto>> AddContactAsync(StaffContext staff, Guid id, RecordContact cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("method", cmd.Method, 20).RequireText("result", cmd.Result, 50).OptionalText("note", cmd.Note, 200);
        var on = cmd.On ?? Today;
        if (on > Today) v.Add("on", "error.date_future");
        if (v.ToError() is { } invalid) return invalid;
        var contact = new ContactAttempt
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            On = on, Method = cmd.Method!.Trim(), Result = cmd.Result!.Trim(), Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(),
            By = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContactAttempts.Add(contact);
        if (child.LastContactOn is null || child.LastContactOn < on) child.LastContactOn = on;
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"contact {contact.Method} {contact.Result}");
        return new ContactDto(contact.Id, contact.On, contact.Method, contact.Result, contact.Note, contact.By);
    }

    /// <summary>Moved away (迁出) or closed: off the work lists and out of the clinic's denominators; reactivation allowed.</summary>
    public async Task<Outcome<VaccineeDto>> ChangeStatusAsync(StaffContext staff, Guid id, ChangeVaccineeStatus cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation();
        if (cmd.Status is null) v.Add("status", "error.required");
        CheckDay(v, "date", cmd.Date, child.BirthDate);
        if (v.ToError() is { } invalid) return invalid;
        child.Status = cmd.Status!.Value;
        child.StatusDate = cmd.Date ?? Today;
        child.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"status {child.Status}");
        return await ViewAsync(db, id, null, ct);
    }

    // ---------------------------------------------------------------- shared

    public static GivenDose Given(VaccinationDose d) => new(d.Vaccine, d.GivenOn, d.Id);

    /// <summary>
    /// What recording doses reads, in one hand-written command with the scope's conditions on each statement (decision 0008):
    /// the child, the lots named in the request, the dose history and the contraindications — all untracked: the visit writes
    /// back the child's next-due dates and only the doses whose judgement changes (usually none) through RawWrite.
    /// One round trip on PostgreSQL; on SQLite none of the LINQ queries' fixed cost.
    /// </summary>
    private static async Task<(Vaccinee? Child, Dictionary<Guid, VaccineLot> Lots, List<VaccinationDose> Doses, List<VaccineeContraindication> Contraindications)>
        VisitInputsAsync(HealthDbContext db, Guid id, List<Guid> lotIds, CancellationToken ct)
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
            cmd.Add(db, "@id", id);
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
        return (child, lots, doses, cis);
    }

    /// <summary>A child's doses in order and contraindications; doses tracked only for a caller that rewrites their judgement.</summary>
    internal static async Task<(List<VaccinationDose> Doses, List<VaccineeContraindication> Contraindications)> HistoryAsync(HealthDbContext db, Vaccinee child, bool tracked, CancellationToken ct) =>
        (await (tracked ? db.VaccinationDoses : db.VaccinationDoses.AsNoTracking()).Where(d => d.VaccineeId == child.Id).OrderBy(d => d.GivenAt).ToListAsync(ct),
         child.HasContraindications ? await db.VaccineeContraindications.AsNoTracking().Where(c => c.VaccineeId == child.Id).ToListAsync(ct) : []);

    internal static async Task RecomputeAsync(HealthDbContext db, Vaccinee child, DateOnly today, CancellationToken ct)
    {
        var (doses, cis) = await HistoryAsync(db, child, tracked: true, ct);
        Recompute(child, doses, cis, today);
    }

    /// <summary>
    /// Runs the forecaster once over the whole history: every dose's validity, number and timeliness are rewritten
    /// (a dose recorded late may change how later doses count), and the next due date is stored for the work lists.
    /// </summary>
    public static Forecast Recompute(Vaccinee child, IReadOnlyList<VaccinationDose> doses, IEnumerable<VaccineeContraindication> cis, DateOnly today)
    {
        var forecast = Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(Given), today);
        var byId = doses.ToDictionary(d => d.Id);
        foreach (var e in forecast.Doses)
        {
            if (e.Dose.Id is not { } id || !byId.TryGetValue(id, out var d)) continue;
            (d.Valid, d.ValidityReason, d.Timely) = (e.Valid, e.Reason.Length > 300 ? e.Reason[..300] : e.Reason, e.Timely);
            d.DoseNumber = e.DoseNumber; // the number it counts as: a dose recorded late renumbers the later ones
        }
        var open = forecast.Series.Where(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue or ForecastStatus.NotDue).ToList();
        child.NextDueDate = open.Count == 0 ? null : open.Min(s => s.Next!.Recommended);
        child.NextOverdueDate = open.Count == 0 ? null : open.Min(s => s.Next!.OverdueFrom);
        child.ReviewOn = open.Where(s => s.Next!.LastDay is not null).Select(s => s.Next!.LastDay).Min();
        child.NextDueDoses = open.Count == 0 ? null : string.Join(',', open.Where(s => s.Next!.Recommended == child.NextDueDate).Select(s => $"{s.Next!.Vaccine}-{s.Next.DoseNumber}"));
        return forecast;
    }

    private async Task<VaccineeDto> ViewAsync(HealthDbContext db, Guid id, DateOnly? asOf, CancellationToken ct)
    {
        var child = await db.Vaccinees.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == child.ResidentId).Select(r => new { r.Name, r.Sex }).FirstAsync(ct);
        var org = (await organizations.NamesAsync([child.OrganizationId], ct))[child.OrganizationId];
        var (doses, cis) = await HistoryAsync(db, child, tracked: false, ct);
        var forecast = Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(Given), asOf ?? Today);
        var aefis = await db.AdverseEvents.AsNoTracking().Where(a => a.VaccineeId == id).OrderByDescending(a => a.OnsetAt).ToListAsync(ct);
        var contacts = await db.ContactAttempts.AsNoTracking().Where(a => a.VaccineeId == id).OrderByDescending(a => a.On).ThenByDescending(a => a.CreatedAt).ToListAsync(ct);
        return new VaccineeDto(child.Id, child.ResidentId, resident.Name, resident.Sex, child.BirthDate, child.CertificateNumber, child.CertificateIssuedOn,
            child.GuardianName, child.GuardianRelation, child.GuardianPhone, child.MotherHBsAg, child.BirthWeightGrams, child.Immunodeficient, child.Ppd, child.PpdDate,
            child.ImmunoglobulinDates, child.Status, child.OrganizationId, org, child.NextDueDate, child.NextOverdueDate, child.NextDueDoses,
            ImmunizationMapping.ToDto(forecast), doses.Select(ImmunizationMapping.ToDto).ToList(),
            cis.OrderByDescending(c => c.From).Select(c => new ContraindicationDto(c.Id, c.Vaccine, Vaccines.Find(c.Vaccine)?.Zh ?? c.Vaccine, c.Kind, c.From, c.Until, c.Reason, c.RecordedBy)).ToList(),
            aefis.Select(ToDto).ToList(), contacts.Select(c => new ContactDto(c.Id, c.On, c.Method, c.Result, c.Note, c.By)).ToList());
    }

    private static AdverseEventDto ToDto(AdverseEvent a) => new(a.Id, a.DoseId, a.OnsetAt, a.Symptoms, a.Serious, a.Outcome, a.Note, a.RecordedBy);

    private void CheckDay(Validation v, string field, DateOnly? day, DateOnly birth)
    {
        if (day is not { } d) return;
        if (d > Today) v.Add(field, "error.date_future");
        else if (d < birth) v.Add(field, "error.date_before_birth");
    }

    private void ValidateCertificate(Validation v, string? number, DateOnly? issuedOn, DateOnly? birth)
    {
        if (string.IsNullOrWhiteSpace(number)) v.Add("certificateNumber", "error.required");
        else if (number.Trim().Length > 30 || !number.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')) v.Add("certificateNumber", "error.vaccinee.certificate_format");
        if (issuedOn is { } d)
        {
            if (d > Today) v.Add("certificateIssuedOn", "error.date_future");
            else if (birth is { } b && d < b) v.Add("certificateIssuedOn", "error.date_before_birth");
        }
    }

    private static void ValidateGuardian(Validation v, string? name, string? relation, string? phone)
    {
        v.RequireText("guardianName", name, 50).OptionalText("guardianRelation", relation, 20);
        if (string.IsNullOrWhiteSpace(phone)) v.Add("guardianPhone", "error.required");
        else if (!PhoneNumber.IsValid(phone)) v.Add("guardianPhone", "error.phone");
    }
}
