using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record ReceiveLot(Guid? OrganizationId, string? Vaccine, string? Manufacturer, string? LotNumber, DateOnly? Expiry, int? Doses);

public sealed record AdjustLot(int? Quantity, string? Reason);

public sealed record LotDto(Guid Id, Guid OrganizationId, string Vaccine, string VaccineName, string Manufacturer, string LotNumber, DateOnly Expiry,
    int DosesOnHand, bool Expired, bool ExpiresSoon);

public sealed record MovementDto(Guid Id, string Kind, int Quantity, int BalanceAfter, string? Reason, Guid? DoseId, string By, DateTime At);

public sealed record AddRefrigerator(Guid? OrganizationId, string? Name, string? Location);

public sealed record RecordReading(DateTime? ReadAt, decimal? Celsius);

public sealed record RecordAction(string? Action);

/// <summary>A refrigerator with its last reading, its open alerts and today's readings (twice daily is the rule).</summary>
public sealed record RefrigeratorDto(Guid Id, Guid OrganizationId, string Name, string? Location, DateTime? LastReadAt, decimal? LastCelsius, int PendingAlerts, int ReadingsToday = 0);

public sealed record ReadingDto(Guid Id, Guid RefrigeratorId, string RefrigeratorName, DateTime ReadAt, decimal Celsius, bool OutOfRange, string? Action, string? ActionBy, DateTime? ActionAt, string By);

/// <summary>
/// Vaccine lots per clinic (receipts, adjustments with reasons; doses decrement them when recorded), expiry
/// warnings 30 days ahead, and the cold chain: refrigerators with twice-daily readings, readings outside
/// 2–8 °C listed until someone records the action taken.
/// </summary>
public sealed class VaccineStock(ScopedDb dbs, AuditLog audit, TimeProvider clock, OrganizationCache organizations)
{
    public const int ExpiryWarningDays = 30;
    public const decimal MinCelsius = 2m, MaxCelsius = 8m;

    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<LotDto>> LotsAsync(StaffContext staff, bool includeEmpty, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.VaccineLots.AsNoTracking();
        if (!includeEmpty) q = q.Where(l => l.DosesOnHand > 0);
        var lots = await q.OrderBy(l => l.Vaccine).ThenBy(l => l.Expiry).ToListAsync(ct);
        return lots.Select(ToDto).ToList();
    }

