using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordContactRequest(DateOnly? On, string? Method, string? Result, string? Note);

/// <summary>Marks an attempt to reach the guardian (phone, visit …) and its result; the child's last contact day moves forward.</summary>
public sealed class RecordContact(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/contacts", async (Guid id, RecordContactRequest cmd, CurrentUser user, RecordContact h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Mark a contact attempt with the guardian").Produces<ContactDto>(201).ProducesValidationProblem();

    public async Task<Outcome<ContactDto>> HandleAsync(StaffContext staff, Guid id, RecordContactRequest cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("method", cmd.Method, 20).RequireText("result", cmd.Result, 50).OptionalText("note", cmd.Note, 200);
        var on = cmd.On ?? today;
        if (on > today) v.Add("on", "error.date_future");
        if (v.ToError() is { } invalid) return invalid;
        var contact = new ContactAttempt
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            On = on, Method = cmd.Method!.Trim(), Result = cmd.Result!.Trim(), Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(),
            By = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContactAttempts.Add(contact);
        if (child.LastContactOn is null || child.LastContactOn < on) child.LastContactOn = on;
        db.Audit(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"contact {contact.Method} {contact.Result}");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(contact);
    }
}
