using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Facts the forecaster uses that can change after registration.</summary>
public sealed record UpdateVaccineeFactsRequest(
    string? GuardianName, string? GuardianRelation, string? GuardianPhone, HBsAgStatus? MotherHBsAg, int? BirthWeightGrams, bool? Immunodeficient,
    PpdResult? Ppd, DateOnly? PpdDate, List<DateOnly>? ImmunoglobulinDates);

/// <summary>Changes the guardian or the child's facts (HBsAg, birth weight, immunodeficiency, PPD, immunoglobulin) and recomputes the forecast.</summary>
public sealed class UpdateVaccineeFacts(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPut("/{id:guid}/facts", async (Guid id, UpdateVaccineeFactsRequest cmd, CurrentUser user, UpdateVaccineeFacts h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Guardian, mother's HBsAg, birth weight, immunodeficiency, PPD, immunoglobulin dates").Produces<VaccineeDto>().ProducesValidationProblem();

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, Guid id, UpdateVaccineeFactsRequest cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation();
        VaccineeValidation.CheckGuardian(v, cmd.GuardianName ?? child.GuardianName, cmd.GuardianRelation ?? child.GuardianRelation, cmd.GuardianPhone ?? child.GuardianPhone);
        VaccineeValidation.CheckBirthWeight(v, cmd.BirthWeightGrams);
        if (cmd.Ppd is not null && cmd.PpdDate is null) v.Add("ppdDate", "error.required");
        VaccineeValidation.CheckDay(v, "ppdDate", cmd.PpdDate, child.BirthDate, today);
        foreach (var (day, i) in (cmd.ImmunoglobulinDates ?? []).Select((d, i) => (d, i)))
            VaccineeValidation.CheckDay(v, $"immunoglobulinDates[{i}]", day, child.BirthDate, today);
        if (v.ToError() is { } invalid) return invalid;

        if (cmd.GuardianName is not null) child.GuardianName = cmd.GuardianName.Trim();
        if (cmd.GuardianRelation is not null) child.GuardianRelation = cmd.GuardianRelation.Trim();
        if (cmd.GuardianPhone is not null) child.GuardianPhone = PhoneNumber.Normalize(cmd.GuardianPhone)!;
        if (cmd.MotherHBsAg is { } hbsag) child.MotherHBsAg = hbsag;
        if (cmd.BirthWeightGrams is not null) child.BirthWeightGrams = cmd.BirthWeightGrams;
        if (cmd.Immunodeficient is { } immuno) child.Immunodeficient = immuno;
        if (cmd.Ppd is not null) (child.Ppd, child.PpdDate) = (cmd.Ppd, cmd.PpdDate);
        if (cmd.ImmunoglobulinDates is not null) child.ImmunoglobulinDates = cmd.ImmunoglobulinDates.Distinct().Order().ToList();
        await VaccinationHistory.RecomputeAsync(db, child, today, clock.GetUtcNow().UtcDateTime, ct);
        db.Audit(staff, "Vaccinee", id.ToString(), AuditActions.Update, "facts");
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, id, clock.Today(), ct);
    }
}