    public async Task<Outcome<LotDto>> ReceiveAsync(StaffContext staff, ReceiveLot cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var orgId = cmd.OrganizationId ?? staff.OrganizationId;
        var org = await organizations.FindActiveAsync(db.Scope, orgId, ct);
        var v = new Validation().RequireText("manufacturer", cmd.Manufacturer, 100).RequireText("lotNumber", cmd.LotNumber, 40);
        if (org is null || org.Kind == OrganizationKind.Bureau) v.Add("organizationId", "error.vaccination.clinic_required");
        if (Vaccines.Find(cmd.Vaccine) is null) v.Add("vaccine", string.IsNullOrWhiteSpace(cmd.Vaccine) ? "error.required" : "error.vaccination.unknown_vaccine");
        if (cmd.Expiry is null) v.Add("expiry", "error.required");
        else if (cmd.Expiry < Today) v.Add("expiry", "error.vaccination.lot_expired", cmd.Expiry.Value.ToString("yyyy-MM-dd"));
        if (cmd.Doses is not (> 0 and <= 100_000)) v.Add("doses", "error.vaccination.quantity");
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
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "VaccineLot", lot.Id.ToString(), AuditActions.Update, $"receipt {cmd.Doses} {lot.Vaccine} {lot.LotNumber}");
        return ToDto(lot);
    }

    /// <summary>An adjustment (breakage, count correction, return …) with a reason; the balance never goes below zero.</summary>
    public async Task<Outcome<LotDto>> AdjustAsync(StaffContext staff, Guid lotId, AdjustLot cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var lot = await db.VaccineLots.FirstOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null) return new NotFound("VaccineLot", lotId.ToString());
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var v = new Validation().RequireText("reason", cmd.Reason, 200);
        if (cmd.Quantity is null or 0 || Math.Abs(cmd.Quantity.Value) > 100_000) v.Add("quantity", "error.vaccination.quantity");
        else if (lot.DosesOnHand + cmd.Quantity < 0) v.Add("quantity", "error.vaccination.below_zero", lot.DosesOnHand);
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var q = cmd.Quantity!.Value;
        // atomic against concurrent doses: the balance is checked and changed in one statement
        var changed = await db.VaccineLots.Where(l => l.Id == lotId && l.DosesOnHand + q >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DosesOnHand, l => l.DosesOnHand + q).SetProperty(l => l.UpdatedAt, now), ct);
        if (changed == 0) return new Invalid([new FieldError("quantity", "error.vaccination.below_zero", lot.DosesOnHand)]);
        await db.Entry(lot).ReloadAsync(ct);
        db.StockMovements.Add(Movement(lot, StockMovementKind.Adjustment, q, cmd.Reason!.Trim(), staff, now));
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "VaccineLot", lot.Id.ToString(), AuditActions.Update, $"adjust {q} {cmd.Reason}");
        return ToDto(lot);
    }

    public async Task<Outcome<IReadOnlyList<MovementDto>>> MovementsAsync(StaffContext staff, Guid lotId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.VaccineLots.AnyAsync(l => l.Id == lotId, ct)) return new NotFound("VaccineLot", lotId.ToString());
        var rows = await db.StockMovements.AsNoTracking().Where(m => m.LotId == lotId).OrderByDescending(m => m.At).ToListAsync(ct);
        return rows.Select(m => new MovementDto(m.Id, m.Kind.ToString(), m.Quantity, m.BalanceAfter, m.Reason, m.DoseId, m.By, m.At)).ToList();
    }

    private static StockMovement Movement(VaccineLot lot, StockMovementKind kind, int quantity, string? reason, StaffContext staff, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = lot.DistrictId, CenterId = lot.CenterId, OrganizationId = lot.OrganizationId, LotId = lot.Id,
        Kind = kind, Quantity = quantity, BalanceAfter = lot.DosesOnHand, Reason = reason, By = staff.DisplayName, At = now,
    };

    private LotDto ToDto(VaccineLot l) => new(l.Id, l.OrganizationId, l.Vaccine, Vaccines.Find(l.Vaccine)?.Zh ?? l.Vaccine, l.Manufacturer, l.LotNumber, l.Expiry,
        l.DosesOnHand, l.Expiry < Today, l.Expiry >= Today && l.Expiry <= Today.AddDays(ExpiryWarningDays));

    // ---------------------------------------------------------------- cold chain

    public async Task<IReadOnlyList<RefrigeratorDto>> RefrigeratorsAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var fridges = await db.Refrigerators.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync(ct);
        var ids = fridges.Select(f => f.Id).ToList();
        var last = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId))
            .GroupBy(t => t.RefrigeratorId).Select(g => g.OrderByDescending(t => t.ReadAt).First()).ToListAsync(ct);
        var pending = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId) && t.OutOfRange && t.ActionAt == null)
            .GroupBy(t => t.RefrigeratorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var midnight = DateTime.SpecifyKind(Today.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        var todayCounts = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId) && t.ReadAt >= midnight)
            .GroupBy(t => t.RefrigeratorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return fridges.Select(f =>
        {
            var l = last.FirstOrDefault(t => t.RefrigeratorId == f.Id);
            return new RefrigeratorDto(f.Id, f.OrganizationId, f.Name, f.Location, l?.ReadAt, l?.Celsius, pending.GetValueOrDefault(f.Id), todayCounts.GetValueOrDefault(f.Id));
        }).ToList();
    }

    public async Task<Outcome<RefrigeratorDto>> AddRefrigeratorAsync(StaffContext staff, AddRefrigerator cmd, CancellationToken ct = default)
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
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Refrigerator", f.Id.ToString(), AuditActions.Create, name);
        return new RefrigeratorDto(f.Id, f.OrganizationId, f.Name, f.Location, null, null, 0);
    }

    public async Task<Outcome<ReadingDto>> RecordReadingAsync(StaffContext staff, Guid fridgeId, RecordReading cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var f = await db.Refrigerators.AsNoTracking().FirstOrDefaultAsync(r => r.Id == fridgeId && r.IsActive, ct);
        if (f is null) return new NotFound("Refrigerator", fridgeId.ToString());
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var at = cmd.ReadAt is { } r ? ChinaTime.ToUtc(r) : now;
        var v = new Validation();
        if (cmd.Celsius is null) v.Add("celsius", "error.required");
        else if (cmd.Celsius < -40 || cmd.Celsius > 50) v.Add("celsius", "error.vaccination.temperature_range");
        if (at > now.AddMinutes(5)) v.Add("readAt", "error.date_future");
        else if (at < now.AddDays(-7)) v.Add("readAt", "error.vaccination.reading_too_old");
        if (v.ToError() is { } invalid) return invalid;
        var reading = new TemperatureReading
        {
            Id = Guid.CreateVersion7(), DistrictId = f.DistrictId, CenterId = f.CenterId, OrganizationId = f.OrganizationId, RefrigeratorId = f.Id,
            ReadAt = at, Celsius = Math.Round(cmd.Celsius!.Value, 1), OutOfRange = cmd.Celsius < MinCelsius || cmd.Celsius > MaxCelsius, By = staff.DisplayName,
        };
        db.TemperatureReadings.Add(reading);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "TemperatureReading", reading.Id.ToString(), AuditActions.Create, $"{f.Name} {reading.Celsius} °C");
        return ToDto(reading, f.Name);
    }

    /// <summary>Readings of the last days, newest first; <paramref name="alertsOnly"/>: out of range and still without an action.</summary>
    public async Task<IReadOnlyList<ReadingDto>> ReadingsAsync(StaffContext staff, bool alertsOnly, int days = 14, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(days, 1, 366));
        var q = db.TemperatureReadings.AsNoTracking();
        q = alertsOnly ? q.Where(t => t.OutOfRange && t.ActionAt == null) : q.Where(t => t.ReadAt >= since);
        var rows = await q.OrderByDescending(t => t.ReadAt).Take(1000)
            .Join(db.Refrigerators, t => t.RefrigeratorId, f => f.Id, (t, f) => new { t, f.Name }).ToListAsync(ct);
        return rows.Select(x => ToDto(x.t, x.Name)).ToList();
    }

    public async Task<Outcome<ReadingDto>> RecordActionAsync(StaffContext staff, Guid readingId, RecordAction cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var reading = await db.TemperatureReadings.FirstOrDefaultAsync(t => t.Id == readingId, ct);
        if (reading is null) return new NotFound("TemperatureReading", readingId.ToString());
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var v = new Validation().RequireText("action", cmd.Action, 200);
        if (!reading.OutOfRange) v.Add("action", "error.vaccination.reading_in_range");
        else if (reading.ActionAt is not null) v.Add("action", "error.vaccination.action_recorded");
        if (v.ToError() is { } invalid) return invalid;
        reading.Action = cmd.Action!.Trim();
        reading.ActionBy = staff.DisplayName;
        reading.ActionAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var name = await db.Refrigerators.Where(f => f.Id == reading.RefrigeratorId).Select(f => f.Name).FirstAsync(ct);
        audit.Record(staff, "TemperatureReading", reading.Id.ToString(), AuditActions.Update, $"action {reading.Action}");
        return ToDto(reading, name);
    }

    private static ReadingDto ToDto(TemperatureReading t, string name) =>
        new(t.Id, t.RefrigeratorId, name, t.ReadAt, t.Celsius, t.OutOfRange, t.Action, t.ActionBy, t.ActionAt, t.By);
}
