using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Audit;

public sealed record AuditQuery(
    DateOnly? From = null, DateOnly? To = null, string? UserName = null, string? Entity = null, string? EntityId = null,
    string? Action = null, Guid? OrganizationId = null, int Page = 1, int PageSize = 50);

public sealed record AuditRow(
    Guid Id, DateTime At, string UserName, string Roles, Guid? OrganizationId, string Entity, string EntityId,
    string Action, string? ClientAddress, string? Detail);

public sealed record AuditResultPage(int Total, int Page, int PageSize, IReadOnlyList<AuditRow> Items);

/// <summary>The audit trail for administrators, newest first, filtered and paged.</summary>
public sealed class QueryAuditLog(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async ([AsParameters] AuditQuery q, CurrentUser user, QueryAuditLog h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), q, ct)).ToResult(TypedResults.Ok))
            .WithTags("Audit").WithSummary("Audit trail (administrators); dates are China Standard Time calendar days")
            .Produces<AuditResultPage>().ProducesValidationProblem().ProducesProblem(403);

    public async Task<Outcome<AuditResultPage>> HandleAsync(StaffContext staff, AuditQuery q, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.AuditRead)) return new Forbidden();
        if (q.From is { } f && q.To is { } t && f > t) return new Invalid("from", "error.date_range");
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(q.Page, 1);

        await using var db = dbs.For(staff);
        var rows = db.AuditEntries.AsNoTracking();
        if (q.From is { } from) { var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset; rows = rows.Where(a => a.At >= start); }
        if (q.To is { } to) { var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset; rows = rows.Where(a => a.At < end); }
        if (!string.IsNullOrWhiteSpace(q.UserName)) rows = rows.Where(a => a.UserName == q.UserName.Trim().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(q.Entity)) rows = rows.Where(a => a.Entity == q.Entity.Trim());
        if (!string.IsNullOrWhiteSpace(q.EntityId)) rows = rows.Where(a => a.EntityId == q.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(q.Action)) rows = rows.Where(a => a.Action == q.Action.Trim());
        if (q.OrganizationId is { } org) rows = rows.Where(a => a.OrganizationId == org);

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Roles, a.OrganizationId, a.Entity, a.EntityId, a.Action, a.ClientAddress, a.Detail))
            .ToListAsync(ct);
        return new AuditResultPage(total, page, pageSize, items);
    }
}
