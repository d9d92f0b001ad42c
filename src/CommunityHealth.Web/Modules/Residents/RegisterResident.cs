using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Register (建档): the form, the managing station/center and team, and the household to join or found.</summary>
public sealed record RegisterResident(Guid? OrganizationId, Guid? TeamId, ResidentDraft? Record, HouseholdChoice? Household = null);

/// <summary>
/// Registers a resident (建档) in a station or center of the caller's scope and assigns the 17-digit record number. The
/// handler keeps the suffix because the request's name is the API's (OpenAPI schema <c>RegisterResident</c>).
/// </summary>
public sealed class RegisterResidentHandler(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/", async (RegisterResident cmd, CurrentUser user, RegisterResidentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/residents/{r.Id}", r)))
            .WithSummary("Register a resident (建档) and assign the 17-digit record number")
            .Produces<ResidentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, RegisterResident cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var checkedDraft = ResidentRules.Validate(cmd.Record ?? new ResidentDraft(), clock.Today());
        await using var db = dbs.For(staff);
        var org = cmd.OrganizationId is { } oid ? await organizations.FindActiveAsync(db.Scope, oid, ct) : null;
        var placement = await ResidentWrites.CheckPlacementAsync(db, org, cmd.TeamId, ct);
        if (!checkedDraft.IsSuccess || placement is not null)
            return Merge(checkedDraft.Error as Invalid, placement);
        var draft = checkedDraft.Value;
        var householdError = cmd.Household is { } h ? await ResidentWrites.CheckHouseholdAsync(db, h, ct) : null;
        if (householdError is not null) return householdError;

        var now = clock.GetUtcNow().UtcDateTime;
        var r = new Resident
        {
            Id = Guid.CreateVersion7(), DistrictId = org!.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = cmd.TeamId,
            CreatedAt = now, UpdatedAt = now,
        };
        ResidentMapping.Apply(r, draft);
        r.Conditions = ResidentWrites.Conditions(r, draft);
        // One round trip for both checks: the same ID number anywhere (refused), and possible duplicates in the
        // caller's scope (same birth date and name, or phone), flagged for review.
        var idNumber = draft.DocumentType == ResidentRules.IdCard ? draft.DocumentNumber : null;
        var candidates = await db.Residents.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Status != ResidentStatus.Merged && ((idNumber != null && x.IdNumber == idNumber)
                || (x.DistrictId == r.DistrictId && x.BirthDate == r.BirthDate && (x.Name == r.Name || (r.Phone != null && x.Phone == r.Phone)))))
            .Select(x => new Resident { Id = x.Id, RecordNumber = x.RecordNumber, Name = x.Name, DistrictId = x.DistrictId, CenterId = x.CenterId, OrganizationId = x.OrganizationId, IdNumber = x.IdNumber })
            .Take(50).ToListAsync(ct);
        if (idNumber is not null && candidates.FirstOrDefault(x => x.IdNumber == idNumber) is { } taken) return ResidentWrites.DuplicateId(db, taken);
        r.PossibleDuplicate = candidates.Any(db.Scope.Contains);

        // The counter row is locked from here to commit: keep this span to the number and the inserts.
        await using var tx = await db.BeginWriteAsync(ct);
        var number = await RecordNumbers.NextAsync(db, org.DistrictId, HealthRecordNumber.PrefixFor(org.DivisionCode), ct);
        if (number is null) return new Invalid("organizationId", "error.resident.numbers_exhausted");
        r.RecordNumber = number;
        r.RecordLast8 = number[9..];
        db.Residents.Add(r);
        if (cmd.Household is { } choice) await ResidentWrites.JoinHouseholdAsync(db, r, choice, clock, ct);
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Create, r.RecordNumber);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, clock.Today());
    }

    private static Error Merge(Invalid? a, Invalid? b) => new Invalid([.. a?.Errors ?? [], .. b?.Errors ?? []]);
}
