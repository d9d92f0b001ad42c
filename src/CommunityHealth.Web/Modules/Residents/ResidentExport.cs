using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Organizations;
using MiniExcelLibs;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The search result list as an Excel sheet with Chinese headers (the route records the export: ReadAudit).</summary>
public sealed class ResidentExport(ListOrganizations orgs, ListTeams teams)
{
    /// <summary>Maps <c>/export</c>: the search of <see cref="SearchResidents"/> (up to its export limit) as a sheet; it needs <see cref="Permission.ResidentsExport"/>.</summary>
    public static void Map(RouteGroupBuilder g) =>
        g.MapGroup("").RequirePermission(Permission.ResidentsExport).MapGet("/export", async (string? q, bool? includeClosed, CurrentUser user, SearchResidents h, ResidentExport export, CancellationToken ct) =>
        {
            var staff = await user.GetAsync();
            var rows = await h.ListAsync(staff, q, includeClosed ?? true, SearchResidents.MaxExport, ct);
            return rows.IsSuccess
                ? ReadAuditEndpoints.Export(TypedResults.File(await export.ToExcelAsync(staff, rows.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "居民档案查询结果.xlsx"), rows.Value)
                : Problems.From(rows.Error!);
        }).WithSummary("The search result list as .xlsx (masked ID and phone; the export is audited)");

    public async Task<byte[]> ToExcelAsync(StaffContext staff, IReadOnlyList<ResidentSummary> rows, CancellationToken ct)
    {
        var orgNames = (await orgs.HandleAsync(staff, ct)).ToDictionary(o => o.Id, o => o.Name);
        var teamNames = (await teams.HandleAsync(staff, null, ct)).ToDictionary(t => t.Id, t => t.Name);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["姓名"] = r.Name, ["性别"] = ResidentCodes.Sex.Find(r.Sex)?.Zh, ["出生日期"] = r.BirthDate.ToString("yyyy-MM-dd"), ["年龄"] = r.Age,
            ["证件号码"] = r.MaskedDocument, ["本人电话"] = r.MaskedPhone, ["档案编号"] = r.RecordNumber,
            ["管理机构"] = orgNames.GetValueOrDefault(r.OrganizationId), ["责任团队"] = r.TeamId is { } t ? teamNames.GetValueOrDefault(t) : null,
            ["档案状态"] = r.Status == "Active" ? "在管" : "已结案",
        }).ToList();
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheet, cancellationToken: ct);
        return ms.ToArray();
    }
}
