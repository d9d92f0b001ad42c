using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>How many items each programme has in the window for the caller's scope, and how many of them are overdue (no names).</summary>
public sealed class CountWorkItems(ScopedDb dbs, WorkProgrammes programmes, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/counts", async (Guid? team, Guid? doctor, string? grid, string? due, CurrentUser user, CountWorkItems h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), new WorkListRequest(null, team, doctor, grid, due), ct)).ToResult(TypedResults.Ok))
            .WithSummary("Items per programme in the window (today, week, overdue, 30d) and how many are overdue")
            .Produces<IReadOnlyList<ProgrammeCount>>().ProducesValidationProblem();

    public async Task<Outcome<IReadOnlyList<ProgrammeCount>>> HandleAsync(StaffContext staff, WorkListRequest req, CancellationToken ct = default)
    {
        var filter = WorkListQuery.Parse(programmes, staff, null, req.Team, req.Doctor, req.Grid, req.Due, null, clock.Today());
        if (!filter.IsSuccess) return filter.Error!;
        await using var db = dbs.For(staff);
        return new Outcome<IReadOnlyList<ProgrammeCount>>(await WorkListQuery.CountsAsync(db, filter.Value, ct));
    }
}
