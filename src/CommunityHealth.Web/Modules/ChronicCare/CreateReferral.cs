using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record CreateReferral(Guid? VisitId, bool? Urgent, string? Reason, string? ToFacility, string? ToDepartment, string? Note);

/// <summary>
/// One-click referral (上转) from a visit (reason and urgency taken from it unless given), or a referral of its own; its
/// follow-up is due in 2 weeks. The handler keeps the suffix because the request's name is the API's.
/// </summary>
public sealed class CreateReferralHandler(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/patients/{residentId:guid}/referrals", async (Guid residentId, CreateReferral cmd, CurrentUser user, CreateReferralHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{residentId}", r)))
            .WithSummary("A referral (上转), from a visit (reason and urgency from it) or on its own; follow-up due in 2 weeks").Produces<ReferralDto>(201).ProducesValidationProblem();

    public async Task<Outcome<ReferralDto>> HandleAsync(StaffContext staff, Guid residentId, CreateReferral cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var visit = cmd.VisitId is { } vid ? await db.ChronicVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == vid && x.ResidentId == residentId, ct) : null;
        var v = new Validation();
        if (cmd.VisitId is not null && visit is null) v.Add("visitId", "error.code_unknown");
        else if (visit is not null && await db.Referrals.AnyAsync(r => r.VisitId == visit.Id && r.Status != ReferralStatus.Cancelled, ct)) v.Add("visitId", "error.chronic.referral_exists");
        var reason = cmd.Reason?.Trim() is { Length: > 0 } given ? given : visit is null ? null : VisitReferralReason(visit);
        v.RequireText("reason", reason, 500).RequireText("toFacility", cmd.ToFacility, 100).OptionalText("toDepartment", cmd.ToDepartment, 50).OptionalText("note", cmd.Note, 500);
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            VisitId = visit?.Id, Urgent = cmd.Urgent ?? visit?.Urgent ?? false, Reason = reason!, ToFacility = cmd.ToFacility!.Trim(),
            ToDepartment = string.IsNullOrWhiteSpace(cmd.ToDepartment) ? null : cmd.ToDepartment.Trim(), Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(),
            IssuedAt = now, IssuedBy = staff.DisplayName, IssuedById = staff.UserId,
            FollowUpBy = ReferralRules.FollowUpBy(ChinaTime.DateOf(now), ChronicRuleSet.For(clock.Today())),
        };
        db.Referrals.Add(referral);
        db.Audit(staff, "Referral", referral.Id.ToString(), AuditActions.Create, $"resident {residentId}{(referral.Urgent ? " urgent" : "")} to {referral.ToFacility}");
        await db.SaveChangesAsync(ct);
        return ChronicMapping.ToDto(referral);
    }

    /// <summary>A visit's urgent reasons in the UI language, or "referral advised" when the chain called for it without urgent signs.</summary>
    private static string VisitReferralReason(ChronicVisit visit)
    {
        var reasons = Findings.Parse(visit.UrgentReasons).Select(Findings.Render).ToList();
        if (reasons.Count == 0 && visit.ReferralAdvised) reasons.Add(Text.Get("chronic.referral.advised"));
        return string.Join("；", reasons);
    }
}
