using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordReading(DateTime? ReadAt, decimal? Celsius);

/// <summary>A refrigerator's temperature reading (within the last 7 days); outside 2–8 °C it is an excursion (<see cref="ColdChain"/>).</summary>
public sealed class RecordTemperature(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder refrigerators) =>
        refrigerators.MapPost("/{id:guid}/readings", async (Guid id, RecordReading cmd, CurrentUser user, RecordTemperature h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("A temperature reading; outside 2–8 °C it is flagged until an action is recorded").Produces<ReadingDto>().ProducesValidationProblem();

    public async Task<Outcome<ReadingDto>> HandleAsync(StaffContext staff, Guid fridgeId, RecordReading cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var f = await db.Refrigerators.AsNoTracking().FirstOrDefaultAsync(r => r.Id == fridgeId && r.IsActive, ct);
        if (f is null) return new NotFound("Refrigerator", fridgeId.ToString());
        if (!staff.Can(Permission.VaccineStockManage)) return new Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var at = cmd.ReadAt is { } r ? ChinaTime.ToUtc(r) : now;
        var v = new Validation();
        if (cmd.Celsius is null) v.Add("celsius", "error.required");
        else if (!ColdChain.Plausible(cmd.Celsius.Value)) v.Add("celsius", "error.vaccination.temperature_range");
        if (at > now.AddMinutes(5)) v.Add("readAt", "error.date_future");
        else if (at < now.AddDays(-7)) v.Add("readAt", "error.vaccination.reading_too_old");
        if (v.ToError() is { } invalid) return invalid;
        var reading = new TemperatureReading
        {
            Id = Guid.CreateVersion7(), DistrictId = f.DistrictId, CenterId = f.CenterId, OrganizationId = f.OrganizationId, RefrigeratorId = f.Id,
            ReadAt = at, Celsius = Math.Round(cmd.Celsius!.Value, 1), OutOfRange = ColdChain.IsExcursion(cmd.Celsius.Value), By = staff.DisplayName,
        };
        db.TemperatureReadings.Add(reading);
        db.Audit(staff, "TemperatureReading", reading.Id.ToString(), AuditActions.Create, $"{f.Name} {reading.Celsius} °C");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(reading, f.Name);
    }
}
