using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Organizations;
using MiniExcelLibs;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The search result list as an Excel sheet with Chinese headers (the route records the export: ReadAudit).</summary>
public sealed class ResidentExport(ListOrganizations orgs, ListTeams teams)
{
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
