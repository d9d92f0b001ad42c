using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// One page of a search: the rows, the number of matches (counted up to <see cref="SearchResidents.MaxCounted"/>;
/// <see cref="TotalIsLowerBound"/> says "more than that") and the page asked for.
/// </summary>
public sealed record ResidentSearchResult(IReadOnlyList<ResidentSummary> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

/// <summary>
/// The search box: name prefix, pinyin initials, ID number (full, last 4 or 6), phone, record number (17 digits or last
/// 8), in the user's scope, one page at a time with the number of matches, as the work lists answer.
/// </summary>
public sealed class SearchResidents(ScopedDb dbs, IResidentReads reads, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    /// <summary>Matches are counted up to this many; a broader search says "more than 1,000" and asks for a narrower one.</summary>
    public const int MaxCounted = 1000;
    public const int MaxExport = 10_000;

    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (string? q, bool? includeClosed, int? page, int? pageSize, CurrentUser user, SearchResidents h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), q, includeClosed ?? true, page, pageSize, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Search by name prefix, pinyin initials, ID number (full, last 4 or 6), phone, record number (17 digits or last 8); one page and the number of matches")
            .Produces<ResidentSearchResult>().ProducesValidationProblem();

    public async Task<Outcome<ResidentSearchResult>> HandleAsync(StaffContext staff, string? text, bool includeClosed = true, int? page = null, int? pageSize = null,
        CancellationToken ct = default)
    {
        if (ResidentSearch.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        var paging = PageRequest.Of(page, pageSize ?? DefaultPageSize, MaxPageSize);
        if (!paging.IsSuccess) return paging.Error!;
        var pg = paging.Value;
        await using var db = dbs.For(staff);
        var (rows, matches) = await reads.SearchPageAsync(db, parsed.Kind, parsed.Value, includeClosed, pg.Skip, pg.PageSize, MaxCounted, ct);
        var today = clock.Today();
        return new ResidentSearchResult(rows.Select(r => Summary(r, today)).ToList(), Math.Min(matches, MaxCounted), matches > MaxCounted, pg.Page, pg.PageSize);
    }

    /// <summary>Every match up to <paramref name="limit"/>, without a count (the export, a look-up by record number).</summary>
    public async Task<Outcome<IReadOnlyList<ResidentSummary>>> ListAsync(StaffContext staff, string? text, bool includeClosed, int limit, CancellationToken ct = default)
    {
        if (ResidentSearch.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        await using var db = dbs.For(staff);
        var rows = await reads.SearchAsync(db, parsed.Kind, parsed.Value, includeClosed, Math.Clamp(limit, 1, MaxExport), ct);
        var today = clock.Today();
        return rows.Select(r => Summary(r, today)).ToList();
    }

    private static ResidentSummary Summary(ResidentReads.SummaryRow r, DateOnly today) =>
        ResidentMapping.Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber, r.OrganizationId, r.TeamId, r.Status, today);
}
