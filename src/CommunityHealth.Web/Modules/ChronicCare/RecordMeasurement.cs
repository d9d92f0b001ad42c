using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record RecordMeasurement(MeasurementKind? Kind, DateOnly? On, int? Systolic, int? Diastolic, decimal? Value);

/// <summary>
/// A screening reading (BP or fasting glucose) into the measurement history the screening rules read. The handler keeps
/// the suffix because the request's name is the API's (OpenAPI schema <c>RecordMeasurement</c>).
/// </summary>
public sealed class RecordMeasurementHandler(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/patients/{residentId:guid}/measurements", async (Guid residentId, RecordMeasurement cmd, CurrentUser user, RecordMeasurementHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{residentId}", r)))
            .WithSummary("A screening reading: BloodPressure (systolic, diastolic) or FastingGlucose (value, mmol/L)").Produces<MeasurementDto>(201).ProducesValidationProblem();

    /// <param name="source">Where the reading comes from: <c>screening</c> (the clinic's form), <c>fhir</c> (the regional platform or a home device).</param>
    public async Task<Outcome<MeasurementDto>> HandleAsync(StaffContext staff, Guid residentId, RecordMeasurement cmd, CancellationToken ct = default, string source = "screening")
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? today;
        var v = new Validation();
        if (resident.Status != ResidentStatus.Active) v.Add("on", "error.resident.not_active");
        if (on > today) v.Add("on", "error.date_future");
        else if (on < resident.BirthDate) v.Add("on", "error.date_before_birth");
        switch (cmd.Kind)
        {
            case MeasurementKind.BloodPressure:
                if (cmd.Systolic is null) v.Add("systolic", "error.required");
                if (cmd.Diastolic is null) v.Add("diastolic", "error.required");
                FollowUpRules.Validate(v, new VisitMeasures(cmd.Systolic, cmd.Diastolic));
                break;
            case MeasurementKind.FastingGlucose:
                if (cmd.Value is null) v.Add("value", "error.required");
                else if (cmd.Value is < 1.0m or > 50m) v.Add("value", "error.chronic.glucose_range", "1.0", "50.0");
                break;
            default:
                v.Add("kind", "error.required");
                break;
        }
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Measurement
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            Kind = cmd.Kind!.Value, On = on, Systolic = cmd.Kind == MeasurementKind.BloodPressure ? cmd.Systolic : null,
            Diastolic = cmd.Kind == MeasurementKind.BloodPressure ? cmd.Diastolic : null, Value = cmd.Kind == MeasurementKind.FastingGlucose ? cmd.Value : null,
            Source = source, RecordedBy = staff.DisplayName, CreatedAt = now,
        };
        db.Measurements.Add(m);
        db.Audit(staff, "Measurement", m.Id.ToString(), AuditActions.Create, $"resident {residentId} {m.Kind}");
        await db.SaveChangesAsync(ct);
        return ChronicMapping.ToDto(m);
    }
}
