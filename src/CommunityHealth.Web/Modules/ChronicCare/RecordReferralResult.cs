using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record RecordReferralResult(string? Result, DateOnly? On, string? Note);

/// <summary>
/// A referral's result: 1 到位 (arrived), 2 不到位 (did not arrive), or "cancel". The handler keeps the suffix because the
/// request's name is the API's.
/// </summary>
public sealed class RecordReferralResultHandler(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/referrals/{id:guid}/result", async (Guid id, RecordReferralResult cmd, CurrentUser user, RecordReferralResultHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The referral's result: 1 到位, 2 不到位, or cancel").Produces<ReferralDto>().ProducesValidationProblem();

    public async Task<Outcome<ReferralDto>> HandleAsync(StaffContext staff, Guid referralId, RecordReferralResult cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null) return new NotFound("Referral", referralId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? today;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (cmd.Result != "cancel" && !ChronicCodes.ReferralResult.IsValid(cmd.Result, on)) v.Add("result", string.IsNullOrWhiteSpace(cmd.Result) ? "error.required" : "error.code_unknown");
        if (referral.Status != ReferralStatus.Issued) v.Add("result", "error.chronic.referral_closed");
        if (on > today) v.Add("on", "error.date_future");
        else if (on < ChinaTime.DateOf(referral.IssuedAt)) v.Add("on", "error.chronic.before_referral");
        if (v.ToError() is { } invalid) return invalid;
        referral.Status = ReferralRules.StatusFor(cmd.Result);
        (referral.ResultOn, referral.ResultNote) = (on, string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim());
        db.Audit(staff, "Referral", referral.Id.ToString(), AuditActions.Update, $"result {referral.Status}");
        await db.SaveChangesAsync(ct);
        return ChronicMapping.ToDto(referral);
    }
}
