using CommunityHealth.Data;
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

/// <summary>
/// Registers a child at the vaccination clinic (接种证 number, guardian), linked to the resident record; the forecast's next
/// dates are stored. A record opened without a certificate (<see cref="ProvisionalAsync"/>, when a dose given elsewhere
/// arrives through FHIR) is completed by registering the child: the certificate, guardian and facts are filled in.
/// </summary>
public sealed class RegisterVaccinee(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    /// <summary>The audit detail of a record opened from a dose given elsewhere.</summary>
    public const string ProvisionalDetail = "opened for a dose given elsewhere (FHIR Immunization); certificate not known";

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
        var existing = await db.Vaccinees.FirstOrDefaultAsync(x => x.ResidentId == resident!.Id, ct);
        if (existing is { CertificateNumber.Length: > 0 }) return new Conflict("residentId", "error.vaccinee.already_registered");
        var certificate = cmd.CertificateNumber!.Trim();
        // "<> ''" written out so the planner can use the (partial) unique index
        if (await db.Vaccinees.IgnoreQueryFilters().AnyAsync(x => x.DistrictId == resident!.DistrictId && x.CertificateNumber == certificate && x.CertificateNumber != "", ct))
            return new Conflict("certificateNumber", "error.vaccinee.certificate_taken");

        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is not null) return await CompleteAsync(db, staff, existing, cmd, certificate, now, today, ct);
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

    /// <summary>
    /// A record opened without a certificate gets the registration's certificate, guardian and facts; the history is judged
    /// again (the mother's HBsAg or the birth weight change how doses count).
    /// </summary>
    private async Task<Outcome<VaccineeDto>> CompleteAsync(HealthDbContext db, StaffContext staff, Vaccinee child, RegisterVaccineeRequest cmd, string certificate,
        DateTime now, DateOnly today, CancellationToken ct)
    {
        child.CertificateNumber = certificate;
        child.CertificateIssuedOn = cmd.CertificateIssuedOn ?? today;
        child.GuardianName = cmd.GuardianName!.Trim();
        child.GuardianRelation = cmd.GuardianRelation?.Trim() ?? "";
        child.GuardianPhone = PhoneNumber.Normalize(cmd.GuardianPhone)!;
        if (cmd.MotherHBsAg is { } hbsag) child.MotherHBsAg = hbsag;
        if (cmd.BirthWeightGrams is { } grams) child.BirthWeightGrams = grams;
        if (cmd.Immunodeficient is { } immunodeficient) child.Immunodeficient = immunodeficient;
        child.UpdatedAt = now;
        await VaccinationHistory.RecomputeAsync(db, child, today, now, ct);
        db.Audit(staff, "Vaccinee", child.Id.ToString(), AuditActions.Update, $"registered: certificate {certificate}");
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, child.Id, today, ct);
    }

    /// <summary>
    /// A vaccination record for a resident who has none, opened because a dose given elsewhere arrived (FHIR Immunization):
    /// the facts come from the health record (birth date, placement), the guardian is the record's contact when it has one
    /// with a valid phone, and what the record does not know stays unknown — no certificate number (the coverage's 建证 does
    /// not count it), no guardian relation, the mother's HBsAg unknown. Not saved here: the dose's transaction saves it
    /// with its audit row. Null resident in scope ⇒ <see cref="NotFound"/>.
    /// </summary>
    public async Task<Outcome<Vaccinee>> ProvisionalAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId && r.Status != ResidentStatus.Merged, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (resident.Status != ResidentStatus.Active) return new Invalid("residentId", "error.resident.not_active");
        if (VaccineeRules.TooOld(resident.BirthDate, today)) return new Invalid("residentId", "error.vaccinee.too_old");
        var contactKnown = !string.IsNullOrWhiteSpace(resident.ContactName) && resident.ContactName.Trim().Length <= 50 && PhoneNumber.IsValid(resident.ContactPhone);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Vaccinee
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId,
            TeamId = resident.TeamId, ResidentId = resident.Id, BirthDate = resident.BirthDate, CertificateNumber = "", CertificateIssuedOn = today,
            GuardianName = contactKnown ? resident.ContactName!.Trim() : "", GuardianRelation = "",
            GuardianPhone = contactKnown ? PhoneNumber.Normalize(resident.ContactPhone)! : "", MotherHBsAg = HBsAgStatus.Unknown,
            CreatedAt = now, UpdatedAt = now,
        };
    }
}
