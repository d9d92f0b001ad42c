using CommunityHealth.Data.Audit;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>What came of contacting the resident: Called (已联系), Unreachable (联系不上) or MovedAway (已迁出), with a note.</summary>
public sealed record RecordOutcomeRequest(string? Outcome, string? Note);

/// <summary>
/// Records the outcome of contacting the resident about an item: kept with the item (who, when, note) and shown on the list
/// from then on; a later outcome replaces it (the audit keeps each one). Needs the programme's write permission.
/// </summary>
public sealed class RecordWorkItemOutcome(ScopedDb dbs, WorkProgrammes programmes, OrganizationCache organizations, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{itemId:guid}/outcome", async (Guid itemId, RecordOutcomeRequest cmd, CurrentUser user, RecordWorkItemOutcome h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), itemId, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Record Called, Unreachable or MovedAway with a note (up to 200 characters) on an item of the caller's scope")
            .Produces<WorkItemDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<WorkItemDto>> HandleAsync(StaffContext staff, Guid itemId, RecordOutcomeRequest cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var item = await db.WorkItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        var programme = item is null ? null : programmes.Find(item.Programme);
        if (item is null || programme is null || !staff.Can(programme.ReadPermission)) return new NotFound("WorkItem", itemId.ToString());
        if (!staff.Can(programme.WritePermission)) return new Forbidden();
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (string.IsNullOrWhiteSpace(cmd.Outcome)) v.Add("outcome", "error.required");
        else if (!Enum.TryParse<WorkItemOutcome>(cmd.Outcome, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(cmd.Outcome, out _))
            v.Add("outcome", "error.code_unknown");
        if (v.ToError() is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        item.Outcome = Enum.Parse<WorkItemOutcome>(cmd.Outcome!, ignoreCase: true);
        item.OutcomeNote = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        (item.OutcomeById, item.OutcomeBy, item.OutcomeAt, item.UpdatedAt) = (staff.UserId, staff.DisplayName, now, now);
        db.Audit(staff, "Resident", item.ResidentId.ToString(), AuditActions.Update, $"work item {item.Id} {item.Programme} {item.Code}: {item.Outcome}");
        await db.SaveChangesAsync(ct);
        return (await WorkListQuery.RowsAsync(db, organizations, programmes.All, [item], clock.Today(), ct)).Single();
    }

    /// <summary>The outcome's words in the current language.</summary>
    public static string Text(string? outcome) => outcome switch
    {
        nameof(WorkItemOutcome.Called) => Platform.Text.L("已联系"),
        nameof(WorkItemOutcome.Unreachable) => Platform.Text.L("联系不上"),
        nameof(WorkItemOutcome.MovedAway) => Platform.Text.L("已迁出"),
        _ => "",
    };
}
