using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>The home list's query string: programme, team, doctor, grid, due window (today, week, overdue, 30d), page and sort (overdue, recent).</summary>
public sealed record WorkListRequest(string? Programme = null, Guid? Team = null, Guid? Doctor = null, string? Grid = null, string? Due = null,
    int? Page = null, int? PageSize = null, string? Sort = null);

/// <summary>
/// The shared home list (今日待办): every programme's due and overdue items for the caller's scope (a station its own, a
/// center itself and its stations), filtered, counted per programme and paged, most days overdue first.
/// </summary>
public sealed class ListWorkItems(ScopedDb dbs, WorkProgrammes programmes, OrganizationCache organizations, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (string? programme, Guid? team, Guid? doctor, string? grid, string? due, int? page, int? pageSize, string? sort,
                CurrentUser user, ListWorkItems h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), new WorkListRequest(programme, team, doctor, grid, due, page, pageSize, sort), ct)).ToResult(TypedResults.Ok))
            .WithSummary("The home list: due (today = due by today, week, overdue, 30d) items of every programme in the caller's scope; " +
                "one page (page from 1, pageSize 1–2000, default 100), the total and the counts per programme")
            .Produces<WorkListAnswer>().ProducesValidationProblem().ProducesProblem(404);

    public async Task<Outcome<WorkListAnswer>> HandleAsync(StaffContext staff, WorkListRequest req, CancellationToken ct = default)
    {
        var filter = WorkListQuery.Parse(programmes, staff, req.Programme, req.Team, req.Doctor, req.Grid, req.Due, req.Sort, clock.Today());
        if (!filter.IsSuccess) return filter.Error!;
        var paging = PageRequest.Of(req.Page, req.PageSize, WorkListQuery.MaxPageSize);
        if (!paging.IsSuccess) return paging.Error!;
        await using var db = dbs.For(staff);
        return await WorkListQuery.PageAsync(db, organizations, filter.Value, paging.Value, ct);
    }
}
