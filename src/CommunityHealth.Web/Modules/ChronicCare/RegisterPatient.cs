using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record RegisterChronic(
    Guid? ResidentId, Programme? Programme, DateOnly? DiagnosedOn, string? DiagnosedAt, string? Source, Guid? DoctorId, string? DoctorName,
    Guid? TeamId, DateOnly? RegisteredOn);

/// <summary>
/// 建立专案: registers a resident (35+) on the hypertension or diabetes programme with the diagnosis, source, doctor and
/// team; the first follow-up is due within 2 weeks.
/// </summary>
public sealed class RegisterPatient(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/registrations", async (RegisterChronic cmd, CurrentUser user, RegisterPatient h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{r.ResidentId}", r)))
            .WithSummary("Register a resident (35+) on the hypertension or diabetes programme (建立专案): diagnosis date and facility, source, doctor, team")
            .Produces<RegistrationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public async Task<Outcome<RegistrationDto>> HandleAsync(StaffContext staff, RegisterChronic cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var resident = cmd.ResidentId is { } rid ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (cmd.ResidentId is not null && resident is null) return new NotFound("Resident", cmd.ResidentId.ToString()!);
        var rules = ChronicRuleSet.For(today);
        var v = new Validation();
        if (resident is null) v.Add("residentId", "error.required");
        else if (resident.Status != ResidentStatus.Active) v.Add("residentId", "error.resident.not_active");
        else if (!RegistrationRules.OldEnough(resident.BirthDate, today, rules)) v.Add("residentId", "error.chronic.too_young", rules.ScreeningAge);
        if (cmd.Programme is null || !Enum.IsDefined(cmd.Programme.Value)) v.Add("programme", "error.required");
        var registeredOn = cmd.RegisteredOn ?? today;
        if (cmd.DiagnosedOn is not { } diagnosed) v.Add("diagnosedOn", "error.required");
        else if (diagnosed > today) v.Add("diagnosedOn", "error.date_future");
        else if (resident is not null && diagnosed < resident.BirthDate) v.Add("diagnosedOn", "error.date_before_birth");
        if (registeredOn > today) v.Add("registeredOn", "error.date_future");
        else if (cmd.DiagnosedOn is { } d2 && registeredOn < d2) v.Add("registeredOn", "error.chronic.registered_before_diagnosis");
        v.OptionalText("diagnosedAt", cmd.DiagnosedAt, 100).OptionalText("doctorName", cmd.DoctorName, 50);
        if (!ChronicCodes.Source.IsValid(cmd.Source, registeredOn)) v.Add("source", string.IsNullOrWhiteSpace(cmd.Source) ? "error.required" : "error.code_unknown");
        var team = cmd.TeamId ?? resident?.TeamId;
        if (cmd.TeamId is { } tid && !await db.Teams.AnyAsync(t => t.Id == tid, ct)) v.Add("teamId", "error.code_unknown");
        string? doctorName = cmd.DoctorName?.Trim();
        if (cmd.DoctorId is { } did)
        {
            doctorName = await db.Users.Where(u => u.Id == did).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (doctorName is null) v.Add("doctorId", "error.code_unknown");
        }
        if (v.ToError() is { } invalid) return invalid;
        var programme = cmd.Programme!.Value;
        if (await db.ChronicRegistrations.AnyAsync(r => r.ResidentId == resident!.Id && r.Programme == programme && r.Status == RegistrationStatus.Active, ct))
            return new Conflict("programme", "error.chronic.already_registered");

        var now = clock.GetUtcNow().UtcDateTime;
        var isDoctor = staff.Roles.Contains(StaffRole.FamilyDoctor);
        var reg = new ChronicRegistration
        {
            Id = Guid.CreateVersion7(), DistrictId = resident!.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, TeamId = team,
            ResidentId = resident.Id, Programme = programme, BirthDate = resident.BirthDate, DiagnosedOn = cmd.DiagnosedOn!.Value,
            DiagnosedAt = cmd.DiagnosedAt?.Trim() ?? "", Source = cmd.Source!, DoctorId = cmd.DoctorId ?? (isDoctor ? staff.UserId : null),
            DoctorName = doctorName is { Length: > 0 } ? doctorName : isDoctor ? staff.DisplayName : "",
            RegisteredOn = registeredOn, NextVisitOn = RegistrationRules.FirstVisitDue(registeredOn, rules),
            CreatedById = staff.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.ChronicRegistrations.Add(reg);
        db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "chronic." + programme, null,
            Text.Get("chronic.registered", ChronicMapping.ProgrammeName(programme))));
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await ChronicStats.CopyRegistrationAsync(db, reg, ct); // a re-registration: earlier visits' rows now belong to it
            await ChronicWorkItems.SyncAsync(db, reg, WorkItemStatus.Closed, today, now, ct); // the first follow-up on the home list
            db.Audit(staff, "ChronicRegistration", reg.Id.ToString(), AuditActions.Create, $"{programme} resident {resident.Id}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return (await ChronicMapping.RegistrationsAsync(db, resident.Id, today, ct)).First(r => r.Id == reg.Id);
    }
}
