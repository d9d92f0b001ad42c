using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordAction(string? Action);

/// <summary>The action taken for an out-of-range reading (once); the alert is then closed.</summary>
public sealed class RecordExcursionAction(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGroup("").RequirePermission(Permission.VaccineStockManage).MapPost("/temperature-readings/{id:guid}/action",
                async (Guid id, RecordAction cmd, CurrentUser user, RecordExcursionAction h, CancellationToken ct) =>
                    (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithTags("Cold chain").WithSummary("The action taken for an out-of-range reading").Produces<ReadingDto>().ProducesValidationProblem();

    public async Task<Outcome<ReadingDto>> HandleAsync(StaffContext staff, Guid readingId, RecordAction cmd, CancellationToken ct = default)
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
        db.Audit(staff, "TemperatureReading", reading.Id.ToString(), AuditActions.Update, $"action {reading.Action}");
        await db.SaveChangesAsync(ct);
        var name = await db.Refrigerators.Where(f => f.Id == reading.RefrigeratorId).Select(f => f.Name).FirstAsync(ct);
        return ImmunizationMapping.ToDto(reading, name);
    }
}
