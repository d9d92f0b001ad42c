using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RegisterVaccineeRequest(
    Guid? ResidentId, string? CertificateNumber, DateOnly? CertificateIssuedOn, string? GuardianName, string? GuardianRelation, string? GuardianPhone,
    HBsAgStatus? MotherHBsAg, int? BirthWeightGrams, bool? Immunodeficient);

/// <summary>Registers a child at the vaccination clinic (接种证 number, guardian), linked to the resident record; the forecast's next dates are stored.</summary>
public sealed class RegisterVaccinee(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/", async (RegisterVaccineeRequest cmd, CurrentUser user, RegisterVaccinee h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{r.Id}", r)))
            .WithSummary("Register a child at the vaccination clinic (接种证 number, guardian), linked to the resident record")
            .Produces<VaccineeDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, RegisterVaccineeRequest cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var resident = cmd.ResidentId is { } rid ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var v = new Validation();
        if (cmd.ResidentId is null) v.Add("residentId", "error.required");
        else if (resident is null) return new NotFound("Resident", cmd.ResidentId.ToString()!);
        else if (resident.Status != ResidentStatus.Active) v.Add("residentId", "error.resident.not_active");
        else if (VaccineeRules.TooOld(resident.BirthDate, today)) v.Add("residentId", "error.vaccinee.too_old");
        VaccineeValidation.CheckCertificate(v, cmd.CertificateNumber, cmd.CertificateIssuedOn, resident?.BirthDate, today);
        VaccineeValidation.CheckGuardian(v, cmd.GuardianName, cmd.GuardianRelation, cmd.GuardianPhone);
        VaccineeValidation.CheckBirthWeight(v, cmd.BirthWeightGrams);
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
            CertificateIssuedOn = cmd.CertificateIssuedOn ?? today, GuardianName = cmd.GuardianName!.Trim(), GuardianRelation = cmd.GuardianRelation?.Trim() ?? "",
            GuardianPhone = PhoneNumber.Normalize(cmd.GuardianPhone)!, MotherHBsAg = cmd.MotherHBsAg ?? HBsAgStatus.Unknown,
            BirthWeightGrams = cmd.BirthWeightGrams, Immunodeficient = cmd.Immunodeficient ?? false, CreatedAt = now, UpdatedAt = now,
        };
        await ImmunizationWorkItems.SyncAsync(db, child, VaccinationHistory.Recompute(child, [], [], today), today, now, ct);
        db.Vaccinees.Add(child);
        db.Audit(staff, "Vaccinee", child.Id.ToString(), AuditActions.Create, $"certificate {certificate}");
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, child.Id, clock.Today(), ct);
    }
}
